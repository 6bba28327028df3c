/// `F.softmax`, `F.log_softmax` (nodes `SoftmaxBackward0` / `LogSoftmaxBackward0`) and `F.dropout`
/// (inverted dropout drawn from the seeded generator exactly as PyTorch's CPU path does).

extension Functional {
    /// The dim PyTorch picks when `dim` is omitted (`_get_softmax_dim`, with a deprecation warning).
    public static func implicitSoftmaxDim(_ ndim: Int) -> Int { (ndim == 0 || ndim == 1 || ndim == 3) ? 0 : 1 }

    /// [outer, size, inner] around `d` for a contiguous tensor.
    static func splitAround(_ shape: [Int], _ d: Int) -> (Int, Int, Int) {
        let outer = shape[..<d].reduce(1, *), size = shape.isEmpty ? 1 : shape[d]
        let inner = shape.isEmpty ? 1 : shape[(d + 1)...].reduce(1, *)
        return (outer, size, inner)
    }

    static func softmaxKernel<T: FloatElement>(_: T.Type, _ x: Tensor, _ out: Tensor, dim d: Int, log: Bool) {
        let (outer, size, inner) = splitAround(x.shape, d)
        guard size > 0 else { return }
        let src = x.dataPointer(T.self), dst = out.dataPointer(T.self)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * size * inner + i
                var mx = src[base]
                for k in 1..<max(size, 1) {
                    let v = src[base + k * inner]
                    if v.isNaN || v > mx { mx = v }
                }
                var sum: T = 0
                if log {
                    for k in 0..<size { sum += T.fexp(src[base + k * inner] - mx) }
                    let ls = T.flog(sum)
                    for k in 0..<size { dst[base + k * inner] = src[base + k * inner] - mx - ls }
                } else {
                    for k in 0..<size {
                        let e = T.fexp(src[base + k * inner] - mx)
                        dst[base + k * inner] = e
                        sum += e
                    }
                    if inner == 1 {
                        let r = 1 / sum
                        for k in 0..<size { dst[base + k] *= r }
                    } else {
                        for k in 0..<size { dst[base + k * inner] /= sum }
                    }
                }
            }
        }
    }

    static func softmaxForward(_ x: Tensor, dim: Int, log: Bool, dtype: DType?) throws -> (Tensor, Tensor, Int) {
        let d = try wrapDim(dim, x.dim)
        var src = x
        if let dt = dtype { src = x.to(dt) }
        guard src.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"\(log ? "log_softmax" : "softmax")\(d == x.dim - 1 ? "_lastdim" : "")_kernel_impl\" not implemented for '\(src.dtype.scalarTypeName)'")
        }
        let c = src.isContiguous ? src : src.materialized()
        let out = Tensor(zeros: x.shape, dtype: c.dtype, device: x.device)
        if c.dtype == .float32 { softmaxKernel(Float.self, c, out, dim: d, log: log) }
        else { softmaxKernel(Double.self, c, out, dim: d, log: log) }
        withExtendedLifetime(c) {}
        return (src, out, d)
    }

    /// `F.softmax(x, dim, dtype=None)` / `torch.softmax` / `x.softmax(dim)`.
    public static func softmax(_ x: Tensor, dim: Int, dtype: DType? = nil) throws -> Tensor {
        let (src, out, d) = try softmaxForward(x, dim: dim, log: false, dtype: dtype)
        let savedOut = SavedOutput(out)
        let node = recordAutograd("SoftmaxBackward0", inputs: [src], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let out = savedOut.unpack()
            let gy = try go.mul(out)
            return [try gy.sub(out.mul(gy.sum(dims: [d], keepdim: true)))]
        }
        savedOut.node = node
        node?.saveForBackward([out])
        return out
    }

    /// `F.log_softmax(x, dim, dtype=None)`.
    public static func logSoftmax(_ x: Tensor, dim: Int, dtype: DType? = nil) throws -> Tensor {
        let (src, out, d) = try softmaxForward(x, dim: dim, log: true, dtype: dtype)
        let savedOut = SavedOutput(out)
        let node = recordAutograd("LogSoftmaxBackward0", inputs: [src], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let out = savedOut.unpack()
            return [try go.sub(out.exp().mul(go.sum(dims: [d], keepdim: true)))]
        }
        savedOut.node = node
        node?.saveForBackward([out])
        return out
    }

    /// `F.relu(x, inplace=False)`.
    public static func relu(_ x: Tensor, inplace: Bool = false) throws -> Tensor {
        if inplace { try x.unaryInplace(.relu); return x }
        return try x.relu()
    }

    /// `F.leaky_relu(x, negative_slope=0.01, inplace=False)`: x where x > 0, else x·negative_slope with the slope cast
    /// to the input's dtype first (as the CPU kernel does); node LeakyReluBackward0 (LeakyReluBackward1 in place):
    /// grad where x > 0, else grad·negative_slope.
    public static func leakyRelu(_ x: Tensor, negativeSlope: Double = 0.01, inplace: Bool = false) throws -> Tensor {
        guard x.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"leaky_relu_cpu\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        let slope = Scalar.double(x.dtype == .float32 ? Double(Float(negativeSlope)) : negativeSlope)
        func forward(_ v: Tensor, node: String) throws -> Tensor {
            let positive = try v.gt(.int(0))
            let out = try GradMode.with(enabled: false) { try Tensor.whereSelect(positive, v, v.mul(slope)) }
            recordAutograd(node, inputs: [v], outputs: [out]) { g in
                [try g[0].map { go in try Tensor.whereSelect(positive, go, go.mul(slope)) }]
            }
            return out
        }
        guard inplace else { return try forward(x, node: "LeakyReluBackward0") }
        try x.checkNoInternalOverlap()
        try x.runInplace(operands: []) { old in try forward(old, node: "LeakyReluBackward1") }
        return x
    }

    /// `F.dropout(x, p=0.5, training=True, inplace=False)`: zero each element with probability p
    /// (one `bernoulli_(1-p)` draw per element) and scale the survivors by 1/(1-p). Identity when not training.
    public static func dropout(_ x: Tensor, p: Double = 0.5, training: Bool = true, inplace: Bool = false,
                               generator: Generator = .default) throws -> Tensor {
        guard p >= 0 && p <= 1 else {
            throw TensorError.value("dropout probability has to be between 0 and 1, but got \(formatPythonFloat(p))")
        }
        if p == 0 || !training || x.numel == 0 { return x }
        guard x.dtype.isFloatingPoint else {
            throw TensorError.runtime("result type Float can't be cast to the desired output type \(x.dtype.scalarTypeName)")
        }
        if p == 1 {
            let z = Tensor(zeros: [], dtype: x.dtype, device: x.device)
            if inplace { try x.mul_(z); return x }
            return try x.mul(z)
        }
        let noise = Tensor(zeros: x.shape, dtype: x.dtype, device: x.device)
        let n = noise.numel
        if x.dtype == .float32 {
            let q = noise.dataPointer(Float.self)
            generator.fillBernoulli(count: n, p: 1 - p) { i, b in q[i] = b ? 1 : 0 }
        } else {
            let q = noise.dataPointer(Double.self)
            generator.fillBernoulli(count: n, p: 1 - p) { i, b in q[i] = b ? 1 : 0 }
        }
        try noise.div_(.double(1 - p))
        if inplace { try x.mul_(noise); return x }
        return try x.mul(noise)
    }
}

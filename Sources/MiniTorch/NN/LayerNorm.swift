/// `F.layer_norm` / `nn.LayerNorm` with the arithmetic of PyTorch's CPU kernel (layer_norm_kernel.cpp): per row of the
/// trailing `normalized_shape` elements, mean and biased variance, `rstd = 1/sqrt(var + eps)`, and
/// `y = fma((x − mean)·rstd, γ, β)` in the input's precision (float32 rounds each step, as the compiled kernel). Node `NativeLayerNormBackward0`.

extension Functional {
    /// `F.layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-5)`.
    public static func layerNorm(_ input: Tensor, _ normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil,
                                 eps: Double = 1e-5) throws -> Tensor {
        let k = normalizedShape.count
        let shapeText = "[" + normalizedShape.map(String.init).joined(separator: ", ") + "]"
        guard k >= 1 else {
            throw TensorError.runtime("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = \(shapeText)")
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t = t, t.shape != normalizedShape {
                throw TensorError.runtime("Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(shapeList(t.shape)) and normalized_shape = \(shapeText)")
            }
        }
        guard input.dim >= k, Array(input.shape.suffix(k)) == normalizedShape else {
            let star = "[*, " + normalizedShape.map(String.init).joined(separator: ", ") + "]"
            throw TensorError.runtime("Given normalized_shape=\(shapeText), expected input with shape \(star), but got input of size\(shapeList(input.shape))")
        }
        guard input.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"LayerNormKernelImpl\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        let n = normalizedShape.reduce(1, *), rows = n == 0 ? 0 : input.numel / n
        let x = input.materialized(dtype: input.dtype)
        let isF = x.dtype == .float32
        @inline(__always) func at(_ i: Int) -> Double { isF ? Double(x.dataPointer(Float.self)[i]) : x.dataPointer(Double.self)[i] }
        @inline(__always) func rd(_ v: Double) -> Double { isF ? Double(Float(v)) : v }
        let w = weight?.toDoubleArray(), b = bias?.toDoubleArray()
        var means = [Double](repeating: 0, count: rows), rstds = [Double](repeating: 0, count: rows)
        let out = Tensor(zeros: input.shape, dtype: x.dtype, device: input.device)
        for r in 0..<rows {
            let base = r * n
            let (mean, variance) = rowwiseMoments(n, float: isF, rd) { at(base + $0) }
            let rstd = isF ? Double(1 / (Float(variance) + Float(eps)).squareRoot()) : 1 / (variance + eps).squareRoot()
            means[r] = mean; rstds[r] = rstd
            for j in 0..<n {
                let t = rd(rd(at(base + j) - mean) * rstd), gamma = w?[j] ?? 1, beta = b?[j] ?? 0
                let v = isF ? Double(Float(beta).addingProduct(Float(t), Float(gamma))) : beta.addingProduct(t, gamma)
                try writeScalar(out, base + j, v)
            }
        }
        var inputs = [input]
        if let w = weight { inputs.append(w) }
        if let b = bias { inputs.append(b) }
        let hasW = weight != nil, hasB = bias != nil
        recordAutograd("NativeLayerNormBackward0", inputs: inputs, outputs: [out]) { g in
            guard let go = g[0] else { return inputs.map { _ in nil } }
            return try layerNormBackward(go, x: x, n: n, weight: w, means: means, rstds: rstds,
                                         normalizedShape: normalizedShape, hasW: hasW, hasB: hasB)
        }?.saveForBackward(inputs)
        return out
    }

    /// ATen's RowwiseMoments (moments_utils.h) with AVX2 lanes (8 floats / 4 doubles): Welford updates per lane over chunks of
    /// 16 vectors merged on a stack, a scalar Welford tail, then the lanes merged into it, with the fused multiply-adds
    /// the compiled kernel uses. Returns (mean, biased var). Bit-exact with torch 2.15 for rows of up to 128 floats
    /// (measured); longer rows (several chunks) agree to an ulp or so.
    static func rowwiseMoments(_ count: Int, float isF: Bool, _ rd: (Double) -> Double, _ at: (Int) -> Double) -> (Double, Double) {
        let w = isF ? 8 : 4
        func fma(_ a: Double, _ b: Double, _ c: Double) -> Double {
            isF ? Double(Float(c).addingProduct(Float(a), Float(b))) : c.addingProduct(a, b)
        }
        let chunk = 16
        let nv = count / w, m = (nv + chunk - 1) / chunk
        var depth = 0
        while (1 << depth) < m { depth += 1 }
        typealias Lanes = [Double]
        let zero = Lanes(repeating: 0, count: w)
        var m0s = [Int](repeating: 0, count: depth), m1s = [Lanes](repeating: zero, count: depth), m2s = m1s
        func addVec(_ m0Add: Int, _ m1Add: Lanes, _ m2Add: Lanes, _ k: Int) {
            let tot = m0s[k] + m0Add
            let c = tot == 0 ? 0 : rd(Double(m0Add) / Double(tot)), m0 = Double(m0s[k])
            for l in 0..<w {
                let delta = rd(m1Add[l] - m1s[k][l])
                m1s[k][l] = rd(m1s[k][l] + rd(delta * c))
                m2s[k][l] = rd(m2s[k][l] + rd(m2Add[l] + rd(rd(rd(delta * delta) * c) * m0)))
            }
            m0s[k] = tot
        }
        if depth == 0 && m > 0 { m0s = [0]; m1s = [zero]; m2s = [zero] }
        for i in 0..<m {
            let start = i * chunk * w, cnt = min(chunk, nv - i * chunk)
            var m1 = zero, m2 = zero
            for j in 0..<cnt {
                let c = rd(1 / Double(j + 1))
                for l in 0..<w {
                    let x = at(start + j * w + l), delta = rd(x - m1[l])
                    m1[l] = fma(delta, c, m1[l])
                    m2[l] = fma(delta, rd(x - m1[l]), m2[l])
                }
            }
            addVec(cnt, m1, m2, 0)
            var mask = i + 1, j = 1
            while j < depth && mask & 1 == 0 {
                let (a0, a1, a2) = (m0s[j - 1], m1s[j - 1], m2s[j - 1])
                m0s[j - 1] = 0; m1s[j - 1] = zero; m2s[j - 1] = zero
                addVec(a0, a1, a2, j)
                mask >>= 1; j += 1
            }
        }
        if depth > 1 {
            for i in 1..<depth { let (a0, a1, a2) = (m0s[i], m1s[i], m2s[i]); addVec(a0, a1, a2, 0) }
        }
        var m0 = 0, m1 = 0.0, m2 = 0.0
        for i in (nv * w)..<max(count, nv * w) {
            let x = at(i), delta = rd(x - m1)
            m0 += 1
            m1 = rd(m1 + rd(delta / Double(m0)))
            m2 = rd(m2 + rd(delta * rd(x - m1)))
        }
        if m > 0 {
            for l in 0..<w {
                let tot = m0 + nv, c = tot == 0 ? 0 : rd(Double(nv) / Double(tot))
                let delta = rd(m1s[0][l] - m1)
                m1 = fma(c, delta, m1)
                m2 = rd(m2 + fma(rd(rd(delta * delta) * c), Double(m0), m2s[0][l]))
                m0 = tot
            }
        }
        return (m1, rd(m2 / Double(count)))
    }

    /// ATen's `vec::map*_reduce_all` over AVX2 lanes: lane-wise sums, then a tree of halves.
    static func laneSum(_ n: Int, lanes w: Int, _ rd: (Double) -> Double, _ f: (Int) -> Double) -> Double {
        guard n > 0 else { return 0 }
        var acc = [Double](repeating: 0, count: w)
        for l in 0..<min(n, w) { acc[l] = f(l) }
        var d = w
        while d < n {
            for l in 0..<min(w, n - d) { acc[l] = rd(acc[l] + f(d + l)) }
            d += w
        }
        var width = w / 2
        while width >= 1 {
            for l in 0..<width { acc[l] = rd(acc[l] + acc[l + width]) }
            width /= 2
        }
        return acc[0]
    }

    /// layer_norm_backward_cpu's arithmetic (in float for float32): per row ds = Σ dy·x·γ, db = Σ dy·γ,
    /// b = (db·mean − ds)·rstd³/N, c = −b·mean − db·rstd/N, dx = rstd·dy·γ + b·x + c; dγ = Σ_rows dy·(x−mean)·rstd,
    /// dβ = Σ_rows dy.
    static func layerNormBackward(_ go: Tensor, x: Tensor, n: Int, weight w: [Double]?, means: [Double], rstds: [Double],
                                  normalizedShape: [Int], hasW: Bool, hasB: Bool) throws -> [Tensor?] {
        let isF = x.dtype == .float32
        let rd: (Double) -> Double = isF ? { Double(Float($0)) } : { $0 }
        let g = go.materialized(dtype: x.dtype).toDoubleArray(), xs = x.toDoubleArray()
        var gi = [Double](repeating: 0, count: xs.count)
        var gw = [Double](repeating: 0, count: n), gb = [Double](repeating: 0, count: n)
        let scale = rd(1 / Double(n))
        for r in 0..<means.count {
            let base = r * n, mean = means[r], a = rstds[r]
            let ds = laneSum(n, lanes: isF ? 8 : 4, rd) { j in rd(rd(g[base + j] * xs[base + j]) * (w?[j] ?? 1)) }
            let db = laneSum(n, lanes: isF ? 8 : 4, rd) { j in rd(g[base + j] * (w?[j] ?? 1)) }
            let b = rd(rd(rd(rd(rd(rd(db * mean) - ds) * a) * a) * a) * scale)
            let c = rd(rd(-b * mean) - rd(rd(db * a) * scale))
            for j in 0..<n {
                let dy = g[base + j], xv = xs[base + j]
                let first = w.map { rd(rd(a * dy) * $0[j]) } ?? rd(dy * a)
                gi[base + j] = rd(rd(first + rd(b * xv)) + c)
                gw[j] = rd(gw[j] + rd(dy * rd(rd(xv - mean) * a)))
                gb[j] = rd(gb[j] + dy)
            }
        }
        var result: [Tensor?] = [try Tensor(gi, shape: x.shape, device: go.device).to(x.dtype)]
        if hasW { result.append(try Tensor(gw, shape: normalizedShape, device: go.device).to(x.dtype)) }
        if hasB { result.append(try Tensor(gb, shape: normalizedShape, device: go.device).to(x.dtype)) }
        return result
    }
}

/// `nn.LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True, bias=True)`: weight ones, bias zeros.
public final class LayerNorm: Module {
    public let normalizedShape: [Int], eps: Double, elementwiseAffine: Bool
    public init(_ normalizedShape: [Int], eps: Double = 1e-5, elementwiseAffine: Bool = true, bias: Bool = true,
                dtype: DType? = nil) throws {
        self.normalizedShape = normalizedShape; self.eps = eps; self.elementwiseAffine = elementwiseAffine
        super.init(typeName: "LayerNorm")
        let dt = dtype ?? .defaultFloat
        if elementwiseAffine {
            let w = try Parameter.empty(normalizedShape, dtype: dt)
            try Init.constant_(w, 1)
            try registerParameter("weight", w)
            if bias {
                let b = try Parameter.empty(normalizedShape, dtype: dt)
                try Init.constant_(b, 0)
                try registerParameter("bias", b)
            } else {
                try registerParameter("bias", nil)
            }
        } else {
            try registerParameter("weight", nil)
            try registerParameter("bias", nil)
        }
    }
    func param(_ n: String) -> Tensor? { if case .parameter(let t)? = attribute(n) { return t }; return nil }
    public var weight: Tensor? { param("weight") }
    public var bias: Tensor? { param("bias") }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try Functional.layerNorm(input, normalizedShape, weight: weight, bias: bias, eps: eps)
    }
    public override func extraRepr() -> String {
        let shape = "(" + normalizedShape.map(String.init).joined(separator: ", ") + (normalizedShape.count == 1 ? ",)" : ")")
        return "\(shape), eps=\(formatPythonFloat(eps)), elementwise_affine=\(elementwiseAffine ? "True" : "False")"
            + ", bias=\(bias == nil ? "False" : "True")"
    }
}

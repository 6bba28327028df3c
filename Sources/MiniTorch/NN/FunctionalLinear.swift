/// `F.linear` and the matrix products it is made of (`mm`, `addmm`), with PyTorch's graph:
/// 2-D input with bias → `AddmmBackward0(bias, input, TBackward0(weight))`; other ranks reshape to 2-D and
/// back (`UnsafeViewBackward0`); no bias → `MmBackward0`. Backward formulas use these same ops, so
/// `create_graph=True` differentiates them again.

/// The functional API (`torch.nn.functional`): stateless ops the modules are built from.
public enum Functional {}

@inline(__always)
func matrixRef<T>(_ t: Tensor, _: T.Type) -> MatrixRef<T> {
    MatrixRef(UnsafePointer(t.dataPointer(T.self)), rowStride: t.strides[0], colStride: t.strides[1])
}

extension Functional {
    static func checkMatmulOperands(_ a: Tensor, _ b: Tensor, _ op: String) throws {
        guard a.dim == 2 else { throw TensorError.runtime("\(op): self must be a matrix, got \(a.dim)-D tensor") }
        guard b.dim == 2 else { throw TensorError.runtime("\(op): mat2 must be a matrix, got \(b.dim)-D tensor") }
        guard a.shape[1] == b.shape[0] else {
            throw TensorError.runtime("\(op): mat1 and mat2 shapes cannot be multiplied (\(a.shape[0])x\(a.shape[1]) and \(b.shape[0])x\(b.shape[1]))")
        }
        try Tensor.checkSameMatmulDType(a, b)
        try Tensor.checkSameDevice([a, b])
    }

    /// C = A·B (+ C's initial contents when `accumulate`), forward only. A, B may be strided views.
    static func gemmForward(_ a: Tensor, _ b: Tensor, into out: Tensor, accumulate: Bool) throws {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        switch a.dtype {
        case .float32:
            GEMM.gemm(m: m, n: n, k: k, a: matrixRef(a, Float.self), b: matrixRef(b, Float.self),
                      c: out.dataPointer(Float.self), ldc: n, accumulate: accumulate)
        case .float64:
            GEMM.gemm(m: m, n: n, k: k, a: matrixRef(a, Double.self), b: matrixRef(b, Double.self),
                      c: out.dataPointer(Double.self), ldc: n, accumulate: accumulate)
        default:
            throw TensorError.runtime("\"addmm_impl_cpu_\" not implemented for '\(a.dtype.scalarTypeName)'")
        }
        withExtendedLifetime((a, b)) {}
    }

    /// `torch.mm(a, b)` for float matrices (node `MmBackward0`).
    public static func mm(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        try checkMatmulOperands(a, b, "mm")
        let out = Tensor(zeros: [a.shape[0], b.shape[1]], dtype: a.dtype, device: a.device)
        try gemmForward(a, b, into: out, accumulate: false)
        recordAutograd("MmBackward0", inputs: [a, b], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            return [a.requiresGrad ? try mm(go, b.t()) : nil,
                    b.requiresGrad ? try mm(a.t(), go) : nil]
        }?.saveForBackward([a, b])
        return out
    }

    /// `torch.addmm(bias, a, b)` = bias + a·b (beta = alpha = 1), node `AddmmBackward0`.
    public static func addmm(_ bias: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        try Tensor.checkAddmmOperands(bias, a, b)
        try Tensor.checkSameDevice([a, b])
        let m = a.shape[0], n = b.shape[1]
        let out = Tensor(zeros: [m, n], dtype: a.dtype, device: a.device)
        do {
            try out.assignElements(from: bias)
        } catch {
            throw TensorError.runtime("The expanded size of the tensor (\(n)) must match the existing size (\(bias.shape.last ?? 0)) at non-singleton dimension \(max(bias.dim - 1, 0)).  Target sizes: [\(m), \(n)].  Tensor sizes: [\(bias.shape.map(String.init).joined(separator: ", "))]")
        }
        try gemmForward(a, b, into: out, accumulate: true)
        let biasShape = bias.shape
        recordAutograd("AddmmBackward0", inputs: [bias, a, b], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil, nil] }
            return [bias.requiresGrad ? try sumToShape(go, biasShape) : nil,
                    a.requiresGrad ? try mm(go, b.t()) : nil,
                    b.requiresGrad ? try mm(a.t(), go) : nil]
        }?.saveForBackward([a, b])
        return out
    }

    /// `_unsafe_view`: reshape of a contiguous result (node `UnsafeViewBackward0`).
    static func unsafeView(_ t: Tensor, _ shape: [Int]) -> Tensor {
        let out = Tensor(storage: t.storage, layout: Layout(contiguous: shape), device: t.device, versionCounter: t.versionCounter)
        let inShape = t.shape
        recordAutograd("UnsafeViewBackward0", inputs: [t], outputs: [out]) { g in [try g[0].map { try $0.reshape(inShape) }] }
        return out
    }

    /// `F.linear(input, weight, bias=None)`: y = x·Wᵀ + b.
    public static func linear(_ input: Tensor, _ weight: Tensor, _ bias: Tensor? = nil) throws -> Tensor {
        guard input.dim >= 1 else {
            throw TensorError.runtime("both arguments to linear need to be at least 1D, but they are 0D and \(weight.dim)D")
        }
        guard weight.dim == 2 else {
            if weight.dim == 1 && input.shape.last == weight.shape[0] {
                // matmul(x, w) for a vector weight: a dot product per row.
                var y = try input.mul(weight).sum(dims: [-1])
                if let b = bias { y = try y.add(b) }
                return y
            }
            throw TensorError.runtime("linear(): weight must be 2-D")
        }
        // A size mismatch is reported by the addmm or mm below, with its prefix, as in PyTorch 2.15.
        let inF = input.shape[input.dim - 1]
        let wt = try weight.t()
        if input.dim == 2 {
            if let b = bias { return try addmm(b, input, wt) }
            return try mm(input, wt)
        }
        let lead = Array(input.shape.dropLast())
        let outShape = lead + [weight.shape[0]]
        let flat = try input.reshape([lead.reduce(1, *), inF])
        if let b = bias {
            if input.isContiguous && b.dim == 1 {
                return unsafeView(try addmm(b, flat, wt), outShape)
            }
            return try unsafeView(mm(flat, wt), outShape).add(b)
        }
        if input.dim == 1 {
            return try mm(flat, wt).squeeze(dim: 0)
        }
        return unsafeView(try mm(flat, wt), outShape)
    }
}

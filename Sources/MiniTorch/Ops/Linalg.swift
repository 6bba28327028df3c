/// Matrix products as tensor ops: mm, bmm, mv, dot, matmul (torch.matmul's 1-D/2-D/batched rules, folding and
/// broadcasting), outer, addmm — on the blocked GEMM (LinalgGEMM.swift), with PyTorch 2.15's messages and nodes.

/// The C++ type names PyTorch prints in matmul dtype errors ("float != double").
func cppTypeName(_ d: DType) -> String {
    switch d {
    case .float32: return "float"
    case .float64: return "double"
    case .int64: return "long int"
    case .int32: return "int"
    case .bool: return "bool"
    }
}

@inline(__always)
private func ref<T>(_ t: Tensor, _: T.Type, offset: Int = 0, rowStride: Int, colStride: Int) -> MatrixRef<T> {
    MatrixRef(UnsafePointer(t.dataPointer(T.self) + offset), rowStride: rowStride, colStride: colStride)
}

extension Tensor {
    /// C[m×n] (+)= A·B for 2-D views given by (offset, strides) into `a` and `b`; `out` is contiguous.
    static func gemmKernel(_ a: Tensor, aOffset: Int, aStrides: (Int, Int), _ b: Tensor, bOffset: Int, bStrides: (Int, Int),
                           m: Int, n: Int, k: Int, out: Tensor, outOffset: Int, accumulate: Bool) throws {
        switch a.dtype {
        case .float32:
            GEMM.gemm(m: m, n: n, k: k, a: ref(a, Float.self, offset: aOffset, rowStride: aStrides.0, colStride: aStrides.1),
                      b: ref(b, Float.self, offset: bOffset, rowStride: bStrides.0, colStride: bStrides.1),
                      c: out.dataPointer(Float.self) + outOffset, ldc: n, accumulate: accumulate)
        case .float64:
            GEMM.gemm(m: m, n: n, k: k, a: ref(a, Double.self, offset: aOffset, rowStride: aStrides.0, colStride: aStrides.1),
                      b: ref(b, Double.self, offset: bOffset, rowStride: bStrides.0, colStride: bStrides.1),
                      c: out.dataPointer(Double.self) + outOffset, ldc: n, accumulate: accumulate)
        case .int64:
            GEMM.gemmInt(m: m, n: n, k: k, a: ref(a, Int64.self, offset: aOffset, rowStride: aStrides.0, colStride: aStrides.1),
                         b: ref(b, Int64.self, offset: bOffset, rowStride: bStrides.0, colStride: bStrides.1),
                         c: out.dataPointer(Int64.self) + outOffset, ldc: n, accumulate: accumulate)
        case .int32:
            GEMM.gemmInt(m: m, n: n, k: k, a: ref(a, Int32.self, offset: aOffset, rowStride: aStrides.0, colStride: aStrides.1),
                         b: ref(b, Int32.self, offset: bOffset, rowStride: bStrides.0, colStride: bStrides.1),
                         c: out.dataPointer(Int32.self) + outOffset, ldc: n, accumulate: accumulate)
        case .bool:
            throw TensorError.notImplemented("\"addmm_impl_cpu_\" not implemented for 'Bool'")
        }
        withExtendedLifetime((a, b)) {}
    }

    /// addmm's meta checks in PyTorch's order: the dtypes (self vs mat2, then mat1 vs mat2, named like
    /// "Double and Float"), then the ranks (mat1 is called "self" there), then the shapes.
    static func checkAddmmOperands(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor) throws {
        guard input.dtype == mat2.dtype else {
            throw TensorError.runtime("self and mat2 must have the same dtype, but got \(input.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        guard mat1.dtype == mat2.dtype else {
            throw TensorError.runtime("mat1 and mat2 must have the same dtype, but got \(mat1.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        guard mat1.dim == 2 else { throw TensorError.runtime("addmm: self must be a matrix, got \(mat1.dim)-D tensor") }
        guard mat2.dim == 2 else { throw TensorError.runtime("addmm: mat2 must be a matrix, got \(mat2.dim)-D tensor") }
        guard mat1.shape[1] == mat2.shape[0] else {
            throw TensorError.runtime("addmm: mat1 and mat2 shapes cannot be multiplied (\(mat1.shape[0])x\(mat1.shape[1]) and \(mat2.shape[0])x\(mat2.shape[1]))")
        }
    }

    static func checkSameMatmulDType(_ a: Tensor, _ b: Tensor) throws {
        guard a.dtype == b.dtype else {
            throw TensorError.runtime("expected m1 and m2 to have the same dtype, but got: \(cppTypeName(a.dtype)) != \(cppTypeName(b.dtype))")
        }
    }

    // MARK: mm / bmm / mv / dot

    /// `torch.mm(self, mat2)` (node `MmBackward0`).
    public func mm(_ other: Tensor) throws -> Tensor {
        guard dim == 2 else { throw TensorError.runtime("mm: self must be a matrix, got \(dim)-D tensor") }
        guard other.dim == 2 else { throw TensorError.runtime("mm: mat2 must be a matrix, got \(other.dim)-D tensor") }
        guard shape[1] == other.shape[0] else {
            throw TensorError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(shape[0])x\(shape[1]) and \(other.shape[0])x\(other.shape[1]))")
        }
        try Tensor.checkSameMatmulDType(self, other)
        try Tensor.checkSameDevice([self, other])
        let out = Tensor(zeros: [shape[0], other.shape[1]], dtype: dtype, device: device)
        try Tensor.gemmKernel(self, aOffset: 0, aStrides: (strides[0], strides[1]), other, bOffset: 0,
                              bStrides: (other.strides[0], other.strides[1]),
                              m: shape[0], n: other.shape[1], k: shape[1], out: out, outOffset: 0, accumulate: false)
        let a = self
        recordAutograd("MmBackward0", inputs: [self, other], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            return [a.requiresGrad ? try go.mm(other.t()) : nil, other.requiresGrad ? try a.t().mm(go) : nil]
        }
        return out
    }

    /// `torch.bmm(self, mat2)`: [b, n, m] · [b, m, p] (node `BmmBackward0`).
    public func bmm(_ other: Tensor) throws -> Tensor {
        guard dim == 3 else { throw TensorError.runtime("batch1 must be a 3D tensor") }
        guard other.dim == 3 else { throw TensorError.runtime("batch2 must be a 3D tensor") }
        guard other.shape[0] == shape[0] && other.shape[1] == shape[2] else {
            throw TensorError.runtime("Expected size for first two dimensions of batch2 tensor to be: [\(shape[0]), \(shape[2])] but got: [\(other.shape[0]), \(other.shape[1])].")
        }
        guard dtype == other.dtype else {
            throw TensorError.runtime("expected scalar type \(dtype.scalarTypeName) but found \(other.dtype.scalarTypeName)")
        }
        try Tensor.checkSameDevice([self, other])
        let (bs, n, k, p) = (shape[0], shape[1], shape[2], other.shape[2])
        let out = Tensor(zeros: [bs, n, p], dtype: dtype, device: device)
        for i in 0..<bs {
            try Tensor.gemmKernel(self, aOffset: i * strides[0], aStrides: (strides[1], strides[2]),
                                  other, bOffset: i * other.strides[0], bStrides: (other.strides[1], other.strides[2]),
                                  m: n, n: p, k: k, out: out, outOffset: i * n * p, accumulate: false)
        }
        let a = self
        recordAutograd("BmmBackward0", inputs: [self, other], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            return [a.requiresGrad ? try go.bmm(other.transpose(1, 2)) : nil,
                    other.requiresGrad ? try a.transpose(1, 2).bmm(go) : nil]
        }
        return out
    }

    /// `torch.mv(self, vec)` (node `MvBackward0`).
    public func mv(_ vec: Tensor) throws -> Tensor {
        guard dim == 2 && vec.dim == 1 else {
            throw TensorError.runtime("vector + matrix @ vector expected, got 1, \(dim), \(vec.dim)")
        }
        guard shape[1] == vec.shape[0] else {
            throw TensorError.runtime("size mismatch, got input (\(shape[0])), mat (\(shape[0])x\(shape[1])), vec (\(vec.shape[0]))")
        }
        guard dtype == vec.dtype else {
            throw TensorError.runtime("addmv input tensors must have the same dtype, but got \(vec.dtype.scalarTypeName), \(dtype.scalarTypeName), and \(vec.dtype.scalarTypeName)")
        }
        try Tensor.checkSameDevice([self, vec])
        let out = Tensor(zeros: [shape[0]], dtype: dtype, device: device)
        try Tensor.gemmKernel(self, aOffset: 0, aStrides: (strides[0], strides[1]), vec, bOffset: 0, bStrides: (vec.strides[0], 0),
                              m: shape[0], n: 1, k: shape[1], out: out, outOffset: 0, accumulate: false)
        let mat = self
        recordAutograd("MvBackward0", inputs: [self, vec], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            return [mat.requiresGrad ? try go.unsqueeze(1).mul(vec.unsqueeze(0)) : nil,
                    vec.requiresGrad ? try mat.t().mv(go) : nil]
        }
        return out
    }

    /// `torch.dot(self, other)` of two 1-D tensors (node `DotBackward0`).
    public func dot(_ other: Tensor) throws -> Tensor {
        guard dim == 1 && other.dim == 1 else {
            throw TensorError.runtime("1D tensors expected, but got \(dim)D and \(other.dim)D tensors")
        }
        guard dtype == other.dtype else {
            throw TensorError.runtime("dot : expected both vectors to have same dtype, but found \(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)")
        }
        guard numel == other.numel else {
            throw TensorError.runtime("inconsistent tensor size, expected tensor [\(numel)] and src [\(other.numel)] to have the same number of elements, but got \(numel) and \(other.numel) elements respectively")
        }
        try Tensor.checkSameDevice([self, other])
        let out = Tensor(zeros: [1], dtype: dtype, device: device)
        try Tensor.gemmKernel(self, aOffset: 0, aStrides: (0, strides[0]), other, bOffset: 0, bStrides: (other.strides[0], 0),
                              m: 1, n: 1, k: numel, out: out, outOffset: 0, accumulate: false)
        let result = out.makeView(Layout(shape: [], strides: [], offset: 0))
        result.base = nil
        let a = self
        recordAutograd("DotBackward0", inputs: [self, other], outputs: [result]) { g in
            guard let go = g[0] else { return [nil, nil] }
            return [a.requiresGrad ? try other.mul(go) : nil, other.requiresGrad ? try a.mul(go) : nil]
        }
        return result
    }

    /// `torch.outer(self, vec2)`: self[:, None] * vec2 (node `MulBackward0`, as PyTorch composes it).
    public func outer(_ other: Tensor) throws -> Tensor {
        guard dim == 1 else { throw TensorError.runtime("outer: Expected 1-D argument self, but got \(dim)-D") }
        guard other.dim == 1 else { throw TensorError.runtime("outer: Expected 1-D argument vec2, but got \(other.dim)-D") }
        return try unsqueeze(1).mul(other)
    }

    /// `torch.addmm(input, mat1, mat2, beta=1, alpha=1)` = beta·input + alpha·(mat1 @ mat2) (node `AddmmBackward0`).
    public static func addmm(_ input: Tensor, _ mat1: Tensor, _ mat2: Tensor, beta: Scalar = .int(1), alpha: Scalar = .int(1)) throws -> Tensor {
        try checkAddmmOperands(input, mat1, mat2)
        let m = mat1.shape[0], n = mat2.shape[1]
        let out = Tensor(zeros: [m, n], dtype: mat1.dtype, device: mat1.device)
        let plain = beta == .int(1) && alpha == .int(1)
        if plain {
            let target = try broadcastShapes(input.shape, [m, n])
            guard target == [m, n] else {
                throw TensorError.runtime("The expanded size of the tensor (\(n)) must match the existing size (\(input.shape.last ?? 0)) at non-singleton dimension \(Swift.max(input.dim - 1, 0)).  Target sizes: [\(m), \(n)].  Tensor sizes: [\(input.shape.map(String.init).joined(separator: ", "))]")
            }
            try out.assignElements(from: input)
            try gemmKernel(mat1, aOffset: 0, aStrides: (mat1.strides[0], mat1.strides[1]), mat2, bOffset: 0,
                           bStrides: (mat2.strides[0], mat2.strides[1]), m: m, n: n, k: mat1.shape[1], out: out, outOffset: 0,
                           accumulate: true)
        } else {
            let prod = try GradMode.with(enabled: false) { try mat1.mm(mat2) }
            let r = try GradMode.with(enabled: false) { try input.mul(beta).add(prod.mul(alpha)) }
            try out.assignElements(from: r)
        }
        let inShape = input.shape
        recordAutograd("AddmmBackward0", inputs: [input, mat1, mat2], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil, nil] }
            let gi = input.requiresGrad ? try sumToShape(plain ? go : go.mul(beta), inShape) : nil
            let ga = alpha == .int(1) ? go : try go.mul(alpha)
            return [gi, mat1.requiresGrad ? try ga.mm(mat2.t()) : nil, mat2.requiresGrad ? try mat1.t().mm(ga) : nil]
        }
        return out
    }

    // MARK: matmul

    /// `_unsafe_view`: a reshape of a freshly computed contiguous tensor (node `UnsafeViewBackward0`).
    func unsafeViewResult(_ newShape: [Int]) throws -> Tensor {
        let out = Tensor(storage: storage, layout: Layout(contiguous: newShape, offset: layout.offset), device: device)
        let old = shape
        recordAutograd("UnsafeViewBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.reshape(old)]
        }
        return out
    }

    /// `torch.matmul(self, other)` / `@`.
    public func matmul(_ other: Tensor) throws -> Tensor {
        let d1 = dim, d2 = other.dim
        guard d1 >= 1 && d2 >= 1 else {
            throw TensorError.runtime("both arguments to matmul need to be at least 1D, but they are \(d1)D and \(d2)D")
        }
        if d1 == 1 && d2 == 1 { return try dot(other) }
        if d1 == 2 && d2 == 1 { return try mv(other) }
        if d1 == 1 && d2 == 2 { return try unsqueeze(0).mm(other).squeeze(dim: 0) }
        if d1 == 2 && d2 == 2 { return try mm(other) }
        if d1 >= 3 && d2 <= 2 {
            // Fold the batch into the rows: [..., n, k] -> [(...·n), k].
            let k = shape[d1 - 1]
            let lead = Array(shape.dropLast())
            let folded = try reshape([-1, k])
            if d2 == 1 { return try folded.mv(other).unsafeViewResult(lead) }
            return try folded.mm(other).unsafeViewResult(lead + [other.shape[1]])
        }
        if d1 == 1 && d2 >= 3 {
            // (other^T folded) · self, then back: [..., k, p] -> [(...·p), k].
            let lead = Array(other.shape.dropLast(2))
            let folded = try other.transpose(-1, -2).reshape([-1, other.shape[d2 - 2]])
            return try folded.mv(self).unsafeViewResult(lead + [other.shape[d2 - 1]])
        }
        // Batched: broadcast the batch dims, then bmm.
        let n = d1 >= 2 ? shape[d1 - 2] : 1, k1 = shape[d1 - 1]
        let k2 = d2 >= 2 ? other.shape[d2 - 2] : other.shape[0], p = other.shape[d2 - 1]
        let batch1 = d1 >= 2 ? Array(shape.dropLast(2)) : []
        let batch2 = d2 >= 2 ? Array(other.shape.dropLast(2)) : []
        let batch = try broadcastShapes(batch1, batch2)
        let bcount = batch.reduce(1, *)
        let a = try (d1 == 1 ? unsqueeze(0) : self).expand(batch + [n, k1]).reshape([bcount, n, k1])
        let b = try (d2 == 1 ? other.unsqueeze(1) : other).expand(batch + [k2, p]).reshape([bcount, k2, p])
        var outShape = batch
        if d1 >= 2 { outShape.append(n) }
        if d2 >= 2 { outShape.append(p) }
        return try a.bmm(b).unsafeViewResult(outShape)
    }
}

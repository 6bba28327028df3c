import Foundation

/// `linalg.vector_norm` (what `norm`, `torch.norm` and `linalg.norm` of vectors run; node
/// LinalgVectorNormBackward0), the 1/inf matrix norms of `linalg.norm`, `F.normalize`, `diff`,
/// `unfold` (sliding windows as a strided view, UnfoldBackward0) and `unique`.
extension Tensor {
    /// `linalg.vector_norm(x, ord, dim, keepdim)`: ord 2 / 1 / inf / -inf / 0 / any p, over `dims` (nil = all).
    public func vectorNorm(_ p: Double = 2, dims: [Int]? = nil, keepdim: Bool = false, dtype outType: DType? = nil) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        if let o = outType, !o.isFloatingPoint {
            throw TensorError.runtime("linalg.vector_norm: dtype should be floating point or complex, but got \(o.scalarTypeName)")
        }
        let x = outType.map { self.to($0) } ?? self
        let rdims = try reductionDims(dims)
        if p.isInfinite {
            let what = p > 0 ? "inf" : "-inf"
            if let ds = dims, !ds.isEmpty, let e = rdims.first(where: { dim > 0 && shape[$0] == 0 }) {
                throw TensorError.runtime("linalg.vector_norm cannot compute the \(what) norm on the dimension \(e)because this dimension is empty and the operation does not have an identity")
            }
            if numel == 0 && (dims ?? []).isEmpty {
                throw TensorError.runtime("linalg.vector_norm cannot compute the \(what) norm on an empty tensor because the operation does not have an identity")
            }
        }
        let out: Tensor = try GradMode.with(enabled: false) {
            let a = try x.abs()
            let r = rdims.isEmpty && dim == 0 ? [] : rdims
            switch p {
            case 2: return try a.mul(a).sum(dims: r, keepdim: keepdim).sqrt()
            case 1: return try a.sum(dims: r, keepdim: keepdim)
            case 0: return try a.ne(.int(0)).to(x.dtype).sum(dims: r, keepdim: keepdim)
            case .infinity: return try a.amax(dims: r, keepdim: keepdim)
            case -.infinity: return try a.amin(dims: r, keepdim: keepdim)
            default: return try a.pow(.double(p)).sum(dims: r, keepdim: keepdim).pow(.double(1 / p))
            }
        }
        let src = x
        recordAutograd("LinalgVectorNormBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let gk = try go.unsqueezeReduced(rdims, keepdim: keepdim)
            let nk = try out.unsqueezeReduced(rdims, keepdim: keepdim)
            let grad: Tensor
            switch p {
            case 0: return [nil]   // ATen's norm_backward returns an undefined gradient for p = 0
            case 1: grad = try src.sign().mul(gk)
            case .infinity, -.infinity:
                let mask = try src.abs().eq(nk).to(src.dtype)
                grad = try src.sign().mul(mask).mul(gk.div(mask.sum(dims: rdims, keepdim: true)))
            case 2: grad = try src.mul(gk.div(nk)).maskedFill(nk.eq(.int(0)), .double(0))
            default:
                grad = try src.mul(src.abs().pow(.double(p - 2))).mul(gk.div(nk.pow(.double(p - 1))))
                    .maskedFill(nk.eq(.int(0)), .double(0))
            }
            return [src === self ? grad : grad.to(self.dtype)]
        }
        return out
    }

    /// `norm(p='fro', dim=None, keepdim=False, dtype=None)`: 'fro' and numbers are vector norms; 'nuc' is not supported.
    public func norm(p: Double?, dims: [Int]?, keepdim: Bool = false, dtype outType: DType? = nil) throws -> Tensor {
        try vectorNorm(p ?? 2, dims: dims, keepdim: keepdim, dtype: outType)
    }

    /// The order of a matrix norm: 'fro', 'nuc' or a number (1, -1, inf, -inf: column / row sums; 2, -2:
    /// largest / smallest singular value).
    public enum MatrixNormOrd { case fro, nuc, number(Double) }

    /// `linalg.matrix_norm(A, ord, dim=(-2, -1), keepdim)`.
    public func matrixNorm(_ ord: MatrixNormOrd, dims: [Int] = [-2, -1], keepdim: Bool = false) throws -> Tensor {
        guard dim >= 2 else { throw TensorError.runtime("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.") }
        guard dims.count == 2 else {
            throw TensorError.runtime("linalg.matrix_norm: dim must be a 2-tuple. Got \(dims.map(String.init).joined(separator: " "))")
        }
        let r = try wrapDim(dims[0], dim), c = try wrapDim(dims[1], dim)
        guard r != c else { throw TensorError.runtime("linalg.matrix_norm: dims must be different. Got (\(r), \(c))") }
        var o = 0.0
        switch ord {
        case .fro: return try vectorNorm(2, dims: [r, c], keepdim: keepdim)
        case .nuc: break
        case .number(let v):
            guard [1, 2, .infinity].contains(Swift.abs(v)) else {
                throw TensorError.runtime("linalg.matrix_norm: Order \(formatOrd(v)) not supported.")
            }
            o = v
        }
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("linalg.matrix_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        if Swift.abs(o) == 1 || o.isInfinite {
            // 1: largest column sum of |A|; inf: largest row sum (-1 / -inf: smallest).
            let (sumDim, maxDim) = Swift.abs(o) == 1 ? (r, c) : (c, r)
            let sums = try abs().sum(dims: [sumDim], keepdim: keepdim)
            let m = !keepdim && maxDim > sumDim ? maxDim - 1 : maxDim
            return o > 0 ? try sums.amax(dims: [m], keepdim: keepdim) : try sums.amin(dims: [m], keepdim: keepdim)
        }
        // Singular values: nuc sums them, 2 / -2 take the largest / smallest.
        // ATen: svdvals of A permuted so (r, c) are last, amax/amin/sum over them, permuted back for keepdim.
        let perm = (0..<dim).filter { $0 != r && $0 != c } + [r, c]
        let sv = try permute(perm).singularValues()
        var out: Tensor
        if case .nuc = ord { out = try sv.sum(dims: [-1], keepdim: keepdim) }
        else if sv.shape.last == 0 {
            out = Tensor(zeros: Array(sv.shape.dropLast()) + (keepdim ? [1] : []), dtype: sv.dtype, device: device)
        } else { out = o > 0 ? try sv.amax(dims: [-1], keepdim: keepdim) : try sv.amin(dims: [-1], keepdim: keepdim) }
        if keepdim {
            var inverse = [Int](repeating: 0, count: dim)
            for (i, p) in perm.enumerated() { inverse[p] = i }
            out = try out.unsqueeze(-1).permute(inverse)
        }
        return out
    }

    private func formatOrd(_ o: Double) -> String {
        o == o.rounded() && Swift.abs(o) < 1e15 ? String(Int(o)) : String(o)
    }

    /// Singular values (descending) of each matrix in the last two dims (one-sided Jacobi in Double), with
    /// LinalgSvdBackward0: d(sigma_i)/dA = u_i v_i^T.
    public func singularValues() throws -> Tensor {
        let m = shape[dim - 2], n = shape[dim - 1], k = Swift.min(m, n)
        let batchShape = Array(shape[..<(dim - 2)]), batch = batchShape.reduce(1, *)
        let data = materialized().toDoubleArray()
        var sigma: [Double] = [], us: [[Double]] = [], vs: [[Double]] = []
        for b in 0..<batch {
            let a = Array(data[(b * m * n)..<((b + 1) * m * n)])
            let (s, u, v) = Tensor.jacobiSVD(a, m, n)
            sigma += s; us.append(u); vs.append(v)
        }
        let out = try Tensor(sigma, shape: batchShape + [k]).to(dtype.isFloatingPoint ? dtype : .float32)
        let inShape = shape, dt = dtype, dev = device
        recordAutograd("LinalgSvdBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let gd = go.materialized(dtype: .float64).toDoubleArray()
            var grad = [Double](repeating: 0, count: batch * m * n)
            for b in 0..<batch { for i in 0..<k where gd[b * k + i] != 0 {
                for r in 0..<m { for c in 0..<n {
                    grad[(b * m + r) * n + c] += gd[b * k + i] * us[b][r * k + i] * vs[b][c * k + i]
                } }
            } }
            return [Tensor(grad, shape: inShape).to(dt).to(device: dev)]
        }
        return out
    }

    /// One-sided Jacobi SVD of the row-major m×n matrix `a`: singular values (descending) and the first
    /// min(m, n) left / right singular vectors as row-major m×k and n×k matrices.
    static func jacobiSVD(_ a: [Double], _ m: Int, _ n: Int) -> ([Double], [Double], [Double]) {
        // Orthogonalise the columns of B (rows × cols, cols ≤ rows): B = A, or Aᵀ when A is wide.
        let wide = n > m, rows = wide ? n : m, cols = wide ? m : n
        var col = (0..<cols).map { j in (0..<rows).map { i in wide ? a[j * n + i] : a[i * n + j] } }
        var v = (0..<cols).map { j in (0..<cols).map { $0 == j ? 1.0 : 0.0 } }
        func dot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
        func rotate(_ x: inout [[Double]], _ p: Int, _ q: Int, _ cs: Double, _ sn: Double) {
            for i in x[p].indices {
                let xp = x[p][i], xq = x[q][i]
                x[p][i] = cs * xp - sn * xq; x[q][i] = sn * xp + cs * xq
            }
        }
        for _ in 0..<60 {
            var rotated = false
            for p in 0..<Swift.max(cols - 1, 0) { for q in (p + 1)..<cols {
                let alpha = dot(col[p], col[p]), beta = dot(col[q], col[q]), gamma = dot(col[p], col[q])
                guard Swift.abs(gamma) > 1e-15 * (alpha * beta).squareRoot(), gamma != 0 else { continue }
                rotated = true
                let zeta = (beta - alpha) / (2 * gamma)
                let t = (zeta >= 0 ? 1.0 : -1.0) / (Swift.abs(zeta) + (1 + zeta * zeta).squareRoot())
                let cs = 1 / (1 + t * t).squareRoot(), sn = cs * t
                rotate(&col, p, q, cs, sn); rotate(&v, p, q, cs, sn)
            } }
            if !rotated { break }
        }
        let norms = col.map { dot($0, $0).squareRoot() }
        let order = (0..<cols).sorted { norms[$0] > norms[$1] || (norms[$0] == norms[$1] && $0 < $1) }
        var s: [Double] = [], left = [Double](repeating: 0, count: rows * cols), right = [Double](repeating: 0, count: cols * cols)
        for (i, j) in order.enumerated() {
            s.append(norms[j])
            for r in 0..<rows { left[r * cols + i] = norms[j] > 0 ? col[j][r] / norms[j] : 0 }
            for r in 0..<cols { right[r * cols + i] = v[j][r] }
        }
        // For a wide A (B = Aᵀ = U' S V'ᵀ): A's left vectors are V', its right vectors U'.
        return wide ? (s, right, left) : (s, left, right)
    }

    /// `F.normalize(input, p=2.0, dim=1, eps=1e-12)`: input / max(norm, eps) (DivBackward0).
    public func normalize(p: Double = 2, dim d: Int = 1, eps: Double = 1e-12) throws -> Tensor {
        let n = try vectorNorm(p, dims: [d], keepdim: true)
        return try div(n.clampMin(.double(eps)).expand(shape))
    }

    /// `diff(n=1, dim=-1, prepend=None, append=None)`: differences of neighbours (narrow + sub, SubBackward0).
    public func diff(n: Int = 1, dim d: Int = -1, prepend: Tensor? = nil, append: Tensor? = nil) throws -> Tensor {
        guard dim >= 1 else { throw TensorError.runtime("diff expects input to be at least one-dimensional") }
        guard n >= 0 else { throw TensorError.runtime("order must be non-negative but got \(n)") }
        let w = try wrapDim(d, dim)
        var x = self
        if prepend != nil || append != nil {
            for t in [prepend, append] {
                guard let t else { continue }
                guard t.dim == dim else {
                    throw TensorError.runtime("diff expects prepend or append to be the same dimension as input")
                }
                if let i = (0..<dim).first(where: { $0 != w && t.shape[$0] != shape[$0] }) {
                    throw TensorError.runtime("diff expects the shape of tensor to prepend or append to match that of input except along the differencing dimension; input.size(\(i)) = \(shape[i]), but got tensor.size(\(i)) = \(t.shape[i])")
                }
            }
            x = try Tensor.cat([prepend, self, append].compactMap { $0 }, dim: w)
        }
        for _ in 0..<n {
            let len = x.shape[w]
            if len == 0 { break }
            let hi = try x.narrow(w, 1, len - 1), lo = try x.narrow(w, 0, len - 1)
            x = x.dtype == .bool ? try hi.ne(lo) : try hi.sub(lo)
        }
        return x
    }

    /// `unfold(dimension, size, step)`: every window of `size` along `dimension`, `step` apart, as a new
    /// last dim of a view (UnfoldBackward0).
    public func unfold(dimension d: Int, size: Int, step: Int) throws -> Tensor {
        let w = try wrapDim(d, dim)
        let n = dim == 0 ? 1 : shape[w]
        guard size <= n else {
            throw TensorError.runtime("maximum size for tensor at dimension \(w) is \(n) but size is \(size)")
        }
        guard size >= 0 else { throw TensorError.runtime("size is \(size) but must be >= 0") }
        guard step > 0 else { throw TensorError.runtime("step is \(step) but must be > 0") }
        var l = layout
        let stride = dim == 0 ? 1 : layout.strides[w]
        if dim == 0 {
            l.shape = [size]; l.strides = [stride]
        } else {
            l.shape[w] = (n - size) / step + 1
            l.strides[w] = stride * step
            l.shape.append(size); l.strides.append(stride)
        }
        let out = makeView(l)
        let inShape = shape, dt = dtype, dev = device, windows = dim == 0 ? 1 : (n - size) / step + 1
        recordAutograd("UnfoldBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            // Windows may overlap: accumulate each window element into its source position.
            let z = Tensor(zeros: inShape, dtype: dt, device: dev)
            let full = inShape.isEmpty ? [1] : inShape
            let outer = full[..<w].reduce(1, *), inner = full[(w + 1)...].reduce(1, *)
            var acc = [Double](repeating: 0, count: outer * n * inner)
            let gd = go.materialized(dtype: dt).toDoubleArray()
            var k = 0
            // go is laid out as [outer..., windows, inner..., size].
            for o in 0..<outer { for win in 0..<windows { for i in 0..<inner { for s in 0..<size {
                acc[(o * n + win * step + s) * inner + i] += gd[k]; k += 1
            } } } }
            for (j, v) in acc.enumerated() { z.storage.write(.double(v), at: j) }
            return [z]
        }
        return out
    }

    /// `unique(sorted=True, return_inverse=False, return_counts=False, dim=None)` over all elements:
    /// the sorted distinct values, the position of each element's value, and how often each occurs.
    public func unique(dim d: Int? = nil) throws -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let r = try d.map { try uniqueDim($0) } ?? uniqueAll()
        // PyTorch records a node whose backward is not implemented.
        let op = d == nil ? "_unique2" : "unique_dim"
        recordAutograd(d == nil ? "Unique2Backward0" : "UniqueDimBackward0", inputs: [self], outputs: [r.values]) { _ in
            throw TensorError.notImplemented("the derivative for '\(op)' is not implemented.")
        }
        return r
    }

    func uniqueAll() throws -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let flat = materialized().reshapeNoGrad([numel])
        let floating = dtype.isFloatingPoint
        var items: [SortItem] = (0..<numel).map {
            floating ? SortItem(f: flat.storage.readDouble($0), i: 0, index: Int64($0))
                     : SortItem(f: 0, i: flat.storage.readInt64($0), index: Int64($0))
        }
        items.sort(by: Tensor.medianLess)
        var firsts: [Int] = [], counts: [Int64] = []
        var inverse = [Int64](repeating: 0, count: numel)
        for (j, it) in items.enumerated() {
            if j == 0 || !(items[j - 1].f == it.f && items[j - 1].i == it.i) { firsts.append(Int(it.index)); counts.append(0) }
            counts[counts.count - 1] += 1
            inverse[Int(it.index)] = Int64(counts.count - 1)
        }
        let values = Tensor(zeros: [firsts.count], dtype: dtype, device: device)
        let isz = dtype.itemSize
        for (j, f) in firsts.enumerated() {
            (values.storage.raw + j * isz).copyMemory(from: flat.storage.raw + (flat.layout.offset + f) * isz, byteCount: isz)
        }
        return (values, Tensor(inverse, shape: shape), Tensor(counts, shape: [counts.count]))
    }

    /// `unique(dim=d)`: distinct slices along `d`, in lexicographic order.
    func uniqueDim(_ d: Int) throws -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let w = try wrapDim(d, dim)
        let n = dim == 0 ? 1 : shape[w]
        if n == 0 { return (materialized(), Tensor([Int64](), shape: [0]), Tensor([Int64](), shape: [0])) }
        let moved = try GradMode.with(enabled: false) { dim == 0 ? try reshape([1]) : try movedim([w], [0]).contiguous() }
        let rows = moved.materialized().toDoubleArray(), len = n == 0 ? 0 : rows.count / n
        func row(_ r: Int) -> ArraySlice<Double> { rows[(r * len)..<((r + 1) * len)] }
        let order = (0..<n).sorted { a, b in
            for (x, y) in zip(row(a), row(b)) where x != y { return x < y }
            return a < b
        }
        var firsts: [Int] = [], counts: [Int64] = []
        var inverse = [Int64](repeating: 0, count: n)
        for (j, r) in order.enumerated() {
            if j == 0 || row(order[j - 1]) != row(r) { firsts.append(r); counts.append(0) }
            counts[counts.count - 1] += 1
            inverse[r] = Int64(counts.count - 1)
        }
        let picked = try GradMode.with(enabled: false) {
            try Tensor.stack(firsts.map { try moved.select(0, $0) }, dim: 0).movedim([0], [w])
        }
        return (picked.contiguous(), Tensor(inverse, shape: [n]), Tensor(counts, shape: [counts.count]))
    }

    private func reshapeNoGrad(_ s: [Int]) -> Tensor { makeView(Layout(contiguous: s, offset: layout.offset)) }
}

/// Reductions: sum, mean, prod, max/min (full and with dim), amax/amin, argmax/argmin, std/var, all/any.
/// The reduced dims are moved last and made contiguous once, so every kernel reduces contiguous rows.

/// torch.return_types.max / min: values and indices.
public struct ValuesIndices {
    public var values: Tensor
    public var indices: Tensor
    /// "max" or "min" (printing: `torch.return_types.max(`).
    public var name: String
}

extension Tensor {
    /// Normalises reduction dims (nil/empty = all), with PyTorch's duplicate check.
    func reductionDims(_ dims: [Int]?) throws -> [Int] {
        guard let ds = dims, !ds.isEmpty else { return Array(0..<dim) }
        var seen = Set<Int>()
        var out: [Int] = []
        for d in ds {
            let w = try wrapDim(d, dim)
            if seen.contains(w) { throw TensorError.runtime("dim \(w) appears multiple times in the list of dims") }
            seen.insert(w)
            out.append(w)
        }
        return dim == 0 ? [] : out.sorted()
    }

    /// Data as a contiguous [outer, reduced] block of `dtype`, and the output shapes.
    func reductionBlock(_ rdims: [Int], keepdim: Bool, dtype: DType) -> (block: Tensor, rows: Int, len: Int, outShape: [Int]) {
        let kept = (0..<dim).filter { !rdims.contains($0) }
        let order = kept + rdims
        let pl = Layout(shape: order.map { shape[$0] }, strides: order.map { layout.strides[$0] }, offset: layout.offset)
        let src = Tensor(storage: storage, layout: pl)
        let block = (pl.isContiguous && self.dtype == dtype) ? src : src.materialized(dtype: dtype)
        let rows = kept.map { shape[$0] }.reduce(1, *)
        let len = rdims.map { shape[$0] }.reduce(1, *)
        var outShape: [Int] = []
        for d in 0..<dim {
            if rdims.contains(d) { if keepdim { outShape.append(1) } } else { outShape.append(shape[d]) }
        }
        return (block, rows, len, outShape)
    }

    // MARK: sum / mean / prod

    /// `sum(dim=None|int|list, keepdim, dtype)`: ints and bools sum to int64.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false, dtype outType: DType? = nil) throws -> Tensor {
        let rdims = try reductionDims(dims)
        let rt = outType ?? (dtype.isFloatingPoint ? dtype : .int64)
        if rt == dtype, let out = cascadeSum(rdims, keepdim: keepdim) {
            recordSumBackward(out, rdims, keepdim: keepdim, full: dims == nil || dims!.isEmpty)
            return out
        }
        if let out = try sumMiddleFastPath(rdims, keepdim: keepdim, rt: rt) {
            recordSumBackward(out, rdims, keepdim: keepdim, full: dims == nil || dims!.isEmpty)
            return out
        }
        let (block, rows, len, outShape) = reductionBlock(rdims, keepdim: keepdim, dtype: rt)
        let out = Tensor(zeros: outShape, dtype: rt, device: device)
        let base = block.layout.offset
        switch rt {
        case .float32:
            let p = block.storage.floats + base, o = out.storage.floats
            for r in 0..<rows { o[r] = Float(sumDouble(p + r * len, len)) }
        case .float64:
            let p = block.storage.doubles + base, o = out.storage.doubles
            for r in 0..<rows { o[r] = pairwiseSum(p + r * len, len) }
        case .int64:
            let p = block.storage.int64s + base, o = out.storage.int64s
            for r in 0..<rows { var s: Int64 = 0; for i in 0..<len { s = s &+ p[r * len + i] }; o[r] = s }
        case .int32:
            let p = block.storage.int32s + base, o = out.storage.int32s
            for r in 0..<rows { var s: Int32 = 0; for i in 0..<len { s = s &+ p[r * len + i] }; o[r] = s }
        case .bool:
            let p = block.storage.bools + base, o = out.storage.bools
            for r in 0..<rows { var s = false; for i in 0..<len where p[r * len + i] { s = true }; o[r] = s }
        }
        recordSumBackward(out, rdims, keepdim: keepdim, full: dims == nil || dims!.isEmpty)
        return out
    }

    func recordSumBackward(_ out: Tensor, _ rdims: [Int], keepdim: Bool, full: Bool) {
        guard out.dtype.isFloatingPoint else { return }
        let inShape = shape
        recordAutograd(full ? "SumBackward0" : "SumBackward1", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.unsqueezeReduced(rdims, keepdim: keepdim).expand(inShape).contiguous()]
        }
    }

    /// Contiguous input reduced over a block of consecutive non-last dims ([outer, R, inner]):
    /// accumulate whole inner rows (streaming, no transposed copy).
    func sumMiddleFastPath(_ rdims: [Int], keepdim: Bool, rt: DType) throws -> Tensor? {
        guard isContiguous, dtype == rt, rt == .float32 || rt == .float64, let first = rdims.first, let last = rdims.last,
              last - first + 1 == rdims.count, last < dim - 1, numel > 0 else { return nil }
        let outer = shape[..<first].reduce(1, *), r = shape[first...last].reduce(1, *), inner = shape[(last + 1)...].reduce(1, *)
        var outShape: [Int] = []
        for d in 0..<dim { if rdims.contains(d) { if keepdim { outShape.append(1) } } else { outShape.append(shape[d]) } }
        let out = Tensor(zeros: outShape, dtype: rt, device: device)
        var acc = [Double](repeating: 0, count: inner)
        acc.withUnsafeMutableBufferPointer { accp in
            for o in 0..<outer {
                for i in 0..<inner { accp[i] = 0 }
                if rt == .float32 {
                    let p = dataPointer(Float.self) + o * r * inner
                    for k in 0..<r { let row = p + k * inner; for i in 0..<inner { accp[i] += Double(row[i]) } }
                    let q = out.storage.floats + o * inner
                    for i in 0..<inner { q[i] = Float(accp[i]) }
                } else {
                    let p = dataPointer(Double.self) + o * r * inner
                    for k in 0..<r { let row = p + k * inner; for i in 0..<inner { accp[i] += row[i] } }
                    let q = out.storage.doubles + o * inner
                    for i in 0..<inner { q[i] = accp[i] }
                }
            }
        }
        return out
    }
    public func sum(_ d: Int, keepdim: Bool = false) throws -> Tensor { try sum(dims: [d], keepdim: keepdim) }

    /// Re-inserts reduced dims (size 1) so a gradient can be expanded back.
    func unsqueezeReduced(_ rdims: [Int], keepdim: Bool) throws -> Tensor {
        if keepdim { return self }
        var t = self
        for d in rdims.sorted() { t = try t.unsqueeze(d) }
        return t
    }

    /// `mean(dim, keepdim, dtype)`: floating point only.
    public func mean(dims: [Int]? = nil, keepdim: Bool = false, dtype outType: DType? = nil) throws -> Tensor {
        let rt = outType ?? dtype
        guard rt.isFloatingPoint else {
            throw TensorError.notImplemented("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(rt.scalarTypeName)")
        }
        let rdims = try reductionDims(dims)
        let n = rdims.map { shape[$0] }.reduce(1, *)
        let s = try GradMode.with(enabled: false) { try self.sum(dims: dims, keepdim: keepdim, dtype: rt) }
        let out = try GradMode.with(enabled: false) { try s.div(.int(Int64(n))) }
        let inShape = shape, full = dims == nil || dims!.isEmpty
        recordAutograd(full ? "MeanBackward0" : "MeanBackward1", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.div(.int(Int64(n))).unsqueezeReduced(rdims, keepdim: keepdim).expand(inShape).contiguous()]
        }
        return out
    }
    public func mean(_ d: Int, keepdim: Bool = false) throws -> Tensor { try mean(dims: [d], keepdim: keepdim) }

    /// `prod()` / `prod(dim, keepdim)`: ints and bools multiply in int64.
    public func prod(dim d: Int? = nil, keepdim: Bool = false, dtype outType: DType? = nil) throws -> Tensor {
        let rdims = try d.map { [try wrapDim($0, dim)] } ?? Array(0..<dim)
        let rt = outType ?? (dtype.isFloatingPoint ? dtype : .int64)
        let (block, rows, len, outShape) = reductionBlock(dim == 0 ? [] : rdims, keepdim: keepdim, dtype: rt)
        let out = Tensor(zeros: outShape, dtype: rt, device: device)
        let base = block.layout.offset
        switch rt {
        case .float32:
            let p = block.storage.floats + base, o = out.storage.floats
            for r in 0..<rows { var s: Float = 1; for i in 0..<len { s *= p[r * len + i] }; o[r] = s }
        case .float64:
            let p = block.storage.doubles + base, o = out.storage.doubles
            for r in 0..<rows { var s: Double = 1; for i in 0..<len { s *= p[r * len + i] }; o[r] = s }
        default:
            let b64 = block.materialized(dtype: .int64)
            let p = b64.storage.int64s
            let tmp = Tensor(zeros: outShape, dtype: .int64)
            for r in 0..<rows { var s: Int64 = 1; for i in 0..<len { s = s &* p[r * len + i] }; tmp.storage.int64s[r] = s }
            try out.assignElements(from: tmp)
        }
        if rt.isFloatingPoint {
            let a = self, inShape = shape
            let rd = dim == 0 ? [] : rdims
            let savedOut = SavedOutput(out)
            let node = recordAutograd(d == nil ? "ProdBackward0" : "ProdBackward1", inputs: [self], outputs: [out]) { g in
                let out = savedOut.unpack()
                guard let go = g[0] else { return [nil] }
                // d out / d a_i = product of the other elements of its row (prefix × suffix products, exact with zeros).
                let (blk, rows, len, _) = a.reductionBlock(rd, keepdim: false, dtype: .float64)
                let p = blk.storage.doubles + blk.layout.offset
                let others = Tensor(zeros: [rows * len], dtype: .float64)
                let q = others.storage.doubles
                for r in 0..<rows {
                    var pre = 1.0
                    for i in 0..<len { q[r * len + i] = pre; pre *= p[r * len + i] }
                    var suf = 1.0
                    for i in Swift.stride(from: len - 1, through: 0, by: -1) { q[r * len + i] *= suf; suf *= p[r * len + i] }
                }
                // Back from [kept..., reduced...] order to the input's dims.
                let kept = (0..<a.dim).filter { !rd.contains($0) }
                let order = kept + rd
                let z = Tensor(zeros: inShape, dtype: a.dtype, device: a.device)
                let zl = Layout(shape: order.map { inShape[$0] }, strides: order.map { z.layout.strides[$0] }, offset: 0)
                stridedCopy(src: others.storage, srcLayout: Layout(contiguous: order.map { inShape[$0] }),
                            dst: z.storage, dstLayout: zl)
                let gx = try go.unsqueezeReduced(rd, keepdim: keepdim || d == nil).expand(inShape)
                return [try gx.mul(z)]
            }
            savedOut.node = node
        }
        return out
    }

    // MARK: max / min / argmax / argmin

    /// Index of the max (or min) in a contiguous row; NaN wins, first occurrence on ties.
    @inline(__always)
    static func argExtreme<T: NumericElement>(_ p: UnsafeMutablePointer<T>, _ n: Int, max isMax: Bool) -> Int {
        var best = 0
        var bv = p[0]
        if bv.isNaNValue { return 0 }
        for i in 1..<n {
            let v = p[i]
            if v.isNaNValue { return i }
            if isMax ? v > bv : v < bv { bv = v; best = i }
        }
        return best
    }

    static func rowsArgExtreme(_ block: Tensor, rows: Int, len: Int, max isMax: Bool) -> [Int] {
        var out = [Int](repeating: 0, count: rows)
        let base = block.layout.offset
        func run<T: NumericElement>(_ p: UnsafeMutablePointer<T>) {
            for r in 0..<rows { out[r] = argExtreme(p + base + r * len, len, max: isMax) }
        }
        switch block.dtype {
        case .float32: run(block.storage.floats)
        case .float64: run(block.storage.doubles)
        case .int64: run(block.storage.int64s)
        case .int32: run(block.storage.int32s)
        case .bool: run(block.storage.bools)
        }
        return out
    }

    /// `max()` / `min()` over all elements (MaxBackward1: gradient shared evenly among ties).
    public func maxAll(_ isMax: Bool = true) throws -> Tensor {
        let name = isMax ? "max" : "min"
        guard numel > 0 else {
            throw TensorError.runtime("\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
        let (block, _, len, _) = reductionBlock(Array(0..<dim), keepdim: false, dtype: dtype)
        let idx = Tensor.rowsArgExtreme(block, rows: 1, len: len, max: isMax)[0]
        let out = Tensor(zeros: [], dtype: dtype, device: device)
        stridedCopy(src: block.storage, srcLayout: Layout(shape: [], strides: [], offset: block.layout.offset + idx),
                    dst: out.storage, dstLayout: out.layout)
        if dtype.isFloatingPoint {
            let a = self
            let savedOut = SavedOutput(out)
            let node = recordAutograd(isMax ? "MaxBackward1" : "MinBackward1", inputs: [self], outputs: [out]) { g in
                let out = savedOut.unpack()
                guard let go = g[0] else { return [nil] }
                let mask = try a.eq(out)
                let count = try mask.sum()
                return [try mask.to(go.dtype).mul(go.div(count))]
            }
            savedOut.node = node
        }
        return out
    }
    public func max() throws -> Tensor { try maxAll(true) }
    public func min() throws -> Tensor { try maxAll(false) }

    /// `Swift.max(dim, keepdim)` / `Swift.min(dim, keepdim)` → values and indices (MaxBackward0).
    public func max(dim d: Int, keepdim: Bool = false, isMax: Bool = true) throws -> ValuesIndices {
        let name = isMax ? "max" : "min"
        let w = try wrapDim(d, dim)
        if dim > 0 && shape[w] == 0 {
            throw TensorError.index("\(name)(): Expected reduction dim \(w) to have non-zero size.")
        }
        let rd = dim == 0 ? [] : [w]
        let (block, rows, len, outShape) = reductionBlock(rd, keepdim: keepdim, dtype: dtype)
        let idx = Tensor.rowsArgExtreme(block, rows: rows, len: len, max: isMax)
        let values = Tensor(zeros: outShape, dtype: dtype, device: device)
        let indices = Tensor(zeros: outShape, dtype: .int64, device: device)
        let isz = dtype.itemSize
        for r in 0..<rows {
            (values.storage.raw + r * isz).copyMemory(from: block.storage.raw + (block.layout.offset + r * len + idx[r]) * isz, byteCount: isz)
            indices.storage.int64s[r] = Int64(idx[r])
        }
        if dtype.isFloatingPoint {
            let inShape = shape, dt = dtype, dev = device
            recordAutograd(isMax ? "MaxBackward0" : "MinBackward0", inputs: [self], outputs: [values]) { g in
                guard let go = g[0] else { return [nil] }
                // Scatter the gradient to the chosen positions.
                let z = Tensor(zeros: inShape, dtype: dt, device: dev)
                let gk = try go.unsqueezeReduced(rd, keepdim: keepdim).contiguous().materialized(dtype: dt)
                let ik = try indices.unsqueezeReduced(rd, keepdim: keepdim).contiguous()
                let gd = gk.toDoubleArray(), id = ik.toInt64Array()
                let outer = inShape.isEmpty ? 1 : inShape[..<(rd.first ?? 0)].reduce(1, *)
                let n = rd.isEmpty ? 1 : inShape[rd[0]]
                let inner = rd.isEmpty ? 1 : inShape[(rd[0] + 1)...].reduce(1, *)
                for o in 0..<outer { for i in 0..<inner {
                    let k = o * inner + i
                    z.storage.write(.double(gd[k]), at: (o * n + Int(id[k])) * inner + i)
                } }
                return [z]
            }
        }
        return ValuesIndices(values: values, indices: indices, name: name)
    }
    public func min(dim d: Int, keepdim: Bool = false) throws -> ValuesIndices { try max(dim: d, keepdim: keepdim, isMax: false) }

    /// `amax(dims)` / `amin(dims)` (AmaxBackward0: evenly among ties).
    public func amax(dims: [Int] = [], keepdim: Bool = false, isMax: Bool = true) throws -> Tensor {
        let rdims = try reductionDims(dims)
        let (block, rows, len, outShape) = reductionBlock(rdims, keepdim: keepdim, dtype: dtype)
        if len == 0 && rows > 0 {
            throw TensorError.index("\(isMax ? "amax" : "amin")(): Expected reduction dim \(rdims.first ?? 0) to have non-zero size.")
        }
        let idx = Tensor.rowsArgExtreme(block, rows: rows, len: len, max: isMax)
        let out = Tensor(zeros: outShape, dtype: dtype, device: device)
        let isz = dtype.itemSize
        for r in 0..<rows {
            (out.storage.raw + r * isz).copyMemory(from: block.storage.raw + (block.layout.offset + r * len + idx[r]) * isz, byteCount: isz)
        }
        if dtype.isFloatingPoint {
            let a = self, inShape = shape
            let savedOut = SavedOutput(out)
            let node = recordAutograd(isMax ? "AmaxBackward0" : "AminBackward0", inputs: [self], outputs: [out]) { g in
                let out = savedOut.unpack()
                guard let go = g[0] else { return [nil] }
                let ok = try out.unsqueezeReduced(rdims, keepdim: keepdim)
                let mask = try a.eq(ok).to(go.dtype)
                let cnt = try mask.sum(dims: rdims, keepdim: true)
                return [try mask.mul(go.unsqueezeReduced(rdims, keepdim: keepdim).div(cnt)).expand(inShape).contiguous()]
            }
            savedOut.node = node
        }
        return out
    }
    public func amin(dims: [Int] = [], keepdim: Bool = false) throws -> Tensor { try amax(dims: dims, keepdim: keepdim, isMax: false) }

    /// `argmax(dim=None, keepdim)`: over the flattened tensor when dim is nil.
    public func argmax(dim d: Int? = nil, keepdim: Bool = false, isMax: Bool = true) throws -> Tensor {
        let name = isMax ? "argmax" : "argmin"
        guard let d = d else {
            guard numel > 0 else {
                throw TensorError.runtime("\(name)(): Expected reduction dim to be specified for input.numel() == 0.")
            }
            let (block, _, len, _) = reductionBlock(Array(0..<dim), keepdim: false, dtype: dtype)
            let i = Tensor.rowsArgExtreme(block, rows: 1, len: len, max: isMax)[0]
            let shapeOut = keepdim ? [Int](repeating: 1, count: dim) : []
            let out = Tensor(zeros: shapeOut, dtype: .int64, device: device)
            out.storage.int64s[0] = Int64(i)
            return out
        }
        let w = try wrapDim(d, dim)
        if dim > 0 && shape[w] == 0 {
            throw TensorError.index("\(name)(): Expected reduction dim \(w) to have non-zero size.")
        }
        let (block, rows, len, outShape) = reductionBlock(dim == 0 ? [] : [w], keepdim: keepdim, dtype: dtype)
        let idx = Tensor.rowsArgExtreme(block, rows: rows, len: len, max: isMax)
        let out = Tensor(zeros: outShape, dtype: .int64, device: device)
        for r in 0..<rows { out.storage.int64s[r] = Int64(idx[r]) }
        return out
    }
    public func argmin(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor { try argmax(dim: d, keepdim: keepdim, isMax: false) }

    // MARK: std / var

    /// `var(dim, correction=1, keepdim)`: two-pass in double.
    public func variance(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false, std: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("std and var only support floating point and complex dtypes")
        }
        let rdims = try reductionDims(dims)
        let (block, rows, len, outShape) = reductionBlock(rdims, keepdim: keepdim, dtype: .float64)
        let out = Tensor(zeros: outShape, dtype: dtype, device: device)
        let p = block.storage.doubles + block.layout.offset
        for r in 0..<rows {
            let row = p + r * len
            let mean = pairwiseSum(row, len) / Double(len)
            var m2 = 0.0
            for i in 0..<len { let d = row[i] - mean; m2 += d * d }
            var v = m2 / Swift.max(0, Double(len) - correction)
            if len == 0 { v = .nan }
            out.storage.write(.double(std ? v.squareRoot() : v), at: r)
        }
        let a = self, inShape = shape, full = dims == nil || dims!.isEmpty
        let n = Double(len)
        let savedOut = SavedOutput(out)
        let node = recordAutograd(std ? "StdBackward0" : "VarBackward0", inputs: [self], outputs: [out]) { g in
            let out = savedOut.unpack()
            guard let go = g[0] else { return [nil] }
            let mu = try GradMode.with(enabled: false) { try a.mean(dims: rdims, keepdim: true) }
            var scale = try go.unsqueezeReduced(rdims, keepdim: keepdim).mul(.double(2 / Swift.max(0, n - correction)))
            if std { scale = try scale.div(out.unsqueezeReduced(rdims, keepdim: keepdim).mul(.int(2))) }
            return [try a.sub(mu).mul(scale).expand(inShape).contiguous()]
        }
        savedOut.node = node
        _ = full
        return out
    }
    public func std(dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws -> Tensor {
        try variance(dims: dims, correction: correction, keepdim: keepdim, std: true)
    }

    // MARK: all / any

    /// `all()` / `all(dim)`: bool result.
    public func all(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor { try boolReduce(d, keepdim, all: true) }
    public func any(dim d: Int? = nil, keepdim: Bool = false) throws -> Tensor { try boolReduce(d, keepdim, all: false) }
    func boolReduce(_ d: Int?, _ keepdim: Bool, all: Bool) throws -> Tensor {
        let rdims = try d.map { [try wrapDim($0, dim)] } ?? Array(0..<dim)
        let (block, rows, len, outShape) = reductionBlock(dim == 0 ? [] : rdims, keepdim: keepdim, dtype: .bool)
        let out = Tensor(zeros: outShape, dtype: .bool, device: device)
        let p = block.storage.bools + block.layout.offset
        for r in 0..<rows {
            var acc = all
            for i in 0..<len { if p[r * len + i] != all { acc = !all; break } }
            out.storage.bools[r] = acc
        }
        return out
    }

    /// `logsumexp(dim, keepdim)`.
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let src = dtype.isFloatingPoint ? self : to(DType.defaultFloat)
        let m = try GradMode.with(enabled: false) { try src.detach().amax(dims: dims, keepdim: true) }
        let mFinite = try m.maskedFill(m.abs().eq(.double(.infinity)), .int(0))
        var r = try src.sub(mFinite).exp().sum(dims: dims, keepdim: true).log().add(mFinite)
        if !keepdim { r = try r.squeeze(dims: try reductionDims(dims)) }
        return r
    }
}

/// Float32 sums accumulate in double and round once (close to PyTorch's cascade sum).
@inline(__always)
func sumDouble(_ p: UnsafeMutablePointer<Float>, _ n: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = 0
    while i + 4 <= n {
        s0 += Double(p[i]); s1 += Double(p[i + 1]); s2 += Double(p[i + 2]); s3 += Double(p[i + 3])
        i += 4
    }
    while i < n { s0 += Double(p[i]); i += 1 }
    return (s0 + s1) + (s2 + s3)
}

/// Pairwise summation for double (error O(log n)).
func pairwiseSum(_ p: UnsafeMutablePointer<Double>, _ n: Int) -> Double {
    if n <= 32 {
        var s = 0.0
        for i in 0..<n { s += p[i] }
        return s
    }
    let h = n / 2
    return pairwiseSum(p, h) + pairwiseSum(p + h, n - h)
}

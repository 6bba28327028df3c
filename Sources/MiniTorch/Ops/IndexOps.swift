/// gather / scatter / scatter_add / scatter_reduce / index_select / take_along_dim / index_add / one_hot,
/// with PyTorch's checks in PyTorch's order (aten/src/ATen/native/ScatterGatherChecks.h and
/// TensorAdvancedIndexing.cpp) and its exact messages. Kernels: IndexOpsKernels.swift.

/// `ensure_nonempty_dim` / `ensure_nonempty_size`: a 0-dim tensor behaves as one element of size 1.
@inline(__always) private func nonemptyDim(_ t: Tensor) -> Int { max(t.dim, 1) }
@inline(__always) private func nonemptySize(_ t: Tensor, _ d: Int) throws -> Int {
    if t.dim == 0 { return 1 }
    return try t.size(d)
}
/// Shape and strides with a 0-dim tensor seen as [1].
@inline(__always) private func kernelGeometry(_ t: Tensor) -> ([Int], [Int]) {
    t.dim == 0 ? ([1], [1]) : (t.shape, t.strides)
}

extension Tensor {
    // MARK: shared helpers

    /// The index as an int64 tensor the kernels can read (int32 indices are widened once).
    func int64Index() -> Tensor { dtype == .int64 ? self : materialized(dtype: .int64) }

    static func outOfBounds(_ index: Int64, _ dim: Int, _ size: Int) -> TensorError {
        .runtime("index \(index) is out of bounds for dimension \(dim) with size \(size)")
    }

    // MARK: gather

    /// `torch.gather(self, dim, index)`.
    public func gather(_ dim: Int, _ index: Tensor) throws -> Tensor {
        let d = try wrapDim(dim, self.dim)
        if index.numel != 0 && index.dtype != .int64 && index.dtype != .int32 {
            throw TensorError.runtime("gather(): Expected dtype int32/int64 for index")
        }
        if index.numel == 0 { return Tensor(zeros: index.shape, dtype: dtype, device: device) }
        try gatherShapeCheck(d, index)
        // The kernel writes every element (or throws), so the output starts uninitialised.
        let outLayout = Layout(contiguous: index.shape)
        let out = Tensor(storage: Storage(dtype: dtype, uninitializedCount: outLayout.numel), layout: outLayout, device: device)
        try gatherInto(out, d, index)
        let selfShape = shape
        recordAutograd("GatherBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: selfShape, dtype: go.dtype, device: go.device)
            return [try z.scatterAdd(d, index, go)]
        }
        return out
    }

    func gatherShapeCheck(_ d: Int, _ index: Tensor) throws {
        let selfDims = nonemptyDim(self)
        guard selfDims == nonemptyDim(index) else {
            throw TensorError.runtime("Index tensor must have the same number of dimensions as input tensor")
        }
        for i in 0..<selfDims where i != d {
            if try nonemptySize(index, i) > nonemptySize(self, i) {
                throw TensorError.runtime("Size does not match at dimension \(i) expected index \(shapeString(index.shape)) to be no larger than self \(shapeString(shape)) apart from dimension \(d)")
            }
        }
    }

    /// The gather kernel into a fresh contiguous `out` shaped like `index`.
    func gatherInto(_ out: Tensor, _ d: Int, _ index: Tensor) throws {
        let idx = index.int64Index()
        let (ishape, istrides) = kernelGeometry(idx)
        let (_, sstrides) = kernelGeometry(self)
        let (_, ostrides) = kernelGeometry(out)
        let dimSize = try nonemptySize(self, d)
        func run<E: ScatterElement>(_: E.Type) -> Int64? {
            let o = out.dataPointer(E.self), sp = UnsafePointer(dataPointer(E.self)), ip = UnsafePointer(idx.dataPointer(Int64.self))
            // Rows of the index are independent: split them across cores for large inputs.
            return IndexKernels.parallelRows(ishape[0], work: idx.numel) { r0, n in
                var sh = ishape
                sh[0] = n
                return IndexKernels.gather(out: o + r0 * ostrides[0], outStrides: ostrides,
                                           src: sp + (d == 0 ? 0 : r0 * sstrides[0]), srcStrides: sstrides, dim: d, dimSize: dimSize,
                                           index: ip + r0 * istrides[0], indexShape: sh, indexStrides: istrides)
            }
        }
        let bad: Int64?
        switch self.dtype {
        case .float32: bad = run(Float.self)
        case .float64: bad = run(Double.self)
        case .int64: bad = run(Int64.self)
        case .int32: bad = run(Int32.self)
        case .bool: bad = run(Bool.self)
        }
        if let bad { throw Tensor.outOfBounds(bad, d, dimSize) }
    }

    // MARK: scatter family

    /// `scatter_shape_check` and the dtype check, in PyTorch's order. Returns the wrapped dim.
    func scatterChecks(_ dim: Int, _ index: Tensor, _ src: Tensor?) throws -> Int {
        let d = try wrapDim(dim, self.dim)
        if index.numel != 0 && index.dtype != .int64 && index.dtype != .int32 {
            throw TensorError.runtime("scatter(): Expected dtype int32/int64 for index")
        }
        if let src, src.dtype != dtype {
            throw TensorError.runtime("scatter(): Expected self.dtype to be equal to src.dtype")
        }
        if index.numel == 0 { return d }
        let selfDims = nonemptyDim(self)
        guard selfDims == nonemptyDim(index) else {
            throw TensorError.runtime("Index tensor must have the same number of dimensions as self tensor")
        }
        var wrong = false
        for i in 0..<selfDims where i != d {
            if try nonemptySize(index, i) > nonemptySize(self, i) { wrong = true; break }
        }
        if !wrong, let src {
            for i in 0..<selfDims {
                // PyTorch reads src.size(i) here, so a lower-rank src fails with the dim-range IndexError.
                if try nonemptySize(index, i) > nonemptySize(src, i) { wrong = true; break }
            }
        }
        if let src {
            guard nonemptyDim(src) == nonemptyDim(index) else {
                throw TensorError.runtime("Index tensor must have the same number of dimensions as src tensor")
            }
            if wrong {
                throw TensorError.runtime("Expected index \(shapeString(index.shape)) to be no larger than self \(shapeString(shape)) apart from dimension \(d) and to be no larger size than src \(shapeString(src.shape))")
            }
        } else if wrong {
            throw TensorError.runtime("Expected index \(shapeString(index.shape)) to be no larger than self \(shapeString(shape)) apart from dimension \(d)")
        }
        return d
    }

    static func legacyReduce(_ reduce: String?) throws -> ScatterReduction {
        guard let reduce else { return .assign }
        switch reduce {
        case "add": return .sum
        case "multiply": return .prod
        default: throw TensorError.runtime("reduce argument must be either add or multiply.")
        }
    }

    static func newReduce(_ reduce: String) throws -> ScatterReduction {
        switch reduce {
        case "sum": return .sum
        case "prod": return .prod
        case "mean": return .mean
        case "amax", "max": return .amax
        case "amin", "min": return .amin
        default: throw TensorError.runtime("reduce argument must be either sum, prod, mean, amax or amin, got \(reduce)")
        }
    }

    /// A fresh contiguous tensor of self's shape and dtype for `scatterKernel(into:copyingFrom: self)` to fill.
    func scatterOutput() -> Tensor {
        let l = Layout(contiguous: shape)
        return Tensor(storage: Storage(dtype: dtype, uninitializedCount: l.numel), layout: l, device: device)
    }

    /// Scatters into `out` (a contiguous tensor of self's shape and dtype, already holding self's values — or,
    /// with `base`, a fresh `scatterOutput()` that first receives base's values: when base is contiguous and the
    /// scatter is not along dim 0, each worker copies the rows it then scatters into, while they are in cache).
    func scatterKernel(into out: Tensor, _ d: Int, _ index: Tensor, src: Tensor?, value: Scalar?,
                       op: ScatterReduction, copyingFrom base: Tensor? = nil) throws {
        let rowBase = base.flatMap { $0.isContiguous && d != 0 && out.dim >= 1 && index.numel != 0 ? $0 : nil }
        if let base, rowBase == nil {
            stridedCopy(src: base.storage, srcLayout: base.layout, dst: out.storage, dstLayout: out.layout)
        }
        if index.numel == 0 { return }
        let idx = index.int64Index()
        let (ishape, istrides) = kernelGeometry(idx)
        let (_, ostrides) = kernelGeometry(out)
        let srcStrides = src.map { kernelGeometry($0).1 } ?? []
        let dimSize = try nonemptySize(out, d)
        // Bytes of one dim-0 row of out, and base's data, for the fused copy.
        let rowBytes = rowBase == nil ? 0 : ostrides[0] * dtype.itemSize
        let baseBytes = rowBase.map { UnsafeRawPointer($0.storage.raw + $0.storageOffset * dtype.itemSize) }
        if let baseBytes, out.shape[0] > ishape[0] {  // rows no index row reaches
            (out.storage.raw + ishape[0] * rowBytes).copyMemory(from: baseBytes + ishape[0] * rowBytes,
                                                                byteCount: (out.shape[0] - ishape[0]) * rowBytes)
        }
        func run<E: ScatterElement>(_: E.Type) -> Int64? {
            let v: E
            switch value {
            case .double(let x)?: v = E.fromDouble(x)
            case .int(let i)?: v = E.fromInt64(i)
            case .bool(let b)?: v = E.fromInt64(b ? 1 : 0)
            case nil: v = E.fromInt64(0)
            }
            let o = out.dataPointer(E.self), ip = UnsafePointer(idx.dataPointer(Int64.self))
            let sp = src.map { UnsafePointer($0.dataPointer(E.self)) }
            // Along dim 0 two index rows may hit the same slot, so only other dims split rows across cores.
            return IndexKernels.parallelRows(ishape[0], work: d == 0 ? 0 : idx.numel) { r0, n in
                if let baseBytes {
                    (out.storage.raw + r0 * rowBytes).copyMemory(from: baseBytes + r0 * rowBytes, byteCount: n * rowBytes)
                }
                var sh = ishape
                sh[0] = n
                return IndexKernels.scatter(dst: o + (d == 0 ? 0 : r0 * ostrides[0]), dstStrides: ostrides, dim: d, dimSize: dimSize,
                                            index: ip + r0 * istrides[0], indexShape: sh, indexStrides: istrides,
                                            src: sp.map { $0 + r0 * srcStrides[0] }, srcStrides: srcStrides, value: v, op: op)
            }
        }
        let bad: Int64?
        switch out.dtype {
        case .float32: bad = run(Float.self)
        case .float64: bad = run(Double.self)
        case .int64: bad = run(Int64.self)
        case .int32: bad = run(Int32.self)
        case .bool: bad = run(Bool.self)
        }
        if let bad { throw Tensor.outOfBounds(bad, d, dimSize) }
    }

    /// `scatter(dim, index, src, reduce=None)` (out of place).
    public func scatter(_ dim: Int, _ index: Tensor, _ src: Tensor, reduce: String? = nil) throws -> Tensor {
        let d = try scatterChecks(dim, index, src)
        let op = try Tensor.legacyReduce(reduce)
        let out = scatterOutput()
        try scatterKernel(into: out, d, index, src: src, value: nil, op: op, copyingFrom: self)
        if op == .assign {
            recordAutograd("ScatterBackward0", inputs: [self, src], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                return [try go.scatter(d, index, value: .int(0)), try go.gather(d, index)]
            }
        } else {
            recordAutograd("torch::autograd::NotImplemented", inputs: [self, src], outputs: [out]) { _ in
                throw TensorError.runtime("the derivative for 'scatter' with a reduce argument is not implemented.")
            }
        }
        return out
    }

    /// `scatter(dim, index, value, reduce=None)` (out of place).
    public func scatter(_ dim: Int, _ index: Tensor, value: Scalar, reduce: String? = nil) throws -> Tensor {
        let d = try scatterChecks(dim, index, nil)
        let op = try Tensor.legacyReduce(reduce)
        let out = scatterOutput()
        try scatterKernel(into: out, d, index, src: nil, value: value, op: op, copyingFrom: self)
        recordAutograd("ScatterBackward1", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.scatter(d, index, value: .int(0))]
        }
        return out
    }

    /// `scatter_(dim, index, src, reduce=None)`.
    public func scatter_(_ dim: Int, _ index: Tensor, _ src: Tensor, reduce: String? = nil) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try commitInplace(try (needsGrad([self, src]) ? inplaceSnapshot() : self).scatter(dim, index, src, reduce: reduce))
    }

    /// `scatter_(dim, index, value, reduce=None)`.
    public func scatter_(_ dim: Int, _ index: Tensor, value: Scalar, reduce: String? = nil) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try commitInplace(try (needsGrad([self]) ? inplaceSnapshot() : self).scatter(dim, index, value: value, reduce: reduce))
    }

    /// `scatter_add(dim, index, src)`.
    public func scatterAdd(_ dim: Int, _ index: Tensor, _ src: Tensor) throws -> Tensor {
        let d = try scatterChecks(dim, index, src)
        let out = scatterOutput()
        try scatterKernel(into: out, d, index, src: src, value: nil, op: .sum, copyingFrom: self)
        recordAutograd("ScatterAddBackward0", inputs: [self, src], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            return [go, try go.gather(d, index)]
        }
        return out
    }

    /// `scatter_add_(dim, index, src)`.
    public func scatterAdd_(_ dim: Int, _ index: Tensor, _ src: Tensor) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try commitInplace(try (needsGrad([self, src]) ? inplaceSnapshot() : self).scatterAdd(dim, index, src))
    }

    /// `scatter_reduce(dim, index, src, reduce, include_self=True)`: sum, prod, mean, amax, amin.
    public func scatterReduce(_ dim: Int, _ index: Tensor, _ src: Tensor, reduce: String, includeSelf: Bool = true) throws -> Tensor {
        let d = try scatterChecks(dim, index, src)
        let op = try Tensor.newReduce(reduce)
        let out = materialized()
        if index.numel != 0 {
            if !includeSelf {
                let identity: Scalar
                switch op {
                case .prod: identity = .int(1)
                case .amax: identity = dtype.isFloatingPoint ? .double(-.infinity) : .int(dtype == .int32 ? Int64(Int32.min) : Int64.min)
                case .amin: identity = dtype.isFloatingPoint ? .double(.infinity) : .int(dtype == .int32 ? Int64(Int32.max) : Int64.max)
                default: identity = .int(0)
                }
                try scatterKernel(into: out, d, index, src: nil, value: identity, op: .assign)
            }
            try scatterKernel(into: out, d, index, src: src, value: nil, op: op)
            if op == .mean { try divideByScatterCount(out, d, index, includeSelf: includeSelf) }
        }
        let selfT = self
        let savedOut = SavedOutput(out)
        let node = recordAutograd("ScatterReduceBackward0", inputs: [self, src], outputs: [out]) { g in
            let out = savedOut.unpack()
            guard let go = g[0] else { return [nil, nil] }
            return try Tensor.scatterReduceBackward(go, selfT, d, index, src, out, op, includeSelf)
        }
        savedOut.node = node
        return out
    }

    /// `scatter_reduce_(dim, index, src, reduce, include_self=True)`.
    public func scatterReduce_(_ dim: Int, _ index: Tensor, _ src: Tensor, reduce: String, includeSelf: Bool = true) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try commitInplace(try (needsGrad([self, src]) ? inplaceSnapshot() : self)
            .scatterReduce(dim, index, src, reduce: reduce, includeSelf: includeSelf))
    }

    /// mean: divide every slot by (include_self ? 1 : 0) + number of elements scattered into it (0 → 1).
    func divideByScatterCount(_ out: Tensor, _ d: Int, _ index: Tensor, includeSelf: Bool) throws {
        let n = out.numel
        let counts = UnsafeMutablePointer<Int32>.allocate(capacity: Swift.max(n, 1))
        defer { counts.deallocate() }
        counts.update(repeating: includeSelf ? 1 : 0, count: n)
        let idx = index.int64Index()
        let (ishape, istrides) = kernelGeometry(idx)
        IndexKernels.scatterCount(counts: counts, countStrides: kernelGeometry(out).1, dim: d,
                                  index: UnsafePointer(idx.dataPointer(Int64.self)), indexShape: ishape, indexStrides: istrides)
        func run<E: ScatterElement>(_: E.Type) {
            let p = out.dataPointer(E.self)
            for i in 0..<n where counts[i] > 1 { p[i] = E.divide(p[i], by: Int(counts[i])) }
        }
        switch out.dtype {
        case .float32: run(Float.self)
        case .float64: run(Double.self)
        case .int64: run(Int64.self)
        case .int32: run(Int32.self)
        case .bool: run(Bool.self)
        }
    }

    static func scatterReduceBackward(_ go: Tensor, _ selfT: Tensor, _ d: Int, _ index: Tensor, _ src: Tensor,
                                      _ result: Tensor, _ op: ScatterReduction, _ includeSelf: Bool) throws -> [Tensor?] {
        // Slots that received a scattered value lose their own gradient when include_self=False.
        let maskedSelf: (Tensor) throws -> Tensor = { g in includeSelf ? g : try g.scatter(d, index, value: .int(0)) }
        switch op {
        case .sum, .assign:
            return [try maskedSelf(go), try go.gather(d, index)]
        case .mean:
            let ones = Tensor.onesLike(src)
            let count = Tensor.fullLike(selfT, .int(includeSelf ? 1 : 0)).materialized()
            try count.scatterKernel(into: count, d, index, src: ones, value: nil, op: .sum)
            let c = try count.maximum(Tensor.onesLike(count))
            let gs = try go.div(c)
            return [try maskedSelf(gs), try gs.gather(d, index)]
        case .prod:
            // d(out)/d(x) = out / x (no zeros in the inputs assumed, as the simple formula).
            let gOut = try go.mul(result)
            return [try maskedSelf(try gOut.div(selfT)), try gOut.gather(d, index).div(src)]
        case .amax, .amin:
            // Gradient shared evenly among the elements equal to the result.
            let selfHit = try selfT.eq(result).to(go.dtype)
            let srcHit = try src.eq(result.gather(d, index)).to(go.dtype)
            let selfCount = includeSelf ? selfHit : try selfHit.scatter(d, index, value: .int(0))
            let total = try selfCount.scatterAdd(d, index, srcHit)
            let share = try go.div(total.maximum(Tensor.onesLike(total)))
            return [try selfCount.mul(share), try srcHit.mul(share.gather(d, index))]
        }
    }

    // MARK: index_select

    /// `torch.index_select(self, dim, index)`.
    public func indexSelect(_ dim: Int, _ index: Tensor) throws -> Tensor {
        let d = try wrapDim(dim, self.dim)
        let count = index.numel
        guard index.dim <= 1 else { throw TensorError.index("index_select(): Index is supposed to be a vector") }
        if self.dim == 0 && count != 1 {
            throw TensorError.runtime("index_select(): Index to scalar can have only 1 value, got \(count) value(s)")
        }
        guard index.dtype == .int64 || index.dtype == .int32 else {
            throw TensorError.runtime("index_select(): Expected dtype int32 or int64 for index")
        }
        var outShape = shape
        if self.dim > 0 { outShape[d] = count }
        let dimSize = try nonemptySize(self, d)
        let idx = index.int64Index().materialized(dtype: .int64)
        let ip = idx.dataPointer(Int64.self)
        if self.dim > 1 && count > 0 && numel == 0 {
            throw TensorError.runtime("index_select(): self indexing axis dim should be positive")
        }
        for j in 0..<count where ip[j] < 0 || ip[j] >= Int64(dimSize) {
            // PyTorch's dim-1 fast path of a matrix (or higher) reports differently from the general path.
            if self.dim > 1 && d == 1 {
                throw TensorError.runtime("INDICES element is out of DATA bounds, id=\(ip[j]) axis_dim=\(dimSize)")
            }
            throw TensorError.index("index out of range in self")
        }
        let src = isContiguous ? self : materialized()
        let out = Tensor(zeros: outShape, dtype: dtype, device: device)
        let outer = shape.prefix(self.dim == 0 ? 0 : d).reduce(1, *)
        let inner = self.dim == 0 ? 1 : shape.suffix(from: d + 1).reduce(1, *)
        func run<E: ScatterElement>(_: E.Type) {
            IndexKernels.indexSelect(out: out.dataPointer(E.self), src: UnsafePointer(src.dataPointer(E.self)),
                                     outer: outer, dimSize: dimSize, inner: inner, index: UnsafePointer(ip), count: count)
        }
        switch self.dtype {
        case .float32: run(Float.self)
        case .float64: run(Double.self)
        case .int64: run(Int64.self)
        case .int32: run(Int32.self)
        case .bool: run(Bool.self)
        }
        let selfShape = shape
        recordAutograd("IndexSelectBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: selfShape, dtype: go.dtype, device: go.device)
            try z.indexAddKernel(d, idx, go, alpha: nil)
            return [z]
        }
        return out
    }

    // MARK: index_add

    /// `index_add_(dim, index, source, alpha=1)`.
    public func indexAdd_(_ dim: Int, _ index: Tensor, _ source: Tensor, alpha: Scalar? = nil) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try commitInplace(try (needsGrad([self, source]) ? inplaceSnapshot() : self).indexAdd(dim, index, source, alpha: alpha))
    }

    /// `index_add(dim, index, source, alpha=1)` (out of place).
    public func indexAdd(_ dim: Int, _ index: Tensor, _ source: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        let d = try wrapDim(dim, self.dim)
        let count = index.numel
        guard index.dim <= 1 else {
            throw TensorError.index("index_add_(): Index is supposed to be a vector, but got dim: \(index.dim) with type: \(index.dtype.scalarTypeName) and size: \(shapeString(index.shape))")
        }
        guard index.dtype == .int64 || index.dtype == .int32 else {
            throw TensorError.runtime("index_add_(): Expected dtype int32/int64 for index but got: \(index.dtype.scalarTypeName)")
        }
        guard source.dtype == dtype else {
            throw TensorError.runtime("index_add_(): self (\(dtype.scalarTypeName)) and source (\(source.dtype.scalarTypeName)) must have the same scalar type")
        }
        guard d == 0 || d < source.dim else {
            throw TensorError.runtime("index_add_(): Indexing dim \(d) is out of bounds of the source tensor with dim \(source.dim)")
        }
        let srcCount = source.dim == 0 ? 1 : source.shape[d]
        guard count == srcCount else {
            throw TensorError.runtime("index_add_(): Number of indices (\(count)) should be equal to source.size(dim): (\(srcCount)), for dim: \(d)")
        }
        var expected = shape
        if self.dim > 0 { expected[d] = count }
        let srcShape = source.dim == 0 ? [] : source.shape
        if self.dim > 0 && source.dim > 0 && (srcShape.count != expected.count || srcShape != expected) && source.numel != 0 || (self.dim == 0 && source.numel != 1) {
            throw TensorError.runtime("source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = \(shapeString(shape)) source.shape = \(shapeString(source.shape))")
        }
        let out = materialized()
        try out.indexAddKernel(d, index, source, alpha: alpha)
        let a = alpha
        recordAutograd("IndexAddBackward0", inputs: [self, source], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            var gs = try go.indexSelect(d, index)
            if let a { gs = try gs.mul(a) }
            if source.dim == 0 { gs = try gs.reshape([]) }
            return [go, gs]
        }
        return out
    }

    /// Adds `source` rows into this contiguous tensor at `index` along `d` (checks bounds).
    func indexAddKernel(_ d: Int, _ index: Tensor, _ source: Tensor, alpha: Scalar?) throws {
        let idx = index.int64Index().materialized(dtype: .int64)
        let ip = idx.dataPointer(Int64.self)
        let count = idx.numel
        let dimSize = self.dim == 0 ? 1 : shape[d]
        for j in 0..<count where ip[j] < 0 || ip[j] >= Int64(dimSize) {
            throw Tensor.outOfBounds(ip[j], d, dimSize)
        }
        let src = source.materialized(dtype: dtype)
        let outer = self.dim == 0 ? 1 : shape.prefix(d).reduce(1, *)
        let inner = self.dim == 0 ? 1 : shape.suffix(from: d + 1).reduce(1, *)
        func run<E: ScatterElement>(_: E.Type) {
            let av: E
            if let alpha, case .double(let x) = alpha { av = E.fromDouble(x) } else { av = E.fromInt64(alpha?.asInt64 ?? 1) }
            IndexKernels.indexAdd(dst: dataPointer(E.self), src: UnsafePointer(src.dataPointer(E.self)), outer: outer,
                                  dimSize: dimSize, inner: inner, index: UnsafePointer(ip), count: count,
                                  alpha: av, scale: alpha != nil)
        }
        switch self.dtype {
        case .float32: run(Float.self)
        case .float64: run(Double.self)
        case .int64: run(Int64.self)
        case .int32: run(Int32.self)
        case .bool: run(Bool.self)
        }
    }

    // MARK: take_along_dim

    /// `torch.take_along_dim(self, indices, dim=None)`.
    public func takeAlongDim(_ indices: Tensor, dim: Int? = nil) throws -> Tensor {
        guard let dim else {
            guard indices.dtype == .int64 else {
                throw TensorError.runtime("torch.take_along_dim(): dtype of indices should be Long but got \(indices.dtype.scalarTypeName)")
            }
            return try reshape([-1]).gather(0, indices.reshape([-1]))
        }
        guard indices.dtype == .int64 else {
            throw TensorError.runtime("torch.take_along_dim(): dtype of indices should be Long but got \(indices.dtype.scalarTypeName)")
        }
        guard self.dim == indices.dim else {
            throw TensorError.runtime("torch.take_along_dim(): input and indices should have the same number of dimensions, but got \(self.dim) dimensions for input, and \(indices.dim) dimensions for indices")
        }
        let d = try wrapDim(dim, self.dim)
        var selfSizes = shape, indexSizes = indices.shape
        if self.dim > 0 { selfSizes[d] = indices.shape[d]; indexSizes[d] = shape[d] }
        let indexShape = try broadcastShapes(selfSizes, indices.shape)
        let selfShape = try broadcastShapes(indexSizes, shape)
        // PyTorch 2.15 wraps indices along `dim` modulo its size (recorded: index 3 of size 3 reads 0, -4 reads 2).
        var idx = try indices.expand(indexShape)
        let size = self.dim == 0 ? 1 : shape[d]
        if size > 0 {
            let wrapped = idx.materialized()
            let p = wrapped.dataPointer(Int64.self)
            let s = Int64(size)
            for i in 0..<wrapped.numel { let r = p[i] % s; p[i] = r < 0 ? r + s : r }
            idx = wrapped
        }
        return try expand(selfShape).gather(d, idx)
    }

    // MARK: one_hot

    /// `F.one_hot(tensor, num_classes=-1)`.
    public func oneHot(numClasses: Int = -1) throws -> Tensor {
        guard dtype == .int64 else {
            throw TensorError.runtime("one_hot is only applicable to index tensor of type LongTensor.")
        }
        let values = toInt64Array()
        if numel == 0 {
            guard numClasses > 0 else {
                throw TensorError.runtime("Can not infer total number of classes from empty tensor.")
            }
            return Tensor(zeros: shape + [numClasses], dtype: .int64, device: device)
        }
        let lo = values.min() ?? 0, hi = values.max() ?? 0
        guard lo >= 0 else { throw TensorError.runtime("Class values must be non-negative.") }
        var classes = numClasses
        if classes == -1 { classes = Int(hi) + 1 } else if hi >= Int64(classes) {
            throw TensorError.runtime("Class values must be smaller than num_classes.")
        }
        let out = Tensor(zeros: shape + [classes], dtype: .int64, device: device)
        try scatterKernel(into: out, out.dim - 1, try unsqueeze(-1), src: nil, value: .int(1), op: .assign)
        return out
    }
}

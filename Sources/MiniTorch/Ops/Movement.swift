/// Views and data movement: view/reshape/permute/transpose/expand/squeeze/..., cat/stack/repeat.
/// Views return a new Layout over the same Storage; each op records its backward next to it.

/// Broadcast two shapes with PyTorch's error text.
public func broadcastShapes(_ a: [Int], _ b: [Int]) throws -> [Int] {
    let n = Swift.max(a.count, b.count)
    var out = [Int](repeating: 1, count: n)
    for i in Swift.stride(from: n - 1, through: 0, by: -1) {
        let off = n - 1 - i
        let da = a.count - 1 - off, db = b.count - 1 - off
        let sa = da >= 0 ? a[da] : 1, sb = db >= 0 ? b[db] : 1
        guard sa == sb || sa == 1 || sb == 1 else {
            throw TensorError.runtime("The size of tensor a (\(sa)) must match the size of tensor b (\(sb)) at non-singleton dimension \(i)")
        }
        out[i] = sa == 1 ? sb : sa
    }
    return out
}

/// c10's `infer_size`: resolves one -1 and checks the element count.
public func inferViewShape(_ shape: [Int], numel: Int) throws -> [Int] {
    var res = shape
    var newsize = 1
    var inferDim: Int? = nil
    for (d, s) in shape.enumerated() {
        if s == -1 {
            if inferDim != nil { throw TensorError.runtime("only one dimension can be inferred") }
            inferDim = d
        } else if s >= 0 {
            newsize = newsize.multipliedReportingOverflow(by: s).overflow ? Int.max : newsize * s
        } else {
            throw TensorError.runtime("invalid shape dimension \(s)")
        }
    }
    if numel == newsize || (inferDim != nil && newsize > 0 && numel % newsize == 0) {
        if let d = inferDim {
            if newsize == 0 {
                throw TensorError.runtime("cannot reshape tensor of 0 elements into shape \(shapeString(shape)) because the unspecified dimension size -1 can be any value and is ambiguous")
            }
            res[d] = numel / newsize
        }
        return res
    }
    throw TensorError.runtime("shape '\(shapeString(shape))' is invalid for input of size \(numel)")
}

/// ATen's `computeStride`: strides for viewing (oldShape, oldStrides) as newShape, or nil if impossible.
func computeViewStrides(_ oldShape: [Int], _ oldStrides: [Int], _ newShape: [Int]) -> [Int]? {
    if oldShape.isEmpty { return [Int](repeating: 1, count: newShape.count) }
    let numel = oldShape.reduce(1, *)
    if numel == 0 && oldShape == newShape { return oldStrides }
    var newStrides = [Int](repeating: 0, count: newShape.count)
    if numel == 0 {
        for d in Swift.stride(from: newShape.count - 1, through: 0, by: -1) {
            newStrides[d] = d == newShape.count - 1 ? 1 : Swift.max(newShape[d + 1], 1) * newStrides[d + 1]
        }
        return newStrides
    }
    var viewD = newShape.count - 1
    var chunkBase = oldStrides[oldStrides.count - 1]
    var tensorNumel = 1, viewNumel = 1
    for td in Swift.stride(from: oldShape.count - 1, through: 0, by: -1) {
        tensorNumel *= oldShape[td]
        if td == 0 || (oldShape[td - 1] != 1 && oldStrides[td - 1] != tensorNumel * chunkBase) {
            while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                newStrides[viewD] = viewNumel * chunkBase
                viewNumel *= newShape[viewD]
                viewD -= 1
            }
            if viewNumel != tensorNumel { return nil }
            if td > 0 {
                chunkBase = oldStrides[td - 1]
                tensorNumel = 1
                viewNumel = 1
            }
        }
    }
    if viewD != -1 { return nil }
    return newStrides
}

extension Tensor {
    /// Layout of self broadcast to `target` (stride 0 on expanded dims), with expand's checks.
    public func expandLayout(to target: [Int]) throws -> Layout {
        if target == shape { return layout }
        guard target.count >= dim else {
            throw TensorError.runtime("expand(\(dtype.typeString){\(shapeString(shape))}, size=\(shapeString(target))): the number of sizes provided (\(target.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        let n = target.count
        var sizes = [Int](repeating: 0, count: n), strides = [Int](repeating: 0, count: n)
        for i in Swift.stride(from: n - 1, through: 0, by: -1) {
            let off = n - 1 - i
            let d = dim - 1 - off
            var size = d >= 0 ? shape[d] : 1
            var st = d >= 0 ? layout.strides[d] : (i + 1 < n ? sizes[i + 1] * strides[i + 1] : 1)
            var t = target[i]
            if t == -1 {
                guard d >= 0 else {
                    throw TensorError.runtime("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension \(i)")
                }
                t = size
            }
            if t < 0 {
                throw TensorError.runtime("The expanded size of the tensor (\(t)) must match the existing size (\(size)) at non-singleton dimension \(i).  Target sizes: \(shapeString(target)).  Tensor sizes: \(shapeString(shape))")
            }
            if size != t {
                guard size == 1 else {
                    throw TensorError.runtime("The expanded size of the tensor (\(t)) must match the existing size (\(size)) at non-singleton dimension \(i).  Target sizes: \(shapeString(target)).  Tensor sizes: \(shapeString(shape))")
                }
                size = t
                st = 0
            }
            sizes[i] = size; strides[i] = st
        }
        try Tensor.checkSizes(sizes)
        return Layout(shape: sizes, strides: strides, offset: layout.offset)
    }

    /// `expand(*sizes)` (-1 keeps a size): a stride-0 view.
    public func expand(_ sizes: [Int]) throws -> Tensor {
        let l = try expandLayout(to: sizes)
        let out = makeView(l)
        let inShape = shape
        recordAutograd("ExpandBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try sumToShape($0, inShape) }] }
        return out
    }
    public func expandAs(_ other: Tensor) throws -> Tensor { try expand(other.shape) }

    /// `view(*shape)`: fails where PyTorch does.
    public func view(_ newShape: [Int]) throws -> Tensor {
        let s = try inferViewShape(newShape, numel: numel)
        guard let st = computeViewStrides(shape, layout.strides, s) else {
            throw TensorError.runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        let out = makeView(Layout(shape: s, strides: st, offset: layout.offset))
        let inShape = shape
        recordAutograd("ViewBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.reshape(inShape) }] }
        return out
    }
    /// `view(dtype)` is not supported; `view_as(other)`.
    public func viewAs(_ other: Tensor) throws -> Tensor { try view(other.shape) }

    /// `reshape(*shape)`: a view when possible, else a copy.
    public func reshape(_ newShape: [Int]) throws -> Tensor {
        let s = try inferViewShape(newShape, numel: numel)
        if computeViewStrides(shape, layout.strides, s) != nil { return try view(s) }
        let c = materialized()
        let out = Tensor(storage: c.storage, layout: Layout(contiguous: s), device: device)
        let inShape = shape
        recordAutograd("UnsafeViewBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.reshape(inShape) }] }
        return out
    }
    public func reshapeAs(_ other: Tensor) throws -> Tensor { try reshape(other.shape) }

    /// `movedim(source, destination)` / `moveaxis`: the dims in `source` go to the positions in `destination`, the
    /// others keep their order in the remaining positions; a `permute` (PermuteBackward0), with ATen's checks.
    public func movedim(_ source: [Int], _ destination: [Int]) throws -> Tensor {
        let list = { (d: [Int]) in "[" + d.map(String.init).joined(separator: ", ") + "]" }
        guard source.count == destination.count else {
            throw TensorError.runtime("movedim: Invalid source or destination dims: source (\(list(source)) dims) should contain the same number of dims as destination (\(list(destination)) dims)")
        }
        let src = try source.map { try wrapDim($0, dim) }, dst = try destination.map { try wrapDim($0, dim) }
        guard Set(src).count == src.count else { throw TensorError.runtime("movedim: repeated dim in `source` (\(list(source)))") }
        guard Set(dst).count == dst.count else { throw TensorError.runtime("movedim: repeated dim in `destination` (\(list(destination)))") }
        guard dim > 0 else { return try permute([]) }
        var order = [Int](repeating: -1, count: dim)
        for (s, d) in zip(src, dst) { order[d] = s }
        var rest = (0..<dim).filter { !src.contains($0) }.makeIterator()
        for k in 0..<dim where order[k] < 0 { order[k] = rest.next() ?? k }
        return try permute(order)
    }

    /// `permute(*dims)`.
    public func permute(_ dims: [Int]) throws -> Tensor {
        guard dims.count == dim else {
            throw TensorError.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(dims.count)")
        }
        var seen = [Bool](repeating: false, count: dim)
        var wrapped: [Int] = []
        for d in dims {
            let w = try wrapDim(d, dim)
            if seen[w] { throw TensorError.runtime("permute(): duplicate dims are not allowed.") }
            seen[w] = true
            wrapped.append(w)
        }
        let l = Layout(shape: wrapped.map { shape[$0] }, strides: wrapped.map { layout.strides[$0] }, offset: layout.offset)
        let out = makeView(l)
        var inverse = [Int](repeating: 0, count: dim)
        for (i, w) in wrapped.enumerated() { inverse[w] = i }
        recordAutograd("PermuteBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.permute(inverse) }] }
        return out
    }

    func transposedLayout(_ a: Int, _ b: Int) -> Layout {
        var l = layout
        l.shape.swapAt(a, b); l.strides.swapAt(a, b)
        return l
    }
    /// `transpose(d0, d1)`.
    public func transpose(_ d0: Int, _ d1: Int) throws -> Tensor {
        let a = try wrapDim(d0, dim), b = try wrapDim(d1, dim)
        let out = makeView(dim == 0 ? layout : transposedLayout(a, b))
        recordAutograd("TransposeBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.transpose(a, b) }] }
        return out
    }
    /// `t()`: 0-D and 1-D tensors are returned as is.
    public func t() throws -> Tensor {
        guard dim <= 2 else { throw TensorError.runtime("t() expects a tensor with <= 2 dimensions, but self is \(dim)D") }
        let out = makeView(dim == 2 ? transposedLayout(0, 1) : layout)
        recordAutograd("TBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.t() }] }
        return out
    }
    /// `.T`: reverses all dims (PermuteBackward0).
    public func T() throws -> Tensor {
        if dim == 2 || dim > 2 { return try permute(Array((0..<dim).reversed())) }
        return self
    }
    /// `.mT`: transposes the last two dims.
    public func mT() throws -> Tensor {
        guard dim >= 2 else { throw TensorError.runtime("tensor.mT is only supported on matrices or batches of matrices. Got \(dim)-D tensor.") }
        return try transpose(-2, -1)
    }

    /// `unsqueeze(d)`; d in [-dim-1, dim].
    public func unsqueeze(_ d: Int) throws -> Tensor {
        let w = try wrapDim(d, dim + 1)
        var l = layout
        let st = w < dim ? layout.strides[w] * shape[w] : 1
        l.shape.insert(1, at: w); l.strides.insert(st, at: w)
        let out = makeView(l)
        recordAutograd("UnsqueezeBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.squeeze(dim: w) }] }
        return out
    }
    /// `squeeze()`: drops all size-1 dims.
    public func squeeze() throws -> Tensor {
        var l = Layout(shape: [], strides: [], offset: layout.offset)
        for i in 0..<dim where shape[i] != 1 { l.shape.append(shape[i]); l.strides.append(layout.strides[i]) }
        let out = makeView(l)
        let inShape = shape
        recordAutograd("SqueezeBackward0", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.reshape(inShape) }] }
        return out
    }
    /// `squeeze(d)`: drops dim d if its size is 1 (else a no-op view).
    public func squeeze(dim d: Int) throws -> Tensor {
        let w = try wrapDim(d, dim)
        var l = layout
        if dim > 0 && shape[w] == 1 { l.shape.remove(at: w); l.strides.remove(at: w) }
        let out = makeView(l)
        let inShape = shape
        recordAutograd("SqueezeBackward1", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.reshape(inShape) }] }
        return out
    }
    /// `squeeze((d0, d1))`.
    public func squeeze(dims ds: [Int]) throws -> Tensor {
        let ws = Set(try ds.map { try wrapDim($0, dim) })
        var l = Layout(shape: [], strides: [], offset: layout.offset)
        for i in 0..<dim where !(ws.contains(i) && shape[i] == 1) { l.shape.append(shape[i]); l.strides.append(layout.strides[i]) }
        let out = makeView(l)
        let inShape = shape
        recordAutograd("SqueezeBackward2", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.reshape(inShape) }] }
        return out
    }

    /// `flatten(start_dim, end_dim)`.
    public func flatten(_ startDim: Int = 0, _ endDim: Int = -1) throws -> Tensor {
        let s = try wrapDim(startDim, dim), e = try wrapDim(endDim, dim)
        guard s <= e else { throw TensorError.runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if dim == 0 { return try reshape([1]) }
        if s == e { return self }
        let merged = shape[s...e].reduce(1, *)
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }
    /// `unflatten(dim, sizes)`.
    public func unflatten(_ d: Int, _ sizes: [Int]) throws -> Tensor {
        let w = try wrapDim(d, dim)
        let inner: [Int]
        do { inner = try inferViewShape(sizes, numel: shape[w]) } catch {
            throw TensorError.runtime("unflatten: Provided sizes \(shapeString(sizes)) don't multiply up to the size of dim \(w) (\(shape[w])) in the input tensor")
        }
        return try view(Array(shape[..<w]) + inner + Array(shape[(w + 1)...]))
    }

    /// A view of `length` elements of dim `d` starting at `start`, every `step` (no autograd; used by slicing).
    func sliceLayout(_ d: Int, start: Int, length: Int, step: Int = 1) -> Layout {
        var l = layout
        l.offset += start * layout.strides[d]
        l.shape[d] = length
        l.strides[d] = layout.strides[d] * step
        return l
    }
    /// Slice view with SliceBackward0 (start/end already clamped, step > 0).
    public func slice(dim d: Int, start: Int, end: Int, step: Int = 1) throws -> Tensor {
        let w = try wrapDim(d, dim)
        guard step > 0 else { throw TensorError.value("step must be greater than zero") }
        let n = shape[w]
        var s = start < 0 ? start + n : start, e = end < 0 ? end + n : end
        s = Swift.min(Swift.max(s, 0), n); e = Swift.min(Swift.max(e, s), n)
        let len = e <= s ? 0 : (e - s - 1) / step + 1
        let out = makeView(sliceLayout(w, start: s, length: len, step: step))
        let inShape = shape, inDType = dtype, dev = device
        recordAutograd("SliceBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: inShape, dtype: inDType, device: dev)
            let v = z.makeView(z.sliceLayout(w, start: s, length: len, step: step))
            try v.assignElements(from: go)
            return [z]
        }
        return out
    }
    /// `narrow(dim, start, length)`.
    public func narrow(_ d: Int, _ start: Int, _ length: Int) throws -> Tensor {
        guard dim > 0 else { throw TensorError.runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let w = try wrapDim(d, dim)
        guard length >= 0 else { throw TensorError.runtime("narrow(): length must be non-negative.") }
        let n = shape[w]
        guard start >= -n && start <= n else {
            throw TensorError.index("start out of range (expected to be in range of [\(-n), \(n)], but got \(start))")
        }
        let s = start < 0 ? start + n : start
        guard length <= n - s else {
            throw TensorError.runtime("start (\(s)) + length (\(length)) exceeds dimension size (\(n)).")
        }
        return try slice(dim: w, start: s, end: s + length)
    }
    /// `select(dim, index)`: removes dim, SelectBackward0.
    public func select(_ d: Int, _ index: Int) throws -> Tensor {
        guard dim > 0 else { throw TensorError.index("select() cannot be applied to a 0-dim tensor.") }
        let w = try wrapDim(d, dim)
        let n = shape[w]
        guard index >= -n && index < n else {
            throw TensorError.index("select(): index \(index) out of range for tensor of size \(shapeString(shape)) at dimension \(w)")
        }
        return try selectUnchecked(w, index < 0 ? index + n : index)
    }
    /// `diagonal(offset=0, dim1=0, dim2=1)`: a view whose last dim walks the (offset) diagonal of dims dim1 and dim2,
    /// DiagonalBackward0 (the gradient written onto the same diagonal of zeros).
    public func diagonal(offset: Int = 0, dim1: Int = 0, dim2: Int = 1) throws -> Tensor {
        let d1 = try wrapDim(dim1, dim), d2 = try wrapDim(dim2, dim)
        guard d1 != d2 else { throw TensorError.runtime("diagonal dimensions cannot be identical \(dim1), \(dim2)") }
        let l = Tensor.diagonalLayout(layout, offset: offset, d1, d2)
        let out = makeView(l)
        let inShape = shape, inDType = dtype, dev = device
        recordAutograd("DiagonalBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: inShape, dtype: inDType, device: dev)
            try z.makeView(Tensor.diagonalLayout(z.layout, offset: offset, d1, d2)).assignElements(from: go)
            return [z]
        }
        return out
    }

    /// ATen's diagonal geometry: length max(min(n1, n2 - offset), 0) (offset ≥ 0) or max(min(n1 + offset, n2), 0).
    static func diagonalLayout(_ l: Layout, offset: Int, _ d1: Int, _ d2: Int) -> Layout {
        var out = l
        let n1 = l.shape[d1], n2 = l.shape[d2]
        let size = offset >= 0 ? Swift.max(Swift.min(n1, n2 - offset), 0) : Swift.max(Swift.min(n1 + offset, n2), 0)
        if size > 0 { out.offset += offset >= 0 ? offset * l.strides[d2] : -offset * l.strides[d1] }
        let stride = l.strides[d1] + l.strides[d2]
        for d in [d1, d2].sorted(by: >) { out.shape.remove(at: d); out.strides.remove(at: d) }
        out.shape.append(size); out.strides.append(stride)
        return out
    }

    /// `trace()`: sum of the main diagonal of a matrix (integers sum to int64), TraceBackward0.
    public func trace() throws -> Tensor {
        guard dim == 2 else { throw TensorError.runtime("trace: expected a matrix, but got tensor with dim \(dim)") }
        let out = try GradMode.with(enabled: false) { try diagonal().sum() }
        let inShape = shape, inDType = dtype, dev = device
        recordAutograd("TraceBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: inShape, dtype: inDType, device: dev)
            try z.diagonal().assignElements(from: go)
            return [z]
        }
        return out
    }

    func selectUnchecked(_ w: Int, _ i: Int) throws -> Tensor {
        var l = layout
        l.offset += i * layout.strides[w]
        l.shape.remove(at: w); l.strides.remove(at: w)
        let out = makeView(l)
        let inShape = shape, inDType = dtype, dev = device
        recordAutograd("SelectBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: inShape, dtype: inDType, device: dev)
            var zl = z.layout
            zl.offset += i * zl.strides[w]; zl.shape.remove(at: w); zl.strides.remove(at: w)
            try z.makeView(zl).assignElements(from: go)
            return [z]
        }
        return out
    }

    /// Shared body of split/chunk/unbind: views of consecutive pieces of dim `w`.
    private func splitPieces(_ w: Int, sizes: [Int], nodeName: String) throws -> [Tensor] {
        var outs: [Tensor] = []
        var start = 0
        for s in sizes {
            outs.append(makeView(sliceLayout(w, start: start, length: s)))
            start += s
        }
        let inShape = shape, inDType = dtype, dev = device
        recordAutograd(nodeName, inputs: [self], outputs: outs) { gs in
            let z = Tensor(zeros: inShape, dtype: inDType, device: dev)
            var st = 0
            for (k, s) in sizes.enumerated() {
                if k < gs.count, let g = gs[k] { try z.makeView(z.sliceLayout(w, start: st, length: s)).assignElements(from: g) }
                st += s
            }
            return [z]
        }
        return outs
    }
    /// `split(split_size, dim)`.
    public func split(_ size: Int, dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TensorError.runtime("split expects at least a 1-dimensional tensor") }
        let w = try wrapDim(d, dim)
        guard size >= 0 else { throw TensorError.runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        let n = shape[w]
        if size == 0 && n != 0 {
            throw TensorError.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(n)")
        }
        let count = size == 0 || n == 0 ? 1 : (n - 1) / size + 1
        var sizes: [Int] = []
        for k in 0..<count { sizes.append(Swift.min(size, n - k * size)) }
        return try splitPieces(w, sizes: sizes, nodeName: "SplitBackward0")
    }
    /// `split([sizes], dim)` / `split_with_sizes`.
    public func split(sizes: [Int], dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TensorError.runtime("split expects at least a 1-dimensional tensor") }
        let w = try wrapDim(d, dim)
        let n = shape[w]
        for s in sizes where s < 0 {
            throw TensorError.runtime("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=\(shapeString(sizes))")
        }
        guard sizes.reduce(0, +) == n else {
            throw TensorError.runtime("split_with_sizes expects split_sizes to sum exactly to \(n) (input tensor's size at dimension \(w)), but got split_sizes=\(shapeString(sizes))")
        }
        return try splitPieces(w, sizes: sizes, nodeName: "SplitWithSizesBackward0")
    }
    /// `chunk(chunks, dim)`: pieces of ceil(n / chunks).
    public func chunk(_ chunks: Int, dim d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TensorError.runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw TensorError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let w = try wrapDim(d, dim)
        let n = shape[w]
        let size = n == 0 ? 0 : (n - 1) / chunks + 1
        if size == 0 {
            return try splitPieces(w, sizes: [Int](repeating: 0, count: chunks), nodeName: "SplitBackward0")
        }
        return try split(size, dim: w)
    }
    /// `unbind(dim)`.
    public func unbind(_ d: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TensorError.runtime("Dimension specified as 0 but tensor has no dimensions") }
        let w = try wrapDim(d, dim)
        var outs: [Tensor] = []
        for i in 0..<shape[w] {
            var l = layout
            l.offset += i * layout.strides[w]
            l.shape.remove(at: w); l.strides.remove(at: w)
            outs.append(makeView(l))
        }
        let inShape = shape, inDType = dtype, dev = device
        recordAutograd("UnbindBackward0", inputs: [self], outputs: outs) { gs in
            let z = Tensor(zeros: inShape, dtype: inDType, device: dev)
            for (i, g) in gs.enumerated() {
                guard let g = g else { continue }
                var zl = z.layout
                zl.offset += i * zl.strides[w]; zl.shape.remove(at: w); zl.strides.remove(at: w)
                try z.makeView(zl).assignElements(from: g)
            }
            return [z]
        }
        return outs
    }

    /// `repeat(*sizes)`: tiles the data (a copy).
    public func `repeat`(_ reps: [Int]) throws -> Tensor {
        guard reps.count >= dim else {
            throw TensorError.runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        for r in reps where r < 0 {
            throw TensorError.runtime("Trying to create tensor with negative dimension \(r): \(shapeString(reps))")
        }
        let lead = reps.count - dim
        let padded = [Int](repeating: 1, count: lead) + shape
        var outShape: [Int] = []
        for (p, r) in zip(padded, reps) {
            let (m, o) = p.multipliedReportingOverflow(by: r)
            if o { throw TensorError.runtime("tensor of repeated size exceeds the engine's limit of \(Tensor.maxElements) elements") }
            outShape.append(m)
        }
        try Tensor.checkSizes(outShape)
        let out = Tensor(zeros: outShape, dtype: dtype, device: device)
        // View the output as [r0, s0, r1, s1, ...] and copy the source broadcast over the r-dims.
        var vShape: [Int] = [], vStrides: [Int] = [], sStrides: [Int] = []
        let outStrides = out.layout.strides
        let srcStrides = [Int](repeating: 0, count: lead) + layout.strides
        for i in 0..<reps.count {
            vShape += [reps[i], padded[i]]
            vStrides += [outStrides[i] * padded[i], outStrides[i]]
            sStrides += [0, srcStrides[i]]
        }
        stridedCopy(src: storage, srcLayout: Layout(shape: vShape, strides: sStrides, offset: layout.offset),
                    dst: out.storage, dstLayout: Layout(shape: vShape, strides: vStrides, offset: 0))
        let inShape = shape
        recordAutograd("RepeatBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            var split: [Int] = [], sumDims: [Int] = []
            for i in 0..<reps.count { split += [reps[i], padded[i]]; sumDims.append(2 * i) }
            let s = try go.contiguous().reshape(split).sum(dims: sumDims, keepdim: false)
            return [try s.reshape(inShape)]
        }
        return out
    }

    /// `torch.cat(tensors, dim)`: promotes dtypes; legacy 1-D empty tensors are skipped.
    public static func cat(_ tensors: [Tensor], dim d: Int = 0) throws -> Tensor {
        guard !tensors.isEmpty else { throw TensorError.value("torch.cat(): expected a non-empty list of Tensors") }
        for (i, t) in tensors.enumerated() where t.dim == 0 {
            throw TensorError.runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        let outDType = DType.resultType(tensors.map { .tensor($0.dtype, dim: 1) })
        let parts = tensors.enumerated().filter { !($0.element.dim == 1 && $0.element.numel == 0) }
        guard let first = parts.first?.element else {
            return Tensor(zeros: [0], dtype: outDType, device: tensors[0].device)
        }
        let w = try wrapDim(d, first.dim)
        var total = 0
        for (idx, t) in parts {
            guard t.dim == first.dim else {
                throw TensorError.runtime("Tensors must have same number of dimensions: got \(first.dim) and \(t.dim)")
            }
            for k in 0..<first.dim where k != w && t.shape[k] != first.shape[k] {
                throw TensorError.runtime("Sizes of tensors must match except in dimension \(w). Expected size \(first.shape[k]) but got size \(t.shape[k]) for tensor number \(idx) in the list.")
            }
            guard t.device == first.device else {
                throw TensorError.runtime("Expected all tensors to be on the same device, but found at least two devices, \(first.device) and \(t.device)!")
            }
            total += t.shape[w]
        }
        var outShape = first.shape
        outShape[w] = total
        try checkSizes(outShape)
        let out = Tensor(zeros: outShape, dtype: outDType, device: first.device)
        var start = 0
        var ranges: [(Int, Int)] = []
        for (_, t) in parts {
            let dst = out.sliceLayout(w, start: start, length: t.shape[w])
            stridedCopy(src: t.storage, srcLayout: t.layout, dst: out.storage, dstLayout: dst)
            ranges.append((start, t.shape[w]))
            start += t.shape[w]
        }
        let inputs = parts.map { $0.element }
        recordAutograd("CatBackward0", inputs: inputs, outputs: [out]) { g in
            guard let go = g[0] else { return inputs.map { _ in nil } }
            return try ranges.map { (s, n) in try go.slice(dim: w, start: s, end: s + n) }
        }
        return out
    }

    /// `torch.stack(tensors, dim)`.
    public static func stack(_ tensors: [Tensor], dim d: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError.runtime("stack expects a non-empty TensorList") }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TensorError.runtime("stack expects each tensor to be equal size, but got \(shapeString(first.shape)) at entry 0 and \(shapeString(t.shape)) at entry \(i)")
        }
        let w = try wrapDim(d, first.dim + 1)
        let parts = try GradMode.with(enabled: false) { try tensors.map { try $0.detach().unsqueeze(w) } }
        let out = try GradMode.with(enabled: false) { try cat(parts, dim: w) }
        recordAutograd("StackBackward0", inputs: tensors, outputs: [out]) { g in
            guard let go = g[0] else { return tensors.map { _ in nil } }
            return try (0..<tensors.count).map { try go.select(w, $0) }
        }
        return out
    }
}

/// Python `x[...]` read and write: ints, slices (positive steps), None, Ellipsis, bool masks and integer tensors
/// (advanced indexing with broadcasting and NumPy's placement rule).

/// One item of a subscript tuple.
public enum IndexItem {
    case int(Int)
    /// start, stop, step (nil = omitted)
    case slice(Int?, Int?, Int?)
    case none
    case ellipsis
    /// An integer (int64/int32) or bool tensor; Python lists are converted to tensors by the caller.
    case tensor(Tensor)
}

extension Tensor {
    /// Result of applying the basic items: a view (recorded with Select/Slice/Unsqueeze nodes) plus the advanced
    /// index tensors with the view dims they apply to.
    func applyBasicIndexing(_ items: [IndexItem], record: Bool) throws -> (Tensor, [(dim: Int, index: Tensor)]) {
        var specified = 0, ellipses = 0
        for it in items {
            switch it {
            case .int, .slice: specified += 1
            case .tensor(let t): specified += t.dtype == .bool ? Swift.max(t.dim, 1) - (t.dim == 0 ? 1 : 0) : 1
            case .ellipsis: ellipses += 1
            case .none: break
            }
        }
        if ellipses > 1 { throw TensorError.index("an index can only have a single ellipsis ('...')") }
        if specified > dim { throw TensorError.index("too many indices for tensor of dimension \(dim)") }
        var result = record ? self : detachedView()
        var d = 0
        // PyTorch's `real_dim` (TensorIndexing.h): the position in the index tuple, where None counts 1, an
        // ellipsis the dims it covers and a (multi-dim) mask 1. Used only in the out-of-bounds message.
        var realDim = 0
        var advanced: [(dim: Int, index: Tensor)] = []
        for it in items {
            defer {
                if case .ellipsis = it { realDim += dim - specified } else { realDim += 1 }
            }
            switch it {
            case .int(let i):
                let n = result.shape[d]
                guard i >= -n && i < n else {
                    throw TensorError.index("index \(i) is out of bounds for dimension \(realDim) with size \(n)")
                }
                result = try record ? result.selectUnchecked(d, i < 0 ? i + n : i) : result.rawSelect(d, i < 0 ? i + n : i)
            case .slice(let start, let stop, let step):
                let st = step ?? 1
                guard st > 0 else { throw TensorError.value("step must be greater than zero") }
                let n = result.shape[d]
                var s = start ?? 0, e = stop ?? n
                if s < 0 { s += n }; if e < 0 { e += n }
                s = Swift.min(Swift.max(s, 0), n); e = Swift.min(Swift.max(e, s), n)
                if !(s == 0 && e == n && st == 1) || !record {
                    result = try record ? result.slice(dim: d, start: s, end: e, step: st)
                        : result.makeViewNoGrad(result.sliceLayout(d, start: s, length: e <= s ? 0 : (e - s - 1) / st + 1, step: st))
                }
                d += 1
            case .none:
                result = try record ? result.unsqueeze(d) : result.makeViewNoGrad({
                    var l = result.layout
                    l.shape.insert(1, at: d); l.strides.insert(d < result.dim ? result.layout.strides[d] * result.shape[d] : 1, at: d)
                    return l
                }())
                d += 1
            case .ellipsis:
                d += dim - specified
            case .tensor(let t):
                if t.dtype == .bool && t.dim == 0 {
                    // x[True] adds a dim of size 1 (x[False] of size 0).
                    result = try record ? result.unsqueeze(d) : result.makeViewNoGrad({
                        var l = result.layout
                        l.shape.insert(1, at: d); l.strides.insert(1, at: d)
                        return l
                    }())
                    advanced.append((d, Tensor.scalarTensor(.int(t.storage.bools[t.layout.offset] ? 0 : -1), dtype: .int64)))
                    if !t.storage.bools[t.layout.offset] { advanced[advanced.count - 1].index = Tensor(zeros: [0], dtype: .int64) }
                    d += 1
                    continue
                }
                guard t.dtype == .bool || t.dtype.isIntegral else {
                    throw TensorError.index("tensors used as indices must be long, int, byte or bool tensors")
                }
                if t.dtype == .bool {
                    for k in 0..<t.dim {
                        guard d + k < result.dim, t.shape[k] == result.shape[d + k] else {
                            throw TensorError.index("The shape of the mask \(shapeString(t.shape)) at index \(k) does not match the shape of the indexed tensor \(shapeString(result.shape)) at index \(d + k)")
                        }
                    }
                    // nonzero → one long index tensor per mask dim
                    let coords = t.nonzeroPerDim()
                    for k in 0..<t.dim {
                        advanced.append((d + k, Tensor(coords[k], shape: [coords[k].count])))
                    }
                    d += t.dim
                } else {
                    advanced.append((d, t))
                    d += 1
                }
            }
        }
        return (result, advanced)
    }

    func detachedView() -> Tensor { makeViewNoGrad(layout) }
    func makeViewNoGrad(_ l: Layout) -> Tensor {
        let t = Tensor(storage: storage, layout: l, device: device, versionCounter: versionCounter)
        t.base = base ?? self
        return t
    }
    func rawSelect(_ w: Int, _ i: Int) -> Tensor {
        var l = layout
        l.offset += i * layout.strides[w]
        l.shape.remove(at: w); l.strides.remove(at: w)
        return makeViewNoGrad(l)
    }

    /// Row-major coordinates of the true elements of a bool tensor.
    func nonzeroCoordinates() -> [[Int64]] {
        var out: [[Int64]] = []
        let flags = toBoolArray()
        var idx = [Int](repeating: 0, count: dim)
        for f in flags {
            if f { out.append(idx.map { Int64($0) }) }
            var k = dim - 1
            while k >= 0 { idx[k] += 1; if idx[k] < shape[k] { break }; idx[k] = 0; k -= 1 }
        }
        return out
    }

    /// Coordinates of the true elements, one array per dim (no per-element allocation).
    func nonzeroPerDim() -> [[Int64]] {
        let flags = (dtype == .bool ? self : materialized(dtype: .bool)).materialized()
        let n = flags.numel
        let p = flags.storage.bools
        var count = 0
        for i in 0..<n where p[i] { count += 1 }
        var out = [[Int64]](repeating: [], count: dim)
        for k in 0..<dim { out[k].reserveCapacity(count) }
        if dim == 0 { return out }
        var idx = [Int64](repeating: 0, count: dim)
        let sh = shape.map { Int64($0) }
        for i in 0..<n {
            if p[i] { for k in 0..<dim { out[k].append(idx[k]) } }
            var k = dim - 1
            while k >= 0 { idx[k] += 1; if idx[k] < sh[k] { break }; idx[k] = 0; k -= 1 }
        }
        return out
    }

    /// `torch.nonzero(x)`: [n, dim] int64 coordinates.
    public func nonzero() -> Tensor {
        let c = (dtype == .bool ? self : (try? ne(.int(0))) ?? self).nonzeroCoordinates()
        return Tensor(c.flatMap { $0 }, shape: [c.count, dim])
    }

    /// Storage offsets and output shape of an advanced index over `view`.
    func advancedPlan(_ adv: [(dim: Int, index: Tensor)]) throws -> (outShape: [Int], offsets: [Int]) {
        var bshape: [Int] = []
        for (k, a) in adv.enumerated() {
            do { bshape = try broadcastShapes(bshape, a.index.shape) } catch {
                let shapes = adv[0...k].map { shapeString($0.index.shape) }.joined(separator: ", ")
                throw TensorError.index("shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)")
            }
        }
        let dims = adv.map { $0.dim }
        let adjacent = zip(dims, dims.dropFirst()).allSatisfy { $1 == $0 + 1 }
        let bn = bshape.reduce(1, *)
        var advOff = [Int](repeating: 0, count: bn)
        for a in adv {
            let n = shape[a.dim], st = layout.strides[a.dim]
            let e = Tensor(storage: a.index.storage, layout: try a.index.expandLayout(to: bshape)).toInt64Array()
            for j in 0..<bn {
                let v = Int(e[j])
                guard v >= -n && v < n else {
                    throw TensorError.index("index \(v) is out of bounds for dimension \(a.dim) with size \(n)")
                }
                advOff[j] += (v < 0 ? v + n : v) * st
            }
        }
        let rest = (0..<dim).filter { !dims.contains($0) }
        let pre = adjacent ? rest.filter { $0 < dims[0] } : []
        let post = adjacent ? rest.filter { $0 > dims[0] } : rest
        let preL = Layout(shape: pre.map { shape[$0] }, strides: pre.map { layout.strides[$0] }, offset: layout.offset)
        let postL = Layout(shape: post.map { shape[$0] }, strides: post.map { layout.strides[$0] }, offset: 0)
        let outShape0 = pre.map { shape[$0] } + bshape + post.map { shape[$0] }
        try Tensor.checkSizes(outShape0)
        let preOffs = preL.storageIndices(), postOffs = postL.storageIndices()
        var offsets: [Int] = []
        offsets.reserveCapacity(preOffs.count * bn * postOffs.count)
        for p in preOffs { for b in advOff { for q in postOffs { offsets.append(p + b + q) } } }
        let outShape = pre.map { shape[$0] } + bshape + post.map { shape[$0] }
        return (outShape, offsets)
    }

    /// `x[items]`.
    public func index(_ items: [IndexItem]) throws -> Tensor {
        let (view, adv) = try applyBasicIndexing(items, record: true)
        if adv.isEmpty {
            if view === self { return makeView(layout) }
            return view
        }
        let (outShape, offsets) = try view.advancedPlan(adv)
        try Tensor.checkSizes(outShape)
        let out = Tensor(zeros: outShape, dtype: dtype, device: device)
        let isz = dtype.itemSize
        let src = view.storage.raw, dst = out.storage.raw
        for (i, o) in offsets.enumerated() { (dst + i * isz).copyMemory(from: src + o * isz, byteCount: isz) }
        if dtype.isFloatingPoint {
            let vshape = view.shape, vdtype = view.dtype, dev = device
            recordAutograd("IndexBackward0", inputs: [view], outputs: [out]) { g in
                guard let go = g[0] else { return [nil] }
                let z = Tensor(zeros: vshape, dtype: vdtype, device: dev)
                let gv = go.materialized(dtype: vdtype).toDoubleArray()
                let contiguousView = Tensor(storage: z.storage, layout: z.layout)
                let (_, offs) = try contiguousView.advancedPlan(adv)
                for (i, o) in offs.enumerated() { z.storage.write(.double(z.storage.readDouble(o) + gv[i]), at: o) }
                return [z]
            }
        }
        return out
    }

    /// `x[items] = value` (value: tensor or Python number via `Tensor.scalarTensor`); `accumulate` = index_put_(accumulate=True).
    public func indexPut(_ items: [IndexItem], _ value: Tensor, accumulate: Bool = false) throws {
        try indexPut(items, value, accumulate: accumulate, number: nil)
    }

    /// `number` is the Python number a value tensor was made from: PyTorch fills with it (no internal-overlap
    /// check, so `expanded[:, 0] = 5` works), while a tensor value is copied (`copy_`, which refuses an
    /// expanded destination once the value has been broadcast to it).
    func indexPut(_ items: [IndexItem], _ value: Tensor, accumulate: Bool, number: Scalar?) throws {
        let recording = GradMode.isEnabled && (requiresGrad || (base?.requiresGrad ?? false) || value.requiresGrad)
        if recording {
            // Views carry the graph (SelectBackward0, ...) so the in-place copy can be routed back to self.
            let (view, adv) = try applyBasicIndexing(items, record: true)
            if adv.isEmpty {
                // Basic indexing: an in-place copy into a view (CopySlices on self).
                if accumulate {
                    try view.add_(value)
                } else if let n = number {
                    try view.fill_(n)
                } else {
                    _ = try value.expandLayout(to: view.shape)
                    try view.copy_(value)
                }
                return
            }
            let pureAdvanced = items.allSatisfy { if case .tensor = $0 { return true } else { return false } }
            try (pureAdvanced ? self : view).indexPutRecorded(adv, value, accumulate: accumulate)
            return
        }
        let (view, adv) = try applyBasicIndexing(items, record: false)
        if adv.isEmpty {
            let l = try value.expandLayout(to: view.shape)
            if number == nil && !accumulate { try view.checkNoInternalOverlap() }
            let src = value.storage === storage ? value.materialized() : value
            let sl = value.storage === storage ? try src.expandLayout(to: view.shape) : l
            if accumulate {
                let r = try Tensor.binaryForward(.add, view, Tensor(storage: src.storage, layout: sl))
                try view.assignElements(from: r)
            } else {
                stridedCopy(src: src.storage, srcLayout: sl, dst: view.storage, dstLayout: view.layout)
            }
            bumpVersion()
            return
        }
        let (outShape, offsets) = try view.advancedPlan(adv)
        let vl: Layout
        do { vl = try value.expandLayout(to: outShape) } catch {
            throw TensorError.runtime("shape mismatch: value tensor of shape \(shapeString(value.shape)) cannot be broadcast to indexing result of shape \(shapeString(outShape))")
        }
        let vals = Tensor(storage: value.storage, layout: vl).materialized(dtype: dtype)
        if accumulate {
            let vd = vals.toScalarArray()
            for (i, o) in offsets.enumerated() {
                let cur = storage.readScalar(o)
                switch (cur, vd[i]) {
                case (.double(let a), _): storage.write(.double(a + vd[i].asDouble), at: o)
                case (.int(let a), _): storage.write(.int(a &+ vd[i].asInt64), at: o)
                case (.bool(let a), _): storage.write(.bool(a || vd[i].asBool), at: o)
                }
            }
        } else {
            let isz = dtype.itemSize
            for (i, o) in offsets.enumerated() {
                (storage.raw + o * isz).copyMemory(from: vals.storage.raw + i * isz, byteCount: isz)
            }
        }
        bumpVersion()
    }
    /// Advanced-index write with autograd (IndexPutBackward0).
    func indexPutRecorded(_ adv: [(dim: Int, index: Tensor)], _ value: Tensor, accumulate: Bool) throws {
        try runInplace(operands: [value]) { old in
            let r = old.materialized()
            r.device = old.device
            let (outShape, offsets) = try r.advancedPlan(adv)
            let vl: Layout
            do { vl = try value.expandLayout(to: outShape) } catch {
                throw TensorError.runtime("shape mismatch: value tensor of shape \(shapeString(value.shape)) cannot be broadcast to indexing result of shape \(shapeString(outShape))")
            }
            let vals = Tensor(storage: value.storage, layout: vl).materialized(dtype: r.dtype).toDoubleArray()
            for (i, o) in offsets.enumerated() {
                r.storage.write(.double(accumulate ? r.storage.readDouble(o) + vals[i] : vals[i]), at: o)
            }
            let vShape = value.shape, vdt = value.dtype
            recordAutograd("IndexPutBackward0", inputs: [old, value], outputs: [r]) { g in
                guard let go = g[0] else { return [nil, nil] }
                let gs = go.materialized()
                let gvals = Tensor(zeros: outShape, dtype: gs.dtype, device: gs.device)
                let isz = gs.dtype.itemSize
                for (i, o) in offsets.enumerated() {
                    (gvals.storage.raw + i * isz).copyMemory(from: gs.storage.raw + o * isz, byteCount: isz)
                }
                if !accumulate { for o in offsets { memsetZero(gs.storage.raw + o * isz, isz) } }
                return [gs, try sumToShape(gvals, vShape).to(vdt)]
            }
            return r
        }
    }

    /// `x[items] = number`.
    public func indexPut(_ items: [IndexItem], _ value: Scalar) throws {
        try indexPut(items, Tensor.scalarTensor(value, dtype: dtype, device: device), accumulate: false, number: value)
    }
}

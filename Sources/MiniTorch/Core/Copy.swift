/// Strided copies with dtype conversion: the edge where non-contiguous data becomes contiguous.

@inline(__always)
func copyRows<S: TensorElement, D: TensorElement>(_: S.Type, _: D.Type, src: Storage, srcLayout: Layout,
                                                  dst: Storage, dstLayout: Layout) {
    let sp = src.pointer(S.self), dp = dst.pointer(D.self)
    let same = S.self == D.self
    forEachRow(dstLayout.shape, [dstLayout.strides, srcLayout.strides], [dstLayout.offset, srcLayout.offset]) {
        o0, o1, _, n, s0, s1, _ in
        var d = dp + o0, s = sp + o1
        if same && s0 == 1 && s1 == 1 {
            UnsafeMutableRawPointer(d).copyMemory(from: UnsafeRawPointer(s), byteCount: n * MemoryLayout<S>.stride)
            return
        }
        for _ in 0..<n {
            d.pointee = convertElement(s.pointee, to: D.self)
            d += s0; s += s1
        }
    }
}

@inline(__always)
func copyRowsTo<S: TensorElement>(_: S.Type, src: Storage, srcLayout: Layout, dst: Storage, dstLayout: Layout) {
    switch dst.dtype {
    case .float32: copyRows(S.self, Float.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .float64: copyRows(S.self, Double.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .int64: copyRows(S.self, Int64.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .int32: copyRows(S.self, Int32.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .bool: copyRows(S.self, Bool.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    }
}

/// Copies `src` (already broadcast to `dstLayout.shape`) into `dst`, converting dtypes.
public func stridedCopy(src: Storage, srcLayout: Layout, dst: Storage, dstLayout: Layout) {
    switch src.dtype {
    case .float32: copyRowsTo(Float.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .float64: copyRowsTo(Double.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .int64: copyRowsTo(Int64.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .int32: copyRowsTo(Int32.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    case .bool: copyRowsTo(Bool.self, src: src, srcLayout: srcLayout, dst: dst, dstLayout: dstLayout)
    }
}

extension Tensor {
    /// A contiguous copy with the given dtype (no autograd).
    public func materialized(dtype: DType? = nil) -> Tensor {
        // stridedCopy writes every element, so the new storage need not be zeroed first.
        let l = Layout(contiguous: shape)
        let out = Tensor(storage: Storage(dtype: dtype ?? self.dtype, uninitializedCount: l.numel), layout: l, device: device)
        stridedCopy(src: storage, srcLayout: layout, dst: out.storage, dstLayout: out.layout)
        return out
    }
    /// `contiguous()`: self if already contiguous, else a contiguous copy (CloneBackward0 in the graph).
    public func contiguous() -> Tensor {
        if isContiguous { return self }
        return clone()
    }
    /// `clone()`: always a new contiguous copy.
    public func clone() -> Tensor {
        let out = materialized()
        recordAutograd("CloneBackward0", inputs: [self], outputs: [out]) { g in [g[0]] }
        return out
    }
    /// `detach()`: same storage, no graph.
    public func detach() -> Tensor {
        let t = Tensor(storage: storage, layout: layout, device: device, versionCounter: versionCounter)
        t.isParameter = false
        return t
    }
    /// `to(dtype)` / `float()` / `long()` ...: self when the dtype already matches.
    public func to(_ dtype: DType, copy: Bool = false) -> Tensor {
        if dtype == self.dtype && !copy { return self }
        let out = materialized(dtype: dtype)
        let src = self.dtype
        if dtype.isFloatingPoint {
            recordAutograd("ToCopyBackward0", inputs: [self], outputs: [out]) { g in [g[0].map { $0.to(src) }] }
        }
        return out
    }
    /// `to(device)`: a copy on another (simulated) device; self if already there.
    public func to(device d: Device) -> Tensor {
        if d == device { return self }
        let out = materialized()
        out.device = d
        let src = device
        recordAutograd("ToCopyBackward0", inputs: [self], outputs: [out]) { g in [g[0].map { $0.to(device: src) }] }
        return out
    }
    /// Overwrites this tensor's elements with `src` broadcast to its shape, converting dtype (`copy_` without autograd).
    public func assignElements(from src: Tensor) throws {
        let s = try src.expandLayout(to: shape)
        // Overlap between source and destination (e.g. x.copy_(x.flip)): go through a temporary.
        if src.storage === storage {
            let tmp = src.materialized()
            let s2 = try tmp.expandLayout(to: shape)
            stridedCopy(src: tmp.storage, srcLayout: s2, dst: storage, dstLayout: layout)
        } else {
            stridedCopy(src: src.storage, srcLayout: s, dst: storage, dstLayout: layout)
        }
    }
}

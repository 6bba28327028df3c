/// Generic elementwise kernels over strided operands: contiguous fast paths, scalar (stride 0) paths,
/// and a row-wise strided walk otherwise. All operands are already in their compute dtype.

@inline(__always)
func binaryLoop<T: TensorElement, R: TensorElement>(_ a: Tensor, _ la: Layout, _ b: Tensor, _ lb: Layout,
                                                    _ out: Tensor, _ op: (T, T) -> R) {
    let pa = a.storage.pointer(T.self), pb = b.storage.pointer(T.self), po = out.storage.pointer(R.self)
    let n = out.numel
    if n == 0 { return }
    let aContig = la.isContiguous && la.numel == n, bContig = lb.isContiguous && lb.numel == n
    if aContig && bContig {
        let x = pa + la.offset, y = pb + lb.offset
        for i in 0..<n { po[i] = op(x[i], y[i]) }
        return
    }
    if aContig && lb.strides.allSatisfy({ $0 == 0 }) {
        let x = pa + la.offset, s = pb[lb.offset]
        for i in 0..<n { po[i] = op(x[i], s) }
        return
    }
    if bContig && la.strides.allSatisfy({ $0 == 0 }) {
        let s = pa[la.offset], y = pb + lb.offset
        for i in 0..<n { po[i] = op(s, y[i]) }
        return
    }
    let ol = out.layout
    forEachRow(ol.shape, [ol.strides, la.strides, lb.strides], [ol.offset, la.offset, lb.offset]) {
        o0, o1, o2, cnt, s0, s1, s2 in
        var d = po + o0, x = pa + o1, y = pb + o2
        for _ in 0..<cnt { d.pointee = op(x.pointee, y.pointee); d += s0; x += s1; y += s2 }
    }
}

@inline(__always)
func unaryLoop<T: TensorElement, R: TensorElement>(_ a: Tensor, _ out: Tensor, _ op: (T) -> R) {
    let pa = a.storage.pointer(T.self), po = out.storage.pointer(R.self)
    let n = out.numel
    if n == 0 { return }
    let la = a.layout
    if la.isContiguous {
        let x = pa + la.offset
        for i in 0..<n { po[i] = op(x[i]) }
        return
    }
    let ol = out.layout
    forEachRow(ol.shape, [ol.strides, la.strides], [ol.offset, la.offset]) { o0, o1, _, cnt, s0, s1, _ in
        var d = po + o0, x = pa + o1
        for _ in 0..<cnt { d.pointee = op(x.pointee); d += s0; x += s1 }
    }
}


/// N-d iteration for kernels: the outer dims are walked with an odometer once per row, the inner
/// row is handed to the body as (start offsets, count, strides) so the hot loop is pointer arithmetic.

/// Merges adjacent dims that are contiguous for every operand, and drops size-1 dims.
func coalesce(_ shape: [Int], _ strides: [[Int]]) -> (shape: [Int], strides: [[Int]]) {
    var sh: [Int] = []
    var st: [[Int]] = Array(repeating: [], count: strides.count)
    for d in 0..<shape.count where shape[d] != 1 {
        if let last = sh.last {
            var mergeable = true
            for k in 0..<strides.count where st[k].last! != strides[k][d] * shape[d] { mergeable = false; break }
            if mergeable {
                sh[sh.count - 1] = last * shape[d]
                for k in 0..<strides.count { st[k][st[k].count - 1] = strides[k][d] }
                continue
            }
        }
        sh.append(shape[d])
        for k in 0..<strides.count { st[k].append(strides[k][d]) }
    }
    return (sh, st)
}

/// Visits every row of `shape` for up to three operands.
/// body(offset0, offset1, offset2, count, stride0, stride1, stride2)
@inline(__always)
func forEachRow(_ shape: [Int], _ strides: [[Int]], _ offsets: [Int],
                _ body: (Int, Int, Int, Int, Int, Int, Int) -> Void) {
    if shape.contains(0) { return }
    let k = strides.count
    var (sh, st) = coalesce(shape, strides)
    while st.count < 3 { st.append([Int](repeating: 0, count: sh.count)) }
    var o = offsets
    while o.count < 3 { o.append(0) }
    _ = k
    let d = sh.count
    if d == 0 { body(o[0], o[1], o[2], 1, 0, 0, 0); return }
    let n = sh[d - 1]
    let s0 = st[0][d - 1], s1 = st[1][d - 1], s2 = st[2][d - 1]
    if d == 1 { body(o[0], o[1], o[2], n, s0, s1, s2); return }
    var counter = [Int](repeating: 0, count: d)
    var b0 = o[0], b1 = o[1], b2 = o[2]
    while true {
        body(b0, b1, b2, n, s0, s1, s2)
        var j = d - 2
        while j >= 0 {
            counter[j] += 1
            b0 += st[0][j]; b1 += st[1][j]; b2 += st[2][j]
            if counter[j] < sh[j] { break }
            b0 -= st[0][j] * sh[j]; b1 -= st[1][j] * sh[j]; b2 -= st[2][j] * sh[j]
            counter[j] = 0
            j -= 1
        }
        if j < 0 { return }
    }
}

/// Strided kernels behind gather / scatter / index_select. Each walks the index tensor row by row
/// (`forEachRow`: an odometer per row, pointer arithmetic inside), never building per-element index arrays.

/// The reductions scatter can apply. `assign` is plain scatter; `add`/`multiply` of the legacy API map to sum/prod.
public enum ScatterReduction: String, Sendable {
    case assign, sum, prod, mean, amax, amin
}

/// Element types scatter can reduce into.
public protocol ScatterElement: TensorElement {
    static func combine(_ a: Self, _ b: Self, _ op: ScatterReduction) -> Self
    /// The value a slot starts from when `include_self=False`.
    static func identity(_ op: ScatterReduction) -> Self
    /// `mean`: true division for floating types, floor division for integers (PyTorch's rounding).
    static func divide(_ a: Self, by count: Int) -> Self
}

extension ScatterElement where Self: BinaryFloatingPoint {
    @inline(__always)
    public static func combine(_ a: Self, _ b: Self, _ op: ScatterReduction) -> Self {
        switch op {
        case .assign: return b
        case .sum, .mean: return a + b
        case .prod: return a * b
        case .amax: return a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
        case .amin: return a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
        }
    }
    public static func identity(_ op: ScatterReduction) -> Self {
        switch op {
        case .prod: return 1
        case .amax: return -.infinity
        case .amin: return .infinity
        default: return 0
        }
    }
    @inline(__always)
    public static func divide(_ a: Self, by count: Int) -> Self { a / Self(count) }
}

extension ScatterElement where Self: FixedWidthInteger {
    @inline(__always)
    public static func combine(_ a: Self, _ b: Self, _ op: ScatterReduction) -> Self {
        switch op {
        case .assign: return b
        case .sum, .mean: return a &+ b
        case .prod: return a &* b
        case .amax: return Swift.max(a, b)
        case .amin: return Swift.min(a, b)
        }
    }
    public static func identity(_ op: ScatterReduction) -> Self {
        switch op {
        case .prod: return 1
        case .amax: return .min
        case .amin: return .max
        default: return 0
        }
    }
    @inline(__always)
    public static func divide(_ a: Self, by count: Int) -> Self {
        let c = Self(truncatingIfNeeded: count)
        var q = a / c
        if a % c != 0 && ((a < 0) != (c < 0)) { q -= 1 }
        return q
    }
}

extension Float: ScatterElement {}
extension Double: ScatterElement {}
extension Int64: ScatterElement {}
extension Int32: ScatterElement {}
extension Bool: ScatterElement {
    @inline(__always)
    public static func combine(_ a: Bool, _ b: Bool, _ op: ScatterReduction) -> Bool {
        switch op {
        case .assign: return b
        case .sum, .mean, .amax: return a || b
        case .prod, .amin: return a && b
        }
    }
    public static func identity(_ op: ScatterReduction) -> Bool { op == .prod || op == .amin }
    public static func divide(_ a: Bool, by count: Int) -> Bool { a }
}

import Dispatch

enum IndexKernels {
    /// Below this many index elements the work stays on one core.
    nonisolated(unsafe) static var parallelThreshold = 1 << 16

    /// Runs `body(firstRow, rowCount)` over `rows` rows, in chunks on all cores when `work` is large; returns the
    /// first out-of-range index in row order (as a serial pass would report it).
    static func parallelRows(_ rows: Int, work: Int, _ body: (Int, Int) -> Int64?) -> Int64? {
        let threads = GEMM.threads
        guard threads > 1, work >= parallelThreshold, rows >= 2 else { return body(0, rows) }
        let chunks = Swift.min(rows, threads * 4)
        var bad = [Int64?](repeating: nil, count: chunks)
        bad.withUnsafeMutableBufferPointer { b in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let r0 = rows * c / chunks, r1 = rows * (c + 1) / chunks
                if r1 > r0 { b[c] = body(r0, r1 - r0) }
            }
        }
        return bad.first { $0 != nil } ?? nil
    }

    /// Whether all of `index[0..<n]` lie in 0..<limit (one vectorisable pass, so the copy loop after it needs no checks).
    @inline(__always)
    static func allInRange(_ index: UnsafePointer<Int64>, _ n: Int, _ limit: Int64) -> Bool {
        var top: UInt64 = 0  // negative indices become huge as unsigned
        for j in 0..<n { top = Swift.max(top, UInt64(bitPattern: index[j])) }
        return top < UInt64(limit)
    }

    /// out[p] = src[p with coordinate `dim` replaced by index[p]]. Returns the first out-of-range index, if any.
    static func gather<T>(out: UnsafeMutablePointer<T>, outStrides: [Int],
                          src: UnsafePointer<T>, srcStrides: [Int], dim: Int, dimSize: Int,
                          index: UnsafePointer<Int64>, indexShape: [Int], indexStrides: [Int]) -> Int64? {
        var bad: Int64? = nil
        let sd = srcStrides.isEmpty ? 0 : srcStrides[dim]
        var srcZ = srcStrides
        if !srcZ.isEmpty { srcZ[dim] = 0 }
        let limit = Int64(dimSize)
        forEachRow(indexShape, [outStrides, indexStrides, srcZ], [0, 0, 0]) { o0, o1, o2, n, s0, s1, s2 in
            if bad != nil { return }
            if s0 == 1 && s1 == 1 && s2 == 0 && allInRange(index + o1, n, limit) {
                // Contiguous row along the gathered dim with valid indices: an unchecked loop.
                let po = out + o0, pi = index + o1, ps = src + o2
                for j in 0..<n { po[j] = ps[Int(pi[j]) &* sd] }
                return
            }
            var po = out + o0, pi = index + o1, ps = src + o2
            for _ in 0..<n {
                let i = pi.pointee
                if i < 0 || i >= limit { bad = i; return }
                po.pointee = ps[Int(i) &* sd]
                po += s0; pi += s1; ps += s2
            }
        }
        return bad
    }

    /// dst[p with coordinate `dim` replaced by index[p]] (op)= src[p] (or `value` when src is nil).
    /// Returns the first out-of-range index, if any (elements before it have been written, as in PyTorch).
    static func scatter<T: ScatterElement>(dst: UnsafeMutablePointer<T>, dstStrides: [Int], dim: Int, dimSize: Int,
                                           index: UnsafePointer<Int64>, indexShape: [Int], indexStrides: [Int],
                                           src: UnsafePointer<T>?, srcStrides: [Int], value: T,
                                           op: ScatterReduction) -> Int64? {
        var bad: Int64? = nil
        let dd = dstStrides.isEmpty ? 0 : dstStrides[dim]
        var dstZ = dstStrides
        if !dstZ.isEmpty { dstZ[dim] = 0 }
        let srcS = src == nil ? [Int](repeating: 0, count: indexShape.count) : srcStrides
        let limit = Int64(dimSize)
        // One row loop per reduction, so the combine is resolved outside the loop (`f` is inlined into each).
        @inline(__always)
        func rows(_ f: (T, T) -> T) {
            forEachRow(indexShape, [indexStrides, srcS, dstZ], [0, 0, 0]) { o0, o1, o2, n, s0, s1, s2 in
                if bad != nil { return }
                let pi = index + o0, pd = dst + o2
                if let src {
                    let ps = src + o1
                    if s0 == 1 && s1 == 1 && s2 == 0 && allInRange(pi, n, limit) {
                        // Contiguous row along the scattered dim with valid indices: an unchecked loop.
                        for j in 0..<n {
                            let p = pd + Int(pi[j]) &* dd
                            p.pointee = f(p.pointee, ps[j])
                        }
                    } else {
                        for j in 0..<n {
                            let i = pi[j &* s0]
                            if i < 0 || i >= limit { bad = i; return }
                            let p = pd + Int(i) &* dd + j &* s2
                            p.pointee = f(p.pointee, ps[j &* s1])
                        }
                    }
                } else {
                    for j in 0..<n {
                        let i = pi[j &* s0]
                        if i < 0 || i >= limit { bad = i; return }
                        let p = pd + Int(i) &* dd + j &* s2
                        p.pointee = f(p.pointee, value)
                    }
                }
            }
        }
        switch op {
        case .assign: rows { _, b in b }
        case .sum, .mean: rows { a, b in T.combine(a, b, .sum) }
        case .prod: rows { a, b in T.combine(a, b, .prod) }
        case .amax: rows { a, b in T.combine(a, b, .amax) }
        case .amin: rows { a, b in T.combine(a, b, .amin) }
        }
        return bad
    }

    /// counts[target] += 1 for every scattered element (contiguous `counts` laid out like dst's contiguous shape).
    static func scatterCount(counts: UnsafeMutablePointer<Int32>, countStrides: [Int], dim: Int,
                             index: UnsafePointer<Int64>, indexShape: [Int], indexStrides: [Int]) {
        let cd = countStrides.isEmpty ? 0 : countStrides[dim]
        var cz = countStrides
        if !cz.isEmpty { cz[dim] = 0 }
        forEachRow(indexShape, [indexStrides, cz], [0, 0]) { o0, o1, _, n, s0, s1, _ in
            var pi = index + o0, pc = counts + o1
            for _ in 0..<n {
                (pc + Int(pi.pointee) &* cd).pointee += 1
                pi += s0; pc += s1
            }
        }
    }

    /// index_select on a contiguous source viewed as [outer, dimSize, inner]: out[o, j, :] = src[o, index[j], :].
    static func indexSelect<T>(out: UnsafeMutablePointer<T>, src: UnsafePointer<T>, outer: Int, dimSize: Int, inner: Int,
                               index: UnsafePointer<Int64>, count: Int) {
        for o in 0..<outer {
            let s = src + o * dimSize * inner
            var d = out + o * count * inner
            for j in 0..<count {
                let row = s + Int(index[j]) * inner
                if inner == 1 { d.pointee = row.pointee } else { d.update(from: row, count: inner) }
                d += inner
            }
        }
    }

    /// index_add_: dst[o, index[j], :] += alpha * src[o, j, :] on contiguous buffers.
    static func indexAdd<T: ScatterElement>(dst: UnsafeMutablePointer<T>, src: UnsafePointer<T>, outer: Int, dimSize: Int,
                                            inner: Int, index: UnsafePointer<Int64>, count: Int, alpha: T, scale: Bool) {
        for o in 0..<outer {
            let d = dst + o * dimSize * inner
            let s = src + o * count * inner
            for j in 0..<count {
                let row = d + Int(index[j]) * inner
                let from = s + j * inner
                for k in 0..<inner {
                    let v = scale ? T.combine(from[k], alpha, .prod) : from[k]
                    row[k] = T.combine(row[k], v, .sum)
                }
            }
        }
    }
}

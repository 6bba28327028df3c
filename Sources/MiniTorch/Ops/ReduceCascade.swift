/// PyTorch's float summation order (aten/src/ATen/native/cpu/SumKernel.cpp, `cascade_sum`), reproduced so
/// sums of float32/float64 tensors round exactly as PyTorch's CPU kernel does (its AVX2 build: vectors of 8 floats /
/// 4 doubles, checked against torch 2.15 on this machine; full reductions above 32768 elements split over `Tensor.reductionThreads` like `two_pass_reduction`).

protocol CascadeAcc {
    static var czero: Self { get }
    static func + (a: Self, b: Self) -> Self
    static func += (a: inout Self, b: Self)
}
extension Float: CascadeAcc { static var czero: Float { 0 } }
extension Double: CascadeAcc { static var czero: Double { 0 } }
extension SIMD8: CascadeAcc where Scalar == Float { static var czero: SIMD8<Float> { SIMD8<Float>(repeating: 0) } }
extension SIMD4: CascadeAcc where Scalar == Double { static var czero: SIMD4<Double> { SIMD4<Double>(repeating: 0) } }

/// c10's CeilLog2.
@inline(__always) func ceilLog2(_ x: Int) -> Int {
    if x <= 2 { return 1 }
    return (Int.bitWidth - (x - 1).leadingZeroBitCount - 1) + 1
}

/// `multi_row_sum`: `nrows` interleaved cascaded sums; load(i, k) reads element i of row k.
@inline(__always)
func multiRowSum<A: CascadeAcc>(_ nrows: Int, _ size: Int, _ load: (Int, Int) -> A) -> [A] {
    let numLevels = 4
    let levelPower = Swift.max(4, ceilLog2(size) / numLevels)
    let levelStep = 1 << levelPower
    let levelMask = levelStep - 1
    var acc = [[A]](repeating: [A](repeating: .czero, count: nrows), count: numLevels)
    var i = 0
    while i + levelStep <= size {
        for _ in 0..<levelStep {
            for k in 0..<nrows { acc[0][k] += load(i, k) }
            i += 1
        }
        for j in 1..<numLevels {
            for k in 0..<nrows { acc[j][k] += acc[j - 1][k]; acc[j - 1][k] = .czero }
            let mask = levelMask << (j * levelPower)
            if (i & mask) != 0 { break }
        }
    }
    while i < size {
        for k in 0..<nrows { acc[0][k] += load(i, k) }
        i += 1
    }
    for j in 1..<numLevels { for k in 0..<nrows { acc[0][k] += acc[j][k] } }
    return acc[0]
}

/// `row_sum`: the row seen as (-1, 4) for four partial sums, then the tail, then the partials.
@inline(__always)
func rowSum<A: CascadeAcc>(_ size: Int, _ load: (Int) -> A) -> A {
    let ilp = 4
    let sizeIlp = size / ilp
    var partial = multiRowSum(ilp, sizeIlp) { i, k in load(i * ilp + k) }
    for i in (sizeIlp * ilp)..<Swift.max(size, sizeIlp * ilp) { partial[0] += load(i) }
    for k in 1..<ilp { partial[0] += partial[k] }
    return partial[0]
}

/// Scalar element type with its AVX512 vector.
protocol CascadeScalar: CascadeAcc, TensorElement {
    associatedtype Vec: CascadeAcc
    static var lanes: Int { get }
    static func loadVec(_ p: UnsafeMutablePointer<Self>) -> Vec
    static func lane(_ v: Vec, _ i: Int) -> Self
}
extension Float: CascadeScalar {
    static var lanes: Int { 8 }
    @inline(__always) static func loadVec(_ p: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) static func lane(_ v: SIMD8<Float>, _ i: Int) -> Float { v[i] }
}
extension Double: CascadeScalar {
    static var lanes: Int { 4 }
    @inline(__always) static func loadVec(_ p: UnsafeMutablePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
    }
    @inline(__always) static func lane(_ v: SIMD4<Double>, _ i: Int) -> Double { v[i] }
}

/// `vectorized_inner_sum` for one contiguous row (n >= lanes), or `row_sum` when shorter.
func cascadeInnerSum<T: CascadeScalar>(_ p: UnsafeMutablePointer<T>, _ n: Int, stride: Int = 1) -> T {
    let L = T.lanes
    if stride != 1 || n < L { return rowSum(n) { p[$0 * stride] } }
    let vecSize = n / L
    let vacc: T.Vec = rowSum(vecSize) { T.loadVec(p + $0 * L) }
    var final: T = T.czero
    for k in (vecSize * L)..<n { final += p[k] }
    for k in 0..<L { final += T.lane(vacc, k) }
    return final
}

/// Sums of `inner` columns over `r` rows (row stride `rowStride`, columns contiguous): `vectorized_outer_sum`
/// when there are at least `lanes` columns, else `scalar_outer_sum`.
func cascadeOuterSum<T: CascadeScalar>(_ p: UnsafeMutablePointer<T>, rows r: Int, cols: Int, rowStride: Int,
                                       into out: UnsafeMutablePointer<T>) {
    let L = T.lanes
    var j = 0
    if cols >= L {
        while j + 4 * L <= cols {
            let sums: [T.Vec] = multiRowSum(4, r) { i, k in T.loadVec(p + i * rowStride + j + k * L) }
            for k in 0..<4 { for l in 0..<L { out[j + k * L + l] = .czero + T.lane(sums[k], l) } }
            j += 4 * L
        }
        while j + L <= cols {
            let s: T.Vec = rowSum(r) { i in T.loadVec(p + i * rowStride + j) }
            for l in 0..<L { out[j + l] = .czero + T.lane(s, l) }
            j += L
        }
        while j < cols {
            out[j] = .czero + rowSum(r) { i in p[i * rowStride + j] }
            j += 1
        }
        return
    }
    while j + 3 < cols {
        let sums: [T] = multiRowSum(4, r) { i, k in p[i * rowStride + j + k] }
        for k in 0..<4 { out[j + k] = .czero + sums[k] }
        j += 4
    }
    while j < cols {
        out[j] = .czero + rowSum(r) { i in p[i * rowStride + j] }
        j += 1
    }
}

extension Tensor {
    /// Threads PyTorch would use for a full reduction (the recording machine's `torch.get_num_threads()`).
    nonisolated(unsafe) public static var reductionThreads = 2

    /// PyTorch-ordered float sum of a contiguous tensor over consecutive dims, or nil when another path applies.
    func cascadeSum(_ rdims: [Int], keepdim: Bool) -> Tensor? {
        guard dtype.isFloatingPoint, isContiguous, numel > 0 else { return nil }
        if rdims.isEmpty || dim == 0 { return nil }
        guard let first = rdims.first, let last = rdims.last, last - first + 1 == rdims.count else { return nil }
        let outer = shape[..<first].reduce(1, *), r = shape[first...last].reduce(1, *), inner = shape[(last + 1)...].reduce(1, *)
        var outShape: [Int] = []
        for d in 0..<dim { if rdims.contains(d) { if keepdim { outShape.append(1) } } else { outShape.append(shape[d]) } }
        let out = Tensor(zeros: outShape, dtype: dtype, device: device)
        func run<T: CascadeScalar>(_: T.Type) {
            let p = dataPointer(T.self), o = out.storage.pointer(T.self)
            if inner == 1 {
                if outer == 1 && r > 32768 && Tensor.reductionThreads > 1 {
                    // two_pass_reduction: per-thread chunks, then the buffer summed in order.
                    let nt = Swift.min(Tensor.reductionThreads, (r + 32767) / 32768)
                    let chunk = (r + nt - 1) / nt
                    var total: T = T.czero
                    var b = 0
                    while b < r {
                        total += .czero + cascadeInnerSum(p + b, Swift.min(chunk, r - b))
                        b += chunk
                    }
                    o[0] = .czero + total
                    return
                }
                for k in 0..<outer { o[k] = .czero + cascadeInnerSum(p + k * r, r) }
            } else {
                for k in 0..<outer {
                    cascadeOuterSum(p + k * r * inner, rows: r, cols: inner, rowStride: inner, into: o + k * inner)
                }
            }
        }
        if dtype == .float32 { run(Float.self) } else { run(Double.self) }
        return out
    }
}

import CKernels
import Foundation

/// Element types the blocked GEMM handles: each supplies its register-tile micro-kernel.
public protocol GemmScalar: BinaryFloatingPoint {
    static var gemmMR: Int { get }
    static var gemmNR: Int { get }
    static func gemmTile(_ kc: Int, _ ap: UnsafePointer<Self>, _ bp: UnsafePointer<Self>,
                         _ c: UnsafeMutablePointer<Self>, _ ldc: Int, rows: Int, cols: Int, accumulate: Bool)
}

extension Float: GemmScalar {
    public static var gemmMR: Int { CMicroKernel.isa != CK_ISA_NONE ? CMicroKernel.mrFloat : MicroKernel.mrFloat }
    public static var gemmNR: Int { CMicroKernel.isa != CK_ISA_NONE ? CMicroKernel.nrFloat : MicroKernel.nrFloat }
    @inline(__always)
    public static func gemmTile(_ kc: Int, _ ap: UnsafePointer<Float>, _ bp: UnsafePointer<Float>,
                                _ c: UnsafeMutablePointer<Float>, _ ldc: Int, rows: Int, cols: Int, accumulate: Bool) {
        if CMicroKernel.isa != CK_ISA_NONE {
            ck_sgemm_tile(CMicroKernel.isa, kc, ap, bp, c, ldc, rows, cols, accumulate ? 1 : 0)
        } else if KernelChoice.fused {
            MicroKernel.tileFused(kc, ap, bp, c, ldc, rows: rows, cols: cols, accumulate: accumulate)
        } else {
            MicroKernel.tileSplit(kc, ap, bp, c, ldc, rows: rows, cols: cols, accumulate: accumulate)
        }
    }
}

extension Double: GemmScalar {
    public static var gemmMR: Int { CMicroKernel.isa != CK_ISA_NONE ? CMicroKernel.mrDouble : MicroKernel.mrDouble }
    public static var gemmNR: Int { CMicroKernel.isa != CK_ISA_NONE ? CMicroKernel.nrDouble : MicroKernel.nrDouble }
    @inline(__always)
    public static func gemmTile(_ kc: Int, _ ap: UnsafePointer<Double>, _ bp: UnsafePointer<Double>,
                                _ c: UnsafeMutablePointer<Double>, _ ldc: Int, rows: Int, cols: Int, accumulate: Bool) {
        if CMicroKernel.isa != CK_ISA_NONE {
            ck_dgemm_tile(CMicroKernel.isa, kc, ap, bp, c, ldc, rows, cols, accumulate ? 1 : 0)
        } else if KernelChoice.fused {
            MicroKernel.tileFused(kc, ap, bp, c, ldc, rows: rows, cols: cols, accumulate: accumulate)
        } else {
            MicroKernel.tileSplit(kc, ap, bp, c, ldc, rows: rows, cols: cols, accumulate: accumulate)
        }
    }
}

/// The C micro-kernels (Sources/CKernels): AVX-512 or AVX2 + FMA intrinsics, picked once from what the CPU
/// supports (`TENSORPREP_GEMM_ISA=none|avx2|avx512` caps the choice). `CK_ISA_NONE` (other architectures, older
/// x86) means the Swift micro-kernels of LinalgMicroKernels.swift are used instead.
enum CMicroKernel {
    static let isa: Int32 = ck_gemm_isa()
    static let mrFloat = Int(ck_sgemm_mr(isa)), nrFloat = Int(ck_sgemm_nr(isa))
    static let mrDouble = Int(ck_dgemm_mr(isa)), nrDouble = Int(ck_dgemm_nr(isa))
    static var name: String { isa == CK_ISA_AVX512 ? "avx512" : isa == CK_ISA_AVX2 ? "avx2" : "swift" }
}

/// Whether the fused multiply-add micro-kernels are used. Fused is one instruction when the build targets a CPU
/// with FMA (e.g. `-target-cpu haswell`) but a library call per lane on baseline x86-64, where multiply-then-add
/// is many times faster; the answer depends on build flags Swift code cannot see, so it is measured once.
enum KernelChoice {
    static let fused: Bool = {
        let kc = 128
        let a = [Float](repeating: 1.0001, count: MicroKernel.mrFloat * kc)
        let b = [Float](repeating: 0.9999, count: MicroKernel.nrFloat * kc)
        var c = [Float](repeating: 0, count: MicroKernel.mrFloat * MicroKernel.nrFloat)
        func best(_ fused: Bool) -> UInt64 {
            var t = UInt64.max
            a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { cp in
                for _ in 0..<5 {
                    let s = DispatchTime.now().uptimeNanoseconds
                    for _ in 0..<8 {
                        if fused {
                            MicroKernel.tileFused(kc, ap.baseAddress!, bp.baseAddress!, cp.baseAddress!, MicroKernel.nrFloat,
                                                  rows: MicroKernel.mrFloat, cols: MicroKernel.nrFloat, accumulate: true)
                        } else {
                            MicroKernel.tileSplit(kc, ap.baseAddress!, bp.baseAddress!, cp.baseAddress!, MicroKernel.nrFloat,
                                                  rows: MicroKernel.mrFloat, cols: MicroKernel.nrFloat, accumulate: true)
                        }
                    }
                    t = min(t, DispatchTime.now().uptimeNanoseconds - s)
                }
            } } }
            return t
        }
        let f = best(true), s = best(false)
        // Prefer fused (better rounding) unless it is clearly slower.
        return f <= s + s / 4
    }()
}

/// A strided read-only matrix view: element (i, j) is `base[i * rowStride + j * colStride]`.
/// Transposed and sliced operands are expressed by strides, so GEMM never needs a contiguous copy.
public struct MatrixRef<T> {
    public var base: UnsafePointer<T>
    public var rowStride: Int
    public var colStride: Int
    public init(_ base: UnsafePointer<T>, rowStride: Int, colStride: Int) {
        self.base = base; self.rowStride = rowStride; self.colStride = colStride
    }
    /// The transpose, as a view.
    public var t: MatrixRef<T> { MatrixRef(base, rowStride: colStride, colStride: rowStride) }
}

/// Cache-blocked, register-tiled GEMM in the BLIS style: B is packed into KC×NC panels of NR-wide slivers,
/// A into MC×KC blocks of MR-tall slivers, and a SIMD micro-kernel (LinalgMicroKernels.swift) computes each
/// MR×NR tile of C with its accumulators in registers. Row blocks run on all cores above a size threshold.
public enum GEMM {
    static let kc = 256
    static let mcBlocks = 16        // MC = 16 * MR
    static let nc = 4096
    /// Below this many multiply-adds the work is not split across cores.
    public static var parallelThreshold = 48 * 48 * 48
    /// Number of workers for large products (the machine's active cores).
    public static var threads = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Which micro-kernel family runs float32/float64 products: "avx512", "avx2" (C intrinsics) or "swift".
    public static var microKernel: String { CMicroKernel.name }

    /// C (m×n, row stride `ldc`) = A (m×k) · B (k×n), or C += A·B when `accumulate`. float32.
    public static func gemm(m: Int, n: Int, k: Int, a: MatrixRef<Float>, b: MatrixRef<Float>,
                            c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool = false) {
        blocked(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    }

    /// The same for float64.
    public static func gemm(m: Int, n: Int, k: Int, a: MatrixRef<Double>, b: MatrixRef<Double>,
                            c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool = false) {
        blocked(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    }

    /// Elements of a `workspace` for `blocked` (its packed B panel) that serves every product with at most `n`
    /// columns and depth `k`, so callers running many products reuse one buffer instead of allocating per call.
    static func workspaceCount<T: GemmScalar>(_: T.Type, n: Int, k: Int) -> Int {
        let nr = T.gemmNR
        // Depth blocks never exceed min(k, kc), whatever k' ≤ k the calls use.
        return ((Swift.min(nc, n) + nr - 1) / nr) * nr * Swift.min(k, kc)
    }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    static func blocked<T: GemmScalar>(m: Int, n: Int, k: Int, a: MatrixRef<T>, b: MatrixRef<T>,
                                       c: UnsafeMutablePointer<T>, ldc: Int, accumulate: Bool = false,
                                       parallel allowParallel: Bool = true,
                                       workspace: UnsafeMutablePointer<T>? = nil) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
            return
        }
        if m * n * k <= 8 * 8 * 8 {
            naive(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
            return
        }
        let mr = T.gemmMR, nr = T.gemmNR
        let mc = mcBlocks * mr
        let parallel = allowParallel && threads > 1 && m * n * k >= parallelThreshold
        // Equal depth blocks of at most `kc` (k = 288 runs as 2 × 144, not 256 + a thin 32).
        let kBlock = (k + (k + kc - 1) / kc - 1) / ((k + kc - 1) / kc)
        var jc = 0
        while jc < n {
            let ncur = Swift.min(nc, n - jc)
            let nSlivers = (ncur + nr - 1) / nr
            var pc = 0
            while pc < k {
                let kcur = Swift.min(kBlock, k - pc)
                let acc = accumulate || pc > 0
                let bPacked = workspace ?? UnsafeMutablePointer<T>.allocate(capacity: nSlivers * nr * kcur)
                defer { if workspace == nil { bPacked.deallocate() } }
                // Tasks: row blocks of A, each possibly split in column halves so both cores stay busy.
                let mBlocks = (m + mc - 1) / mc
                let colSplit = parallel && mBlocks < 2 * threads && nSlivers >= 2 * threads ? threads : 1
                let slPerSplit = (nSlivers + colSplit - 1) / colSplit
                let tasks = mBlocks * colSplit
                // B is packed by all workers, each a share of the slivers.
                let packParts = parallel ? Swift.min(threads, nSlivers) : 1
                let packB: (Int) -> Void = { part in
                    let s0 = nSlivers * part / packParts, s1 = nSlivers * (part + 1) / packParts
                    if s0 < s1 { packBPanel(b, p0: pc, kc: kcur, j0: jc, ncur: ncur, nr: nr, s0: s0, s1: s1, into: bPacked) }
                }
                let work: (Int) -> Void = { task in
                    let ib = task / colSplit, part = task % colSplit
                    let i0 = ib * mc
                    let mcur = Swift.min(mc, m - i0)
                    let mSlivers = (mcur + mr - 1) / mr
                    let aPacked = UnsafeMutablePointer<T>.allocate(capacity: mSlivers * mr * kcur)
                    defer { aPacked.deallocate() }
                    packABlock(a, i0: i0, mcur: mcur, p0: pc, kc: kcur, mr: mr, into: aPacked)
                    let s0 = part * slPerSplit, s1 = Swift.min(nSlivers, s0 + slPerSplit)
                    guard s0 < s1 else { return }
                    for s in s0..<s1 {
                        let j = s * nr
                        let cols = Swift.min(nr, ncur - j)
                        let bp = UnsafePointer(bPacked + s * nr * kcur)
                        for t in 0..<mSlivers {
                            let i = t * mr
                            T.gemmTile(kcur, UnsafePointer(aPacked + t * mr * kcur), bp,
                                       c + (i0 + i) * ldc + jc + j, ldc,
                                       rows: Swift.min(mr, mcur - i), cols: cols, accumulate: acc)
                        }
                    }
                }
                if parallel {
                    if packParts > 1 { DispatchQueue.concurrentPerform(iterations: packParts, execute: packB) } else { packB(0) }
                    DispatchQueue.concurrentPerform(iterations: tasks, execute: work)
                } else {
                    packB(0)
                    for t in 0..<tasks { work(t) }
                }
                pc += kcur
            }
            jc += ncur
        }
    }

    @inline(__always)
    static func packBPanel<T: GemmScalar>(_ b: MatrixRef<T>, p0: Int, kc: Int, j0: Int, ncur: Int, nr: Int,
                                          s0: Int, s1: Int, into dst: UnsafeMutablePointer<T>) {
        for s in s0..<s1 {
            let jBase = j0 + s * nr
            let cols = Swift.min(nr, j0 + ncur - jBase)
            var d = dst + s * nr * kc
            if b.colStride == 1 && cols == nr {
                for p in 0..<kc {
                    // An element loop the compiler vectorises: a library memmove per 64–128 bytes costs more.
                    let src = b.base + (p0 + p) * b.rowStride + jBase
                    for j in 0..<nr { d[j] = src[j] }
                    d += nr
                }
            } else {
                for p in 0..<kc {
                    let src = b.base + (p0 + p) * b.rowStride + jBase * b.colStride
                    for j in 0..<cols { d[j] = src[j * b.colStride] }
                    for j in cols..<nr { d[j] = 0 }
                    d += nr
                }
            }
        }
    }

    @inline(__always)
    static func packABlock<T: GemmScalar>(_ a: MatrixRef<T>, i0: Int, mcur: Int, p0: Int, kc: Int, mr: Int,
                                          into dst: UnsafeMutablePointer<T>) {
        let slivers = (mcur + mr - 1) / mr
        for t in 0..<slivers {
            let d = dst + t * mr * kc
            let rows = Swift.min(mr, mcur - t * mr)
            for i in 0..<rows {
                let src = a.base + (i0 + t * mr + i) * a.rowStride + p0 * a.colStride
                if a.colStride == 1 {
                    for p in 0..<kc { d[p * mr + i] = src[p] }
                } else {
                    for p in 0..<kc { d[p * mr + i] = src[p * a.colStride] }
                }
            }
            if rows < mr {
                for i in rows..<mr { for p in 0..<kc { d[p * mr + i] = 0 } }
            }
        }
    }

    /// Reference triple loop (also used for tiny products): C (+)= A·B, summing k in order.
    public static func naive<T: BinaryFloatingPoint>(m: Int, n: Int, k: Int, a: MatrixRef<T>, b: MatrixRef<T>,
                                                     c: UnsafeMutablePointer<T>, ldc: Int, accumulate: Bool = false) {
        for i in 0..<m {
            for j in 0..<n {
                var s: T = 0
                for p in 0..<k { s += a.base[i * a.rowStride + p * a.colStride] * b.base[p * b.rowStride + j * b.colStride] }
                c[i * ldc + j] = accumulate ? c[i * ldc + j] + s : s
            }
        }
    }

    /// Integer matrix product by a plain loop (wrapping arithmetic, as PyTorch's int64 matmul).
    public static func gemmInt<T: FixedWidthInteger>(m: Int, n: Int, k: Int, a: MatrixRef<T>, b: MatrixRef<T>,
                                                     c: UnsafeMutablePointer<T>, ldc: Int, accumulate: Bool = false) {
        for i in 0..<m {
            let row = c + i * ldc
            if !accumulate { row.update(repeating: 0, count: n) }
            for p in 0..<k {
                let av = a.base[i * a.rowStride + p * a.colStride]
                if av == 0 { continue }
                let brow = b.base + p * b.rowStride
                for j in 0..<n { row[j] = row[j] &+ av &* brow[j * b.colStride] }
            }
        }
    }
}

import Testing
@testable import MiniTorch

/// The blocked SIMD GEMM against the reference triple loop (expected values: `GEMM.naive`, summing k in order).
@Suite struct LinalgGEMMTests {
    struct LCG {
        var s: UInt64
        mutating func next() -> Double {
            s = s &* 6364136223846793005 &+ 1442695040888963407
            return Double(s >> 11) / Double(1 << 53) * 2 - 1
        }
    }

    func check<T: GemmScalar>(_ type: T.Type, m: Int, n: Int, k: Int, transA: Bool, transB: Bool, padding: Int,
                              accumulate: Bool, tol: T) -> Bool {
        var rng = LCG(s: UInt64(m * 1000 + n * 10 + k))
        // A stored with an extra `padding` columns (a strided view), optionally transposed.
        let aRows = transA ? k : m, aCols = transA ? m : k
        let lda = aCols + padding
        let a = (0..<(aRows * lda)).map { _ in T(rng.next()) }
        let bRows = transB ? n : k, bCols = transB ? k : n
        let ldb = bCols + padding
        let b = (0..<(bRows * ldb)).map { _ in T(rng.next()) }
        let ldc = n + 3
        let c0 = (0..<(m * ldc)).map { _ in T(rng.next()) }
        var fast = c0, slow = c0
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                var av = MatrixRef(ap.baseAddress!, rowStride: lda, colStride: 1)
                if transA { av = av.t }
                var bv = MatrixRef(bp.baseAddress!, rowStride: ldb, colStride: 1)
                if transB { bv = bv.t }
                fast.withUnsafeMutableBufferPointer { cp in
                    GEMM.blocked(m: m, n: n, k: k, a: av, b: bv, c: cp.baseAddress!, ldc: ldc, accumulate: accumulate)
                }
                slow.withUnsafeMutableBufferPointer { cp in
                    GEMM.naive(m: m, n: n, k: k, a: av, b: bv, c: cp.baseAddress!, ldc: ldc, accumulate: accumulate)
                }
            }
        }
        for i in 0..<m {
            for j in 0..<ldc {
                let f = fast[i * ldc + j], s = slow[i * ldc + j]
                if j >= n { if f != c0[i * ldc + j] { return false } ; continue } // padding untouched
                if abs(f - s) > tol * T(max(1, k)).squareRoot() { return false }
            }
        }
        return true
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 7), (9, 33, 17), (17, 31, 65), (64, 64, 64), (70, 47, 300), (130, 97, 257), (5, 200, 3)])
    func floatMatchesNaive(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            #expect(check(Float.self, m: m, n: n, k: k, transA: ta, transB: tb, padding: 2, accumulate: false, tol: 1e-5))
        }
        #expect(check(Float.self, m: m, n: n, k: k, transA: false, transB: false, padding: 0, accumulate: true, tol: 1e-5))
    }

    @Test(arguments: [(1, 1, 1), (7, 9, 5), (33, 17, 300), (129, 70, 64)])
    func doubleMatchesNaive(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        for (ta, tb) in [(false, false), (true, true)] {
            #expect(check(Double.self, m: m, n: n, k: k, transA: ta, transB: tb, padding: 1, accumulate: false, tol: 1e-12))
        }
        #expect(check(Double.self, m: m, n: n, k: k, transA: false, transB: true, padding: 0, accumulate: true, tol: 1e-12))
    }

    @Test func parallelPathMatchesSerial() {
        let saved = (GEMM.threads, GEMM.parallelThreshold)
        defer { GEMM.threads = saved.0; GEMM.parallelThreshold = saved.1 }
        GEMM.threads = 2; GEMM.parallelThreshold = 1
        #expect(check(Float.self, m: 200, n: 300, k: 70, transA: false, transB: true, padding: 0, accumulate: false, tol: 1e-5))
        #expect(check(Float.self, m: 20, n: 300, k: 70, transA: false, transB: false, padding: 0, accumulate: false, tol: 1e-5))
    }

    @Test func emptyInnerDimensionZeroesOutput() {
        var c: [Float] = [5, 5, 5, 5]
        let a: [Float] = [], b: [Float] = []
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { cp in
            GEMM.gemm(m: 2, n: 2, k: 0, a: MatrixRef(ap.baseAddress ?? UnsafePointer(bitPattern: 8)!, rowStride: 0, colStride: 1),
                      b: MatrixRef(bp.baseAddress ?? UnsafePointer(bitPattern: 8)!, rowStride: 2, colStride: 1), c: cp.baseAddress!, ldc: 2)
        } } }
        #expect(c == [0, 0, 0, 0])
    }

    // torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[5, 6], [7, 8]])  ->  tensor([[19, 22], [43, 50]])
    @Test func integerProduct() {
        let a: [Int64] = [1, 2, 3, 4], b: [Int64] = [5, 6, 7, 8]
        var c = [Int64](repeating: 0, count: 4)
        a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in c.withUnsafeMutableBufferPointer { cp in
            GEMM.gemmInt(m: 2, n: 2, k: 2, a: MatrixRef(ap.baseAddress!, rowStride: 2, colStride: 1),
                         b: MatrixRef(bp.baseAddress!, rowStride: 2, colStride: 1), c: cp.baseAddress!, ldc: 2)
        } } }
        #expect(c == [19, 22, 43, 50])
    }
}

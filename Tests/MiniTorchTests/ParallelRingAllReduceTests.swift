import Testing
@testable import MiniTorch

/// Ring all-reduce: expected sums are the plain element-wise sums of the inputs; the byte count is the
/// textbook 2·(N−1)·(numel/N)·itemsize per device (even split).
struct ParallelRingAllReduceTests {
    @Test("every device ends with the sum; each sends 2(N-1)/N of the tensor", arguments: [1, 2, 3, 4, 5, 8])
    func sums(n: Int) throws {
        let numel = 8 * 5
        let inputs = (0..<n).map { r in
            Tensor((0..<numel).map { Float($0 * (r + 1)) }, shape: [8, 5], device: .cuda(r))
        }
        let res = try RingAllReduce.run(inputs)
        let want = (0..<numel).map { Double($0 * n * (n + 1) / 2) }
        for (r, o) in res.outputs.enumerated() {
            #expect(o.toDoubleArray() == want)
            #expect(o.device == .cuda(r) && o.dtype == .float32 && o.shape == [8, 5])
        }
        #expect(res.steps.count == 2 * (n - 1))
        if numel % n == 0 {
            #expect(res.bytesSent.allSatisfy { $0 == 2 * (n - 1) * (numel / n) * 4 })
        }
    }
}

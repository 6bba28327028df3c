import Testing
@testable import MiniTorch

/// sort / argsort / topk: which of several equal values comes first follows PyTorch's CPU kernels (libstdc++'s
/// std::sort / nth_element / partial_sort). Expected indices recorded from PyTorch 2.15 (CPU) with the
/// Python lines in the comments.
@Suite struct SortTests {
    // x = torch.tensor([3,1,2,1,3,1,0,2,2] + [1]*30 + [2])
    let ties: Tensor = Tensor([3, 1, 2, 1, 3, 1, 0, 2, 2] + [Int64](repeating: 1, count: 30) + [2], shape: [40])

    @Test func unstableSortTieOrder() throws {
        // x.sort().indices.tolist()
        #expect(try ties.sort().indices.toInt64Array() == [6, 30, 21, 22, 23, 24, 25, 26, 27, 28, 29, 1, 31, 32, 33, 34, 35, 36, 37, 38, 19, 3, 5, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 8, 7, 2, 39, 4, 0])
        // x.sort(descending=True).indices.tolist()
        #expect(try ties.sort(descending: true).indices.toInt64Array() == [4, 0, 39, 2, 7, 8, 23, 20, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 13, 1, 3, 5, 9, 10, 11, 12, 22, 14, 15, 16, 17, 18, 19, 21, 6])
        // x.sort(stable=True).indices.tolist()
        #expect(try ties.argsort(stable: true).toInt64Array() == [6, 1, 3, 5] + (9...38).map { Int64($0) } + [2, 7, 8, 39, 0, 4])
    }

    @Test func topkAndNaN() throws {
        // y = torch.tensor([1., 3, 3, 2, 5, 5, float('nan'), 0])
        let y = Tensor([1, 3, 3, 2, 5, 5, Float.nan, 0], shape: [8])
        #expect(try y.topk(3).indices.toInt64Array() == [6, 4, 5])                      // y.topk(3)
        #expect(try y.topk(3, largest: false).indices.toInt64Array() == [7, 0, 3])      // y.topk(3, largest=False)
        #expect(try y.sort(descending: true).indices.toInt64Array() == [6, 4, 5, 1, 2, 3, 0, 7])
        // z = torch.arange(200.) % 7: k * 64 <= n takes std::partial_sort
        let z = Tensor((0..<200).map { Float($0 % 7) }, shape: [200])
        #expect(try z.topk(3).indices.toInt64Array() == [20, 13, 6])
        #expect(try z.topk(2, largest: false).indices.toInt64Array() == [7, 0])
    }

    @Test func errorsAndGradient() throws {
        // torch.topk(torch.zeros(2), 3)
        #expect(throws: TensorError.runtime("selected index k out of range")) { try Tensor(zeros: [2], dtype: .float32).topk(3) }
        // x = torch.tensor([3., 1, 2], requires_grad=True); v, i = x.sort(); (v * torch.tensor([1., 2, 3])).sum().backward()
        let x = Tensor([3, 1, 2] as [Float], shape: [3])
        try x.setRequiresGrad(true)
        let v = try x.sort().values
        #expect(v.gradFn?.name == "SortBackward0")
        try v.mul(Tensor([1, 2, 3] as [Float], shape: [3])).sum().backward()
        #expect(x.grad?.toDoubleArray() == [3, 1, 2])
    }
}

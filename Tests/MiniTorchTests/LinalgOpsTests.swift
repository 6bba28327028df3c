import Testing
@testable import MiniTorch

/// mm / bmm / mv / dot / matmul / outer / addmm. Expected shapes, node names and messages: PyTorch 2.15
/// (snippets in comments, run with /work/venv/bin/python); values: hand-computed or the naive loop.
@Suite struct LinalgOpsTests {
    func ones(_ s: Int...) -> Tensor { Tensor([Float](repeating: 1, count: s.reduce(1, *)), shape: s) }
    func seq(_ s: Int...) -> Tensor { Tensor((0..<s.reduce(1, *)).map { Float($0) }, shape: s) }
    func grad(_ t: Tensor) throws -> Tensor { try t.setRequiresGrad(true); return t }
    func rt(_ m: String) -> TensorError { .runtime(m) }

    // torch.tensor([[1, 2], [3, 4]]) @ torch.tensor([[5, 6], [7, 8]]) -> tensor([[19, 22], [43, 50]])
    @Test func integerAndFloatProducts() throws {
        let a = Tensor([Int64(1), 2, 3, 4], shape: [2, 2]), b = Tensor([Int64(5), 6, 7, 8], shape: [2, 2])
        let c = try a.matmul(b)
        #expect(c.dtype == .int64 && c.toInt64Array() == [19, 22, 43, 50])
        // seq(2,3) @ seq(3,2): [[10, 13], [28, 40]]
        #expect(try seq(2, 3).matmul(seq(3, 2)).toDoubleArray() == [10, 13, 28, 40])
        // transposed operand (strided view)
        #expect(try seq(3, 2).t().matmul(seq(3, 2)).toDoubleArray() == [20, 26, 26, 35])
        // torch.matmul(torch.ones(2, 0), torch.ones(0, 3)) -> zeros(2, 3)
        #expect(try ones(2, 0).matmul(ones(0, 3)).toDoubleArray() == [0, 0, 0, 0, 0, 0])
    }

    // shapes and grad_fn names of torch.matmul's cases (p4 probe)
    @Test func matmulShapesAndNodes() throws {
        func check(_ a: [Int], _ b: [Int], _ shape: [Int], _ node: String) throws {
            let x = try grad(Tensor([Float](repeating: 1, count: a.reduce(1, *)), shape: a))
            let y = try grad(Tensor([Float](repeating: 1, count: b.reduce(1, *)), shape: b))
            let r = try x.matmul(y)
            #expect(r.shape == shape)
            #expect(r.gradFn?.name == node)
            #expect(r.toDoubleArray().allSatisfy { $0 == Double(a.last!) })
        }
        try check([3], [3], [], "DotBackward0")
        try check([2, 3], [3], [2], "MvBackward0")
        try check([2, 3], [3, 2], [2, 2], "MmBackward0")
        try check([4, 2, 3], [3, 5], [4, 2, 5], "UnsafeViewBackward0")
        try check([4, 2, 3], [4, 3, 5], [4, 2, 5], "UnsafeViewBackward0")
        try check([2, 1, 2, 3], [4, 3, 5], [2, 4, 2, 5], "UnsafeViewBackward0")
        try check([4, 2, 3], [3], [4, 2], "UnsafeViewBackward0")
        try check([3], [4, 3, 5], [4, 5], "UnsafeViewBackward0")
        try check([2, 3], [4, 3, 5], [4, 2, 5], "UnsafeViewBackward0")
        #expect(try grad(ones(4, 2, 3)).bmm(ones(4, 3, 5)).gradFn?.name == "BmmBackward0")
        #expect(try Tensor.addmm(grad(ones(2)), ones(3, 4), ones(4, 2)).gradFn?.name == "AddmmBackward0")
        #expect(try Tensor.addmm(ones(2), ones(3, 4), ones(4, 2)).toDoubleArray() == [5, 5, 5, 5, 5, 5])
        #expect(try seq(3).outer(seq(2)).toDoubleArray() == [0, 0, 0, 1, 0, 2])
    }

    @Test func batchedMatchesPerBatchMm() throws {
        let a = seq(3, 2, 4), b = seq(3, 4, 5)
        let r = try a.matmul(b).toDoubleArray()
        for i in 0..<3 {
            let ai = try a.select(0, i), bi = try b.select(0, i)
            #expect(Array(r[(i * 10)..<(i * 10 + 10)]) == (try ai.mm(bi).toDoubleArray()))
        }
    }

    @Test func errors() {
        #expect(throws: rt("mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")) { try ones(2, 3).matmul(ones(2, 3)) }
        #expect(throws: rt("mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)")) { try ones(2, 3).mm(ones(2, 3)) }
        #expect(throws: rt("both arguments to matmul need to be at least 1D, but they are 0D and 1D")) { try Tensor([Float(1)], shape: []).matmul(ones(3)) }
        #expect(throws: rt("both arguments to matmul need to be at least 1D, but they are 1D and 0D")) { try ones(3).matmul(Tensor([Float(1)], shape: [])) }
        #expect(throws: rt("inconsistent tensor size, expected tensor [3] and src [2] to have the same number of elements, but got 3 and 2 elements respectively")) { try ones(3).matmul(ones(2)) }
        #expect(throws: rt("1D tensors expected, but got 2D and 1D tensors")) { try ones(3, 1).dot(ones(3)) }
        #expect(throws: rt("dot : expected both vectors to have same dtype, but found Float and Double")) { try ones(3).dot(Tensor([Double](repeating: 1, count: 3))) }
        #expect(throws: rt("size mismatch, got input (2), mat (2x3), vec (2)")) { try ones(2, 3).matmul(ones(2)) }
        #expect(throws: rt("mm: mat1 and mat2 shapes cannot be multiplied (1x2 and 3x2)")) { try ones(2).matmul(ones(3, 2)) }
        #expect(throws: rt("mm: mat1 and mat2 shapes cannot be multiplied (8x3 and 4x5)")) { try ones(4, 2, 3).matmul(ones(4, 5)) }
        #expect(throws: rt("The size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 0")) { try ones(2, 2, 3).matmul(ones(4, 3, 5)) }
        #expect(throws: rt("Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [4, 2].")) { try ones(4, 2, 3).matmul(ones(4, 2, 5)) }
        #expect(throws: rt("size mismatch, got input (20), mat (20x3), vec (2)")) { try ones(2).matmul(ones(4, 3, 5)) }
        #expect(throws: rt("Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [3, 3].")) { try ones(4, 2, 3).bmm(ones(3, 3, 5)) }
        #expect(throws: rt("batch1 must be a 3D tensor")) { try ones(2, 3).bmm(ones(4, 3, 5)) }
        #expect(throws: rt("batch2 must be a 3D tensor")) { try ones(4, 2, 3).bmm(ones(3, 5)) }
        #expect(throws: rt("mm: self must be a matrix, got 1-D tensor")) { try ones(3).mm(ones(3, 5)) }
        #expect(throws: rt("mm: mat2 must be a matrix, got 1-D tensor")) { try ones(2, 3).mm(ones(3)) }
        #expect(throws: rt("expected m1 and m2 to have the same dtype, but got: float != double")) { try ones(2, 3).matmul(Tensor([Double](repeating: 1, count: 6), shape: [3, 2])) }
        #expect(throws: rt("expected m1 and m2 to have the same dtype, but got: long int != float")) { try Tensor([Int64](repeating: 1, count: 6), shape: [2, 3]).matmul(ones(3, 2)) }
        #expect(throws: TensorError.notImplemented("\"addmm_impl_cpu_\" not implemented for 'Bool'")) { try Tensor([Bool](repeating: true, count: 6), shape: [2, 3]).matmul(Tensor([Bool](repeating: true, count: 6), shape: [3, 2])) }
        #expect(throws: rt("outer: Expected 1-D argument self, but got 2-D")) { try ones(3, 1).outer(ones(2)) }
        #expect(throws: rt("vector + matrix @ vector expected, got 1, 2, 2")) { try ones(2, 3).mv(ones(3, 1)) }
    }
}

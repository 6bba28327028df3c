import Testing
@testable import MiniTorch

/// Expected values: /work/shared/conformance/torch.jsonl topic index, and /tmp/errs*.py runs of PyTorch 2.15.0
/// (snippets quoted above each check).
@Suite struct IndexingTests {
    // index/01
    @Test func basicRead() throws {
        let x = try Tensor.arange(.double(12)).reshape([3, 4])
        #expect(P(try x.index([.int(1)])) == "tensor([4., 5., 6., 7.])")
        #expect(P(try x.index([.slice(nil, nil, nil), .int(1)])) == "tensor([1., 5., 9.])")
        #expect(P(try x.index([.int(0), .slice(nil, nil, 2)])) == "tensor([0., 2.])")
        #expect(P(try x.index([.int(-1), .slice(-2, nil, nil)])) == "tensor([10., 11.])")
        #expect(P(try x.index([.slice(1, nil, nil), .slice(1, 3, nil)])) == "tensor([[ 5.,  6.],\n        [ 9., 10.]])")
        #expect(try x.index([.none]).shape == [1, 3, 4])
        #expect(try x.index([.slice(nil, nil, nil), .none]).shape == [3, 1, 4])
    }
    // index/02
    @Test func write() throws {
        let x = try Tensor.arange(.int(6)).reshape([2, 3])
        try x.indexPut([.int(0)], .int(9))
        #expect(P(x) == "tensor([[9, 9, 9],\n        [3, 4, 5]])")
        try x.indexPut([.slice(nil, nil, nil), .int(1)], .int(0))
        #expect(P(x) == "tensor([[9, 0, 9],\n        [3, 0, 5]])")
        try x.indexPut([.tensor(x.gt(.int(4)))], .int(-1))
        #expect(P(x) == "tensor([[-1,  0, -1],\n        [ 3,  0, -1]])")
    }
    // index/03
    @Test func advancedRead() throws {
        let x = try Tensor.arange(.int(12)).reshape([3, 4])
        #expect(P(try x.index([.tensor(x.remainder(.int(2)).eq(.int(0)))])) == "tensor([ 0,  2,  4,  6,  8, 10])")
        #expect(P(try x.index([.tensor(T([0, 2]))])) == "tensor([[ 0,  1,  2,  3],\n        [ 8,  9, 10, 11]])")
        #expect(try x.index([.int(1), .int(2)]).item() == .int(6))
    }
    // index/04
    @Test func outOfBounds() throws {
        let x = try Tensor.arange(.int(6)).reshape([2, 3])
        #expect(errorOf { try x.index([.int(2)]) } == TensorError(.index, "index 2 is out of bounds for dimension 0 with size 2"))
    }
    // torch.zeros(2,3,4)[:, [0,1], [0,1]].shape == [2, 2]; [[0,1], :, [0,1]] → [2, 3];
    // [None, [0,1], ..., [0,1]] → [2, 1, 3]; [0, :, [0,1]] → [3, 2]
    @Test func placement() throws {
        let z = try Tensor.zeros([2, 3, 4])
        let l = try T([0, 1])
        #expect(try z.index([.slice(nil, nil, nil), .tensor(l), .tensor(l)]).shape == [2, 2])
        #expect(try z.index([.tensor(l), .slice(nil, nil, nil), .tensor(l)]).shape == [2, 3])
        #expect(try z.index([.none, .tensor(l), .ellipsis, .tensor(l)]).shape == [2, 1, 3])
        #expect(try z.index([.int(0), .slice(nil, nil, nil), .tensor(l)]).shape == [3, 2])
        // torch.tensor([[1,2],[3,4]])[torch.tensor([[True,False],[False,True]])] → tensor([1, 4])
        let m = try T([[1, 2], [3, 4]])
        #expect(P(try m.index([.tensor(T([[true, false], [false, true]]))])) == "tensor([1, 4])")
    }
    @Test func errors() throws {
        let z = try Tensor.zeros([3])
        // torch.zeros(3)[::-1]
        #expect(errorOf { try z.index([.slice(nil, nil, -1)]) } == TensorError(.value, "step must be greater than zero"))
        // torch.zeros(3)[-4]
        #expect(errorOf { try z.index([.int(-4)]) } == TensorError(.index, "index -4 is out of bounds for dimension 0 with size 3"))
        // torch.zeros(3)[0,0]
        #expect(errorOf { try z.index([.int(0), .int(0)]) } == TensorError(.index, "too many indices for tensor of dimension 1"))
        // torch.zeros(3)[torch.tensor([True,False])]
        #expect(errorOf { try z.index([.tensor(T([true, false]))]) } == TensorError(.index, "The shape of the mask [2] at index 0 does not match the shape of the indexed tensor [3] at index 0"))
        // torch.zeros(3)[torch.tensor([5])]
        #expect(errorOf { try z.index([.tensor(T([5]))]) } == TensorError(.index, "index 5 is out of bounds for dimension 0 with size 3"))
        // torch.zeros(3)[torch.tensor([1.])]
        #expect(errorOf { try z.index([.tensor(T([1.0]))]) } == TensorError(.index, "tensors used as indices must be long, int, byte or bool tensors"))
        // torch.zeros(3,3)[torch.tensor([0,1]), torch.tensor([0,1,2])]
        #expect(errorOf { try Tensor.zeros([3, 3]).index([.tensor(T([0, 1])), .tensor(T([0, 1, 2]))]) } == TensorError(.index, "shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]"))
        // z[torch.tensor([0,1])] = torch.tensor([1.,2.,3.])
        #expect(errorOf { try z.indexPut([.tensor(T([0, 1]))], T([1.0, 2.0, 3.0])) } == TensorError(.runtime, "shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2]"))
        // z[0:2] = torch.tensor([1.,2.,3.])
        #expect(errorOf { try z.indexPut([.slice(0, 2, nil)], T([1.0, 2.0, 3.0])) } == TensorError(.runtime, "The expanded size of the tensor (2) must match the existing size (3) at non-singleton dimension 0.  Target sizes: [2].  Tensor sizes: [3]"))
    }
    @Test func writeViewsAndGrad() throws {
        let x = try Tensor.zeros([2, 3])
        let row = try x.index([.int(1)])
        try row.indexPut([.slice(nil, nil, 2)], .double(5))
        #expect(x.toDoubleArray() == [0, 0, 0, 5, 0, 5])
        let w = try T([1.0, 2.0, 3.0]); try w.setRequiresGrad(true)
        let y = try w.index([.tensor(T([0, 2]))])
        #expect(y.gradFn?.name == "IndexBackward0")
        let g = try y.gradFn!.apply([T([1.0, 1.0])])
        #expect(g[0]?.toDoubleArray() == [1, 0, 1])
    }
}

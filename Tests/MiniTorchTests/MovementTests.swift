import Testing
@testable import MiniTorch

/// Expected values: /work/shared/conformance/torch.jsonl topic shape (PyTorch 2.15.0 CPU).
@Suite struct MovementTests {
    // shape/01: x = torch.arange(12).reshape(3, 4); view, t, is_contiguous, stride
    @Test func viewAndT() throws {
        let x = try Tensor.arange(.int(12)).reshape([3, 4])
        #expect(P(try x.view([4, 3])) == "tensor([[ 0,  1,  2],\n        [ 3,  4,  5],\n        [ 6,  7,  8],\n        [ 9, 10, 11]])")
        #expect(try x.view([-1, 6]).shape == [2, 6])
        #expect(P(try x.t()) == "tensor([[ 0,  4,  8],\n        [ 1,  5,  9],\n        [ 2,  6, 10],\n        [ 3,  7, 11]])")
        #expect(try x.t().isContiguous == false)
        #expect(try x.isContiguous)
        #expect(try x.strides == [4, 1])
        #expect(try (x.t().strides) == [1, 4])
        #expect(try x.view([4, 3]).storage === x.storage)
    }
    // shape/02
    @Test func permuteEtc() throws {
        let x = try Tensor.arange(.int(24)).reshape([2, 3, 4])
        #expect(try x.permute([2, 0, 1]).shape == [4, 2, 3])
        #expect(try x.transpose(0, 2).shape == [4, 3, 2])
        #expect(try x.unsqueeze(1).shape == [2, 1, 3, 4])
        #expect(try (x.unsqueeze(-1).shape) == [2, 3, 4, 1])
        #expect(try Tensor.zeros([1, 3, 1]).squeeze().shape == [3])
        #expect(try Tensor.zeros([1, 3, 1]).squeeze(dim: 0).shape == [3, 1])
        #expect(try x.flatten().shape == [24])
        #expect(try (x.flatten(1).shape) == [2, 12])
    }
    // shape/03: x.t().view(12)
    @Test func viewError() throws {
        let x = try Tensor.arange(.int(12)).reshape([3, 4])
        #expect(errorOf { try x.t().view([12]) } == TensorError(.runtime, "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead."))
    }
    // shape/04
    @Test func reshapeCopies() throws {
        let x = try Tensor.arange(.int(12)).reshape([3, 4])
        #expect(P(try x.t().contiguous().view([12])) == "tensor([ 0,  4,  8,  1,  5,  9,  2,  6, 10,  3,  7, 11])")
        #expect(P(try x.t().reshape([2, 6])) == "tensor([[ 0,  4,  8,  1,  5,  9],\n        [ 2,  6, 10,  3,  7, 11]])")
    }
    // shape/05
    @Test func expandRepeat() throws {
        let x = try T([[1], [2]])
        #expect(P(try x.expand([2, 3])) == "tensor([[1, 1, 1],\n        [2, 2, 2]])")
        #expect(P(try x.repeat([2, 2])) == "tensor([[1, 1],\n        [2, 2],\n        [1, 1],\n        [2, 2]])")
        #expect(try x.expand([-1, 2]).strides == [1, 0])
    }
    // shape/06
    @Test func chunkSplit() throws {
        let x = try Tensor.arange(.int(10))
        #expect(try x.chunk(4).map(P) == ["tensor([0, 1, 2])", "tensor([3, 4, 5])", "tensor([6, 7, 8])", "tensor([9])"])
        #expect(try x.chunk(3).map(P) == ["tensor([0, 1, 2, 3])", "tensor([4, 5, 6, 7])", "tensor([8, 9])"])
        #expect(try Tensor.arange(.int(5)).chunk(4).map(P) == ["tensor([0, 1])", "tensor([2, 3])", "tensor([4])"])
        #expect(try x.split(4).map(P) == ["tensor([0, 1, 2, 3])", "tensor([4, 5, 6, 7])", "tensor([8, 9])"])
        #expect(try x.split(sizes: [3, 7]).map(P) == ["tensor([0, 1, 2])", "tensor([3, 4, 5, 6, 7, 8, 9])"])
    }
    // shape/07
    @Test func catStack() throws {
        let a = try T([[1, 2], [3, 4]]), b = try T([[5, 6]])
        #expect(P(try Tensor.cat([a, b])) == "tensor([[1, 2],\n        [3, 4],\n        [5, 6]])")
        #expect(P(try Tensor.cat([a, a], dim: 1)) == "tensor([[1, 2, 1, 2],\n        [3, 4, 3, 4]])")
        #expect(try Tensor.stack([a, a]).shape == [2, 2, 2])
        #expect(P(try Tensor.stack([a, a], dim: 2)) == "tensor([[[1, 1],\n         [2, 2]],\n\n        [[3, 3],\n         [4, 4]]])")
    }
    // shape/08
    @Test func catError() throws {
        #expect(errorOf { try Tensor.cat([Tensor.zeros([2, 3]), Tensor.zeros([2, 4])]) } == TensorError(.runtime, "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 for tensor number 1 in the list."))
    }
    @Test func viewRules() throws {
        // A size-1 dim inserted anywhere is viewable; an expanded tensor is not flattenable.
        let x = try Tensor.arange(.int(6)).reshape([2, 3])
        #expect(try x.unsqueeze(1).view([3, 2]).shape == [3, 2])
        let e = try T([[1], [2]]).expand([2, 3])
        #expect(errorOf { try e.view([6]) } != nil)
        #expect(P(try e.reshape([6])) == "tensor([1, 1, 1, 2, 2, 2])")
        #expect(try x.narrow(1, 1, 2).toInt64Array() == [1, 2, 4, 5])
        #expect(try x.unbind(1).map { $0.toInt64Array() } == [[0, 3], [1, 4], [2, 5]])
        #expect(try x.select(1, -1).toInt64Array() == [2, 5])
    }
}

/// Huge or extreme arguments from a snippet must raise, never trap (no PyTorch text recorded for the limit itself).
@Suite struct MovementRobustnessTests {
    @Test func extremeArguments() throws {
        let x = try Tensor.arange(.int(10))
        #expect(try x.split(Int.max).count == 1)
        #expect(try x.chunk(Int.max).count == 10)
        #expect(try x.slice(dim: 0, start: 0, end: Int.max, step: Int.max).shape == [1])
        #expect(try x.index([.slice(nil, nil, Int.max)]).shape == [1])
        #expect(errorOf { try x.narrow(0, 2, Int.max) } != nil)
        #expect(errorOf { try x.repeat([Int.max, 2]) } != nil)
        #expect(errorOf { try x.view([Int.max, 2]) } != nil)
        #expect(errorOf { try Tensor.zeros([Int.max, Int.max, 2]) } != nil)
        #expect(errorOf { try x.expand([Int.max, 10]) } != nil)
        #expect(errorOf { try x.sum(Int.min) } != nil)
        #expect(errorOf { try x.index([.int(Int.min)]) } != nil)
        #expect(errorOf { try Tensor.arange(.double(0), .double(1e300), .double(1e-300)) } != nil)
    }
}

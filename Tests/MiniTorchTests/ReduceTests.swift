import Testing
@testable import MiniTorch

/// Expected values: /work/shared/conformance/torch.jsonl topic reduce, and PyTorch 2.15.0 runs of the quoted snippets.
@Suite struct ReduceTests {
    // reduce/01
    @Test func basics() throws {
        let x = try T([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]])
        #expect(P(try x.sum()) == "tensor(18.)")
        #expect(P(try x.sum(0)) == "tensor([8., 5., 5.])")
        #expect(P(try x.sum(1)) == "tensor([ 8., 10.])")
        #expect(P(try x.mean()) == "tensor(3.)")
        #expect(P(try x.mean(1, keepdim: true)) == "tensor([[2.6667],\n        [3.3333]])")
        #expect(try P(try x.max()) == "tensor(7.)")
        #expect(try P(try x.min()) == "tensor(0.)")
        #expect(try P(try x.argmax()) == "tensor(3)")
        #expect(try P(try x.argmin(dim: 1)) == "tensor([0, 1])")
        #expect(P(try x.prod(dim: 1)) == "tensor([10.,  0.])")
    }
    // reduce/02
    @Test func maxDim() throws {
        let x = try T([[1, 5], [7, 2]])
        #expect(try x.max(dim: 1).description == "torch.return_types.max(\nvalues=tensor([5, 7]),\nindices=tensor([1, 0]))")
        let r = try x.max(dim: 0)
        #expect(P(r.values) == "tensor([7, 5])" && P(r.indices) == "tensor([1, 0])")
    }
    // reduce/03
    @Test func meanOfInt() throws {
        #expect(errorOf { try T([1, 2]).mean() } == TensorError(.notImplemented, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long"))
    }
    // reduce/04
    @Test func stdVar() throws {
        let x = try T([[1.0, 2.0], [3.0, 4.0]])
        #expect(P(try x.std()) == "tensor(1.2910)")
        #expect(P(try x.variance(dims: [0])) == "tensor([2., 2.])")
        #expect(P(try x.sum(dims: [0, 1])) == "tensor(10.)")
        #expect(try x.sum(-1).tolist().description == "[3.0, 7.0]")
        // torch.tensor([3, 4]).float().std(correction=0) → tensor(0.5000); torch.tensor([1.]).std() → tensor(nan)
        #expect(P(try T([3.0, 4.0]).std(correction: 0)) == "tensor(0.5000)")
        #expect(P(try T([1.0]).std()) == "tensor(nan)")
        #expect(P(try x.variance(dims: [1], keepdim: true)) == "tensor([[0.5000],\n        [0.5000]])")
    }
    // torch.tensor([1, 2]).prod() → tensor(2); torch.tensor([True, True]).sum() → tensor(2); all/any
    @Test func intAndBool() throws {
        #expect(P(try T([1, 2]).prod()) == "tensor(2)")
        #expect(P(try T([true, true]).sum()) == "tensor(2)")
        #expect(P(try T([[1, 2], [3, 4]]).all()) == "tensor(True)")
        #expect(P(try T([0.0, 1.0]).any(dim: 0)) == "tensor(True)")
    }
    // torch.arange(24.).reshape(2, 3, 4).sum(1) → [[12., 15., 18., 21.], [48., 51., 54., 57.]]; .sum(0) and keepdim
    @Test func middleDimFastPath() throws {
        let x = try Tensor.arange(.double(24)).reshape([2, 3, 4])
        #expect(try x.sum(1).toDoubleArray() == [12, 15, 18, 21, 48, 51, 54, 57])
        #expect(try x.sum(dims: [0, 1], keepdim: true).shape == [1, 1, 4])
        #expect(try x.sum(dims: [0, 1]).toDoubleArray() == [60, 66, 72, 78])
        #expect(try x.to(.float64).sum(0).toDoubleArray() == [12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34])
        #expect(try x.transpose(0, 2).sum(0).toDoubleArray() == [6, 54, 22, 70, 38, 86])
    }
    @Test func errors() throws {
        // torch.tensor([1,2]).std()
        #expect(errorOf { try T([1, 2]).std() } == TensorError(.notImplemented, "std and var only support floating point and complex dtypes"))
        // torch.zeros(0).max()
        #expect(errorOf { try Tensor.zeros([0]).max() } == TensorError(.runtime, "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument."))
        // torch.zeros(2,0).max(1)
        #expect(errorOf { try Tensor.zeros([2, 0]).max(dim: 1) } == TensorError(.index, "max(): Expected reduction dim 1 to have non-zero size."))
        // torch.zeros(0).argmax()
        #expect(errorOf { try Tensor.zeros([0]).argmax() } == TensorError(.runtime, "argmax(): Expected reduction dim to be specified for input.numel() == 0."))
        // torch.zeros(2,3).sum(2) ; sum((0,0))
        #expect(errorOf { try Tensor.zeros([2, 3]).sum(2) } == TensorError(.index, "Dimension out of range (expected to be in range of [-2, 1], but got 2)"))
        #expect(errorOf { try Tensor.zeros([2, 3]).sum(dims: [0, 0]) } == TensorError(.runtime, "dim 0 appears multiple times in the list of dims"))
        // torch.tensor([1,2]).max(dim=1)
        #expect(errorOf { try T([1, 2]).max(dim: 1) } == TensorError(.index, "Dimension out of range (expected to be in range of [-1, 0], but got 1)"))
    }
    @Test func gradNames() throws {
        let x = try T([1.0, 3.0, 3.0]); try x.setRequiresGrad(true)
        #expect(try x.sum().gradFn?.name == "SumBackward0")
        #expect(try x.sum(0).gradFn?.name == "SumBackward1")
        #expect(try x.mean().gradFn?.name == "MeanBackward0")
        #expect(try x.max().gradFn?.name == "MaxBackward1")
        #expect(try x.max(dim: 0).values.gradFn?.name == "MaxBackward0")
        let g = try x.max().gradFn!.apply([T(1.0)])
        #expect(g[0]?.toDoubleArray() == [0, 0.5, 0.5])
    }
}

/// x = torch.tensor([[2., 0., 3.], [1., 4., 5.]], requires_grad=True); x.prod(1).sum().backward()
/// → x.grad tensor([[ 0.,  6.,  0.], [20.,  5.,  4.]]) (PyTorch 2.15.0); x.prod() grad → [[0, 120, 0], [0, 0, 0]]
@Suite struct ReduceProdGradTests {
    @Test func prodWithZeros() throws {
        let x = try T([[2.0, 0.0, 3.0], [1.0, 4.0, 5.0]])
        try x.setRequiresGrad(true)
        let p = try x.prod(dim: 1)
        #expect(p.gradFn?.name == "ProdBackward1")
        #expect(try p.gradFn!.apply([T([1.0, 1.0])])[0]?.toDoubleArray() == [0, 6, 0, 20, 5, 4])
        let q = try x.prod()
        #expect(q.gradFn?.name == "ProdBackward0")
        #expect(try q.gradFn!.apply([T(1.0)])[0]?.toDoubleArray() == [0, 120, 0, 0, 0, 0])
    }
}

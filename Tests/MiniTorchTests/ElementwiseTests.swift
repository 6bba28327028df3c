import Testing
@testable import MiniTorch

/// Expected values: /work/shared/conformance/torch.jsonl topic arith, and PyTorch 2.15.0 runs of the quoted snippets.
@Suite struct ElementwiseTests {
    // arith/01
    @Test func broadcastingAndPromotion() throws {
        let a = try T([[1, 2, 3], [4, 5, 6]]), b = try T([10, 20, 30])
        #expect(P(try a.add(b)) == "tensor([[11, 22, 33],\n        [14, 25, 36]])")
        #expect(P(try a.mul(.int(2))) == "tensor([[ 2,  4,  6],\n        [ 8, 10, 12]])")
        #expect(P(try a.add(.double(0.5))) == "tensor([[1.5000, 2.5000, 3.5000],\n        [4.5000, 5.5000, 6.5000]])")
        #expect(P(try a.div(.int(2))) == "tensor([[0.5000, 1.0000, 1.5000],\n        [2.0000, 2.5000, 3.0000]])")
        #expect(P(try a.floorDivide(.int(4))) == "tensor([[0, 0, 0],\n        [1, 1, 1]])")
        #expect(P(try a.remainder(.int(4))) == "tensor([[1, 2, 3],\n        [0, 1, 2]])")
        #expect(P(try a.pow(.int(2))) == "tensor([[ 1,  4,  9],\n        [16, 25, 36]])")
        #expect(P(try a.neg()) == "tensor([[-1, -2, -3],\n        [-4, -5, -6]])")
    }
    // arith/02
    @Test func dtypes() throws {
        let a = try T([1, 2]).div(T([2, 2]))
        #expect(P(a) == "tensor([0.5000, 1.0000])" && a.dtype == .float32)
        #expect(P(try T([7, -7]).floorDivide(.int(2))) == "tensor([ 3, -4])")
        let s = try T([1, 2], .int32).add(T([1, 2]))
        #expect(P(s) == "tensor([2, 4])" && s.dtype == .int64)
        #expect(try T([1.0]).add(T([1.0], .float64)).dtype == .float64)
        // torch.tensor([1], dtype=torch.int32) + 5 → int32; + torch.tensor(5) → int32; torch.tensor([1]) + torch.tensor(5.) → float32
        #expect(try T([1], .int32).add(.int(5)).dtype == .int32)
        #expect(try T([1], .int32).add(T(5)).dtype == .int32)
        #expect(try T([1]).add(T(5.0)).dtype == .float32)
        #expect(try T(1).add(T(5.0, .float64)).dtype == .float64)
        #expect(try T([1.0], .float64).add(T(5.0)).dtype == .float64)
        #expect(P(try T([true]).add(.bool(true))) == "tensor([True])")
        #expect(P(try T([true]).mul(.double(2.5))) == "tensor([2.5000])")
        #expect(P(try T([1, 2, 3]).add(.bool(true))) == "tensor([2, 3, 4])")
    }
    // arith/03
    @Test func broadcastError() throws {
        #expect(errorOf { try Tensor.ones([2, 3]).add(Tensor.ones([2, 2])) } == TensorError(.runtime, "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1"))
        #expect(errorOf { try Tensor.ones([3]).add(Tensor.ones([4, 1, 2])) } == TensorError(.runtime, "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 2"))
    }
    // arith/04
    @Test func comparisons() throws {
        let a = try T([1, 5, 3])
        #expect(P(try a.gt(.int(2))) == "tensor([False,  True,  True])")
        #expect(P(try a.eq(.int(5))) == "tensor([False,  True, False])")
        #expect(P(try a.ne(.int(3))) == "tensor([ True,  True, False])")
        #expect(P(try a.gt(.int(2)).bitwiseAnd(a.lt(.int(5)))) == "tensor([False, False,  True])")
        #expect(P(try Tensor.whereSelect(a.gt(.int(2)), a, Tensor.zerosLike(a))) == "tensor([0, 5, 3])")
        #expect(P(try a.maskedFill(a.gt(.int(2)), .int(-1))) == "tensor([ 1, -1, -1])")
        #expect(try a.equal(T([1, 5, 3])))
        #expect(try !a.to(.float32).allclose(T([1.0, 5.0, 3.0001])))
    }
    // arith/07
    @Test func unary() throws {
        let x = try T([1.0, 4.0, 9.0])
        #expect(P(try x.sqrt()) == "tensor([1., 2., 3.])")
        #expect(P(try T([0.0, 1.0]).exp()) == "tensor([1.0000, 2.7183])")
        #expect(P(try T([1.0, 2.0]).log()) == "tensor([0.0000, 0.6931])")
        #expect(P(try x.pow(.int(2))) == "tensor([ 1., 16., 81.])")
        #expect(P(try x.abs()) == "tensor([1., 4., 9.])")
        #expect(P(try x.clamp(min: .int(2), max: .int(5))) == "tensor([2., 4., 5.])")
        #expect(P(try T([-1.0, 2.0]).relu()) == "tensor([0., 2.])")
        #expect(P(try T([0.0]).sigmoid()) == "tensor([0.5000])")
        #expect(P(try T([0.0, 1.0]).tanh()) == "tensor([0.0000, 0.7616])")
        // torch.tensor([2.5, 3.5, -0.5]).round() → tensor([2., 4., -0.])
        #expect(P(try T([2.5, 3.5, -0.5]).round()) == "tensor([2., 4., -0.])")
        // torch.tensor([1,2,3]).clamp(0.5, 2.5) → tensor([1.0000, 2.0000, 2.5000])
        #expect(P(try T([1, 2, 3]).clamp(min: .double(0.5), max: .double(2.5))) == "tensor([1.0000, 2.0000, 2.5000])")
    }
    // arith/08
    @Test func inplace() throws {
        let x = try T([1.0, 2.0])
        try x.add_(.int(1)); #expect(P(x) == "tensor([2., 3.])")
        try x.mul_(.int(3)); #expect(P(x) == "tensor([6., 9.])")
        try x.zero_(); #expect(P(x) == "tensor([0., 0.])")
        try x.add_(.int(2)); #expect(P(x) == "tensor([2., 2.])")
        #expect(x.version == 4)
    }
    // Python-sign remainder and floor division: torch.tensor([7, -7]) % 3 → [1, 2];
    // torch.tensor([7., -7.]) % -3 → [-2., -1.]; // -3 → [-3., 2.]
    @Test func floorAndRemainder() throws {
        #expect(P(try T([7, -7]).remainder(.int(3))) == "tensor([1, 2])")
        #expect(P(try T([7.0, -7.0]).remainder(.int(-3))) == "tensor([-2., -1.])")
        #expect(P(try T([7.0, -7.0]).floorDivide(.int(-3))) == "tensor([-3.,  2.])")
        #expect(P(try T([-1.0, 0.0, 1.0]).div(.int(0))) == "tensor([-inf, nan, inf])")
        #expect(P(try T([2]).pow(T([-1]))) == "tensor([0])")
        #expect(P(try T([1, 2]).rpow(.int(2))) == "tensor([2, 4])")
        #expect(P(try T([1, 2]).rpow(.double(2.5))) == "tensor([2.5000, 6.2500])")
        #expect(P(try T([1, 2]).pow(.double(0.5))) == "tensor([1.0000, 1.4142])")
    }
    @Test func errors() throws {
        // torch.tensor([1,2]) ** -1
        #expect(errorOf { try T([1, 2]).pow(.int(-1)) } == TensorError(.runtime, "Integers to negative integer powers are not allowed."))
        // torch.tensor([True]) - torch.tensor([False])
        #expect(errorOf { try T([true]).sub(T([false])) } == TensorError(.notImplemented, "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead."))
        // -torch.tensor([True])
        #expect(errorOf { try T([true]).neg() } == TensorError(.notImplemented, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead."))
        // torch.tensor([1.]) & torch.tensor([1.])
        #expect(errorOf { try T([1.0]).bitwiseAnd(T([1.0])) } == TensorError(.notImplemented, "\"bitwise_and_cpu\" not implemented for 'Float'"))
        // ~torch.tensor([1.])
        #expect(errorOf { try T([1.0]).invert() } == TensorError(.type, "~ (operator.invert) is only implemented on integer and Boolean-type tensors"))
        // torch.tensor([1]) // 0 ; % 0
        #expect(errorOf { try T([1]).floorDivide(.int(0)) } == TensorError(.runtime, "ZeroDivisionError"))
        #expect(errorOf { try T([1]).remainder(.int(0)) } == TensorError(.runtime, "ZeroDivisionError"))
        // torch.tensor([1,2]).add_(1.5) ; div_(2)
        #expect(errorOf { try T([1, 2]).add_(.double(1.5)) } == TensorError(.runtime, "result type Float can't be cast to the desired output type Long"))
        #expect(errorOf { try T([1, 2]).div_(.int(2)) } == TensorError(.runtime, "result type Float can't be cast to the desired output type Long"))
        // torch.tensor([1,2]).mul_(torch.ones(2,2))
        #expect(errorOf { try T([1, 2]).mul_(Tensor.ones([2, 2])) } == TensorError(.runtime, "output with shape [2] doesn't match the broadcast shape [2, 2]"))
        // torch.where(torch.tensor([1,0]), torch.zeros(2), torch.ones(2))
        #expect(errorOf { try Tensor.whereSelect(T([1, 0]), Tensor.zeros([2]), Tensor.ones([2])) } == TensorError(.runtime, "where expected condition to be a boolean tensor, but got a tensor with dtype Long"))
        // torch.zeros(2).masked_fill(torch.tensor([1,0]), 1.)
        #expect(errorOf { try Tensor.zeros([2]).maskedFill(T([1, 0]), .double(1)) } == TensorError(.runtime, "masked_fill_ only supports boolean masks, but got mask with dtype long int"))
        #expect(errorOf { try Tensor.zeros([2]).maskedFill(T([true, false]), T([1.0, 2.0])) } == TensorError(.runtime, "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with 1 dimension(s)."))
        // torch.zeros(2).allclose(torch.zeros(2, dtype=torch.float64))
        #expect(errorOf { try Tensor.zeros([2]).allclose(Tensor.zeros([2], dtype: .float64)) } == TensorError(.runtime, "Float did not match Double"))
        // torch.zeros(2, requires_grad=True).add_(1)
        let leaf = try Tensor.zeros([2]); try leaf.setRequiresGrad(true)
        #expect(errorOf { try leaf.add_(.int(1)) } == TensorError(.runtime, "a leaf Variable that requires grad is being used in an in-place operation."))
        // torch.clamp(torch.zeros(2))
        #expect(errorOf { try Tensor.zeros([2]).clamp(min: nil as Scalar?, max: nil) } == TensorError(.runtime, "torch.clamp: At least one of 'min' or 'max' must not be None"))
        // torch.tensor([1,2]).requires_grad_()
        #expect(errorOf { try T([1, 2]).requiresGrad_() } == TensorError(.runtime, "only Tensors of floating point dtype can require gradients"))
        // x = torch.tensor([1,2]); x.requires_grad = True  (PyTorch 2.15)
        #expect(errorOf { try T([1, 2]).setRequiresGrad(true) } == TensorError(.runtime, "only Tensors of floating point and complex dtype can require gradients"))
    }
    @Test func gradNames() throws {
        let x = try T([1.0, 2.0]); try x.setRequiresGrad(true)
        let y = try T([3.0, 4.0]); try y.setRequiresGrad(true)
        #expect(try x.add(.int(2)).gradFn?.name == "AddBackward0")
        #expect(try x.rsub(.int(2)).gradFn?.name == "RsubBackward1")
        #expect(try x.rdiv(.int(2)).gradFn?.name == "MulBackward0")
        #expect(try x.pow(.int(2)).gradFn?.name == "PowBackward0")
        #expect(try x.pow(y).gradFn?.name == "PowBackward1")
        #expect(try x.rpow(.int(2)).gradFn?.name == "PowBackward2")
        #expect(try x.clamp(min: .int(0), max: .int(1)).gradFn?.name == "ClampBackward1")
        #expect(try x.clampMin(.int(0)).gradFn?.name == "ClampMinBackward0")
        let m = try x.mul(y)
        let g = try m.gradFn!.apply([T([1.0, 1.0])])
        #expect(g[0]?.toDoubleArray() == [3, 4] && g[1]?.toDoubleArray() == [1, 2])
        #expect(m.gradFn!.nextFunctions.count == 2)
        #expect(m.gradFn!.nextFunctions[0].0?.name == "AccumulateGrad")
    }
}

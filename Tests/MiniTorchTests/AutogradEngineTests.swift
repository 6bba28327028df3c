import Testing
@testable import MiniTorch

/// The backward engine against the recorded `autograd` conformance cases (ids given) and
/// Scripts/record_nn.py (PyTorch 2.15.0 CPU).
@Suite struct AutogradEngineTests {
    // conformance autograd/01
    @Test func variableAndSumBackward() throws {
        let v = try Autograd.variable(Tensor.ones([2, 2]), requiresGrad: true)
        #expect(P(v) == "tensor([[1., 1.],\n        [1., 1.]], requires_grad=True)")
        #expect(P(v.data) == "tensor([[1., 1.],\n        [1., 1.]])")
        #expect(v.grad == nil && v.gradFn == nil)
        let y = try v.mul(.int(3)).sum()
        #expect(y.gradFn?.name == "SumBackward0")
        try y.backward()
        #expect(P(v.grad!) == "tensor([[3., 3.],\n        [3., 3.]])")
    }

    // conformance autograd/02, /03
    @Test func scalarAndVectorBackward() throws {
        let x = try T(2.0).requiresGrad_()
        try x.pow(.int(2)).add(x.mul(.int(3)).mul(.int(1))).backward()
        #expect(P(x.grad!) == "tensor(7.)")
        let x3 = try T([1.0, 2.0, 3.0]).requiresGrad_()
        try x3.mul(.int(2)).backward(gradient: T([1.0, 0.1, 0.01]))
        #expect(P(x3.grad!) == "tensor([2.0000, 0.2000, 0.0200])")
    }

    // conformance autograd/04, /06, /09 and record_nn.py checks of the messages
    @Test func errors() throws {
        let x = try T([1.0, 2.0]).requiresGrad_()
        #expect(errorOf { try x.mul(.int(2)).backward() }?.message == "grad can be implicitly created only for scalar outputs")
        let y = try x.mul(x).sum()
        try y.backward()
        #expect(errorOf { try y.backward() }?.message == Autograd.secondBackward)
        #expect(errorOf { try T([1.0, 2.0]).sum().backward() }?.message
                == "element 0 of tensors does not require grad and does not have a grad_fn")
        #expect(errorOf { try x.mul(.int(2)).backward(gradient: T([1.0, 1.0, 1.0])) }?.message
                == "Mismatch in shape: grad_output[0] has a shape of torch.Size([3]) and output[0] has a shape of torch.Size([2]).")
        // record_nn.py t3: requires_grad_() on an int tensor
        #expect(errorOf { try T([1, 2]).requiresGrad_() }?.message == "only Tensors of floating point dtype can require gradients")
        #expect(errorOf { try x.add_(.int(1)) }?.message == "a leaf Variable that requires grad is being used in an in-place operation.")
    }

    // record_nn.py (t1): sum/add save no tensors, so a second backward through them succeeds.
    @Test func secondBackwardThroughNodesWithoutSavedTensors() throws {
        let x = try Tensor.ones([2]).requiresGrad_()
        let y = try x.add(.int(2)).sum()
        try y.backward(); try y.backward()
        #expect(P(x.grad!) == "tensor([2., 2.])")
    }

    // conformance autograd/05
    @Test func retainGraphAccumulates() throws {
        let x = try T([1.0, 2.0]).requiresGrad_()
        let y = try x.mul(x).sum()
        try y.backward(retainGraph: true)
        #expect(P(x.grad!) == "tensor([2., 4.])")
        try y.backward()
        #expect(P(x.grad!) == "tensor([4., 8.])")
        try x.grad!.zero_()
        #expect(P(x.grad!) == "tensor([0., 0.])")
    }

    // conformance autograd/07 and record_nn.py t2
    @Test func retainGradOnNonLeaves() throws {
        let x = try T([1.0, 2.0]).requiresGrad_()
        let h = try x.mul(.int(3))
        try h.retainGrad()
        let z = try h.sum()
        try z.retainGrad()
        let w = try x.mul(.int(5))
        try z.backward()
        #expect(x.isLeaf && !h.isLeaf && !z.isLeaf)
        #expect(P(h.grad!) == "tensor([1., 1.])" && P(x.grad!) == "tensor([3., 3.])")
        #expect(P(z.grad!) == "tensor(1.)")
        #expect(w.grad == nil && w.gradAccessWarns)
    }

    // conformance autograd/08
    @Test func noGradAndDetach() throws {
        let x = try T([1.0, 2.0]).requiresGrad_()
        let y = try GradMode.with(enabled: false) { try x.mul(.int(2)) }
        #expect(!y.requiresGrad && y.gradFn == nil)
        let z = x.detach()
        #expect(!z.requiresGrad && P(z) == "tensor([1., 2.])")
        #expect(try x.mul(.int(2)).requiresGrad)
        // detach shares storage and version counter; detach_ turns a non-leaf into a leaf
        try z.add_(.int(1))
        #expect(P(x) == "tensor([2., 3.], requires_grad=True)" && x.version == 1)
        let q = try x.mul(.int(2))
        try q.detach_()
        #expect(q.isLeaf && !q.requiresGrad)
    }

    // conformance autograd/10 and record_nn.py autograd_higher
    @Test func autogradGrad() throws {
        let x = try T([3.0]).requiresGrad_()
        let g = try Autograd.grad(outputs: [x.pow(.int(3))], inputs: [x], gradOutputs: [Tensor.onesLike(x)])
        #expect(P(g[0]!) == "tensor([27.])")
        #expect(x.grad == nil)
        let a = try T([1.0, 2.0]).requiresGrad_()
        try a.exp().mul(a).mean().backward()
        #expect(P(a.grad!) == "tensor([ 2.7183, 11.0836])")

        let x2 = try T([1.0, 2.0]).requiresGrad_()
        let g1 = try Autograd.grad(outputs: [x2.pow(.int(3)).sum()], inputs: [x2], createGraph: true)[0]!
        // PyTorch prints grad_fn=<MulBackward0> here; the node name comes from pow's backward formula (core's).
        #expect(P(g1.detach()) == "tensor([ 3., 12.])" && g1.requiresGrad)
        let g2 = try Autograd.grad(outputs: [g1.sum()], inputs: [x2])[0]!
        #expect(P(g2) == "tensor([ 6., 12.])")

        let b = try T([1.0, 1.0]).requiresGrad_()
        let r = try Autograd.grad(outputs: [x2.mul(.int(2)).sum()], inputs: [x2, b], allowUnused: true)
        #expect(P(r[0]!) == "tensor([2., 2.])" && r[1] == nil)
        #expect(errorOf { try Autograd.grad(outputs: [x2.mul(.int(2)).sum()], inputs: [x2, b]) }?.message
                == "The differentiated Tensor at index 1 appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
        #expect(errorOf { try Autograd.grad(outputs: [x2.mul(.int(2)).sum()], inputs: [T([1.0])]) }?.message
                == "One of the differentiated Tensors does not require grad")
    }

    // conformance autograd/12
    @Test func sigmoidTanhSoftmax() throws {
        let x = try T([0.5, -1.0]).requiresGrad_()
        try x.sigmoid().mul(x.tanh()).sum().backward()
        #expect(P(x.grad!) == "tensor([ 0.5981, -0.0368])")
        #expect(P(try Functional.softmax(x, dim: 0)) == "tensor([0.8176, 0.1824], grad_fn=<SoftmaxBackward0>)")
    }

    // record_nn.py (t1): saved tensors modified in place. The softmax output is saved by SoftmaxBackward0 as its
    // own output, so PyTorch 2.15 names Softmax (re-checked: `s = torch.softmax(a, 0); s.mul_(2); s.sum().backward()`).
    @Test func inplaceModificationOfSavedTensor() throws {
        let a = try T([1.0, 2.0, 3.0]).requiresGrad_()
        let s = try Functional.softmax(a, dim: 0)
        try s.mul_(.int(2))
        #expect(errorOf { try s.sum().backward() }?.message == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [3]], which is output 0 of Softmax, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
        let w = try T([[1.0, 2.0, 3.0]]).requiresGrad_()
        let x = try T([[1.0, 1.0, 1.0]])
        let out = try Functional.linear(x, w)
        try GradMode.with(enabled: false) { try x.mul_(.int(2)) }
        #expect(errorOf { try out.sum().backward() }?.message == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [1, 3]] is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
    }

    // record_nn.py autograd_graph
    @Test func graphShapes() throws {
        let x = try T([1.0, 2.0]).requiresGrad_()
        let y = try x.mul(.int(2)).add(.int(1)).sum()
        let add = y.gradFn!.nextFunctions[0].0!
        #expect(y.gradFn!.name == "SumBackward0" && add.name == "AddBackward0")
        #expect(add.nextFunctions.map { $0.0?.name } == ["MulBackward0", nil])
        let w = try Tensor.ones([3, 2]).requiresGrad_()
        let b = try Tensor.zeros([3]).requiresGrad_()
        let out = try Functional.linear(Tensor.ones([4, 2]), w, b)
        #expect(out.gradFn!.name == "AddmmBackward0")
        #expect(out.gradFn!.nextFunctions.map { $0.0?.name } == ["AccumulateGrad", nil, "TBackward0"])
        let out3 = try Functional.linear(Tensor.ones([5, 4, 2]), w, b)
        #expect(out3.gradFn!.name == "UnsafeViewBackward0" && out3.shape == [5, 4, 3])
        try out3.sum().backward()
        #expect(P(w.grad!) == "tensor([[20., 20.],\n        [20., 20.],\n        [20., 20.]])")
        #expect(P(b.grad!) == "tensor([20., 20., 20.])")
    }

    // record_nn.py autograd_higher: double backward through tanh·exp
    @Test func secondOrderThroughUnaryOps() throws {
        let a = try T([0.5, -1.5]).requiresGrad_()
        let z = try a.tanh().mul(a.exp())
        let ga = try Autograd.grad(outputs: [z.sum()], inputs: [a], createGraph: true)[0]!
        let h = try Autograd.grad(outputs: [ga.sum()], inputs: [a])[0]!
        #expect(P(ga.detach()) == "tensor([ 2.0585, -0.1616])")
        #expect(P(h) == "tensor([ 2.1568, -0.0483])")
    }
}

import Testing
@testable import Snippet

// Regression tests for divergences fixed by the `fix` helper. Expected stdout and final error line recorded from
// real PyTorch 2.15.0 (CPU) by Fixtures/record_fix_regressions.py, which holds the same snippets.
@Suite(.serialized) struct FixRegressionTests {
    @Test func indexErrorOriginalDim() {
        // import torch
        // x = torch.zeros(3, 2)
        // try:
        //     x[None, 0, 5]
        // except IndexError as e:
        //     print(e)
        // try:
        //     torch.zeros(2, 3, 4)[None, None, 1, ..., 9]
        // except IndexError as e:
        //     print(e)
        // x[..., 5]
        let r = runSnippet("import torch\nx = torch.zeros(3, 2)\ntry:\n    x[None, 0, 5]\nexcept IndexError as e:\n    print(e)\ntry:\n    torch.zeros(2, 3, 4)[None, None, 1, ..., 9]\nexcept IndexError as e:\n    print(e)\nx[..., 5]\n")
        #expect(r.out == "index 5 is out of bounds for dimension 2 with size 2\nindex 9 is out of bounds for dimension 4 with size 4\n")
        #expect(r.error == "IndexError: index 5 is out of bounds for dimension 1 with size 2")
    }
    @Test func sizeSlicing() {
        // import torch
        // x = torch.zeros(3, 2, 4)
        // s = x.shape
        // print(type(s[1:]), s[1:], s[0], s[-1], s[::2], type(s[0]), s[5:])
        // try:
        //     s['a']
        // except TypeError as e:
        //     print(e)
        // s[3]
        let r = runSnippet("import torch\nx = torch.zeros(3, 2, 4)\ns = x.shape\nprint(type(s[1:]), s[1:], s[0], s[-1], s[::2], type(s[0]), s[5:])\ntry:\n    s['a']\nexcept TypeError as e:\n    print(e)\ns[3]\n")
        #expect(r.out == "<class 'torch.Size'> torch.Size([2, 4]) 3 4 torch.Size([3, 4]) <class 'int'> torch.Size([])\ntuple indices must be integers or slices, not str\n")
        #expect(r.error == "IndexError: tuple index out of range")
    }
    @Test func requiresGradInt() {
        // import torch
        // for f in [lambda: torch.zeros(2, dtype=torch.long, requires_grad=True), lambda: torch.arange(3, requires_grad=True), lambda: torch.tensor([1, 2], requires_grad=True), lambda: torch.arange(3).requires_grad_()]:
        //     try:
        //         f()
        //     except RuntimeError as e:
        //         print(e)
        // print(torch.arange(3).requires_grad_(False))
        // x = torch.arange(3)
        // x.requires_grad = True
        let r = runSnippet("import torch\nfor f in [lambda: torch.zeros(2, dtype=torch.long, requires_grad=True), lambda: torch.arange(3, requires_grad=True), lambda: torch.tensor([1, 2], requires_grad=True), lambda: torch.arange(3).requires_grad_()]:\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\nprint(torch.arange(3).requires_grad_(False))\nx = torch.arange(3)\nx.requires_grad = True\n")
        #expect(r.out == "Only Tensors of floating point and complex dtype can require gradients\nOnly Tensors of floating point and complex dtype can require gradients\nOnly Tensors of floating point and complex dtype can require gradients\nonly Tensors of floating point dtype can require gradients\ntensor([0, 1, 2])\n")
        #expect(r.error == "RuntimeError: only Tensors of floating point and complex dtype can require gradients")
    }
    @Test func flip() {
        // import torch
        // x = torch.arange(6.).reshape(2, 3).requires_grad_()
        // y = x.flip(1)
        // print(y, torch.flip(x, [0, 1]), x.flip(0, 1), torch.flip(x, (0,)))
        // (y * torch.tensor([1., 2., 3.])).sum().backward()
        // print(x.grad)
        // print(torch.arange(4).flip(0), torch.zeros(0, 2).flip(0).shape, torch.tensor(3.).flip(()))
        // x.flip(0, 0)
        let r = runSnippet("import torch\nx = torch.arange(6.).reshape(2, 3).requires_grad_()\ny = x.flip(1)\nprint(y, torch.flip(x, [0, 1]), x.flip(0, 1), torch.flip(x, (0,)))\n(y * torch.tensor([1., 2., 3.])).sum().backward()\nprint(x.grad)\nprint(torch.arange(4).flip(0), torch.zeros(0, 2).flip(0).shape, torch.tensor(3.).flip(()))\nx.flip(0, 0)\n")
        #expect(r.out == "tensor([[2., 1., 0.],\n        [5., 4., 3.]], grad_fn=<FlipBackward0>) tensor([[5., 4., 3.],\n        [2., 1., 0.]], grad_fn=<FlipBackward0>) tensor([[5., 4., 3.],\n        [2., 1., 0.]], grad_fn=<FlipBackward0>) tensor([[3., 4., 5.],\n        [0., 1., 2.]], grad_fn=<FlipBackward0>)\ntensor([[3., 2., 1.],\n        [3., 2., 1.]])\ntensor([3, 2, 1, 0]) torch.Size([0, 2]) tensor(3.)\n")
        #expect(r.error == "RuntimeError: dim 0 appears multiple times in the list of dims")
    }
    @Test func flipDimError() {
        // import torch
        // torch.zeros(2, 3).flip(2)
        let r = runSnippet("import torch\ntorch.zeros(2, 3).flip(2)\n")
        #expect(r.out == "")
        #expect(r.error == "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)")
    }
    @Test func createGraphNodes() {
        // import torch
        // x = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
        // for f in [lambda t: t ** 3, lambda t: t.sigmoid(), lambda t: t.tanh(), lambda t: t.abs() ** 2.5, lambda t: 3 ** t, lambda t: t.pow(torch.tensor(2.)), lambda t: t.exp(), lambda t: t.sqrt()]:
        //     g, = torch.autograd.grad(f(x).sum(), x, create_graph=True)
        //     h, = torch.autograd.grad(g.sum(), x)
        //     print(g, h)
        // w = torch.tensor([0.3, 0.7], requires_grad=True)
        // g, = torch.autograd.grad((w * 2).sigmoid().sum(), w, create_graph=True)
        // print(g.grad_fn.name(), g.grad_fn.next_functions[0][0].name())
        // (g * torch.tensor([1., 3.])).sum().backward()
        // print(w.grad, torch.autograd.grad(x.pow(0).sum(), x, create_graph=True))
        let r = runSnippet("import torch\nx = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)\nfor f in [lambda t: t ** 3, lambda t: t.sigmoid(), lambda t: t.tanh(), lambda t: t.abs() ** 2.5, lambda t: 3 ** t, lambda t: t.pow(torch.tensor(2.)), lambda t: t.exp(), lambda t: t.sqrt()]:\n    g, = torch.autograd.grad(f(x).sum(), x, create_graph=True)\n    h, = torch.autograd.grad(g.sum(), x)\n    print(g, h)\nw = torch.tensor([0.3, 0.7], requires_grad=True)\ng, = torch.autograd.grad((w * 2).sigmoid().sum(), w, create_graph=True)\nprint(g.grad_fn.name(), g.grad_fn.next_functions[0][0].name())\n(g * torch.tensor([1., 3.])).sum().backward()\nprint(w.grad, torch.autograd.grad(x.pow(0).sum(), x, create_graph=True))\n")
        #expect(r.out == "tensor([ 0.7500,  6.7500, 12.0000], grad_fn=<MulBackward0>) tensor([ 3., -9., 12.])\ntensor([0.2350, 0.1491, 0.1050], grad_fn=<SigmoidBackwardBackward0>) tensor([-0.0576,  0.0947, -0.0800])\ntensor([0.7864, 0.1807, 0.0707], grad_fn=<TanhBackwardBackward0>) tensor([-0.7269,  0.3271, -0.1362])\ntensor([ 0.8839, -4.5928,  7.0711], grad_fn=<MulBackward0>) tensor([2.6517, 4.5928, 5.3033])\ntensor([1.9029, 0.2114, 9.8875], grad_fn=<MulBackward0>) tensor([ 2.0905,  0.2323, 10.8625])\ntensor([ 1., -3.,  4.], grad_fn=<WhereBackward0>) tensor([2., 2., 2.])\ntensor([1.6487, 0.2231, 7.3891], grad_fn=<MulBackward0>) tensor([1.6487, 0.2231, 7.3891])\ntensor([0.7071,    nan, 0.3536], grad_fn=<DivBackward0>) tensor([-0.7071,     nan, -0.0884])\nMulBackward0 SigmoidBackwardBackward0\ntensor([-0.2666, -1.1508]) (tensor([0., 0., 0.]),)\n")
        #expect(r.error == nil)
    }
    @Test func inplaceErrorNamesSavingNode() {
        // import torch
        // x = torch.ones(2, requires_grad=True)
        // a = x.exp()
        // b = a * a
        // a.add_(1)
        // try:
        //     b.sum().backward()
        // except RuntimeError as e:
        //     print(e)
        // x = torch.ones(2, requires_grad=True)
        // b = (x * 2).exp()
        // b.mul_(3)
        // try:
        //     b.sum().backward()
        // except RuntimeError as e:
        //     print(e)
        // y = x.flip(0)
        // y.sum().backward()
        // y.sum().backward()
        // print(x.grad)
        let r = runSnippet("import torch\nx = torch.ones(2, requires_grad=True)\na = x.exp()\nb = a * a\na.add_(1)\ntry:\n    b.sum().backward()\nexcept RuntimeError as e:\n    print(e)\nx = torch.ones(2, requires_grad=True)\nb = (x * 2).exp()\nb.mul_(3)\ntry:\n    b.sum().backward()\nexcept RuntimeError as e:\n    print(e)\ny = x.flip(0)\ny.sum().backward()\ny.sum().backward()\nprint(x.grad)\n")
        #expect(r.out == "one of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of Add, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).\none of the variables needed for gradient computation has been modified by an inplace operation: [torch.FloatTensor [2]], which is output 0 of Exp, is at version 1; expected version 0 instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).\ntensor([2., 2.])\n")
        #expect(r.error == nil)
    }
    @Test func trilTriu() {
        // import torch
        // x = torch.arange(1., 13.).reshape(3, 4).requires_grad_()
        // print(torch.tril(x), x.triu(1), x.tril(-1), torch.triu(x, diagonal=-1))
        // x.tril().sum().backward()
        // print(x.grad)
        // print(torch.tensor([[True, True], [True, True]]).triu(), torch.arange(8).reshape(2, 2, 2).tril())
        // y = torch.ones(2, 2, requires_grad=True).triu()
        // y.sum().backward()
        // y.sum().backward()
        // torch.zeros(3).triu()
        let r = runSnippet("import torch\nx = torch.arange(1., 13.).reshape(3, 4).requires_grad_()\nprint(torch.tril(x), x.triu(1), x.tril(-1), torch.triu(x, diagonal=-1))\nx.tril().sum().backward()\nprint(x.grad)\nprint(torch.tensor([[True, True], [True, True]]).triu(), torch.arange(8).reshape(2, 2, 2).tril())\ny = torch.ones(2, 2, requires_grad=True).triu()\ny.sum().backward()\ny.sum().backward()\ntorch.zeros(3).triu()\n")
        #expect(r.out == "tensor([[ 1.,  0.,  0.,  0.],\n        [ 5.,  6.,  0.,  0.],\n        [ 9., 10., 11.,  0.]], grad_fn=<TrilBackward0>) tensor([[ 0.,  2.,  3.,  4.],\n        [ 0.,  0.,  7.,  8.],\n        [ 0.,  0.,  0., 12.]], grad_fn=<TriuBackward0>) tensor([[ 0.,  0.,  0.,  0.],\n        [ 5.,  0.,  0.,  0.],\n        [ 9., 10.,  0.,  0.]], grad_fn=<TrilBackward0>) tensor([[ 1.,  2.,  3.,  4.],\n        [ 5.,  6.,  7.,  8.],\n        [ 0., 10., 11., 12.]], grad_fn=<TriuBackward0>)\ntensor([[1., 0., 0., 0.],\n        [1., 1., 0., 0.],\n        [1., 1., 1., 0.]])\ntensor([[ True,  True],\n        [False,  True]]) tensor([[[0, 0],\n         [2, 3]],\n\n        [[4, 0],\n         [6, 7]]])\n")
        #expect(r.error == "RuntimeError: triu: input tensor must have at least 2 dimensions")
    }
    @Test func cumsum() {
        // import torch
        // x = torch.tensor([3., 1., 2.], requires_grad=True)
        // y = torch.cumsum(x, 0)
        // print(y)
        // (y * torch.tensor([1., 2., 3.])).sum().backward()
        // print(x.grad)
        // print(torch.arange(6).reshape(2, 3).cumsum(dim=1), torch.tensor([True, True]).cumsum(0), torch.tensor([1, 2], dtype=torch.int32).cumsum(0))
        // print(torch.cumsum(torch.ones(2), 0, dtype=torch.float64), torch.arange(6.).reshape(2, 3).cumsum(-2), torch.tensor(5.).cumsum(0))
        // torch.zeros(2).cumsum(1)
        let r = runSnippet("import torch\nx = torch.tensor([3., 1., 2.], requires_grad=True)\ny = torch.cumsum(x, 0)\nprint(y)\n(y * torch.tensor([1., 2., 3.])).sum().backward()\nprint(x.grad)\nprint(torch.arange(6).reshape(2, 3).cumsum(dim=1), torch.tensor([True, True]).cumsum(0), torch.tensor([1, 2], dtype=torch.int32).cumsum(0))\nprint(torch.cumsum(torch.ones(2), 0, dtype=torch.float64), torch.arange(6.).reshape(2, 3).cumsum(-2), torch.tensor(5.).cumsum(0))\ntorch.zeros(2).cumsum(1)\n")
        #expect(r.out == "tensor([3., 4., 6.], grad_fn=<CumsumBackward0>)\ntensor([6., 5., 3.])\ntensor([[ 0,  1,  3],\n        [ 3,  7, 12]]) tensor([1, 2]) tensor([1, 3])\ntensor([1., 2.], dtype=torch.float64) tensor([[0., 1., 2.],\n        [3., 5., 7.]]) tensor(5.)\n")
        #expect(r.error == "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)")
    }
    @Test func roll() {
        // import torch
        // x = torch.arange(6.).reshape(2, 3).requires_grad_()
        // print(torch.roll(x, 1), x.roll(1, 1), x.roll((1, -1), (0, 1)), torch.roll(x, shifts=-4, dims=1), torch.roll(x, (1, 2), (1, 1)))
        // x.roll(1, 0).mul(torch.tensor([[1., 2, 3], [4, 5, 6]])).sum().backward()
        // print(x.grad, torch.zeros(0).roll(1), torch.arange(5).roll(-2))
        // x.roll((1, 2), 0)
        let r = runSnippet("import torch\nx = torch.arange(6.).reshape(2, 3).requires_grad_()\nprint(torch.roll(x, 1), x.roll(1, 1), x.roll((1, -1), (0, 1)), torch.roll(x, shifts=-4, dims=1), torch.roll(x, (1, 2), (1, 1)))\nx.roll(1, 0).mul(torch.tensor([[1., 2, 3], [4, 5, 6]])).sum().backward()\nprint(x.grad, torch.zeros(0).roll(1), torch.arange(5).roll(-2))\nx.roll((1, 2), 0)\n")
        #expect(r.out == "tensor([[5., 0., 1.],\n        [2., 3., 4.]], grad_fn=<RollBackward0>) tensor([[2., 0., 1.],\n        [5., 3., 4.]], grad_fn=<RollBackward0>) tensor([[4., 5., 3.],\n        [1., 2., 0.]], grad_fn=<RollBackward0>) tensor([[1., 2., 0.],\n        [4., 5., 3.]], grad_fn=<RollBackward0>) tensor([[0., 1., 2.],\n        [3., 4., 5.]], grad_fn=<RollBackward0>)\ntensor([[4., 5., 6.],\n        [1., 2., 3.]]) tensor([]) tensor([2, 3, 4, 0, 1])\n")
        #expect(r.error == "RuntimeError: shifts and dimensions must align. shifts: 2, dims:1")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: In-place writes into an expanded (stride-0) view are refused like PyTorch's assert_no_internal_overlap; fill_ and a single-element assignment are not; the leaf check comes first.
    @Test func inplaceInternalOverlap() {
        let r = runSnippet("import torch\nx = torch.tensor([1., 2., 3.])\ne = x.expand(2, 3)\nfor f in [lambda: e.add_(1), lambda: e.mul_(torch.ones(3)), lambda: e.relu_(), lambda: e.clamp_(0, 1), lambda: e.copy_(torch.ones(2, 3)), lambda: e.scatter_(1, torch.tensor([[0], [0]]), 1.), lambda: e.scatter_add_(1, torch.tensor([[0], [0]]), torch.ones(2, 1)), lambda: e.index_add_(0, torch.tensor([0]), torch.ones(1, 3)), lambda: e.add_(torch.ones(5))]:\n    try:\n        f()\n    except RuntimeError as err:\n        print(err)\ne.fill_(7.)\nprint(x, e.stride())\ne[0, 0] = 9.\nprint(x, torch.zeros(1, 3).expand(1, 3).add_(1))\ny = torch.zeros(3, requires_grad=True).expand(2, 3)\ny.add_(1)\n")
        #expect(r.out == "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\ntensor([7., 7., 7.]) (0, 1)\ntensor([9., 7., 7.]) tensor([[1., 1., 1.]])\n")
        #expect(r.error == "RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: F.linear / nn.Linear with float64 input and float32 weight: addmm's dtype messages (checked before shapes) and mm's lower-case C++ type names.
    @Test func linearDTypeMismatch() {
        let r = runSnippet("import torch\nimport torch.nn.functional as F\nd = torch.ones(1, 2, dtype=torch.float64)\nw = torch.ones(1, 2)\nfor f in [lambda: F.linear(d, w), lambda: F.linear(d, w, torch.ones(1)), lambda: F.linear(torch.ones(3, 1, 2, dtype=torch.float64), w, torch.ones(1)), lambda: F.linear(torch.ones(2, dtype=torch.float64), w, torch.ones(1)), lambda: F.linear(w, w, torch.ones(1, dtype=torch.float64)), lambda: torch.mm(w, d.t())]:\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\ntorch.nn.Linear(2, 1)(d)\n")
        #expect(r.out == "expected m1 and m2 to have the same dtype, but got: double != float\nmat1 and mat2 must have the same dtype, but got Double and Float\nmat1 and mat2 must have the same dtype, but got Double and Float\nmat1 and mat2 must have the same dtype, but got Double and Float\nself and mat2 must have the same dtype, but got Double and Float\nexpected m1 and m2 to have the same dtype, but got: float != double\n")
        #expect(r.error == "RuntimeError: mat1 and mat2 must have the same dtype, but got Double and Float")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: cross_entropy treats a target of the input's shape as class probabilities whatever its dtype; nll_loss checks the target's dtype after its shape.
    @Test func crossEntropyTargets() {
        let r = runSnippet("import torch\nimport torch.nn.functional as F\nlogits = torch.tensor([[1., 2., 3., 0.], [2., 0., 0., 1.], [0., 3., 1., 1.]])\ny = torch.tensor([2, 0, 1])\nprint(F.cross_entropy(logits, F.one_hot(y, 4).float()), F.cross_entropy(logits, y))\nfor t in [F.one_hot(y, 4), torch.tensor([2., 0., 1.]), torch.zeros(3, 5), torch.tensor([2, 0, 1], dtype=torch.int32), torch.zeros(3, 4, dtype=torch.bool)]:\n    try:\n        F.cross_entropy(logits, t)\n    except RuntimeError as e:\n        print(e)\nfor t in [torch.tensor([2., 0., 1.]), torch.zeros(3, 4)]:\n    try:\n        F.nll_loss(logits, t)\n    except RuntimeError as e:\n        print(e)\nF.cross_entropy(logits, torch.zeros(3, 4), ignore_index=1)\n")
        #expect(r.out == "tensor(0.4040) tensor(0.4040)\nExpected floating point type for target with class probabilities, got Long\nexpected target dtype to be Long or Byte, but got Float\n0D or 1D target tensor expected, multi-target not supported\nexpected target dtype to be Long or Byte, but got Int\nExpected floating point type for target with class probabilities, got Bool\nexpected target dtype to be Long or Byte, but got Float\n0D or 1D target tensor expected, multi-target not supported\n")
        #expect(r.error == "RuntimeError: ignore_index is not supported for floating point target")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: torch.broadcast_shapes as torch._refs._broadcast_shapes computes it, with its error texts.
    @Test func broadcastShapes() {
        let r = runSnippet("import torch\nprint(torch.broadcast_shapes((3, 1, 5), (4, 1)), torch.broadcast_shapes(3, (2, 3)), torch.broadcast_shapes((2,), (3, 1), (1, 1, 1)), torch.broadcast_shapes(), torch.broadcast_shapes((1, 2), [3, 1]), torch.broadcast_shapes(torch.Size([2, 1]), (5,)), torch.broadcast_shapes((), None, (2,)))\nfor s in [((3,), (2,)), ((2, 3), [3, 2]), ((2, 1), torch.Size([4, 3]))]:\n    try:\n        torch.broadcast_shapes(*s)\n    except RuntimeError as e:\n        print(e)\ntorch.broadcast_shapes((-1,))\n")
        #expect(r.out == "torch.Size([3, 4, 5]) torch.Size([2, 3]) torch.Size([1, 3, 2]) torch.Size([]) torch.Size([3, 2]) torch.Size([2, 5]) torch.Size([2])\nAttempting to broadcast a dimension of length 2 at -1! Mismatching argument at index 1 had (2,); but expected shape should be broadcastable to [3]\nAttempting to broadcast a dimension of length 2 at -1! Mismatching argument at index 1 had [3, 2]; but expected shape should be broadcastable to [2, 3]\nAttempting to broadcast a dimension of length 4 at -2! Mismatching argument at index 1 had torch.Size([4, 3]); but expected shape should be broadcastable to [2, 3]\n")
        #expect(r.error == "ValueError: Attempting to broadcast a dimension with negative length!")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: Tensor.index_put_ (accumulate) and repeat_interleave (int and tensor repeats, PyTorch's graph and messages).
    @Test func indexPutRepeatInterleave() {
        let r = runSnippet("import torch\nseg = torch.tensor([0, 0, 1, 2, 2])\nv = torch.tensor([1., 2., 3., 4., 5.])\nprint(torch.zeros(3).index_put_((seg,), v, accumulate=True), torch.zeros(3).index_put_([seg], torch.tensor(7.)))\nx = torch.arange(6).view(2, 3)\nprint(x.repeat_interleave(2), x.repeat_interleave(2, dim=1), x.repeat_interleave(torch.tensor([1, 2]), dim=0), x.repeat_interleave(torch.tensor([1, 0, 2]), dim=-1), torch.repeat_interleave(torch.tensor([2, 0, 1])), torch.tensor(5).repeat_interleave(3))\nw = torch.ones(2, 3, requires_grad=True)\nr = w.repeat_interleave(2, dim=1)\nprint(r.grad_fn.name(), r.grad_fn.next_functions[0][0].name(), w.repeat_interleave(torch.tensor([1, 2]), dim=0).grad_fn.name())\n(r * torch.arange(12.).view(2, 6)).sum().backward()\nprint(w.grad)\nfor f in [lambda: x.repeat_interleave(-1), lambda: x.repeat_interleave(torch.tensor([1, 2, 3]), dim=0), lambda: torch.repeat_interleave(torch.tensor([1, -2])), lambda: x.repeat_interleave(torch.tensor([[1]]), dim=0), lambda: torch.repeat_interleave(torch.tensor([[1]]))]:\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\nx.repeat_interleave(2, dim=5)\n")
        #expect(r.out == "tensor([3., 3., 9.]) tensor([7., 7., 7.])\ntensor([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]) tensor([[0, 0, 1, 1, 2, 2],\n        [3, 3, 4, 4, 5, 5]]) tensor([[0, 1, 2],\n        [3, 4, 5],\n        [3, 4, 5]]) tensor([[0, 2, 2],\n        [3, 5, 5]]) tensor([0, 0, 2]) tensor([5, 5, 5])\nViewBackward0 CloneBackward0 IndexSelectBackward0\ntensor([[ 1.,  5.,  9.],\n        [13., 17., 21.]])\nRepeats must be non-negative\nrepeats must have the same size as input along dim, but got repeats.size(0) = 3 and input.size(0) = 2\nrepeats can not be negative\nrepeats must be 0-dim or 1-dim tensor\nrepeat_interleave only accept 1D vector as repeat\n")
        #expect(r.error == "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 5)")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: `x[...] = number` fills (no overlap check, also while recording), a tensor value is copied and refused on an expanded destination once broadcast to it.
    @Test func setitemExpandedDestination() {
        let r = runSnippet("import torch\ne = torch.zeros(3).expand(2, 3)\ne[:, 0] = 5.\ne[1] = torch.tensor([1., 2., 3.])\nprint(e)\ny = torch.zeros(3, requires_grad=True) * 1\nf = y.expand(2, 3)\nf[:, 1] = 4.\nprint(y)\ntry:\n    e[:] = torch.ones(3)\nexcept RuntimeError as err:\n    print(err)\ntry:\n    e[:, 0] = torch.tensor(5.)\nexcept RuntimeError as err:\n    print(err)\ntry:\n    f[:, 0] = torch.tensor([1., 2.])\nexcept RuntimeError as err:\n    print(err)\ne[:] = torch.ones(5)\n")
        #expect(r.out == "tensor([[1., 2., 3.],\n        [1., 2., 3.]])\ntensor([0., 4., 0.], grad_fn=<CopySlices>)\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\nunsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.\n")
        #expect(r.error == "RuntimeError: The expanded size of the tensor (3) must match the existing size (5) at non-singleton dimension 1.  Target sizes: [2, 3].  Tensor sizes: [5]")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: torch.addmm checks dtypes (self vs mat2, then mat1 vs mat2) before ranks and shapes, with PyTorch's texts.
    @Test func addmmCheckOrder() {
        let r = runSnippet("import torch\nD = torch.float64\nfor f in [lambda: torch.addmm(torch.ones(1), torch.ones(2), torch.ones(2, 1)), lambda: torch.addmm(torch.ones(1), torch.ones(2, dtype=D), torch.ones(2, 1)), lambda: torch.addmm(torch.ones(1), torch.ones(1, 2), torch.ones(2)), lambda: torch.addmm(torch.ones(1), torch.ones(1, 2, dtype=D), torch.ones(3, 1)), lambda: torch.addmm(torch.ones(1, dtype=D), torch.ones(1, 2, dtype=D), torch.ones(2, 1)), lambda: torch.addmm(torch.ones(1), torch.ones(1, 2, dtype=D), torch.ones(2, 1), beta=2), lambda: torch.addmm(torch.ones(1), torch.ones(1, 2), torch.ones(3, 1))]:\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\nprint(torch.addmm(torch.ones(1, dtype=torch.long), torch.ones(1, 2, dtype=torch.long), torch.ones(2, 1, dtype=torch.long)))\ntorch.addmm(torch.ones(1, dtype=D), torch.ones(1, 2), torch.ones(2, 1))\n")
        #expect(r.out == "addmm: self must be a matrix, got 1-D tensor\nmat1 and mat2 must have the same dtype, but got Double and Float\naddmm: mat2 must be a matrix, got 1-D tensor\nmat1 and mat2 must have the same dtype, but got Double and Float\nself and mat2 must have the same dtype, but got Double and Float\nmat1 and mat2 must have the same dtype, but got Double and Float\naddmm: mat1 and mat2 shapes cannot be multiplied (1x2 and 3x1)\ntensor([[3]])\n")
        #expect(r.error == "RuntimeError: self and mat2 must have the same dtype, but got Double and Float")
    }
    // Found while writing the tensors/shapes/indexing questions of the bank: F.linear's size mismatch comes from the addmm (bias) or mm (no bias, or a non-contiguous 3-D input) it runs, with that op's prefix.
    @Test func linearShapeMismatch() {
        let r = runSnippet("import torch\nimport torch.nn.functional as F\nw = torch.ones(1, 2)\nb = torch.ones(1)\nfor f in [lambda: F.linear(torch.ones(1, 3), w, b), lambda: F.linear(torch.ones(1, 3), w), lambda: torch.nn.Linear(2, 1)(torch.ones(4, 3)), lambda: F.linear(torch.ones(2, 1, 3), w, b), lambda: F.linear(torch.ones(2, 1, 3), w), lambda: F.linear(torch.ones(3, 1, 2).transpose(0, 2), w, b), lambda: F.linear(torch.ones(3), w, b)]:\n    try:\n        print(f().shape)\n    except RuntimeError as e:\n        print(e)\nprint(F.linear(torch.ones(2), w, b), F.linear(torch.ones(3, 2), w).shape)\nF.linear(torch.ones(3), w)\n")
        #expect(r.out == "addmm: mat1 and mat2 shapes cannot be multiplied (1x3 and 2x1)\nmm: mat1 and mat2 shapes cannot be multiplied (1x3 and 2x1)\naddmm: mat1 and mat2 shapes cannot be multiplied (4x3 and 2x1)\naddmm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x1)\nmm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x1)\nmm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x1)\naddmm: mat1 and mat2 shapes cannot be multiplied (1x3 and 2x1)\ntensor([3.]) torch.Size([3, 1])\n")
        #expect(r.error == "RuntimeError: mm: mat1 and mat2 shapes cannot be multiplied (1x3 and 2x1)")
    }
    @Test func notImplementedDTypes() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // import torch.nn.functional as F
        // i = torch.tensor([[1, 2], [3, 4]])
        // for f in [lambda: F.softmax(i, dim=0), lambda: F.softmax(i, dim=-1), lambda: F.log_softmax(i, dim=0), lambda: F.mse_loss(i, i), lambda: F.nll_loss(i, torch.tensor([0, 1])), lambda: F.batch_norm(i, torch.zeros(2), torch.ones(2)), lambda: torch.nn.init.uniform_(torch.zeros(2, dtype=torch.long)), lambda: torch.nn.init.normal_(torch.zeros(2, dtype=torch.int32))]:
        //     try:
        //         f()
        //     except NotImplementedError as e:
        //         print(e)
        // print(F.mse_loss(i, torch.tensor([[1., 0.], [0., 1.]])))
        // F.log_softmax(torch.tensor([1, 2], dtype=torch.int32), dim=0)
        let r = runSnippet("import torch\nimport torch.nn.functional as F\ni = torch.tensor([[1, 2], [3, 4]])\nfor f in [lambda: F.softmax(i, dim=0), lambda: F.softmax(i, dim=-1), lambda: F.log_softmax(i, dim=0), lambda: F.mse_loss(i, i), lambda: F.nll_loss(i, torch.tensor([0, 1])), lambda: F.batch_norm(i, torch.zeros(2), torch.ones(2)), lambda: torch.nn.init.uniform_(torch.zeros(2, dtype=torch.long)), lambda: torch.nn.init.normal_(torch.zeros(2, dtype=torch.int32))]:\n    try:\n        f()\n    except NotImplementedError as e:\n        print(e)\nprint(F.mse_loss(i, torch.tensor([[1., 0.], [0., 1.]])))\nF.log_softmax(torch.tensor([1, 2], dtype=torch.int32), dim=0)\n")
        #expect(r.out == "\"softmax_kernel_impl\" not implemented for 'Long'\n\"softmax_lastdim_kernel_impl\" not implemented for 'Long'\n\"log_softmax_kernel_impl\" not implemented for 'Long'\n\"mse_cpu\" not implemented for 'Long'\n\"nll_loss_out_frame\" not implemented for 'Long'\n\"batch_norm\" not implemented for 'Long'\n\"check_uniform_bounds\" not implemented for 'Long'\n\"normal_kernel_cpu\" not implemented for 'Int'\ntensor(5.5000)\n")
        #expect(r.error == "NotImplementedError: \"log_softmax_lastdim_kernel_impl\" not implemented for 'Int'")
    }
    @Test func matmulConvDTypeMessages() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // import torch.nn.functional as F
        // D = torch.float64
        // for f in [lambda: torch.ones(2, 3) @ torch.ones(3, dtype=D), lambda: torch.ones(2, 3, dtype=torch.int32).mv(torch.ones(3)), lambda: torch.ones(2, 3).mv(torch.ones(3, dtype=torch.int32)), lambda: torch.ones(2, 2, 3) @ torch.ones(3, dtype=D), lambda: torch.ones(2, 2, 3).bmm(torch.ones(2, 3, 2, dtype=D)), lambda: F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2, dtype=D)), lambda: F.conv2d(torch.ones(1, 1, 3, 3, dtype=D), torch.ones(1, 1, 2, 2), torch.ones(1)), lambda: F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2), torch.ones(1, dtype=torch.int32))]:
        //     try:
        //         f()
        //     except RuntimeError as e:
        //         print(e)
        // F.conv2d(torch.ones(1, 1, 3, 3, dtype=D), torch.ones(1, 1, 2, 2))
        let r = runSnippet("import torch\nimport torch.nn.functional as F\nD = torch.float64\nfor f in [lambda: torch.ones(2, 3) @ torch.ones(3, dtype=D), lambda: torch.ones(2, 3, dtype=torch.int32).mv(torch.ones(3)), lambda: torch.ones(2, 3).mv(torch.ones(3, dtype=torch.int32)), lambda: torch.ones(2, 2, 3) @ torch.ones(3, dtype=D), lambda: torch.ones(2, 2, 3).bmm(torch.ones(2, 3, 2, dtype=D)), lambda: F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2, dtype=D)), lambda: F.conv2d(torch.ones(1, 1, 3, 3, dtype=D), torch.ones(1, 1, 2, 2), torch.ones(1)), lambda: F.conv2d(torch.ones(1, 1, 3, 3), torch.ones(1, 1, 2, 2), torch.ones(1, dtype=torch.int32))]:\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\nF.conv2d(torch.ones(1, 1, 3, 3, dtype=D), torch.ones(1, 1, 2, 2))\n")
        #expect(r.out == "addmv input tensors must have the same dtype, but got Double, Float, and Double\naddmv input tensors must have the same dtype, but got Float, Int, and Float\naddmv input tensors must have the same dtype, but got Int, Float, and Int\naddmv input tensors must have the same dtype, but got Double, Float, and Double\nexpected scalar type Float but found Double\nexpected scalar type Float but found Double\nInput type (double) and bias type (float) should be the same\nInput type (float) and bias type (int) should be the same\n")
        #expect(r.error == "RuntimeError: expected scalar type Double but found Float")
    }
    @Test func batchNormCheckOrder() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // import torch.nn.functional as F
        // x = torch.ones(3, 2)
        // D = torch.float64
        // for f in [lambda: F.batch_norm(x, torch.zeros(3), torch.ones(2), torch.ones(4)), lambda: torch.nn.BatchNorm1d(3)(x), lambda: F.batch_norm(x, None, torch.ones(2)), lambda: F.batch_norm(x, torch.zeros(2), None), lambda: F.batch_norm(x.double(), torch.zeros(2), torch.ones(2)), lambda: F.batch_norm(x.double(), torch.zeros(2, dtype=D), torch.ones(2, dtype=D), torch.ones(2)), lambda: F.batch_norm(x, torch.zeros(2, dtype=D), torch.ones(2, dtype=D)), lambda: F.batch_norm(x, torch.zeros(2), torch.ones(2), None, torch.ones(2, dtype=D))]:
        //     try:
        //         f()
        //     except RuntimeError as e:
        //         print(e)
        // print(F.batch_norm(x.double(), torch.zeros(2, dtype=D), torch.ones(2, dtype=D)))
        // F.batch_norm(x, torch.zeros(2), None, training=True)
        let r = runSnippet("import torch\nimport torch.nn.functional as F\nx = torch.ones(3, 2)\nD = torch.float64\nfor f in [lambda: F.batch_norm(x, torch.zeros(3), torch.ones(2), torch.ones(4)), lambda: torch.nn.BatchNorm1d(3)(x), lambda: F.batch_norm(x, None, torch.ones(2)), lambda: F.batch_norm(x, torch.zeros(2), None), lambda: F.batch_norm(x.double(), torch.zeros(2), torch.ones(2)), lambda: F.batch_norm(x.double(), torch.zeros(2, dtype=D), torch.ones(2, dtype=D), torch.ones(2)), lambda: F.batch_norm(x, torch.zeros(2, dtype=D), torch.ones(2, dtype=D)), lambda: F.batch_norm(x, torch.zeros(2), torch.ones(2), None, torch.ones(2, dtype=D))]:\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\nprint(F.batch_norm(x.double(), torch.zeros(2, dtype=D), torch.ones(2, dtype=D)))\nF.batch_norm(x, torch.zeros(2), None, training=True)\n")
        #expect(r.out == "running_mean should contain 2 elements not 3\nrunning_mean should contain 2 elements not 3\nrunning_mean must be defined in evaluation mode\nrunning_var must be defined in evaluation mode\nmixed dtype (CPU): all inputs must share same datatype.\nmixed dtype (CPU): expect parameter to have scalar type of Float\nmixed dtype (CPU): expect parameter to have scalar type of Float\nmixed dtype (CPU): expect parameter to have scalar type of Float\ntensor([[1.0000, 1.0000],\n        [1.0000, 1.0000],\n        [1.0000, 1.0000]], dtype=torch.float64)\n")
        #expect(r.error == "ValueError: running_mean and running_var must either both be None or neither be None")
    }
    @Test func backwardGradDTypeCast() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // x = torch.tensor([1., 2., 3.], requires_grad=True)
        // (x * 2).backward(torch.tensor([1.9, -0.5, 3.], dtype=torch.int32))
        // print(x.grad)
        // (x * 3).backward(torch.tensor([0.5, 0.25, 1.], dtype=torch.float64))
        // print(x.grad, x.grad.dtype)
        // g, = torch.autograd.grad(x.exp(), x, torch.tensor([1, 0, 2]))
        // print(g)
        // (x * 2).backward(torch.ones(2))
        let r = runSnippet("import torch\nx = torch.tensor([1., 2., 3.], requires_grad=True)\n(x * 2).backward(torch.tensor([1.9, -0.5, 3.], dtype=torch.int32))\nprint(x.grad)\n(x * 3).backward(torch.tensor([0.5, 0.25, 1.], dtype=torch.float64))\nprint(x.grad, x.grad.dtype)\ng, = torch.autograd.grad(x.exp(), x, torch.tensor([1, 0, 2]))\nprint(g)\n(x * 2).backward(torch.ones(2))\n")
        #expect(r.out == "tensor([2., 0., 6.])\ntensor([3.5000, 0.7500, 9.0000]) torch.float32\ntensor([ 2.7183,  0.0000, 40.1711])\n")
        #expect(r.error == "RuntimeError: Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of torch.Size([3]).")
    }
    @Test func copyBroadcastErrors() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // for src in [torch.ones(2, 2), torch.ones(4, 3), torch.ones(3, 2, 3), torch.ones(1, 2, 3)]:
        //     try:
        //         print(torch.zeros(2, 3).copy_(src))
        //     except RuntimeError as e:
        //         print(e)
        // print(torch.zeros(2, 3).copy_(torch.tensor([1, 2, 3])), torch.zeros(2, 3).copy_(torch.tensor(5.)))
        // torch.zeros(3, 4).copy_(torch.ones(2, 3))
        let r = runSnippet("import torch\nfor src in [torch.ones(2, 2), torch.ones(4, 3), torch.ones(3, 2, 3), torch.ones(1, 2, 3)]:\n    try:\n        print(torch.zeros(2, 3).copy_(src))\n    except RuntimeError as e:\n        print(e)\nprint(torch.zeros(2, 3).copy_(torch.tensor([1, 2, 3])), torch.zeros(2, 3).copy_(torch.tensor(5.)))\ntorch.zeros(3, 4).copy_(torch.ones(2, 3))\n")
        #expect(r.out == "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1\nThe size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 0\noutput with shape [2, 3] doesn't match the broadcast shape [3, 2, 3]\noutput with shape [2, 3] doesn't match the broadcast shape [1, 2, 3]\ntensor([[1., 2., 3.],\n        [1., 2., 3.]]) tensor([[5., 5., 5.],\n        [5., 5., 5.]])\n")
        #expect(r.error == "RuntimeError: The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 1")
    }
    @Test func numpyFloat32SciBounds() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // import numpy as np
        // for v in [[0.0001, 0.0002], [0.0001, 0.1], [0.0001, 0.1001], [99999999.0, 1.0], [1e8], [0.5, 500.0], [0.5, 500.5], [-0.0001, 0.00015]]:
        //     t = torch.tensor(v)
        //     print(t.numpy(), repr(t.numpy()), t.double().numpy())
        // print(np.array([0.0001, 0.0002], dtype=np.float32), np.array([0.0001, 0.1], dtype=np.float32))
        let r = runSnippet("import torch\nimport numpy as np\nfor v in [[0.0001, 0.0002], [0.0001, 0.1], [0.0001, 0.1001], [99999999.0, 1.0], [1e8], [0.5, 500.0], [0.5, 500.5], [-0.0001, 0.00015]]:\n    t = torch.tensor(v)\n    print(t.numpy(), repr(t.numpy()), t.double().numpy())\nprint(np.array([0.0001, 0.0002], dtype=np.float32), np.array([0.0001, 0.1], dtype=np.float32))\n")
        #expect(r.out == "[0.0001 0.0002] array([0.0001, 0.0002], dtype=float32) [9.99999975e-05 1.99999995e-04]\n[1.e-04 1.e-01] array([1.e-04, 1.e-01], dtype=float32) [9.99999975e-05 1.00000001e-01]\n[1.000e-04 1.001e-01] array([1.000e-04, 1.001e-01], dtype=float32) [9.99999975e-05 1.00100003e-01]\n[1.e+08 1.e+00] array([1.e+08, 1.e+00], dtype=float32) [1.e+08 1.e+00]\n[1.e+08] array([1.e+08], dtype=float32) [1.e+08]\n[  0.5 500. ] array([  0.5, 500. ], dtype=float32) [  0.5 500. ]\n[5.000e-01 5.005e+02] array([5.000e-01, 5.005e+02], dtype=float32) [5.000e-01 5.005e+02]\n[-0.0001   0.00015] array([-0.0001 ,  0.00015], dtype=float32) [-9.99999975e-05  1.50000007e-04]\n[0.0001 0.0002] [1.e-04 1.e-01]\n")
        #expect(r.error == nil)
    }
    @Test func tensorArgPositions() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // x = torch.zeros(2, 3)
        // idx = torch.tensor([[0, 1, 2]])
        // for f in [lambda: x.scatter_add(0, 1, idx), lambda: x.scatter_add(0, index=1, src=x), lambda: torch.scatter_add(0, x, 1, idx), lambda: torch.gather(x, 0, 1.5), lambda: x.gather('a', idx), lambda: torch.gather(x, 1, index=2), lambda: x.index_select(0, [0])]:
        //     try:
        //         f()
        //     except TypeError as e:
        //         print(e)
        // print(torch.gather(x, 1, idx), x.scatter_add(1, idx, torch.ones(1, 3)))
        // x.gather(1, 7)
        let r = runSnippet("import torch\nx = torch.zeros(2, 3)\nidx = torch.tensor([[0, 1, 2]])\nfor f in [lambda: x.scatter_add(0, 1, idx), lambda: x.scatter_add(0, index=1, src=x), lambda: torch.scatter_add(0, x, 1, idx), lambda: torch.gather(x, 0, 1.5), lambda: x.gather('a', idx), lambda: torch.gather(x, 1, index=2), lambda: x.index_select(0, [0])]:\n    try:\n        f()\n    except TypeError as e:\n        print(e)\nprint(torch.gather(x, 1, idx), x.scatter_add(1, idx, torch.ones(1, 3)))\nx.gather(1, 7)\n")
        #expect(r.out == "scatter_add(): argument 'index' (position 2) must be Tensor, not int\nscatter_add(): argument 'index' must be Tensor, not int\nscatter_add(): argument 'input' (position 1) must be Tensor, not int\ngather(): argument 'index' (position 3) must be Tensor, not float\ngather(): argument 'dim' (position 1) must be int, not str\ngather(): argument 'index' must be Tensor, not int\nindex_select(): argument 'index' (position 2) must be Tensor, not list\ntensor([[0., 0., 0.]]) tensor([[1., 1., 1.],\n        [0., 0., 0.]])\n")
        #expect(r.error == "TypeError: gather(): argument 'index' (position 2) must be Tensor, not int")
    }
    @Test func normalFactory() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // torch.manual_seed(0)
        // print(torch.normal(0., 1., (3,)), torch.normal(2.5, 0.5, size=(2, 2)), torch.normal(-1, 3, (20,)))
        // torch.manual_seed(0)
        // print(torch.normal(0., 1., (3,), dtype=torch.float64), torch.normal(1., 2., [2], requires_grad=True))
        // torch.manual_seed(3)
        // print(torch.normal(0., 1., (3,)), torch.randn(3))
        // torch.normal(0., -1., (2,))
        let r = runSnippet("import torch\ntorch.manual_seed(0)\nprint(torch.normal(0., 1., (3,)), torch.normal(2.5, 0.5, size=(2, 2)), torch.normal(-1, 3, (20,)))\ntorch.manual_seed(0)\nprint(torch.normal(0., 1., (3,), dtype=torch.float64), torch.normal(1., 2., [2], requires_grad=True))\ntorch.manual_seed(3)\nprint(torch.normal(0., 1., (3,)), torch.randn(3))\ntorch.normal(0., -1., (2,))\n")
        #expect(r.out == "tensor([ 1.5410, -0.2934, -2.1788]) tensor([[2.7842, 1.9577],\n        [1.8007, 2.7017]]) tensor([-5.0580, -6.0878,  0.7000,  1.3805,  0.3191, -0.6628,  0.9224,  0.3235,\n        -1.6476, -3.2276,  0.6882, -0.2211,  0.5686,  5.9066, -5.4067, -5.7601,\n         2.6097, -0.7464, -4.6004, -1.0144])\ntensor([ 1.5410, -0.2934, -2.1788], dtype=torch.float64) tensor([ 2.1369, -1.1690], requires_grad=True)\ntensor([0.8033, 0.1748, 0.0890]) tensor([-0.6137,  0.0462, -1.3683])\n")
        #expect(r.error == "RuntimeError: normal expects std >= 0.0, but found std -1")
    }
    @Test func cumprod() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // x = torch.tensor([[1., 2., 3.], [0.5, -2., 4.]], requires_grad=True)
        // y = torch.cumprod(x, 1)
        // print(y, x.cumprod(0), x.cumprod(dim=-1))
        // (y * torch.tensor([1., 2., 3.])).sum().backward()
        // print(x.grad)
        // z = torch.tensor([2., 0., 3., 4.], requires_grad=True)
        // z.cumprod(0).sum().backward()
        // print(z.grad, torch.tensor([0., 0., 5.], requires_grad=True).cumprod(0).grad_fn.name())
        // print(torch.arange(1, 6).cumprod(0), torch.tensor([True, True, False]).cumprod(0), torch.tensor([1, 2], dtype=torch.int32).cumprod(0), torch.tensor([1.5, 2.]).cumprod(0, dtype=torch.float64), torch.tensor(3.).cumprod(0))
        // w = torch.tensor([0., 2., 0., 3.], requires_grad=True)
        // w.cumprod(0).mul(torch.tensor([1., 2., 3., 4.])).sum().backward()
        // print(w.grad)
        // torch.ones(2).cumprod(1)
        let r = runSnippet("import torch\nx = torch.tensor([[1., 2., 3.], [0.5, -2., 4.]], requires_grad=True)\ny = torch.cumprod(x, 1)\nprint(y, x.cumprod(0), x.cumprod(dim=-1))\n(y * torch.tensor([1., 2., 3.])).sum().backward()\nprint(x.grad)\nz = torch.tensor([2., 0., 3., 4.], requires_grad=True)\nz.cumprod(0).sum().backward()\nprint(z.grad, torch.tensor([0., 0., 5.], requires_grad=True).cumprod(0).grad_fn.name())\nprint(torch.arange(1, 6).cumprod(0), torch.tensor([True, True, False]).cumprod(0), torch.tensor([1, 2], dtype=torch.int32).cumprod(0), torch.tensor([1.5, 2.]).cumprod(0, dtype=torch.float64), torch.tensor(3.).cumprod(0))\nw = torch.tensor([0., 2., 0., 3.], requires_grad=True)\nw.cumprod(0).mul(torch.tensor([1., 2., 3., 4.])).sum().backward()\nprint(w.grad)\ntorch.ones(2).cumprod(1)\n")
        #expect(r.out == "tensor([[ 1.0000,  2.0000,  6.0000],\n        [ 0.5000, -1.0000, -4.0000]], grad_fn=<CumprodBackward0>) tensor([[ 1.0000,  2.0000,  3.0000],\n        [ 0.5000, -4.0000, 12.0000]], grad_fn=<CumprodBackward0>) tensor([[ 1.0000,  2.0000,  6.0000],\n        [ 0.5000, -1.0000, -4.0000]], grad_fn=<CumprodBackward0>)\ntensor([[ 23.,  11.,   6.],\n        [-27.,   7.,  -3.]])\ntensor([ 1., 32.,  0.,  0.]) CumprodBackward0\ntensor([  1,   2,   6,  24, 120]) tensor([1, 1, 0]) tensor([1, 2]) tensor([1.5000, 3.0000], dtype=torch.float64) tensor(3.)\ntensor([5., 0., 0., 0.])\n")
        #expect(r.error == "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)")
    }
    @Test func logspace() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // print(torch.logspace(0, 2, 3), torch.logspace(-2, 2, 5), torch.logspace(0, 1, 7, base=2), torch.logspace(1, 3, 1), torch.logspace(0, 3, 0))
        // print(torch.logspace(0.5, 3.5, 4, dtype=torch.float64), torch.logspace(0, 3, 4, dtype=torch.long), torch.logspace(2, -1, 4, base=3.))
        // print(torch.logspace(0, 10, 11, base=2).tolist())
        // torch.logspace(0, 1, -2)
        let r = runSnippet("import torch\nprint(torch.logspace(0, 2, 3), torch.logspace(-2, 2, 5), torch.logspace(0, 1, 7, base=2), torch.logspace(1, 3, 1), torch.logspace(0, 3, 0))\nprint(torch.logspace(0.5, 3.5, 4, dtype=torch.float64), torch.logspace(0, 3, 4, dtype=torch.long), torch.logspace(2, -1, 4, base=3.))\nprint(torch.logspace(0, 10, 11, base=2).tolist())\ntorch.logspace(0, 1, -2)\n")
        #expect(r.out == "tensor([  1.,  10., 100.]) tensor([1.0000e-02, 1.0000e-01, 1.0000e+00, 1.0000e+01, 1.0000e+02]) tensor([1.0000, 1.1225, 1.2599, 1.4142, 1.5874, 1.7818, 2.0000]) tensor([10.]) tensor([])\ntensor([   3.1623,   31.6228,  316.2278, 3162.2777], dtype=torch.float64) tensor([   1,   10,  100, 1000]) tensor([9.0000, 3.0000, 1.0000, 0.3333])\n[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0]\n")
        #expect(r.error == "RuntimeError: number of steps must be non-negative")
    }
    @Test func stateDictViews() {
        // Found by Scripts/vary_conformance.py (variants of the visible conformance cases).
        // import torch
        // import torch.nn as nn
        // m = nn.Linear(2, 1)
        // sd = m.state_dict()
        // print(sd.keys(), type(sd.values()), type(sd.items()), list(sd.keys()), len(sd), 'weight' in sd)
        // print({'a': 1}.keys(), {'a': 1}.values(), {'a': 1}.items(), type({}.keys()))
        // print(nn.Sequential(nn.Linear(1, 1), nn.ReLU()).state_dict().keys())
        // sd.keys()[0]
        let r = runSnippet("import torch\nimport torch.nn as nn\nm = nn.Linear(2, 1)\nsd = m.state_dict()\nprint(sd.keys(), type(sd.values()), type(sd.items()), list(sd.keys()), len(sd), 'weight' in sd)\nprint({'a': 1}.keys(), {'a': 1}.values(), {'a': 1}.items(), type({}.keys()))\nprint(nn.Sequential(nn.Linear(1, 1), nn.ReLU()).state_dict().keys())\nsd.keys()[0]\n")
        #expect(r.out == "odict_keys(['weight', 'bias']) <class 'odict_values'> <class 'odict_items'> ['weight', 'bias'] 2 True\ndict_keys(['a']) dict_values([1]) dict_items([('a', 1)]) <class 'dict_keys'>\nodict_keys(['0.weight', '0.bias'])\n")
        #expect(r.error == "TypeError: 'odict_keys' object is not subscriptable")
    }
    @Test func hugeAllocationsFailCleanly() {
        // Not recorded: PyTorch reports its allocator's failure ("DefaultCPUAllocator: can't allocate memory ...");
        // the engine must instead refuse with its sandbox limit, never trap (these used to abort the process).
        for code in ["import torch\nimport torch.nn as nn\nnn.Conv2d(3000, 2000, kernel_size=3000, bias=False)\n",
                     "import torch\nimport torch.nn as nn\nnn.Linear(100000, 100000)\n",
                     "import torch\nimport torch.nn.functional as F\nF.unfold(torch.ones(1, 1, 3000, 3000), kernel_size=2000)\n",
                     "import torch\nimport torch.nn.functional as F\nF.fold(torch.ones(1, 4, 1), output_size=(30000, 30000), kernel_size=2, stride=29999)\n"] {
            let r = runSnippet(code)
            #expect(r.out == "")
            #expect(r.error?.hasPrefix("RuntimeError: tensor of ") == true, "\(code) -> \(r.error ?? "no error")")
        }
    }
}

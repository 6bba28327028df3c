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
}

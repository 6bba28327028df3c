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
}

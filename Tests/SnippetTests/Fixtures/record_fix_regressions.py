import torch, contextlib, io, traceback
cases = {
"indexErrorOriginalDim": "import torch\nx = torch.zeros(3, 2)\ntry:\n    x[None, 0, 5]\nexcept IndexError as e:\n    print(e)\ntry:\n    torch.zeros(2, 3, 4)[None, None, 1, ..., 9]\nexcept IndexError as e:\n    print(e)\nx[..., 5]\n",
"sizeSlicing": "import torch\nx = torch.zeros(3, 2, 4)\ns = x.shape\nprint(type(s[1:]), s[1:], s[0], s[-1], s[::2], type(s[0]), s[5:])\ntry:\n    s['a']\nexcept TypeError as e:\n    print(e)\ns[3]\n",
"requiresGradInt": "import torch\nfor f in [lambda: torch.zeros(2, dtype=torch.long, requires_grad=True), lambda: torch.arange(3, requires_grad=True), lambda: torch.tensor([1, 2], requires_grad=True), lambda: torch.arange(3).requires_grad_()]:\n    try:\n        f()\n    except RuntimeError as e:\n        print(e)\nprint(torch.arange(3).requires_grad_(False))\nx = torch.arange(3)\nx.requires_grad = True\n",
"flip": "import torch\nx = torch.arange(6.).reshape(2, 3).requires_grad_()\ny = x.flip(1)\nprint(y, torch.flip(x, [0, 1]), x.flip(0, 1), torch.flip(x, (0,)))\n(y * torch.tensor([1., 2., 3.])).sum().backward()\nprint(x.grad)\nprint(torch.arange(4).flip(0), torch.zeros(0, 2).flip(0).shape, torch.tensor(3.).flip(()))\nx.flip(0, 0)\n",
"flipDimError": "import torch\ntorch.zeros(2, 3).flip(2)\n",
"createGraphNodes": "import torch\nx = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)\nfor f in [lambda t: t ** 3, lambda t: t.sigmoid(), lambda t: t.tanh(), lambda t: t.abs() ** 2.5, lambda t: 3 ** t, lambda t: t.pow(torch.tensor(2.)), lambda t: t.exp(), lambda t: t.sqrt()]:\n    g, = torch.autograd.grad(f(x).sum(), x, create_graph=True)\n    h, = torch.autograd.grad(g.sum(), x)\n    print(g, h)\nw = torch.tensor([0.3, 0.7], requires_grad=True)\ng, = torch.autograd.grad((w * 2).sigmoid().sum(), w, create_graph=True)\nprint(g.grad_fn.name(), g.grad_fn.next_functions[0][0].name())\n(g * torch.tensor([1., 3.])).sum().backward()\nprint(w.grad, torch.autograd.grad(x.pow(0).sum(), x, create_graph=True))\n",
"inplaceErrorNamesSavingNode": "import torch\nx = torch.ones(2, requires_grad=True)\na = x.exp()\nb = a * a\na.add_(1)\ntry:\n    b.sum().backward()\nexcept RuntimeError as e:\n    print(e)\nx = torch.ones(2, requires_grad=True)\nb = (x * 2).exp()\nb.mul_(3)\ntry:\n    b.sum().backward()\nexcept RuntimeError as e:\n    print(e)\ny = x.flip(0)\ny.sum().backward()\ny.sum().backward()\nprint(x.grad)\n",
"trilTriu": "import torch\nx = torch.arange(1., 13.).reshape(3, 4).requires_grad_()\nprint(torch.tril(x), x.triu(1), x.tril(-1), torch.triu(x, diagonal=-1))\nx.tril().sum().backward()\nprint(x.grad)\nprint(torch.tensor([[True, True], [True, True]]).triu(), torch.arange(8).reshape(2, 2, 2).tril())\ny = torch.ones(2, 2, requires_grad=True).triu()\ny.sum().backward()\ny.sum().backward()\ntorch.zeros(3).triu()\n",
"cumsum": "import torch\nx = torch.tensor([3., 1., 2.], requires_grad=True)\ny = torch.cumsum(x, 0)\nprint(y)\n(y * torch.tensor([1., 2., 3.])).sum().backward()\nprint(x.grad)\nprint(torch.arange(6).reshape(2, 3).cumsum(dim=1), torch.tensor([True, True]).cumsum(0), torch.tensor([1, 2], dtype=torch.int32).cumsum(0))\nprint(torch.cumsum(torch.ones(2), 0, dtype=torch.float64), torch.arange(6.).reshape(2, 3).cumsum(-2), torch.tensor(5.).cumsum(0))\ntorch.zeros(2).cumsum(1)\n",
}
for n, c in cases.items():
    out = io.StringIO(); err = None
    with contextlib.redirect_stdout(out):
        try: exec(c, {})
        except Exception as e: err = f"{type(e).__name__}: {e}"
    print(n, repr(c)); print(repr(out.getvalue())); print(repr(err)); print()

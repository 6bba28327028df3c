"""Records PyTorch's output for the snippets of ReduceExtraTests (median / nanmedian / kthvalue / mode, norm,
linalg.norm, F.normalize, diff, count_nonzero, Tensor.unfold, unique) into reduce_extra_cases.json.

Run with the venv's PyTorch: /work/venv/bin/python Tests/SnippetTests/Fixtures/record_reduce_extra.py
Each case's stdout and final `Type: message` line are what `tensorprep run` must print for the same code.
"""
import contextlib, io, json, os, sys, torch

CASES = [
# median / nanmedian: lower median, the lower position among tied medians, NaN propagation, namedtuples.
"""import torch
x = torch.tensor([[1., 2., 2., 3.], [4., 4., 1., 1.], [5., 5., 5., 5.]])
print(x.median(), torch.median(x, 1), x.median(dim=0, keepdim=True))
print(torch.tensor([3, 1, 2, 2]).median(), torch.tensor([[2, 2, 1], [0, 7, 7]]).median(1))
y = torch.tensor([[1., float('nan'), 3.], [2., 1., 0.]])
print(y.median(), y.median(1), y.nanmedian(), y.nanmedian(1), torch.nanmedian(torch.tensor([float('nan')] * 3), 0))
r = x.median(1)
print(r.values, r.indices, r[0], type(r).__name__, torch.zeros(0).median(), torch.tensor(5.).median(0))
torch.zeros(2, 0).median(1)
""",
"""import torch
torch.manual_seed(0)
x = torch.randint(0, 4, (6, 9)).float()
print(x.median(1), x.median(0), x.nanmedian(1).indices)
torch.tensor([1., 2.]).median(2)
""",
# kthvalue: quickselect tie-breaking, errors.
"""import torch
torch.manual_seed(1)
x = torch.randint(0, 3, (5, 12))
for k in [1, 4, 7, 12]:
    print(torch.kthvalue(x, k), x.float().kthvalue(min(k, 5), 0, keepdim=True).indices)
print(torch.tensor([3., float('nan'), 1.]).kthvalue(3), torch.tensor(7).kthvalue(1))
for k in [0, 13]:
    try:
        x.kthvalue(k)
    except RuntimeError as e:
        print(e)
x.kthvalue(2, dim=2)
""",
# mode: most frequent, smallest on ties of counts, index from std::sort.
"""import torch
torch.manual_seed(2)
x = torch.randint(0, 3, (4, 20))
print(x.mode(), torch.mode(x, 0), x.float().mode(1, keepdim=True))
print(torch.tensor([1, 2, 2, 1]).mode(), torch.tensor([5.]).mode(), torch.tensor(4).mode())
big = torch.randint(0, 5, (3, 40))
print(big.mode().indices, big.mode(0).indices)
torch.zeros(0).mode()
""",
# autograd of the selections.
"""import torch
x = torch.tensor([[1., 2., 2., 3.], [4., 4., 1., 1.]], requires_grad=True)
for f in [lambda t: t.median(), lambda t: t.median(1).values, lambda t: t.nanmedian(), lambda t: t.nanmedian(0, keepdim=True).values, lambda t: t.mode(1).values, lambda t: t.kthvalue(2, 1).values, lambda t: t.kthvalue(1, 0, True).values]:
    out = f(x)
    print(out.grad_fn.name())
    g, = torch.autograd.grad((out * torch.arange(1., out.numel() + 1).reshape(out.shape)).sum(), x)
    print(g)
""",
# norm / torch.norm / linalg.norm / vector_norm.
"""import torch
x = torch.tensor([[3., -4., 0.], [1., 2., -2.]])
print(x.norm(), torch.norm(x, p=1), x.norm(dim=1), x.norm(p='fro'), x.norm(p='fro', dim=(0, 1)), x.norm(2, 0, keepdim=True))
print(x.norm(p=float('inf')), x.norm(p=float('-inf'), dim=1), x.norm(p=0), x.norm(p=3, dim=1), x.norm(dtype=torch.float64))
print(torch.linalg.norm(x), torch.linalg.norm(x, ord=1), torch.linalg.norm(x, ord=float('inf')), torch.linalg.norm(x, ord=-1), torch.linalg.norm(x, 'fro'))
print(torch.linalg.norm(x, dim=1), torch.linalg.norm(x[0], ord=1), torch.linalg.norm(x, ord=3, dim=0), torch.linalg.vector_norm(x, ord=1), torch.linalg.norm(x, keepdim=True))
for f in [lambda: torch.tensor([1, 2]).norm(), lambda: torch.linalg.norm(x, ord=2.5), lambda: torch.zeros(3).norm(p='nuc'), lambda: torch.linalg.norm(x[0], 'fro')]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x.norm(dim=2)
""",
"""import torch
x = torch.tensor([[3., -4., 0.], [1., 2., -2.]], requires_grad=True)
for f in [lambda t: t.norm(), lambda t: t.norm(p=1), lambda t: t.norm(dim=1), lambda t: t.norm(p=float('inf')), lambda t: t.norm(p=3, dim=0), lambda t: torch.linalg.norm(t, ord=1)]:
    out = f(x)
    g, = torch.autograd.grad(out.sum(), x)
    print(out.grad_fn.name(), g)
z = torch.zeros(2, requires_grad=True)
z.norm().backward()
print(z.grad, x.norm(p=0).grad_fn.name())
""",
# F.normalize
"""import torch
import torch.nn.functional as F
x = torch.tensor([[3., 4.], [0., 0.], [1., -1.]], requires_grad=True)
y = F.normalize(x)
print(y, F.normalize(x, dim=0), F.normalize(x, p=1, dim=1), F.normalize(x[0], dim=0), F.normalize(x, eps=10.))
y.sum().backward()
print(y.grad_fn.name(), x.grad)
F.normalize(x, dim=3)
""",
# diff and count_nonzero
"""import torch
x = torch.tensor([[1, 4, 9, 16], [2, 3, 5, 7]])
print(torch.diff(x), x.diff(dim=0), x.diff(n=2), x.diff(n=5), torch.diff(x, prepend=torch.tensor([[0], [0]])), x.diff(append=x, dim=0))
print(torch.tensor([True, False, False]).diff(), torch.tensor([1., 2.5, 2.]).diff(n=0))
w = torch.tensor([1., 3., 6.], requires_grad=True)
d = w.diff()
d.backward(torch.tensor([1., 10.]))
print(d.grad_fn.name(), w.grad)
print(torch.count_nonzero(x - 2), x.count_nonzero(dim=1), torch.tensor([[0., 1.], [2., 0.]]).count_nonzero(dim=(0, 1)))
for f in [lambda: torch.tensor(1).diff(), lambda: x.diff(n=-1), lambda: x.diff(prepend=torch.tensor([0]))]:
    try:
        f()
    except RuntimeError as e:
        print(e)
x.diff(dim=3)
""",
# Tensor.unfold: a strided view
"""import torch
x = torch.arange(10.)
u = x.unfold(0, 3, 2)
print(u, u.shape, u.stride(), u.is_contiguous(), x.unfold(0, 10, 1), x.unfold(0, 2, 20).shape)
m = torch.arange(12).reshape(3, 4)
print(m.unfold(1, 2, 1), m.unfold(0, 2, 1).shape, m.unfold(0, 2, 1).stride(), m.unfold(-1, 4, 1))
u[0, 0] = 100.
print(x[0], torch.tensor(3.).unfold(0, 1, 1))
w = torch.arange(6., requires_grad=True)
v = w.unfold(0, 3, 1)
(v * torch.arange(12.).reshape(4, 3)).sum().backward()
print(v.grad_fn.name(), w.grad)
for f in [lambda: x.unfold(0, 11, 1), lambda: x.unfold(0, 2, 0), lambda: x.unfold(1, 2, 1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
torch.unfold(x, 0, 2, 1)
""",
# unique
"""import torch
x = torch.tensor([[3, 1, 3], [2, 1, 5]])
print(torch.unique(x), x.unique(return_inverse=True), torch.unique(x, return_counts=True), torch.unique(x, return_inverse=True, return_counts=True))
print(torch.tensor([2.5, -1., 2.5, 0.]).unique(), torch.tensor([True, False, True]).unique(), torch.tensor([], dtype=torch.long).unique(return_counts=True))
r = torch.tensor([[1, 2], [0, 5], [1, 2]])
print(torch.unique(r, dim=0), r.unique(dim=0, return_inverse=True, return_counts=True), r.unique(dim=1))
torch.unique(x, dim=2)
""",
# edge cases: unique(sorted=False), unfold sizes, linalg.norm dispatch and its errors, empty inf norms, dtypes.
"import torch\nx = torch.tensor([[3., -4., 0.], [1., 2., -2.]])\ndef t(f):\n    try:\n        r = f()\n        print(r)\n    except Exception as e:\n        print(type(e).__name__, e)\nt(lambda: torch.unique(torch.tensor([3, 1, 3, 2]), sorted=False))\nt(lambda: torch.unique(torch.tensor([3, 1, 3, 2]), sorted=False, return_inverse=True))\nt(lambda: torch.arange(5.).unfold(0, 0, 1))\nt(lambda: torch.arange(5.).unfold(0, -1, 1))\nt(lambda: torch.arange(5.).unfold(0, 2, -1))\nt(lambda: torch.linalg.norm(torch.tensor([1, 2])))\nt(lambda: torch.linalg.norm(x, ord=2))\nt(lambda: torch.linalg.norm(x, ord='nuc'))\nt(lambda: torch.norm(x, p='nuc'))\nt(lambda: torch.linalg.norm(x, ord=1, dim=(0, 1), keepdim=True))\nt(lambda: torch.linalg.norm(x, ord=1, dim=0))\nt(lambda: torch.linalg.norm(x, dim=(0, 1)))\nt(lambda: torch.linalg.norm(torch.ones(2, 2, 2)))\nt(lambda: torch.linalg.norm(torch.ones(2, 2, 2), ord=1))\nt(lambda: torch.linalg.norm(torch.ones(2, 2, 2), 'fro'))\nt(lambda: torch.linalg.norm(x, ord=0))\nt(lambda: x.norm(p='abc'))\nt(lambda: x.norm(dim=(0, 1, 1)))\nt(lambda: x.norm(p=-2))\nt(lambda: x.norm(p=0.5, dim=1))\nt(lambda: torch.norm(x, dim=1, p=2, keepdim=True))\nt(lambda: torch.zeros(0).norm())\nt(lambda: torch.zeros(0).norm(p=float('inf')))\nt(lambda: torch.zeros(2, 0).norm(p=float('inf'), dim=0))\nt(lambda: torch.zeros(2, 0).norm(p=float('inf'), dim=1))\nt(lambda: torch.tensor([1, 2, 3]).nanmedian())\nt(lambda: torch.tensor([True, False, True]).median())\nt(lambda: torch.tensor([True, False, True]).mode())\nt(lambda: torch.tensor([[1, 2], [2, 1]]).mode(0))\nt(lambda: torch.tensor(5).unique(return_inverse=True))\nt(lambda: x.diff(n=1, dim=0, prepend=torch.zeros(1, 2)))\nt(lambda: x.diff(prepend=torch.zeros(2, 1, dtype=torch.float64)))\nt(lambda: torch.tensor([1, 2]).diff(prepend=torch.tensor([0.5])))\nt(lambda: torch.nn.functional.normalize(torch.tensor([1, 2])))\nt(lambda: torch.nn.functional.normalize(torch.tensor([[1., 2.]]), p=float('inf')))\nt(lambda: torch.count_nonzero(x, dim=(0, 0)))\nt(lambda: torch.count_nonzero(torch.tensor(0.)))\nt(lambda: x.unique(dim=1, return_counts=True))\nt(lambda: torch.tensor([[1., float('nan')], [1., float('nan')]]).unique(dim=0))\nt(lambda: torch.linalg.vector_norm(x, ord='fro'))\nt(lambda: torch.linalg.vector_norm(torch.tensor([1, 2]), dtype=torch.float32))\nt(lambda: x.norm(dtype=torch.int64))\nt(lambda: torch.median(x, 1, True).values.shape)\ntorch.linalg.norm(x, ord=2.5)\n",
# bool inputs, empty -inf norms, spectral / nuclear norms.
"import torch\ndef t(f):\n    try:\n        print(f())\n    except Exception as e:\n        print(type(e).__name__, e)\nb = torch.tensor([[True, False, True]])\nt(lambda: torch.zeros(0).norm(p=float('-inf')))\nt(lambda: torch.zeros(2, 0).norm(p=float('-inf'), dim=(0, 1)))\nt(lambda: torch.zeros(2, 0, 3).norm(p=float('inf'), dim=(0, 1)))\nt(lambda: b.median(1)); t(lambda: b.nanmedian()); t(lambda: b.kthvalue(1)); t(lambda: b.unique()); t(lambda: b.diff()); t(lambda: b.count_nonzero())\nt(lambda: torch.tensor([1, 2]).nanmedian(0))\nt(lambda: torch.linalg.norm(torch.ones(2, 2, 2), dim=(1, 2), ord=2))\nt(lambda: torch.linalg.norm(torch.tensor([[1., 2.], [3., 4.]], requires_grad=True), ord=2).grad_fn.name())\nt(lambda: torch.linalg.norm(torch.tensor([[1., 2.], [3., 4.]], requires_grad=True), ord='nuc').grad_fn.name())\nt(lambda: torch.norm(torch.tensor([[1., 2.], [3., 4.]], requires_grad=True), p='nuc').grad_fn.name())\nt(lambda: torch.norm(torch.tensor([[1., 2.], [3., 4.]]), p='nuc', dim=1))\nt(lambda: torch.linalg.norm(torch.tensor([[1., 2.], [3., 4.]]), ord=-2))\nt(lambda: torch.norm(torch.tensor([1., 2.]), p='fro', dim=(0, 0)))\ntorch.tensor([[True]]).kthvalue(1)\n",
"import torch\ndef t(f):\n    try:\n        print(f())\n    except Exception as e:\n        print(type(e).__name__, e)\nx = torch.tensor([[3., -4., 0.], [1., 2., -2.]])\nt(lambda: torch.linalg.norm(x, dim=(0, 1, 1)))\nt(lambda: torch.linalg.norm(x[0], 'nuc'))\nt(lambda: torch.linalg.norm(x, 'nuc', dim=0))\nt(lambda: torch.linalg.norm(x, 'fro', dim=0))\nt(lambda: torch.linalg.norm(x, ord=2, keepdim=True))\nt(lambda: torch.linalg.norm(torch.ones(2,3,2), ord=2, dim=(0, 2)))\nt(lambda: torch.norm(torch.ones(2,3,2), p='nuc'))\nt(lambda: torch.zeros(3).norm(p='nuc'))\nt(lambda: torch.linalg.norm(x, ord=1, keepdim=True).grad_fn)\nt(lambda: torch.linalg.norm(torch.zeros(0, 3), ord=2))\nt(lambda: x.nanmedian(0).indices.dtype)\nt(lambda: torch.tensor([[True]]).nanmedian(0))\ntorch.norm(torch.ones(2, 3, 2), p='nuc')\n",
# spectral (2, -2) and nuclear norms with their gradients (singular values, LinalgSvdBackward0 under Amax/Amin/Sum).
"import torch\ntorch.manual_seed(3)\nfor shape in [(3, 3), (2, 4), (5, 2), (1, 3), (2, 3, 3), (4, 4)]:\n    a = torch.randn(*shape, requires_grad=True)\n    for o in [2, -2, 'nuc']:\n        n = torch.linalg.norm(a, ord=o, dim=(-2, -1))\n        g, = torch.autograd.grad(n.sum(), a)\n        print(shape, o, n.grad_fn.name(), n, g)\ntorch.linalg.norm(torch.ones(2, 2, dtype=torch.long), ord=2)\n",
# torch.linalg / F.normalize imports, namedtuple unpacking and torch.return_types.nanmedian.
"import torch\nimport torch.linalg\nimport torch.linalg as LA\nfrom torch.linalg import norm, vector_norm\nfrom torch.nn.functional import normalize\nx = torch.tensor([[3., 4.], [1., 1.]])\nprint(LA.norm(x), norm(x, dim=1), vector_norm(x, 1), normalize(x, dim=0))\nprint(isinstance(x.nanmedian(0), torch.return_types.nanmedian), type(x.median(0)))\nr = torch.median(x, 1)\nv, i = r\nprint(v, i, r._fields if hasattr(r, '_fields') else None, len(r))\nprint(x.median(dim=-1, keepdim=True), x.norm(2, 1, True))\nLA.norm(x, ord='bad')\n",
# keepdim matrix norms permute back (PermuteBackward0); unique records a node without a derivative; p=0 has no gradient.
"import torch\nx = torch.tensor([[1., -2., 0.], [3., 0., 4.]], requires_grad=True)\nfor f in [lambda t: torch.linalg.norm(t, ord=2, dim=(1, 0), keepdim=True), lambda t: torch.linalg.norm(t.unsqueeze(0), ord='nuc', dim=(0, 2), keepdim=True), lambda t: torch.linalg.norm(t, ord=-2, keepdim=True)]:\n    out = f(x)\n    g, = torch.autograd.grad(out.sum(), x)\n    print(out, out.grad_fn.name(), g)\nu = torch.unique(x)\nprint(u, x.unique(dim=1))\ntry:\n    u.sum().backward()\nexcept NotImplementedError as e:\n    print(e)\nn = x.norm(p=0)\nprint(n)\ntorch.autograd.grad(n, x)\n",
# torch.linalg.matrix_norm (fro default, 1, inf, -2, nuc over chosen dims) and its errors.
"import torch\nx = torch.tensor([[[1., -2., 0.], [3., 0., 4.]], [[0., 1., 1.], [2., 2., -1.]]], requires_grad=True)\nprint(torch.linalg.matrix_norm(x), torch.linalg.matrix_norm(x, ord=1), torch.linalg.matrix_norm(x, 'nuc', dim=(0, 2)), torch.linalg.matrix_norm(x, float('inf'), keepdim=True), torch.linalg.matrix_norm(x, -2))\nfor f in [lambda: torch.linalg.matrix_norm(x[0, 0]), lambda: torch.linalg.matrix_norm(x, 3), lambda: torch.linalg.matrix_norm(x, dim=(0,)), lambda: torch.linalg.matrix_norm(x, 'abc')]:\n    try:\n        print(f())\n    except RuntimeError as e:\n        print(e)\nprint(torch.linalg.matrix_norm(x, 2, dim=(2, 1)), torch.linalg.norm(x, 'fro', dim=(0, 2)))\ntorch.linalg.norm(x[0], ord=1, dim=(1, -1))\n",
# in-place writes through a non-overlapping unfold view (AsStridedBackward0 / torch::autograd::CopySlices).
'import torch\nx = torch.arange(6.)\nv = x.unfold(0, 2, 2)\nv.add_(1)\nprint(x, v.stride(), v.is_contiguous())\nw = torch.zeros(4, requires_grad=True).clone()\ns = w.unfold(0, 2, 2)\ns.mul_(2)\nprint(s.grad_fn.name(), w.grad_fn.name(), w.grad_fn.next_functions[0][0].name())\nw.sum().backward()\nw.unfold(0, 2, 2)[0].sum().backward()\n',
]

def run(code):
    out, err = io.StringIO(), None
    with contextlib.redirect_stdout(out):
        try:
            exec(code, {})
        except Exception as e:
            err = f"{type(e).__name__}: {e}"
    return {"code": code, "stdout": out.getvalue(), "error": err}

if __name__ == "__main__":
    cases = [run(c) for c in CASES]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reduce_extra_cases.json")
    with open(path, "w") as f:
        json.dump({"python": f"torch {torch.__version__}", "cases": cases}, f, indent=1)
    print(f"wrote {len(cases)} cases to {path}", file=sys.stderr)

"""Records PyTorch's output for the snippets of NormOpsTests (nn.LayerNorm / F.layer_norm, nn.GELU / F.gelu,
torch.einsum, torch.diag, torch.dist) into norm_ops_cases.json.

Run with the venv's PyTorch: /work/venv/bin/python Tests/SnippetTests/Fixtures/record_norm_ops.py
Each case's stdout and final `Type: message` line are what `tensorprep run` must print for the same code.
"""
import json, os, sys, torch
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from record_reduce_extra import run  # exec one case, capture stdout and the final exception line

CASES = [
# LayerNorm: module repr, forward over one and several trailing dims, gradients of input / weight / bias.
"""import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
ln = nn.LayerNorm(4)
print(ln, nn.LayerNorm([2, 3], eps=1e-3, elementwise_affine=False), nn.LayerNorm(3, bias=False))
x = torch.randn(2, 3, 4, requires_grad=True)
y = ln(x)
print(y, y.grad_fn.name())
with torch.no_grad():
    ln.weight.copy_(torch.randn(4)); ln.bias.copy_(torch.randn(4))
z = ln(x)
(z * torch.arange(24.).view(2, 3, 4)).sum().backward()
# The input gradient agrees with PyTorch's float kernel to a few ulps only, so it is printed to 3 decimals.
print(z, x.grad.round(decimals=3), ln.weight.grad, ln.bias.grad)
print(F.layer_norm(x.detach().double(), (3, 4)), F.layer_norm(x.detach(), [4], weight=torch.full((4,), 2.)))
print([n for n, _ in ln.named_parameters()], nn.LayerNorm(3, elementwise_affine=False).weight)
F.layer_norm(x, [3])
""",
"""import torch
import torch.nn.functional as F
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: F.layer_norm(torch.ones(2, 3), [3], weight=torch.ones(2)))
t(lambda: F.layer_norm(torch.ones(2, 3, dtype=torch.long), [3]))
t(lambda: F.layer_norm(torch.ones(2, 3), []))
t(lambda: F.layer_norm(torch.tensor([[1., 2., 3.], [5., 5., 5.]]), (3,), eps=0.5))
t(lambda: F.layer_norm(torch.zeros(0, 3), [3]))
F.layer_norm(torch.ones(3), [2, 3])
""",
# GELU: exact and tanh forms, module repr, GeluBackward0 and its gradients, float64, errors.
"""import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(1)
print(nn.GELU(), nn.GELU('tanh'), nn.GELU(approximate='none'))
x = torch.randn(3, 5, requires_grad=True)
for a in ['none', 'tanh']:
    y = F.gelu(x, approximate=a)
    g, = torch.autograd.grad(y.sum(), x)
    print(y, y.grad_fn.name(), g)
d = torch.linspace(-6, 6, 13, dtype=torch.float64)
print(F.gelu(d), nn.GELU('tanh')(d), F.gelu(torch.tensor([float('-inf'), float('nan')])))
try:
    F.gelu(torch.tensor([1, 2]))
except NotImplementedError as e:
    print(e)
nn.GELU('x')(x)
""",
# torch.diag: vector -> matrix (DiagEmbedBackward0), matrix -> diagonal copy (DiagonalBackward0_copy), offsets, errors.
"""import torch
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
v = torch.tensor([1., 2., 3.], requires_grad=True)
m = torch.arange(12.).view(3, 4).requires_grad_()
for k in [0, 1, -2]:
    d, e = torch.diag(v, k), m.diag(k)
    gv, = torch.autograd.grad((d * torch.arange(float(d.numel())).view(d.shape)).sum(), v)
    gm, = torch.autograd.grad((e * 10).sum(), m)
    print(d, e, d.grad_fn.name(), e.grad_fn.name(), gv, gm)
t(lambda: torch.diag(torch.tensor([1, 2]), diagonal=1)); t(lambda: torch.diag(torch.arange(6).view(2, 3), 5))
t(lambda: torch.diag(torch.tensor(3.))); t(lambda: torch.diag(torch.zeros(0)))
torch.diag(torch.ones(2, 2, 2))
""",
# torch.dist: p = 2, 0, 1, 3, inf, broadcasting, DistBackward0 gradients for both operands, integer error.
"""import torch
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
a = torch.tensor([[1., -2., 3.], [0.5, 4., -1.]], requires_grad=True)
b = torch.tensor([2., 0., -1.], requires_grad=True)
for p in [2, 1, 3, float('inf'), 2.5]:
    d = torch.dist(a, b, p)
    ga, gb = torch.autograd.grad(d, (a, b))
    print(p, d, d.grad_fn.name(), ga, gb)
print(a.dist(b), a.dist(b, 0), torch.dist(torch.ones(3, dtype=torch.float64), torch.zeros(3), p=3))
t(lambda: torch.dist(torch.ones(2), torch.zeros(3)))
torch.dist(torch.tensor([1, 2]), torch.tensor([1, 2]))
""",
# torch.einsum: matmul, batch matmul, transpose, trace, diagonal, outer, sums, ellipsis, list operands, gradients, errors.
"""import torch
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
torch.manual_seed(2)
a, b = torch.randn(2, 3, requires_grad=True), torch.randn(3, 4, requires_grad=True)
m, v = torch.randn(3, 3), torch.randn(3)
bs1, bs2 = torch.randn(2, 2, 3), torch.randn(2, 3, 2)
for eq, ops in [('ij,jk->ik', (a, b)), ('ij,jk', (a, b)), ('ij->ji', (a,)), ('ii', (m,)), ('ii->i', (m,)), ('i,j->ij', (v, v)),
                ('ij->', (a,)), ('ij->j', (a,)), ('bij,bjk->bik', (bs1, bs2)), ('i,i->', (v, v)), ('ij,j->i', (m, v)),
                ('...ij->...ji', (bs1,)), ('b...,b...->b', (bs1, bs1)), ('ba', (a,)), ('Ab', (a,)), ('ij , jk -> ik', [a, b])]:
    # detached: contractions end in PyTorch's bmm graph (ViewBackward0), here in mul/sum nodes
    print(eq, (torch.einsum(eq, *ops) if isinstance(ops, tuple) else torch.einsum(eq, ops)).detach())
print(torch.einsum('ij->ji', a).grad_fn.name())
c = torch.einsum('ij,jk->ik', a, b)
ga, gb = torch.autograd.grad((c * torch.arange(8.).view(2, 4)).sum(), (a, b))
print(ga, gb)
x = torch.ones(2, 3)
t(lambda: torch.einsum('ij,jk', x)); t(lambda: torch.einsum('ij', x, x)); t(lambda: torch.einsum('ijk', x))
t(lambda: torch.einsum('i1', x)); t(lambda: torch.einsum('ij->k', x)); t(lambda: torch.einsum('ij->ii', x))
t(lambda: torch.einsum('ij,jk->ik', x, torch.ones(4, 2))); t(lambda: torch.einsum('i.j', x))
t(lambda: torch.einsum('')); t(lambda: torch.einsum('', torch.tensor(3.))); t(lambda: torch.nn.LayerNorm(0)(torch.ones(2, 0)))
torch.einsum('ii', torch.ones(2, 3))
""",
]

if __name__ == "__main__":
    cases = [run(c) for c in CASES]
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "norm_ops_cases.json")
    with open(path, "w") as f:
        json.dump({"python": f"torch {torch.__version__}", "cases": cases}, f, indent=1)
    print(f"wrote {len(cases)} cases to {path}", file=sys.stderr)

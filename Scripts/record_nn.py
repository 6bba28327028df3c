"""Records what PyTorch 2.15 prints for the nn / optim / autograd snippets used in
Tests/MiniTorchTests/NN*Tests.swift, Optim*Tests.swift and Autograd*Tests.swift.

Run:  /work/venv/bin/python Scripts/record_nn.py
Each case prints `== id` followed by the snippet's output; the Swift tests paste these outputs.
"""
import io, contextlib, math
import torch
import torch.nn as nn
import torch.nn.functional as F

CASES = {}
def case(f):
    CASES[f.__name__] = f
    return f

@case
def init_linear():
    torch.manual_seed(42); lin = nn.Linear(3, 2)
    print(lin.weight); print(lin.bias)

@case
def init_conv():
    torch.manual_seed(0); c = nn.Conv2d(1, 2, 3)
    print(c.weight); print(c.bias)

@case
def init_seq():
    torch.manual_seed(1)
    m = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 1))
    for n, p in m.named_parameters(): print(n, p.detach())

@case
def dropout_seeded():
    torch.manual_seed(3)
    print(F.dropout(torch.ones(3, 4), 0.3))
    x = torch.ones(2, 5, requires_grad=True)
    y = nn.Dropout(0.5)(x)
    print(y)
    y.sum().backward()
    print(x.grad)

@case
def bn1d_steps():
    torch.manual_seed(5)
    bn = nn.BatchNorm1d(3)
    for _ in range(3):
        x = torch.randn(5, 3)
        y = bn(x)
    print(y)
    print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
    bn.eval()
    print(bn(x))

@case
def bn_backward():
    torch.manual_seed(6)
    bn = nn.BatchNorm2d(2)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([1.5, -0.5])); bn.bias.copy_(torch.tensor([0.1, 0.2]))
    x = torch.randn(2, 2, 2, 3, requires_grad=True)
    y = bn(x)
    (y * torch.arange(24.).reshape(2, 2, 2, 3)).sum().backward()
    print(x.grad); print(bn.weight.grad); print(bn.bias.grad)
    print(bn.running_var)

@case
def bn_momentum_none():
    bn = nn.BatchNorm1d(2, momentum=None)
    bn(torch.tensor([[1., 2.], [3., 5.]])); bn(torch.tensor([[0., 1.], [4., 1.]]))
    print(bn.running_mean, bn.running_var)
    print(bn)

@case
def sgd_variants():
    for kw in [dict(lr=0.1, momentum=0.9, nesterov=True), dict(lr=0.05, momentum=0.5, dampening=0.3, weight_decay=0.01),
               dict(lr=0.2, weight_decay=0.1, maximize=True)]:
        w = torch.tensor([1.5, -0.7, 0.3], requires_grad=True)
        opt = torch.optim.SGD([w], **kw)
        for _ in range(4):
            opt.zero_grad()
            (w ** 3).sum().backward()
            opt.step()
        print(w.tolist())

@case
def adam_variants():
    for kw in [dict(lr=0.01), dict(lr=0.05, betas=(0.8, 0.99), weight_decay=0.1), dict(lr=0.1, amsgrad=True, eps=1e-6)]:
        w = torch.tensor([1.5, -0.7, 0.3], requires_grad=True)
        opt = torch.optim.Adam([w], **kw)
        for i in range(5):
            opt.zero_grad()
            ((w - i * 0.1) ** 2).sum().backward()
            opt.step()
        print(w.tolist())

@case
def train_loop():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
    x = torch.randn(16, 4)
    y = x.sum(1, keepdim=True) * 0.5
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for i in range(20):
        opt.zero_grad()
        loss = F.mse_loss(model(x), y)
        loss.backward()
        opt.step()
        if i % 5 == 4: print(i, loss.item())
    print(model[2].bias)

@case
def losses():
    logits = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.0, 2.0], [0.3, 0.3, 0.3]], requires_grad=True)
    t = torch.tensor([1, 2, -100])
    w = torch.tensor([1.0, 2.0, 0.5])
    l = F.cross_entropy(logits, t, weight=w)
    print(l); l.backward(); print(logits.grad)
    print(F.cross_entropy(logits, torch.tensor([0, 1, 2]), reduction='sum'))
    print(F.nll_loss(F.log_softmax(logits, 1), torch.tensor([0, 1, 2]), reduction='none'))
    print(F.cross_entropy(logits, torch.tensor([0, 1, 2]), label_smoothing=0.1))
    a = torch.tensor([1., 2., 3.], requires_grad=True)
    m = F.mse_loss(a, torch.tensor([0.5, 2.5, 1.0]), reduction='sum')
    print(m); m.backward(); print(a.grad)
    print(F.l1_loss(a, torch.zeros(3)))

@case
def softmax_grads():
    x = torch.tensor([[1., 2., 3.], [0.5, -0.5, 0.0]], requires_grad=True)
    s = F.softmax(x, dim=0)
    print(s)
    (s * torch.tensor([[1., 2., 3.], [4., 5., 6.]])).sum().backward()
    print(x.grad)
    x.grad = None
    ls = F.log_softmax(x, dim=1)
    print(ls)
    (ls * torch.tensor([[1., 0., 0.], [0., 0., 1.]])).sum().backward()
    print(x.grad)

@case
def reprs():
    print(nn.Conv2d(3, 8, 3, stride=2, padding=1, bias=False))
    print(nn.Conv2d(4, 4, (2, 3), groups=2, dilation=2))
    print(nn.BatchNorm2d(16, eps=1e-3, momentum=0.2, affine=False))
    print(nn.Softmax(dim=1), nn.LogSoftmax(dim=-1), nn.Softmax())
    print(nn.Dropout(0.25), nn.ReLU(inplace=True), nn.Flatten(), nn.Identity())
    print(nn.MSELoss(), nn.CrossEntropyLoss(), nn.Linear(2, 3, bias=False))
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(2, 2)
            self.body = nn.Sequential(nn.Linear(2, 4), nn.Tanh())
            self.head = nn.Linear(4, 1)
    net = Net()
    print(net)
    print([n for n, _ in net.named_parameters()])
    print([n for n, _ in net.named_children()])
    print(len(list(net.modules())))
    seq = nn.Sequential(nn.Linear(2, 2), nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2)))
    print(list(seq.state_dict().keys()))
    print(seq[1:])

@case
def autograd_graph():
    x = torch.tensor([1., 2.], requires_grad=True)
    y = (x * 2 + 1).sum()
    print(y.grad_fn.name(), y.grad_fn.next_functions[0][0].name(), y.grad_fn.next_functions[0][0].next_functions)
    w = torch.ones(3, 2, requires_grad=True)
    b = torch.zeros(3, requires_grad=True)
    out = F.linear(torch.ones(4, 2), w, b)
    print(out.grad_fn.name(), [(f.name() if f else None, n) for f, n in out.grad_fn.next_functions])
    out3 = F.linear(torch.ones(5, 4, 2), w, b)
    print(out3.grad_fn.name(), out3.shape)
    out3.sum().backward()
    print(w.grad, b.grad)

@case
def autograd_higher():
    x = torch.tensor([1., 2.], requires_grad=True)
    y = (x ** 3).sum()
    g, = torch.autograd.grad(y, x, create_graph=True)
    print(g)
    g2, = torch.autograd.grad(g.sum(), x)
    print(g2)
    a = torch.tensor([0.5, -1.5], requires_grad=True)
    z = torch.tanh(a) * a.exp()
    ga, = torch.autograd.grad(z.sum(), a, create_graph=True)
    h, = torch.autograd.grad(ga.sum(), a)
    print(ga.detach(), h)

for name, f in CASES.items():
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        f()
    print("== " + name)
    print(buf.getvalue(), end="")

# t3 (checked once by hand, kept for the record):
#   torch.tensor([1,2]).requires_grad_()  -> RuntimeError: only Tensors of floating point dtype can require gradients
#   x.requires_grad = True (int)          -> RuntimeError: only Tensors of floating point and complex dtype can require gradients
#   torch.autograd.grad((x**3).sum(), x, create_graph=True)[0].grad_fn -> MulBackward0

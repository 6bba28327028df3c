#!/usr/bin/env python3
"""Records what real PyTorch 2.15 / numpy print for the snippets below and writes them into
Tests/SnippetTests/TorchRecordedCases.swift, the expectations of TorchSnippetTests (end-to-end runs of the
snippet interpreter's torch and numpy bindings).

Run with the virtualenv that has torch:  /work/venv/bin/python Scripts/record_snippets.py
Each snippet runs in a fresh interpreter; the case stores stdout and, for an uncaught exception, its type and
the first line of its message (what `tensorprep run` prints as the last line of the traceback).
These snippets are NEW (other values and shapes than ../shared/conformance), so the tests check the bindings
on cases the conformance transcripts do not contain.
"""
import json
import os
import subprocess
import sys

CASES = {
    # creation and dtypes
    "create_infer": """import torch
print(torch.tensor([[3, 4, 5]]), torch.tensor([0.5, 2]), torch.tensor([False, True, True]))
print(torch.tensor(7), torch.tensor(7).shape, torch.tensor(-2.25).item())
print(torch.tensor([1, 2], dtype=torch.float32).dtype, torch.tensor([1.5], dtype=torch.int64))
print(torch.IntTensor([4, 5]).type(), torch.BoolTensor([1, 0]))
print(torch.Tensor(3).shape, torch.Tensor(2, 1).dtype, torch.LongTensor(2).dtype)
print(torch.full((1, 3), 2), torch.full((2,), 1.5).dtype)
print(torch.arange(2, 11, 3), torch.arange(0.5, 2.0, 0.25))
print(torch.linspace(-1, 1, 3), torch.eye(2, 3), torch.ones(2, 2, dtype=torch.bool))
""",
    "create_like_and_default_dtype": """import torch
x = torch.tensor([[1, 2], [3, 4]])
print(torch.full_like(x, 9), torch.zeros_like(x, dtype=torch.float64))
print(torch.get_default_dtype())
torch.set_default_dtype(torch.float64)
print(torch.tensor([1.5]).dtype, torch.ones(1).dtype, torch.get_default_dtype())
""",
    "numpy_roundtrip": """import numpy as np
import torch
a = np.arange(6).reshape(2, 3)
t = torch.from_numpy(a)
t[0, 0] = 50
print(a)
print(t.dtype, a.dtype, repr(a.dtype))
b = torch.tensor(a)
a[1, 1] = -1
print(b)
print(torch.ones(2, 2).numpy().dtype, repr(torch.arange(3).numpy()))
""",
    "legacy_tensor_error": """import torch
torch.tensor([[1.0], [2.0, 3.0]])
""",
    # printing
    "print_floats": """import torch
print(torch.tensor([0.001, 1000.0]))
print(torch.tensor([2.5, 3.0, -0.125]))
print(torch.tensor([[1e-8, 1.0], [3.0, 4.0]]))
print(torch.tensor([123456789.0]))
print(torch.arange(6).reshape(3, 2) * 1.5)
""",
    "print_grad_and_dtype_suffix": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x + 1) * x
print(y)
print(y.mean())
print(torch.tensor([1, 2], dtype=torch.int32), torch.tensor([0.5], dtype=torch.float64))
print([torch.tensor(1), torch.tensor([2.0])])
print((torch.tensor([1.0]), 3))
""",
    "print_summarize": """import torch
print(torch.arange(1500).reshape(3, 500))
print(torch.zeros(2, 0))
""",
    "set_printoptions": """import torch
torch.set_printoptions(precision=2)
print(torch.tensor([1.23456, 2.5]))
torch.set_printoptions(precision=4)
print(torch.tensor([1.23456]))
""",
    # attributes
    "attributes": """import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(x.size(), x.size(-1), x.dim(), x.numel(), x.ndim, len(x))
print(x.stride(), x.stride(1), x.is_contiguous(), x.permute(2, 0, 1).is_contiguous())
print(x.dtype, x.device, x.is_cuda, x.type(), x.requires_grad, x.is_leaf, x.grad, x.grad_fn)
print(x.shape == (2, 3, 4), x.shape[1:], x.T.shape, type(x.shape))
print(x[0, 0].tolist(), x.long().dtype, x.int().type(), x.bool()[0, 0, :2], x.double().dtype)
print(x.to(torch.int64).dtype, x.to('cpu').device, torch.tensor(2.5).item(), torch.tensor([7]).item())
""",
    # shape ops
    "shape_ops": """import torch
x = torch.arange(8).reshape(2, 4)
print(x.view(4, 2), x.reshape(-1).shape, x.unsqueeze(0).shape, x.t().shape)
print(torch.cat([x, x], dim=-1).shape, torch.stack([x, x, x]).shape)
print(x.chunk(2, dim=1))
print(torch.split(x, [1, 3], dim=1))
print(x.flatten(), x[:, None, :].squeeze(1).shape, x.transpose(0, 1).contiguous().view(8))
print(x.expand(3, 2, 4).shape, x.repeat(1, 2))
""",
    "shape_view_error": """import torch
torch.arange(6).reshape(2, 3).view(4)
""",
    # indexing
    "index_read": """import torch
x = torch.arange(20).reshape(4, 5)
print(x[2], x[-1, -1], x[1:3, ::2], x[..., 1], x[:, [0, 4]])
print(x[torch.tensor([3, 0])], x[x > 15], x[[1, 2], [3, 4]])
print(x[None, 1, :2].shape, x[..., None].shape)
""",
    "index_write": """import torch
x = torch.zeros(3, 4)
x[1] = 5
x[:, 0] = torch.tensor([1., 2., 3.])
x[2, 1:3] = 7.5
x[x == 5] = -1
print(x)
y = torch.arange(5)
y[[0, 2]] = 10
print(y)
""",
    "index_error": """import torch
torch.arange(6).reshape(3, 2)[0, 5]
""",
    # arithmetic
    "arith": """import torch
a = torch.tensor([[2, 4], [6, 8]])
b = torch.tensor([1.5, -1.0])
print(a + b, a - 1, 3 - a, a * b, 2 * a)
print(a / 4, 10 / a, a // 3, -7 // a, a % 3, a ** 0.5, 2 ** a)
print(a @ torch.tensor([[1], [0]]), (a > 3) | (a == 2), ~(a > 3), a.abs(), abs(-a))
c = torch.ones(2)
c -= 0.5
c *= 4
c /= 2
print(c)
""",
    "arith_promotion": """import torch
i = torch.tensor([1, 2], dtype=torch.int32)
print((i * 2).dtype, (i * 2.5).dtype, (i + torch.tensor([1.0], dtype=torch.float64)).dtype)
print((torch.tensor([True]) + 1).dtype, (torch.tensor(1.5) + i).dtype, (i / 2).dtype)
""",
    "arith_inplace_cast_error": """import torch
x = torch.tensor([1, 2])
x += 0.5
""",
    "math_functions": """import torch
x = torch.tensor([-2.0, 0.5, 3.0])
print(torch.exp(x), x.log(), torch.sqrt(x.abs()), x.pow(3), torch.clamp(x, min=0), x.clamp(-1, 1))
print(torch.sigmoid(x), torch.tanh(x), x.relu(), torch.softmax(x, dim=0), torch.log_softmax(x, 0))
print(torch.where(x > 0, x, -x), x.masked_fill(x < 0, 0.0), torch.maximum(x, torch.zeros(3)))
""",
    # reductions
    "reduce": """import torch
x = torch.tensor([[4., 1., 7.], [2., 9., 3.]])
print(x.sum(), x.sum(dim=0), x.sum(1, keepdim=True), torch.sum(x, (0, 1)))
print(x.mean(0), x.std(1), x.var(), x.prod(), x.min(1), x.argmax(1))
v, i = torch.max(x, 1, keepdim=True)
print(v, i)
r = x.min(dim=0)
print(r.values, r.indices, r[0])
print(torch.max(x, torch.full((2, 3), 5.)))
""",
    "reduce_int_mean_error": """import torch
torch.arange(4).float().sum()
torch.arange(4).mean(dim=0)
""",
    # gather / scatter
    "gather_new": """import torch
x = torch.tensor([[10, 11, 12, 13], [20, 21, 22, 23], [30, 31, 32, 33]])
print(torch.gather(x, 0, torch.tensor([[2, 1, 0, 2]])))
print(x.gather(1, torch.tensor([[3], [0], [1]])))
print(x.gather(-1, torch.tensor([[1, 1, 2], [0, 0, 0], [3, 2, 1]])))
print(torch.take_along_dim(x, torch.tensor([[0, 3]]), dim=1))
print(x.index_select(1, torch.tensor([3, 1])))
""",
    "gather_errors": """import torch
x = torch.zeros(2, 3)
try:
    x.gather(1, torch.tensor([[0, 1], [2, 3]]))
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    torch.gather(x, 0, torch.tensor([[0.5]]))
except RuntimeError as e:
    print('RuntimeError:', e)
torch.gather(x, 2, torch.tensor([[0]]))
""",
    "scatter_new": """import torch
z = torch.zeros(2, 5, dtype=torch.long)
print(z.scatter(1, torch.tensor([[4, 0], [1, 1]]), torch.tensor([[7, 8], [9, 6]])))
print(torch.zeros(4).scatter_(0, torch.tensor([3, 1]), 2.5))
print(torch.ones(2, 3).scatter_(1, torch.tensor([[0], [2]]), 4.0, reduce='add'))
print(torch.zeros(3).scatter_add(0, torch.tensor([2, 2, 0, 2]), torch.tensor([1., 2., 3., 4.])))
print(torch.tensor([5., 5., 5.]).scatter_reduce(0, torch.tensor([0, 0, 2]), torch.tensor([1., 9., 3.]), reduce='amin'))
print(torch.tensor([2., 2.]).scatter_reduce(0, torch.tensor([1, 1]), torch.tensor([3., 4.]), reduce='prod', include_self=False))
""",
    "scatter_dtype_error": """import torch
torch.zeros(3, dtype=torch.long).scatter_(0, torch.tensor([1]), torch.tensor([2.0]))
""",
    # autograd
    "autograd_new": """import torch
x = torch.tensor([0.5, 1.5, -2.0], requires_grad=True)
y = (x ** 3 - 2 * x).sum()
y.backward()
print(x.grad)
w = torch.tensor([[1., -1.], [2., 0.5]], requires_grad=True)
out = (w @ torch.tensor([3., 4.])).pow(2).mean()
out.backward()
print(w.grad, out.grad_fn.name(), out.grad_fn.next_functions[0][0].name())
a = torch.tensor(3.0, requires_grad=True)
(g,) = torch.autograd.grad(a * a * a, a)
print(g, a.grad)
""",
    "autograd_accumulate_and_no_grad": """import torch
x = torch.ones(3, requires_grad=True)
for _ in range(2):
    (x * torch.tensor([1., 2., 3.])).sum().backward()
print(x.grad)
x.grad = None
with torch.no_grad():
    z = x * 4
print(z.requires_grad, torch.is_grad_enabled())
torch.set_grad_enabled(False)
print((x * 2).requires_grad)
torch.set_grad_enabled(True)
print((x * 2).requires_grad, x.detach().requires_grad, x.requires_grad_(False).requires_grad)
""",
    "autograd_leaf_error": """import torch
x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.requires_grad = False
""",
    "autograd_int_error": """import torch
torch.tensor([1, 2], requires_grad=True)
""",
    # conv / im2col
    "unfold_fold_new": """import torch
import torch.nn.functional as F
x = torch.arange(12.).reshape(1, 1, 3, 4)
c = F.unfold(x, kernel_size=(2, 2), stride=(1, 2))
print(c.shape)
print(c)
print(F.fold(c, output_size=(3, 4), kernel_size=(2, 2), stride=(1, 2)))
""",
    "conv_new": """import torch
import torch.nn.functional as F
x = torch.arange(18.).reshape(1, 2, 3, 3)
w = torch.tensor([[[[1., 0.], [0., -1.]], [[0.5, 0.5], [0.5, 0.5]]]])
print(F.conv2d(x, w))
print(F.conv2d(x, w, bias=torch.tensor([-1.]), padding=1, stride=2))
print(F.max_pool2d(x, 2, stride=1), F.avg_pool2d(x, kernel_size=3))
""",
    "conv_error": """import torch
import torch.nn.functional as F
F.conv2d(torch.ones(1, 3, 4, 4), torch.ones(1, 2, 2, 2))
""",
    # nn
    "nn_module_subclass": """import torch
import torch.nn as nn
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(2, 3)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(3, 1, bias=False)
        self.scale = 2
    def forward(self, x):
        return self.fc2(self.act(self.fc1(x))) * self.scale
net = Net()
print(net)
print([n for n, p in net.named_parameters()])
with torch.no_grad():
    for p in net.parameters():
        p.fill_(0.5)
print(net(torch.tensor([[1., -1.], [2., 2.]])))
print(net.training, net.eval().training, net.fc1.training)
""",
    "nn_layers_repr": """import torch
import torch.nn as nn
print(nn.Conv2d(1, 4, 3, stride=2, padding=1))
print(nn.Conv2d(2, 2, (1, 3), bias=False))
print(nn.BatchNorm2d(3), nn.Dropout(), nn.Flatten(0), nn.MSELoss(), nn.CrossEntropyLoss())
seq = nn.Sequential(nn.Linear(1, 2), nn.Tanh(), nn.Sigmoid())
print(seq[0], len(seq), seq[-1])
print(seq[1:])
""",
    "nn_losses": """import torch
import torch.nn as nn
import torch.nn.functional as F
p = torch.tensor([[0.5, 1.5, -1.0], [2.0, 0.0, 0.0]])
t = torch.tensor([2, 0])
print(nn.CrossEntropyLoss()(p, t), F.cross_entropy(p, t, reduction='sum'))
print(nn.MSELoss(reduction='none')(torch.tensor([1., 3.]), torch.tensor([0., 0.])), F.mse_loss(torch.tensor([2.]), torch.tensor([4.])))
print(F.softmax(p, dim=1), F.relu(torch.tensor([-1., 1.])))
""",
    "nn_seeded_init": """import torch
import torch.nn as nn
torch.manual_seed(7)
lin = nn.Linear(2, 2)
print(lin.weight, lin.bias)
conv = nn.Conv2d(1, 1, 2)
print(conv.weight)
""",
    # optim
    "optim_new": """import torch
w = torch.tensor([2., -3.], requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1, momentum=0.5)
for i in range(3):
    opt.zero_grad()
    loss = ((w - 1) ** 2).sum()
    loss.backward()
    opt.step()
    print(i, w.detach(), round(loss.item(), 4))
a = torch.tensor([1., 1.], requires_grad=True)
adam = torch.optim.Adam([a], lr=0.5)
for _ in range(3):
    adam.zero_grad()
    (a * torch.tensor([1., -2.])).sum().backward()
    adam.step()
print(a)
""",
    # rng
    "rng_new": """import torch
torch.manual_seed(3)
print(torch.rand(2, 2))
print(torch.randn(4))
print(torch.randint(5, (3,)), torch.randint(-2, 2, (2, 2)))
torch.manual_seed(3)
print(torch.rand(1))
""",
    # numpy
    "numpy_basics": """import numpy as np
a = np.array([1.0, 2.5, -3.0])
b = np.array([[1, 2], [3, 4]], dtype=np.float32)
print(a, repr(a), a.dtype, a.shape)
print(b, repr(b))
print(np.zeros(3), np.ones((2, 2), dtype=np.int64), np.arange(4), repr(np.arange(2.0)))
print(b.sum(), b.mean(), a.sum(), b.T, b.reshape(4), b.astype(np.int32))
print(np.round(np.array([1.256, 2.5]), 1), np.array_equal(b, b), np.allclose(a, a + 1e-9))
print(np.float32, np.dtype('float32'), b.dtype == np.float32, b.tolist())
""",
    "numpy_arith_and_index": """import numpy as np
a = np.array([1, 2, 3])
print(a / 2, a * 1.5, a + 1, a // 2, (a * 2).dtype, (a / 1).dtype)
f = np.array([0.5, 1.5], dtype=np.float32)
print(f * 2, (f * 2).dtype, (f + np.array([1, 1])).dtype)
a += 1
print(a)
a[0] = 10
a[1:] = 0
print(a, a[0], repr(a[0]), a[-1] + 1)
m = np.arange(6).reshape(2, 3)
print(m[1], m[:, 1], m[m > 2], m[0, 1:])
m[m > 3] = -1
print(m)
""",
    # more attributes, autograd graph, grad mode, numpy and error texts
"mode_more": """import torch
import torch.nn as nn
m = nn.Sequential(nn.Linear(2, 2), nn.BatchNorm1d(2), nn.Dropout(0.3))
print(m.training, [c.training for c in m.children()])
m.eval()
print([c.training for c in m.children()])
bn = nn.BatchNorm1d(3, momentum=None)
print(bn)
print(bn.num_batches_tracked, bn.running_var)
""",
"grad_fn_graph": """import torch
a = torch.tensor([1., 2.], requires_grad=True)
b = a * 3 + 1
c = b.exp().sum()
print(c.grad_fn.name(), [type(f[0]).__name__ if f[0] is None else f[0].name() for f in c.grad_fn.next_functions])
print(b.grad_fn.next_functions[0][0].name(), b.grad_fn.next_functions[0][0].next_functions[0][0].name())
print(a.grad_fn is None, b.is_leaf, b.requires_grad)
""",
"backward_gradient_arg": """import torch
x = torch.tensor([[1., 2.], [3., 4.]], requires_grad=True)
y = x * x
y.backward(gradient=torch.ones(2, 2) * 0.5)
print(x.grad)
z = x.sum()
z.backward(retain_graph=True)
z.backward()
print(x.grad)
""",
"no_grad_decorator_and_enable": """import torch
x = torch.ones(2, requires_grad=True)
with torch.no_grad():
    with torch.enable_grad():
        y = x * 2
    z = x * 2
print(y.requires_grad, z.requires_grad, torch.is_grad_enabled())
with torch.set_grad_enabled(False):
    w = x + 1
print(w.requires_grad, torch.is_grad_enabled())
""",
"tensor_methods_misc": """import torch
x = torch.tensor([[3., -1.], [0., 2.]])
print(x.clone(), x.detach().requires_grad, x.contiguous().is_contiguous())
print(x.new_zeros(2), x.new_ones((1, 2)), x.new_tensor([1, 2]), x.new_full((2,), 3.))
print(x.fill_(1.5), x.zero_(), x.copy_(torch.tensor([[1, 2], [3, 4]])))
print(x.numpy(), x.tolist(), x.sum().item(), float(x[0, 0]), int(x[1, 1]))
print(x.argmax(), x.argmax(dim=0), x.max(dim=1).values, x.min(), torch.argmin(x))
""",
"numpy_more": """import numpy as np
a = np.array([[1.5, 2.0], [3.25, -4.0]])
print(a.max(), a.min(axis=0), a.sum(axis=1), a.mean(axis=0), a.shape, a.ndim, a.size)
print(np.array([1, 2, 3], dtype=np.float32), np.array([True, False]), np.zeros((2, 3), dtype=np.int32))
print(repr(np.array([1, 2, 3], dtype=np.float32)), repr(np.zeros((2, 2))), repr(np.array([True])))
b = a.copy()
b *= 2
print(b, a[0])
print(np.exp(np.array([0.0, 1.0])), np.sqrt(np.array([4, 9])))
print(np.array([0.1, 0.2], dtype=np.float32) + 0.1, np.float32(0.1), np.float64(2.5) * 2)
""",
"reprs_in_containers": """import torch
d = {'w': torch.tensor([1.0]), 'n': 3}
print(d)
print([torch.zeros(2, 2)])
print(torch.tensor([1.0]).dtype, [torch.float64, torch.int32])
print(torch.device('cpu'), repr(torch.device('cpu')), torch.zeros(1).device == torch.device('cpu'))
print(f"{torch.tensor(3.14159):.2f}", f"{torch.tensor([1, 2])}")
""",
"optim_param_groups": """import torch
w = torch.zeros(2, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
print(opt.param_groups[0]['lr'], len(opt.param_groups), opt.param_groups[0]['momentum'])
opt2 = torch.optim.Adam([w])
print(opt2.param_groups[0]['betas'], opt2.param_groups[0]['lr'])
""",
"errors_misc": """import torch
try:
    torch.ones(2, 3) @ torch.ones(2, 3)
except RuntimeError as e:
    print(e)
try:
    torch.zeros(2, 2).view(3)
except RuntimeError as e:
    print(e)
try:
    torch.ones(3).reshape(2, 2)
except RuntimeError as e:
    print(e)
try:
    torch.tensor([1, 2]).item()
except RuntimeError as e:
    print(e)
try:
    torch.stack([torch.zeros(2), torch.zeros(3)])
except RuntimeError as e:
    print(e)
torch.zeros(2).unsqueeze(3)
""",
"chunk_split_unbind": """import torch
x = torch.arange(7)
print([c.tolist() for c in torch.chunk(x, 3)], [len(s) for s in x.split(2)])
print(torch.arange(6).reshape(2, 3).unbind(1))
print(x.narrow(0, 2, 3), x[1:4].clone())
""",
"scatter_one_hot": """import torch
import torch.nn.functional as F
y = torch.tensor([0, 2, 1, 2])
oh = torch.zeros(4, 3).scatter_(1, y.view(-1, 1), 1)
print(oh, F.one_hot(y), F.one_hot(y, num_classes=4).shape)
print(torch.zeros(2, 4).scatter(1, torch.tensor([[1, 2], [0, 3]]), torch.tensor([[1., 2.], [3., 4.]])).sum(0))
""",
    # a training loop with a Module subclass, .data, advanced indexing, losses by hand, broadcasting
"train_loop_subclass": """import torch
import torch.nn as nn
torch.manual_seed(1)
class TwoLayer(nn.Module):
    def __init__(self, d_in, d_hidden):
        super(TwoLayer, self).__init__()
        self.hidden = nn.Linear(d_in, d_hidden)
        self.out = nn.Linear(d_hidden, 1)
    def forward(self, x, scale=1.0):
        h = torch.relu(self.hidden(x))
        return self.out(h) * scale
model = TwoLayer(3, 4)
print(model.hidden)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
x = torch.randn(8, 3)
y = x.sum(dim=1, keepdim=True)
opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
loss_fn = nn.MSELoss()
for step in range(5):
    opt.zero_grad()
    loss = loss_fn(model(x, scale=2.0), y)
    loss.backward()
    opt.step()
print(round(loss.item(), 4), model.out.weight.grad.shape)
for p in model.hidden.parameters():
    p.requires_grad = False
print([p.requires_grad for p in model.parameters()])
print(len(list(model.children())), type(model).__name__, isinstance(model, nn.Module))
model.zero_grad()
print(model.out.weight.grad)
""",
"data_and_grad_data": """import torch
w = torch.tensor([1.0, 2.0], requires_grad=True)
(w * w).sum().backward()
print(w.grad.data, w.data)
w.data.sub_(0.1 * w.grad.data)
print(w)
w.grad.data.zero_()
print(w.grad)
print(w.detach().numpy())
""",
"index_more": """import torch
x = torch.arange(16).reshape(4, 4)
print(x[1:3, 1:3], x[::2, ::2], x[-2:], x[:, -1])
print(x[[0, 1, 2], [1, 2, 3]], x[torch.tensor([True, False, True, False])])
x[:, 1] += 100
print(x[0])
mask = x > 100
print(mask.sum(), mask.any(), mask.all(), x[mask].shape)
""",
"softmax_ce_manual": """import torch
import torch.nn.functional as F
logits = torch.tensor([[1.0, 2.0, 0.5], [0.1, 0.2, 3.0]])
target = torch.tensor([1, 2])
p = F.softmax(logits, dim=-1)
nll = -torch.log(p.gather(1, target.unsqueeze(1))).mean()
print(p.sum(dim=1), nll, F.cross_entropy(logits, target))
print(torch.allclose(nll, F.cross_entropy(logits, target)))
print(F.log_softmax(logits, dim=1).exp())
""",
"broadcast_shapes": """import torch
a = torch.ones(3, 1, 2)
b = torch.ones(4, 1)
print((a + b).shape, (a * b).sum(), torch.zeros(2, 3).T.shape)
print(torch.arange(3).view(3, 1) * torch.arange(4), torch.arange(3)[:, None] - torch.arange(3)[None, :])
""",
}


def run(code):
    wrapper = (
        "import sys, traceback\n"
        "src = sys.stdin.read()\n"
        "try:\n"
        "    exec(compile(src, '<stdin>', 'exec'), {'__name__': '__main__'})\n"
        "except BaseException as e:\n"
        "    sys.stdout.flush()\n"
        "    msg = str(e).split('\\n')[0]\n"
        "    sys.stderr.write('@@ERROR@@' + type(e).__name__ + '@@' + msg + '\\n')\n"
    )
    p = subprocess.run([sys.executable, "-c", wrapper], input=code, capture_output=True, text=True,
                       env={**os.environ, "PYTHONWARNINGS": "ignore"})
    err = None
    for line in p.stderr.splitlines():
        if line.startswith("@@ERROR@@"):
            t, m = line[len("@@ERROR@@"):].split("@@", 1)
            err = {"type": t, "message": m}
    return p.stdout, err


def swift_string(s):
    return json.dumps(s, ensure_ascii=False)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = [
        "// Generated by Scripts/record_snippets.py from real PyTorch 2.15.0 / numpy (CPU) — do not edit by hand.",
        "// Each case: a snippet, what PyTorch printed, and the uncaught error (type, first line of the message).",
        "",
        "struct RecordedSnippet {",
        "    let name: String",
        "    let code: String",
        "    let stdout: String",
        "    let errorType: String?",
        "    let errorMessage: String?",
        "}",
        "",
        "let recordedTorchSnippets: [RecordedSnippet] = [",
    ]
    for name, code in CASES.items():
        stdout, err = run(code)
        et = swift_string(err["type"]) if err else "nil"
        em = swift_string(err["message"]) if err else "nil"
        out.append(f"    RecordedSnippet(name: {swift_string(name)}, code: {swift_string(code)},")
        out.append(f"                    stdout: {swift_string(stdout)},")
        out.append(f"                    errorType: {et}, errorMessage: {em}),")
    out.append("]")
    path = os.path.join(root, "Tests", "SnippetTests", "TorchRecordedCases.swift")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"wrote {len(CASES)} cases to {path}")


if __name__ == "__main__":
    main()

import Foundation
import Testing
@testable import Snippet

/// PyTorch's own documentation examples (the `>>>` blocks of the docstrings of every SPEC §4 function, method
/// and module), recorded from real PyTorch 2.15.0 (CPU) by Scripts/doc_examples.py into
/// Fixtures/doc_examples.jsonl. Every example listed in `DocExamples.passing` must keep printing exactly what
/// PyTorch printed and end with the same error; the others are listed with the reason in the script's report
/// (dtypes outside SPEC §4 such as int8 / complex, and modules other helpers own).
struct DocExample: Decodable {
    struct RecordedError: Decodable { let type: String; let message: String }
    let id: String
    let code: String
    let stdout: String
    let error: RecordedError?
}

enum DocExamples {
    static let all: [DocExample] = {
        guard let url = Bundle.module.url(forResource: "doc_examples", withExtension: "jsonl", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(DocExample.self, from: Data($0.utf8)) }
    }()

    /// The examples the engine reproduces exactly (regenerate with `Scripts/doc_examples.py --check BIN`).
    static let passing: Set<String> = [
        "doc/F.conv2d/1",
        "doc/F.cross_entropy/1",
        "doc/F.nll_loss/1",
        "doc/F.one_hot/1",
        "doc/F.pad/1",
        "doc/nn.AvgPool2d/1",
        "doc/nn.BatchNorm1d/1",
        "doc/nn.BatchNorm2d/1",
        "doc/nn.CrossEntropyLoss/1",
        "doc/nn.CrossEntropyLoss/2",
        "doc/nn.Dropout/1",
        "doc/nn.Embedding/1",
        "doc/nn.Embedding/2",
        "doc/nn.Flatten/1",
        "doc/nn.Fold/3",
        "doc/nn.GELU/1",
        "doc/nn.Identity/1",
        "doc/nn.L1Loss/1",
        "doc/nn.LayerNorm/1",
        "doc/nn.LeakyReLU/1",
        "doc/nn.Linear/1",
        "doc/nn.LogSoftmax/1",
        "doc/nn.MSELoss/1",
        "doc/nn.MaxPool2d/1",
        "doc/nn.Module.parameters/1",
        "doc/nn.Module.to/1",
        "doc/nn.ModuleList/1",
        "doc/nn.NLLLoss/1",
        "doc/nn.ReLU/1",
        "doc/nn.ReLU/2",
        "doc/nn.Sequential/1",
        "doc/nn.Sigmoid/1",
        "doc/nn.Softmax/1",
        "doc/nn.Tanh/1",
        "doc/optim.SGD/1",
        "doc/torch.Tensor.expand/1",
        "doc/torch.Tensor.is_leaf/1",
        "doc/torch.Tensor.item/1",
        "doc/torch.Tensor.new_empty/1",
        "doc/torch.Tensor.new_full/1",
        "doc/torch.Tensor.new_ones/1",
        "doc/torch.Tensor.new_zeros/1",
        "doc/torch.Tensor.permute/1",
        "doc/torch.Tensor.repeat/1",
        "doc/torch.Tensor.requires_grad_/1",
        "doc/torch.Tensor.scatter_/1",
        "doc/torch.Tensor.scatter_/2",
        "doc/torch.Tensor.scatter_add_/1",
        "doc/torch.Tensor.scatter_reduce_/1",
        "doc/torch.Tensor.size/1",
        "doc/torch.Tensor.stride/1",
        "doc/torch.Tensor.to/1",
        "doc/torch.Tensor.tolist/1",
        "doc/torch.Tensor.view/1",
        "doc/torch.abs/1",
        "doc/torch.add/1",
        "doc/torch.addmm/1",
        "doc/torch.all/1",
        "doc/torch.all/2",
        "doc/torch.allclose/1",
        "doc/torch.amax/1",
        "doc/torch.amin/1",
        "doc/torch.any/1",
        "doc/torch.any/2",
        "doc/torch.arange/1",
        "doc/torch.argmax/1",
        "doc/torch.argmax/2",
        "doc/torch.argmin/1",
        "doc/torch.bmm/1",
        "doc/torch.broadcast_shapes/1",
        "doc/torch.broadcast_tensors/1",
        "doc/torch.broadcast_to/1",
        "doc/torch.can_cast/1",
        "doc/torch.cat/1",
        "doc/torch.ceil/1",
        "doc/torch.chunk/1",
        "doc/torch.clamp/1",
        "doc/torch.count_nonzero/1",
        "doc/torch.cumsum/1",
        "doc/torch.diag/1",
        "doc/torch.diag/2",
        "doc/torch.diagonal/1",
        "doc/torch.div/1",
        "doc/torch.dot/1",
        "doc/torch.einsum/1",
        "doc/torch.einsum/3",
        "doc/torch.enable_grad/1",
        "doc/torch.eq/1",
        "doc/torch.equal/1",
        "doc/torch.exp/1",
        "doc/torch.eye/1",
        "doc/torch.flatten/1",
        "doc/torch.flip/1",
        "doc/torch.flip/2",
        "doc/torch.floor/1",
        "doc/torch.floor_divide/1",
        "doc/torch.from_numpy/1",
        "doc/torch.full/1",
        "doc/torch.full_like/1",
        "doc/torch.gather/1",
        "doc/torch.ge/1",
        "doc/torch.get_default_dtype/1",
        "doc/torch.gt/1",
        "doc/torch.index_select/1",
        "doc/torch.is_tensor/1",
        "doc/torch.isclose/1",
        "doc/torch.le/1",
        "doc/torch.linspace/1",
        "doc/torch.log/1",
        "doc/torch.log1p/1",
        "doc/torch.logsumexp/1",
        "doc/torch.lt/1",
        "doc/torch.matmul/1",
        "doc/torch.max/1",
        "doc/torch.max/2",
        "doc/torch.maximum/1",
        "doc/torch.mean/1",
        "doc/torch.mean/2",
        "doc/torch.min/1",
        "doc/torch.min/2",
        "doc/torch.minimum/1",
        "doc/torch.mm/1",
        "doc/torch.movedim/1",
        "doc/torch.movedim/2",
        "doc/torch.movedim/3",
        "doc/torch.mul/1",
        "doc/torch.mv/1",
        "doc/torch.narrow/1",
        "doc/torch.ne/1",
        "doc/torch.neg/1",
        "doc/torch.no_grad/1",
        "doc/torch.nonzero/1",
        "doc/torch.numel/1",
        "doc/torch.ones/1",
        "doc/torch.ones_like/1",
        "doc/torch.outer/1",
        "doc/torch.permute/1",
        "doc/torch.pow/1",
        "doc/torch.pow/2",
        "doc/torch.prod/1",
        "doc/torch.prod/2",
        "doc/torch.rand/1",
        "doc/torch.randint/1",
        "doc/torch.randn/1",
        "doc/torch.reciprocal/1",
        "doc/torch.remainder/1",
        "doc/torch.repeat_interleave/1",
        "doc/torch.repeat_interleave/2",
        "doc/torch.reshape/1",
        "doc/torch.roll/1",
        "doc/torch.round/1",
        "doc/torch.rsqrt/1",
        "doc/torch.set_grad_enabled/1",
        "doc/torch.set_printoptions/1",
        "doc/torch.sign/1",
        "doc/torch.split/1",
        "doc/torch.sqrt/1",
        "doc/torch.square/1",
        "doc/torch.squeeze/1",
        "doc/torch.stack/1",
        "doc/torch.stack/2",
        "doc/torch.stack/3",
        "doc/torch.stack/4",
        "doc/torch.std/1",
        "doc/torch.sub/1",
        "doc/torch.sum/1",
        "doc/torch.sum/2",
        "doc/torch.swapaxes/1",
        "doc/torch.swapaxes/2",
        "doc/torch.swapaxes/3",
        "doc/torch.t/1",
        "doc/torch.take_along_dim/1",
        "doc/torch.tanh/1",
        "doc/torch.tensor/1",
        "doc/torch.trace/1",
        "doc/torch.transpose/1",
        "doc/torch.tril/1",
        "doc/torch.triu/1",
        "doc/torch.trunc/1",
        "doc/torch.unbind/1",
        "doc/torch.unflatten/1",
        "doc/torch.unsqueeze/1",
        "doc/torch.var/1",
        "doc/torch.where/1",
        "doc/torch.zeros/1",
        "doc/torch.zeros_like/1",
    ]
}

// The engine's default generator, default dtype and print options are process-wide (as in PyTorch), so the
// examples run one at a time.
@Suite(.serialized) struct DocExampleTests {
    @Test func fixtureHoldsEveryPassingExample() {
        let ids = Set(DocExamples.all.map(\.id))
        #expect(DocExamples.all.count >= DocExamples.passing.count)
        #expect(DocExamples.passing.subtracting(ids).isEmpty, "passing ids missing from doc_examples.jsonl")
    }

    @Test(arguments: DocExamples.passing.sorted())
    func docExample(_ id: String) throws {
        let c = try #require(DocExamples.all.first { $0.id == id })
        let (out, error) = runSnippet(c.code, timeout: 60)
        #expect(out == c.stdout, "stdout of \(id)")
        #expect(error == c.error.map { "\($0.type): \($0.message)" }, "error of \(id)")
    }

    /// Snippets for the engine fixes the doc examples led to, beyond the examples themselves: (name, what, code,
    /// stdout, last traceback line), recorded from PyTorch 2.15 with /work/venv/bin/python on the same code.
    static let fixes: [(name: String, what: String, code: String, stdout: String, error: String?)] = [
        ("unfold_fold_modules", "nn.Unfold / nn.Fold: repr as written, forward = F.unfold / F.fold, F.unfold's errors",
         "import torch\nimport torch.nn as nn\nprint(nn.Unfold(3), nn.Unfold((2, 3), padding=1), nn.Fold((4, 5), 2, stride=(1, 1)))\nu = nn.Unfold(2)\nx = torch.arange(16.).reshape(1, 1, 4, 4).requires_grad_()\ny = u(x)\nprint(y, y.grad_fn.name())\nf = nn.Fold(output_size=(4, 4), kernel_size=2)\nprint(f(y))\nprint(nn.Sequential(nn.Unfold(2), nn.Fold(3, 2)))\nnn.Unfold(kernel_size=2)(torch.ones(3, 3))\n",
         "Unfold(kernel_size=3, dilation=1, padding=0, stride=1) Unfold(kernel_size=(2, 3), dilation=1, padding=1, stride=1) Fold(output_size=(4, 5), kernel_size=2, dilation=1, padding=0, stride=(1, 1))\ntensor([[[ 0.,  1.,  2.,  4.,  5.,  6.,  8.,  9., 10.],\n         [ 1.,  2.,  3.,  5.,  6.,  7.,  9., 10., 11.],\n         [ 4.,  5.,  6.,  8.,  9., 10., 12., 13., 14.],\n         [ 5.,  6.,  7.,  9., 10., 11., 13., 14., 15.]]],\n       grad_fn=<Im2ColBackward0>) Im2ColBackward0\ntensor([[[[ 0.,  2.,  4.,  3.],\n          [ 8., 20., 24., 14.],\n          [16., 36., 40., 22.],\n          [12., 26., 28., 15.]]]], grad_fn=<Col2ImBackward0>)\nSequential(\n  (0): Unfold(kernel_size=2, dilation=1, padding=0, stride=1)\n  (1): Fold(output_size=3, kernel_size=2, dilation=1, padding=0, stride=1)\n)\n",
         "IndexError: Dimension out of range (expected to be in range of [-2, 1], but got 2)"),
        ("cross_entropy_probabilities", "cross_entropy with class probabilities: one sum, mean divides by numel / n_classes (DivBackward1); torch.e/pi/inf/nan",
         "import torch\nimport torch.nn.functional as F\ntorch.manual_seed(0)\nx = torch.randn(3, 5, requires_grad=True)\nt = torch.randn(3, 5).softmax(dim=1)\nfor r in [\"mean\", \"sum\", \"none\"]:\n    l = F.cross_entropy(x, t, reduction=r)\n    print(l, l.grad_fn.name())\nl = F.cross_entropy(x, t, label_smoothing=0.1, weight=torch.tensor([1., 2, 3, 4, 5]))\nl.backward()\nprint(l)\ny = torch.randn(5, requires_grad=True)\nprint(F.cross_entropy(y, t[0]), F.cross_entropy(torch.randn(2, 3, 4, 4), torch.rand(2, 3, 4, 4)))\nprint(F.cross_entropy(torch.zeros(0, 3), torch.zeros(0, 3)))\nprint(torch.nan, torch.inf, -torch.inf, torch.pi, torch.e)\n",
         "tensor(2.0538, grad_fn=<DivBackward1>) DivBackward1\ntensor(6.1613, grad_fn=<NegBackward0>) NegBackward0\ntensor([2.4542, 1.6678, 2.0393], grad_fn=<NegBackward0>) NegBackward0\ntensor(5.3444, grad_fn=<DivBackward1>)\ntensor(1.6466, grad_fn=<DivBackward1>) tensor(2.1230)\ntensor(nan)\nnan inf -inf 3.141592653589793 2.718281828459045\n",
         nil),
        ("leaky_relu", "F.leaky_relu / leaky_relu_ / nn.LeakyReLU: slope cast to the dtype, grad at 0 is the slope, in place LeakyReluBackward1",
         "import torch, torch.nn as nn, torch.nn.functional as F\nprint(nn.LeakyReLU(), nn.LeakyReLU(0.2, inplace=True), nn.LeakyReLU(1))\nx = torch.tensor([-1.5, 0., 2.], requires_grad=True); y = F.leaky_relu(x, 0.1); print(y); y.sum().backward(); print(x.grad)\nz = torch.tensor([-3., 1.]); F.leaky_relu(z, 0.5, inplace=True); print(z, F.leaky_relu_(torch.tensor([-2.])))\na = torch.tensor([-1., 2.], requires_grad=True).clone(); F.leaky_relu(a, inplace=True); print(a.grad_fn.name())\nprint(F.leaky_relu(torch.tensor([-1.2345678]), 0.01), F.leaky_relu(torch.tensor([-1.], dtype=torch.float64), 0.3))\nprint(nn.Sequential(nn.Linear(2, 2), nn.LeakyReLU(0.2))(torch.ones(1, 2)).shape)\nF.leaky_relu(torch.tensor([1, -2]))\n",
         "LeakyReLU(negative_slope=0.01) LeakyReLU(negative_slope=0.2, inplace=True) LeakyReLU(negative_slope=1)\ntensor([-0.1500,  0.0000,  2.0000], grad_fn=<LeakyReluBackward0>)\ntensor([0.1000, 0.1000, 1.0000])\ntensor([-1.5000,  1.0000]) tensor([-0.0200])\nLeakyReluBackward1\ntensor([-0.0123]) tensor([-0.3000], dtype=torch.float64)\ntorch.Size([1, 2])\n",
         "NotImplementedError: \"leaky_relu_cpu\" not implemented for 'Long'"),
        ("movedim_count_nonzero_round", "movedim / moveaxis (ATen's checks), count_nonzero, broadcast_to, nonzero(as_tuple=True), round(decimals<0)",
         "import torch\nx = torch.zeros(2, 3, 4, requires_grad=True)\nfor a in [((0, 1), (0,)), ((0, 0), (1, 2)), ((0, 1), (1, 1)), (5, 0)]:\n    try:\n        torch.movedim(x, *a)\n    except Exception as e:\n        print(type(e).__name__, e)\nprint(torch.movedim(x, (0, 2), (2, 0)).shape, torch.movedim(x, -1, 0).shape, x.moveaxis(0, 1).shape, torch.movedim(x, 0, 1).grad_fn.name())\nprint(torch.count_nonzero(torch.tensor([[0, 1], [2, 0]]), dim=(0, 1)), torch.tensor([0., 1]).count_nonzero(0), torch.tensor([[0, 1], [2, 3]]).count_nonzero(dim=1))\nprint(torch.broadcast_to(torch.tensor([1, 2]), (2, 2)), torch.tensor([1.]).broadcast_to((2, 1)))\nprint(torch.nonzero(torch.tensor(0), as_tuple=True), torch.tensor([[1, 0], [0, 1]]).nonzero(as_tuple=True), torch.nonzero(torch.tensor(3), as_tuple=True))\nprint(torch.round(torch.tensor([1200.1234567, -1550.]), decimals=-3), torch.round(torch.tensor([0.12345]), decimals=3), torch.tensor([25.]).round(decimals=-1))\ntorch.broadcast_to(torch.zeros(2), (3,))\n",
         "RuntimeError movedim: Invalid source or destination dims: source ([0, 1] dims) should contain the same number of dims as destination ([0] dims)\nRuntimeError movedim: repeated dim in `source` ([0, 0])\nRuntimeError movedim: repeated dim in `destination` ([1, 1])\nIndexError Dimension out of range (expected to be in range of [-3, 2], but got 5)\ntorch.Size([4, 3, 2]) torch.Size([4, 2, 3]) torch.Size([3, 2, 4]) PermuteBackward0\ntensor(2) tensor(1) tensor([1, 2])\ntensor([[1, 2],\n        [1, 2]]) tensor([[1.],\n        [1.]])\n(tensor([], dtype=torch.int64),) (tensor([0, 1]), tensor([0, 1])) (tensor([0]),)\ntensor([ 1000., -2000.]) tensor([0.1230]) tensor([20.])\n",
         "RuntimeError: The expanded size of the tensor (3) must match the existing size (2) at non-singleton dimension 0.  Target sizes: [3].  Tensor sizes: [2]"),
        ("repeat_interleave_output_size", "repeat_interleave(output_size=) checked like ATen",
         "import torch\ny = torch.tensor([[1, 2], [3, 4]])\nprint(torch.repeat_interleave(y, torch.tensor([1, 2]), dim=0, output_size=3), y.repeat_interleave(2, output_size=8))\nfor a in [dict(repeats=torch.tensor([1, 2]), dim=0, output_size=4), dict(repeats=2, dim=0, output_size=3), dict(repeats=torch.tensor([1, 2]), dim=0, output_size=2)]:\n    try:\n        print(torch.repeat_interleave(y, **a))\n    except Exception as e:\n        print(type(e).__name__, e)\nprint(torch.repeat_interleave(torch.tensor([1, 2]), output_size=3))\n",
         "tensor([[1, 2],\n        [3, 4],\n        [3, 4]]) tensor([1, 1, 2, 2, 3, 3, 4, 4])\nRuntimeError allocated size does not match required size\nRuntimeError repeat_interleave: Invalid output_size, expected 4 but got 3\nRuntimeError allocated size does not match required size\ntensor([0, 1, 1])\n",
         nil),
        ("embedding", "nn.Embedding / F.embedding: N(0, 1) init under the seed, padding row zeroed and without gradient, PyTorch's checks",
         "import torch, torch.nn as nn, torch.nn.functional as F\ntorch.manual_seed(0)\ne = nn.Embedding(4, 2, padding_idx=-1)\nprint(e, e.weight, nn.Embedding(5, 3))\nx = torch.tensor([[0, 3], [3, 1]])\ny = e(x)\nprint(y, y.grad_fn.name())\ny.sum().backward()\nprint(e.weight.grad)\nfor a in [torch.tensor([1.]), torch.tensor([4]), torch.tensor([-1])]:\n    try:\n        e(a)\n    except Exception as ex:\n        print(type(ex).__name__, ex)\nprint(F.embedding(torch.tensor([1]), torch.eye(2)), e(torch.tensor(2)).shape, e(torch.tensor([1], dtype=torch.int32)).shape)\nnn.Embedding(3, 2, padding_idx=3)\n",
         "Embedding(4, 2, padding_idx=3) Parameter containing:\ntensor([[ 1.5410, -0.2934],\n        [-2.1788,  0.5684],\n        [-1.0845, -1.3986],\n        [ 0.0000,  0.0000]], requires_grad=True) Embedding(5, 3)\ntensor([[[ 1.5410, -0.2934],\n         [ 0.0000,  0.0000]],\n\n        [[ 0.0000,  0.0000],\n         [-2.1788,  0.5684]]], grad_fn=<EmbeddingBackward0>) EmbeddingBackward0\ntensor([[1., 1.],\n        [1., 1.],\n        [0., 0.],\n        [0., 0.]])\nRuntimeError Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)\nIndexError index out of range in self\nIndexError index out of range in self\ntensor([[0., 1.]]) torch.Size([2]) torch.Size([1, 2])\n",
         "AssertionError: Padding_idx must be within num_embeddings"),
        ("pad_constant", "F.pad in constant mode: pairs from the last dim, negative amounts crop, value cast to the dtype, ConstantPadNdBackward0",
         "import torch, torch.nn.functional as F\nx = torch.arange(6.).reshape(2, 3).requires_grad_()\ny = F.pad(x, (1, 2))\nprint(y, y.grad_fn.name())\ny.sum().backward()\nprint(x.grad)\nprint(F.pad(x, (1, -1, 0, 1), value=7.5), F.pad(torch.arange(4).reshape(2, 2), (1, 1), value=2.7), F.pad(x, []).shape)\nfor p in [(1,), (1, 1, 1, 1, 1, 1), (-2, -2)]:\n    try:\n        F.pad(x, p)\n    except Exception as e:\n        print(type(e).__name__, e)\nz = torch.ones(1, 2, 2, requires_grad=True)\nw = F.pad(z, (0, -1, 1, 0))\nw.sum().backward()\nprint(w, z.grad, F.pad(torch.tensor([True]), (1, 0)))\nF.pad(x, (1, 1), mode='bogus')\n",
         "tensor([[0., 0., 1., 2., 0., 0.],\n        [0., 3., 4., 5., 0., 0.]], grad_fn=<ConstantPadNdBackward0>) ConstantPadNdBackward0\ntensor([[1., 1., 1.],\n        [1., 1., 1.]])\ntensor([[7.5000, 0.0000, 1.0000],\n        [7.5000, 3.0000, 4.0000],\n        [7.5000, 7.5000, 7.5000]], grad_fn=<ConstantPadNdBackward0>) tensor([[2, 0, 1, 2],\n        [2, 2, 3, 2]]) torch.Size([2, 3])\nRuntimeError Padding length must be divisible by 2\nRuntimeError Padding length should be less than or equal to two times the input dimension but got padding length 6 and input of dimension 2\nRuntimeError narrow(): length must be non-negative.\ntensor([[[0.],\n         [1.],\n         [1.]]], grad_fn=<ConstantPadNdBackward0>) tensor([[[1., 0.],\n         [1., 0.]]]) tensor([False,  True])\n",
         "NotImplementedError: Unrecognised padding mode bogus"),
        ("diagonal_trace", "diagonal (a view: offsets, dims, writes through) and trace, DiagonalBackward0 / TraceBackward0",
         "import torch\na = torch.arange(12.).reshape(3, 4).requires_grad_()\nd = torch.diagonal(a, 1)\nprint(d, d.grad_fn.name())\nd.sum().backward()\nprint(a.grad)\nprint(torch.diagonal(a, -1), torch.diagonal(a, 5), torch.diagonal(torch.zeros(2, 3, 4), 0, -1, 0).shape, torch.trace(a), torch.trace(a).grad_fn.name())\nb = torch.arange(9.).reshape(3, 3).requires_grad_()\nb.trace().backward()\nprint(b.grad, torch.trace(torch.arange(4).reshape(2, 2)), a.diagonal(dim1=1, dim2=0))\nc = torch.zeros(3, 3)\nc.diagonal().fill_(5)\nprint(c)\nfor f in [lambda: torch.trace(torch.zeros(3)), lambda: torch.diagonal(a, 0, 0, 0)]:\n    try:\n        f()\n    except Exception as e:\n        print(type(e).__name__, e)\ntorch.diagonal(torch.zeros(3))\n",
         "tensor([ 1.,  6., 11.], grad_fn=<DiagonalBackward0>) DiagonalBackward0\ntensor([[0., 1., 0., 0.],\n        [0., 0., 1., 0.],\n        [0., 0., 0., 1.]])\ntensor([4., 9.], grad_fn=<DiagonalBackward0>) tensor([], grad_fn=<DiagonalBackward0>) torch.Size([3, 2]) tensor(15., grad_fn=<TraceBackward0>) TraceBackward0\ntensor([[1., 0., 0.],\n        [0., 1., 0.],\n        [0., 0., 1.]]) tensor(3) tensor([ 0.,  5., 10.], grad_fn=<DiagonalBackward0>)\ntensor([[5., 0., 0.],\n        [0., 5., 0.],\n        [0., 0., 5.]])\nRuntimeError trace: expected a matrix, but got tensor with dim 1\nRuntimeError diagonal dimensions cannot be identical 0, 0\n",
         "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)"),
        ("broadcast_tensors", "torch.broadcast_tensors: every tensor expanded to the common shape (ExpandBackward0), PyTorch's errors",
         "import torch\nx = torch.tensor([1., 2.], requires_grad=True)\na, b = torch.broadcast_tensors(x, torch.zeros(3, 1))\nprint(a, b, torch.broadcast_tensors(), a.grad_fn.name())\na.sum().backward()\nprint(x.grad)\ntry:\n    torch.broadcast_tensors(torch.zeros(2), torch.zeros(3))\nexcept Exception as e:\n    print(type(e).__name__, e)\ntorch.broadcast_tensors(torch.zeros(2), 3)\n",
         "tensor([[1., 2.],\n        [1., 2.],\n        [1., 2.]], grad_fn=<ExpandBackward0>) tensor([[0., 0.],\n        [0., 0.],\n        [0., 0.]]) () ExpandBackward0\ntensor([3., 3.])\nRuntimeError The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0\n",
         "TypeError: expected Tensor as element 1 in argument 0, but got int"),
    ]

    @Test(arguments: DocExampleTests.fixes.map(\.name))
    func engineFix(_ name: String) throws {
        let c = try #require(Self.fixes.first { $0.name == name })
        let (out, error) = runSnippet(c.code)
        #expect(out == c.stdout, "stdout of \(name): \(c.what)")
        #expect(error == c.error, "error of \(name)")
    }
}

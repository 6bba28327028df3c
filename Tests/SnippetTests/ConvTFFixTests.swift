import Testing
@testable import Snippet

// Engine gaps found while writing question demos (Content/conv, Content/dataparallel, Content/tf-variable), fixed in
// the engine. Expected stdout and final error line recorded from PyTorch 2.15.0 (CPU) / TensorFlow 2.21 (tf.compat.v1,
// graph mode) by Fixtures/record_conv_tf_fixes.py, which holds the same snippets (TF ones with
// `import tensorflow as tf` recorded as `import tensorflow.compat.v1 as tf; tf.disable_v2_behavior()`).
@Suite(.serialized) struct ConvTFFixTests {
    @Test func tupleOfSize() {
        // import torch
        // s = torch.zeros(2, 3).shape
        // t = tuple(s)
        // print(type(t), t, tuple(s[1:]), list(s), type(tuple((1, 2))))
        let r = runSnippet("import torch\ns = torch.zeros(2, 3).shape\nt = tuple(s)\nprint(type(t), t, tuple(s[1:]), list(s), type(tuple((1, 2))))\n")
        #expect(r.out == "<class 'tuple'> (2, 3) (3,) [2, 3] <class 'tuple'>\n")
        #expect(r.error == nil)
    }
    @Test func convPaddingStrings() {
        // import torch
        // import torch.nn as nn
        // import torch.nn.functional as F
        // _ = torch.manual_seed(0)
        // x = torch.randn(1, 1, 5, 6)
        // w = torch.randn(1, 1, 2, 3)
        // y = F.conv2d(x, w, padding='same')
        // print(y.shape, torch.allclose(y, F.conv2d(torch.cat([x, torch.zeros(1, 1, 1, 6)], 2), w, padding=(0, 1)), atol=1e-6))
        // print(F.conv2d(x, w, padding='valid').shape, F.conv2d(x, torch.randn(1, 1, 3, 3), padding='same', dilation=2).shape)
        // print(nn.Conv2d(3, 8, 5, padding='same'), nn.Conv2d(3, 8, 5, padding='valid'))
        // print(nn.Conv2d(3, 8, 4, padding='same')(torch.ones(1, 3, 7, 7)).shape)
        // for f in [lambda: nn.Conv2d(3, 8, 3, stride=2, padding='same'), lambda: nn.Conv2d(3, 8, 3, padding='foo'), lambda: F.conv2d(x, w, stride=2, padding='same')]:
        //     try:
        //         f()
        //     except (ValueError, RuntimeError) as e:
        //         print(type(e).__name__, e)
        // F.conv2d(x, w, padding='foo')
        let r = runSnippet("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n_ = torch.manual_seed(0)\nx = torch.randn(1, 1, 5, 6)\nw = torch.randn(1, 1, 2, 3)\ny = F.conv2d(x, w, padding='same')\nprint(y.shape, torch.allclose(y, F.conv2d(torch.cat([x, torch.zeros(1, 1, 1, 6)], 2), w, padding=(0, 1)), atol=1e-6))\nprint(F.conv2d(x, w, padding='valid').shape, F.conv2d(x, torch.randn(1, 1, 3, 3), padding='same', dilation=2).shape)\nprint(nn.Conv2d(3, 8, 5, padding='same'), nn.Conv2d(3, 8, 5, padding='valid'))\nprint(nn.Conv2d(3, 8, 4, padding='same')(torch.ones(1, 3, 7, 7)).shape)\nfor f in [lambda: nn.Conv2d(3, 8, 3, stride=2, padding='same'), lambda: nn.Conv2d(3, 8, 3, padding='foo'), lambda: F.conv2d(x, w, stride=2, padding='same')]:\n    try:\n        f()\n    except (ValueError, RuntimeError) as e:\n        print(type(e).__name__, e)\nF.conv2d(x, w, padding='foo')\n")
        #expect(r.out == "torch.Size([1, 1, 5, 6]) True\ntorch.Size([1, 1, 4, 4]) torch.Size([1, 1, 5, 6])\nConv2d(3, 8, kernel_size=(5, 5), stride=(1, 1), padding=same) Conv2d(3, 8, kernel_size=(5, 5), stride=(1, 1), padding=valid)\ntorch.Size([1, 8, 7, 7])\nValueError padding='same' is not supported for strided convolutions\nValueError Invalid padding string 'foo', should be one of {'same', 'valid'}\nRuntimeError padding='same' is not supported for strided convolutions\n")
        #expect(r.error == "RuntimeError: Invalid padding string: 'foo'")
    }
    @Test func poolingModules() {
        // import torch
        // import torch.nn as nn
        // print(nn.MaxPool2d(2), nn.MaxPool2d((2, 3), stride=1, padding=1, ceil_mode=True), nn.AvgPool2d(3, 2, 1))
        // x = torch.arange(25.).reshape(1, 1, 5, 5)
        // print(nn.MaxPool2d(2)(x), nn.MaxPool2d(2, ceil_mode=True)(x).shape)
        // print(nn.AvgPool2d(2, padding=1, count_include_pad=False)(x), nn.AvgPool2d(2, divisor_override=1)(x))
        // nn.MaxPool2d(3, padding=2)(x)
        let r = runSnippet("import torch\nimport torch.nn as nn\nprint(nn.MaxPool2d(2), nn.MaxPool2d((2, 3), stride=1, padding=1, ceil_mode=True), nn.AvgPool2d(3, 2, 1))\nx = torch.arange(25.).reshape(1, 1, 5, 5)\nprint(nn.MaxPool2d(2)(x), nn.MaxPool2d(2, ceil_mode=True)(x).shape)\nprint(nn.AvgPool2d(2, padding=1, count_include_pad=False)(x), nn.AvgPool2d(2, divisor_override=1)(x))\nnn.MaxPool2d(3, padding=2)(x)\n")
        #expect(r.out == "MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False) MaxPool2d(kernel_size=(2, 3), stride=1, padding=1, dilation=1, ceil_mode=True) AvgPool2d(kernel_size=3, stride=2, padding=1)\ntensor([[[[ 6.,  8.],\n          [16., 18.]]]]) torch.Size([1, 1, 3, 3])\ntensor([[[[ 0.0000,  1.5000,  3.5000],\n          [ 7.5000,  9.0000, 11.0000],\n          [17.5000, 19.0000, 21.0000]]]]) tensor([[[[12., 20.],\n          [52., 60.]]]])\n")
        #expect(r.error == "RuntimeError: pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1")
    }
    @Test func tensorSplit() {
        // import torch
        // x = torch.arange(10.).requires_grad_()
        // print(torch.tensor_split(x, 4), x.tensor_split((1, -2)))
        // print(torch.tensor_split(torch.arange(3), 5), torch.tensor_split(torch.arange(7), [5, 2, 9]))
        // print(torch.tensor_split(torch.arange(12).reshape(3, 4), 3, dim=1))
        // torch.tensor_split(x, 3)[1].sum().backward()
        // print(x.grad, [len(c) for c in torch.tensor_split(torch.ones(10, 3), 4)])
        // try:
        //     torch.tensor_split(x, 0)
        // except RuntimeError as e:
        //     print(e)
        // torch.tensor_split(torch.tensor(1.), 2)
        let r = runSnippet("import torch\nx = torch.arange(10.).requires_grad_()\nprint(torch.tensor_split(x, 4), x.tensor_split((1, -2)))\nprint(torch.tensor_split(torch.arange(3), 5), torch.tensor_split(torch.arange(7), [5, 2, 9]))\nprint(torch.tensor_split(torch.arange(12).reshape(3, 4), 3, dim=1))\ntorch.tensor_split(x, 3)[1].sum().backward()\nprint(x.grad, [len(c) for c in torch.tensor_split(torch.ones(10, 3), 4)])\ntry:\n    torch.tensor_split(x, 0)\nexcept RuntimeError as e:\n    print(e)\ntorch.tensor_split(torch.tensor(1.), 2)\n")
        #expect(r.out == "(tensor([0., 1., 2.], grad_fn=<SliceBackward0>), tensor([3., 4., 5.], grad_fn=<SliceBackward0>), tensor([6., 7.], grad_fn=<SliceBackward0>), tensor([8., 9.], grad_fn=<SliceBackward0>)) (tensor([0.], grad_fn=<SliceBackward0>), tensor([1., 2., 3., 4., 5., 6., 7.], grad_fn=<SliceBackward0>), tensor([8., 9.], grad_fn=<SliceBackward0>))\n(tensor([0]), tensor([1]), tensor([2]), tensor([], dtype=torch.int64), tensor([], dtype=torch.int64)) (tensor([0, 1, 2, 3, 4]), tensor([], dtype=torch.int64), tensor([2, 3, 4, 5, 6]), tensor([], dtype=torch.int64))\n(tensor([[0, 1],\n        [4, 5],\n        [8, 9]]), tensor([[ 2],\n        [ 6],\n        [10]]), tensor([[ 3],\n        [ 7],\n        [11]]))\ntensor([0., 0., 0., 0., 1., 1., 1., 0., 0., 0.]) [3, 3, 2, 2]\nnumber of sections must be larger than 0, got 0\n")
        #expect(r.error == "RuntimeError: tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
    }
    @Test func auxiliaryNameScope() {
        // import tensorflow as tf
        // with tf.variable_scope('vs2', auxiliary_name_scope=False) as s:
        //     v = tf.get_variable('v', shape=[])
        //     o = tf.identity(v, name='o')
        // print(v.name, o.name, repr(s.original_name_scope))
        // with tf.name_scope('n'):
        //     with tf.variable_scope('a', auxiliary_name_scope=False) as s2:
        //         v2 = tf.get_variable('v', shape=[])
        //         o2 = tf.identity(v2, name='o')
        // print(v2.name, o2.name, repr(s2.original_name_scope))
        // with tf.variable_scope('b') as s3:
        //     o3 = tf.identity(v2, name='o')
        // print(o3.name, repr(s3.original_name_scope))
        let r = runSnippet("import tensorflow as tf\nwith tf.variable_scope('vs2', auxiliary_name_scope=False) as s:\n    v = tf.get_variable('v', shape=[])\n    o = tf.identity(v, name='o')\nprint(v.name, o.name, repr(s.original_name_scope))\nwith tf.name_scope('n'):\n    with tf.variable_scope('a', auxiliary_name_scope=False) as s2:\n        v2 = tf.get_variable('v', shape=[])\n        o2 = tf.identity(v2, name='o')\nprint(v2.name, o2.name, repr(s2.original_name_scope))\nwith tf.variable_scope('b') as s3:\n    o3 = tf.identity(v2, name='o')\nprint(o3.name, repr(s3.original_name_scope))\n")
        #expect(r.out == "vs2/v:0 o:0 ''\na/v:0 n/o:0 'n/'\nb/o:0 'b/'\n")
        #expect(r.error == nil)
    }
}

"""Records the expected output of ConvTFFixTests.swift (engine gaps found while writing question demos).

Run: /work/venv/bin/python Tests/SnippetTests/Fixtures/record_conv_tf_fixes.py
PyTorch 2.15.0 (CPU) and TensorFlow 2.21 (`import tensorflow as tf` run as tf.compat.v1 with v2 behaviour off).
Prints, per case, the code, its stdout and the last line of its uncaught error.
"""
import contextlib, io

TF1 = "import tensorflow.compat.v1 as tf; tf.disable_v2_behavior()"
cases = {
"tupleOfSize": "import torch\ns = torch.zeros(2, 3).shape\nt = tuple(s)\nprint(type(t), t, tuple(s[1:]), list(s), type(tuple((1, 2))))\n",
"convPaddingStrings": "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n_ = torch.manual_seed(0)\nx = torch.randn(1, 1, 5, 6)\nw = torch.randn(1, 1, 2, 3)\ny = F.conv2d(x, w, padding='same')\nprint(y.shape, torch.allclose(y, F.conv2d(torch.cat([x, torch.zeros(1, 1, 1, 6)], 2), w, padding=(0, 1)), atol=1e-6))\nprint(F.conv2d(x, w, padding='valid').shape, F.conv2d(x, torch.randn(1, 1, 3, 3), padding='same', dilation=2).shape)\nprint(nn.Conv2d(3, 8, 5, padding='same'), nn.Conv2d(3, 8, 5, padding='valid'))\nprint(nn.Conv2d(3, 8, 4, padding='same')(torch.ones(1, 3, 7, 7)).shape)\nfor f in [lambda: nn.Conv2d(3, 8, 3, stride=2, padding='same'), lambda: nn.Conv2d(3, 8, 3, padding='foo'), lambda: F.conv2d(x, w, stride=2, padding='same')]:\n    try:\n        f()\n    except (ValueError, RuntimeError) as e:\n        print(type(e).__name__, e)\nF.conv2d(x, w, padding='foo')\n",
"poolingModules": "import torch\nimport torch.nn as nn\nprint(nn.MaxPool2d(2), nn.MaxPool2d((2, 3), stride=1, padding=1, ceil_mode=True), nn.AvgPool2d(3, 2, 1))\nx = torch.arange(25.).reshape(1, 1, 5, 5)\nprint(nn.MaxPool2d(2)(x), nn.MaxPool2d(2, ceil_mode=True)(x).shape)\nprint(nn.AvgPool2d(2, padding=1, count_include_pad=False)(x), nn.AvgPool2d(2, divisor_override=1)(x))\nnn.MaxPool2d(3, padding=2)(x)\n",
"tensorSplit": "import torch\nx = torch.arange(10.).requires_grad_()\nprint(torch.tensor_split(x, 4), x.tensor_split((1, -2)))\nprint(torch.tensor_split(torch.arange(3), 5), torch.tensor_split(torch.arange(7), [5, 2, 9]))\nprint(torch.tensor_split(torch.arange(12).reshape(3, 4), 3, dim=1))\ntorch.tensor_split(x, 3)[1].sum().backward()\nprint(x.grad, [len(c) for c in torch.tensor_split(torch.ones(10, 3), 4)])\ntry:\n    torch.tensor_split(x, 0)\nexcept RuntimeError as e:\n    print(e)\ntorch.tensor_split(torch.tensor(1.), 2)\n",
"auxiliaryNameScope": TF1 + "\nwith tf.variable_scope('vs2', auxiliary_name_scope=False) as s:\n    v = tf.get_variable('v', shape=[])\n    o = tf.identity(v, name='o')\nprint(v.name, o.name, repr(s.original_name_scope))\nwith tf.name_scope('n'):\n    with tf.variable_scope('a', auxiliary_name_scope=False) as s2:\n        v2 = tf.get_variable('v', shape=[])\n        o2 = tf.identity(v2, name='o')\nprint(v2.name, o2.name, repr(s2.original_name_scope))\nwith tf.variable_scope('b') as s3:\n    o3 = tf.identity(v2, name='o')\nprint(o3.name, repr(s3.original_name_scope))\n",
}
for n, c in cases.items():
    out = io.StringIO(); err = None
    with contextlib.redirect_stdout(out):
        try: exec(c, {})
        except Exception as e: err = f"{type(e).__name__}: {str(e).splitlines()[0]}"
    print(n, repr(c)); print(repr(out.getvalue())); print(repr(err)); print()

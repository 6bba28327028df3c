#!/usr/bin/env python3
"""Variants of the visible TF conformance cases (/work/shared/conformance/tf.jsonl), run with real
TensorFlow 2.21 (tf.compat.v1 graph mode, via Scripts/record_tf.py's runner) and with tensorprep.

Usage: /work/venv/bin/python Scripts/vary_tf_conformance.py <tensorprep binary> [id-prefix]
Prints each variant whose stdout or final error line differs, then a summary.
       /work/venv/bin/python Scripts/vary_tf_conformance.py --record <id> ...
Prints TensorFlow's stdout and final error line for the named variants as JSON lines; the regression tests in
Tests/SnippetTests/TFVaryTests.swift hold these recordings.
"""
import importlib.util
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("record_tf", os.path.join(HERE, "record_tf.py"))
record_tf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(record_tf)

H = "import tensorflow as tf\n"
N = "import numpy as np\nimport tensorflow as tf\n"
VARIANTS = [
# tf-variable
("var/names-int", H + "a = tf.Variable(3, name='w')\nb = tf.Variable([1.5, 2.5], name='w')\nc = tf.Variable([[1, 2]], dtype=tf.float64)\nprint(a.name, b.name, c.name)\nprint(a)\nprint(b)\nprint(c)\n"),
("var/noname", H + "a = tf.Variable(1.0)\nb = tf.Variable(2.0)\nprint(a.name, b.name, a.dtype, a.shape, a.op.type)\nprint(a.initializer)\nprint(a.value())\nprint(a.read_value())\n"),
("var/scopes-nested", H + "with tf.variable_scope('a'):\n    with tf.variable_scope('b'):\n        v = tf.get_variable('v', shape=[2, 2])\n        w = tf.Variable(0, name='w')\n    with tf.name_scope('n'):\n        u = tf.get_variable('u', [1])\nprint(v.name, w.name, u.name, v.shape, v.dtype)\nprint(v)\n"),
("var/reuse-shape-mismatch", H + "with tf.variable_scope('l'):\n    a = tf.get_variable('w', shape=[1])\nwith tf.variable_scope('l', reuse=True):\n    b = tf.get_variable('w', shape=[2])\n"),
("var/get-variable-no-shape", H + "tf.get_variable('x')\n"),
("var/reuse-scope-obj", H + "with tf.variable_scope('m') as scope:\n    a = tf.get_variable('k', [3])\n    scope.reuse_variables()\n    b = tf.get_variable('k', [3])\nprint(a is b, scope.name, scope.reuse)\n"),
("var/auto-reuse-new", H + "with tf.variable_scope('d', reuse=tf.AUTO_REUSE):\n    a = tf.get_variable('x', [2])\n    b = tf.get_variable('y', [2])\n    c = tf.get_variable('x', [2])\nprint(a is c, a is b, [v.name for v in tf.global_variables()])\n"),
("var/trainable-false", H + "a = tf.Variable(1.0, trainable=False)\nb = tf.get_variable('b', [1], trainable=False)\nc = tf.Variable(2.0)\nprint(len(tf.global_variables()), len(tf.trainable_variables()), [v.name for v in tf.trainable_variables()])\n"),
("var/init-values", H + "a = tf.get_variable('a', [2, 2], initializer=tf.ones_initializer())\nb = tf.get_variable('b', [3], initializer=tf.constant_initializer(2.5))\nc = tf.get_variable('c', initializer=tf.constant([1, 2, 3]))\nwith tf.Session() as s:\n    s.run(tf.global_variables_initializer())\n    print(s.run(a))\n    print(s.run([b, c]))\n    print(c.dtype, c.shape)\n"),
("var/default-scope-missing", H + "with tf.variable_scope('q', reuse=True):\n    with tf.variable_scope('r'):\n        tf.get_variable('z', [1])\n"),
("var/exists-nested", H + "with tf.variable_scope('a'):\n    with tf.variable_scope('b'):\n        tf.get_variable('w', [1])\nwith tf.variable_scope('a/b'):\n    tf.get_variable('w', [1])\n"),
# tf-graph
("graph/ops-int", H + "a = tf.constant(2)\nb = tf.constant(3)\nc = a * b - a\nd = tf.subtract(c, b, name='diff')\nprint(c)\nprint(d)\nprint([op.name for op in tf.get_default_graph().get_operations()])\nprint([op.type for op in tf.get_default_graph().get_operations()])\nprint(d.op)\n"),
("graph/ops-vec", H + "a = tf.constant([1.0, 2.0], name='a')\nb = tf.constant([[3.0], [4.0]], name='b')\nc = a / b\nd = tf.pow(a, 2.0)\ne = -a\nprint(c, d, e)\nprint([op.type for op in tf.get_default_graph().get_operations()])\nprint(c.op.inputs[0], c.op.name, c.value_index, c.consumers())\n"),
("graph/placeholder-partial", H + "x = tf.placeholder(tf.float32, shape=[None, None, 3], name='inp')\ny = tf.reduce_sum(x, axis=1)\nz = tf.reshape(x, [-1, 3])\nw = tf.transpose(x)\nprint(x)\nprint(y)\nprint(z)\nprint(w)\nprint(x.shape, x.get_shape().as_list(), y.shape.ndims)\n"),
("graph/matmul-shapes", H + "x = tf.placeholder(tf.float64, shape=[4, None])\nw = tf.ones([5, 2], dtype=tf.float64)\ny = tf.matmul(x, w)\nprint(y, y.dtype.name)\nz = tf.matmul(tf.ones([2, 3]), tf.ones([4, 2]))\n"),
("graph/dtype-mismatch", H + "a = tf.constant(1)\nb = tf.constant(2.0)\nc = a + b\n"),
("graph/placeholder-noshape", H + "x = tf.placeholder(tf.int32)\ny = x + 1\nprint(x, y, x.shape)\nwith tf.Session() as s:\n    print(s.run(y, {x: [[1, 2], [3, 4]]}))\n"),
("graph/op-attrs", H + "x = tf.placeholder(tf.float32, [2], name='p')\nprint(x.op.type, x.op.name, x.op.get_attr('dtype'), len(x.op.inputs), x.op.outputs)\nprint(tf.get_default_graph().get_tensor_by_name('p:0') is x)\nprint(tf.get_default_graph().get_operation_by_name('p').name)\n"),
# tf-static
("static/fetch-struct", H + "a = tf.constant([1.0, 2.0])\nb = a * 3\nwith tf.Session() as sess:\n    print(sess.run((a, b)))\n    print(sess.run({'x': a, 'y': [b, a]}))\n    print(sess.run([a, (b,)]))\n    print(sess.run(b).dtype, type(sess.run(b)))\n"),
("static/fetch-scalar", H + "a = tf.constant(2.5)\nb = tf.constant(7)\nwith tf.Session() as sess:\n    r = sess.run(a)\n    print(r, type(r), sess.run(b), type(sess.run(b)))\n    print(sess.run(a * 2), sess.run([b]))\n"),
("static/feed-shape-wrong", H + "x = tf.placeholder(tf.float32, shape=[2])\ny = x * x\nwith tf.Session() as sess:\n    sess.run(y, feed_dict={x: [1.0, 2.0, 3.0]})\n"),
("static/feed-partial", H + "x = tf.placeholder(tf.float32, shape=[None, 2])\ny = tf.reduce_sum(x * x, axis=1)\nwith tf.Session() as sess:\n    print(sess.run(y, feed_dict={x: [[1, 2], [3, 4], [5, 6]]}))\n    print(sess.run(y, feed_dict={x: [[0.5, 1.5]]}))\n    sess.run(y, feed_dict={x: [1, 2]})\n"),
("static/unfed-noname", H + "x = tf.placeholder(tf.int32, shape=[None])\ny = x * 2\nwith tf.Session() as sess:\n    sess.run(y)\n"),
("static/unfed-scope", H + "with tf.name_scope('in'):\n    x = tf.placeholder(tf.float64, shape=[2, 3], name='data')\nwith tf.Session() as sess:\n    sess.run(x + 1)\n"),
("static/training", N + "x = np.array([1.0, 2.0, 3.0], dtype=np.float32)\ny = x * -1.5 + 0.5\nxd = tf.placeholder(tf.float32)\nyd = tf.placeholder(tf.float32)\nw = tf.Variable([1.0])\nb = tf.Variable(tf.zeros([1]))\nloss = tf.reduce_mean(tf.square(w * xd + b - yd))\nstep = tf.train.GradientDescentOptimizer(0.1).minimize(loss)\nsess = tf.Session()\nsess.run(tf.global_variables_initializer())\nfor i in range(101):\n    _, l = sess.run([step, loss], feed_dict={xd: x, yd: y})\n    if i % 25 == 0:\n        print(i, np.round(sess.run(w), 3), np.round(sess.run(b), 3), round(float(l), 4))\n"),
("static/assign", H + "v = tf.Variable([1.0, 2.0])\na = tf.assign(v, [5.0, 6.0])\ns = tf.assign_sub(v, [1.0, 1.0])\nm = v.assign_add([0.5, 0.5])\nwith tf.Session() as sess:\n    sess.run(tf.global_variables_initializer())\n    print(sess.run(a))\n    print(sess.run(s))\n    print(sess.run(m), sess.run(v))\n    print(a, s, m)\n"),
("static/assign-int", H + "v = tf.Variable(0)\ninc = tf.assign_add(v, 1)\nwith tf.Session() as sess:\n    sess.run(tf.global_variables_initializer())\n    for _ in range(3):\n        print(sess.run(inc))\n    print(sess.run(v) + 10)\n"),
("static/uninit-named", H + "v = tf.Variable([1, 2], name='counter')\nw = v * 2\nwith tf.Session() as sess:\n    sess.run(w)\n"),
("static/uninit-getvar", H + "with tf.variable_scope('s'):\n    v = tf.get_variable('k', [2])\nwith tf.Session() as sess:\n    sess.run(v)\n"),
("static/gradients", H + "x = tf.constant([1.0, 2.0, 3.0])\ny = tf.reduce_sum(x * x * x)\ng = tf.gradients(y, x)\nprint(g)\nwith tf.Session() as sess:\n    print(sess.run(g))\n"),
("static/gradients-multi", H + "a = tf.Variable(2.0)\nb = tf.Variable(3.0)\nc = a * b + tf.square(a)\nga, gb = tf.gradients(c, [a, b])\nn = tf.gradients(a, [b])\nprint(ga, gb, n)\nwith tf.Session() as sess:\n    sess.run(tf.global_variables_initializer())\n    print(sess.run([ga, gb]))\n"),
("static/gradients-names", H + "x = tf.placeholder(tf.float32, [3])\ny = tf.reduce_mean(tf.exp(x))\n(d,) = tf.gradients(y, [x])\nprint(d, d.shape)\nwith tf.Session() as sess:\n    print(sess.run(d, {x: [0.0, 1.0, 2.0]}))\n"),
("static/numpy-print", N + "a = tf.constant(np.arange(12, dtype=np.float32).reshape(3, 4) / 3)\nb = tf.constant(np.arange(6).reshape(2, 3))\nwith tf.Session() as sess:\n    print(sess.run(a))\n    print(sess.run(b))\n    print(sess.run(tf.cast(b, tf.float64) * 1e6))\n    print(sess.run(a > 1))\n"),
("static/closed", H + "a = tf.constant(1.0)\ns = tf.Session()\ns.close()\ns.run(a)\n"),
("static/run-none", H + "with tf.Session() as sess:\n    sess.run(None)\n"),
("static/run-variable-initializer", H + "v = tf.Variable(tf.ones([2, 2]) * 3)\nwith tf.Session() as sess:\n    print(sess.run(v.initializer))\n    print(sess.run(v))\n    print(sess.run(tf.variables_initializer([v])))\n"),
# tf-conv
("conv/shapes", N + "x = tf.constant(np.arange(50, dtype=np.float32).reshape(1, 5, 5, 2))\nk = tf.constant(np.ones((3, 3, 2, 4), dtype=np.float32))\nfor s in [1, 2, 3]:\n    for p in ['VALID', 'SAME']:\n        print(s, p, tf.nn.conv2d(x, k, strides=[1, s, s, 1], padding=p).shape)\nwith tf.Session() as sess:\n    print(sess.run(tf.nn.conv2d(x, k, strides=[1, 2, 2, 1], padding='SAME'))[0, :, :, 0])\n"),
("conv/nonsquare", N + "x = tf.constant(np.arange(30, dtype=np.float32).reshape(1, 5, 6, 1))\nk = tf.constant(np.arange(6, dtype=np.float32).reshape(2, 3, 1, 1))\ny = tf.nn.conv2d(x, k, strides=[1, 2, 3, 1], padding='SAME')\nz = tf.nn.conv2d(x, k, strides=1, padding='VALID')\nprint(y)\nprint(z.shape)\nwith tf.Session() as sess:\n    print(sess.run(y)[0, :, :, 0])\n    print(sess.run(z)[0, :, :, 0])\n"),
("conv/channel-mismatch", N + "x = tf.constant(np.ones((1, 4, 4, 3), dtype=np.float32))\nk = tf.constant(np.ones((2, 2, 2, 1), dtype=np.float32))\ntf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='VALID')\n"),
("conv/bad-padding", N + "x = tf.constant(np.ones((1, 4, 4, 1), dtype=np.float32))\nk = tf.constant(np.ones((2, 2, 1, 1), dtype=np.float32))\ntf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='same')\n"),
("conv/placeholder", N + "x = tf.placeholder(tf.float32, [None, 6, 6, 1])\nk = tf.constant(np.ones((3, 3, 1, 2), dtype=np.float32))\ny = tf.nn.conv2d(x, k, [1, 2, 2, 1], 'SAME')\nprint(y)\nwith tf.Session() as sess:\n    out = sess.run(y, {x: np.ones((2, 6, 6, 1))})\n    print(out.shape, out[1, :, :, 1])\n"),
("conv/patches", N + "x = tf.constant(np.arange(32, dtype=np.float32).reshape(1, 4, 4, 2))\np = tf.image.extract_patches(x, sizes=[1, 2, 2, 1], strides=[1, 2, 2, 1], rates=[1, 1, 1, 1], padding='VALID')\nq = tf.image.extract_patches(x, sizes=[1, 3, 3, 1], strides=[1, 2, 2, 1], rates=[1, 1, 1, 1], padding='SAME')\nprint(p.shape, q.shape)\nwith tf.Session() as sess:\n    a, b = sess.run([p, q])\nprint(a[0, 1, 1])\nprint(b[0, 0, 0])\n"),
("conv/kernel-too-big", N + "x = tf.constant(np.ones((1, 2, 2, 1), dtype=np.float32))\nk = tf.constant(np.ones((3, 3, 1, 1), dtype=np.float32))\ny = tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='VALID')\n"),
("conv/int-input", N + "x = tf.constant(np.ones((1, 3, 3, 1), dtype=np.int32))\nk = tf.constant(np.ones((2, 2, 1, 1), dtype=np.int32))\ny = tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='VALID')\nprint(y)\n"),
# tf-gather
("gather/axes", H + "p = tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])\nwith tf.Session() as sess:\n    print(sess.run(tf.gather(p, [2, 0])))\n    print(sess.run(tf.gather(p, [[0, 1], [2, 2]])))\n    print(sess.run(tf.gather(p, 1, axis=1)))\n    print(sess.run(tf.gather(p, [0, 2], axis=-1)))\n    print(tf.gather(p, [[0, 1]], axis=1))\n"),
("gather/batch", N + "p = tf.constant(np.arange(24).reshape(2, 3, 4))\ni = tf.constant([[0, 2], [1, 1]])\nwith tf.Session() as sess:\n    print(sess.run(tf.gather(p, i, batch_dims=1)))\n    print(sess.run(tf.gather(p, i, axis=2, batch_dims=1)).shape)\n    print(sess.run(tf.gather(p, [[0], [3]], axis=2, batch_dims=1)))\n"),
("gather/oob", H + "p = tf.constant([1, 2, 3])\nwith tf.Session() as sess:\n    sess.run(tf.gather(p, [0, 5]))\n"),
("gather/bad-axis", H + "p = tf.constant([[1, 2], [3, 4]])\ntf.gather(p, [0], axis=2)\n"),
("gather/nd", H + "p = tf.constant([[1, 2], [3, 4]])\nwith tf.Session() as sess:\n    print(sess.run(tf.gather_nd(p, [[0, 1], [1, 0]])))\n    print(sess.run(tf.gather_nd(p, [[1]])))\n    print(tf.gather_nd(p, [[1]]))\n"),
("gather/placeholder", H + "p = tf.placeholder(tf.float32, [None, 4])\ni = tf.placeholder(tf.int32, [None])\ng = tf.gather(p, i)\nprint(g)\nwith tf.Session() as sess:\n    print(sess.run(g, {p: [[1, 2, 3, 4], [5, 6, 7, 8]], i: [1, 1, 0]}))\n"),
("gather/axis0-batch", H + "p = tf.constant([[1, 2], [3, 4]])\ng = tf.gather(p, [[0, 1]], axis=0, batch_dims=1)\nprint(g)\nwith tf.Session() as s:\n    print(s.run(g))\n"),
("gather/errors", H + "p = tf.zeros([2, 2, 2])\nfor f in [lambda: tf.gather(p, [0, 1], batch_dims=2), lambda: tf.gather(p, [[0], [1]], axis=-4), lambda: tf.gather(p, [[0], [1]], axis=1, batch_dims=-3), lambda: tf.gather(tf.zeros([2, 2]), [[0]], axis=1, batch_dims=2), lambda: tf.gather(p, tf.constant([0], dtype=tf.int64), axis=3)]:\n    try:\n        f()\n    except ValueError as e:\n        print(e)\nprint(tf.gather(tf.zeros([3, 2]), [[0], [1]], axis=1, batch_dims=1))\n"),
("conv/bad-padding-pool", N + "x = tf.constant(np.ones((1, 4, 4, 1), dtype=np.float32))\nfor f in [lambda: tf.nn.max_pool(x, 2, 2, 'same'), lambda: tf.nn.avg_pool(x, 2, 2, 'valid'), lambda: tf.nn.conv2d(x, tf.ones([2, 2, 1, 1]), strides=1, padding='Valid'), lambda: tf.image.extract_patches(x, [1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], 'same')]:\n    try:\n        f()\n    except ValueError as e:\n        print(e)\n"),
("gather/batch-bad", H + "p = tf.constant([[1, 2, 3], [4, 5, 6]])\ntf.gather(p, [0, 1], batch_dims=2)\n"),

# second batch
("graph/print-op-const", H + "a = tf.constant([1.5, 2.0], name='c')\nprint(a.op)\nb = tf.constant(3)\nprint(b.op)\nprint(tf.placeholder(tf.float32, [None, 2], name='p').op)\n"),
("graph/print-op-matmul", H + "x = tf.ones([2, 3])\ny = tf.matmul(x, x, transpose_b=True, name='mm')\nprint(y.op)\nprint(tf.reduce_sum(x, axis=0).op)\n"),
("graph/tensor-list-print", H + "a = tf.constant([[1, 2]], dtype=tf.int64)\nb = tf.cast(a, tf.float32)\nc = tf.identity(b)\nprint([a, b, c])\nprint((a, b))\nprint({'a': a})\nprint(repr(b), str(b))\n"),
("graph/name-scope-reuse", H + "with tf.name_scope('s'):\n    a = tf.constant(1)\nwith tf.name_scope('s'):\n    b = tf.constant(1)\nwith tf.name_scope('s/'):\n    c = tf.constant(1)\nwith tf.name_scope(None):\n    d = tf.constant(1)\nwith tf.name_scope('t'):\n    with tf.name_scope('u') as sc:\n        e = tf.add(a, b)\nprint(a.name, b.name, c.name, d.name, e.name, sc)\n"),
("graph/graph-objects", H + "g = tf.Graph()\nwith g.as_default():\n    a = tf.constant(1.0, name='a')\nb = tf.constant(2.0, name='a')\nprint(a.graph is g, b.graph is g, a.name, b.name, len(g.get_operations()))\nwith tf.Session(graph=g) as s:\n    print(s.run(a))\n"),
("graph/cross-graph", H + "g = tf.Graph()\nwith g.as_default():\n    a = tf.constant(1.0)\nb = tf.constant(2.0)\nc = a + b\n"),
("static/fetch-op", H + "v = tf.Variable(1.0)\ninit = tf.global_variables_initializer()\nwith tf.Session() as s:\n    print(s.run(init))\n    print(s.run([init, v]))\n    print(init.name, init.type)\n    print(s.run(v.assign(4.0)), s.run(v))\n"),
("static/feed-nonplaceholder", H + "a = tf.constant(2.0)\nb = a * 3\nwith tf.Session() as s:\n    print(s.run(b, feed_dict={a: 10.0}))\n    print(s.run(b, feed_dict={'Const:0': 5.0}))\n"),
("static/feed-dtype", H + "x = tf.placeholder(tf.int32, [2])\ny = x * 2\nwith tf.Session() as s:\n    print(s.run(y, {x: [1.7, 2.2]}))\n"),
("static/feed-bad-type", H + "x = tf.placeholder(tf.float32, [2])\nwith tf.Session() as s:\n    s.run(x, {x: 'ab'})\n"),
("static/run-str-fetch", H + "a = tf.constant([1, 2], name='k')\nwith tf.Session() as s:\n    print(s.run('k:0'), s.run(['k:0', a]))\n    s.run('nope:0')\n"),
("static/run-bad-fetch", H + "with tf.Session() as s:\n    tf.constant(1)\n    s.run(3)\n"),
("static/placeholder-default", H + "x = tf.placeholder_with_default([1.0, 2.0], shape=[None])\ny = x * 2\nprint(x, y)\nwith tf.Session() as s:\n    print(s.run(y), s.run(y, {x: [5.0]}))\n"),
("static/eval", H + "a = tf.constant([[1.0, 2.0], [3.0, 4.0]])\nb = tf.matmul(a, a)\nwith tf.Session() as s:\n    print(b.eval())\n    print(tf.reduce_max(a).eval(), tf.argmax(a, 1).eval())\n"),
("static/eval-nosession", H + "a = tf.constant(1.0)\na.eval()\n"),
("static/gradients-none", H + "x = tf.Variable(1.0)\ny = tf.Variable(2.0)\nz = x * 3.0\ng = tf.gradients(z, [x, y])\nprint(g)\nh = tf.gradients(z, x, grad_ys=tf.constant(2.0))\nwith tf.Session() as s:\n    s.run(tf.global_variables_initializer())\n    print(s.run(h))\n"),
("static/gradients-stop", H + "x = tf.constant(2.0)\ny = tf.stop_gradient(x * x) + x * x\ng = tf.gradients(y, x)[0]\nprint(g)\nwith tf.Session() as s:\n    print(s.run(g))\n"),
("static/gradients-matmul", N + "w = tf.Variable(np.ones((3, 2), dtype=np.float32))\nx = tf.placeholder(tf.float32, [None, 3])\nloss = tf.reduce_sum(tf.nn.relu(tf.matmul(x, w) - 2.0))\ngw, gx = tf.gradients(loss, [w, x])\nprint(gw, gx)\nwith tf.Session() as s:\n    s.run(tf.global_variables_initializer())\n    a, b = s.run([gw, gx], {x: [[1.0, 2.0, 3.0], [0.1, 0.2, 0.3]]})\n    print(a)\n    print(b)\n"),
("static/initializers", H + "tf.set_random_seed(1)\na = tf.get_variable('a', [2, 3], initializer=tf.zeros_initializer())\nb = tf.get_variable('b', [2], initializer=tf.constant_initializer([1, 2]))\nc = tf.get_variable('c', [3], dtype=tf.int32, initializer=tf.ones_initializer())\nd = tf.Variable(tf.fill([2], 7.0))\nwith tf.Session() as s:\n    s.run(tf.global_variables_initializer())\n    print(s.run([a, b, c, d]))\n    print(s.run(tf.report_uninitialized_variables()))\n    print(s.run(tf.is_variable_initialized(a)))\n"),
("static/uninit-report", H + "a = tf.Variable(1.0, name='a')\nb = tf.Variable(2.0, name='b')\nwith tf.Session() as s:\n    s.run(a.initializer)\n    print(s.run(tf.report_uninitialized_variables()))\n    s.run(a + b)\n"),
("static/numpy-results", N + "a = tf.constant(np.array([[1e-5, 1.0], [100.0, 12345.678]], dtype=np.float32))\nb = tf.constant([True, False])\nc = tf.constant(np.arange(3, dtype=np.int64))\nd = tf.constant([[0.1, 0.25]], dtype=tf.float64)\nwith tf.Session() as s:\n    for t in [a, b, c, d, a * 1e6, -a]:\n        r = s.run(t)\n        print(r, r.dtype, r.shape)\n    print(repr(s.run(c)), repr(s.run(a)))\n"),
("static/assign-errors", H + "v = tf.Variable([1.0, 2.0])\ntf.assign(v, [1.0, 2.0, 3.0])\n"),
("static/assign-validate", H + "v = tf.Variable([1.0, 2.0], validate_shape=False)\na = tf.assign(v, [1.0, 2.0, 3.0], validate_shape=False)\nprint(a)\nwith tf.Session() as s:\n    s.run(v.initializer)\n    print(s.run(a), s.run(v))\n"),
("static/assign-dtype", H + "v = tf.Variable([1, 2])\nw = tf.assign_add(v, [0.5, 0.5])\n"),
("static/control-deps", H + "v = tf.Variable(0)\ninc = tf.assign_add(v, 1)\nwith tf.control_dependencies([inc]):\n    out = tf.identity(v)\nwith tf.Session() as s:\n    s.run(v.initializer)\n    print(s.run(out), s.run(out), s.run(v))\n"),
("var/scope-initializer", H + "with tf.variable_scope('s', initializer=tf.constant_initializer(3.0)):\n    a = tf.get_variable('a', [2])\n    with tf.variable_scope('t'):\n        b = tf.get_variable('b', [1])\nwith tf.Session() as s:\n    s.run(tf.global_variables_initializer())\n    print(s.run([a, b]))\n"),
("var/variable-props", H + "v = tf.Variable([[1.0, 2.0]], name='m')\nprint(v.get_shape(), v.shape.as_list(), v.dtype.base_dtype, v.op.name, v.initial_value)\nprint(v.initializer.name, v.initializer.type, v.value().name)\nprint(v + 1, v * v, tf.shape(v))\nprint(v[0], v.graph is tf.get_default_graph(), v.trainable)\n"),
("var/collections", H + "a = tf.Variable(1.0, name='a')\nb = tf.Variable(2.0, name='b', trainable=False)\nprint(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES))\nprint(tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES))\nprint(tf.global_variables(), tf.local_variables())\nprint(tf.trainable_variables('a'))\n"),
("var/get-variable-dtype-mismatch", H + "with tf.variable_scope('x'):\n    a = tf.get_variable('a', [1])\nwith tf.variable_scope('x', reuse=True):\n    b = tf.get_variable('a', [1], dtype=tf.int32)\n"),
("var/variable-scope-names", H + "with tf.variable_scope('a') as s1:\n    pass\nwith tf.variable_scope(s1):\n    x = tf.get_variable('x', [1])\n    y = tf.constant(1.0)\nwith tf.variable_scope('a'):\n    z = tf.constant(1.0)\nwith tf.variable_scope(None, default_name='blk'):\n    u = tf.get_variable('u', [1])\nwith tf.variable_scope(None, default_name='blk'):\n    w = tf.get_variable('u', [1])\nprint(x.name, y.name, z.name, u.name, w.name, s1.name)\n"),
("var/get-variable-int-init", H + "v = tf.get_variable('v', [2, 2], dtype=tf.int32)\n"),
("var/reuse-false-in-reuse", H + "with tf.variable_scope('a', reuse=True):\n    with tf.variable_scope('b', reuse=False):\n        tf.get_variable('w', [1])\n"),
("conv/dilation", N + "x = tf.constant(np.arange(49, dtype=np.float32).reshape(1, 7, 7, 1))\nk = tf.constant(np.ones((2, 2, 1, 1), dtype=np.float32))\ny = tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='VALID', dilations=[1, 2, 2, 1])\nz = tf.nn.conv2d(x, k, strides=1, padding='SAME', dilations=2)\nprint(y.shape, z.shape)\nwith tf.Session() as s:\n    print(s.run(y)[0, :, :, 0])\n"),
("conv/batch-multi", N + "x = tf.constant(np.arange(2 * 3 * 3 * 2, dtype=np.float32).reshape(2, 3, 3, 2))\nk = tf.constant(np.arange(2 * 2 * 2 * 3, dtype=np.float32).reshape(2, 2, 2, 3) / 10)\ny = tf.nn.conv2d(x, k, [1, 1, 1, 1], 'SAME')\nwith tf.Session() as s:\n    r = s.run(y)\nprint(r.shape)\nprint(r[1, :, :, 2])\nprint(r.sum())\n"),
("conv/grad", N + "x = tf.constant(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1))\nk = tf.Variable(np.ones((2, 2, 1, 1), dtype=np.float32))\ny = tf.reduce_sum(tf.nn.conv2d(x, k, [1, 2, 2, 1], 'VALID'))\ng = tf.gradients(y, [k, x])\nprint(g)\nwith tf.Session() as s:\n    s.run(k.initializer)\n    a, b = s.run(g)\nprint(a[:, :, 0, 0])\nprint(b[0, :, :, 0])\n"),
("conv/bad-strides", N + "x = tf.ones([1, 4, 4, 1])\nk = tf.ones([2, 2, 1, 1])\ntf.nn.conv2d(x, k, strides=[1, 1, 1], padding='VALID')\n"),
("conv/rank3", N + "x = tf.ones([4, 4, 1])\nk = tf.ones([2, 2, 1, 1])\ntf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='VALID')\n"),
("conv/pool", N + "x = tf.constant(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1))\nm = tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='VALID')\na = tf.nn.avg_pool(x, ksize=[1, 3, 3, 1], strides=[1, 2, 2, 1], padding='SAME')\nprint(m, a)\nwith tf.Session() as s:\n    print(s.run(m)[0, :, :, 0])\n    print(s.run(a)[0, :, :, 0])\n"),
("gather/negative-idx", H + "p = tf.constant([1.0, 2.0, 3.0])\nwith tf.Session() as s:\n    s.run(tf.gather(p, [-1]))\n"),
("gather/oob-2d", H + "p = tf.constant([[1, 2], [3, 4]])\nwith tf.Session() as s:\n    s.run(tf.gather(p, [[0, 1], [2, 0]], axis=1))\n"),
("gather/float-idx", H + "p = tf.constant([1, 2])\ntf.gather(p, [0.0])\n"),
("gather/variable", H + "v = tf.Variable([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\ng = tf.gather(v, [2, 0])\nh = tf.gather(v, [1], axis=1)\nprint(g, h)\nprint([op.name for op in tf.get_default_graph().get_operations()][-6:])\nwith tf.Session() as s:\n    s.run(v.initializer)\n    print(s.run([g, h]))\n    print(s.run(tf.gradients(tf.reduce_sum(h), v)))\n"),
("gather/grad", H + "p = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])\ng = tf.gather(p, [0, 0, 2])\n(d,) = tf.gradients(tf.reduce_sum(g * g), [p])\nprint(d)\nwith tf.Session() as s:\n    print(s.run(d))\n    print(s.run(tf.convert_to_tensor(d)))\n"),
("gather/int64-idx", N + "p = tf.constant(np.arange(6.0).reshape(2, 3))\ni = tf.constant(np.array([2, 1]))\ng = tf.gather(p, i, axis=1)\nprint(g, i.dtype)\nwith tf.Session() as s:\n    print(s.run(g))\n"),

("static/fetch-errors", N + "a = tf.constant(1.0, name='k')\ns = tf.Session()\nfor f in [3, 2.5, True, np.float32(1.0), 'nope:0', 'nope', 'k:1', [a, 'k:3']]:\n    try:\n        print(s.run(f))\n    except (TypeError, ValueError) as e:\n        print(type(e).__name__, e)\n"),
("static/assign-shape-errors", H + "v = tf.Variable([[1.0, 2.0]])\nfor x in [[1.0, 2.0], [[1.0, 2.0, 3.0]], [[1.0], [2.0]], 5.0]:\n    for f in [tf.assign, tf.assign_add]:\n        try:\n            f(v, x)\n        except ValueError as e:\n            print(e)\nw = tf.assign(v, [[1.0], [2.0]], validate_shape=False)\nprint(w)\n"),
("graph/stack-mismatch", H + "for vals in [[[1, 2], [3, 4, 5]], [[1, 2], [[3, 4]]], [[[1], [2]], [[1, 2]]]]:\n    try:\n        tf.stack(vals)\n    except ValueError as e:\n        print(e)\n"),

("static/placeholder-default-more", H + "x = tf.placeholder_with_default([1.0, 2.0], shape=[None])\nprint(x.op)\nprint([o.name for o in tf.get_default_graph().get_operations()])\nprint(tf.placeholder_with_default(3, []), tf.placeholder_with_default([[1, 2]], [1, None], name='pd'))\ng = tf.gradients(x * x, x)\nprint(g)\nwith tf.Session() as s:\n    print(s.run(g), s.run(g, {x: [3.0]}))\nfor shape in [[3], [2, 1]]:\n    try:\n        tf.placeholder_with_default([1.0, 2.0], shape=shape)\n    except ValueError as e:\n        print(e)\nwith tf.Session() as s:\n    s.run(x, {x: [[1.0]]})\n"),
("gather/float-idx-nd", H + "for f in [lambda: tf.gather_nd([1, 2], [0.0]), lambda: tf.gather([1, 2], [0], axis=0.0), lambda: tf.gather([1, 2], tf.constant([0.0]))]:\n    try:\n        f()\n    except TypeError as e:\n        print(e)\n"),
("var/collections-scope", H + "print(tf.GraphKeys, tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.LOCAL_VARIABLES, tf.GraphKeys.UPDATE_OPS)\nwith tf.variable_scope('ab'):\n    a = tf.Variable(1.0, name='x')\nb = tf.Variable(1.0, name='abc')\nc = tf.Variable(1.0, name='zab', trainable=False)\nprint(tf.get_collection('variables', 'ab'), tf.trainable_variables('a.c'), tf.global_variables(scope='z'))\nprint(tf.get_collection('nope'), tf.local_variables(), tf.get_collection(tf.GraphKeys.UPDATE_OPS))\nprint(tf.get_default_graph().get_collection('trainable_variables', scope='ab/'))\n"),
("graph/literal-dtype-errors", H + "a = tf.constant([1, 2])\nv = tf.Variable(1)\nfor f in [lambda: tf.add(a, 0.5), lambda: a + 0.5, lambda: 0.5 + a, lambda: a - 0.5, lambda: 0.5 * a, lambda: a * 2.5, lambda: a / 0.5, lambda: tf.pow(a, 0.5), lambda: tf.maximum(a, [0.5, 1.5]), lambda: tf.multiply(a, [[1.5]]), lambda: tf.matmul([[1]], [[0.5]]), lambda: tf.add(a, [0.5, 1.5]), lambda: tf.assign_add(v, 0.5), lambda: tf.assign(v, [[2.5]])]:\n    try:\n        print(f())\n    except TypeError as e:\n        print(e)\nprint(a + 2.0, tf.add(a, 3.0), a / 2)\n"),
("graph/float-to-int", H + "a = tf.constant([1, 2])\nfor f in [lambda: a * 2.0, lambda: 2.0 * a, lambda: tf.constant(2.0, dtype=tf.int32), lambda: tf.constant([1.0, 2.5], dtype=tf.int32), lambda: tf.assign(tf.Variable(1), 2.0), lambda: a - 1.0, lambda: tf.add(a, 1.0), lambda: tf.fill([2], 2.0) + a, lambda: tf.zeros([2], tf.int32) + 1.0]:\n    try:\n        print(f())\n    except TypeError as e:\n        print(e)\nprint(tf.cast(2.0, tf.int32), a * True, tf.constant(True, dtype=tf.int32), tf.constant(3, dtype=tf.float32))\n"),
("static/is-initialized", H + "a = tf.Variable(1.0, name='a')\nb = tf.get_variable('b', [2])\nia = tf.is_variable_initialized(a)\nib = tf.is_variable_initialized(b)\nprint(ia.name, ib.op.type, ia.dtype, ia.shape)\nwith tf.Session() as s:\n    print(s.run([ia, ib]))\n    s.run(a.initializer)\n    print(s.run(ia), s.run(ib))\n    s.run(tf.global_variables_initializer())\n    print(s.run({'a': ia, 'b': ib}))\n"),
]


def ours(binary, code):
    p = subprocess.run([binary, "run", "-"], input=code, capture_output=True, text=True, timeout=60)
    last = p.stderr.rstrip("\n").split("\n")[-1] if p.stderr.strip() else ""
    return p.stdout, (last if p.returncode != 0 else None), p.returncode


def record(ids):
    import json
    table = dict(VARIANTS)
    for vid in ids:
        out, err = record_tf.run(table[vid])
        print(json.dumps({"id": vid, "code": table[vid], "stdout": out,
                          "error": f"{err['type']}: {err['message']}" if err else None}))


def main():
    if sys.argv[1] == "--record":
        record(sys.argv[2:])
        return
    binary = sys.argv[1]
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    bad = 0
    n = 0
    for vid, code in VARIANTS:
        if not vid.startswith(only):
            continue
        n += 1
        want_out, err = record_tf.run(code)
        want_err = f"{err['type']}: {err['message']}" if err else None
        got_out, got_err, rc = ours(binary, code)
        ok = got_out == want_out and (got_err == want_err or (want_err and got_err and got_err.startswith(want_err)))
        if not ok:
            bad += 1
            print(f"== MISMATCH {vid}\n--- code\n{code}--- want\n{want_out}{want_err or ''}\n--- got (rc {rc})\n{got_out}{got_err or ''}\n")
    print(f"{n} variants, {bad} mismatches")


if __name__ == "__main__":
    main()

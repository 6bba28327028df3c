#!/usr/bin/env python3
"""Record what TensorFlow 2.21 (tf.compat.v1, graph mode) prints for small snippets.

Usage: /work/venv/bin/python Scripts/record_tf.py > out.jsonl
Each snippet runs in a fresh default graph; `import tensorflow as tf` inside a snippet
binds tf.compat.v1 (v2 behaviour disabled), as `tensorprep run` does. Output lines have the
format of /work/shared/conformance/tf.jsonl: {"id", "topic", "code", "stdout", "error"}.
The expectations are used by Tests/MiniTFTests (inlined, with the snippet next to them).
"""
import builtins
import contextlib
import io
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import tensorflow.compat.v1 as tf1  # noqa: E402

tf1.disable_v2_behavior()
import logging  # noqa: E402

logging.getLogger("tensorflow").setLevel(logging.ERROR)

_real_import = builtins.__import__


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    if name == "tensorflow":
        return tf1
    return _real_import(name, globals, locals, fromlist, level)


SNIPPETS = [
("names/binop-const", "tf-graph", """
import tensorflow as tf
x = tf.placeholder(tf.float32, shape=[None, 3])
y = x * 2.0 + 1.0
z = 3.0 - x
w = tf.add(x, 5.0)
print([op.name for op in tf.get_default_graph().get_operations()])
print([op.type for op in tf.get_default_graph().get_operations()])
print(y, z, w)
"""),
("names/scopes", "tf-graph", """
import tensorflow as tf
with tf.name_scope('a'):
    c = tf.constant(1.0)
with tf.name_scope('a'):
    d = tf.constant(1.0, name='c')
a = tf.constant(2.0, name='a')
with tf.variable_scope('vs'):
    e = tf.constant(1.0)
with tf.variable_scope('vs'):
    f = tf.constant(1.0)
with tf.variable_scope('vs', reuse=True):
    g = tf.constant(1.0)
print(c.name, d.name, a.name, e.name, f.name, g.name)
with tf.name_scope('n') as scope:
    print(scope)
with tf.variable_scope('v') as vs:
    print(vs.name, vs.reuse, vs.original_name_scope)
print(tf.get_default_graph().get_name_scope())
"""),
("names/case", "tf-graph", """
import tensorflow as tf
a = tf.constant(1.0, name='Foo')
b = tf.constant(1.0, name='foo')
c = tf.constant(1.0, name='foo_1')
d = tf.constant(1.0, name='foo')
print(a.name, b.name, c.name, d.name)
"""),
("var/ops", "tf-variable", """
import tensorflow as tf
v = tf.Variable(1.0, name='weight')
w = tf.Variable(tf.zeros([3]), name='kernel')
u = tf.Variable([1, 2])
print([op.name for op in tf.get_default_graph().get_operations()])
print([op.type for op in tf.get_default_graph().get_operations()])
print(u, u.dtype, u.shape, v.op.name, v.initializer.name, v.initial_value)
print(v.value(), v.read_value())
print(tf.global_variables())
"""),
("var/getvar-ops", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('layer'):
    a = tf.get_variable('a', shape=[2, 3])
    b = tf.get_variable('b', shape=[3], initializer=tf.zeros_initializer())
    c = tf.get_variable('c', shape=[2], initializer=tf.ones_initializer())
    d = tf.get_variable('d', shape=[2], initializer=tf.constant_initializer(0.5))
    e = tf.get_variable('e', initializer=tf.constant([1.0, 2.0]))
    f = tf.get_variable('f', shape=[2], dtype=tf.int32)
print([op.name for op in tf.get_default_graph().get_operations()])
print([op.type for op in tf.get_default_graph().get_operations()])
print(a, b, c, d, e, f)
"""),
("var/getvar-init-values", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('layer'):
    b = tf.get_variable('b', shape=[3], initializer=tf.zeros_initializer())
    c = tf.get_variable('c', shape=[2], initializer=tf.ones_initializer())
    d = tf.get_variable('d', shape=[2, 2], initializer=tf.constant_initializer(0.5))
    e = tf.get_variable('e', initializer=tf.constant([1.0, 2.0]))
    g = tf.get_variable('g', shape=[3], initializer=tf.constant_initializer([1, 2, 3]))
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run([b, c, d, e, g]))
"""),
("var/reuse-shape", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('l'):
    a = tf.get_variable('w', shape=[2])
with tf.variable_scope('l', reuse=True):
    b = tf.get_variable('w', shape=[3])
"""),
("var/getvar-noshape", "tf-variable", """
import tensorflow as tf
a = tf.get_variable('w')
"""),
("var/reuse-scope-obj", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('l') as scope:
    a = tf.get_variable('w', shape=[2])
    scope.reuse_variables()
    b = tf.get_variable('w', shape=[2])
with tf.variable_scope(scope, reuse=True):
    c = tf.get_variable('w')
    d = tf.constant(1.0)
print(a is b, a is c, d.name, tf.get_variable_scope().name == '')
"""),
("var/nested-reuse", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('o', reuse=True):
    with tf.variable_scope('i'):
        print(tf.get_variable_scope().reuse)
with tf.variable_scope('o2'):
    with tf.variable_scope('i', reuse=tf.AUTO_REUSE):
        print(tf.get_variable_scope().reuse)
        x = tf.get_variable('x', [1])
        y = tf.get_variable('x', [1])
        print(x is y, x.name)
"""),
("var/uninit-2", "tf-static", """
import tensorflow as tf
v = tf.Variable(1.0, name='v')
y = v * 2.0
with tf.Session() as sess:
    sess.run(y)
"""),
("var/uninit-getvar", "tf-static", """
import tensorflow as tf
with tf.variable_scope('s'):
    v = tf.get_variable('v', [2])
with tf.Session() as sess:
    sess.run(v + 1.0)
"""),
("var/assign", "tf-static", """
import tensorflow as tf
v = tf.Variable([1.0, 2.0], name='v')
a = tf.assign(v, [5.0, 6.0])
b = v.assign_add([1.0, 1.0])
c = tf.assign_sub(v, [0.5, 0.5])
print(a, b, c)
print([op.name for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(a))
    print(sess.run(b))
    print(sess.run(c))
    print(sess.run(v))
"""),
("static/feed-errors-shape", "tf-static", """
import tensorflow as tf
x = tf.placeholder(tf.float32, shape=[None, 3], name='x')
with tf.Session() as sess:
    sess.run(x, feed_dict={x: [[1.0, 2.0]]})
"""),
("static/unfed-none", "tf-static", """
import tensorflow as tf
x = tf.placeholder(tf.float32, shape=[None, 3])
with tf.Session() as sess:
    sess.run(x * 2.0)
"""),
("static/unfed-unknown", "tf-static", """
import tensorflow as tf
x = tf.placeholder(tf.int32)
with tf.Session() as sess:
    sess.run(x + 1)
"""),
("static/fetch-structs", "tf-static", """
import tensorflow as tf
a = tf.constant([1, 2])
b = tf.constant(2.5)
with tf.Session() as sess:
    print(sess.run({'a': a, 'b': b}))
    print(sess.run((a, b)))
    print(sess.run([a, [b, a]]))
    print(sess.run(b), type(sess.run(b)))
    print(repr(sess.run(a)))
    print(sess.run(tf.constant(True)), sess.run(tf.constant([1.5, 2.0], dtype=tf.float64)))
"""),
("static/feed-int-to-float", "tf-static", """
import tensorflow as tf
x = tf.placeholder(tf.float32, shape=[2])
y = tf.placeholder(tf.int32, shape=[2])
with tf.Session() as sess:
    print(sess.run(x * 2, feed_dict={x: [1, 2]}))
    print(sess.run(y * 2, feed_dict={y: [1.7, 2.2]}))
"""),
("static/fetch-op", "tf-static", """
import tensorflow as tf
v = tf.Variable(1.0)
init = tf.global_variables_initializer()
print(init.name, init.type)
with tf.Session() as sess:
    print(sess.run(init))
    print(sess.run([init, v]))
"""),
("static/run-noop-feed-const", "tf-static", """
import tensorflow as tf
a = tf.constant(2.0)
b = a * 3.0
with tf.Session() as sess:
    print(sess.run(b, feed_dict={a: 10.0}))
"""),
("ops/shapes", "tf-graph", """
import tensorflow as tf
x = tf.placeholder(tf.float32, shape=[None, 4])
w = tf.zeros([4, 2])
y = tf.matmul(x, w)
r = tf.reshape(y, [-1])
s = tf.reduce_sum(x, axis=1)
m = tf.reduce_mean(x)
k = tf.reduce_sum(x, axis=0, keepdims=True)
q = tf.nn.relu(x)
print(y, r, s, m, k, q)
print(tf.ones([2, 3]), tf.zeros([2], dtype=tf.int32))
u = tf.placeholder(tf.float32)
print(u, u.shape, u + x)
"""),
("ops/matmul-err", "tf-graph", """
import tensorflow as tf
a = tf.constant([[1.0, 2.0]])
b = tf.constant([[1.0, 2.0]])
tf.matmul(a, b)
"""),
("ops/add-err", "tf-graph", """
import tensorflow as tf
a = tf.constant([1.0, 2.0])
b = tf.constant([1.0, 2.0, 3.0])
a + b
"""),
("ops/dtype-err", "tf-graph", """
import tensorflow as tf
a = tf.constant([1.0, 2.0])
b = tf.constant([1, 2])
a + b
"""),
("ops/eval", "tf-static", """
import tensorflow as tf
a = tf.constant([[1.0, -2.0], [3.0, 4.0]])
with tf.Session() as sess:
    print(sess.run(tf.nn.relu(a)))
    print(sess.run(tf.square(a)))
    print(sess.run(tf.reduce_mean(a)), sess.run(tf.reduce_sum(a, 0)), sess.run(tf.reduce_mean(a, axis=1, keepdims=True)))
    print(sess.run(tf.matmul(a, a)), sess.run(tf.matmul(a, a, transpose_b=True)))
    print(sess.run(tf.subtract(a, 1.0)), sess.run(a / 2.0), sess.run(-a))
    print(sess.run(tf.reshape(a, [4])), sess.run(tf.reshape(a, [-1, 1])))
    print(sess.run(tf.constant([1, 2, 3]) // 2), sess.run(tf.constant([7, 2]) / 2))
"""),
("ops/gather-more", "tf-gather", """
import tensorflow as tf
p = tf.constant([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
g1 = tf.gather(p, [[1, 0]], axis=2)
g2 = tf.gather(p, [[1], [0]], axis=1, batch_dims=1)
g3 = tf.gather(p, 1)
print(g1, g2, g3)
with tf.Session() as sess:
    print(sess.run(g1))
    print(sess.run(g2))
    print(sess.run(g3))
print(tf.get_default_graph().get_operations()[-1].type, [op.name for op in tf.get_default_graph().get_operations()])
"""),
("ops/gather-oob", "tf-gather", """
import tensorflow as tf
p = tf.constant([1, 2, 3])
with tf.Session() as sess:
    sess.run(tf.gather(p, [5]))
"""),
("ops/conv-same", "tf-conv", """
import numpy as np
import tensorflow as tf
x = tf.constant(np.arange(25, dtype=np.float32).reshape(1, 5, 5, 1))
k = tf.constant(np.ones((3, 3, 1, 2), dtype=np.float32))
a = tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='SAME')
b = tf.nn.conv2d(x, k, strides=2, padding='SAME')
c = tf.nn.conv2d(x, k, strides=[1, 2, 2, 1], padding='VALID', name='myconv')
d = tf.nn.conv2d(x, tf.constant(np.ones((2, 2, 1, 1), dtype=np.float32)), strides=[1, 2, 2, 1], padding='SAME')
print(a, b, c, d)
with tf.Session() as sess:
    print(sess.run(a)[0, :, :, 1])
    print(sess.run(b)[0, :, :, 0])
    print(sess.run(c)[0, :, :, 0])
    print(sess.run(d)[0, :, :, 0])
"""),
("ops/patches-same", "tf-conv", """
import numpy as np
import tensorflow as tf
x = tf.constant(np.arange(9, dtype=np.float32).reshape(1, 3, 3, 1))
p = tf.image.extract_patches(x, sizes=[1, 2, 2, 1], strides=[1, 2, 2, 1], rates=[1, 1, 1, 1], padding='SAME')
print(p)
with tf.Session() as sess:
    print(sess.run(p))
"""),
("grad/ops-list", "tf-grad", """
import tensorflow as tf
x = tf.placeholder(tf.float32, shape=[None, 2])
w = tf.Variable([[1.0], [2.0]], name='w')
b = tf.Variable(0.5, name='b')
y = tf.matmul(x, w) + b
loss = tf.reduce_mean(tf.square(y))
g = tf.gradients(loss, [w, b])
print(g)
print([op.name for op in tf.get_default_graph().get_operations()])
print([op.type for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(g, feed_dict={x: [[1.0, 2.0], [3.0, 4.0]]}))
"""),
("grad/minimize-ops", "tf-grad", """
import tensorflow as tf
x = tf.constant([1.0, 2.0])
w = tf.Variable([0.5], name='w')
loss = tf.reduce_mean(tf.square(w * x - 1.0))
n0 = len(tf.get_default_graph().get_operations())
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
ops = tf.get_default_graph().get_operations()
print(n0, len(ops), train.name, train.type)
print([op.name for op in ops[n0:]])
print([op.type for op in ops[n0:]])
"""),
("grad/simple", "tf-grad", """
import tensorflow as tf
x = tf.constant(3.0)
y = tf.constant(2.0)
z = x * y + x - y
print(tf.gradients(z, [x, y]))
print(tf.gradients(z, x))
print(tf.gradients(z * 2.0, [x]))
print([op.name for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    print(sess.run(tf.gradients(z, [x, y])))
"""),
("grad/none", "tf-grad", """
import tensorflow as tf
x = tf.constant(3.0)
y = tf.constant(2.0)
z = x * 2.0
print(tf.gradients(z, [x, y]))
"""),
("grad/relu-conv", "tf-grad", """
import numpy as np
import tensorflow as tf
x = tf.constant(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1) - 8.0)
k = tf.Variable(np.ones((2, 2, 1, 1), dtype=np.float32))
y = tf.reduce_sum(tf.nn.relu(tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='SAME')))
g = tf.gradients(y, [k, x])
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    a, b = sess.run(g)
    print(a[:, :, 0, 0])
    print(b[0, :, :, 0])
"""),
("static/q11-random", "tf-static", """
import numpy as np
import tensorflow as tf
x = np.array([1.0, 2.0, 3.0], dtype=np.float32)
y = x * 3.0 - 1.0
x_data = tf.placeholder(tf.float32)
y_data = tf.placeholder(tf.float32)
weight = tf.Variable(tf.random_uniform([1], -1.0, 1.0))
biases = tf.Variable(tf.zeros([1]))
pred = weight * x_data + biases
loss = tf.reduce_mean(tf.square(pred - y_data))
train_step = tf.train.GradientDescentOptimizer(learning_rate=0.05).minimize(loss)
print([op.name for op in tf.get_default_graph().get_operations()])
sess = tf.Session()
sess.run(tf.initialize_all_variables())
for step in range(2000):
    sess.run(train_step, feed_dict={x_data: x, y_data: y})
print(np.round(sess.run(weight), 2), np.round(sess.run(biases), 2))
"""),
("graph/lookup", "tf-graph", """
import tensorflow as tf
a = tf.constant(1.0, name='a')
b = tf.add(a, a, name='b')
g = tf.get_default_graph()
print(g.get_operation_by_name('b'), g.get_tensor_by_name('b:0'))
print(g.get_tensor_by_name('b:0') is b, b.op.outputs[0] is b, b.value_index)
print(b.op.node_def.name if hasattr(b.op, 'node_def') else None)
print(a.op.inputs, list(a.op.inputs), b.consumers())
"""),
("graph/lookup-missing", "tf-graph", """
import tensorflow as tf
tf.get_default_graph().get_operation_by_name('nope')
"""),
("graph/lookup-missing-t", "tf-graph", """
import tensorflow as tf
tf.constant(1.0, name='a')
tf.get_default_graph().get_tensor_by_name('a:1')
"""),
("graph/reset", "tf-graph", """
import tensorflow as tf
a = tf.constant(1.0)
tf.reset_default_graph()
b = tf.constant(1.0)
print(b.name, len(tf.get_default_graph().get_operations()))
g = tf.Graph()
with g.as_default():
    c = tf.constant(1.0)
print(c.name, c.graph is g, len(tf.get_default_graph().get_operations()))
"""),
("graph/repr-misc", "tf-graph", """
import tensorflow as tf
a = tf.constant([[1, 2]], dtype=tf.int64)
print(a, a.dtype, a.shape, a.get_shape(), a.shape.as_list(), a.shape[1], a.shape.ndims, len(a.shape))
print(tf.float32, tf.int32, tf.float64, tf.bool, repr(tf.float32), tf.float32.name)
x = tf.placeholder(tf.float32, [None, 3])
print(x.shape.as_list(), x.shape[0], x.get_shape())
print(repr(x), str(x), [x])
print(a.op)
"""),
("var/scope-objects", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('model') as scope:
    print(scope.name, scope.reuse, scope.original_name_scope)
    w = tf.get_variable('w', [2], initializer=tf.constant_initializer(0.5), trainable=False)
    scope.reuse_variables()
    print(tf.get_variable_scope().reuse)
    w2 = tf.get_variable('w')
print(w is w2, w2, len(tf.trainable_variables()), len(tf.global_variables()))
with tf.variable_scope(None, default_name='block'):
    a = tf.get_variable('a', [1])
with tf.variable_scope(None, default_name='block'):
    b = tf.get_variable('a', [1])
print(a.name, b.name)
with tf.name_scope('outer') as ns:
    print(ns)
    with tf.name_scope('inner') as ns2:
        print(ns2, tf.get_default_graph().get_name_scope())
with tf.name_scope('outer'):
    c = tf.constant(1.0, name='c')
print(c.name, c.op.name)
"""),
("var/init-values", "tf-variable", """
import tensorflow as tf
a = tf.Variable([[1, 2], [3, 4]], name='a')
b = tf.Variable(tf.ones([2, 3]) * 2.0)
c = tf.get_variable('c', shape=[2, 2], initializer=tf.constant_initializer([1.0, 2.0, 3.0, 4.0]))
d = tf.get_variable('d', [3], dtype=tf.int32, initializer=tf.zeros_initializer())
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(a))
    print(sess.run(b))
    print(sess.run(c))
    print(sess.run(d), d.dtype)
    print(a.eval(), sess.run(a.initial_value))
"""),
("var/counter", "tf-static", """
import tensorflow as tf
count = tf.Variable(0, name='count')
step = tf.assign(count, count + 1)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for _ in range(3):
        print(sess.run(step))
    print(sess.run(count), step)
"""),
("graph/new-graph", "tf-graph", """
import tensorflow as tf
g1 = tf.Graph()
g2 = tf.Graph()
with g1.as_default():
    a = tf.constant([1.0, 2.0], name='a')
    b = a * 2
with g2.as_default():
    c = tf.constant(3, name='a')
print(a.graph is g1, c.graph is g2, a.name, c.name)
print(len(g1.get_operations()), len(g2.get_operations()), len(tf.get_default_graph().get_operations()))
with tf.Session(graph=g1) as sess:
    print(sess.run(b))
print([t.name for t in b.op.inputs], a.consumers())
"""),
("graph/nodes-edges", "tf-graph", """
import tensorflow as tf
x = tf.placeholder(tf.float32, [None, 2], name='x')
w = tf.Variable(tf.ones([2, 1]), name='w')
b = tf.Variable(0.0, name='b')
y = tf.nn.relu(tf.matmul(x, w) + b, name='y')
g = tf.get_default_graph()
for op in g.get_operations():
    print(op.name, op.type, [t.name for t in op.inputs], [t.name for t in op.outputs])
print(y, y.op.inputs[0])
"""),
("graph/shape-fns", "tf-graph", """
import tensorflow as tf
x = tf.placeholder(tf.float32, [None, 28, 28, 1])
k = tf.zeros([5, 5, 1, 32])
c1 = tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='SAME')
c2 = tf.nn.conv2d(c1, tf.zeros([3, 3, 32, 64]), strides=[1, 2, 2, 1], padding='VALID')
f = tf.reshape(c2, [-1, 13 * 13 * 64])
print(c1.shape, c2.shape, f.shape, tf.shape(x), tf.shape(k))
print(tf.reduce_mean(x, axis=[1, 2]), tf.reduce_sum(x, axis=-1, keepdims=True))
print(tf.gather(x, [0, 1]), tf.gather(x, 3, axis=1))
print(tf.transpose(k), tf.transpose(k, [3, 0, 1, 2]))
"""),
("graph/reshape-err", "tf-graph", """
import tensorflow as tf
a = tf.constant([1, 2, 3, 4, 5, 6])
tf.reshape(a, [4, -1])
"""),
("graph/conv-err", "tf-conv", """
import tensorflow as tf
x = tf.zeros([1, 4, 4, 3])
k = tf.zeros([2, 2, 2, 8])
tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='VALID')
"""),
("static/runtime-errs", "tf-static", """
import tensorflow as tf
x = tf.placeholder(tf.float32)
y = tf.placeholder(tf.float32)
z = tf.matmul(x, y)
with tf.Session() as sess:
    sess.run(z, feed_dict={x: [[1.0, 2.0, 3.0]], y: [[1.0, 2.0]]})
"""),
("static/runtime-broadcast", "tf-static", """
import tensorflow as tf
x = tf.placeholder(tf.float32)
y = tf.placeholder(tf.float32)
with tf.Session() as sess:
    print(sess.run(x + y, feed_dict={x: [[1.0], [2.0]], y: [10.0, 20.0, 30.0]}))
    sess.run(x + y, feed_dict={x: [1.0, 2.0, 3.0], y: [1.0, 2.0]})
"""),
("static/feed-dtype-int", "tf-static", """
import tensorflow as tf
x = tf.placeholder(tf.int32, shape=[3], name='ids')
y = x * 2
with tf.Session() as sess:
    print(sess.run(y, feed_dict={x: [1, 2, 3]}))
    print(sess.run([x, y], {x: [4, 5, 6]}))
    print(sess.run(y, feed_dict={'ids:0': [7, 8, 9]}))
"""),
("static/eval-default", "tf-static", """
import tensorflow as tf
a = tf.constant([[1.0, 2.0], [3.0, 4.0]])
b = tf.matmul(a, a)
sess = tf.InteractiveSession()
print(b.eval())
print(tf.reduce_sum(b).eval(), tf.reduce_max(a, axis=0).eval(), tf.argmax(a, axis=1).eval())
sess.close()
"""),
("static/fetch-errs", "tf-static", """
import tensorflow as tf
a = tf.constant(1.0)
with tf.Session() as sess:
    sess.run([a, None])
"""),
("static/closed", "tf-static", """
import tensorflow as tf
a = tf.constant(1.0)
sess = tf.Session()
sess.close()
sess.run(a)
"""),
("static/control-deps", "tf-static", """
import tensorflow as tf
v = tf.Variable(0.0)
inc = tf.assign_add(v, 1.0)
with tf.control_dependencies([inc]):
    out = tf.identity(v)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(out), sess.run(out), sess.run(v))
print(out.op.control_inputs)
"""),
("grad/more", "tf-grad", """
import tensorflow as tf
x = tf.Variable([[1.0, 2.0], [3.0, 4.0]], name='x')
y = tf.reduce_sum(tf.square(x) * 3.0 + tf.nn.relu(x - 2.5))
g = tf.gradients(y, x)[0]
h = tf.gradients(tf.reduce_mean(x / 2.0), [x])
print(g, h)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    print(sess.run(g))
    print(sess.run(h))
"""),
("grad/train-linear", "tf-grad", """
import tensorflow as tf
x = tf.placeholder(tf.float32, [None, 1])
y = tf.placeholder(tf.float32, [None, 1])
w = tf.Variable([[0.0]])
b = tf.Variable([0.0])
pred = tf.matmul(x, w) + b
loss = tf.reduce_mean(tf.square(pred - y))
train = tf.train.GradientDescentOptimizer(0.1).minimize(loss)
xs = [[1.0], [2.0], [3.0]]
ys = [[3.0], [5.0], [7.0]]
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(500):
        _, l = sess.run([train, loss], feed_dict={x: xs, y: ys})
    print(sess.run([w, b]), l < 1e-3)
print(len(tf.get_default_graph().get_operations()))
"""),
("gather/errors", "tf-gather", """
import tensorflow as tf
p = tf.constant([[1, 2], [3, 4]])
with tf.Session() as sess:
    print(sess.run(tf.gather(p, [[1, 0], [0, 0]])))
    print(sess.run(tf.gather(p, [-1 + 2])))
    print(sess.run(tf.gather(p, [1, 1], axis=-1)))
    sess.run(tf.gather(p, [0, 2], axis=1))
"""),
("gather/float", "tf-gather", """
import tensorflow as tf
emb = tf.constant([[0.1, 0.2], [0.3, 0.4], [0.5, 0.6]])
ids = tf.placeholder(tf.int32, [None])
out = tf.gather(emb, ids)
print(out)
with tf.Session() as sess:
    print(sess.run(out, feed_dict={ids: [2, 0, 2]}))
"""),

("ops/more-arrays", "tf-graph", """
import tensorflow as tf
a = tf.constant([[1, 2], [3, 4]])
b = tf.constant([[5, 6]])
c = tf.concat([a, b], axis=0)
d = tf.stack([a, a], axis=1)
e = tf.expand_dims(a, -1)
f = tf.squeeze(tf.zeros([1, 3, 1]))
g = tf.gather_nd(a, [[1, 0], [0, 1]])
x = tf.constant([[[[1.0], [2.0], [3.0]], [[4.0], [5.0], [6.0]], [[7.0], [8.0], [9.0]]]])
mp = tf.nn.max_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
ap = tf.nn.avg_pool(x, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
print(c, d, e, f, g, mp, ap)
print([op.name for op in tf.get_default_graph().get_operations()])
with tf.Session() as sess:
    print(sess.run(c))
    print(sess.run(d))
    print(sess.run(e).shape, sess.run(f).shape, sess.run(g))
    print(sess.run(mp)[0, :, :, 0])
    print(sess.run(ap)[0, :, :, 0])
"""),
("static/fetch-int", "tf-static", """
import tensorflow as tf
with tf.Session() as sess:
    sess.run(5)
"""),
("var/nested", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('a'):
    with tf.variable_scope('b'):
        c = tf.get_variable('c', [1])
        d = tf.Variable(1.0, name='d')
    with tf.name_scope('n'):
        e = tf.get_variable('e', [1])
        f = tf.multiply(e, 2.0)
print(c.name, d.name, e.name, f.name, f.op.inputs[1].name)
with tf.variable_scope('a', reuse=True):
    c2 = tf.get_variable('b/c')
print(c2 is c, tf.global_variables())
v = tf.Variable(tf.random_normal([2, 3], stddev=0.1), trainable=False, name='noise')
print(v, v.trainable, len(tf.trainable_variables()))
"""),
("var/missing-shape", "tf-variable", """
import tensorflow as tf
with tf.variable_scope('s'):
    tf.get_variable('w')
"""),
("var/assign-ops", "tf-variable", """
import tensorflow as tf
v = tf.Variable([1, 2, 3], name='v')
a = v.assign([4, 5, 6])
b = v.assign_add([1, 1, 1])
print(a, b, a.op.name, b.op.type)
with tf.Session() as sess:
    sess.run(v.initializer)
    print(sess.run(v))
    print(sess.run(a), sess.run(b), sess.run(v))
"""),
("graph/attrs", "tf-graph", """
import tensorflow as tf
a = tf.constant([1, 2, 3], name='a')
x = tf.placeholder(tf.float32, [2, 2], name='x')
m = tf.matmul(x, x, transpose_b=True, name='m')
print(a.op.get_attr('dtype'), x.op.get_attr('shape'), m.op.get_attr('transpose_b'))
print(m.op)
print(tf.get_default_graph().get_operation_by_name('x'))
"""),
("graph/counting", "tf-graph", """
import tensorflow as tf
a = tf.constant(1.0)
b = tf.constant(2.0)
c = tf.add(a, b, name='sum')
d = c * c
print(len(tf.get_default_graph().get_operations()))
grads = tf.gradients(d, [a, b])
print(len(tf.get_default_graph().get_operations()), grads)
with tf.Session() as sess:
    print(sess.run(grads), sess.run(d))
"""),
("static/numpy-feeds", "tf-static", """
import numpy as np
import tensorflow as tf
x = tf.placeholder(tf.float32, [None, 3])
w = tf.constant([[0.1], [0.2], [0.3]])
y = tf.matmul(x, w)
data = np.arange(6, dtype=np.float32).reshape(2, 3)
with tf.Session() as sess:
    out = sess.run(y, feed_dict={x: data})
    print(out, out.dtype, out.shape)
    print(sess.run(y, {x: np.ones((1, 3))}))
    print(sess.run(tf.reduce_sum(x, 1), {x: data}) * 2)
"""),
("static/feed-wrong-dtype", "tf-static", """
import numpy as np
import tensorflow as tf
x = tf.placeholder(tf.int32, [2])
with tf.Session() as sess:
    print(sess.run(x, {x: np.array([1.5, 2.5])}))
    print(sess.run(x, {x: [True, False]}))
"""),
("static/tuple-fetch", "tf-static", """
import tensorflow as tf
a = tf.constant(3)
b = tf.constant(4)
with tf.Session() as sess:
    x, y = sess.run([a * b, a + b])
    print(x, y, type(x).__name__)
    r = sess.run({'prod': a * b, 'pair': (a, b)})
    print(r['prod'], r['pair'])
"""),
("gather/batch", "tf-gather", """
import tensorflow as tf
params = tf.constant([[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]])
idx = tf.constant([[2, 0], [1, 1]])
a = tf.gather(params, idx, axis=2, batch_dims=1)
b = tf.gather(params, idx, axis=-1, batch_dims=-1)
c = tf.gather(params, [1], axis=1, batch_dims=0)
print(a, b, c)
with tf.Session() as sess:
    print(sess.run(a))
    print(sess.run(b))
    print(sess.run(c))
"""),
("conv/multi", "tf-conv", """
import numpy as np
import tensorflow as tf
x = tf.constant(np.arange(32, dtype=np.float32).reshape(1, 4, 4, 2))
k = tf.constant(np.arange(36, dtype=np.float32).reshape(3, 3, 2, 2) / 10.0)
y = tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='SAME')
z = tf.nn.conv2d(x, k, strides=[1, 3, 3, 1], padding='SAME')
p = tf.image.extract_patches(x, sizes=[1, 3, 3, 1], strides=[1, 1, 1, 1], rates=[1, 2, 2, 1], padding='VALID')
print(y.shape, z.shape, p.shape)
with tf.Session() as sess:
    print(sess.run(y)[0, :, :, 0])
    print(sess.run(z)[0, :, :, 1])
    print(sess.run(p))
"""),
("ops/numeric", "tf-static", """
import tensorflow as tf
a = tf.constant([[0.5, -1.0, 2.0], [3.0, 0.1, -0.7]])
with tf.Session() as sess:
    print(sess.run(tf.nn.softmax(a)))
    print(sess.run(tf.sigmoid(a)))
    print(sess.run(tf.tanh(a)))
    print(sess.run(tf.exp(a)))
    print(sess.run(tf.sqrt(tf.abs(a))))
    print(sess.run(tf.log(tf.abs(a))))
    print(sess.run(a / 3.0), sess.run(tf.reduce_mean(a, 0)))
    print(sess.run(tf.square(a) * 0.1))
"""),
("ops/int-math", "tf-static", """
import tensorflow as tf
a = tf.constant([7, -7, 3])
b = tf.constant([2, 2, 2])
with tf.Session() as sess:
    print(sess.run(a // b), sess.run(a % b), sess.run(a / b), sess.run(tf.reduce_mean(a)))
    print(sess.run(tf.cast(a, tf.float32) / 2), sess.run(tf.equal(a, 3)), sess.run(tf.argmax(a)))
    print(sess.run(tf.maximum(a, 0)), sess.run(a * -1), sess.run(tf.cast(tf.constant([1.7, -1.7]), tf.int32)))
"""),
("ops/softmax-train", "tf-grad", """
import tensorflow as tf
x = tf.constant([[1.0, 2.0], [0.5, -1.0]])
w = tf.Variable([[0.1, -0.2], [0.3, 0.4]])
y = tf.sigmoid(tf.matmul(x, w))
loss = tf.reduce_sum(tf.square(y - 0.5))
opt = tf.train.GradientDescentOptimizer(0.5)
step = opt.minimize(loss)
with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for i in range(3):
        _, l = sess.run([step, loss])
        print(i, l)
    print(sess.run(w))
"""),
("graph/tensor-getitem", "tf-graph", """
import tensorflow as tf
a = tf.constant([[1, 2, 3], [4, 5, 6]])
b = a[1]
c = a[:, 1:]
print(b, c)
with tf.Session() as sess:
    print(sess.run(b), sess.run(c))
"""),
("static/feed-keyerr", "tf-static", """
import tensorflow as tf
a = tf.constant(1.0)
with tf.Session() as sess:
    sess.run(a, feed_dict={'nope:0': 1.0})
"""),
]


def run(code):
    out = io.StringIO()
    err = None
    tf1.reset_default_graph()
    g = {"__builtins__": dict(builtins.__dict__, __import__=_import), "__name__": "__main__"}
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(code, "<snippet>", "exec"), g)
        except Exception as e:  # noqa: BLE001 - we record any uncaught error
            msg = str(e).split("\n")[0]
            if isinstance(e, tf1.errors.OpError):
                # The transcripts keep the kernel's own message: the line before "\t [[{{node ...}}]]".
                lines = e.message.split("\n")
                for i, line in enumerate(lines):
                    if line.startswith("\t [[") and i > 0:
                        msg = lines[i - 1]
                        break
            err = {"type": type(e).__name__, "message": msg}
    return out.getvalue(), err


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    for cid, topic, code in SNIPPETS:
        if not cid.startswith(only):
            continue
        code = code.lstrip("\n")
        stdout, err = run(code)
        print(json.dumps({"id": "tf-extra/" + cid, "topic": topic, "code": code, "stdout": stdout, "error": err},
                         ensure_ascii=False))


if __name__ == "__main__":
    main()

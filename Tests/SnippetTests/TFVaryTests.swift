import Testing
@testable import Snippet

// Divergences from TensorFlow 2.21 found by Scripts/vary_tf_conformance.py (variants of the visible tf-* conformance
// cases) and fixed in MiniTF. Expected stdout and final error line recorded from TensorFlow 2.21 (tf.compat.v1, graph
// mode) by `Scripts/vary_tf_conformance.py --record <variant id>`, which holds the same snippets.
@Suite(.serialized) struct TFVaryTests {
    @Test func convBadPadding() {
        // variant conv/bad-padding:
        // import numpy as np
        // import tensorflow as tf
        // x = tf.constant(np.ones((1, 4, 4, 1), dtype=np.float32))
        // k = tf.constant(np.ones((2, 2, 1, 1), dtype=np.float32))
        // tf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='same')
        let r = runSnippet("import numpy as np\nimport tensorflow as tf\nx = tf.constant(np.ones((1, 4, 4, 1), dtype=np.float32))\nk = tf.constant(np.ones((2, 2, 1, 1), dtype=np.float32))\ntf.nn.conv2d(x, k, strides=[1, 1, 1, 1], padding='same')\n")
        #expect(r.out == "")
        #expect(r.error == "ValueError: Attr 'padding' of 'Conv2D' Op passed string 'same' not in: \"SAME\", \"VALID\", \"EXPLICIT\".")
    }
    @Test func convBadPaddingPool() {
        // variant conv/bad-padding-pool:
        // import numpy as np
        // import tensorflow as tf
        // x = tf.constant(np.ones((1, 4, 4, 1), dtype=np.float32))
        // for f in [lambda: tf.nn.max_pool(x, 2, 2, 'same'), lambda: tf.nn.avg_pool(x, 2, 2, 'valid'), lambda: tf.nn.conv2d(x, tf.ones([2, 2, 1, 1]), strides=1, padding='Valid'), lambda: tf.image.extract_patches(x, [1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], 'same')]:
        //     try:
        //         f()
        //     except ValueError as e:
        //         print(e)
        let r = runSnippet("import numpy as np\nimport tensorflow as tf\nx = tf.constant(np.ones((1, 4, 4, 1), dtype=np.float32))\nfor f in [lambda: tf.nn.max_pool(x, 2, 2, 'same'), lambda: tf.nn.avg_pool(x, 2, 2, 'valid'), lambda: tf.nn.conv2d(x, tf.ones([2, 2, 1, 1]), strides=1, padding='Valid'), lambda: tf.image.extract_patches(x, [1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1], 'same')]:\n    try:\n        f()\n    except ValueError as e:\n        print(e)\n")
        #expect(r.out == "Attr 'padding' of 'MaxPool' Op passed string 'same' not in: \"SAME\", \"VALID\", \"EXPLICIT\".\nAttr 'padding' of 'AvgPool' Op passed string 'valid' not in: \"SAME\", \"VALID\".\nAttr 'padding' of 'Conv2D' Op passed string 'Valid' not in: \"SAME\", \"VALID\", \"EXPLICIT\".\nAttr 'padding' of 'ExtractImagePatches' Op passed string 'same' not in: \"SAME\", \"VALID\".\n")
        #expect(r.error == nil)
    }
    @Test func gatherErrors() {
        // variant gather/errors:
        // import tensorflow as tf
        // p = tf.zeros([2, 2, 2])
        // for f in [lambda: tf.gather(p, [0, 1], batch_dims=2), lambda: tf.gather(p, [[0], [1]], axis=-4), lambda: tf.gather(p, [[0], [1]], axis=1, batch_dims=-3), lambda: tf.gather(tf.zeros([2, 2]), [[0]], axis=1, batch_dims=2), lambda: tf.gather(p, tf.constant([0], dtype=tf.int64), axis=3)]:
        //     try:
        //         f()
        //     except ValueError as e:
        //         print(e)
        // print(tf.gather(tf.zeros([3, 2]), [[0], [1]], axis=1, batch_dims=1))
        let r = runSnippet("import tensorflow as tf\np = tf.zeros([2, 2, 2])\nfor f in [lambda: tf.gather(p, [0, 1], batch_dims=2), lambda: tf.gather(p, [[0], [1]], axis=-4), lambda: tf.gather(p, [[0], [1]], axis=1, batch_dims=-3), lambda: tf.gather(tf.zeros([2, 2]), [[0]], axis=1, batch_dims=2), lambda: tf.gather(p, tf.constant([0], dtype=tf.int64), axis=3)]:\n    try:\n        f()\n    except ValueError as e:\n        print(e)\nprint(tf.gather(tf.zeros([3, 2]), [[0], [1]], axis=1, batch_dims=1))\n")
        #expect(r.out == "Shape must be at least rank 2 but is rank 1 for '{{node GatherV2}} = GatherV2[Taxis=DT_INT32, Tindices=DT_INT32, Tparams=DT_FLOAT, batch_dims=2](zeros, GatherV2/indices, GatherV2/axis)' with input shapes: [2,2,2], [2], [] and with computed input tensors: input[2] = <2>.\nShape must be at least rank 4 but is rank 3 for '{{node GatherV2_1}} = GatherV2[Taxis=DT_INT32, Tindices=DT_INT32, Tparams=DT_FLOAT, batch_dims=0](zeros, GatherV2_1/indices, GatherV2_1/axis)' with input shapes: [2,2,2], [2,1], [] and with computed input tensors: input[2] = <-4>.\nShape must be at least rank 3 but is rank 2 for '{{node GatherV2_2}} = GatherV2[Taxis=DT_INT32, Tindices=DT_INT32, Tparams=DT_FLOAT, batch_dims=-3](zeros, GatherV2_2/indices, GatherV2_2/axis)' with input shapes: [2,2,2], [2,1], [] and with computed input tensors: input[2] = <1>.\nShape must be at least rank 3 but is rank 2 for '{{node GatherV2_3}} = GatherV2[Taxis=DT_INT32, Tindices=DT_INT32, Tparams=DT_FLOAT, batch_dims=2](zeros_1, GatherV2_3/indices, GatherV2_3/axis)' with input shapes: [2,2], [1,1], [] and with computed input tensors: input[2] = <1>.\nShape must be at least rank 4 but is rank 3 for '{{node GatherV2_4}} = GatherV2[Taxis=DT_INT32, Tindices=DT_INT64, Tparams=DT_FLOAT, batch_dims=0](zeros, Const, GatherV2_4/axis)' with input shapes: [2,2,2], [1], [] and with computed input tensors: input[2] = <3>.\nTensor(\"GatherV2_5:0\", shape=(3, 1), dtype=float32)\n")
        #expect(r.error == nil)
    }
    @Test func gatherAxis0Batch() {
        // variant gather/axis0-batch:
        // import tensorflow as tf
        // p = tf.constant([[1, 2], [3, 4]])
        // g = tf.gather(p, [[0, 1]], axis=0, batch_dims=1)
        // print(g)
        // with tf.Session() as s:
        //     print(s.run(g))
        let r = runSnippet("import tensorflow as tf\np = tf.constant([[1, 2], [3, 4]])\ng = tf.gather(p, [[0, 1]], axis=0, batch_dims=1)\nprint(g)\nwith tf.Session() as s:\n    print(s.run(g))\n")
        #expect(r.out == "Tensor(\"GatherV2:0\", shape=(1, 2, 2), dtype=int32)\n[[[1 2]\n  [3 4]]]\n")
        #expect(r.error == nil)
    }
    @Test func staticFetchErrors() {
        // variant static/fetch-errors:
        // import numpy as np
        // import tensorflow as tf
        // a = tf.constant(1.0, name='k')
        // s = tf.Session()
        // for f in [3, 2.5, True, np.float32(1.0), 'nope:0', 'nope', 'k:1', [a, 'k:3']]:
        //     try:
        //         print(s.run(f))
        //     except (TypeError, ValueError) as e:
        //         print(type(e).__name__, e)
        let r = runSnippet("import numpy as np\nimport tensorflow as tf\na = tf.constant(1.0, name='k')\ns = tf.Session()\nfor f in [3, 2.5, True, np.float32(1.0), 'nope:0', 'nope', 'k:1', [a, 'k:3']]:\n    try:\n        print(s.run(f))\n    except (TypeError, ValueError) as e:\n        print(type(e).__name__, e)\n")
        #expect(r.out == "TypeError Argument `fetch` = 3 has invalid type \"int\" must be a string or Tensor. (Can not convert a int into a Tensor or Operation.)\nTypeError Argument `fetch` = 2.5 has invalid type \"float\" must be a string or Tensor. (Can not convert a float into a Tensor or Operation.)\nTypeError Argument `fetch` = True has invalid type \"bool\" must be a string or Tensor. (Can not convert a bool into a Tensor or Operation.)\nTypeError Argument `fetch` = 1.0 has invalid type \"float32\" must be a string or Tensor. (Can not convert a float32 into a Tensor or Operation.)\nValueError Argument `fetch` = nope:0 cannot be interpreted as a Tensor. (\"The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not exist in the graph.\")\nValueError Argument `fetch` = nope cannot be interpreted as a Tensor. (\"The name 'nope' refers to an Operation not in the graph.\")\nValueError Argument `fetch` = k:1 cannot be interpreted as a Tensor. (\"The name 'k:1' refers to a Tensor which does not exist. The operation, 'k', exists but only has 1 outputs.\")\nValueError Argument `fetch` = k:3 cannot be interpreted as a Tensor. (\"The name 'k:3' refers to a Tensor which does not exist. The operation, 'k', exists but only has 1 outputs.\")\n")
        #expect(r.error == nil)
    }
    @Test func staticRunStrFetch() {
        // variant static/run-str-fetch:
        // import tensorflow as tf
        // a = tf.constant([1, 2], name='k')
        // with tf.Session() as s:
        //     print(s.run('k:0'), s.run(['k:0', a]))
        //     s.run('nope:0')
        let r = runSnippet("import tensorflow as tf\na = tf.constant([1, 2], name='k')\nwith tf.Session() as s:\n    print(s.run('k:0'), s.run(['k:0', a]))\n    s.run('nope:0')\n")
        #expect(r.out == "[1 2] [array([1, 2], dtype=int32), array([1, 2], dtype=int32)]\n")
        #expect(r.error == "ValueError: Argument `fetch` = nope:0 cannot be interpreted as a Tensor. (\"The name 'nope:0' refers to a Tensor which does not exist. The operation, 'nope', does not exist in the graph.\")")
    }
    @Test func staticAssignShapeErrors() {
        // variant static/assign-shape-errors:
        // import tensorflow as tf
        // v = tf.Variable([[1.0, 2.0]])
        // for x in [[1.0, 2.0], [[1.0, 2.0, 3.0]], [[1.0], [2.0]], 5.0]:
        //     for f in [tf.assign, tf.assign_add]:
        //         try:
        //             f(v, x)
        //         except ValueError as e:
        //             print(e)
        // w = tf.assign(v, [[1.0], [2.0]], validate_shape=False)
        // print(w)
        let r = runSnippet("import tensorflow as tf\nv = tf.Variable([[1.0, 2.0]])\nfor x in [[1.0, 2.0], [[1.0, 2.0, 3.0]], [[1.0], [2.0]], 5.0]:\n    for f in [tf.assign, tf.assign_add]:\n        try:\n            f(v, x)\n        except ValueError as e:\n            print(e)\nw = tf.assign(v, [[1.0], [2.0]], validate_shape=False)\nprint(w)\n")
        #expect(r.out == "Shapes must be equal rank, but are 2 and 1 for '{{node Assign}} = Assign[T=DT_FLOAT, use_locking=true, validate_shape=true](Variable, Assign/value)' with input shapes: [1,2], [2].\nShapes must be equal rank, but are 2 and 1 for '{{node AssignAdd}} = AssignAdd[T=DT_FLOAT, use_locking=false](Variable, AssignAdd/value)' with input shapes: [1,2], [2].\nDimension 1 in both shapes must be equal, but are 2 and 3. Shapes are [1,2] and [1,3]. for '{{node Assign_1}} = Assign[T=DT_FLOAT, use_locking=true, validate_shape=true](Variable, Assign_1/value)' with input shapes: [1,2], [1,3].\nDimension 1 in both shapes must be equal, but are 2 and 3. Shapes are [1,2] and [1,3]. for '{{node AssignAdd_1}} = AssignAdd[T=DT_FLOAT, use_locking=false](Variable, AssignAdd_1/value)' with input shapes: [1,2], [1,3].\nDimension 0 in both shapes must be equal, but are 1 and 2. Shapes are [1,2] and [2,1]. for '{{node Assign_2}} = Assign[T=DT_FLOAT, use_locking=true, validate_shape=true](Variable, Assign_2/value)' with input shapes: [1,2], [2,1].\nDimension 0 in both shapes must be equal, but are 1 and 2. Shapes are [1,2] and [2,1]. for '{{node AssignAdd_2}} = AssignAdd[T=DT_FLOAT, use_locking=false](Variable, AssignAdd_2/value)' with input shapes: [1,2], [2,1].\nShapes must be equal rank, but are 2 and 0 for '{{node Assign_3}} = Assign[T=DT_FLOAT, use_locking=true, validate_shape=true](Variable, Assign_3/value)' with input shapes: [1,2], [].\nShapes must be equal rank, but are 2 and 0 for '{{node AssignAdd_3}} = AssignAdd[T=DT_FLOAT, use_locking=false](Variable, AssignAdd_3/value)' with input shapes: [1,2], [].\nTensor(\"Assign_4:0\", shape=(2, 1), dtype=float32_ref)\n")
        #expect(r.error == nil)
    }
    @Test func staticAssignValidate() {
        // variant static/assign-validate:
        // import tensorflow as tf
        // v = tf.Variable([1.0, 2.0], validate_shape=False)
        // a = tf.assign(v, [1.0, 2.0, 3.0], validate_shape=False)
        // print(a)
        // with tf.Session() as s:
        //     s.run(v.initializer)
        //     print(s.run(a), s.run(v))
        let r = runSnippet("import tensorflow as tf\nv = tf.Variable([1.0, 2.0], validate_shape=False)\na = tf.assign(v, [1.0, 2.0, 3.0], validate_shape=False)\nprint(a)\nwith tf.Session() as s:\n    s.run(v.initializer)\n    print(s.run(a), s.run(v))\n")
        #expect(r.out == "Tensor(\"Assign:0\", shape=(3,), dtype=float32_ref)\n[1. 2. 3.] [1. 2. 3.]\n")
        #expect(r.error == nil)
    }
    @Test func varGetVariableDtypeMismatch() {
        // variant var/get-variable-dtype-mismatch:
        // import tensorflow as tf
        // with tf.variable_scope('x'):
        //     a = tf.get_variable('a', [1])
        // with tf.variable_scope('x', reuse=True):
        //     b = tf.get_variable('a', [1], dtype=tf.int32)
        let r = runSnippet("import tensorflow as tf\nwith tf.variable_scope('x'):\n    a = tf.get_variable('a', [1])\nwith tf.variable_scope('x', reuse=True):\n    b = tf.get_variable('a', [1], dtype=tf.int32)\n")
        #expect(r.out == "")
        #expect(r.error == "ValueError: Trying to share variable x/a, but specified dtype int32 and found dtype float32_ref.")
    }
    @Test func staticPlaceholderDefault() {
        // variant static/placeholder-default:
        // import tensorflow as tf
        // x = tf.placeholder_with_default([1.0, 2.0], shape=[None])
        // y = x * 2
        // print(x, y)
        // with tf.Session() as s:
        //     print(s.run(y), s.run(y, {x: [5.0]}))
        let r = runSnippet("import tensorflow as tf\nx = tf.placeholder_with_default([1.0, 2.0], shape=[None])\ny = x * 2\nprint(x, y)\nwith tf.Session() as s:\n    print(s.run(y), s.run(y, {x: [5.0]}))\n")
        #expect(r.out == "Tensor(\"PlaceholderWithDefault:0\", shape=(?,), dtype=float32) Tensor(\"mul:0\", shape=(?,), dtype=float32)\n[2. 4.] [10.]\n")
        #expect(r.error == nil)
    }
    @Test func staticPlaceholderDefaultMore() {
        // variant static/placeholder-default-more:
        // import tensorflow as tf
        // x = tf.placeholder_with_default([1.0, 2.0], shape=[None])
        // print(x.op)
        // print([o.name for o in tf.get_default_graph().get_operations()])
        // print(tf.placeholder_with_default(3, []), tf.placeholder_with_default([[1, 2]], [1, None], name='pd'))
        // g = tf.gradients(x * x, x)
        // print(g)
        // with tf.Session() as s:
        //     print(s.run(g), s.run(g, {x: [3.0]}))
        // for shape in [[3], [2, 1]]:
        //     try:
        //         tf.placeholder_with_default([1.0, 2.0], shape=shape)
        //     except ValueError as e:
        //         print(e)
        // with tf.Session() as s:
        //     s.run(x, {x: [[1.0]]})
        let r = runSnippet("import tensorflow as tf\nx = tf.placeholder_with_default([1.0, 2.0], shape=[None])\nprint(x.op)\nprint([o.name for o in tf.get_default_graph().get_operations()])\nprint(tf.placeholder_with_default(3, []), tf.placeholder_with_default([[1, 2]], [1, None], name='pd'))\ng = tf.gradients(x * x, x)\nprint(g)\nwith tf.Session() as s:\n    print(s.run(g), s.run(g, {x: [3.0]}))\nfor shape in [[3], [2, 1]]:\n    try:\n        tf.placeholder_with_default([1.0, 2.0], shape=shape)\n    except ValueError as e:\n        print(e)\nwith tf.Session() as s:\n    s.run(x, {x: [[1.0]]})\n")
        #expect(r.out == "name: \"PlaceholderWithDefault\"\nop: \"PlaceholderWithDefault\"\ninput: \"PlaceholderWithDefault/input\"\nattr {\n  key: \"shape\"\n  value {\n    shape {\n      dim {\n        size: -1\n      }\n    }\n  }\n}\nattr {\n  key: \"dtype\"\n  value {\n    type: DT_FLOAT\n  }\n}\n\n['PlaceholderWithDefault/input', 'PlaceholderWithDefault']\nTensor(\"PlaceholderWithDefault_1:0\", shape=(), dtype=int32) Tensor(\"pd:0\", shape=(1, ?), dtype=int32)\n[<tf.Tensor 'gradients/AddN:0' shape=(?,) dtype=float32>]\n[array([2., 4.], dtype=float32)] [array([6.], dtype=float32)]\nDimension 0 in both shapes must be equal, but are 2 and 3. Shapes are [2] and [3]. for '{{node PlaceholderWithDefault_2}} = PlaceholderWithDefault[dtype=DT_FLOAT, shape=[3]](PlaceholderWithDefault_2/input)' with input shapes: [2].\nShapes must be equal rank, but are 1 and 2 for '{{node PlaceholderWithDefault_3}} = PlaceholderWithDefault[dtype=DT_FLOAT, shape=[2,1]](PlaceholderWithDefault_3/input)' with input shapes: [2].\n")
        #expect(r.error == "ValueError: Cannot feed value of shape (1, 1) for Tensor PlaceholderWithDefault:0, which has shape (?,)")
    }
    @Test func gatherFloatIdxNd() {
        // variant gather/float-idx-nd:
        // import tensorflow as tf
        // for f in [lambda: tf.gather_nd([1, 2], [0.0]), lambda: tf.gather([1, 2], [0], axis=0.0), lambda: tf.gather([1, 2], tf.constant([0.0]))]:
        //     try:
        //         f()
        //     except TypeError as e:
        //         print(e)
        let r = runSnippet("import tensorflow as tf\nfor f in [lambda: tf.gather_nd([1, 2], [0.0]), lambda: tf.gather([1, 2], [0], axis=0.0), lambda: tf.gather([1, 2], tf.constant([0.0]))]:\n    try:\n        f()\n    except TypeError as e:\n        print(e)\n")
        #expect(r.out == "Value passed to parameter 'indices' has DataType float32 not in list of allowed values: int16, int32, int64\nValue passed to parameter 'axis' has DataType float32 not in list of allowed values: int32, int64\nValue passed to parameter 'indices' has DataType float32 not in list of allowed values: int16, int32, int64\n")
        #expect(r.error == nil)
    }
    @Test func varCollections() {
        // variant var/collections:
        // import tensorflow as tf
        // a = tf.Variable(1.0, name='a')
        // b = tf.Variable(2.0, name='b', trainable=False)
        // print(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES))
        // print(tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES))
        // print(tf.global_variables(), tf.local_variables())
        // print(tf.trainable_variables('a'))
        let r = runSnippet("import tensorflow as tf\na = tf.Variable(1.0, name='a')\nb = tf.Variable(2.0, name='b', trainable=False)\nprint(tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES))\nprint(tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES))\nprint(tf.global_variables(), tf.local_variables())\nprint(tf.trainable_variables('a'))\n")
        #expect(r.out == "[<tf.Variable 'a:0' shape=() dtype=float32_ref>, <tf.Variable 'b:0' shape=() dtype=float32_ref>]\n[<tf.Variable 'a:0' shape=() dtype=float32_ref>]\n[<tf.Variable 'a:0' shape=() dtype=float32_ref>, <tf.Variable 'b:0' shape=() dtype=float32_ref>] []\n[<tf.Variable 'a:0' shape=() dtype=float32_ref>]\n")
        #expect(r.error == nil)
    }
    @Test func varCollectionsScope() {
        // variant var/collections-scope:
        // import tensorflow as tf
        // print(tf.GraphKeys, tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.LOCAL_VARIABLES, tf.GraphKeys.UPDATE_OPS)
        // with tf.variable_scope('ab'):
        //     a = tf.Variable(1.0, name='x')
        // b = tf.Variable(1.0, name='abc')
        // c = tf.Variable(1.0, name='zab', trainable=False)
        // print(tf.get_collection('variables', 'ab'), tf.trainable_variables('a.c'), tf.global_variables(scope='z'))
        // print(tf.get_collection('nope'), tf.local_variables(), tf.get_collection(tf.GraphKeys.UPDATE_OPS))
        // print(tf.get_default_graph().get_collection('trainable_variables', scope='ab/'))
        let r = runSnippet("import tensorflow as tf\nprint(tf.GraphKeys, tf.GraphKeys.GLOBAL_VARIABLES, tf.GraphKeys.TRAINABLE_VARIABLES, tf.GraphKeys.LOCAL_VARIABLES, tf.GraphKeys.UPDATE_OPS)\nwith tf.variable_scope('ab'):\n    a = tf.Variable(1.0, name='x')\nb = tf.Variable(1.0, name='abc')\nc = tf.Variable(1.0, name='zab', trainable=False)\nprint(tf.get_collection('variables', 'ab'), tf.trainable_variables('a.c'), tf.global_variables(scope='z'))\nprint(tf.get_collection('nope'), tf.local_variables(), tf.get_collection(tf.GraphKeys.UPDATE_OPS))\nprint(tf.get_default_graph().get_collection('trainable_variables', scope='ab/'))\n")
        #expect(r.out == "<class 'tensorflow.python.framework.ops.GraphKeys'> variables trainable_variables local_variables update_ops\n[<tf.Variable 'ab/x:0' shape=() dtype=float32_ref>, <tf.Variable 'abc:0' shape=() dtype=float32_ref>] [<tf.Variable 'abc:0' shape=() dtype=float32_ref>] [<tf.Variable 'zab:0' shape=() dtype=float32_ref>]\n[] [] []\n[<tf.Variable 'ab/x:0' shape=() dtype=float32_ref>]\n")
        #expect(r.error == nil)
    }
    @Test func graphLiteralDtypeErrors() {
        // variant graph/literal-dtype-errors:
        // import tensorflow as tf
        // a = tf.constant([1, 2])
        // v = tf.Variable(1)
        // for f in [lambda: tf.add(a, 0.5), lambda: a + 0.5, lambda: 0.5 + a, lambda: a - 0.5, lambda: 0.5 * a, lambda: a * 2.5, lambda: a / 0.5, lambda: tf.pow(a, 0.5), lambda: tf.maximum(a, [0.5, 1.5]), lambda: tf.multiply(a, [[1.5]]), lambda: tf.matmul([[1]], [[0.5]]), lambda: tf.add(a, [0.5, 1.5]), lambda: tf.assign_add(v, 0.5), lambda: tf.assign(v, [[2.5]])]:
        //     try:
        //         print(f())
        //     except TypeError as e:
        //         print(e)
        // print(a + 2.0, tf.add(a, 3.0), a / 2)
        let r = runSnippet("import tensorflow as tf\na = tf.constant([1, 2])\nv = tf.Variable(1)\nfor f in [lambda: tf.add(a, 0.5), lambda: a + 0.5, lambda: 0.5 + a, lambda: a - 0.5, lambda: 0.5 * a, lambda: a * 2.5, lambda: a / 0.5, lambda: tf.pow(a, 0.5), lambda: tf.maximum(a, [0.5, 1.5]), lambda: tf.multiply(a, [[1.5]]), lambda: tf.matmul([[1]], [[0.5]]), lambda: tf.add(a, [0.5, 1.5]), lambda: tf.assign_add(v, 0.5), lambda: tf.assign(v, [[2.5]])]:\n    try:\n        print(f())\n    except TypeError as e:\n        print(e)\nprint(a + 2.0, tf.add(a, 3.0), a / 2)\n")
        #expect(r.out == "Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.\nInput 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.\nExpected int32, but got 0.5 of type 'float'.\nExpected int32 passed to parameter 'y' of op 'Sub', got 0.5 of type 'float' instead. Error: Expected int32, but got 0.5 of type 'float'.\nExpected int32, but got 0.5 of type 'float'.\nExpected int32 passed to parameter 'y' of op 'Mul', got 2.5 of type 'float' instead. Error: Expected int32, but got 2.5 of type 'float'.\n`x` and `y` must have the same dtype, got tf.int32 != tf.float32.\nExpected int32 passed to parameter 'y' of op 'Pow', got 0.5 of type 'float' instead. Error: Expected int32, but got 0.5 of type 'float'.\nExpected int32 passed to parameter 'y' of op 'Maximum', got [0.5, 1.5] of type 'list' instead. Error: Expected int32, but got 0.5 of type 'float'.\nExpected int32 passed to parameter 'y' of op 'Mul', got [[1.5]] of type 'list' instead. Error: Expected int32, but got 1.5 of type 'float'.\nInput 'b' of 'MatMul' Op has type float32 that does not match type int32 of argument 'a'.\nInput 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.\nExpected int32 passed to parameter 'value' of op 'AssignAdd', got 0.5 of type 'float' instead. Error: Expected int32, but got 0.5 of type 'float'.\nExpected int32 passed to parameter 'value' of op 'Assign', got [[2.5]] of type 'list' instead. Error: Expected int32, but got 2.5 of type 'float'.\n")
        #expect(r.error == "TypeError: Input 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.")
    }
    @Test func graphFloatToInt() {
        // variant graph/float-to-int:
        // import tensorflow as tf
        // a = tf.constant([1, 2])
        // for f in [lambda: a * 2.0, lambda: 2.0 * a, lambda: tf.constant(2.0, dtype=tf.int32), lambda: tf.constant([1.0, 2.5], dtype=tf.int32), lambda: tf.assign(tf.Variable(1), 2.0), lambda: a - 1.0, lambda: tf.add(a, 1.0), lambda: tf.fill([2], 2.0) + a, lambda: tf.zeros([2], tf.int32) + 1.0]:
        //     try:
        //         print(f())
        //     except TypeError as e:
        //         print(e)
        // print(tf.cast(2.0, tf.int32), a * True, tf.constant(True, dtype=tf.int32), tf.constant(3, dtype=tf.float32))
        let r = runSnippet("import tensorflow as tf\na = tf.constant([1, 2])\nfor f in [lambda: a * 2.0, lambda: 2.0 * a, lambda: tf.constant(2.0, dtype=tf.int32), lambda: tf.constant([1.0, 2.5], dtype=tf.int32), lambda: tf.assign(tf.Variable(1), 2.0), lambda: a - 1.0, lambda: tf.add(a, 1.0), lambda: tf.fill([2], 2.0) + a, lambda: tf.zeros([2], tf.int32) + 1.0]:\n    try:\n        print(f())\n    except TypeError as e:\n        print(e)\nprint(tf.cast(2.0, tf.int32), a * True, tf.constant(True, dtype=tf.int32), tf.constant(3, dtype=tf.float32))\n")
        #expect(r.out == "Expected int32 passed to parameter 'y' of op 'Mul', got 2.0 of type 'float' instead. Error: Expected int32, but got 2.0 of type 'float'.\nExpected int32, but got 2.0 of type 'float'.\nExpected int32, but got 2.0 of type 'float'.\nExpected int32, but got 1.0 of type 'float'.\nExpected int32 passed to parameter 'value' of op 'Assign', got 2.0 of type 'float' instead. Error: Expected int32, but got 2.0 of type 'float'.\nExpected int32 passed to parameter 'y' of op 'Sub', got 1.0 of type 'float' instead. Error: Expected int32, but got 1.0 of type 'float'.\nInput 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.\nInput 'y' of 'AddV2' Op has type int32 that does not match type float32 of argument 'x'.\nInput 'y' of 'AddV2' Op has type float32 that does not match type int32 of argument 'x'.\nTensor(\"Cast:0\", shape=(), dtype=int32) Tensor(\"mul_2:0\", shape=(2,), dtype=int32) Tensor(\"Const_1:0\", shape=(), dtype=int32) Tensor(\"Const_2:0\", shape=(), dtype=float32)\n")
        #expect(r.error == nil)
    }
    @Test func staticIsInitialized() {
        // variant static/is-initialized:
        // import tensorflow as tf
        // a = tf.Variable(1.0, name='a')
        // b = tf.get_variable('b', [2])
        // ia = tf.is_variable_initialized(a)
        // ib = tf.is_variable_initialized(b)
        // print(ia.name, ib.op.type, ia.dtype, ia.shape)
        // with tf.Session() as s:
        //     print(s.run([ia, ib]))
        //     s.run(a.initializer)
        //     print(s.run(ia), s.run(ib))
        //     s.run(tf.global_variables_initializer())
        //     print(s.run({'a': ia, 'b': ib}))
        let r = runSnippet("import tensorflow as tf\na = tf.Variable(1.0, name='a')\nb = tf.get_variable('b', [2])\nia = tf.is_variable_initialized(a)\nib = tf.is_variable_initialized(b)\nprint(ia.name, ib.op.type, ia.dtype, ia.shape)\nwith tf.Session() as s:\n    print(s.run([ia, ib]))\n    s.run(a.initializer)\n    print(s.run(ia), s.run(ib))\n    s.run(tf.global_variables_initializer())\n    print(s.run({'a': ia, 'b': ib}))\n")
        #expect(r.out == "IsVariableInitialized:0 IsVariableInitialized <dtype: 'bool'> ()\n[np.False_, np.False_]\nTrue False\n{'a': np.True_, 'b': np.True_}\n")
        #expect(r.error == nil)
    }
}

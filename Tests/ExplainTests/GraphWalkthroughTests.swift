import Testing
import Terminal
@testable import Explain

/// `explain graph`, snapshot of the default expression (mul-add-sum, seed 0) in both languages (prose reviewed by hand).
/// Operation names, types, counts (13 before tf.gradients, 27 after), the Session.run values and the PyTorch values were
/// checked against real TensorFlow 2.21 (tf.compat.v1, v2 behaviour disabled) and PyTorch 2.15: the snippet prints the
/// same under /work/venv/bin/python as under `tensorprep run` for mul-add-sum, relu and mse
/// (Scripts/check_explain_snippets.sh).
struct GraphWalkthroughTests {
    func rendered(_ language: ExplainLanguage, _ configure: (inout ExplainRequest) -> Void = { _ in }) throws -> String {
        try renderedPlain("graph", language, configure)
    }

    @Test func englishPlain() throws {
        #expect(try rendered(.en) == EN + "\n")
    }

    @Test func chinesePlain() throws {
        #expect(try rendered(.zh) == ZH + "\n")
    }

    @Test func reluAndMseAgreeAcrossFrameworks() throws {
        for expr in ["relu", "mse"] {
            var r = ExplainRequest()
            r.expr = expr
            let w = try Explainer.explain("graph", r)
            #expect(w.body.contains("  Same numbers: yes"), "\(expr)")
            #expect(w.framework == "TensorFlow 1 and PyTorch")
        }
        var r = ExplainRequest()
        r.expr = "mse"
        let mse = try Explainer.explain("graph", r).body
        #expect(mse.contains { $0.hasPrefix("    Square ") })
        #expect(mse.contains { $0.hasPrefix("    t ") && $0.contains("Const") })
        r.expr = "relu"
        #expect(try Explainer.explain("graph", r).body.contains { $0.hasPrefix("    Relu ") && $0.hasSuffix("add:0") })
    }

    @Test func dotDrawsTheTFGraph() throws {
        var r = ExplainRequest()
        r.dot = true
        let w = try Explainer.explain("graph", r)
        #expect(w.snippet.isEmpty)
        #expect(w.body.first == "digraph \"tf_graph\" {")
        #expect(w.body.contains("  \"x\" [label=\"x\\nPlaceholder\", shape=ellipse];"))
        #expect(w.body.contains("  \"mul\" -> \"add\" [label=\"(3,)\"];"))
        #expect(w.body.contains { $0.hasPrefix("  \"gradients/") })
        #expect(w.body.last == "}")
    }

    @Test func badExpr() {
        var r = ExplainRequest()
        r.expr = "x**2"
        #expect(throws: ExplainError.self) { try Explainer.explain("graph", r) }
    }
}

private let EN = """
    One computation, y = (x * w + b).sum(), two ways: a TF1 static graph and PyTorch's dynamic autograd graph
      x = [1., 0., -3.], w = [-1., -2., -1.], b = 3.  (seed 0)

    A. TensorFlow 1, graph mode: build first, run later
      Build phase — each call only adds operations (nodes); their inputs are the edges:
        operation        type         inputs (edges)
        x                Placeholder
        w/initial_value  Const
        w                VariableV2
        w/Assign         Assign       w:0, w/initial_value:0
        w/read           Identity     w:0
        b/initial_value  Const
        b                VariableV2
        b/Assign         Assign       b:0, b/initial_value:0
        b/read           Identity     b:0
        mul              Mul          x:0, w/read:0
        add              AddV2        mul:0, b/read:0
        Const            Const
        Sum              Sum          add:0, Const:0
      print(y) → Tensor("Sum:0", shape=(), dtype=float32): a symbolic handle, no value yet (13 operations, nothing computed)
      tf.gradients(y, [w, b]) adds 14 more operations under gradients/ (the backward pass is part of the graph): dw = gradients/mul_grad/Mul_1:0, db = gradients/add_grad/Reshape:0
      Run phase — a Session executes only the operations the fetches need, with values fed for placeholders:
        before init:     sess.run(y, feed_dict={x: …})         → FailedPreconditionError: Attempting to use uninitialized value w
        without a feed:  sess.run(y)                           → InvalidArgumentError: You must feed a value for placeholder tensor 'x' with dtype float and shape [3]
        after init:      sess.run(y, feed_dict={x: …})         → 11.0
                         sess.run([dw, db], feed_dict={x: …})  → [ 1.  0. -3.]  3.0

    B. PyTorch, define-by-run: every line computes at once and records how it was computed
        u = x * w    → [-1., 0., 3.]  grad_fn=MulBackward0
        z = u + b    → [2., 3., 6.]   grad_fn=AddBackward0
        y = z.sum()  → 11.            grad_fn=SumBackward0
      The graph exists only because the code ran; read back from y.grad_fn.next_functions:
        SumBackward0  (made y)
        └─ AddBackward0  (made z)
           ├─ MulBackward0  (made u)
           │  ├─ None  (an input that does not require grad)
           │  └─ AccumulateGrad  → accumulates into w.grad
           └─ AccumulateGrad  → accumulates into b.grad
      y.backward() → w.grad = [1., 0., -3.], b.grad = 3.; the graph is then freed, and the next forward records a new one

    C. Side by side
                        TF1 static graph                     PyTorch autograd
        built           before running, once                 while running, every forward
        before running  13 operations, no values             nothing
        node of x * w   mul (Mul)                            MulBackward0
        y               11.0                                 11.
        dy/dw           [ 1.  0. -3.]                        [1., 0., -3.]
        dy/db           3.0                                  3.
        gradients       more graph operations (gradients/…)  backward() walks the recorded nodes
      Same numbers: yes

    The same in TensorFlow 1 and PyTorch (`tensorprep run` prints the same):
        import tensorflow as tf
        import torch
        x_ph = tf.placeholder(tf.float32, shape=[3], name='x')
        w_tf = tf.Variable([-1.0, -2.0, -1.0], name='w')
        b_tf = tf.Variable(3.0, name='b')
        y_tf = tf.reduce_sum(x_ph * w_tf + b_tf)
        print(y_tf)
        print(len(tf.get_default_graph().get_operations()))
        dw, db = tf.gradients(y_tf, [w_tf, b_tf])
        print(len(tf.get_default_graph().get_operations()))
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            y_val, dw_val, db_val = sess.run([y_tf, dw, db], feed_dict={x_ph: [1.0, 0.0, -3.0]})
        print(y_val, dw_val, db_val)
        x = torch.tensor([1.0, 0.0, -3.0])
        w = torch.tensor([-1.0, -2.0, -1.0], requires_grad=True)
        b = torch.tensor(3.0, requires_grad=True)
        u = x * w
        z = u + b
        y = z.sum()
        print(y)
        y.backward()
        print(w.grad, b.grad)
    It prints:
        Tensor("Sum:0", shape=(), dtype=float32)
        13
        27
        11.0 [ 1.  0. -3.] 3.0
        tensor(11., grad_fn=<SumBackward0>)
        tensor([ 1.,  0., -3.]) tensor(3.)
    """

private let ZH = """
    同一個計算 y = (x * w + b).sum() 的兩種做法：TF1 靜態圖與 PyTorch 動態 autograd 圖
      x = [1., 0., -3.], w = [-1., -2., -1.], b = 3.（seed 0）

    A. TensorFlow 1 圖模式：先建圖，再執行
      建圖階段：每個呼叫只是新增運算（節點）；輸入就是邊：
        運算             型別         輸入（邊）
        x                Placeholder
        w/initial_value  Const
        w                VariableV2
        w/Assign         Assign       w:0, w/initial_value:0
        w/read           Identity     w:0
        b/initial_value  Const
        b                VariableV2
        b/Assign         Assign       b:0, b/initial_value:0
        b/read           Identity     b:0
        mul              Mul          x:0, w/read:0
        add              AddV2        mul:0, b/read:0
        Const            Const
        Sum              Sum          add:0, Const:0
      print(y) → Tensor("Sum:0", shape=(), dtype=float32)：只是符號，還沒有值（13 個運算，什麼都還沒算）
      tf.gradients(y, [w, b]) 在 gradients/ 下再加 14 個運算（反向傳播也是圖的一部分）：dw = gradients/mul_grad/Mul_1:0，db = gradients/add_grad/Reshape:0
      執行階段：Session 只執行取值所需的運算，placeholder 的值由 feed_dict 提供：
        初始化之前：  sess.run(y, feed_dict={x: …})         → FailedPreconditionError: Attempting to use uninitialized value w
        沒有 feed：   sess.run(y)                           → InvalidArgumentError: You must feed a value for placeholder tensor 'x' with dtype float and shape [3]
        初始化之後：  sess.run(y, feed_dict={x: …})         → 11.0
                      sess.run([dw, db], feed_dict={x: …})  → [ 1.  0. -3.]  3.0

    B. PyTorch 動態圖（define-by-run）：每一行立即計算，同時記錄計算方式
        u = x * w    → [-1., 0., 3.]  grad_fn=MulBackward0
        z = u + b    → [2., 3., 6.]   grad_fn=AddBackward0
        y = z.sum()  → 11.            grad_fn=SumBackward0
      計算圖是程式執行後才有的；從 y.grad_fn.next_functions 讀回：
        SumBackward0（產生 y）
        └─ AddBackward0（產生 z）
           ├─ MulBackward0（產生 u）
           │  ├─ None（不需要梯度的輸入）
           │  └─ AccumulateGrad  → 累加到 w.grad
           └─ AccumulateGrad  → 累加到 b.grad
      y.backward() → w.grad = [1., 0., -3.]，b.grad = 3.；之後計算圖即釋放，下一次 forward 會重新記錄

    C. 對照
                      TF1 靜態圖                   PyTorch autograd
        建圖時機      執行之前，建一次             執行當中，每次 forward
        執行之前      13 個運算，沒有值            什麼都沒有
        x * w 的節點  mul (Mul)                    MulBackward0
        y             11.0                         11.
        dy/dw         [ 1.  0. -3.]                [1., 0., -3.]
        dy/db         3.0                          3.
        梯度          圖中更多運算（gradients/…）  backward() 走訪記錄下的節點
      數值相同：是

    等價的 TensorFlow 1 與 PyTorch 程式（`tensorprep run` 印出相同結果）：
        import tensorflow as tf
        import torch
        x_ph = tf.placeholder(tf.float32, shape=[3], name='x')
        w_tf = tf.Variable([-1.0, -2.0, -1.0], name='w')
        b_tf = tf.Variable(3.0, name='b')
        y_tf = tf.reduce_sum(x_ph * w_tf + b_tf)
        print(y_tf)
        print(len(tf.get_default_graph().get_operations()))
        dw, db = tf.gradients(y_tf, [w_tf, b_tf])
        print(len(tf.get_default_graph().get_operations()))
        with tf.Session() as sess:
            sess.run(tf.global_variables_initializer())
            y_val, dw_val, db_val = sess.run([y_tf, dw, db], feed_dict={x_ph: [1.0, 0.0, -3.0]})
        print(y_val, dw_val, db_val)
        x = torch.tensor([1.0, 0.0, -3.0])
        w = torch.tensor([-1.0, -2.0, -1.0], requires_grad=True)
        b = torch.tensor(3.0, requires_grad=True)
        u = x * w
        z = u + b
        y = z.sum()
        print(y)
        y.backward()
        print(w.grad, b.grad)
    輸出：
        Tensor("Sum:0", shape=(), dtype=float32)
        13
        27
        11.0 [ 1.  0. -3.] 3.0
        tensor(11., grad_fn=<SumBackward0>)
        tensor([ 1.,  0., -3.]) tensor(3.)
    """

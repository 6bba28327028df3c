import MiniTF
import MiniTorch
import Terminal

/// `explain graph`: one expression (backward's `--expr`, on backward's seeded x, w, b) built as a TF1 static graph
/// with MiniTF — operations listed as they are added, `Session.run` with a feed_dict, the errors of running too early
/// — and traced by the engine's autograd as it computes, its grad_fn nodes read back from the result; then the two
/// sets of numbers side by side. `--dot` prints the TF graph as Graphviz DOT instead.
enum GraphWalkthrough {
    static func render(_ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let expr = (req.expr ?? "mul-add-sum").lowercased().replacingOccurrences(of: "_", with: "-")
        guard BackwardWalkthrough.expressions.contains(expr) else {
            throw ExplainError.usage("--expr must be one of: \(BackwardWalkthrough.expressions.joined(separator: ", ")); got '\(req.expr ?? "")'")
        }
        let (x, w, b, target) = try BackwardWalkthrough.leaves(seed: req.seed)
        func doubles(_ t: Tensor) -> [Double] { t.detach().toScalarArray().map(\.asDouble) }
        func literal(_ t: Tensor) -> TFArray { TFArray(dtype: .float32, shape: t.shape, data: doubles(t)) }
        let tfExpr: String
        switch expr {
        case "relu": tfExpr = "tf.reduce_sum(tf.nn.relu(x_ph * w_tf + b_tf))"
        case "mse": tfExpr = "tf.reduce_mean(tf.square(x_ph * w_tf + b_tf - t_tf))"
        default: tfExpr = "tf.reduce_sum(x_ph * w_tf + b_tf)"
        }

        // A. TF1: build the graph (MiniTF records operations; nothing is computed).
        let graph = Graph()
        let (xPh, yTF, dw, db, opsBefore): (TFTensor, TFTensor, TFTensor, TFTensor, Int) = try tf {
            let xPh = try graph.placeholder(.float32, shape: TFShape(known: x.shape), name: "x")
            let wVar = try graph.variable(.operand(.literal(literal(w))), name: "w")
            let bVar = try graph.variable(.operand(.literal(literal(b))), name: "b")
            let tConst = expr == "mse" ? graph.constant(literal(target), name: "t") : nil
            let u = try graph.operatorBinary("Mul", .tensor(xPh), .tensor(wVar.snapshot), opName: "mul")
            let z = try graph.operatorBinary("AddV2", .tensor(u), .tensor(bVar.snapshot), opName: "add")
            let y: TFTensor
            switch expr {
            case "relu":
                y = try graph.reduce("Sum", .tensor(try graph.unary("Relu", .tensor(z), argName: "features")), axis: nil)
            case "mse":
                guard let t = tConst else { throw TFError.valueError("no target") }
                let d = try graph.operatorBinary("Sub", .tensor(z), .tensor(t), opName: "sub")
                y = try graph.reduce("Mean", .tensor(try graph.unary("Square", .tensor(d))), axis: nil)
            default:
                y = try graph.reduce("Sum", .tensor(z), axis: nil)
            }
            let before = graph.operations.count
            let grads = try graph.gradients([y], [wVar.ref, bVar.ref])
            guard let dw = grads[0], let db = grads[1] else { throw TFError.valueError("no gradient for w or b") }
            return (xPh, y, dw, db, before)
        }
        if req.dot {
            // The TF graph itself, gradient operations included, as Graphviz DOT (backward --dot draws the autograd side).
            return Walkthrough(body: graph.toDOT(name: "tf_graph").split(separator: "\n").map(String.init), snippet: [])
        }
        let forwardOps = Array(graph.operations.prefix(opsBefore))
        let gradientOps = graph.operations.count - opsBefore

        var out: [String] = []
        let formula: String
        switch expr {
        case "relu": formula = "y = relu(x * w + b).sum()"
        case "mse": formula = "y = mean((x * w + b − t)²)"
        default: formula = "y = (x * w + b).sum()"
        }
        out.append(style.bold(text("One computation, \(formula), two ways: a TF1 static graph and PyTorch's dynamic autograd graph",
                                   "同一個計算 \(formula) 的兩種做法：TF1 靜態圖與 PyTorch 動態 autograd 圖")))
        var given = "  x = \(nestedText(x)), w = \(nestedText(w.detach())), b = \(nestedText(b.detach()))"
        if expr == "mse" { given += ", t = \(nestedText(target))" }
        out.append(given + text("  (seed \(req.seed))", "（seed \(req.seed)）"))
        out.append("")
        out.append(style.bold(text("A. TensorFlow 1, graph mode: build first, run later", "A. TensorFlow 1 圖模式：先建圖，再執行")))
        out.append(text("  Build phase — each call only adds operations (nodes); their inputs are the edges:",
                        "  建圖階段：每個呼叫只是新增運算（節點）；輸入就是邊："))
        var rows: [[String]] = [[text("operation", "運算"), text("type", "型別"), text("inputs (edges)", "輸入（邊）")]]
        for op in forwardOps {
            rows.append([style.cyan(op.name), op.type, op.inputs.map(\.name).joined(separator: ", ")])
        }
        out += alignedRows(rows, indent: "    ")
        out.append(text("  print(y) → \(yTF.description): a symbolic handle, no value yet (\(opsBefore) operations, nothing computed)",
                        "  print(y) → \(yTF.description)：只是符號，還沒有值（\(opsBefore) 個運算，什麼都還沒算）"))
        out.append(text("  tf.gradients(y, [w, b]) adds \(gradientOps) more operations under gradients/ (the backward pass is part of the graph): dw = \(dw.name), db = \(db.name)",
                        "  tf.gradients(y, [w, b]) 在 gradients/ 下再加 \(gradientOps) 個運算（反向傳播也是圖的一部分）：dw = \(dw.name)，db = \(db.name)"))

        // Run phase.
        let feed = [(xPh, literal(x))]
        let session = Session(graph: graph)
        func failure(_ body: () throws -> Void) -> String {
            do { try body(); return text("(no error)", "（沒有錯誤）") } catch let e as TFError { return e.description } catch { return "\(error)" }
        }
        let early = failure { _ = try session.run([.tensor(yTF)], feeds: feed) }
        let initOp = try tf { try graph.globalVariablesInitializer() }
        _ = try tf { try session.run([.operation(initOp)]) }
        let unfed = failure { _ = try session.run([.tensor(yTF)]) }
        let values = try tf { try session.run([.tensor(yTF), .tensor(dw), .tensor(db)], feeds: feed) }
        guard values.count == 3, let yVal = values[0], let dwVal = values[1], let dbVal = values[2] else {
            throw ExplainError(.unavailable, "Session.run returned no values")
        }
        func numpy(_ a: TFArray) -> String {
            let t = a.toTensor()
            if a.rank == 0, let v = try? t.item() { return NumpyFormatter.scalarStr(v, t.dtype) }
            return NumpyFormatter.str(t)
        }
        out.append(text("  Run phase — a Session executes only the operations the fetches need, with values fed for placeholders:",
                        "  執行階段：Session 只執行取值所需的運算，placeholder 的值由 feed_dict 提供："))
        out += alignedRows([
            [text("before init:", "初始化之前："), "sess.run(y, feed_dict={x: …})", "→ " + style.yellow(early)],
            [text("without a feed:", "沒有 feed："), "sess.run(y)", "→ " + style.yellow(unfed)],
            [text("after init:", "初始化之後："), "sess.run(y, feed_dict={x: …})", "→ " + style.bold(numpy(yVal))],
            ["", "sess.run([dw, db], feed_dict={x: …})", "→ " + style.bold(numpy(dwVal)) + "  " + style.bold(numpy(dbVal))],
        ], indent: "    ")
        out.append("")

        // B. PyTorch: the graph is recorded while computing.
        let built = try BackwardWalkthrough.build(expr, x: x, w: w, b: b, target: target)
        guard let root = built.y.gradFn else { throw ExplainError(.unavailable, "the expression has no grad_fn") }
        out.append(style.bold(text("B. PyTorch, define-by-run: every line computes at once and records how it was computed",
                                   "B. PyTorch 動態圖（define-by-run）：每一行立即計算，同時記錄計算方式")))
        var steps: [[String]] = []
        for line in built.code where !line.contains("retain_grad") {
            guard let name = line.split(separator: " ").first.map(String.init),
                  let t = built.named.first(where: { $0.0 == name })?.1 else { continue }
            steps.append([line, "→ " + nestedText(t.detach()), "grad_fn=" + style.cyan(t.gradFn?.name ?? "None")])
        }
        out += alignedRows(steps, indent: "    ")
        out.append(text("  The graph exists only because the code ran; read back from y.grad_fn.next_functions:",
                        "  計算圖是程式執行後才有的；從 y.grad_fn.next_functions 讀回："))
        out += BackwardWalkthrough.tree(root, built, style: style, text: text).map { "  " + $0 }
        try engine { try built.y.backward() }
        guard let wGrad = w.grad, let bGrad = b.grad else { throw ExplainError(.unavailable, "backward left no gradient") }
        out.append(text("  y.backward() → w.grad = \(nestedText(wGrad)), b.grad = \(nestedText(bGrad)); the graph is then freed, and the next forward records a new one",
                        "  y.backward() → w.grad = \(nestedText(wGrad))，b.grad = \(nestedText(bGrad))；之後計算圖即釋放，下一次 forward 會重新記錄"))
        out.append("")

        // C. Side by side.
        func close(_ a: [Double], _ t: Tensor) -> Bool {
            let bs = doubles(t)
            return a.count == bs.count && zip(a, bs).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) }
        }
        let same = close(yVal.data, built.y) && close(dwVal.data, wGrad) && close(dbVal.data, bGrad)
        out.append(style.bold(text("C. Side by side", "C. 對照")))
        out += alignedRows([
            ["", text("TF1 static graph", "TF1 靜態圖"), text("PyTorch autograd", "PyTorch autograd")],
            [text("built", "建圖時機"), text("before running, once", "執行之前，建一次"), text("while running, every forward", "執行當中，每次 forward")],
            [text("before running", "執行之前"), text("\(opsBefore) operations, no values", "\(opsBefore) 個運算，沒有值"), text("nothing", "什麼都沒有")],
            [text("node of x * w", "x * w 的節點"), "mul (Mul)", "MulBackward0"],
            ["y", numpy(yVal), nestedText(built.y.detach())],
            ["dy/dw", numpy(dwVal).replacingOccurrences(of: "\n", with: " "), nestedText(wGrad)],
            ["dy/db", numpy(dbVal), nestedText(bGrad)],
            [text("gradients", "梯度"), text("more graph operations (gradients/…)", "圖中更多運算（gradients/…）"), text("backward() walks the recorded nodes", "backward() 走訪記錄下的節點")],
        ], indent: "    ")
        out.append(text("  Same numbers: \(same ? "yes" : "no")", "  數值相同：\(same ? "是" : "否")"))
        out.append("")

        var s = Script(["import tensorflow as tf", "import torch"])
        if expr == "mse" { s.line("import torch.nn.functional as F") }
        s.line("x_ph = tf.placeholder(tf.float32, shape=\(x.shape), name='x')")
        s.line("w_tf = tf.Variable(\(pythonLiteral(w.detach())), name='w')")
        s.line("b_tf = tf.Variable(\(pythonLiteral(b.detach())), name='b')")
        if expr == "mse" { s.line("t_tf = tf.constant(\(pythonLiteral(target)), name='t')") }
        s.line("y_tf = \(tfExpr)")
        s.print(("y_tf", yTF.description))
        s.print(("len(tf.get_default_graph().get_operations())", String(opsBefore)))
        s.line("dw, db = tf.gradients(y_tf, [w_tf, b_tf])")
        s.print(("len(tf.get_default_graph().get_operations())", String(opsBefore + gradientOps)))
        s.line("with tf.Session() as sess:")
        s.line("    sess.run(tf.global_variables_initializer())")
        s.line("    y_val, dw_val, db_val = sess.run([y_tf, dw, db], feed_dict={x_ph: \(pythonLiteral(x))})")
        s.print(("y_val", numpy(yVal)), ("dw_val", numpy(dwVal)), ("db_val", numpy(dbVal)))
        s.line("x = torch.tensor(\(pythonLiteral(x)))")
        s.line("w = torch.tensor(\(pythonLiteral(w.detach())), requires_grad=True)")
        s.line("b = torch.tensor(\(pythonLiteral(b.detach())), requires_grad=True)")
        if expr == "mse" { s.line("t = torch.tensor(\(pythonLiteral(target)))") }
        for line in built.code where !line.contains("retain_grad") { s.line(line) }
        s.print(("y", torchStr(built.y)))
        s.line("y.backward()")
        s.print(("w.grad", torchStr(wGrad)), ("b.grad", torchStr(bGrad)))
        return s.walkthrough(out, framework: text("TensorFlow 1 and PyTorch", "TensorFlow 1 與 PyTorch"))
    }

    /// Runs MiniTF calls, turning TensorFlow errors into walkthrough errors.
    static func tf<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TFError { throw ExplainError(.unavailable, e.description) }
    }
}

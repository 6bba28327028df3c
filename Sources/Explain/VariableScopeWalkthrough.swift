import MiniTF
import Terminal

/// `explain variable-scope`: TF1 naming and sharing on a fresh MiniTF graph. Every name, every "same object" and
/// every error message below is what MiniTF's Graph returned for the call shown (the calls the snippet makes, in the
/// same order): `tf.Variable` vs `tf.get_variable` under `name_scope`/`variable_scope`, a clashing `tf.Variable` name,
/// and `get_variable` with the default reuse, `reuse=True` and `tf.AUTO_REUSE`.
enum VariableScopeWalkthrough {
    static func render(_ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let g = Graph()
        func one() -> TFOperand { .literal(TFArray(scalar: 1, dtype: .float32)) }
        /// `with tf.variable_scope(name, reuse=...)`, leaving the scope even when the body raises.
        func variableScope<T>(_ name: String, reuse: ReuseMode? = nil, _ body: () throws -> T) throws -> T {
            let token = try g.enterVariableScope(name: name, reuse: reuse)
            defer { g.exitVariableScope(token) }
            return try body()
        }
        /// The ValueError message a call raises (nil when it succeeds).
        func valueError(_ body: () throws -> Void) throws -> String? {
            do { try body(); return nil } catch TFError.valueError(let m) { return m } catch let e as TFError { throw ExplainError(.unavailable, e.description) }
        }

        // 1. Names under the two kinds of scope.
        struct Made { var scope: String; var call: String; var name: String; var nameScope: String; var isGetVariable: Bool }
        var made: [Made] = []
        func record(_ scope: String, _ call: String, _ name: String, getVariable: Bool) {
            made.append(Made(scope: scope, call: call, name: name, nameScope: g.nameScope, isGetVariable: getVariable))
        }
        let (g2, opName): (Variable, String) = try GraphWalkthrough.tf {
            try g.withNameScope("ns") { _ in
                let v1 = try g.variable(.operand(one()), name: "v")
                record("name_scope('ns')", "tf.Variable(1.0, name='v')", v1.name, getVariable: false)
                let g1 = try g.getVariable("g", shape: [2])
                record("name_scope('ns')", "tf.get_variable('g', shape=[2])", g1.name, getVariable: true)
            }
            return try variableScope("vs") {
                let v2 = try g.variable(.operand(one()), name: "v")
                record("variable_scope('vs')", "tf.Variable(1.0, name='v')", v2.name, getVariable: false)
                let g2 = try g.getVariable("g", shape: [2])
                record("variable_scope('vs')", "tf.get_variable('g', shape=[2])", g2.name, getVariable: true)
                let s = try g.withNameScope("inner") { _ -> TFTensor in
                    let v3 = try g.variable(.operand(one()), name: "v")
                    record("  + name_scope('inner')", "tf.Variable(1.0, name='v')", v3.name, getVariable: false)
                    let g3 = try g.getVariable("h", shape: [2])
                    record("  + name_scope('inner')", "tf.get_variable('h', shape=[2])", g3.name, getVariable: true)
                    return try g.binary("AddV2", .tensor(v3.snapshot), one(), name: "s", defaultName: "Add")
                }
                return (g2, s.name)
            }
        }

        var out: [String] = []
        out.append(style.bold(text("tf.Variable vs tf.get_variable under name_scope / variable_scope (TF1 graph mode, computed by MiniTF)",
                                   "tf.Variable 與 tf.get_variable 在 name_scope / variable_scope 下（TF1 圖模式，由 MiniTF 計算）")))
        out.append("")
        out.append(text("1. Names: name_scope prefixes tf.Variable and operations; get_variable follows the variable_scope only",
                        "1. 命名：name_scope 會加在 tf.Variable 與運算前面；get_variable 只看 variable_scope"))
        var rows: [[String]] = [[text("inside", "所在範圍"), text("call", "呼叫"), text("name", "名稱"), ""]]
        for m in made {
            var note = ""
            if m.isGetVariable {
                let prefix = m.name.split(separator: "/").dropLast().joined(separator: "/")
                if prefix != m.nameScope {
                    note = text("name scope '\(m.nameScope)' ignored", "忽略 name scope '\(m.nameScope)'")
                }
            }
            rows.append([m.scope, m.call, style.cyan(m.name), note.isEmpty ? "" : style.yellow(note)])
        }
        rows.append(["  + name_scope('inner')", "tf.add(v, 1.0, name='s')", style.cyan(opName), text("an operation: both scopes", "運算：兩種 scope 都加")])
        out += alignedRows(rows, indent: "    ")
        out.append(text("  variable_scope('vs') also opens a name scope 'vs', which is why tf.Variable inside it gets vs/ too.",
                        "  variable_scope('vs') 同時開了名為 'vs' 的 name scope，所以其中的 tf.Variable 也有 vs/ 前綴。"))
        out.append("")

        // 2. tf.Variable never shares.
        let (a, b) = try GraphWalkthrough.tf {
            (try g.variable(.operand(.literal(TFArray(scalar: 2, dtype: .float32))), name: "v"),
             try g.variable(.operand(.literal(TFArray(scalar: 3, dtype: .float32))), name: "v"))
        }
        out.append(text("2. tf.Variable always creates a new variable; a clashing name is made unique:",
                        "2. tf.Variable 一定建立新變數；名稱衝突時自動改名："))
        out += alignedRows([["tf.Variable(2.0, name='v')", "→ " + style.cyan(a.name)],
                            ["tf.Variable(3.0, name='v')", "→ " + style.cyan(b.name)]], indent: "    ")
        out.append("")

        // 3. get_variable and reuse.
        let clash = try valueError { try variableScope("vs") { _ = try g.getVariable("g", shape: [2]) } }
        let shared = try GraphWalkthrough.tf { try variableScope("vs", reuse: .reuse) { try g.getVariable("g", shape: [2]) } }
        let missing = try valueError { try variableScope("vs", reuse: .reuse) { _ = try g.getVariable("missing", shape: [2]) } }
        let (auto, created) = try GraphWalkthrough.tf {
            try variableScope("vs", reuse: .auto) { (try g.getVariable("g", shape: [2]), try g.getVariable("k", shape: [2])) }
        }
        let total = g.globalVariables.count
        out.append(text("3. get_variable looks the full name (variable scope + name) up in the graph's variable store; reuse decides what happens:",
                        "3. get_variable 以完整名稱（variable scope + 名稱）查圖的變數表；reuse 決定結果："))
        func outcome(_ error: String?, _ ok: String) -> String {
            if let error { return style.red("ValueError: " + error) }
            return ok
        }
        let same = text("the same object", "同一個物件")
        out += alignedRows([
            ["reuse", text("call in variable_scope('vs')", "在 variable_scope('vs') 內呼叫"), text("result", "結果")],
            [text("default", "預設"), "get_variable('g')", outcome(clash, text("created", "建立"))],
            ["True", "get_variable('g')", (shared === g2 ? same : text("a different object", "不同物件")) + " " + style.cyan(shared.name)
                + "  (is g2: \(pyBool(shared === g2)))"],
            ["True", "get_variable('missing')", outcome(missing, text("created", "建立"))],
            ["tf.AUTO_REUSE", "get_variable('g')", (auto === g2 ? same : text("a different object", "不同物件")) + "  (is g2: \(pyBool(auto === g2)))"],
            ["tf.AUTO_REUSE", "get_variable('k')", text("created", "建立") + " " + style.cyan(created.name)],
        ], indent: "    ")
        out.append(text("  Variables in the graph now: \(total) (tf.global_variables()); only tf.Variable and a first get_variable add one.",
                        "  圖中現在的變數：\(total) 個（tf.global_variables()）；只有 tf.Variable 與第一次 get_variable 會新增。"))
        out.append("")

        var s = Script(["import tensorflow as tf"])
        s.line("with tf.name_scope('ns'):")
        s.line("    v1 = tf.Variable(1.0, name='v')")
        s.line("    g1 = tf.get_variable('g', shape=[2])")
        s.line("with tf.variable_scope('vs'):")
        s.line("    v2 = tf.Variable(1.0, name='v')")
        s.line("    g2 = tf.get_variable('g', shape=[2])")
        s.line("    with tf.name_scope('inner'):")
        s.line("        v3 = tf.Variable(1.0, name='v')")
        s.line("        g3 = tf.get_variable('h', shape=[2])")
        s.line("        s = tf.add(v3, 1.0, name='s')")
        s.print(("v1.name", made[0].name), ("g1.name", made[1].name))
        s.print(("v2.name", made[2].name), ("g2.name", made[3].name))
        s.print(("v3.name", made[4].name), ("g3.name", made[5].name), ("s.name", opName))
        s.line("a = tf.Variable(2.0, name='v')")
        s.line("b = tf.Variable(3.0, name='v')")
        s.print(("a.name", a.name), ("b.name", b.name))
        s.line("try:")
        s.line("    with tf.variable_scope('vs'):")
        s.line("        tf.get_variable('g', shape=[2])")
        s.line("except ValueError as e:")
        s.line("    print('ValueError:', str(e).split('\\n')[0])")
        if let clash { s.output.append("ValueError: " + clash) }
        s.line("with tf.variable_scope('vs', reuse=True):")
        s.line("    g4 = tf.get_variable('g', shape=[2])")
        s.print(("g4 is g2", pyBool(shared === g2)), ("g4.name", shared.name))
        s.line("try:")
        s.line("    with tf.variable_scope('vs', reuse=True):")
        s.line("        tf.get_variable('missing', shape=[2])")
        s.line("except ValueError as e:")
        s.line("    print('ValueError:', e)")
        if let missing { s.output.append("ValueError: " + missing) }
        s.line("with tf.variable_scope('vs', reuse=tf.AUTO_REUSE):")
        s.line("    g5 = tf.get_variable('g', shape=[2])")
        s.line("    k = tf.get_variable('k', shape=[2])")
        s.print(("g5 is g2", pyBool(auto === g2)), ("k.name", created.name))
        s.print(("len(tf.global_variables())", String(total)))
        return s.walkthrough(out, framework: "TensorFlow 1")
    }
}

import MiniTorch
import Terminal

/// `explain backward`: one of a few named expressions built on the engine with requires_grad leaves; the graph is
/// read from the result's `grad_fn` and `next_functions` (drawn as a tree, or as Graphviz DOT with `--dot`), then
/// the engine's backward fills each leaf's `.grad`; non-leaves keep `.grad` only with `retain_grad()`; a second
/// forward + backward shows that gradients accumulate.
enum BackwardWalkthrough {
    static let expressions = ["mul-add-sum", "relu", "mse"]

    struct Built {
        var y: Tensor
        /// Named tensors in the order they were made: leaves and intermediates.
        var named: [(String, Tensor)]
        var code: [String]

        /// The named tensor an AccumulateGrad node feeds.
        func leafName(_ node: Node) -> String? {
            guard let acc = node as? AccumulateGrad, let v = acc.variable else { return nil }
            return named.first { $0.1 === v }?.0
        }
        /// The named non-leaf a node produced.
        func madeBy(_ node: Node) -> String? { named.first { $0.1.gradFn === node }?.0 }
    }

    static func render(_ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let expr = (req.expr ?? "mul-add-sum").lowercased().replacingOccurrences(of: "_", with: "-")
        guard expressions.contains(expr) else {
            throw ExplainError.usage("--expr must be one of: \(expressions.joined(separator: ", ")); got '\(req.expr ?? "")'")
        }
        let (x, w, b, target) = try leaves(seed: req.seed)
        func build() throws -> Built { try BackwardWalkthrough.build(expr, x: x, w: w, b: b, target: target) }
        let built = try build()
        let y = built.y
        // Which tensor each AccumulateGrad feeds, and which node made each named non-leaf.
        func leafName(_ node: Node) -> String? { built.leafName(node) }
        func madeBy(_ node: Node) -> String? { built.madeBy(node) }
        guard let root = y.gradFn else { throw ExplainError(.unavailable, "the expression has no grad_fn") }

        if req.dot {
            var lines = ["digraph autograd {", "  rankdir=BT;", "  node [shape=box];"]
            var ids: [ObjectIdentifier: String] = [:]
            var edges: [String] = []
            func visit(_ node: Node) {
                let key = ObjectIdentifier(node)
                if ids[key] != nil { return }
                let id = "n\(ids.count)"
                ids[key] = id
                var label = node.name
                if let leaf = leafName(node) { label += "\\n(\(leaf))" }
                if let t = madeBy(node) { label += "\\n→ \(t)" }
                lines.append("  \(id) [label=\"\(label)\"\(node is AccumulateGrad ? ", style=filled, fillcolor=lightblue" : "")];")
                for (child, _) in node.nextFunctions {
                    guard let child else { continue }
                    visit(child)
                    if let cid = ids[ObjectIdentifier(child)] { edges.append("  \(cid) -> \(id);") }
                }
            }
            visit(root)
            return Walkthrough(body: lines + edges + ["}"], snippet: [])
        }

        var out: [String] = []
        out.append(style.bold(text("Autograd: the graph of `\(expr)` and how gradients flow back", "Autograd：`\(expr)` 的計算圖與梯度如何反向流動")))
        out.append("")
        out.append(text("Leaves (created by you):", "葉節點（由你建立）："))
        for (name, t) in built.named where t.isLeaf {
            out.append("  \(name) = \(values(t))  requires_grad=\(t.requiresGrad ? "True" : "False")")
        }
        out.append(text("Forward:", "前向計算：") + " " + built.code.filter { !$0.contains("retain_grad") }.joined(separator: "; "))
        out.append("  y = \(values(y))")
        out.append("")
        out.append(text("The graph, read from y.grad_fn and each node's next_functions (arrows point to inputs):",
                        "計算圖：從 y.grad_fn 沿每個節點的 next_functions 讀出（箭頭指向輸入）："))
        out += tree(root, built, style: style, text: text)
        out.append("")

        try engine { try y.backward() }
        out.append(style.bold(text("y.backward(): starting from dy/dy = 1, each node multiplies by its local derivative:",
                                   "y.backward()：從 dy/dy = 1 開始，每個節點乘上自己的局部導數：")))
        for (name, t) in built.named where t !== y {
            let leaf = t.isLeaf
            let grad: String
            if let gr = t.grad { grad = values(gr) } else { grad = "None" }
            var note = ""
            if leaf && !t.requiresGrad { note = text("  (does not require grad)", "（不需要梯度）") }
            else if !leaf && t.retainsGrad { note = text("  (non-leaf, kept by retain_grad())", "（非葉節點，因 retain_grad() 而保留）") }
            else if !leaf { note = text("  (non-leaf: .grad is not kept; reading it warns)", "（非葉節點：不保留 .grad，讀取會警告）") }
            out.append("  \(name).is_leaf = \(leaf ? "True " : "False")  \(name).grad = " + (t.grad != nil ? style.bold(grad) : grad) + note)
        }
        switch expr {
        case "relu":
            out.append(text("  dy/dz = 1 where z > 0 else 0 (ReluBackward0); dz/dw = x, dz/db = 1 (summed over the broadcast)",
                            "  dy/dz 在 z > 0 處為 1 否則 0（ReluBackward0）；dz/dw = x，dz/db = 1（沿廣播維度加總）"))
        case "mse":
            out.append(text("  dy/dz = 2·(z − t)/n (MseLossBackward0); dz/dw = x, dz/db = 1 (summed over the broadcast)",
                            "  dy/dz = 2·(z − t)/n（MseLossBackward0）；dz/dw = x，dz/db = 1（沿廣播維度加總）"))
        default:
            out.append(text("  dy/dz = 1 (SumBackward0); dz/dw = x (MulBackward0), dz/db = 1 summed over the broadcast = \(x.numel)",
                            "  dy/dz = 1（SumBackward0）；dz/dw = x（MulBackward0），dz/db = 1 沿廣播維度加總 = \(x.numel)"))
        }
        let first = (w.grad.map(values) ?? "None", b.grad.map(values) ?? "None")
        out.append("")
        let again = try build()
        try engine { try again.y.backward() }
        out.append(style.bold(text("Run forward and backward again without zeroing: gradients accumulate (+=):",
                                   "不清零再做一次前向與反向：梯度會累加（+=）：")))
        out.append("  w.grad: \(first.0) → " + style.bold(w.grad.map(values) ?? "None"))
        out.append("  b.grad: \(first.1) → " + style.bold(b.grad.map(values) ?? "None"))
        out.append(text("  That is why training loops call optimizer.zero_grad() (or w.grad = None) every step.",
                        "  所以訓練迴圈每一步都要呼叫 optimizer.zero_grad()（或 w.grad = None）。"))
        out.append(text("  Calling y.backward() twice on the same graph instead raises (its saved tensors are freed) unless retain_graph=True.",
                        "  若對同一張圖呼叫兩次 y.backward() 則會出錯（保存的張量已釋放），除非 retain_graph=True。"))
        out.append("")

        var snippet = ["import torch"]
        if expr == "mse" { snippet.append("import torch.nn.functional as F") }
        snippet += [
            "x = torch.tensor(\(pythonLiteral(x)))",
            "w = torch.tensor(\(pythonLiteral(w.detach())), requires_grad=True)",
            "b = torch.tensor(\(pythonLiteral(b.detach())), requires_grad=True)",
        ]
        if expr == "mse" { snippet.append("t = torch.tensor(\(pythonLiteral(target)))") }
        snippet += built.code
        snippet += ["print(y)", "y.backward()", "print(w.grad)", "print(b.grad)", "print(z.grad)", "print(w.is_leaf, z.is_leaf)"]
        return Walkthrough(body: out, snippet: snippet)
    }

    /// x, w, b and the mse target: small whole numbers from the seeded generator (w and b require grad).
    static func leaves(seed: UInt64) throws -> (x: Tensor, w: Tensor, b: Tensor, target: Tensor) {
        let g = Generator(seed: seed)
        func ints(_ shape: [Int]) throws -> Tensor {
            try engine { try Tensor.randint(low: -3, high: 4, shape, generator: g).to(.float32) }
        }
        let x = try ints([3])
        let w = try engine { try ints([3]).requiresGrad_() }
        let b = try engine { try ints([]).requiresGrad_() }
        let target = try ints([3])
        return (x, w, b, target)
    }

    /// Runs the forward pass of `expr` on the engine, recording the autograd graph.
    static func build(_ expr: String, x: Tensor, w: Tensor, b: Tensor, target: Tensor) throws -> Built {
        try engine {
            let u = try x.mul(w)
            let z = try u.add(b)
            try z.retainGrad()
            switch expr {
            case "relu":
                let r = try z.relu()
                let y = try r.sum()
                return Built(y: y, named: [("x", x), ("w", w), ("b", b), ("u", u), ("z", z), ("r", r), ("y", y)],
                             code: ["u = x * w", "z = u + b", "z.retain_grad()", "r = z.relu()", "y = r.sum()"])
            case "mse":
                let y = try Functional.mseLoss(z, target)
                return Built(y: y, named: [("x", x), ("w", w), ("b", b), ("t", target), ("u", u), ("z", z), ("y", y)],
                             code: ["u = x * w", "z = u + b", "z.retain_grad()", "y = F.mse_loss(z, t)"])
            default:
                let y = try z.sum()
                return Built(y: y, named: [("x", x), ("w", w), ("b", b), ("u", u), ("z", z), ("y", y)],
                             code: ["u = x * w", "z = u + b", "z.retain_grad()", "y = z.sum()"])
            }
        }
    }

    /// The graph below `root` as a tree of grad_fn nodes, read from each node's next_functions.
    static func tree(_ root: Node, _ built: Built, style: Style, text: Text) -> [String] {
        var tree: [String] = []
        func draw(_ node: Node?, prefix: String, last: Bool, top: Bool) {
            let branch = top ? "" : (last ? "└─ " : "├─ ")
            guard let node else {
                tree.append(prefix + branch + style.dim(text("None  (an input that does not require grad)",
                                                             "None（不需要梯度的輸入）")))
                return
            }
            var label = style.cyan(node.name)
            if let leaf = built.leafName(node) {
                label += text("  → accumulates into \(leaf).grad", "  → 累加到 \(leaf).grad")
            } else if let t = built.madeBy(node) {
                label += text("  (made \(t))", "（產生 \(t)）")
            }
            tree.append(prefix + branch + label)
            let kids = node.nextFunctions
            for (i, (child, _)) in kids.enumerated() {
                draw(child, prefix: prefix + (top ? "" : (last ? "   " : "│  ")), last: i == kids.count - 1, top: false)
            }
        }
        draw(root, prefix: "  ", last: true, top: true)
        return tree
    }

    static func values(_ t: Tensor) -> String {
        let v = t.toScalarArray().map(formatScalar)
        return t.dim == 0 ? (v.first ?? "") : "[" + v.joined(separator: ", ") + "]"
    }
}

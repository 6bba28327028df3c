import Foundation
import MiniTorch
import Terminal

/// `explain train-eval`: a seeded batch through `nn.Dropout(p)` and `nn.BatchNorm1d` in training and in evaluation
/// mode, on the engine's modules: which cells dropout zeroed and the 1/(1-p) scaling of the rest, the batch
/// statistics BatchNorm normalised with and the running averages it updated, the running statistics it uses in eval;
/// then the SPEC §7 correction: `eval()` leaves autograd on (the output still has a `grad_fn`), `torch.no_grad()`
/// turns it off.
enum TrainEvalWalkthrough {
    static func render(_ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let shape = try parseShape(req.shape ?? "4x3", limit: 8)
        guard shape.count == 2, shape[0] >= 2 else {
            throw ExplainError.usage("--shape must be BATCHxFEATURES with a batch of at least 2 (BatchNorm needs more than one value per feature), got '\(req.shape ?? "")'")
        }
        let p = req.p
        guard p >= 0, p < 1 else {
            throw ExplainError.usage("--p must be a dropout probability from 0 up to (not including) 1, got \(formatPythonFloat(p))")
        }
        guard req.seed <= UInt64(Int64.max) else {
            throw ExplainError.usage("--seed must be at most \(Int64.max) for train-eval (its snippet passes it to torch.manual_seed), got \(req.seed)")
        }
        let (batch, features) = (shape[0], shape[1])
        let g = Generator(seed: req.seed)
        let x = try engine { try Tensor.randn(shape, generator: g) }

        var out: [String] = []
        out.append(style.bold(text("train() vs eval(): Dropout(p=\(formatPythonFloat(p))) and BatchNorm1d(\(features)) on a \(batch)×\(features) batch (torch.manual_seed(\(req.seed)); x = torch.randn(\(batch), \(features)))",
                                   "train() 與 eval()：Dropout(p=\(formatPythonFloat(p))) 與 BatchNorm1d(\(features))，輸入 \(batch)×\(features) 的 batch（torch.manual_seed(\(req.seed))；x = torch.randn(\(batch), \(features))）")))
        out.append(text("  train()/eval() only set the `training` flag on the module and every submodule; these two layers read it.",
                        "  train()/eval() 只是設定模組及所有子模組的 `training` 旗標；這兩種層會讀它。"))
        out.append("")

        // 1. Dropout.
        let drop = try engine { try Dropout(p: p) }
        drop.generator = g
        let dropTrain = try engine { try drop(x) }
        let trainFlag = drop.training
        drop.eval()
        let dropEval = try engine { try drop(x) }
        let xs = x.toScalarArray().map(\.asDouble)
        let ys = dropTrain.toScalarArray().map(\.asDouble)
        let zeroed = Set((0..<xs.count).filter { ys[$0] == 0 && xs[$0] != 0 })
        let scale = 1 / (1 - p)
        out.append(style.bold(text("1. Dropout(p=\(formatPythonFloat(p)))", "1. Dropout(p=\(formatPythonFloat(p)))")))
        out += Block.sideBySide([
            Grid.render(x, title: "x", style: style),
            Grid.render(dropTrain, title: text("drop(x), training=\(pyBool(trainFlag))", "drop(x)，training=\(pyBool(trainFlag))"), highlight: zeroed, style: style),
            Grid.render(dropEval, title: text("drop(x), training=\(pyBool(drop.training))", "drop(x)，training=\(pyBool(drop.training))"), style: style),
        ]).map { "  " + $0 }
        out.append(text("  train: \(zeroed.count) of \(xs.count) cells zeroed (marked); each kept cell is multiplied by 1/(1−p) = \(formatScalar(.double(scale))) (inverted dropout), so the expected value stays x",
                        "  訓練：\(xs.count) 格中有 \(zeroed.count) 格被歸零（已標記）；留下的每格乘以 1/(1−p) = \(formatScalar(.double(scale)))（inverted dropout），期望值仍是 x"))
        if let k = (0..<xs.count).first(where: { !zeroed.contains($0) && xs[$0] != 0 }) {
            let at = subscriptText(coordinates(of: k, in: shape))
            out.append(text("    e.g. x\(at) = \(formatScalar(.double(xs[k]))) → \(formatScalar(.double(xs[k]))) × \(formatScalar(.double(scale))) = \(formatScalar(.double(ys[k])))",
                            "    例如 x\(at) = \(formatScalar(.double(xs[k]))) → \(formatScalar(.double(xs[k]))) × \(formatScalar(.double(scale))) = \(formatScalar(.double(ys[k])))"))
        }
        let identity = try engine { try dropEval.equal(x) }
        out.append(text("  eval: the identity (output equals x: \(identity ? "yes" : "no")); no rescaling is needed at inference because training already scaled up",
                        "  評估：恆等映射（輸出等於 x：\(identity ? "是" : "否")）；訓練時已經放大過，推論時不必再縮放"))
        out.append("")

        // 2. BatchNorm1d.
        let bn = try engine { try BatchNorm(features, spatialDims: 1) }
        guard let runningMean = bn.runningMean, let runningVar = bn.runningVar else {
            throw ExplainError(.unavailable, "BatchNorm1d has no running statistics")
        }
        let mean0 = runningMean.clone(), var0 = runningVar.clone()
        let bnTrain = try engine { try bn(x) }
        let mean1 = runningMean.clone(), var1 = runningVar.clone()
        let batchMean = try engine { try x.mean(0) }
        let biased = try engine { try x.variance(dims: [0], correction: 0) }
        let unbiased = try engine { try x.variance(dims: [0], correction: 1) }
        let momentum = bn.momentum ?? 0.1
        out.append(style.bold(text("2. BatchNorm1d(\(features)), momentum=\(formatPythonFloat(momentum)), eps=\(formatPythonFloat(bn.eps))",
                                   "2. BatchNorm1d(\(features))，momentum=\(formatPythonFloat(momentum))，eps=\(formatPythonFloat(bn.eps))")))
        out.append(text("  train: normalise with this batch's mean and biased variance, then update the running averages:",
                        "  訓練：用這個 batch 的均值與有偏變異數標準化，再更新累積平均："))
        out.append(text("    running = (1 − momentum)·running + momentum·batch statistic (running_var takes the unbiased variance)",
                        "    running = (1 − momentum)·running + momentum·batch 統計量（running_var 用無偏變異數）"))
        func v(_ t: Tensor, _ j: Int) -> String { formatScalar(t.toScalarArray()[j]) }
        var rows: [[String]] = [[text("feature", "特徵"), text("batch mean", "batch 均值"), text("var (biased)", "變異數（有偏）"),
                                 text("var (unbiased)", "變異數（無偏）"), "running_mean", "running_var"]]
        for j in 0..<features {
            rows.append(["\(j)", v(batchMean, j), v(biased, j), v(unbiased, j),
                         "\(v(mean0, j)) → " + style.bold(v(mean1, j)), "\(v(var0, j)) → " + style.bold(v(var1, j))])
        }
        out += alignedRows(rows, indent: "    ")
        bn.eval()
        let bnEval = try engine { try bn(x) }
        let unchanged = try engine { try runningMean.equal(mean1) && runningVar.equal(var1) }
        out.append(text("  eval: normalise with running_mean and running_var instead (not updated: \(unchanged ? "unchanged" : "changed")); each row no longer depends on the rest of the batch",
                        "  評估：改用 running_mean 與 running_var 標準化（不再更新：\(unchanged ? "沒有變" : "變了")）；每一列不再受同 batch 其他列影響"))
        let x00 = xs[0], rm = mean1.toScalarArray()[0].asDouble, rv = var1.toScalarArray()[0].asDouble
        out.append(text("    e.g. (x[0][0] − running_mean[0]) / √(running_var[0] + eps) = (\(formatScalar(.double(x00))) − \(formatScalar(.double(rm)))) / √(\(formatScalar(.double(rv))) + \(formatPythonFloat(bn.eps))) = \(formatScalar(bnEval.toScalarArray()[0]))  (weight 1, bias 0)",
                        "    例如 (x[0][0] − running_mean[0]) / √(running_var[0] + eps) = (\(formatScalar(.double(x00))) − \(formatScalar(.double(rm)))) / √(\(formatScalar(.double(rv))) + \(formatPythonFloat(bn.eps))) = \(formatScalar(bnEval.toScalarArray()[0]))（weight 1，bias 0）"))
        out += Block.sideBySide([
            Grid.render(bnTrain, title: text("bn(x), train", "bn(x)，訓練"), style: style),
            Grid.render(bnEval, title: text("bn(x), eval", "bn(x)，評估"), style: style),
        ]).map { "  " + $0 }
        out.append("")

        // 3. Gradients: eval() vs no_grad.
        let tracked = bnEval
        let untracked = try engine { try GradMode.with(enabled: false) { try bn(x) } }
        out.append(style.bold(text("3. Gradients are governed by torch.no_grad(), not by eval()",
                                   "3. 梯度由 torch.no_grad() 控制，不是 eval()")))
        out += alignedRows([
            [text("after bn.eval():", "bn.eval() 之後："), "z = bn(x)", "z.requires_grad = " + style.bold(pyBool(tracked.requiresGrad)),
             "z.grad_fn = " + style.bold(tracked.gradFn?.name ?? "None")],
            [text("inside torch.no_grad():", "在 torch.no_grad() 之內："), "w = bn(x)", "w.requires_grad = " + style.bold(pyBool(untracked.requiresGrad)),
             "w.grad_fn = " + style.bold(untracked.gradFn?.name ?? "None")],
        ])
        out.append(text("  eval() switches layer behaviour; no_grad() stops recording the graph (saving its memory). Validation uses both.",
                        "  eval() 切換層的行為；no_grad() 停止記錄計算圖（省下記憶體）。驗證時兩者一起用。"))
        out.append("")

        var s = Script(["import torch", "import torch.nn as nn", "torch.manual_seed(\(req.seed))", "x = torch.randn(\(batch), \(features))"])
        s.print(("x", torchStr(x)))
        s.line("drop = nn.Dropout(p=\(formatPythonFloat(p)))")
        s.print(("drop(x)", torchStr(dropTrain)))
        s.line("drop.eval()")
        s.print(("drop(x)", torchStr(dropEval)))
        s.line("bn = nn.BatchNorm1d(\(features))")
        s.line("y = bn(x)")
        s.print(("y", torchStr(bnTrain)))
        s.print(("bn.running_mean", torchStr(mean1)), ("bn.running_var", torchStr(var1)))
        s.line("bn.eval()")
        s.line("z = bn(x)")
        s.print(("z", torchStr(bnEval)))
        s.print(("z.requires_grad", pyBool(tracked.requiresGrad)), ("z.grad_fn.name()", tracked.gradFn?.name ?? "None"))
        s.line("with torch.no_grad():")
        s.line("    w = bn(x)")
        s.print(("w.requires_grad", pyBool(untracked.requiresGrad)), ("w.grad_fn", "None"))
        guard untracked.gradFn == nil, tracked.gradFn != nil else {
            throw ExplainError(.unavailable, "the engine recorded grad_fn unexpectedly")
        }
        return s.walkthrough(out)
    }
}

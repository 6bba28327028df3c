import MiniTorch
import Terminal

/// `explain ddp`: how DistributedDataParallel sums gradients, with the engine's `RingAllReduce` on one small seeded
/// gradient per simulated GPU: the chunks, every reduce-scatter and all-gather step (who sends which chunk to whom,
/// every buffer after the step), the result checked against the engine's own sum, and the bytes each GPU sends
/// compared with DataParallel's reduce onto GPU 0 and broadcast back.
enum RingAllReduceWalkthrough {
    static func render(_ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let n = req.gpus
        guard (1...8).contains(n) else { throw ExplainError.usage("--gpus must be from 1 to 8, got \(n)") }
        var numel = 2 * n
        if let s = req.shape {
            let shape = try parseShape(s)
            numel = shape.reduce(1, *)
            guard (1...32).contains(numel) else {
                throw ExplainError.usage(text("--shape: a walkthrough shows gradients of 1 to 32 values, got \(numel)",
                                              "--shape：逐步說明的梯度須有 1 到 32 個值，收到 \(numel)"))
            }
        }
        let g = Generator(seed: req.seed)
        let grads = try (0..<n).map { i in
            try engine { try Tensor.randint(low: 0, high: 10, [numel], generator: g).to(.float32).to(device: .cuda(i)) }
        }
        let result = try engine { try RingAllReduce.run(grads) }
        let expected = try engine { try Tensor.stack(grads.map { $0.to(device: .cpu) }).sum(dims: [0]) }
        let allEqual = try result.outputs.allSatisfy { o in try engine { try o.to(device: .cpu).equal(expected) } }
        let item = grads[0].dtype.itemSize
        let size = numel * item

        var out: [String] = []
        out.append(style.bold(text("Ring all-reduce (DistributedDataParallel's gradient sum)", "環狀 all-reduce（DistributedDataParallel 的梯度加總）")) +
                   "  " + style.dim(text("\(n) simulated GPU\(n == 1 ? "" : "s"), \(numel) float32 values = \(size) B each",
                                         "\(n) 張模擬 GPU，每張 \(numel) 個 float32 = \(size) B")))
        out.append(text("Each GPU computed its own gradient on its own data; all must end with the sum.",
                        "每張 GPU 用自己的資料算出自己的梯度；最後每張都要得到總和。"))
        out.append(text("Ring: ", "環：") + (0..<n).map { "cuda:\($0)" }.joined(separator: " → ") + (n > 1 ? " → cuda:0" : ""))
        out.append(text("Chunks (the gradient cut into N = \(n) pieces): ", "分塊（梯度切成 N = \(n) 塊）：") +
                   result.chunks.enumerated().map { "c\($0.offset) = [\($0.element.lowerBound):\($0.element.upperBound)]" }.joined(separator: ", "))
        out.append("")
        let initial = grads.map { $0.toDoubleArray() }
        out += buffers(initial, chunks: result.chunks, received: [:], style: style)
        out.append("")
        if n == 1 {
            out.append(text("One GPU: nothing to exchange.", "只有一張 GPU：不需交換。"))
        }
        var lastPhase: RingAllReduce.Phase?
        for step in result.steps {
            if step.phase != lastPhase {
                out.append(style.bold(step.phase == .reduceScatter
                    ? text("Reduce-scatter (N−1 = \(n - 1) steps): each GPU sends one chunk to its right neighbour, which adds it.",
                           "Reduce-scatter（N−1 = \(n - 1) 步）：每張 GPU 把一塊送給右邊的鄰居，鄰居把它加上去。")
                    : text("All-gather (N−1 = \(n - 1) steps): the finished chunks travel round the ring, replacing what is there.",
                           "All-gather（N−1 = \(n - 1) 步）：完成的分塊沿環傳遞，覆蓋原值。")))
                lastPhase = step.phase
            }
            let verb = step.phase == .reduceScatter ? "+=" : "="
            out.append("  " + text("step \(step.index + 1): ", "第 \(step.index + 1) 步：") +
                       step.sends.map { "cuda:\($0.from) c\($0.chunk) → cuda:\($0.to) (\(verb))" }.joined(separator: ", "))
            var received: [Int: Range<Int>] = [:]
            for s in step.sends { received[s.to] = s.range }
            out += buffers(step.buffers, chunks: result.chunks, received: received, style: style).map { "  " + $0 }
            if step.phase == .reduceScatter && step.index == n - 2 {
                out.append("  " + style.dim(text("now cuda:i holds the full sum of chunk c(i+1 mod N)",
                                                 "此時 cuda:i 持有分塊 c(i+1 mod N) 的完整總和")))
            }
        }
        out.append("")
        out.append(text("Every GPU now holds the sum ", "每張 GPU 都得到總和 ") + "[" + expected.toScalarArray().map(formatScalar).joined(separator: ", ") + "]" +
                   text(" (torch.stack(grads).sum(0)): ", "（torch.stack(grads).sum(0)）：") +
                   (allEqual ? text("yes", "是") : text("NO", "否")))
        out.append("")
        out.append(style.bold(text("Bytes sent per GPU:", "每張 GPU 送出的位元組：")))
        out.append("  " + result.bytesSent.enumerated().map { "cuda:\($0.offset) \($0.element) B" }.joined(separator: ", "))
        let formula = Double(2 * (n - 1)) / Double(n) * Double(size)
        let exact = formula == formula.rounded()
        let approx = exact ? "= \(Int(formula))" : "≈ " + String(format: "%.2f", formula)
        out.append(text("  = 2·(N−1)/N · size = 2·\(n - 1)/\(n) · \(size) B \(approx) B\(exact ? "" : " (chunks are whole elements)"); under 2 · size however many GPUs",
                        "  = 2·(N−1)/N · size = 2·\(n - 1)/\(n) · \(size) B \(approx) B\(exact ? "" : "（分塊以元素為單位）")；GPU 再多也不超過 2 · size"))
        out.append("")
        out.append(style.bold(text("Compared with DataParallel:", "與 DataParallel 比較：")))
        out.append(text("  gradients are summed onto cuda:0 (it receives (N−1)·size = \(n - 1)·\(size) = \((n - 1) * size) B),",
                        "  梯度加總到 cuda:0（它接收 (N−1)·size = \(n - 1)·\(size) = \((n - 1) * size) B），"))
        out.append(text("  and the next step broadcasts the parameters from cuda:0 again (it sends (N−1)·size = \((n - 1) * size) B):",
                        "  下一步又從 cuda:0 廣播參數（它送出 (N−1)·size = \((n - 1) * size) B）："))
        out.append(text("  GPU 0's traffic grows with N; the ring spreads it evenly, \(result.bytesSent.first ?? 0) B per GPU here.",
                        "  GPU 0 的流量隨 N 增加；環狀做法平均分攤，這裡每張 GPU \(result.bytesSent.first ?? 0) B。"))
        out.append(text("  DDP also runs one process per GPU (no GIL, no per-step replication) and overlaps the all-reduce with backward, bucket by bucket.",
                        "  DDP 還是每張 GPU 一個行程（沒有 GIL、不必每步複製模型），並按 bucket 讓 all-reduce 與反向傳播重疊。"))
        out.append("")
        var snippet = ["import torch", "grads = ["]
        for t in grads { snippet.append("    torch.tensor(\(pythonLiteral(t.to(device: .cpu)))),") }
        snippet += ["]", "total = torch.stack(grads).sum(0)", "print(total)"]
        return Walkthrough(body: out, snippet: snippet)
    }

    /// One line per GPU: its buffer with `|` between chunks; the chunk it just received is highlighted.
    static func buffers(_ values: [[Double]], chunks: [Range<Int>], received: [Int: Range<Int>], style: Style) -> [String] {
        let texts = values.map { $0.map { formatScalar(.double($0)) } }
        let width = texts.flatMap { $0 }.map(\.count).max() ?? 1
        return texts.enumerated().map { dev, cells in
            var parts: [String] = []
            for (ci, range) in chunks.enumerated() where !range.isEmpty {
                let body = range.map { cells[$0].padded(to: width, alignment: .right) }.joined(separator: " ")
                let hit = received[dev] == range
                parts.append(hit ? (style.enabled ? " " + style.highlight(body) + " " : "[" + body + "]") : " " + body + " ")
                _ = ci
            }
            var line = "cuda:\(dev) " + parts.joined(separator: "|")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

import MiniTorch
import Terminal

/// `explain dataparallel`: one forward + backward step of `nn.DataParallel` on simulated GPUs, rendered from the
/// engine's own `DataParallel.lastTrace` (scatter, broadcast, buffer copies, forward, gather: shapes and bytes),
/// then the backward (GatherBackward splits the gradient, replica gradients are summed onto device_ids[0]),
/// checked against the same model run on one device. The placement error and BatchNorm's per-replica statistics
/// are also produced by running the engine.
enum DataParallelWalkthrough {
    static let inFeatures = 3, outFeatures = 2

    static func render(_ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let (n, batch) = (req.gpus, req.batch)
        guard (1...8).contains(n) else { throw ExplainError.usage("--gpus must be from 1 to 8, got \(n)") }
        guard (1...64).contains(batch) else { throw ExplainError.usage("--batch must be from 1 to 64 for a walkthrough, got \(batch)") }
        let g = Generator(seed: req.seed)
        let model = try engine { try Linear(inFeatures, outFeatures) }
        try engine {
            for p in model.parameters() { try p.assignElements(from: try Tensor.randn(p.shape, generator: g)) }
            _ = try model.to(device: .cuda(0))
        }
        let x = try engine { try Tensor.randn([batch, inFeatures], generator: g) }

        // The reference: the same model on one device.
        let y1 = try engine { try model(x.to(device: .cuda(0))) }
        try engine { try y1.sum().backward() }
        let grads1 = model.parameters().map { $0.grad?.clone() }
        try engine { try model.zeroGrad() }

        // DataParallel.
        let ids = Array(0..<n)
        let dp = try engine { try DataParallel(model, deviceIds: ids, outputDevice: 0) }
        let y2 = try engine { try dp(x) }
        try engine { try y2.sum().backward() }
        guard let trace = dp.lastTrace else { throw ExplainError(.unavailable, "DataParallel left no trace") }
        let sameOut = try engine { try y1.detach().allclose(y2.detach(), rtol: 1e-4, atol: 1e-6) }
        let sameGrads = zip(grads1, model.parameters()).allSatisfy { a, p in
            guard let a, let b = p.grad else { return false }
            return b.device == .cuda(0) && ((try? a.allclose(b, rtol: 1e-4, atol: 1e-6)) ?? false)
        }
        let gradsOn = Set(model.parameters().compactMap { $0.grad?.device.description }).sorted()

        var out: [String] = []
        out.append(style.bold("nn.DataParallel(model, device_ids=\(pyList(ids)), output_device=0)") + "  " +
                   style.dim(text("batch \(batch), \(n) simulated GPU\(n == 1 ? "" : "s")", "batch \(batch)，\(n) 張模擬 GPU")))
        out.append(text("model = nn.Linear(\(inFeatures), \(outFeatures)) on cuda:0; x: [\(batch), \(inFeatures)] on the CPU; loss = y.sum()",
                        "model = nn.Linear(\(inFeatures), \(outFeatures)) 放在 cuda:0；x：[\(batch), \(inFeatures)] 在 CPU；loss = y.sum()"))
        out.append("")

        // 1. scatter
        let size = (batch + n - 1) / n
        let used = trace.devices.count
        out.append(style.bold(text("1. scatter", "1. 分散（scatter）")) + "  x.chunk(\(n), dim=0)")
        out.append(text("  chunk size ⌈\(batch)/\(n)⌉ = \(size) → chunk sizes \(pyList(trace.chunkSizes))",
                        "  每塊 ⌈\(batch)/\(n)⌉ = \(size) 列 → 各塊大小 \(pyList(trace.chunkSizes))"))
        if used < n {
            let idle = used == n - 1 ? "cuda:\(used)" : "cuda:\(used)…cuda:\(n - 1)"
            out.append(style.highlight(text("  only \(used) chunks, so only \(used) replicas run; \(idle) \(used == n - 1 ? "stays" : "stay") idle",
                                            "  只有 \(used) 塊，所以只跑 \(used) 個副本；\(idle) 閒置")))
        }
        var row = 0
        for (e, rows) in zip(trace.events.filter { $0.kind == .scatter }, trace.chunkSizes) {
            out.append("  x[\(row):\(row + rows)] \(e.from?.description ?? "?") → \(e.to)  \(shapeText(e.shape))  \(e.bytes) B")
            row += rows
        }
        out.append("")
        // 2. replicate
        out.append(style.bold(text("2. replicate", "2. 複製模型（replicate）")) +
                   text("  parameters broadcast from cuda:0, buffers copied", "  參數從 cuda:0 廣播，buffer 複製"))
        let copies = trace.events.filter { $0.kind == .broadcast || $0.kind == .bufferCopy }
        if copies.isEmpty {
            out.append(text("  one replica: the module itself on cuda:0, nothing to copy", "  只有一個副本：就是 cuda:0 上的模組本身，不必複製"))
        }
        for e in copies {
            out.append("  \(e.kind.rawValue) \(e.from?.description ?? "?") → \(e.to)  \(shapeText(e.shape))  \(e.bytes) B")
        }
        out.append("")
        // 3. forward
        out.append(style.bold(text("3. parallel forward", "3. 平行前向（parallel_apply）")) + "  " +
                   (trace.threaded ? text("one thread per device", "每個裝置一條執行緒") : text("one after another", "依序執行")))
        for e in trace.events where e.kind == .forward {
            out.append("  \(e.to): replica(x_chunk) → \(shapeText(e.shape))  \(e.bytes) B")
        }
        out.append("")
        // 4. gather
        out.append(style.bold(text("4. gather", "4. 收集（gather）")) +
                   text("  outputs concatenated along dim 0 on output_device = cuda:0 → \(shapeText(y2.shape))",
                        "  在 output_device = cuda:0 沿 dim 0 串接 → \(shapeText(y2.shape))"))
        for e in trace.events where e.kind == .gather {
            out.append("  \(e.from?.description ?? "?") → \(e.to)  \(shapeText(e.shape))  \(e.bytes) B")
        }
        out.append(text("  (cuda:0's own output does not move)", "  （cuda:0 自己的輸出不必搬）"))
        out.append("")
        // 5. backward
        let paramBytes = model.parameters().reduce(0) { $0 + $1.numel * $1.dtype.itemSize }
        out.append(style.bold(text("5. backward", "5. 反向傳播（backward）")))
        out.append(text("  GatherBackward splits dL/dy back into chunks of \(pyList(trace.chunkSizes)) rows, one per device;",
                        "  GatherBackward 把 dL/dy 切回 \(pyList(trace.chunkSizes)) 列的小塊，送回各裝置；"))
        out.append(text("  each replica runs its own backward; Broadcast's backward (ReduceAddCoalesced) sums the \(used) replicas'",
                        "  每個副本各自反向；Broadcast 的反向（ReduceAddCoalesced）把 \(used) 個副本的"))
        out.append(text("  parameter gradients onto device_ids[0]: \(max(0, used - 1)) × \(paramBytes) B arrive at cuda:0.",
                        "  參數梯度加總到 device_ids[0]：共 \(max(0, used - 1)) × \(paramBytes) B 送到 cuda:0。"))
        out.append(text("  weight.grad and bias.grad live on: \(gradsOn.joined(separator: ", "))",
                        "  weight.grad 與 bias.grad 位於：\(gradsOn.joined(separator: ", "))"))
        out.append(text("  same as one device: outputs \(sameOut ? "yes" : "NO"), gradients \(sameGrads ? "yes" : "NO")",
                        "  與單一裝置相同：輸出 \(sameOut ? "是" : "否")，梯度 \(sameGrads ? "是" : "否")"))
        out.append("")

        // Timeline per simulated GPU.
        out.append(style.bold(text("Timeline per GPU (→ sends, ← receives):", "各 GPU 時間軸（→ 送出，← 接收）：")))
        let heads = ["", "scatter", "replicate", "forward", "gather", "backward", "reduce"]
        var table: [[String]] = [heads]
        for i in 0..<n {
            let dev = Device.cuda(i)
            guard let k = trace.devices.firstIndex(of: dev) else {
                table.append(["cuda:\(i)", text("idle", "閒置"), "", "", "", "", ""])
                continue
            }
            let rows = trace.chunkSizes[k]
            let gathered = trace.events.contains { $0.kind == .gather && $0.from == dev }
            table.append([
                "cuda:\(i)",
                rows == 1 ? "← 1 row" : "← \(rows) rows",
                i == 0 ? text("original", "原模型") : "← params",
                "[\(rows), \(outFeatures)]",
                i == 0 ? (gathered ? "" : text("← all", "← 全部")) : (gathered ? "→ cuda:0" : ""),
                "← dL/dy[\(rows)]",
                i == 0 ? (used > 1 ? "← \(used - 1) grads, sum" : text("own grads", "自己的梯度")) : "→ grads",
            ])
        }
        let widths = (0..<heads.count).map { c in table.map { $0[c].displayWidth }.max() ?? 0 }
        for r in table {
            var cells = r
            while cells.count > 1, cells.last == "" { cells.removeLast() }
            var line = "  " + zip(cells, widths).map { $0.padded(to: $1) }.joined(separator: " │ ")
            while line.hasSuffix(" ") { line.removeLast() }
            out.append(line)
        }
        out.append("")

        // Bytes moved.
        out.append(style.bold(text("Bytes moved in this step:", "這一步搬動的位元組：")))
        for kind in [DataParallelTrace.Kind.scatter, .broadcast, .bufferCopy, .gather] {
            let events = trace.events.filter { $0.kind == kind }
            guard !events.isEmpty else { continue }
            out.append("  \(kind.rawValue): \(events.count) × → \(events.reduce(0) { $0 + $1.bytes }) B")
        }
        var received = [Int](repeating: 0, count: n)
        for e in trace.events where e.kind != .forward { if case .cuda(let i) = e.to, i < n { received[i] += e.bytes } }
        out.append(text("  received per GPU (forward): ", "  每張 GPU 接收（前向）：") +
                   received.enumerated().map { "cuda:\($0.offset) \($0.element) B" }.joined(separator: ", "))
        let peaks = trace.memory.map { "\($0.device) \($0.usage.peak) B" }
        if !peaks.isEmpty { out.append(text("  peak memory: ", "  記憶體峰值：") + peaks.joined(separator: ", ")) }
        out.append(text("  cuda:0 does the most: it holds the originals, gathers every output and sums every gradient.",
                        "  cuda:0 負擔最重：它保存原模型、收集所有輸出、加總所有梯度。"))
        out.append("")

        // The placement rule, from the engine's check.
        out.append(style.bold(text("The placement rule:", "放置規則：")) +
                   text(" the module must sit on device_ids[0] before the call.", " 呼叫前模組必須在 device_ids[0] 上。"))
        if n >= 2 {
            let misplaced = try engine { try Linear(inFeatures, outFeatures) }
            let message: String
            do {
                _ = try misplaced.to(device: .cuda(1))
                let bad = try DataParallel(misplaced, deviceIds: ids, outputDevice: 0)
                _ = try bad(x)
                message = text("(no error)", "（沒有錯誤）")
            } catch let e as TensorError {
                message = "\(e.kind.rawValue): \(e.message)"
            } catch {
                message = String(describing: error)
            }
            out.append(text("  model.to('cuda:1') then DataParallel(model, device_ids=\(pyList(ids)))(x) raises:",
                            "  model.to('cuda:1') 之後呼叫 DataParallel(model, device_ids=\(pyList(ids)))(x) 會拋出："))
            out.append("  " + style.red(message))
        }
        out.append("")

        // BatchNorm: every replica normalises its own chunk.
        out.append(style.bold(text("BatchNorm under DataParallel:", "DataParallel 下的 BatchNorm：")))
        out.append(text("  each replica computes mean/var of its own chunk, not of the batch; only cuda:0's replica updates running_mean/var.",
                        "  每個副本用自己那塊資料算 mean/var，而非整個 batch；只有 cuda:0 的副本更新 running_mean/var。"))
        let chunks = try engine { try x.chunk(n, dim: 0) }
        let batchMean = try engine { try x.select(1, 0).mean() }.toDoubleArray().first ?? 0
        let chunkMeans = try chunks.map { c in try engine { try c.select(1, 0).mean() }.toDoubleArray().first ?? 0 }
        out.append(text("  feature 0: batch mean \(fmt(batchMean)); chunk means ", "  特徵 0：整批平均 \(fmt(batchMean))；各塊平均 ") +
                   "[" + chunkMeans.map(fmt).joined(separator: ", ") + "]")
        let bn = try engine { try BatchNorm(inFeatures, spatialDims: 1) }
        _ = try engine { try bn.to(device: .cuda(0)) }
        let bnDP = try engine { try DataParallel(bn, deviceIds: ids, outputDevice: 0) }
        do {
            let yb = try bnDP(x)
            let yRef = try bn(x.to(device: .cuda(0)))
            let same = (try? yb.detach().allclose(yRef.detach(), rtol: 1e-4, atol: 1e-5)) ?? false
            out.append(text("  BatchNorm1d(\(inFeatures)) through DataParallel equals the one-device output: \(same ? "yes" : "no")",
                            "  BatchNorm1d(\(inFeatures)) 經 DataParallel 與單一裝置的輸出相同：\(same ? "是" : "否")"))
        } catch let e as TensorError {
            out.append(text("  BatchNorm1d(\(inFeatures)) through DataParallel fails (a chunk of one row):",
                            "  BatchNorm1d(\(inFeatures)) 經 DataParallel 失敗（有一塊只有一列）："))
            out.append("  " + style.red("\(e.kind.rawValue): \(e.message)"))
        }
        out.append(text("  SyncBatchNorm (with DistributedDataParallel) shares the statistics across GPUs.",
                        "  SyncBatchNorm（配合 DistributedDataParallel）會跨 GPU 同步統計量。"))
        out.append("")

        return Walkthrough(body: out, snippet: [
            "import torch",
            "import torch.nn as nn",
            "# tensorprep run --gpus \(n) -",
            "model = nn.Linear(\(inFeatures), \(outFeatures)).to('cuda:0')",
            "dp = nn.DataParallel(model, device_ids=list(range(\(n))))",
            "x = torch.randn(\(batch), \(inFeatures))",
            "print([c.shape[0] for c in x.chunk(\(n))])",
            "y = dp(x)",
            "print(y.shape)",
            "y.sum().backward()",
            "print(model.weight.grad.device)",
        ])
    }

    static func pyList(_ v: [Int]) -> String { "[" + v.map(String.init).joined(separator: ", ") + "]" }
    static func shapeText(_ s: [Int]) -> String { pyList(s) }
    static func fmt(_ d: Double) -> String { formatScalar(.double(d)) }
}

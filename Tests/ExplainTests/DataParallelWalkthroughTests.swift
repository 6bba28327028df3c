import Testing
import Terminal
@testable import Explain

/// `explain dataparallel`. Chunk sizes are torch.chunk's (checked against real PyTorch 2.15:
/// `[c.shape[0] for c in torch.randn(10, 3).chunk(4)]` -> [3, 3, 3, 1], `torch.randn(5, 3).chunk(4)` -> [2, 2, 1]);
/// the placement message is torch/nn/parallel/data_parallel.py's; BatchNorm's one-row error is
/// F.batch_norm's "Expected more than 1 value per channel when training". Byte counts are float32 sizes of the
/// shapes shown (e.g. [3, 3] = 36 B). The prose is the walkthrough's own, reviewed by hand.
struct DataParallelWalkthroughTests {
    func request(_ configure: (inout ExplainRequest) -> Void) -> ExplainRequest {
        var r = ExplainRequest()
        configure(&r)
        return r
    }

    @Test func tenRowsOnFourGPUs() throws {
        let w = try Explainer.explain("dataparallel", request { $0.gpus = 4; $0.batch = 10 })
        let b = w.body
        #expect(b.contains("  chunk size ⌈10/4⌉ = 3 → chunk sizes [3, 3, 3, 1]"))
        #expect(b.contains("  x[9:10] cpu → cuda:3  [1, 3]  12 B"))
        #expect(b.contains("  broadcast cuda:0 → cuda:3  [2, 3]  24 B"))
        #expect(b.contains("  cuda:3 → cuda:0  [1, 2]  8 B"))
        #expect(b.contains("  parameter gradients onto device_ids[0]: 3 × 32 B arrive at cuda:0."))
        #expect(b.contains("  weight.grad and bias.grad live on: cuda:0"))
        #expect(b.contains("  same as one device: outputs yes, gradients yes"))
        #expect(b.contains("  cuda:3 │ ← 1 row  │ ← params  │ [1, 2]  │ → cuda:0 │ ← dL/dy[1] │ → grads"))
        #expect(b.contains("  scatter: 4 × → 120 B"))
        #expect(b.contains("  RuntimeError: module must have its parameters and buffers on device cuda:0 (device_ids[0]) but found one of them on device: cuda:1"))
        #expect(b.contains("  ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, 3])"))
        #expect(w.snippet.contains("dp = nn.DataParallel(model, device_ids=list(range(4)))"))
        #expect(w.snippet.contains("print([c.shape[0] for c in x.chunk(4)])"))
    }

    @Test func fiveRowsOnFourGPUsRunThreeReplicas() throws {
        let b = try Explainer.explain("dataparallel", request { $0.gpus = 4; $0.batch = 5 }).body
        #expect(b.contains("  chunk size ⌈5/4⌉ = 2 → chunk sizes [2, 2, 1]"))
        #expect(b.contains("[  only 3 chunks, so only 3 replicas run; cuda:3 stays idle]"))
        #expect(b.contains("  cuda:3 │ idle"))
        #expect(b.contains("  same as one device: outputs yes, gradients yes"))
    }

    @Test func evenSplitAndSeedsAgreeWithOneDevice() throws {
        for gpus in 1...8 {
            for batch in [1, 2, 7, 16] {
                let b = try Explainer.explain("dataparallel", request { $0.gpus = gpus; $0.batch = batch; $0.seed = UInt64(gpus * 31 + batch) }).body
                #expect(b.contains("  same as one device: outputs yes, gradients yes"), "\(gpus) GPUs, batch \(batch)")
            }
        }
        // Two rows per chunk: BatchNorm runs, but its per-replica statistics differ from the batch's.
        let b = try Explainer.explain("dataparallel", request { $0.gpus = 2; $0.batch = 8 }).body
        #expect(b.contains("  BatchNorm1d(3) through DataParallel equals the one-device output: no"))
    }

    @Test func chinese() throws {
        let b = try Explainer.explain("dataparallel", request { $0.gpus = 4; $0.batch = 10; $0.language = .zh }).body
        #expect(b.contains("  每塊 ⌈10/4⌉ = 3 列 → 各塊大小 [3, 3, 3, 1]"))
        #expect(b.contains("  與單一裝置相同：輸出 是，梯度 是"))
    }

    @Test func badOptions() {
        for r in [request { $0.gpus = 0 }, request { $0.gpus = 9 }, request { $0.batch = 0 }, request { $0.batch = 1000 }] {
            #expect(throws: ExplainError.self) { try Explainer.explain("dataparallel", r) }
        }
    }
}

import Testing
import Terminal
@testable import Explain

/// `explain ddp`. The sum is checked inside the walkthrough against the engine's torch.stack(grads).sum(0); the
/// snippet's output was checked against real PyTorch 2.15 for the default (seed 0, 4 GPUs):
///   torch.stack([...]).sum(0) -> tensor([21., 21., 17., 18., 24., 27., 17., 15.]).
/// Bytes follow the ring algorithm: each GPU sends 2·(N−1) chunks.
struct RingAllReduceWalkthroughTests {
    func request(_ configure: (inout ExplainRequest) -> Void) -> ExplainRequest {
        var r = ExplainRequest()
        configure(&r)
        return r
    }

    @Test func fourGPUsStepByStep() throws {
        let w = try Explainer.explain("ddp", request { $0.gpus = 4 })
        let b = w.body
        #expect(b.contains("Chunks (the gradient cut into N = 4 pieces): c0 = [0:2], c1 = [2:4], c2 = [4:6], c3 = [6:8]"))
        #expect(b.contains("  step 1: cuda:0 c0 → cuda:1 (+=), cuda:1 c1 → cuda:2 (+=), cuda:2 c2 → cuda:3 (+=), cuda:3 c3 → cuda:0 (+=)"))
        #expect(b.contains("  cuda:1 [11. 12.]|  1.  6. |  6.  9. |  8.  6."))
        #expect(b.contains("  step 1: cuda:0 c1 → cuda:1 (=), cuda:1 c2 → cuda:2 (=), cuda:2 c3 → cuda:3 (=), cuda:3 c0 → cuda:0 (=)"))
        #expect(b.contains("Every GPU now holds the sum [21., 21., 17., 18., 24., 27., 17., 15.] (torch.stack(grads).sum(0)): yes"))
        #expect(b.contains("  cuda:0 48 B, cuda:1 48 B, cuda:2 48 B, cuda:3 48 B"))
        #expect(b.contains("  = 2·(N−1)/N · size = 2·3/4 · 32 B = 48 B; under 2 · size however many GPUs"))
        #expect(b.contains("  gradients are summed onto cuda:0 (it receives (N−1)·size = 3·32 = 96 B),"))
        #expect(w.snippet.last == "print(total)")
        #expect(w.snippet.contains("    torch.tensor([4.0, 9.0, 3.0, 0.0, 3.0, 9.0, 7.0, 3.0]),"))
    }

    @Test func everyGPUCountSums() throws {
        for n in 1...8 {
            for shape in ["1", "5", "3x3"] {
                let b = try Explainer.explain("ddp", request { $0.gpus = n; $0.shape = shape; $0.seed = UInt64(n) }).body
                #expect(b.contains { $0.hasPrefix("Every GPU now holds the sum ") && $0.hasSuffix(": yes") }, "\(n) GPUs, \(shape)")
            }
        }
        let three = try Explainer.explain("ddp", request { $0.gpus = 3; $0.shape = "4" }).body
        #expect(three.contains("  = 2·(N−1)/N · size = 2·2/3 · 16 B ≈ 21.33 B (chunks are whole elements); under 2 · size however many GPUs"))
    }

    @Test func chinese() throws {
        let b = try Explainer.explain("ddp", request { $0.gpus = 4; $0.language = .zh }).body
        #expect(b.contains("每張 GPU 都得到總和 [21., 21., 17., 18., 24., 27., 17., 15.]（torch.stack(grads).sum(0)）：是"))
        #expect(b.contains("  第 1 步：cuda:0 c0 → cuda:1 (+=), cuda:1 c1 → cuda:2 (+=), cuda:2 c2 → cuda:3 (+=), cuda:3 c3 → cuda:0 (+=)"))
    }

    @Test func badOptions() {
        for r in [request { $0.gpus = 0 }, request { $0.gpus = 9 }, request { $0.shape = "9x9" }, request { $0.shape = "x" }] {
            #expect(throws: ExplainError.self) { try Explainer.explain("ddp", r) }
        }
    }
}

import Foundation
import Testing

/// `tensorprep show ID --run`: the question's demos run live on the engine under the answer. The expected lines
/// are the bundled gather-scatter demo's own outputs, recorded there from PyTorch 2.15 (Scripts/record_demos.py).
struct ShowRunCLITests {
    @Test func demosRunLiveUnderTheAnswer() throws {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("bank.sqlite").path
        let plain = try CLI.run(["--db", db, "show", "gather-scatter"], in: dir)
        let live = try CLI.run(["--db", db, "show", "gather-scatter", "--run"], in: dir)
        #expect(plain.status == 0)
        #expect(live.status == 0)
        #expect(live.stdout.hasPrefix(plain.stdout))
        let tail = String(live.stdout.dropFirst(plain.stdout.count))
        #expect(tail.hasPrefix("\nLive run (tensorprep engine)\n>>> import torch\n"))
        #expect(tail.contains(">>> torch.gather(x, 1, torch.tensor([[2], [0]]))\nTraceback (most recent call last):\n"))
        #expect(tail.contains("RuntimeError: index 2 is out of bounds for dimension 1 with size 2\n"))
    }
}

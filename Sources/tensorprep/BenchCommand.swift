import ArgumentParser
import Dispatch
import Foundation
import MiniTorch

/// `tensorprep bench [--json]`: median wall-clock times of the engine's kernels (SPEC §1) — matmul 256/512/1024,
/// conv2d [8, 32, 32, 32] * 64 3×3 filters (naive loop vs im2col + GEMM), unfold of that input, gather and
/// scatter_add over 1M elements. Build with `-c release` before timing. `Scripts/bench_torch.py` times the same
/// workloads with PyTorch (2 threads) for comparison.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the engine's kernels (matmul, conv2d naive vs im2col+GEMM, unfold, gather, scatter_add, a training step).",
        discussion: "Prints a table of median times; --json prints the same numbers for machines.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Timed repetitions per kernel (the median is reported).", valueName: "n"))
    var repeats = 7

    @Option(name: .long, help: ArgumentHelp("Only run kernels whose name contains this text.", valueName: "text"))
    var only: String?

    func validate() throws {
        guard (1...1000).contains(repeats) else { throw ValidationError("--repeats must be between 1 and 1000") }
    }

    func run() throws {
        let results = try KernelBench.run(repeats: repeats, only: only)
        if json {
            print(KernelBench.json(results))
        } else {
            print(KernelBench.table(results))
        }
    }
}

/// The benchmark workloads (kept beside the command: they only glue engine calls together).
enum KernelBench {
    struct Result {
        var name: String
        var medianMs: Double
        /// Useful floating-point work, for GFLOP/s (nil when not meaningful).
        var flops: Double?
        var gflops: Double? { flops.map { $0 / (medianMs / 1000) / 1e9 } }
    }

    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Median of `repeats` timed runs after one warm-up.
    static func time(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
        try body()
        var ts: [Double] = []
        for _ in 0..<repeats {
            let t = now()
            try body()
            ts.append(now() - t)
        }
        ts.sort()
        return ts[ts.count / 2] * 1000
    }

    static func run(repeats: Int, only: String?) throws -> [Result] {
        var out: [Result] = []
        func want(_ name: String) -> Bool { only.map { name.contains($0) } ?? true }
        let g = Generator(seed: 0)

        for n in [256, 512, 1024] where want("matmul \(n)") {
            let a = try Tensor.randn([n, n], generator: g), b = try Tensor.randn([n, n], generator: g)
            let ms = try time(repeats) { _ = try a.matmul(b) }
            out.append(Result(name: "matmul \(n)x\(n)x\(n) f32", medianMs: ms, flops: 2 * Double(n * n * n)))
        }

        // conv2d: input [8, 32, 32, 32], weight [64, 32, 3, 3], padding 1.
        let s = ConvKernels.ConvShape(batch: 8, inChannels: 32, height: 32, width: 32, outChannels: 64, groups: 1,
                                      window: Window2D(kernel: (3, 3), padding: (1, 1)))
        let convFlops = 2 * Double(8 * 64 * 32 * 32 * 32 * 9)
        if want("conv2d im2col") || want("conv2d naive") || want("unfold") {
            let x = try Tensor.randn([8, 32, 32, 32], generator: g)
            let w = try Tensor.randn([64, 32, 3, 3], generator: g)
            let y = try Tensor.zeros([8, 64, 32, 32])
            if want("conv2d im2col") {
                let ms = time(repeats) {
                    ConvKernels.conv2d(s, input: x.dataPointer(Float.self), weight: w.dataPointer(Float.self), bias: nil,
                                       output: y.dataPointer(Float.self))
                }
                out.append(Result(name: "conv2d im2col+GEMM [8,32,32,32]*[64,32,3,3]", medianMs: ms, flops: convFlops))
            }
            if want("conv2d naive") {
                let ms = time(max(1, min(repeats, 3))) {
                    ConvKernels.conv2dNaive(s, input: x.dataPointer(Float.self), weight: w.dataPointer(Float.self), bias: nil,
                                            output: y.dataPointer(Float.self))
                }
                out.append(Result(name: "conv2d naive loop [8,32,32,32]*[64,32,3,3]", medianMs: ms, flops: convFlops))
            }
            if want("unfold") {
                let ms = try time(repeats) { _ = try x.unfold2d(kernel: (3, 3), padding: (1, 1)) }
                out.append(Result(name: "unfold [8,32,32,32] k3 p1", medianMs: ms, flops: nil))
            }
        }

        // gather / scatter_add over 1M elements: [1000, 1000] along dim 1.
        if want("gather") || want("scatter_add") {
            let x = try Tensor.randn([1000, 1000], generator: g)
            let idx = try Tensor.randint(low: 0, high: 1000, [1000, 1000], generator: g)
            if want("gather") {
                let ms = try time(repeats) { _ = try x.gather(1, idx) }
                out.append(Result(name: "gather 1M (dim 1 of [1000,1000])", medianMs: ms, flops: nil))
            }
            if want("scatter_add") {
                let src = try Tensor.randn([1000, 1000], generator: g)
                let ms = try time(repeats) { _ = try x.scatterAdd(1, idx, src) }
                out.append(Result(name: "scatter_add 1M (dim 1 of [1000,1000])", medianMs: ms, flops: nil))
            }
        }
        // A small training loop (SPEC §1): one SGD step of Sequential(Linear(64, 128), ReLU(), Linear(128, 10)) on a
        // batch of 32 with cross entropy: zero_grad, forward, loss, backward, step — what a snippet's loop does.
        if want("train") {
            let model = try Sequential([try Linear(64, 128), ReLU(), try Linear(128, 10)])
            let optimizer = try SGD(model.parameters(), lr: 0.01, momentum: 0.9)
            let x = try Tensor.randn([32, 64], generator: g)
            let y = try Tensor.randint(low: 0, high: 10, [32], generator: g)
            let ms = try time(repeats) {
                try optimizer.zeroGrad()
                let loss = try Functional.crossEntropy(try model(x), y)
                try loss.backward()
                try optimizer.step()
            }
            out.append(Result(name: "train step MLP 64-128-10, batch 32, SGD", medianMs: ms, flops: nil))
        }
        return out
    }

    static func table(_ results: [Result]) -> String {
        let w = max(44, results.map(\.name.count).max() ?? 0)
        var lines = ["kernel".padding(toLength: w, withPad: " ", startingAt: 0) + "   median ms   GFLOP/s"]
        for r in results {
            let ms = String(format: "%10.3f", r.medianMs)
            let gf = r.gflops.map { String(format: "%9.1f", $0) } ?? "        -"
            lines.append(r.name.padding(toLength: w, withPad: " ", startingAt: 0) + "  " + ms + "  " + gf)
        }
        lines.append("threads: \(GEMM.threads), GEMM micro-kernel: \(GEMM.microKernel) (median of timed runs after one warm-up)")
        return lines.joined(separator: "\n")
    }

    static func json(_ results: [Result]) -> String {
        let items = results.map { r -> String in
            let gf = r.gflops.map { String(format: "%.2f", $0) } ?? "null"
            let name = r.name.replacingOccurrences(of: "\"", with: "\\\"")
            return "    {\"name\": \"\(name)\", \"median_ms\": \(String(format: "%.4f", r.medianMs)), \"gflops\": \(gf)}"
        }
        return "{\n  \"threads\": \(GEMM.threads),\n  \"gemm_kernel\": \"\(GEMM.microKernel)\",\n  \"results\": [\n" + items.joined(separator: ",\n") + "\n  ]\n}"
    }
}

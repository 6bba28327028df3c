import Foundation
import Testing

/// `tensorprep bench` end to end (SPEC §1): the table and `--json` name every workload, report positive medians
/// (GFLOP/s where the workload has a flop count), and the kernel family; `--only` filters. Timings themselves
/// are measured against PyTorch by Scripts/bench_torch.py, not asserted here.
struct BenchCLITests {
    @Test func jsonNamesEachSelectedWorkload() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["bench", "--json", "--repeats", "1", "--only", "train"], in: dir)
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(results.map { $0["name"] as? String } == ["train step MLP 64-128-10, batch 32, SGD"])
        #expect((results.first?["median_ms"] as? Double ?? 0) > 0)
        #expect(object["threads"] as? Int ?? 0 >= 1)
        #expect(object["gemm_kernel"] as? String != nil)
    }

    @Test func tableHasOneLinePerWorkload() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["bench", "--repeats", "1", "--only", "matmul 256"], in: dir)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("kernel"))
        #expect(lines[1].hasPrefix("matmul 256x256x256 f32"))
        let gflops = Double(lines[1].split(separator: " ").last.map(String.init) ?? "") ?? 0
        #expect(gflops > 0)
        #expect(lines[2].hasPrefix("threads: "))
    }
}

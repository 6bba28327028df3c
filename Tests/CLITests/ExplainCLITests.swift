import Foundation
import Testing

/// `tensorprep explain` end to end: the canonical command of issue 8, its snippet through `tensorprep run -`,
/// and the exit status of bad options. The expected tensor is what PyTorch 2.15 prints for the snippet.
struct ExplainCLITests {
    let args = ["explain", "gather", "--dim", "1", "--input", "[[1,2,3],[4,5,6]]", "--index", "[[0,0],[1,0]]"]

    @Test func canonicalGather() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(args, in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.contains("  out[i][j] = input[i][index[i][j]]\n"))
        #expect(r.stdout.contains("  out[1][0] = input[1][index[1][0]] = input[1][1] = 5\n"))
        #expect(r.stdout.contains("  out[1][1] = input[1][index[1][1]] = input[1][0] = 4\n"))
    }

    @Test func snippetRunsToTheSameTensor() throws {
        let dir = try CLI.temporaryDirectory()
        let snippet = try CLI.run(args + ["--snippet"], in: dir)
        #expect(snippet.status == 0)
        let run = try CLI.run(["run", "-"], in: dir, stdin: snippet.stdout)
        #expect(run == CLI.Result(status: 0, stdout: "tensor([[1, 1],\n        [5, 4]])\n", stderr: ""))
    }

    @Test func badOptionsExit2() throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(["explain", "gather", "--input", "[[1,2],[3,4]]", "--index", "[[0,5]]"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "tensorprep: RuntimeError: index 5 is out of bounds for dimension 1 with size 2\n")
        #expect(try CLI.run(["explain", "nope"], in: dir).status == 2)
    }
}

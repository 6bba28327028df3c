import Foundation
import Testing

/// The walkthroughs that state their snippet's output (`It prints:`): each runs with its defaults (exit 0), and its
/// snippet fed to `tensorprep run -` prints exactly the lines the walkthrough states. That those lines are also what
/// real PyTorch 2.15 / TensorFlow 2.21 print was checked with Scripts/check_explain_snippets.sh.
struct ExplainSnippetCLITests {
    /// The indented lines under `It prints:` in a plain rendering.
    static func statedOutput(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "It prints:") else { return "" }
        return lines[(start + 1)...].filter { $0.hasPrefix("    ") }.map { String($0.dropFirst(4)) + "\n" }.joined()
    }

    @Test(arguments: ["tensor-vs-Tensor", "train-eval", "graph", "variable-scope"])
    func snippetPrintsWhatTheWalkthroughStates(_ op: String) throws {
        let dir = try CLI.temporaryDirectory()
        let explained = try CLI.run(["explain", op, "--no-color"], in: dir)
        #expect(explained.status == 0, "\(explained)")
        let stated = Self.statedOutput(explained.stdout)
        #expect(!stated.isEmpty)
        let snippet = try CLI.run(["explain", op, "--snippet"], in: dir)
        #expect(snippet.status == 0)
        let run = try CLI.run(["run", "-"], in: dir, stdin: snippet.stdout)
        #expect(run == CLI.Result(status: 0, stdout: stated, stderr: ""), "\(op)")
    }

    @Test(arguments: [
        ["explain", "tensor-vs-Tensor", "--input", "[]"],
        ["explain", "tensor-vs-Tensor", "--input", "[1, [2]]"],
        ["explain", "train-eval", "--p", "1"],
        ["explain", "train-eval", "--shape", "1x3"],
        ["explain", "graph", "--expr", "x**2"],
    ])
    func badOptionsExit2(_ args: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        let r = try CLI.run(args, in: dir)
        #expect(r.status == 2, "\(r)")
        #expect(r.stderr.hasPrefix("tensorprep: "))
        #expect(r.stdout.isEmpty)
    }
}

import Foundation
import Testing

/// `tensorprep show ID --run` on a question whose front matter has `explain:` ends with that walkthrough, rendered by
/// `tensorprep explain` itself: the same text as running the explain line directly, in the chosen language.
struct ShowExplainCLITests {
    @Test(arguments: [("train-vs-eval", ["train-eval"]), ("gather-scatter", ["gather", "--dim", "1"]),
                      ("dataparallel", ["dataparallel", "--gpus", "4", "--batch", "10"])])
    func walkthroughFollowsTheLiveRun(_ id: String, _ explainArguments: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("bank.sqlite").path
        for lang in ["en", "zh"] {
            let show = try CLI.run(["--db", db, "show", id, "--run", "--lang", lang], in: dir)
            #expect(show.status == 0, "\(show)")
            let explain = try CLI.run(["explain"] + explainArguments + ["--lang", lang], in: dir)
            #expect(explain.status == 0)
            let heading = (lang == "zh" ? "逐步講解（tensorprep explain " : "Walkthrough (tensorprep explain ")
                + explainArguments.joined(separator: " ") + ")\n"
            #expect(show.stdout.hasSuffix(heading + explain.stdout), "\(id) \(lang)")
        }
    }

    @Test func withoutRunOnlyTheHint() throws {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("bank.sqlite").path
        let show = try CLI.run(["--db", db, "show", "train-vs-eval"], in: dir)
        #expect(show.status == 0)
        #expect(show.stdout.hasSuffix("Walkthrough: tensorprep explain train-eval\n"))
    }
}

import ArgumentParser
import Foundation
import QuestionBank
import Snippet
import Terminal

/// `tensorprep check [DIR]`: runs every `>>>` demo of the bank (or of DIR's Markdown files) and compares its
/// output with the expected text written under it, doctest-style (SPEC §1). Each ```python block is one session.
/// A mismatch prints `file:line` and a unified-diff-like listing; any mismatch makes the exit status 1.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every demo of the bank (or of DIR's question files) and compare with the written output.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A directory of question files (same format as Content/). Default: the question bank.")
    var directory: String?

    @Option(help: ArgumentHelp("Only questions whose id contains this text.", valueName: "text"))
    var only: String?

    @Option(help: ArgumentHelp("Wall-clock limit in seconds for each example.", valueName: "seconds"))
    var timeout: Double = 10

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= 86_400 else {
            throw ValidationError("--timeout must be a number of seconds between 0 and 86400, got \(timeout)")
        }
    }

    func run() throws {
        let questions: [Question]
        if let directory {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
                throw CLIFailure("'\(directory)' is not a directory")
            }
            questions = try ContentFormat.parse(directory: URL(fileURLWithPath: directory))
        } else {
            questions = try global.openBank().questions()
        }
        let selected = questions.filter { q in only.map { q.id.contains($0) } ?? true }
            .sorted { ($0.path ?? $0.id) < ($1.path ?? $1.id) }
        let style = global.style
        var examples = 0, failures = 0
        for q in selected {
            for block in q.demoBlocks {
                let outcomes = DemoChecker.run(block, limits: Limits(timeout: timeout), gpus: global.gpuCount)
                for o in outcomes {
                    examples += 1
                    guard !o.passed else { continue }
                    failures += 1
                    print(style.bold("\(q.path ?? q.id):\(o.example.line):") + " demo of '\(q.id)' differs")
                    print(DemoChecker.report(o, style: style))
                }
            }
        }
        let summary = "\(examples) example\(examples == 1 ? "" : "s") in \(selected.count) question\(selected.count == 1 ? "" : "s"): "
            + "\(examples - failures) passed, \(failures) failed"
        print(failures == 0 ? style.green(summary) : style.red(summary))
        if failures > 0 { throw CLIFailure("", status: 1) }
    }
}

/// Runs demo blocks and compares them doctest-style. Also used to show demos live (`show --run`).
enum DemoChecker {
    struct Outcome {
        let example: DemoExample
        /// What the example printed (echoed reprs included), without the final newline; for an error,
        /// followed by the traceback.
        let actual: String
        let passed: Bool
    }

    /// Runs one block (one session) and compares each example with its expected output.
    static func run(_ block: [DemoExample], limits: Limits = Limits(), gpus: Int = 4) -> [Outcome] {
        let session = InteractiveSession(limits: limits, settings: ["gpus": gpus])
        return block.map { ex in
            let r = session.execute(ex.source + "\n")
            var actual = r.output
            if actual.hasSuffix("\n") { actual.removeLast() }
            if let tb = r.traceback {
                let tbText = tb.hasSuffix("\n") ? String(tb.dropLast()) : tb
                actual = actual.isEmpty ? tbText : actual + "\n" + tbText
            }
            let passed: Bool
            if let expectedError = ex.expectedException {
                // doctest: only the exception's last line is compared
                passed = r.errorLine.map { normalize($0) == normalize(expectedError) } ?? false
            } else {
                passed = r.error == nil && normalize(actual) == normalize(ex.expected)
            }
            return Outcome(example: ex, actual: actual, passed: passed)
        }
    }

    /// Trailing spaces are invisible in Markdown, so they never count.
    static func normalize(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> Substring in
                var l = Substring(line)
                while let c = l.last, c == " " || c == "\t" || c == "\r" { l.removeLast() }
                return l
            }
            .joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
    }

    /// The example's source with prompts, then `-expected` / `+actual` lines (common lines with a space).
    static func report(_ o: Outcome, style: Style) -> String {
        var lines: [String] = []
        for (i, l) in o.example.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            lines.append("    " + (i == 0 ? ">>> " : "... ") + l)
        }
        lines.append("    " + style.red("--- expected") + "  " + style.green("+++ actual"))
        func splitLines(_ s: String) -> [String] {
            let n = normalize(s)
            return n.isEmpty ? [] : n.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let expected = o.example.expectedException != nil ? [o.example.expectedException ?? ""] : splitLines(o.example.expected)
        let actualLines: [String]
        if o.example.expectedException != nil {
            let all = splitLines(o.actual)
            actualLines = o.actual.contains("Traceback (most recent call last):") || o.actual.contains("Error") ? [all.last ?? ""] : all
        } else {
            actualLines = splitLines(o.actual)
        }
        for d in lineDiff(expected, actualLines) {
            switch d {
            case .same(let l): lines.append("     " + l)
            case .removed(let l): lines.append("    " + style.red("-" + l))
            case .added(let l): lines.append("    " + style.green("+" + l))
            }
        }
        return lines.joined(separator: "\n")
    }

    enum DiffLine { case same(String), removed(String), added(String) }

    /// A longest-common-subsequence line diff (demo outputs are short).
    static func lineDiff(_ a: [String], _ b: [String]) -> [DiffLine] {
        let n = a.count, m = b.count
        guard n * m <= 4_000_000 else { return a.map { .removed($0) } + b.map { .added($0) } }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [DiffLine] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] { out.append(.same(a[i])); i += 1; j += 1 }
            else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) { out.append(.removed(a[i])); i += 1 }
            else if j < m { out.append(.added(b[j])); j += 1 }
        }
        return out
    }

    /// The demo's examples run live, as a `>>>` transcript (for `show --run`).
    static func liveTranscript(_ question: Question, gpus: Int = 4) -> String {
        var out: [String] = []
        for block in question.demoBlocks {
            for o in run(block, gpus: gpus) {
                for (i, l) in o.example.source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    out.append((i == 0 ? ">>> " : "... ") + l)
                }
                if !o.actual.isEmpty { out.append(o.actual) }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}

import Foundation
import QuestionBank
import Study
import Testing

/// `tensorprep quiz` and `tensorprep stats` end to end: the acceptance tests of issue 9.
///
/// The bank is the two CLI fixture questions (a recall card, a choice card) imported into a fresh database with
/// the bundled content off. `--mode mixed --seed 5` asks a question, an exercise, a question, then exercises (new
/// questions and new exercises alternate; 10 new cards at most); the learner answers the first three and stops at
/// the fourth. Which question comes first depends on the seed, so the test asks
/// `QuizPlan.make` — the function the command calls — for the plan with the same options, and reads the
/// exercise's right answer from the exercise object. Expected schedules: a new card rated Good is due in 10 min
/// (learning step 2 of 1 min/10 min), Again in 1 min.
@Suite(.serialized) struct QuizCLITests {
    let fixtureOnly = ["TENSORPREP_SKIP_BUNDLED": "1"]
    static let seed: UInt64 = 5
    let quizArguments = ["--db", "t.sqlite", "--no-color", "quiz", "--mode", "mixed", "--seed", String(seed)]

    /// What to type for each card: recall → Enter then Good; choice → a wrong number; exercise → the right answer.
    struct Step {
        var key: String
        var lines: [String]
        var expectedRating: Int
        /// Text printed just before the line is read.
        var prompts: [String]
    }

    func freshBank() throws -> (URL, [Step]) {
        let dir = try CLI.temporaryDirectory()
        try CLI.write(["questions/backward.md": CLIFixtures.backward, "questions/choice.md": CLIFixtures.choice], under: dir)
        let imported = try CLI.run(["--db", "t.sqlite", "import", "questions"], in: dir, environment: fixtureOnly)
        #expect(imported.status == 0)
        let bank = try QuestionBank.open(path: dir.appendingPathComponent("t.sqlite").path)
        let plan = try QuizPlan.make(bank: bank, options: QuizOptions(mode: .mixed, seed: Self.seed), now: Date())
        #expect(plan.items.count == 10)
        var steps: [Step] = []
        for item in plan.items.prefix(3) {
            switch item.content {
            case .question(let q) where q.kind == .recall:
                steps.append(Step(key: item.cardKey, lines: ["", "g"], expectedRating: 3,
                                  prompts: ["Press Enter for the answer", "Grade: 1 Again"]))
            case .question(let q):
                let wrong = try #require(q.choices.firstIndex { !$0.isCorrect })
                steps.append(Step(key: item.cardKey, lines: [String(wrong + 1)], expectedRating: 1, prompts: ["Your choice"]))
            case .exercise(let x):
                steps.append(Step(key: item.cardKey, lines: [x.expectedAnswer], expectedRating: 3,
                                  prompts: [x.answerHint(language: .en)]))
            }
        }
        #expect(Set(steps.map(\.key)).isSuperset(of: ["q:grad-accum", "q:dp-main-gpu"]))
        #expect(steps.count == 3 && steps.contains { $0.key.hasPrefix("x:") })
        return (dir, steps)
    }

    /// The database after the session: one review-log row per answer with the right rating, and no card shown again.
    func checkDatabase(_ dir: URL, _ steps: [Step]) throws {
        let bank = try QuestionBank.open(path: dir.appendingPathComponent("t.sqlite").path)
        let logs = try bank.reviewLog()
        #expect(logs.map(\.cardKey) == steps.map(\.key))
        #expect(logs.map(\.rating) == steps.map(\.expectedRating))
        let cards = try bank.cards(keys: steps.map(\.key))
        #expect(cards.count == 3)
        for log in logs {
            let interval = try #require(cards[log.cardKey]).due.timeIntervalSince(log.reviewedAt)
            // DATETIME columns keep milliseconds: both times are rounded, so allow a few
            #expect(abs(interval - (log.rating == 3 ? 600 : 60)) < 0.01)
        }
        // The next session (same options) does not ask the Good recall card again today…
        let next = try QuizPlan.make(bank: bank, options: QuizOptions(limit: 50, mode: .mixed, seed: Self.seed), now: Date())
        #expect(!next.items.contains { $0.cardKey == "q:grad-accum" })
        // …and neither does the command: recall mode has nothing but, at most, the choice card answered Again.
        let again = try CLI.run(["--db", "t.sqlite", "--no-color", "quiz", "--mode", "recall"], in: dir,
                                environment: fixtureOnly, stdin: "")
        #expect(again.status == 0)
        #expect(!again.stdout.contains("Why zero the gradients"))
        #expect(again.stdout.contains("0 answered"))
    }

    // (b) piped stdin: one line per answer, then end of input.
    @Test func pipedSessionEndsAtEOFWithSummary() throws {
        let (dir, steps) = try freshBank()
        let input = steps.flatMap(\.lines).map { $0 + "\n" }.joined()
        let result = try CLI.run(quizArguments, in: dir, environment: fixtureOnly, stdin: input)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("Quiz: 10 cards (0 due, 10 new)."))
        #expect(result.stdout.contains("✗ Wrong. The right choice: 2) `device_ids[0]`"))
        #expect(result.stdout.contains("Live demo (tensorprep engine)\n>>> import torch\n>>> x = torch.ones(2, requires_grad=True)"))
        // the choice card, answered Again, is due first: in 1 min from its answer (less by the time since)
        #expect(result.stdout.contains("\n\nSummary\n3 answered: Again 1 · Hard 0 · Good 2 · Easy 0\n" +
                                       "Auto-graded: 1 right, 1 wrong\nNext due: q:dp-main-gpu in "), "\(result)")
        try checkDatabase(dir, steps)
    }

    // (a) a pseudo-terminal (util-linux `script` gives the command a pty as its controlling terminal), answers
    // typed after their prompts appear, then a real Ctrl-C byte: the terminal turns it into SIGINT.
    @Test func terminalSessionEndsAtCtrlCWithSummary() throws {
        let (dir, steps) = try freshBank()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), let binary = CLI.binary else {
            Issue.record("needs util-linux script and the tensorprep binary")
            return
        }
        // `exec`: the quiz is script's direct child, not a shell that Ctrl-C would kill while it waits.
        let command = "exec " + ([binary.path] + quizArguments).map { "'" + $0 + "'" }.joined(separator: " ")
        let terminal = try PseudoTerminalRun(command: command, in: dir, environment: fixtureOnly)
        var offset = terminal.waitFor("Quiz: 10 cards", after: 0)
        for step in steps {
            for (prompt, line) in zip(step.prompts, step.lines) {
                offset = terminal.waitFor(prompt, after: offset)
                terminal.send(line + "\n")
            }
            offset = terminal.waitFor("Saved: ", after: offset)
        }
        // the fourth card waits for its answer: Ctrl-C
        offset = terminal.waitFor("[4/10]", after: offset)
        offset = terminal.waitFor("> ", after: offset)
        terminal.send("\u{03}")
        let status = terminal.wait()
        let output = terminal.output
        #expect(status == 0, "\(output)")
        #expect(output.contains("Summary\r\n3 answered: Again 1 · Hard 0 · Good 2 · Easy 0\r\nAuto-graded: 1 right, 1 wrong\r\n"), "\(output)")
        try checkDatabase(dir, steps)
    }

    @Test func statsBeforeAndAfterAnswers() throws {
        let dir = try CLI.temporaryDirectory()
        let empty = try CLI.run(["--db", "t.sqlite", "stats"], in: dir, environment: fixtureOnly)
        #expect(empty == CLI.Result(status: 0, stdout: "Nothing to show yet: answer a few cards with `tensorprep quiz` first.\n", stderr: ""))
        try CLI.write(["questions/backward.md": CLIFixtures.backward], under: dir)
        #expect(try CLI.run(["--db", "t.sqlite", "import", "questions"], in: dir, environment: fixtureOnly).status == 0)
        // Easy: a new card rated Easy goes straight to Review, due in days (not later today, whatever the hour)
        let quiz = try CLI.run(["--db", "t.sqlite", "quiz", "--mode", "recall", "--seed", "1"], in: dir,
                               environment: fixtureOnly, stdin: "\n4\n")
        #expect(quiz.status == 0)
        let stats = try CLI.run(["--db", "t.sqlite", "stats"], in: dir, environment: fixtureOnly)
        #expect(stats.status == 0)
        #expect(stats.stdout.hasPrefix("Reviews per day, last 12 weeks"))
        #expect(stats.stdout.contains("1 in all; streak 1 day"))
        #expect(stats.stdout.contains("\ntoday  0\n"))
        #expect(stats.stdout.contains("Cards due, next 14 days"))
    }

    @Test func badOptionsAreClearErrors() throws {
        let dir = try CLI.temporaryDirectory()
        let topic = try CLI.run(["--db", "t.sqlite", "quiz", "--topic", "nope"], in: dir, environment: fixtureOnly, stdin: "")
        #expect(topic.status == 1)
        #expect(topic.stderr.hasPrefix("tensorprep: no cards with topic 'nope' (topics: "))
        let new = try CLI.run(["--db", "t.sqlite", "quiz", "--new", "-1"], in: dir, environment: fixtureOnly, stdin: "")
        #expect(new.status == 2)
        let mode = try CLI.run(["--db", "t.sqlite", "quiz", "--mode", "cram"], in: dir, environment: fixtureOnly, stdin: "")
        #expect(mode.status == 2)
    }
}

/// Runs a shell command under `script -q -e -c`, which gives it a pseudo-terminal as controlling terminal;
/// what is sent goes through the terminal's line discipline (echo, Ctrl-C → SIGINT), as typing does.
final class PseudoTerminalRun: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let outputPipe = Pipe()
    private let lock = NSLock()
    private var buffer = Data()

    init(command: String, in directory: URL, environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        process.currentDirectoryURL = directory
        var env = ["PATH": "/usr/bin:/bin", "HOME": directory.path, "LANG": "C", "TERM": "dumb"]
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = outputPipe
        process.standardError = outputPipe
        outputPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.buffer.append(data) }
        }
        try process.run()
    }

    var output: String { lock.withLock { String(decoding: buffer, as: UTF8.self) } }

    /// Waits (up to 60 s) until `text` appears after UTF-8 offset `offset`; returns the offset after it.
    @discardableResult
    func waitFor(_ text: String, after offset: Int) -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let out = output
            let start = out.utf8.index(out.utf8.startIndex, offsetBy: min(offset, out.utf8.count))
            if let range = out.range(of: text, range: start..<out.endIndex) {
                return out.utf8.distance(from: out.utf8.startIndex, to: range.upperBound)
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        Issue.record("timed out waiting for \(text.debugDescription); output so far:\n\(output)")
        return offset
    }

    func send(_ text: String) {
        input.fileHandleForWriting.write(Data(text.utf8))
    }

    /// Waits (up to 60 s) for the command to end; its exit status (script -e passes the command's on).
    func wait() -> Int32 {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            Issue.record("the command did not end")
        }
        process.waitUntilExit()
        outputPipe.fileHandleForReading.readabilityHandler = nil
        if let rest = try? outputPipe.fileHandleForReading.readToEnd() { lock.withLock { buffer.append(rest) } }
        try? input.fileHandleForWriting.close()
        return process.terminationStatus
    }
}

import ArgumentParser
import Explain
import Foundation
import QuestionBank
import Study
import Terminal

extension QuizMode: ExpressibleByArgument {}

/// `tensorprep quiz`: an interactive study session (SPEC §5) on a terminal or piped stdin (one answer per line).
/// Every answer is saved before the next card appears; Ctrl-C or EOF at any prompt ends with the summary.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Study: due cards first, then new ones, with prediction exercises interleaved.",
        discussion: """
            Recall cards: read the question, press Enter (or type your answer) to see the answer, the correction \
            and the live demo, then grade yourself 1 Again, 2 Hard, 3 Good, 4 Easy (or a/h/g/e). Choice cards: \
            type the number of your choice. Prediction exercises: type the tensor, shape or dtype the engine \
            will print. Scheduling is FSRS-6. Each answer is saved at once; Ctrl-C or Ctrl-D ends the session.
            Exercise cards count under the topics indexing, conv, arith, dataparallel and the tags exercise and \
            their kind (gather, scatter, scatter_add, unfold_shape, unfold_column, conv_shape, broadcast_shape, \
            dtype_promotion, dp_chunks).
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only cards of this topic.")
    var topic: String?

    @Option(help: "Only cards with this tag.")
    var tag: String?

    @Option(name: .customLong("new"), help: "At most this many new cards after the due ones.")
    var newLimit: Int = 10

    @Option(help: "At most this many cards in all.")
    var limit: Int?

    @Option(help: "recall (bank questions), predict (generated exercises) or mixed.")
    var mode: QuizMode = .mixed

    @Option(help: "Seed for the order of new cards and the exercises' inputs (default: random, printed).")
    var seed: UInt64?

    func validate() throws {
        if newLimit < 0 { throw ValidationError("--new must be 0 or more, got \(newLimit)") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, got \(limit)") }
    }

    func run() throws {
        let bank = try global.openBank()
        try checkFilters(bank)
        let seed = self.seed ?? UInt64.random(in: 0...999_999)
        let options = QuizOptions(topic: topic, tag: tag, newLimit: newLimit, limit: limit, mode: mode, seed: seed)
        let plan = try QuizPlan.make(bank: bank, options: options, now: Date())

        let style = global.style
        let language = global.language
        let gpus = global.gpuCount
        let presenter = QuizSession.Presenter(
            liveDemo: { DemoChecker.liveTranscript($0, gpus: gpus) },
            walkthrough: { ExplainCommand.walkthrough(for: $0, language: language, style: style, gpus: gpus) },
            markdown: { ShowCommand.renderDemo($0, style: style) })
        let session = QuizSession(
            bank: bank, plan: plan, language: language, style: style, presenter: presenter,
            echoInput: isatty(STDIN_FILENO) == 0,
            readLine: {
                guard var line = Swift.readLine(strippingNewline: true) else { return nil }
                if line.hasSuffix("\r") { line.removeLast() }
                return line
            },
            write: { text in
                fputs(text, stdout)
                fflush(stdout)
            })
        write(style.dim((language == .zh ? "種子 " : "seed ") + String(seed)) + "\n")

        // Ctrl-C: take the session's lock (an answer being saved finishes first), print the summary, exit 0.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "tensorprep.quiz.sigint"))
        interrupt.setEventHandler {
            session.stop { summary in
                write("\n" + summary)
                // _exit: the main thread may be blocked inside stdin's lock; everything answered is committed.
                _exit(0)
            }
        }
        interrupt.resume()

        let ending = session.run()
        interrupt.cancel()
        write("\n" + session.summaryText())
        if case .failed(let message) = ending {
            throw CLIFailure("could not save the answer: \(message)")
        }
    }

    private func write(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    /// `--topic`/`--tag` must name something that exists (bank or exercises), else a clear message.
    private func checkFilters(_ bank: QuestionBank) throws {
        if let topic {
            let topics = Set(try bank.topics()).union(ExerciseKind.allCases.map(\.topic))
            if !topics.contains(topic) {
                throw CLIFailure("no cards with topic '\(topic)' (topics: \(topics.sorted().joined(separator: ", ")))")
            }
        }
        if let tag {
            let tags = Set(try bank.tags()).union(ExerciseKind.allCases.flatMap(QuizOptions.exerciseTags))
            if !tags.contains(tag) {
                throw CLIFailure("no cards with tag '\(tag)' (tags: \(tags.sorted().joined(separator: ", ")))")
            }
        }
    }
}

extension ExplainCommand {
    /// The rendered walkthrough of a question's `explain:` value (`gather --dim 1`, `dataparallel --batch 10`),
    /// parsed with `explain`'s own options; nil when the value is not a walkthrough this version has.
    static func walkthrough(for explain: String, language: Language, style: Style, gpus: Int) -> String? {
        let arguments = ShowCommand.words(explain)
        guard let command = try? ExplainCommand.parse(arguments) else { return nil }
        var request = command.request
        request.language = language == .zh ? .zh : .en
        request.style = style
        if command.global.gpus == nil { request.gpus = gpus }
        return (try? Explainer.explain(command.op, request))?.rendered(language: request.language, style: style)
    }
}

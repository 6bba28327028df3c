import Foundation
import QuestionBank
import Terminal

// The quiz loop (SPEC §5), independent of the terminal: it reads answers from a line source and writes text to a
// sink, so a test can script it and the command can wire it to stdin/stdout. Every answer is saved in one
// database transaction (card state + review-log row) before the next card is shown; the transaction and the
// session's tally share one lock, so an interrupt taken under that lock sees exactly what was saved.

/// One study session over a `QuizPlan`.
public final class QuizSession: @unchecked Sendable {
    /// What the session needs from outside the library: the live demo runner and the walkthroughs live in the
    /// executable (they use the interpreter and the explain options), Markdown rendering likewise.
    public struct Presenter {
        /// The question's demos run live on the engine, as a `>>>` transcript; nil or empty for none.
        public var liveDemo: (Question) -> String?
        /// The walkthrough for a question's `explain:` value (e.g. `gather --dim 1`), rendered; nil if unavailable.
        public var walkthrough: (String) -> String?
        /// Markdown (answers, corrections) as terminal text.
        public var markdown: (String) -> String

        public init(liveDemo: @escaping (Question) -> String? = { _ in nil },
                    walkthrough: @escaping (String) -> String? = { _ in nil },
                    markdown: @escaping (String) -> String = { $0 }) {
            self.liveDemo = liveDemo
            self.walkthrough = walkthrough
            self.markdown = markdown
        }
    }

    /// The tally of a session.
    public struct Summary: Sendable, Equatable {
        public var answered = 0
        /// Answers per rating (Again, Hard, Good, Easy).
        public var ratings: [FSRS.Rating: Int] = [:]
        /// Auto-graded answers (choice cards, exercises) that were right / wrong.
        public var right = 0
        public var wrong = 0
        /// The card keys answered, in order.
        public var keys: [String] = []
    }

    /// How `run` ended.
    public enum Ending: Equatable, Sendable {
        /// Every card of the plan was answered.
        case finished
        /// The input ended (EOF) at a prompt.
        case endOfInput
        /// An answer could not be saved; the message says why. Earlier answers are saved.
        case failed(String)
    }

    public let plan: QuizPlan
    let bank: QuestionBank
    let scheduler: FSRS.Scheduler
    let language: Language
    let style: Style
    let presenter: Presenter
    let clock: () -> Date
    let readLine: () -> String?
    let write: (String) -> Void
    /// Write each line read after its prompt (when the input is not a terminal, which would echo it).
    let echoInput: Bool

    private let lock = NSLock()
    private var tally = Summary()

    /// - Parameters:
    ///   - readLine: the next line of input without its newline, nil at end of input.
    ///   - write: text to show (already contains its newlines).
    public init(bank: QuestionBank, plan: QuizPlan, scheduler: FSRS.Scheduler = .standard, language: Language,
                style: Style, presenter: Presenter = Presenter(), echoInput: Bool = false,
                clock: @escaping () -> Date = Date.init,
                readLine: @escaping () -> String?, write: @escaping (String) -> Void) {
        self.bank = bank
        self.plan = plan
        self.scheduler = scheduler
        self.language = language
        self.style = style
        self.presenter = presenter
        self.echoInput = echoInput
        self.clock = clock
        self.readLine = readLine
        self.write = write
    }

    /// The tally so far (answers saved to the database).
    public var summary: Summary { lock.withLock { tally } }

    /// Asks every card of the plan in order; returns at the end, at end of input, or when a save fails.
    public func run() -> Ending {
        let text = QuizText(language)
        let dueCount = plan.items.filter { !$0.isNew }.count
        guard !plan.items.isEmpty else {
            say(text.nothingToStudy)
            return .finished
        }
        say(style.bold(text.header(total: plan.items.count, due: dueCount, new: plan.items.count - dueCount)))
        for (index, item) in plan.items.enumerated() {
            say("")
            let started = clock()
            let answer: Answer?
            switch item.content {
            case .question(let q):
                say(style.bold(style.cyan("[\(index + 1)/\(plan.items.count)]")) + " " + text.cardLine(q, isNew: item.isNew))
                answer = q.kind == .choice && !q.choices.isEmpty ? askChoice(q, text) : askRecall(q, text)
            case .exercise(let x):
                say(style.bold(style.cyan("[\(index + 1)/\(plan.items.count)]")) + " " + text.exerciseLine(x.kind, isNew: item.isNew))
                answer = askExercise(x, text)
            }
            guard let answer else { return .endOfInput }
            let ms = Int((clock().timeIntervalSince(started) * 1000).rounded())
            do {
                let outcome = try save(item, answer, durationMs: ms)
                say(style.dim(text.scheduled(answer.rating, outcome.interval)))
            } catch {
                return .failed("\(error)")
            }
        }
        return .finished
    }

    /// The summary as text: answers per rating, right/wrong of auto-graded cards, the next due card.
    public func summaryText() -> String {
        lock.withLock { renderSummary(tally) }
    }

    /// Ends the session from outside (Ctrl-C): waits for an answer being saved to finish, then hands the summary
    /// to `body` while holding the lock, so nothing can be saved after it was taken.
    public func stop(_ body: (String) -> Never) -> Never {
        lock.lock()
        body(renderSummary(tally))
    }

    // MARK: Asking

    struct Answer {
        var rating: FSRS.Rating
        /// nil for self-graded recall cards.
        var correct: Bool?
    }

    private func say(_ line: String) { write(line + "\n") }

    /// Shows `prompt`, reads a line; nil at end of input.
    private func ask(_ prompt: String) -> String? {
        write(prompt + style.bold("> "))
        let line = readLine()
        if echoInput { write((line ?? "") + "\n") } else if line == nil { write("\n") }
        return line
    }

    private func askRecall(_ q: Question, _ text: QuizText) -> Answer? {
        say(q.prompt[language])
        guard ask(style.dim(text.revealHint) + "\n") != nil else { return nil }
        reveal(q, text)
        let walkthrough = q.explain.flatMap { presenter.walkthrough($0) }
        while true {
            guard let line = ask(text.gradePrompt(walkthrough: walkthrough != nil) + "\n") else { return nil }
            let trimmed = line.trimmingCharacters(in: .whitespaces).lowercased()
            if let walkthrough, trimmed == "w" {
                write(walkthrough.hasSuffix("\n") ? walkthrough : walkthrough + "\n")
                continue
            }
            if let rating = FSRS.Rating(input: line) { return Answer(rating: rating, correct: nil) }
            say(style.yellow(text.badGrade(line)))
        }
    }

    private func askChoice(_ q: Question, _ text: QuizText) -> Answer? {
        say(q.prompt[language])
        for (i, choice) in q.choices.enumerated() {
            say("  \(i + 1)) " + choice.text[language].replacingOccurrences(of: "\n", with: "\n     "))
        }
        let correct = Set(q.choices.indices.filter { q.choices[$0].isCorrect })
        while true {
            guard let line = ask(text.choicePrompt(count: q.choices.count, several: correct.count > 1) + "\n") else { return nil }
            guard let picked = Self.parseChoices(line, count: q.choices.count) else {
                say(style.yellow(text.badChoice(line, count: q.choices.count)))
                continue
            }
            let right = picked == correct
            let rightText = correct.sorted().map { "\($0 + 1)) " + q.choices[$0].text[language] }.joined(separator: "; ")
            say(right ? style.green(text.right) : style.red(text.wrong) + " " + text.rightChoice(rightText))
            reveal(q, text)
            return Answer(rating: right ? .good : .again, correct: right)
        }
    }

    private func askExercise(_ x: any Exercise, _ text: QuizText) -> Answer? {
        say(x.prompt(language: language, style: style))
        while true {
            guard let line = ask(style.dim(x.answerHint(language: language)) + "\n") else { return nil }
            let grade = x.grade(line, language: language, style: style)
            if let problem = grade.unreadable {
                say(style.yellow(text.unreadable(problem)))
                continue
            }
            if !grade.feedback.isEmpty { write(grade.feedback.hasSuffix("\n") ? grade.feedback : grade.feedback + "\n") }
            return Answer(rating: grade.correct ? .good : .again, correct: grade.correct)
        }
    }

    /// The reference answer, the correction, the live demo and the walkthrough command.
    private func reveal(_ q: Question, _ text: QuizText) {
        func section(_ title: String, _ body: String) {
            say("")
            say(style.bold(style.cyan(title)))
            say(body)
        }
        section(text.answer, presenter.markdown(q.answer[language]))
        if let correction = q.correction {
            section(text.correction, style.yellow(presenter.markdown(correction[language])))
        }
        if let live = presenter.liveDemo(q), !live.isEmpty {
            section(text.liveDemo, live.hasSuffix("\n") ? String(live.dropLast()) : live)
        }
        if let explain = q.explain {
            say(style.dim(text.walkthrough + "tensorprep explain " + explain))
        }
    }

    /// `"2"`, `"1, 3"`, `"1 3"` → 0-based positions; nil when empty, not numbers, or out of 1…count.
    static func parseChoices(_ line: String, count: Int) -> Set<Int>? {
        let parts = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "，" })
        guard !parts.isEmpty else { return nil }
        var picked = Set<Int>()
        for part in parts {
            guard let n = Int(part), n >= 1, n <= count else { return nil }
            picked.insert(n - 1)
        }
        return picked
    }

    // MARK: Saving

    /// Reviews the card with the answer's rating and saves card + log in one transaction, under the lock.
    private func save(_ item: QuizItem, _ answer: Answer, durationMs: Int) throws -> FSRS.Scheduler.Outcome {
        try lock.withLock {
            let now = clock()
            let card = FSRS.Card(key: item.cardKey, record: item.card, now: now)
            let outcome = scheduler.review(card, rating: answer.rating, at: now, reviewDuration: durationMs)
            let log = ReviewLogRecord(cardKey: item.cardKey, rating: answer.rating.rawValue, reviewedAt: now,
                                      elapsedDays: Double(outcome.elapsedDays ?? 0),
                                      scheduledDays: outcome.interval / 86_400,
                                      state: outcome.card.state.rawValue, durationMs: durationMs)
            try bank.recordReview(card: CardRecord(key: item.cardKey, card: outcome.card), log: log)
            tally.answered += 1
            tally.ratings[answer.rating, default: 0] += 1
            tally.keys.append(item.cardKey)
            if let correct = answer.correct {
                if correct { tally.right += 1 } else { tally.wrong += 1 }
            }
            return outcome
        }
    }

    private func renderSummary(_ s: Summary) -> String {
        let text = QuizText(language)
        var lines = [style.bold(text.summaryTitle), text.answered(s)]
        if s.right + s.wrong > 0 { lines.append(text.autoGraded(right: s.right, wrong: s.wrong)) }
        if let next = try? bank.allCards().first {
            lines.append(text.nextDue(key: next.key, in: next.due.timeIntervalSince(clock())))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

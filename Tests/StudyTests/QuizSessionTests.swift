import Foundation
import QuestionBank
import Terminal
import Testing
@testable import Study

// The quiz session on an in-memory bank, driven by scripted lines. Questions and exercises are built here;
// expected schedules are what `FSRS.Scheduler.standard` (checked against the reference fsrs package by
// FSRSVectorTests) gives a new card: Good → learning step 1, due in 10 min; Again → step 0, due in 1 min.

/// A test-only exercise: the answer is a fixed literal; anything not bracketed is unreadable.
struct FixedExercise: Exercise {
    var kind: ExerciseKind
    var expectedAnswer: String
    func prompt(language: Language, style: Style) -> String { "predict \(kind.rawValue) #\(expectedAnswer)" }
    func answerHint(language: Language) -> String { "a list like [1, 2]" }
    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade {
        let t = answer.replacingOccurrences(of: " ", with: "")
        guard t.hasPrefix("["), t.hasSuffix("]") else { return ExerciseGrade(correct: false, unreadable: "not a list", feedback: "") }
        let right = t == expectedAnswer.replacingOccurrences(of: " ", with: "")
        return ExerciseGrade(correct: right, feedback: right ? "right" : "expected \(expectedAnswer)")
    }
}

/// Numbers its exercises 1, 2, 3… from the seed, so order and content are checkable.
struct CountingSource: ExerciseSource {
    var counter: Int
    init(seed: Int = 0) { counter = seed }
    mutating func next(_ kind: ExerciseKind) -> any Exercise {
        counter += 1
        return FixedExercise(kind: kind, expectedAnswer: "[\(counter)]")
    }
}

/// Lines handed out one by one; nil once used up (end of input).
final class Script {
    var lines: [String]
    var output = ""
    init(_ lines: [String]) { self.lines = lines }
    func next() -> String? { lines.isEmpty ? nil : lines.removeFirst() }
}

@Suite struct QuizSessionTests {
    // Saturday 2026-12-05 12:00 UTC
    let now = Date(timeIntervalSince1970: 1_796_472_000)

    static func question(_ id: String, topic: String = "indexing", tags: [String] = [], kind: QuestionKind = .recall,
                         explain: String? = nil) -> Question {
        let choices = kind == .choice ? [
            Choice(position: 0, isCorrect: false, text: Localized(zh: "錯", en: "wrong one")),
            Choice(position: 1, isCorrect: true, text: Localized(zh: "對", en: "right one")),
            Choice(position: 2, isCorrect: false, text: Localized(zh: "也錯", en: "also wrong")),
        ] : []
        return Question(id: id, topic: topic, tags: tags, difficulty: 1, source: .original, kind: kind, explain: explain,
                        prompt: Localized(zh: "問 \(id)？", en: "Question \(id)?"),
                        answer: Localized(zh: "答 \(id)", en: "Answer \(id)"),
                        correction: id.hasSuffix("c") ? Localized(zh: "更正", en: "Corrected \(id)") : nil,
                        choices: choices, demo: "", demos: [], path: nil)
    }

    func bank(_ questions: [Question], cards: [CardRecord] = []) throws -> QuestionBank {
        let bank = try QuestionBank.inMemory()
        try bank.importQuestions(questions, contentHash: "test")
        try bank.writer.write { db in for c in cards { try c.save(db) } }
        return bank
    }

    func card(_ key: String, due: Date) -> CardRecord {
        CardRecord(key: key, questionId: CardRecord.questionID(key: key), state: 2, step: nil, stability: 5,
                   difficulty: 5, due: due, lastReview: due.addingTimeInterval(-5 * 86_400))
    }

    func plan(_ bank: QuestionBank, _ options: QuizOptions, source: (any ExerciseSource)? = CountingSource()) throws -> QuizPlan {
        var source = source
        return try QuizPlan.make(bank: bank, options: options, now: now, exercises: &source)
    }

    func session(_ bank: QuestionBank, _ plan: QuizPlan, _ script: Script,
                 presenter: QuizSession.Presenter = .init(), onWrite: @escaping (String) -> Void = { _ in }) -> QuizSession {
        QuizSession(bank: bank, plan: plan, language: .en, style: Style(enabled: false), presenter: presenter,
                    echoInput: true, clock: { now }, readLine: script.next,
                    write: { script.output += $0; onWrite($0) })
    }

    // MARK: Planning

    @Test func dueCardsFirstOldestFirstThenNewUpToTheLimit() throws {
        let qs = (1...6).map { Self.question("q\($0)") }
        let bank = try bank(qs, cards: [
            card("q:q4", due: now.addingTimeInterval(-60)),
            card("q:q2", due: now.addingTimeInterval(-86_400)),
            card("q:q5", due: now.addingTimeInterval(3600)),   // not due yet: left out
            card("q:q6", due: now),                              // due exactly now counts
        ])
        let p = try plan(bank, QuizOptions(newLimit: 2, mode: .recall, seed: 1))
        #expect(p.items.map(\.cardKey).prefix(3) == ["q:q2", "q:q4", "q:q6"])
        #expect(p.items.count == 5)
        #expect(Set(p.items.suffix(2).map(\.cardKey)).isSubset(of: ["q:q1", "q:q3"]))
        #expect(p.items.suffix(2).allSatisfy { $0.isNew })
        #expect(p.items.prefix(3).allSatisfy { !$0.isNew })

        let capped = try plan(bank, QuizOptions(newLimit: 2, limit: 2, mode: .recall, seed: 1))
        #expect(capped.items.map(\.cardKey) == ["q:q2", "q:q4"])
        let noNew = try plan(bank, QuizOptions(newLimit: 0, mode: .recall, seed: 1))
        #expect(noNew.items.map(\.cardKey) == ["q:q2", "q:q4", "q:q6"])
    }

    @Test func seedMakesTheOrderReproducible() throws {
        let bank = try bank((1...8).map { Self.question("q\($0)") })
        let a = try plan(bank, QuizOptions(newLimit: 8, mode: .recall, seed: 42)).items.map(\.cardKey)
        let b = try plan(bank, QuizOptions(newLimit: 8, mode: .recall, seed: 42)).items.map(\.cardKey)
        #expect(a == b)
        #expect(Set(a).count == 8)
        let orders = Set((0..<10).map { s in try? plan(bank, QuizOptions(newLimit: 8, mode: .recall, seed: UInt64(s))).items.map(\.cardKey) })
        #expect(orders.count > 1)
    }

    @Test func modesAndFilters() throws {
        let bank = try bank([Self.question("a", topic: "indexing"), Self.question("b", topic: "conv", tags: ["cnn"])])
        let mixed = try plan(bank, QuizOptions(newLimit: 4, mode: .mixed, seed: 3))
        // a question first, then an exercise, alternating
        #expect(mixed.items.map(\.cardKey).map { $0.hasPrefix("q:") } == [true, false, true, false])
        let predict = try plan(bank, QuizOptions(newLimit: 20, mode: .predict, seed: 3))
        #expect(predict.items.count == ExerciseKind.allCases.count)
        #expect(Set(predict.items.map(\.cardKey)) == Set(ExerciseKind.allCases.map(\.cardKey)))
        // exercises are drawn in session order
        let answers = predict.items.compactMap { item -> String? in
            if case .exercise(let x) = item.content { return x.expectedAnswer } else { return nil }
        }
        #expect(answers == (1...ExerciseKind.allCases.count).map { "[\($0)]" })
        let topic = try plan(bank, QuizOptions(topic: "indexing", newLimit: 20, mode: .mixed, seed: 3))
        #expect(Set(topic.items.map(\.cardKey)) == ["q:a", "x:gather", "x:scatter", "x:scatter_add"])
        let tag = try plan(bank, QuizOptions(tag: "cnn", newLimit: 20, mode: .mixed, seed: 3))
        #expect(tag.items.map(\.cardKey) == ["q:b"])
        let kindTag = try plan(bank, QuizOptions(tag: "conv_shape", newLimit: 20, mode: .mixed, seed: 3))
        #expect(kindTag.items.map(\.cardKey) == ["x:conv_shape"])
        let noSource = try plan(bank, QuizOptions(newLimit: 20, mode: .mixed, seed: 3), source: nil)
        #expect(noSource.items.allSatisfy { $0.cardKey.hasPrefix("q:") })
    }

    // MARK: Answering

    @Test func gradesRecallChoiceAndExerciseOneTransactionEach() throws {
        let bank = try bank([Self.question("r1c", explain: "gather --dim 1"), Self.question("ch", kind: .choice)])
        let items = try plan(bank, QuizOptions(newLimit: 3, mode: .mixed, seed: 0)).items
        // order the three by hand: recall, choice, exercise
        let recall = try #require(items.first { $0.cardKey == "q:r1c" })
        let choice = try #require(items.first { $0.cardKey == "q:ch" })
        let exercise = try #require(items.first { $0.cardKey.hasPrefix("x:") })
        guard case .exercise(let x) = exercise.content else { Issue.record("not an exercise"); return }
        let script = Script(["my answer", "7", "w", "g",   // recall: typed answer, bad grade, walkthrough, Good
                             "0", "one", "1",              // choice: out of range, not a number, wrong
                             "nonsense", x.expectedAnswer]) // exercise: unreadable, right
        var logsWhenShown: [Int] = []
        let presenter = QuizSession.Presenter(liveDemo: { "live \($0.id)\n" }, walkthrough: { "WALK \($0)" })
        let s = session(bank, QuizPlan(items: [recall, choice, exercise]), script, presenter: presenter) { text in
            // "before the next question appears": count the saved rows whenever a card header is written
            if text.range(of: #"^\[\d+/\d+\]"#, options: .regularExpression) != nil {
                logsWhenShown.append((try? bank.reviewLog().count) ?? -1)
            }
        }
        #expect(s.run() == .finished)
        #expect(logsWhenShown == [0, 1, 2])
        let logs = try bank.reviewLog()
        #expect(logs.map(\.cardKey) == ["q:r1c", "q:ch", exercise.cardKey])
        #expect(logs.map(\.rating) == [3, 1, 3])
        let cards = try bank.cards(keys: ["q:r1c", "q:ch", exercise.cardKey])
        #expect(cards["q:r1c"]?.due == now.addingTimeInterval(600))
        #expect(cards["q:r1c"]?.step == 1)
        #expect(cards["q:ch"]?.due == now.addingTimeInterval(60))
        #expect(cards[exercise.cardKey]?.due == now.addingTimeInterval(600))
        #expect(cards["q:r1c"]?.questionId == "r1c")
        #expect(cards[exercise.cardKey]?.questionId == nil)

        let out = script.output
        #expect(out.contains("Question r1c?\nPress Enter for the answer (or type yours first)\n> my answer\n"))
        #expect(out.contains("Answer r1c\n\nCorrection\nCorrected r1c\n\nLive demo (tensorprep engine)\nlive r1c\nWalkthrough: tensorprep explain gather --dim 1\n"))
        #expect(out.contains("> 7\n'7' is not a grade: type 1–4 or a/h/g/e.\n"))
        #expect(out.contains("> w\nWALK gather --dim 1\n"))
        #expect(out.contains("  1) wrong one\n  2) right one\n  3) also wrong\n"))
        #expect(out.contains("'0' is not a choice: type a number from 1 to 3."))
        #expect(out.contains("> 1\n✗ Wrong. The right choice: 2) right one\n"))
        #expect(out.contains("Could not read that answer: not a list. Try again."))
        #expect(out.contains("Saved: Good; next review in 10 min."))
        #expect(out.contains("Saved: Again; next review in 1 min."))

        let summary = s.summary
        #expect(summary.answered == 3)
        #expect(summary.ratings == [.good: 2, .again: 1])
        #expect(summary.right == 1 && summary.wrong == 1)
        #expect(s.summaryText() == """
            Summary
            3 answered: Again 1 · Hard 0 · Good 2 · Easy 0
            Auto-graded: 1 right, 1 wrong
            Next due: q:ch in 1 min

            """)
    }

    @Test func endOfInputMidQuestionKeepsWhatWasAnswered() throws {
        let bank = try bank([Self.question("a"), Self.question("b"), Self.question("c")])
        let p = try plan(bank, QuizOptions(newLimit: 3, mode: .recall, seed: 9))
        // first card: Enter then Easy; second: Enter, then input ends at the grade prompt
        let script = Script(["", "e", ""])
        let s = session(bank, p, script)
        #expect(s.run() == .endOfInput)
        let logs = try bank.reviewLog()
        #expect(logs.count == 1)
        #expect(logs.first?.cardKey == p.items[0].cardKey)
        #expect(logs.first?.rating == 4)
        #expect(try bank.allCards().map(\.key) == [p.items[0].cardKey])
        #expect(s.summary.answered == 1)
        #expect(s.summaryText().contains("1 answered: Again 0 · Hard 0 · Good 0 · Easy 1"))
        // the next session: the Easy card is not due (days away); the two others are still new
        let next = try plan(bank, QuizOptions(newLimit: 10, mode: .recall, seed: 9))
        #expect(Set(next.items.map(\.cardKey)) == Set(p.items[1...].map(\.cardKey)))
    }

    @Test func emptyInputAtFirstPromptAndEmptyPlan() throws {
        let bank = try bank([Self.question("a")])
        let s = session(bank, try plan(bank, QuizOptions(mode: .recall, seed: 1)), Script([]))
        #expect(s.run() == .endOfInput)
        #expect(try bank.reviewLog().isEmpty)
        #expect(s.summaryText() == "Summary\n0 answered: Again 0 · Hard 0 · Good 0 · Easy 0\n")

        let script = Script([])
        let empty = session(bank, QuizPlan(items: []), script)
        #expect(empty.run() == .finished)
        #expect(script.output == "Nothing due and no new cards right now.\n")
    }

    @Test func choiceParsing() {
        #expect(QuizSession.parseChoices("2", count: 3) == [1])
        #expect(QuizSession.parseChoices(" 1, 3 ,", count: 3) == [0, 2])
        #expect(QuizSession.parseChoices("", count: 3) == nil)
        #expect(QuizSession.parseChoices("4", count: 3) == nil)
        #expect(QuizSession.parseChoices("-1", count: 3) == nil)
        #expect(QuizSession.parseChoices("99999999999999999999999", count: 3) == nil)
    }

    // MARK: Stats rows

    @Test func statsRowsCarryTopicsAndStateBefore() {
        let t0 = now
        let logs = [
            ReviewLogRecord(id: 1, cardKey: "q:a", rating: 3, reviewedAt: t0, elapsedDays: 0, scheduledDays: 0, state: 1),
            ReviewLogRecord(id: 2, cardKey: "x:gather", rating: 1, reviewedAt: t0.addingTimeInterval(5), elapsedDays: 0, scheduledDays: 0, state: 1),
            ReviewLogRecord(id: 3, cardKey: "q:a", rating: 3, reviewedAt: t0.addingTimeInterval(700), elapsedDays: 0, scheduledDays: 2, state: 2),
            ReviewLogRecord(id: 4, cardKey: "q:a", rating: 1, reviewedAt: t0.addingTimeInterval(3 * 86_400), elapsedDays: 3, scheduledDays: 0, state: 3),
        ]
        let rows = FSRS.StudyStats.rows(logs: logs, cards: [card("q:a", due: t0), card("x:conv_shape", due: t0)],
                                        questionTopics: ["a": "autograd"])
        #expect(rows.reviews.map(\.topic) == ["autograd", "indexing", "autograd", "autograd"])
        #expect(rows.reviews.map(\.stateBefore) == [.learning, .learning, .learning, .review])
        #expect(rows.cards.map(\.topic) == ["autograd", "conv"])
        let stats = FSRS.StudyStats(reviews: rows.reviews, cards: rows.cards, now: t0.addingTimeInterval(3 * 86_400 + 60),
                                    timeZone: TimeZone(identifier: "UTC")!)
        #expect(stats.retentionTotal == 1)
        #expect(stats.retentionPassed == 0)
        #expect(stats.totalReviews == 4)
    }
}

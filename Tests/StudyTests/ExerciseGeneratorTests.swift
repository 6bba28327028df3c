import Testing
import MiniTorch
import QuestionBank
import Terminal
@testable import Study

// Determinism per seed and the shape of what each kind generates.
@Suite("ExerciseGenerator") struct ExerciseGeneratorTests {
    static let plain = Style(enabled: false)

    /// Every prompt and expected answer of a generator's first rounds, for comparing two runs.
    static func transcript(seed: UInt64, rounds: Int = 3) -> [String] {
        var g = ExerciseGenerator(seed: seed)
        var out: [String] = []
        for _ in 0..<rounds {
            for kind in ExerciseKind.allCases {
                let e = g.next(kind)
                out.append(e.prompt(language: .en, style: plain) + "\n=> " + e.expectedAnswer)
            }
        }
        return out
    }

    @Test func sameSeedSameExercises() {
        #expect(Self.transcript(seed: 42) == Self.transcript(seed: 42))
        #expect(Self.transcript(seed: 0) != Self.transcript(seed: 1))
    }

    @Test func copiedGeneratorReplaysTheSameStream() {
        var a = ExerciseGenerator(seed: 7)
        _ = a.next(.gather)
        var b = a
        #expect(a.next(.scatterAdd).expectedAnswer == b.next(.scatterAdd).expectedAnswer)
    }

    /// The generator draws from its own stream: torch's process-wide default generator is left where it was.
    @Test func leavesTheDefaultGeneratorAlone() {
        Generator.default.manualSeed(UInt64(123))
        let expected = Generator.default.random()
        Generator.default.manualSeed(UInt64(123))
        var g = ExerciseGenerator(seed: 5)
        for _ in 0..<5 { for kind in ExerciseKind.allCases { _ = g.next(kind) } }
        #expect(Generator.default.random() == expected)
        Generator.default.manualSeed(Generator.defaultSeed)
    }

    /// Many seeds: every kind is built (never the fallback), its own answer is graded right, and a wrong answer (the
    /// first digit changed) is graded wrong with an explanation.
    @Test func everyKindIsBuiltAndAnswersItself() {
        var wrongs = 0
        for seed in UInt64(0)..<50 {
            var g = ExerciseGenerator(seed: seed)
            for _ in 0..<3 {
                for kind in ExerciseKind.allCases {
                    let e = g.next(kind)
                    #expect(e.kind == kind)
                    #expect(!(e is UnavailableExercise), "\(kind): \(e.prompt(language: .en, style: Self.plain))")
                    let grade = e.grade(e.expectedAnswer, language: .en, style: Self.plain)
                    #expect(grade.correct, "\(kind): \(e.expectedAnswer) → \(grade.feedback)")
                    var wrong = e.expectedAnswer
                    guard let i = wrong.firstIndex(where: \.isNumber), let d = wrong[i].wholeNumberValue else { continue }
                    wrong.replaceSubrange(i...i, with: String((d + 1) % 10))
                    for language in Language.allCases {
                        let w = e.grade(wrong, language: language, style: Self.plain)
                        guard w.unreadable == nil else { continue }
                        wrongs += 1
                        #expect(!w.correct, "\(kind): \(wrong)")
                        #expect(w.feedback.hasPrefix(language == .en ? "Not quite." : "不對。"), "\(kind): \(w.feedback)")
                        #expect(w.feedback.split(separator: "\n").count >= 3, "\(kind): \(w.feedback)")
                    }
                }
            }
        }
        #expect(wrongs > 1500)
    }
}

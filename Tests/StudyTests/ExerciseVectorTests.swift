import Foundation
import Testing
import QuestionBank
import Terminal
@testable import Study

// Expected values: Fixtures/exercise_vectors.json, recorded from PyTorch 2.15 by Scripts/record_exercises.py from the
// specs `exportSpecs` writes (seeds 0..<40, two rounds of every kind). Each vector is regenerated from its seed here:
// its inputs must be the same as when recorded, the engine's answer must equal PyTorch's, the prompt must print the
// inputs as PyTorch's repr does, and grading what PyTorch printed must say "correct".

struct ExerciseSpec: Codable {
    var seed: UInt64
    var round: Int
    var kind: String
    var setup: [String]
    var expression: String
    var shown: [String]
    var answerType: String
}

struct ExerciseVector: Decodable {
    var seed: UInt64
    var round: Int
    var kind: String
    var setup: [String]
    var expression: String
    var torch: ExerciseOutcome
}

@Suite("ExerciseVectorTests", .serialized) struct ExerciseVectorTests {
    static let seeds: Range<UInt64> = 0..<40
    static let rounds = 2

    /// Every exercise of the recorded set, in generation order: per seed, `rounds` rounds of every kind.
    static func exercises() -> [(seed: UInt64, round: Int, exercise: any Exercise)] {
        var out: [(UInt64, Int, any Exercise)] = []
        for seed in seeds {
            var g = ExerciseGenerator(seed: seed)
            for round in 0..<rounds {
                for kind in ExerciseKind.allCases { out.append((seed, round, g.next(kind))) }
            }
        }
        return out
    }

    /// Writes the specs for Scripts/record_exercises.py when EXERCISE_SPECS_OUT names a file.
    @Test func exportSpecs() throws {
        let specs = Self.exercises().compactMap { seed, round, e -> ExerciseSpec? in
            guard let c = (e as? any CheckableExercise)?.check else { return nil }
            return ExerciseSpec(seed: seed, round: round, kind: c.kind, setup: c.setup, expression: c.expression,
                                shown: c.shown, answerType: c.answerType.rawValue)
        }
        #expect(specs.count == Self.seeds.count * Self.rounds * ExerciseKind.allCases.count)
        if let path = ProcessInfo.processInfo.environment["EXERCISE_SPECS_OUT"] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(specs).write(to: URL(fileURLWithPath: path))
        }
    }

    static func loadVectors() throws -> [ExerciseVector] {
        struct File: Decodable { var source: String; var vectors: [ExerciseVector] }
        let url = try #require(Bundle.module.url(forResource: "exercise_vectors", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).vectors
    }

    @Test func everyVectorMatchesPyTorch() throws {
        let vectors = try Self.loadVectors()
        let exercises = Self.exercises()
        try #require(vectors.count == exercises.count)
        var kinds: [String: Int] = [:]
        for (v, (seed, round, e)) in zip(vectors, exercises) {
            let label = "seed \(seed) round \(round) \(v.kind): \(v.expression)"
            let exercise = try #require(e as? any CheckableExercise, "\(label)")
            #expect(v.seed == seed && v.round == round && v.kind == e.kind.rawValue, "\(label)")
            // The same inputs as when the vector was recorded.
            #expect(exercise.check.setup == v.setup && exercise.check.expression == v.expression, "\(label)")
            // The engine's answer is PyTorch's.
            let o = exercise.outcome
            #expect(o.shape == v.torch.shape, "\(label)")
            #expect(o.values == v.torch.values, "\(label)")
            #expect(o.dtype == v.torch.dtype, "\(label)")
            #expect(o.counts == v.torch.counts, "\(label)")
            #expect((o.error ?? false) == (v.torch.error ?? false), "\(label)")
            #expect(o.errorMessage == v.torch.errorMessage, "\(label)")
            // The prompt prints the inputs as PyTorch does.
            #expect((o.shownReprs ?? []) == (v.torch.shownReprs ?? []), "\(label)")
            let prompt = e.prompt(language: .en, style: Style(enabled: false))
            for repr in v.torch.shownReprs ?? [] { #expect(prompt.contains(repr), "\(label)") }
            // What PyTorch printed (or `error`) is graded correct, in both languages.
            let typed = v.torch.error == true ? "error" : try #require(v.torch.repr, "\(label)")
            for language in Language.allCases {
                let grade = e.grade(typed, language: language, style: Style(enabled: false))
                #expect(grade.correct && grade.unreadable == nil, "\(label): \(typed) → \(grade.feedback)")
            }
            kinds[v.kind, default: 0] += 1
        }
        #expect(kinds.count == ExerciseKind.allCases.count)
        // The set includes shapes that fail to broadcast.
        #expect(vectors.contains { $0.torch.error == true })
    }
}

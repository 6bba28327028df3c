import Foundation
import Testing
import QuestionBank
import Terminal
@testable import Study

// Expected values: Fixtures/exercise_vectors.json, recorded from PyTorch 2.15 by Scripts/record_exercises.py from the
// specs `exportSpecs` writes (seeds 0..<40, two rounds of every kind). Each vector is regenerated from its seed here:
// its inputs must be the same as when recorded, the engine's answer must equal PyTorch's, the prompt must print the
// inputs as PyTorch's repr does, and grading what PyTorch printed must say "correct".

/// One exercise as exported for the recording script: where it comes from and its `ExerciseCheck`, in one object.
struct ExerciseSpec: Codable {
    var seed: UInt64
    var round: Int
    var check: ExerciseCheck

    enum Keys: String, CodingKey { case seed, round, torch }

    init(seed: UInt64, round: Int, check: ExerciseCheck) {
        self.seed = seed
        self.round = round
        self.check = check
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        seed = try c.decode(UInt64.self, forKey: .seed)
        round = try c.decode(Int.self, forKey: .round)
        check = try ExerciseCheck(from: decoder)
    }

    func encode(to encoder: Encoder) throws {
        try check.encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(seed, forKey: .seed)
        try c.encode(round, forKey: .round)
    }
}

/// A recorded vector: the spec plus what PyTorch computed.
struct ExerciseVector: Decodable {
    var spec: ExerciseSpec
    var torch: ExerciseOutcome

    init(from decoder: Decoder) throws {
        spec = try ExerciseSpec(from: decoder)
        torch = try decoder.container(keyedBy: ExerciseSpec.Keys.self).decode(ExerciseOutcome.self, forKey: .torch)
    }
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
            (e as? any CheckableExercise).map { ExerciseSpec(seed: seed, round: round, check: $0.check) }
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
            let label = "seed \(seed) round \(round) \(v.spec.check.kind): \(v.spec.check.expression)"
            let exercise = try #require(e as? any CheckableExercise, "\(label)")
            #expect(v.spec.seed == seed && v.spec.round == round, "\(label)")
            // The same inputs as when the vector was recorded.
            #expect(exercise.check == v.spec.check, "\(label)")
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
            kinds[v.spec.check.kind, default: 0] += 1
        }
        #expect(kinds.count == ExerciseKind.allCases.count)
        // The set includes shapes that fail to broadcast.
        #expect(vectors.contains { $0.torch.error == true })
    }
}

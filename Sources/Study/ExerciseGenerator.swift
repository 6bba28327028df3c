import MiniTorch
import QuestionBank
import Terminal

/// Builds prediction exercises (SPEC §5) from a seed: small random inputs made and computed by the engine.
///
/// The generator owns its random state (a SplitMix64 stream, a value: copying the generator copies the stream), so
/// the same seed gives the same exercises whatever else the process draws from `torch`'s default generator. Tensor
/// values are drawn with the engine's own `randint` on a per-exercise `Generator` seeded from that stream.
public struct ExerciseGenerator: ExerciseSource {
    var rng: ExerciseRNG

    public init(seed: UInt64) { rng = ExerciseRNG(seed: seed) }

    /// The next exercise of `kind`. Inputs are drawn so that every op is valid; should the engine still refuse one,
    /// fresh inputs are drawn (a few times), and as a last resort the exercise says what the engine reported.
    public mutating func next(_ kind: ExerciseKind) -> any Exercise {
        var lastError: Error?
        for _ in 0..<8 {
            do {
                return try make(kind)
            } catch {
                lastError = error
            }
        }
        return UnavailableExercise(kind: kind, reason: lastError.map { String(describing: $0) } ?? "unknown")
    }

    mutating func make(_ kind: ExerciseKind) throws -> any Exercise {
        switch kind {
        case .gather: return try IndexExercise.gather(&rng)
        case .scatter: return try IndexExercise.scatter(&rng, add: false)
        case .scatterAdd: return try IndexExercise.scatter(&rng, add: true)
        case .unfoldColumn: return try UnfoldColumnExercise.make(&rng)
        case .unfoldShape: return try ShapeExercise.unfold(&rng)
        case .convShape: return try ShapeExercise.conv(&rng)
        case .broadcastShape: return try ShapeExercise.broadcast(&rng)
        case .dtypePromotion: return try DTypeExercise.make(&rng)
        case .dataParallelChunks: return try ChunksExercise.make(&rng)
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and a value type, so a copied generator replays the same draws.
struct ExerciseRNG {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    /// The next 64 bits: SplitMix64's output function (`FSRS.splitMix64` adds the golden-ratio step itself).
    mutating func next() -> UInt64 {
        let out = FSRS.splitMix64(state)
        state &+= 0x9E37_79B9_7F4A_7C15
        return out
    }

    /// Uniform in `range` (rejection sampling: no modulo bias).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let limit = UInt64.max - UInt64.max % span
        var x = next()
        while x >= limit { x = next() }
        return range.lowerBound + Int(x % span)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { Double(next() >> 11) / Double(1 << 53) < p }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// A random permutation of `0..<n` (Fisher–Yates).
    mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, int(0...i)) }
        return p
    }

    /// The engine's generator for this exercise's tensor values, seeded from this stream.
    mutating func engineGenerator() -> Generator { Generator(seed: next()) }
}

/// What `next` returns if the engine refused every drawn input: the prompt says so; any answer is graded wrong.
struct UnavailableExercise: Exercise {
    let kind: ExerciseKind
    let reason: String

    func prompt(language: Language, style: Style) -> String {
        language == .zh ? "無法產生這個練習：\(reason)" : "This exercise could not be built: \(reason)"
    }
    func answerHint(language: Language) -> String { language == .zh ? "任何內容" : "anything" }
    var expectedAnswer: String { "" }
    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade {
        ExerciseGrade(correct: false, feedback: prompt(language: language, style: style))
    }
}

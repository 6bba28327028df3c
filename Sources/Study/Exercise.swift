import QuestionBank
import Terminal

// Prediction exercises (SPEC §5): the engine builds a small random problem ("what does
// `torch.gather(x, 1, idx)` print?"), computes the true answer, and grades what the learner types.
//
// This file is the contract between the quiz session (`Quiz*.swift`) and the exercise generators
// (`Exercise*.swift`): the session only needs `ExerciseKind`, `Exercise` and `ExerciseGenerator`.

/// One family of prediction exercise. Each kind has its own FSRS card, keyed `x:<rawValue>`.
public enum ExerciseKind: String, CaseIterable, Sendable, Codable, Hashable {
    case gather
    case scatter
    case scatterAdd = "scatter_add"
    case unfoldShape = "unfold_shape"
    case unfoldColumn = "unfold_column"
    case convShape = "conv_shape"
    case broadcastShape = "broadcast_shape"
    case dtypePromotion = "dtype_promotion"
    case dataParallelChunks = "dp_chunks"

    /// The study-card key of this kind (`card.key` / `review_log.card_key`).
    public var cardKey: String { "x:" + rawValue }

    /// The kind of a card key, or nil when the key is not an exercise card.
    public init?(cardKey: String) {
        guard cardKey.hasPrefix("x:") else { return nil }
        self.init(rawValue: String(cardKey.dropFirst(2)))
    }

    /// The bank topic an exercise kind counts under in `tensorprep stats` (weakest topics).
    public var topic: String {
        switch self {
        case .gather, .scatter, .scatterAdd: return "indexing"
        case .unfoldShape, .unfoldColumn, .convShape: return "conv"
        case .broadcastShape, .dtypePromotion: return "arith"
        case .dataParallelChunks: return "dataparallel"
        }
    }
}

/// The result of grading one typed answer.
public struct ExerciseGrade: Sendable {
    /// True when the answer equals the engine's answer exactly.
    public var correct: Bool
    /// Set when the answer could not be read at all (not a tensor/shape/dtype literal). The quiz asks
    /// again instead of grading; `correct` is false.
    public var unreadable: String?
    /// What to show after the answer: for a right answer a short confirmation; for a wrong one the
    /// expected answer, the cells (or dimensions) that differ, and the explain trace of one of them.
    /// Already styled with the `Style` given to `grade`.
    public var feedback: String

    public init(correct: Bool, unreadable: String? = nil, feedback: String) {
        self.correct = correct
        self.unreadable = unreadable
        self.feedback = feedback
    }
}

/// One generated exercise: a prompt, the engine's answer, and a grader.
public protocol Exercise: Sendable {
    var kind: ExerciseKind { get }
    /// The question, with the inputs printed as PyTorch prints them and the snippet to predict
    /// (may span several lines; ends without a newline).
    func prompt(language: Language, style: Style) -> String
    /// A one-line hint of the expected answer format, e.g. "a tensor literal like [[1, 2], [3, 4]]".
    func answerHint(language: Language) -> String
    /// The engine's answer, written as the learner is expected to type it.
    var expectedAnswer: String { get }
    /// Grades what the learner typed (parsed leniently: spaces, trailing commas, `tensor(...)`,
    /// `torch.Size(...)`, `(2, 3)` or `[2, 3]` for shapes). Never traps on any input.
    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade
}

/// Builds exercises from a seed: the same seed gives the same sequence of exercises.
public protocol ExerciseSource {
    /// The next exercise of `kind` (random inputs drawn from this source's generator).
    mutating func next(_ kind: ExerciseKind) -> any Exercise
}

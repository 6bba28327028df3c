import MiniTorch

/// How an exercise is checked against real PyTorch (Scripts/record_exercises.py; Tests/StudyTests): the Python
/// lines that rebuild its inputs, the expression whose value is the answer, the names whose printed form the prompt
/// shows, and what kind of value the answer is.
struct ExerciseCheck: Codable, Equatable, Sendable {
    enum AnswerType: String, Codable, Sendable { case tensor, shape, dtype, counts }

    var kind: String
    var setup: [String]
    var expression: String
    var shown: [String]
    var answerType: AnswerType
}

/// An exercise's answer as the engine computed it, in the form the recorded fixture holds.
struct ExerciseOutcome: Codable, Equatable, Sendable {
    var shape: [Int]?
    var values: [Double]?
    var dtype: String?
    var counts: [Int]?
    /// True when the expression raises (e.g. shapes that do not broadcast), and the message it raises with.
    var error: Bool?
    var errorMessage: String?
    /// `repr` of each name in `ExerciseCheck.shown`, as the prompt prints it.
    var shownReprs: [String]?
    /// What PyTorch printed for the answer (set in recorded fixtures, where it is graded as a typed answer).
    var repr: String?
}

/// Exercises whose answer can be recomputed by PyTorch from `check`.
protocol CheckableExercise: Exercise {
    var check: ExerciseCheck { get }
    var outcome: ExerciseOutcome { get }
}

/// Python source for the values of a tensor (`torch.tensor([[1, 2], [3, 4]])`), with `dtype=` when PyTorch would
/// infer another dtype from the literal.
func pythonTensor(_ t: TensorSnapshot) -> String {
    let inferred: DType = t.values.contains(where: \.isFloatingPoint) ? .float32
        : (t.values.allSatisfy(\.isBool) && !t.values.isEmpty ? .bool : .int64)
    let literal = t.tensor().tolist().description
    return "torch.tensor(\(literal)" + (inferred == t.dtype ? ")" : ", dtype=\(t.dtype))")
}

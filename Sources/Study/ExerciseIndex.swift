import Explain
import MiniTorch
import QuestionBank
import Terminal

/// "What does `torch.gather(x, 1, idx)` print?" — and the same for `scatter` (with a `src` tensor or a `value`) and
/// `scatter_add`. Inputs are small random int64 tensors; the answer is the engine's own gather/scatter/scatter_add;
/// the trace of a wrong cell is Explain's per-cell explanation.
struct IndexExercise: CheckableExercise {
    enum Op: Sendable { case gather, scatter, scatterAdd }

    let op: Op
    /// gather's input, or the tensor scattered into.
    let input: TensorSnapshot
    /// The dim as the snippet writes it (may be negative).
    let dim: Int
    let index: TensorSnapshot
    /// scatter/scatter_add's source tensor; nil for `scatter(dim, index, value)`.
    let src: TensorSnapshot?
    let value: Scalar?
    /// `torch.gather(x, …)` or `x.gather(…)`.
    let functionForm: Bool
    let result: TensorSnapshot

    var kind: ExerciseKind {
        switch op {
        case .gather: return .gather
        case .scatter: return .scatter
        case .scatterAdd: return .scatterAdd
        }
    }

    /// The snippet to predict: `torch.gather(x, 1, idx)`, `x.scatter(0, idx, src)`, `x.scatter(1, idx, 7)`, ...
    var expression: String {
        let name: String
        switch op {
        case .gather: name = "gather"
        case .scatter: name = "scatter"
        case .scatterAdd: name = "scatter_add"
        }
        let last = op == .gather ? [] : [value.map(\.description) ?? "src"]
        let args = (["\(dim)", "idx"] + last).joined(separator: ", ")
        return functionForm ? "torch.\(name)(x, \(args))" : "x.\(name)(\(args))"
    }

    var shownNames: [String] { src == nil ? ["x", "idx"] : ["x", "idx", "src"] }

    func prompt(language: Language, style: Style) -> String {
        let words = Words(language: language)
        var steps: [(code: String, output: String?)] = [("x", input.repr), ("idx", index.repr)]
        if let src { steps.append(("src", src.repr)) }
        steps.append((style.bold(expression), nil))
        return ExerciseText.repl(question: words("What does the last line print?", "最後一行會印出什麼？"), steps, style: style)
    }

    func answerHint(language: Language) -> String { TensorGrading.hint[language] }

    var expectedAnswer: String { result.literal }

    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade {
        // For a wrong shape, trace a cell the op changed (scatter) or the first one (gather).
        let changed = result.values.indices.first { i in
            i < input.values.count && result.values[i].asDouble != input.values[i].asDouble
        }
        let example = op == .gather ? 0 : changed ?? 0
        return TensorGrading.grade(answer, expected: result, language: language, style: style, example: example,
                                   cellName: { "out" + TensorGrid.cellName($0, in: result.shape) }) { cell in
            let words = Words(language: language)
            do {
                switch op {
                case .gather:
                    return try IndexCellTrace.gather(input: input.tensor(), dim: dim, index: index.tensor(), cell: cell,
                                                     style: style)
                case .scatter, .scatterAdd:
                    if let src {
                        return try IndexCellTrace.scatter(base: input.tensor(), dim: dim, index: index.tensor(),
                                                          src: src.tensor(), add: op == .scatterAdd, cell: cell,
                                                          language: words.explainLanguage, style: style)
                    }
                    return try IndexCellTrace.scatter(base: input.tensor(), dim: dim, index: index.tensor(),
                                                      value: value ?? .int(0), cell: cell,
                                                      language: words.explainLanguage, style: style)
                }
            } catch {
                return []
            }
        }
    }

    var check: ExerciseCheck {
        var setup = ["x = \(pythonTensor(input))", "idx = \(pythonTensor(index))"]
        if let src { setup.append("src = \(pythonTensor(src))") }
        return ExerciseCheck(kind: kind.rawValue, setup: setup, expression: expression, shown: shownNames, answerType: .tensor)
    }

    var outcome: ExerciseOutcome {
        ExerciseOutcome(shape: result.shape, values: result.values.map(\.asDouble),
                        shownReprs: [input, index] .map(\.repr) + (src.map { [$0.repr] } ?? []))
    }

    // MARK: generation

    /// A small shape: rank 1–3 (mostly 2), 2–4 per dim (2–3 for rank 3).
    static func shape(_ rng: inout ExerciseRNG) -> [Int] {
        let rank = rng.pick([1, 2, 2, 2, 3])
        return (0..<rank).map { _ in rng.int(2...(rank == 3 ? 3 : 4)) }
    }

    /// The dim as written: usually 0…rank-1, sometimes the negative alias of the last dim.
    static func writtenDim(_ dim: Int, rank: Int, _ rng: inout ExerciseRNG) -> Int {
        dim == rank - 1 && rank > 1 && rng.chance(0.2) ? -1 : dim
    }

    static func gather(_ rng: inout ExerciseRNG) throws -> IndexExercise {
        let g = rng.engineGenerator()
        let inShape = shape(&rng)
        let rank = inShape.count
        let dim = rng.int(0...(rank - 1))
        // index.size(d) <= input.size(d) for d != dim (often equal); any small size along dim.
        let indexShape = inShape.enumerated().map { d, n in
            d == dim ? rng.int(1...3) : (rng.chance(0.6) ? n : rng.int(1...n))
        }
        let x = try Tensor.randint(low: 0, high: 10, inShape, generator: g)
        let idx = try Tensor.randint(low: 0, high: Int64(inShape[dim]), indexShape, generator: g)
        let written = writtenDim(dim, rank: rank, &rng)
        return try gather(x, written, idx, functionForm: rng.chance(0.5))
    }

    static func gather(_ x: Tensor, _ written: Int, _ idx: Tensor, functionForm: Bool) throws -> IndexExercise {
        let out = try x.gather(written, idx)
        return IndexExercise(op: .gather, input: TensorSnapshot(x), dim: written, index: TensorSnapshot(idx), src: nil,
                             value: nil, functionForm: functionForm, result: TensorSnapshot(out))
    }

    /// scatter: the index never writes one cell twice (PyTorch leaves the winner of colliding writes unspecified),
    /// except with a `value`, where every write is the same. scatter_add: collisions are the point.
    static func scatter(_ rng: inout ExerciseRNG, add: Bool) throws -> IndexExercise {
        let g = rng.engineGenerator()
        let selfShape = shape(&rng)
        let rank = selfShape.count
        let dim = rng.int(0...(rank - 1))
        let useValue = !add && rng.chance(0.3)
        let n = selfShape[dim]
        let indexShape = selfShape.enumerated().map { d, size in
            d == dim ? (add ? rng.int(1...min(4, n + 1)) : rng.int(1...n)) : (rng.chance(0.6) ? size : rng.int(1...size))
        }
        let idx: Tensor
        if add || useValue {
            idx = try Tensor.randint(low: 0, high: Int64(n), indexShape, generator: g)
        } else {
            // Distinct targets along dim: each line along dim is the start of a random permutation of 0..<n.
            let count = indexShape.reduce(1, *)
            let inner = indexShape[(dim + 1)...].reduce(1, *)
            var values = [Int64](repeating: 0, count: count)
            for outer in 0..<(count / (indexShape[dim] * inner)) {
                for i in 0..<inner {
                    let perm = rng.permutation(n)
                    for k in 0..<indexShape[dim] { values[(outer * indexShape[dim] + k) * inner + i] = Int64(perm[k]) }
                }
            }
            idx = Tensor(values, shape: indexShape)
        }
        let base = rng.chance(0.5) ? try Tensor.zeros(selfShape, dtype: .int64)
                                   : try Tensor.randint(low: 0, high: 10, selfShape, generator: g)
        let written = writtenDim(dim, rank: rank, &rng)
        let functionForm = rng.chance(0.4)
        if useValue {
            let value = Scalar.int(Int64(rng.int(1...9)))
            let out = try base.scatter(written, idx, value: value)
            return IndexExercise(op: .scatter, input: TensorSnapshot(base), dim: written, index: TensorSnapshot(idx),
                                 src: nil, value: value, functionForm: functionForm, result: TensorSnapshot(out))
        }
        // src may be larger than the index: only the index's shape of it is read.
        let srcShape = indexShape.map { rng.chance(0.2) ? min($0 + 1, 4) : $0 }
        let src = try Tensor.randint(low: 1, high: 10, srcShape, generator: g)
        return try scatter(base, written, idx, src, add: add, functionForm: functionForm)
    }

    static func scatter(_ base: Tensor, _ written: Int, _ idx: Tensor, _ src: Tensor, add: Bool,
                        functionForm: Bool) throws -> IndexExercise {
        let out = add ? try base.scatterAdd(written, idx, src) : try base.scatter(written, idx, src)
        return IndexExercise(op: add ? .scatterAdd : .scatter, input: TensorSnapshot(base), dim: written,
                             index: TensorSnapshot(idx), src: TensorSnapshot(src), value: nil, functionForm: functionForm,
                             result: TensorSnapshot(out))
    }
}

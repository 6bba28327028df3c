import MiniTorch
import QuestionBank
import Terminal

/// "What is `(a + b).dtype`?" for tensors of different dtypes, a tensor and a Python number, a zero-dim tensor and a
/// dimensioned one, and true / floor division of integers. The engine builds the operands as the snippet does and
/// performs the op; the answer is the result's dtype. The feedback states the promotion rule with these operands.
struct DTypeExercise: CheckableExercise {
    /// One operand as the snippet writes it.
    struct Operand: Sendable {
        enum Form: Sendable { case tensor, zeroDim, number }
        var form: Form
        /// The Python source: `torch.tensor([1, 2], dtype=torch.int32)`, `torch.tensor(2.5)`, `1.5`.
        var source: String
        var dtype: DType
        /// A Python number's value (form `.number`), or the tensor's values (one for a zero-dim tensor).
        var values: [Scalar]
        var explicitDType: DType?

        /// What `torch.tensor` receives.
        var data: NestedData { form == .tensor ? .list(values.map { .scalar($0) }) : .scalar(values.first ?? .int(0)) }
    }

    let a: Operand
    let b: Operand
    /// `+`, `*`, `/`, `//`.
    let symbol: String
    let result: DType
    /// `torch.get_default_dtype()` when the engine computed `result` (what a Python float stands for).
    let defaultFloat: DType

    var kind: ExerciseKind { .dtypePromotion }

    /// `(a + b).dtype`, or `(a * 1.5).dtype` when b is a Python number.
    var expression: String {
        "(a \(symbol) \(b.form == .number ? b.source : "b")).dtype"
    }

    var setup: [String] {
        ["a = \(a.source)"] + (b.form == .number ? [] : ["b = \(b.source)"])
    }

    func prompt(language: Language, style: Style) -> String {
        let words = Words(language: language)
        let steps: [(code: String, output: String?)] = setup.map { ($0, nil) } + [(style.bold(expression), nil)]
        return ExerciseText.repl(question: words("What does the last line print?", "最後一行會印出什麼？"), steps, style: style)
    }

    func answerHint(language: Language) -> String {
        Words(language: language)("a dtype like torch.float32, float32 or int64", "dtype，如 torch.float32、float32 或 int64")
    }

    var expectedAnswer: String { result.description }

    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade {
        let words = Words(language: language)
        let typed: DType
        switch AnswerParser.dtype(answer) {
        case .failure(let reason): return ExerciseText.unreadable(reason, words, hint: answerHint(language: language))
        case .success(let d): typed = d
        }
        if typed == result { return ExerciseGrade(correct: true, feedback: ExerciseText.correct(words, style, expectedAnswer)) }
        var lines = [ExerciseText.wrong(words, style) + " " +
                     words("Expected \(style.bold(result.description)), not \(typed.description).",
                           "正確答案是 \(style.bold(result.description))，不是 \(typed.description)。")]
        lines.append(words("Why:", "原因："))
        lines += explanation(words).map { "  " + $0 }
        return ExerciseGrade(correct: false, feedback: lines.joined(separator: "\n"))
    }

    static func category(_ d: DType) -> Int { d.isFloatingPoint ? 2 : (d == .bool ? 0 : 1) }

    func describe(_ name: String, _ o: Operand, _ words: Words) -> String {
        switch o.form {
        case .tensor: return words("\(name): a tensor with dims, \(o.dtype)", "\(name)：有維度的張量，\(o.dtype)")
        case .zeroDim: return words("\(name): a zero-dim tensor, \(o.dtype)", "\(name)：零維張量，\(o.dtype)")
        case .number:
            let what = o.dtype.isFloatingPoint ? "float" : (o.dtype == .bool ? "bool" : "int")
            return words("\(o.source): a Python \(what)", "\(o.source)：Python 的 \(what)")
        }
    }

    /// The rule with these operands: categories (bool < integer < floating) first, then priority (tensors with dims
    /// over zero-dim tensors over Python numbers), then size; `/` of integers gives the default float dtype.
    func explanation(_ words: Words) -> [String] {
        let names = (a: "a", b: b.form == .number ? b.source : "b")
        var lines = [describe(names.a, a, words), describe(names.b, b, words)]
        lines.append(words("Rule: the highest category wins (bool < integer < floating); within it, tensors with dims outrank zero-dim tensors, which outrank Python numbers; among equals, the larger type wins.",
                           "規則：類別高者勝（bool < 整數 < 浮點）；同類別中，有維度的張量優先於零維張量，零維張量優先於 Python 數字；同級者取較大的型別。"))
        let category = DTypeExercise.category
        if symbol == "/" && category(a.dtype) < 2 && category(b.dtype) < 2 {
            lines.append(words("`/` is true division: integer (and bool) operands give the default float dtype, \(result).",
                               "`/` 是真除法：整數（及 bool）運算元得到預設浮點型別 \(result)。"))
            return lines
        }
        let rank: (Operand) -> Int = { $0.form == .tensor ? 2 : ($0.form == .zeroDim ? 1 : 0) }
        if rank(a) == rank(b) {
            lines.append(words("Same priority: promote_types(\(a.dtype), \(b.dtype)) = \(result).",
                               "同一優先級：promote_types(\(a.dtype), \(b.dtype)) = \(result)。"))
            return lines
        }
        let aHigh = rank(a) > rank(b)
        let (high, low) = aHigh ? (a, b) : (b, a)
        let (highName, lowName) = aHigh ? (names.a, names.b) : (names.b, names.a)
        guard category(low.dtype) > category(high.dtype) else {
            lines.append(words("\(lowName) is not of a higher category than \(highName), so \(highName)'s dtype is kept: \(result).",
                               "\(lowName) 的類別不高於 \(highName)，所以保留 \(highName) 的型別：\(result)。"))
            return lines
        }
        let pythonFloat = low.form == .number && low.dtype.isFloatingPoint
        let lowType = pythonFloat ? defaultFloat : low.dtype
        lines.append(words("\(lowName) is of a higher category than \(highName), so it counts: promote_types(\(high.dtype), \(lowType)) = \(result)" +
                           (pythonFloat ? " (a Python float stands for the default dtype)." : "."),
                           "\(lowName) 的類別比 \(highName) 高，所以列入計算：promote_types(\(high.dtype), \(lowType)) = \(result)" +
                           (pythonFloat ? "（Python float 代表預設浮點型別）。" : "。")))
        return lines
    }

    var check: ExerciseCheck {
        ExerciseCheck(kind: kind.rawValue, setup: setup, expression: expression, shown: [], answerType: .dtype)
    }

    var outcome: ExerciseOutcome { ExerciseOutcome(dtype: result.description) }

    // MARK: generation

    /// A one-line tensor of `dtype`: written with values that infer it (`[1, 2]` int64, `[1., 2.]` float32,
    /// `[True, False]` bool), with `dtype=` otherwise (or sometimes anyway).
    static func tensorOperand(_ dtype: DType, zeroDim: Bool, _ rng: inout ExerciseRNG) -> Operand {
        let count = zeroDim ? 1 : rng.int(2...3)
        let items: [Scalar] = (0..<count).map { _ in
            switch dtype {
            case .bool: return .bool(rng.chance(0.5))
            case .float32, .float64: return .double(Double(rng.int(1...9)) + (rng.chance(0.5) ? 0.5 : 0))
            case .int32, .int64: return .int(Int64(rng.int(1...9)))
            }
        }
        let inferred: DType = dtype == .bool ? .bool : (dtype.isFloatingPoint ? .float32 : .int64)
        let explicit: DType? = inferred != dtype || rng.chance(0.15) ? dtype : nil
        let data: NestedData = zeroDim ? .scalar(items[0]) : .list(items.map { .scalar($0) })
        let source = "torch.tensor(\(data)" + (explicit.map { ", dtype=\($0)" } ?? "") + ")"
        return Operand(form: zeroDim ? .zeroDim : .tensor, source: source, dtype: dtype, values: items, explicitDType: explicit)
    }

    /// `3`, `2.5` or (unless `numeric`) `True`.
    static func numberOperand(_ rng: inout ExerciseRNG, numeric: Bool = false) -> Operand {
        let choices: [Scalar] = [.int(Int64(rng.int(2...5))), .double(Double(rng.int(1...4)) + 0.5)] + (numeric ? [] : [.bool(true)])
        let value = rng.pick(choices)
        return Operand(form: .number, source: value.description, dtype: value.wrappedDType, values: [value],
                       explicitDType: nil)
    }

    static func make(_ rng: inout ExerciseRNG) throws -> DTypeExercise {
        let all: [DType] = [.bool, .int32, .int64, .float32, .float64]
        var a = tensorOperand(rng.pick(all), zeroDim: false, &rng)
        let b: Operand
        switch rng.int(0...3) {
        case 0: b = tensorOperand(rng.pick(all), zeroDim: false, &rng)
        case 1: b = numberOperand(&rng)
        case 2: b = tensorOperand(rng.pick(all), zeroDim: true, &rng)
        default:
            // Division of integers: true `/` versus floor `//`.
            a = tensorOperand(rng.pick([.int32, .int64]), zeroDim: false, &rng)
            b = rng.chance(0.5) ? numberOperand(&rng, numeric: true) : tensorOperand(rng.pick([.int32, .int64]), zeroDim: false, &rng)
        }
        // Division only of numbers (dividing by `True` or a bool tensor is legal but teaches nothing).
        let numeric = a.dtype != .bool && b.dtype != .bool
        let symbols = numeric ? ["+", "*", "/", "//"] : ["+", "*"]
        return try make(a, rng.pick(symbols), b)
    }

    /// The engine builds both operands as their source does and applies the op; the result's dtype is the answer.
    static func make(_ a: Operand, _ symbol: String, _ b: Operand) throws -> DTypeExercise {
        let x = try Tensor.fromNested(a.data, dtype: a.explicitDType)
        let y: Tensor
        switch b.form {
        case .number:
            guard let s = b.values.first else { throw TensorError.runtime("a Python number operand without a value") }
            y = Tensor.wrappedScalar(s)
        case .tensor, .zeroDim:
            y = try Tensor.fromNested(b.data, dtype: b.explicitDType)
        }
        let op: BinaryOp = symbol == "+" ? .add : (symbol == "*" ? .mul : (symbol == "/" ? .div : .floorDivide))
        let out = try Tensor.binary(op, x, y)
        return DTypeExercise(a: a, b: b, symbol: symbol, result: out.dtype, defaultFloat: DType.defaultFloat)
    }
}

import Explain
import MiniTorch
import QuestionBank
import Terminal

/// A tensor's shape, dtype and values, kept by an exercise after the engine computed them (a `Tensor` is a mutable
/// reference; an exercise is a `Sendable` value). `tensor()` rebuilds it for the feedback's grids and traces.
struct TensorSnapshot: Sendable, Equatable {
    var shape: [Int]
    var dtype: DType
    var values: [Scalar]
    /// How PyTorch prints it, with default print options, fixed when the snapshot is taken (whatever print options
    /// or default dtype a snippet sets later).
    let repr: String

    init(_ t: Tensor) {
        shape = t.shape
        dtype = t.dtype
        values = t.toScalarArray()
        repr = TensorFormatter.repr(t, options: PrintOptions())
    }

    init(shape: [Int], dtype: DType, values: [Scalar]) {
        self.init(TensorSnapshot.build(shape, dtype, values))
    }

    func tensor() -> Tensor { TensorSnapshot.build(shape, dtype, values) }

    static func build(_ shape: [Int], _ dtype: DType, _ values: [Scalar]) -> Tensor {
        let t = Tensor(zeros: shape, dtype: dtype)
        for (i, v) in values.enumerated() where i < t.numel { t.storage.write(v, at: i) }
        return t
    }

    /// The nested Python list (`[[1, 2], [3, 4]]`, floats as `1.0`): how the learner is expected to type it.
    var literal: String { tensor().tolist().description }
}

/// English or Chinese.
struct Words {
    let language: Language
    func callAsFunction(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }

    var explainLanguage: ExplainLanguage { language == .zh ? .zh : .en }
}

/// The parts every exercise's prompt and feedback share.
enum ExerciseText {
    /// `>>> code` lines, each followed by what the REPL prints (if anything), under the question.
    static func repl(question: String, _ steps: [(code: String, output: String?)], style: Style) -> String {
        var lines = [style.bold(question)]
        for step in steps {
            lines.append(style.dim(">>> ") + step.code)
            if let output = step.output { lines.append(output) }
        }
        return lines.joined(separator: "\n")
    }

    static func correct(_ words: Words, _ style: Style, _ answer: String) -> String {
        style.green(words("Correct.", "答對了。")) + " " + answer
    }

    static func wrong(_ words: Words, _ style: Style) -> String { style.red(words("Not quite.", "不對。")) }

    /// `unreadable` is the bare problem ("not a shape"), for a caller that adds its own words and asks again (the
    /// quiz shows the hint again); `feedback` is the whole sentence with the hint.
    static func unreadable(_ reason: AnswerUnreadable, _ words: Words, hint: String) -> ExerciseGrade {
        let problem = reason.message(words.language)
        let message = words("Could not read the answer: ", "看不懂這個答案：") + problem +
            words(". Type ", "。請輸入：") + hint + words(".", "。")
        return ExerciseGrade(correct: false, unreadable: problem, feedback: message)
    }

    /// A row of cells right-aligned in `width`, the ones at `marked` highlighted: `  3  [1]   3` without colour
    /// (the brackets take the place of the spaces around a cell, so rows stay aligned).
    static func cells(_ items: [String], width: Int, marked: Set<Int>, style: Style) -> String {
        items.enumerated().map { i, item in
            let pad = String(repeating: " ", count: max(0, width - item.displayWidth))
            guard marked.contains(i) else { return pad + " \(item) " }
            return pad + (style.enabled ? " " + style.highlight(item) + " " : style.highlight(item))
        }.joined()
    }

    /// Labelled rows of cells (`expected`, `yours`, ...), labels padded to one width, cells aligned across rows.
    static func table(_ rows: [(label: String, items: [String])], marked: Set<Int>, style: Style) -> [String] {
        let labelWidth = rows.map(\.label.displayWidth).max() ?? 0
        let width = rows.flatMap(\.items).map(\.displayWidth).max() ?? 1
        return rows.map { row in
            var line = "  " + row.label.padded(to: labelWidth) + " " +
                cells(row.items, width: width, marked: row.label.isEmpty ? [] : marked, style: style)
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }
}

/// Grading and feedback of an answer that is a tensor: parsed leniently, compared exactly (shape and every value,
/// numerically: `1`, `1.` and `1.0` are the same value), and on a mistake the expected and typed grids with the
/// differing cells highlighted, then the explanation of one differing cell.
enum TensorGrading {
    static let hint = Localized(zh: "張量字面值，如 [[1, 2], [3, 4]]（可加 tensor(...)）",
                                en: "a tensor literal like [[1, 2], [3, 4]] (tensor(...) optional)")

    /// `cellName(position)` names the expected result's cell at that row-major position (`out[1][0]`), and
    /// `explainCell(position)` returns the lines tracing where its value comes from. When the typed shape is wrong
    /// there is no differing cell to pick, so `example` is traced (an instructive one: a written cell, not padding).
    static func grade(_ answer: String, expected: TensorSnapshot, language: Language, style: Style, example: Int = 0,
                      cellName: (Int) -> String, explainCell: (Int) -> [String]) -> ExerciseGrade {
        let words = Words(language: language)
        let typed: AnswerParser.TensorValue
        switch AnswerParser.tensor(answer) {
        case .failure(let reason): return ExerciseText.unreadable(reason, words, hint: hint[language])
        case .success(let value): typed = value
        }
        let expectedGrid = TensorGrid.lines(expected.tensor(), title: words("expected", "正確答案"), style: style)
        if typed.shape != expected.shape {
            var lines = [ExerciseText.wrong(words, style) + " " +
                         words("Expected shape \(TensorFormatter.sizeString(expected.shape)), your answer has shape \(TensorFormatter.sizeString(typed.shape)).",
                               "正確的形狀是 \(TensorFormatter.sizeString(expected.shape))，你的答案是 \(TensorFormatter.sizeString(typed.shape))。")]
            lines += expectedGrid
            lines += trace(of: example, in: expected, cellName, words, explainCell)
            return ExerciseGrade(correct: false, feedback: lines.joined(separator: "\n"))
        }
        let differing = (0..<expected.values.count).filter { i in
            i >= typed.values.count || typed.values[i].asDouble != expected.values[i].asDouble
        }
        guard let first = differing.first else {
            return ExerciseGrade(correct: true, feedback: ExerciseText.correct(words, style, expected.literal))
        }
        let yours = TensorSnapshot(shape: typed.shape, dtype: typed.values.contains(where: \.isFloatingPoint) ? .float64 : .int64,
                                   values: typed.values)
        var lines = [ExerciseText.wrong(words, style) + " " +
                     words("\(differing.count) of \(expected.values.count) cells differ (highlighted).",
                           "\(expected.values.count) 格中有 \(differing.count) 格不同（已標記）。")]
        lines += TensorGrid.sideBySide([
            TensorGrid.lines(expected.tensor(), title: words("expected", "正確答案"), highlight: Set(differing), style: style),
            TensorGrid.lines(yours.tensor(), title: words("yours", "你的答案"), highlight: Set(differing), style: style),
        ])
        lines.append(words("Expected: ", "正確答案：") + expected.literal)
        lines += trace(of: first, in: expected, cellName, words, explainCell)
        return ExerciseGrade(correct: false, feedback: lines.joined(separator: "\n"))
    }

    static func trace(of cell: Int, in expected: TensorSnapshot, _ cellName: (Int) -> String, _ words: Words,
                      _ explainCell: (Int) -> [String]) -> [String] {
        guard cell < expected.values.count else { return [] }
        let lines = explainCell(cell)
        guard !lines.isEmpty else { return [] }
        let name = cellName(cell)
        return [words("Where \(name) comes from:", "\(name) 的來源：")] + lines.map { "  " + $0 }
    }
}

import Explain
import MiniTorch
import QuestionBank
import Terminal

/// "What is column l of `F.unfold(x, ...)`?" for a small [1, C, H, W] input of whole numbers. The column is the
/// engine's own unfold; which input cell fed each entry is read from unfolding a tensor of 1-based positions (0 marks
/// padding), as `explain im2col` does, and a wrong entry is traced back to its input cell.
struct UnfoldColumnExercise: CheckableExercise {
    let input: TensorSnapshot
    let kernel: Int
    let stride: Int
    let padding: Int
    let dilation: Int
    let column: Int
    let result: TensorSnapshot
    /// For each entry of the column, the 1-based flat position of the input cell it reads (0: padding).
    let sources: [Int64]
    /// Output positions per row (W_out), to name the column's window.
    let widthOut: Int

    var kind: ExerciseKind { .unfoldColumn }

    var arguments: String {
        var parts = ["kernel_size=\(kernel)"]
        if stride != 1 { parts.append("stride=\(stride)") }
        if padding != 0 { parts.append("padding=\(padding)") }
        if dilation != 1 { parts.append("dilation=\(dilation)") }
        return parts.joined(separator: ", ")
    }

    var expression: String { "F.unfold(x, \(arguments))[0, :, \(column)]" }

    func prompt(language: Language, style: Style) -> String {
        let words = Words(language: language)
        return ExerciseText.repl(question: words("What does the last line print? (column \(column) of the unfolded matrix)",
                                                 "最後一行會印出什麼？（展開矩陣的第 \(column) 欄）"),
                                 [("x", input.repr), (style.bold(expression), nil)], style: style)
    }

    func answerHint(language: Language) -> String { TensorGrading.hint[language] }

    var expectedAnswer: String { result.literal }

    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade {
        // For a wrong shape, trace an entry read from the input rather than padding.
        TensorGrading.grade(answer, expected: result, language: language, style: style,
                            example: sources.firstIndex { $0 > 0 } ?? 0, cellName: { "cols[0, \($0), \(column)]" }) { row in
            trace(row: row, Words(language: language), style)
        }
    }

    /// Row r of the column: kernel offset (c, i, j) of the window at output position (oh, ow), read from input cell
    /// (oh·stride − padding + i·dilation, ow·stride − padding + j·dilation) of channel c, or padding.
    func trace(row r: Int, _ words: Words, _ style: Style) -> [String] {
        guard r < sources.count, r < result.values.count, input.shape.count == 4 else { return [] }
        let (k, s, p, d) = (kernel, stride, padding, dilation)
        let (c, i, j) = (r / (k * k), r / k % k, r % k)
        let (oh, ow) = (column / widthOut, column % widthOut)
        let value = TensorGrid.scalarText(result.values[r])
        var lines = [
            words("row \(r) = (c, i, j) = (\(c), \(i), \(j)): channel \(c), kernel offset (\(i), \(j)); rows are ordered c·\(k)·\(k) + i·\(k) + j",
                  "第 \(r) 列 = (c, i, j) = (\(c), \(i), \(j))：通道 \(c)，核內位置 (\(i), \(j))；列的順序為 c·\(k)·\(k) + i·\(k) + j"),
            words("column \(column) = output position (l ÷ W_out, l mod W_out) = (\(oh), \(ow)) with W_out = \(widthOut)",
                  "第 \(column) 欄 = 輸出位置 (l ÷ W_out, l mod W_out) = (\(oh), \(ow))，W_out = \(widthOut)"),
            words("input row = oh·stride − padding + i·dilation = \(oh)·\(s) − \(p) + \(i)·\(d) = \(oh * s - p + i * d); ",
                  "輸入列 = oh·stride − padding + i·dilation = \(oh)·\(s) − \(p) + \(i)·\(d) = \(oh * s - p + i * d)；") +
            words("input col = \(ow)·\(s) − \(p) + \(j)·\(d) = \(ow * s - p + j * d)",
                  "輸入欄 = \(ow)·\(s) − \(p) + \(j)·\(d) = \(ow * s - p + j * d)"),
        ]
        if sources[r] > 0 {
            let cell = TensorGrid.cellName(Int(sources[r]) - 1, in: input.shape)
            lines.append("→ x\(cell) = " + style.bold(value))
        } else {
            lines.append(words("→ outside the input: padding, ", "→ 在輸入之外：padding，") + style.bold(value))
        }
        return lines
    }

    var check: ExerciseCheck {
        ExerciseCheck(kind: kind.rawValue, setup: ["x = \(pythonTensor(input))"], expression: expression,
                      shown: ["x"], answerType: .tensor)
    }

    var outcome: ExerciseOutcome {
        ExerciseOutcome(shape: result.shape, values: result.values.map(\.asDouble), shownReprs: [input.repr])
    }

    static func make(_ rng: inout ExerciseRNG) throws -> UnfoldColumnExercise {
        let g = rng.engineGenerator()
        // A column has C·k·k entries: at most 9 to type (two channels only with a 2×2 kernel).
        let kernel = rng.int(2...3)
        let shape = [1, kernel == 2 ? rng.int(1...2) : 1, rng.int(3...4), rng.int(3...4)]
        let stride = rng.int(1...2)
        let padding = rng.int(0...1)
        let dilation = kernel == 2 && rng.chance(0.2) ? 2 : 1
        let x = try Tensor.randint(low: 0, high: 10, shape, generator: g).to(.float32)
        let cols = try x.unfold2d(kernel: (kernel, kernel), dilation: (dilation, dilation), padding: (padding, padding),
                                  stride: (stride, stride))
        return try make(x: x, kernel: kernel, stride: stride, padding: padding, dilation: dilation,
                        column: rng.int(0...(cols.shape[2] - 1)))
    }

    /// `F.unfold(x, ...)[0, :, column]` for an input `x` of shape [1, C, H, W].
    static func make(x: Tensor, kernel: Int, stride: Int, padding: Int, dilation: Int, column: Int) throws -> UnfoldColumnExercise {
        let shape = x.shape
        guard shape.count == 4, shape[0] == 1 else { throw TensorError.runtime("expected an input of shape [1, C, H, W]") }
        let cols = try x.unfold2d(kernel: (kernel, kernel), dilation: (dilation, dilation), padding: (padding, padding),
                                  stride: (stride, stride))
        let positions = try Tensor.arange(.int(1), .int(Int64(x.numel + 1))).view(shape).to(.float32)
            .unfold2d(kernel: (kernel, kernel), dilation: (dilation, dilation), padding: (padding, padding),
                      stride: (stride, stride))
        let result = try cols.select(0, 0).select(1, column).contiguous()
        let sources = try positions.select(0, 0).select(1, column).contiguous().toInt64Array()
        let widthOut = ShapeExercise.windowCount(shape[3], kernel, stride, padding, dilation)
        return UnfoldColumnExercise(input: TensorSnapshot(x), kernel: kernel, stride: stride, padding: padding,
                                    dilation: dilation, column: column, result: TensorSnapshot(result), sources: sources,
                                    widthOut: max(widthOut, 1))
    }
}

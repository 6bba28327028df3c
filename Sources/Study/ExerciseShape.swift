import Explain
import MiniTorch
import QuestionBank
import Terminal

/// Shape questions: `F.unfold(...).shape`, `F.conv2d(...).shape`, `(a + b).shape`. The engine runs the op on zero
/// tensors of the given shapes and reports the result's shape (or PyTorch's error, for shapes that do not
/// broadcast). A wrong answer shows the differing dimensions and the formula with the numbers.
struct ShapeExercise: CheckableExercise {
    /// How the answer follows from the inputs, for the feedback.
    enum Geometry: Sendable {
        /// `F.unfold` / `F.conv2d` over an input [N, C, H, W]: per spatial dim the kernel, stride, padding, dilation.
        case window(input: [Int], kernel: [Int], stride: [Int], padding: [Int], dilation: [Int], outChannels: Int?)
        /// Broadcasting `a` with `b`.
        case broadcast(a: [Int], b: [Int])
    }

    let kind: ExerciseKind
    /// `>>> ` lines that build the inputs (nothing printed), then the expression.
    let setup: [String]
    let expression: String
    let geometry: Geometry
    /// The engine's result: a shape, or `.error` with PyTorch's message.
    let expected: AnswerParser.ShapeValue
    let errorMessage: String?

    func prompt(language: Language, style: Style) -> String {
        let words = Words(language: language)
        let question = kind == .broadcastShape
            ? words("What does the last line print? (type `error` if it raises)", "最後一行會印出什麼？（若會報錯請輸入 `error`）")
            : words("What does the last line print?", "最後一行會印出什麼？")
        let steps: [(code: String, output: String?)] = setup.map { ($0, nil) } + [(style.bold(expression), nil)]
        return ExerciseText.repl(question: question, steps, style: style)
    }

    func answerHint(language: Language) -> String {
        Words(language: language)(
            kind == .broadcastShape ? "a shape like [2, 3], (2, 3), 2x3 or torch.Size([2, 3]); or error"
                                    : "a shape like [2, 3], (2, 3), 2x3 or torch.Size([2, 3])",
            kind == .broadcastShape ? "形狀，如 [2, 3]、(2, 3)、2x3 或 torch.Size([2, 3])；或 error"
                                    : "形狀，如 [2, 3]、(2, 3)、2x3 或 torch.Size([2, 3])")
    }

    var expectedAnswer: String {
        switch expected {
        case .shape(let s): return TensorFormatter.sizeString(s)
        case .error: return "error"
        }
    }

    func grade(_ answer: String, language: Language, style: Style) -> ExerciseGrade {
        let words = Words(language: language)
        let typed: AnswerParser.ShapeValue
        switch AnswerParser.shape(answer) {
        case .failure(let reason): return ExerciseText.unreadable(reason, words, hint: answerHint(language: language))
        case .success(let value): typed = value
        }
        if typed == expected {
            let detail = errorMessage.map { "RuntimeError: " + $0 } ?? expectedAnswer
            return ExerciseGrade(correct: true, feedback: ExerciseText.correct(words, style, detail))
        }
        var lines = [ExerciseText.wrong(words, style)]
        switch (expected, typed) {
        case (.error, _):
            lines.append(words("It raises: ", "這行會報錯：") + style.yellow("RuntimeError: " + (errorMessage ?? "")))
        case (.shape(let e), .error):
            lines.append(words("It does not raise; the shape is ", "這行不會報錯；形狀是 ") + TensorFormatter.sizeString(e))
        case (.shape(let e), .shape(let t)):
            // Right-aligned, as broadcasting aligns dims; differing entries highlighted.
            let n = max(e.count, t.count)
            let pad = { (s: [Int]) in [String](repeating: "–", count: n - s.count) + s.map(String.init) }
            let (pe, pt) = (pad(e), pad(t))
            lines += ExerciseText.table([(words("expected", "正確答案"), pe), (words("yours", "你的答案"), pt)],
                                        marked: Set((0..<n).filter { pe[$0] != pt[$0] }), style: style)
        }
        lines.append(words("Why:", "原因："))
        lines += explanation(words, style).map { "  " + $0 }
        return ExerciseGrade(correct: false, feedback: lines.joined(separator: "\n"))
    }

    /// The formula with this exercise's numbers.
    func explanation(_ words: Words, _ style: Style) -> [String] {
        switch geometry {
        case let .window(input, kernel, stride, padding, dilation, outChannels):
            var lines = [style.cyan("out = ⌊(in + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1")]
            var spatial: [Int] = []
            for (d, name) in ["H", "W"].enumerated() {
                let (n, k, s, p, dl) = (input[2 + d], kernel[d], stride[d], padding[d], dilation[d])
                let o = ShapeExercise.windowCount(n, k, s, p, dl)
                spatial.append(o)
                lines.append("\(name)_out = ⌊(\(n) + 2·\(p) − \(dl)·(\(k) − 1) − 1) / \(s)⌋ + 1 = ⌊\(n + 2 * p - dl * (k - 1) - 1)/\(s)⌋ + 1 = \(o)")
            }
            if let o = outChannels {
                lines.append(words("conv2d: [N, out_channels = w.shape[0], H_out, W_out] = ",
                                   "conv2d：[N, out_channels = w.shape[0], H_out, W_out] = ") +
                             shapeList([input[0], o] + spatial))
            } else {
                let rows = input[1] * kernel[0] * kernel[1]
                lines.append(words("unfold: [N, C·kh·kw, L = H_out·W_out] = [\(input[0]), \(input[1])·\(kernel[0])·\(kernel[1]), \(spatial[0])·\(spatial[1])] = ",
                                   "unfold：[N, C·kh·kw, L = H_out·W_out] = [\(input[0]), \(input[1])·\(kernel[0])·\(kernel[1]), \(spatial[0])·\(spatial[1])] = ") +
                             shapeList([input[0], rows, spatial[0] * spatial[1]]))
            }
            return lines
        case let .broadcast(a, b):
            var lines = [words("Align the shapes on the right; per dim the sizes must be equal or one of them 1 (a missing dim counts as 1):",
                               "把兩個形狀靠右對齊；每一維大小須相等或其中一個是 1（缺少的維度視為 1）：")]
            let n = max(a.count, b.count)
            for i in 1...max(n, 1) where n > 0 {
                let sa = i <= a.count ? a[a.count - i] : nil
                let sb = i <= b.count ? b[b.count - i] : nil
                let ta = sa.map(String.init) ?? "–", tb = sb.map(String.init) ?? "–"
                let (x, y) = (sa ?? 1, sb ?? 1)
                let verdict: String
                if sa == nil || sb == nil {
                    verdict = words("missing counts as 1 → \(max(x, y))", "缺少的維度視為 1 → \(max(x, y))")
                } else if x == y {
                    verdict = words("equal → \(x)", "相等 → \(x)")
                } else if x == 1 || y == 1 {
                    verdict = words("one is 1 → \(max(x, y))", "其一為 1 → \(max(x, y))")
                } else {
                    verdict = style.yellow(words("\(x) ≠ \(y), neither is 1 → error", "\(x) ≠ \(y)，且都不是 1 → 報錯"))
                }
                lines.append("dim \(-i): a \(ta), b \(tb): " + verdict)
            }
            if let m = errorMessage { lines.append("RuntimeError: " + m) }
            return lines
        }
    }

    func shapeList(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }

    var check: ExerciseCheck {
        ExerciseCheck(kind: kind.rawValue, setup: setup, expression: expression, shown: [], answerType: .shape)
    }

    var outcome: ExerciseOutcome {
        switch expected {
        case .shape(let s): return ExerciseOutcome(shape: s)
        case .error: return ExerciseOutcome(error: true, errorMessage: errorMessage)
        }
    }

    // MARK: generation

    /// `⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1`, for the feedback's arithmetic (the answer itself is the engine's).
    static func windowCount(_ n: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> Int {
        let span = n + 2 * p - d * (k - 1) - 1
        return span < 0 ? 0 : span / s + 1
    }

    /// `3` or `(2, 3)`: a Python int when both entries are equal.
    static func pair(_ v: [Int]) -> String { v[0] == v[1] ? "\(v[0])" : "(\(v[0]), \(v[1]))" }

    /// Window arguments drawn so the output has at least one position (H, W ≥ 5 ≥ the dilated kernel).
    static func window(_ rng: inout ExerciseRNG) -> (input: [Int], k: [Int], s: [Int], p: [Int], d: [Int]) {
        let input = [rng.int(1...2), rng.int(1...3), rng.int(5...9), rng.int(5...9)]
        let square = rng.chance(0.75)
        let draw = { (rng: inout ExerciseRNG, r: ClosedRange<Int>) -> [Int] in
            let a = rng.int(r)
            return square ? [a, a] : [a, rng.int(r)]
        }
        // Kernel 1 only now and then (its window is a single cell).
        let k = rng.chance(0.15) ? [1, 1] : draw(&rng, 2...3)
        let s = draw(&rng, 1...3)
        let p = draw(&rng, 0...2)
        let d = rng.chance(0.25) ? draw(&rng, 1...2) : [1, 1]
        return (input, k, s, p, d)
    }

    /// `, stride=2, padding=1`: the arguments that differ from their defaults (all of them with `all`).
    static func windowArguments(s: [Int], p: [Int], d: [Int], all: Bool) -> String {
        var parts: [String] = []
        if all || s != [1, 1] { parts.append("stride=\(pair(s))") }
        if all || p != [0, 0] { parts.append("padding=\(pair(p))") }
        if all || d != [1, 1] { parts.append("dilation=\(pair(d))") }
        return parts.map { ", " + $0 }.joined()
    }

    static func zerosLine(_ name: String, _ shape: [Int]) -> String {
        "\(name) = torch.zeros(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    static func unfold(_ rng: inout ExerciseRNG) throws -> ShapeExercise {
        let (input, k, s, p, d) = window(&rng)
        return try unfold(input: input, kernel: k, stride: s, padding: p, dilation: d, showDefaults: rng.chance(0.3))
    }

    /// `F.unfold(x, kernel_size=k, ...).shape` for `x = torch.zeros(input)`; stride/padding/dilation are written when
    /// they differ from their defaults, or always with `showDefaults`.
    static func unfold(input: [Int], kernel k: [Int], stride s: [Int], padding p: [Int], dilation d: [Int],
                       showDefaults: Bool) throws -> ShapeExercise {
        let args = windowArguments(s: s, p: p, d: d, all: showDefaults)
        let out = try Tensor.zeros(input).unfold2d(kernel: (k[0], k[1]), dilation: (d[0], d[1]),
                                                   padding: (p[0], p[1]), stride: (s[0], s[1]))
        return ShapeExercise(kind: .unfoldShape, setup: [zerosLine("x", input)],
                             expression: "F.unfold(x, kernel_size=\(pair(k))\(args)).shape",
                             geometry: .window(input: input, kernel: k, stride: s, padding: p, dilation: d, outChannels: nil),
                             expected: .shape(out.shape), errorMessage: nil)
    }

    static func conv(_ rng: inout ExerciseRNG) throws -> ShapeExercise {
        let (input, k, s, p, d) = window(&rng)
        let o = rng.int(2...8)
        return try conv(input: input, outChannels: o, kernel: k, stride: s, padding: p, dilation: d,
                        showDefaults: rng.chance(0.3))
    }

    /// `F.conv2d(x, w, ...).shape` for `x = torch.zeros(input)`, `w = torch.zeros(o, C, kh, kw)`.
    static func conv(input: [Int], outChannels o: Int, kernel k: [Int], stride s: [Int], padding p: [Int],
                     dilation d: [Int], showDefaults: Bool) throws -> ShapeExercise {
        let args = windowArguments(s: s, p: p, d: d, all: showDefaults)
        let weight = [o, input[1], k[0], k[1]]
        let out = try Functional.conv2d(Tensor.zeros(input), Tensor.zeros(weight), stride: (s[0], s[1]),
                                        padding: (p[0], p[1]), dilation: (d[0], d[1]))
        return ShapeExercise(kind: .convShape, setup: [zerosLine("x", input), zerosLine("w", weight)],
                             expression: "F.conv2d(x, w\(args)).shape",
                             geometry: .window(input: input, kernel: k, stride: s, padding: p, dilation: d, outChannels: o),
                             expected: .shape(out.shape), errorMessage: nil)
    }

    /// Two shapes built from one target shape (each dim kept or set to 1, leading dims dropped); about a quarter of
    /// the time one size of `b` is changed so that it clashes. The engine's `a + b` decides.
    static func broadcast(_ rng: inout ExerciseRNG) throws -> ShapeExercise {
        let rank = rng.int(1...4)
        let target = (0..<rank).map { _ in rng.int(2...5) }
        func operand(_ rng: inout ExerciseRNG) -> [Int] {
            let drop = rng.int(0...(rank - 1))
            return target.dropFirst(drop).map { rng.chance(0.35) ? 1 : $0 }
        }
        let a = operand(&rng)
        var b = operand(&rng)
        // Two equal shapes teach nothing: draw b again (a few times).
        for _ in 0..<4 where b == a { b = operand(&rng) }
        if rng.chance(0.3) {
            // Clash at a dim both have where a's size is not 1.
            let shared = (1...min(a.count, b.count)).filter { a[a.count - $0] != 1 }
            if !shared.isEmpty {
                let i = rng.pick(shared)
                b[b.count - i] = a[a.count - i] + rng.int(1...2)
            }
        }
        return try broadcast(a: a, b: b)
    }

    /// `(a + b).shape` for `a = torch.zeros(a)`, `b = torch.zeros(b)`, or PyTorch's error.
    static func broadcast(a: [Int], b: [Int]) throws -> ShapeExercise {
        let expected: AnswerParser.ShapeValue
        var message: String?
        do {
            expected = .shape(try Tensor.zeros(a).add(Tensor.zeros(b)).shape)
        } catch let e as TensorError {
            expected = .error
            message = e.message
        }
        return ShapeExercise(kind: .broadcastShape, setup: [zerosLine("a", a), zerosLine("b", b)],
                             expression: "(a + b).shape", geometry: .broadcast(a: a, b: b),
                             expected: expected, errorMessage: message)
    }
}

import Testing
import MiniTorch
import QuestionBank
import Terminal
@testable import Study

// Feedback on wrong answers, in English and Chinese: the differing cells (or dims) highlighted — brackets without
// colour — and the trace of one cell or the formula with the numbers. Inputs are fixed here; every answer is the
// engine's (its agreement with PyTorch is ExerciseVectorTests' job). The expected numbers in the comments were
// worked by hand from the formulas and agree with PyTorch 2.15.
@Suite("ExerciseFeedbackTests") struct ExerciseFeedbackTests {
    static let plain = Style(enabled: false)
    static let colour = Style(enabled: true)

    static func t(_ values: [Int64], _ shape: [Int]) -> Tensor { Tensor(values, shape: shape) }

    /// torch.gather([[1, 2], [3, 4]], 1, [[0, 0], [1, 0]]) = [[1, 1], [4, 3]]
    static func gather() throws -> IndexExercise {
        try IndexExercise.gather(t([1, 2, 3, 4], [2, 2]), 1, t([0, 0, 1, 0], [2, 2]), functionForm: true)
    }

    @Test func gatherPromptAndCorrectAnswer() throws {
        let e = try Self.gather()
        #expect(e.prompt(language: .en, style: Self.plain) == """
            What does the last line print?
            >>> x
            tensor([[1, 2],
                    [3, 4]])
            >>> idx
            tensor([[0, 0],
                    [1, 0]])
            >>> torch.gather(x, 1, idx)
            """)
        #expect(e.prompt(language: .zh, style: Self.plain).hasPrefix("最後一行會印出什麼？\n>>> x\n"))
        #expect(e.expectedAnswer == "[[1, 1], [4, 3]]")
        let right = e.grade("tensor([[1, 1],\n        [4, 3]])", language: .en, style: Self.plain)
        #expect(right.correct && right.feedback == "Correct. [[1, 1], [4, 3]]")
    }

    @Test func gatherWrongCellIsMarkedAndTraced() throws {
        let e = try Self.gather()
        let en = e.grade("[[1, 1], [4, 4]]", language: .en, style: Self.plain)
        #expect(!en.correct && en.unreadable == nil)
        #expect(en.feedback == """
            Not quite. 1 of 4 cells differ (highlighted).
            expected    yours
             1  1        1  1
             4 [3]       4 [4]
            Expected: [[1, 1], [4, 3]]
            Where out[1][1] comes from:
              out[1][1] = input[1][index[1][1]] = input[1][0] = 3
            """)
        let zh = e.grade("[[1, 1], [4, 4]]", language: .zh, style: Self.plain)
        #expect(zh.feedback.hasPrefix("不對。 4 格中有 1 格不同（已標記）。\n正確答案    你的答案\n"))
        #expect(zh.feedback.hasSuffix("out[1][1] 的來源：\n  out[1][1] = input[1][index[1][1]] = input[1][0] = 3"))
        // With colour the cell is coloured instead of bracketed.
        let coloured = e.grade("[[1, 1], [4, 4]]", language: .en, style: Self.colour)
        #expect(coloured.feedback.contains(" \u{1B}[1;33m3\u{1B}[0m "))
        #expect(!coloured.feedback.contains("[3]"))
    }

    @Test func wrongShapeShowsExpectedGrid() throws {
        let e = try Self.gather()
        let g = e.grade("[1, 1, 4, 3]", language: .en, style: Self.plain)
        #expect(g.feedback.hasPrefix("Not quite. Expected shape torch.Size([2, 2]), your answer has shape torch.Size([4]).\nexpected\n 1  1\n 4  3\n"))
        #expect(g.feedback.contains("out[0][0] = input[0][index[0][0]] = input[0][0] = 1"))
    }

    /// zeros(2, 3).scatter_add(1, [[0, 0], [2, 1]], [[5, 6], [7, 8]]) = [[11, 0, 0], [0, 8, 7]]
    @Test func scatterAddCollisionTrace() throws {
        let e = try IndexExercise.scatter(Tensor.zeros([2, 3], dtype: .int64), 1, Self.t([0, 0, 2, 1], [2, 2]),
                                          Self.t([5, 6, 7, 8], [2, 2]), add: true, functionForm: false)
        #expect(e.expectedAnswer == "[[11, 0, 0], [0, 8, 7]]")
        let g = e.grade("[[6, 0, 0], [0, 8, 7]]", language: .en, style: Self.plain)
        #expect(g.feedback.hasSuffix("""
            Where out[0][0] comes from:
              self[0][index[0][0]] = self[0][0] += src[0][0] = 5
              self[0][index[0][1]] = self[0][0] += src[0][1] = 6
              self[0][0] = 0 + src[0][0] + src[0][1] = 11
            """))
        let untouched = e.grade("[[11, 1, 0], [0, 8, 7]]", language: .zh, style: Self.plain)
        #expect(untouched.feedback.hasSuffix("out[0][1] 的來源：\n  index 沒有指向 self[0][1]：保持原值 0"))
    }

    /// x.scatter(0, [[1, 1]], 7) on [[1, 2], [3, 4]] = [[1, 2], [7, 7]]
    @Test func scatterValueTrace() throws {
        let x = Self.t([1, 2, 3, 4], [2, 2]), idx = Self.t([1, 1], [1, 2])
        let e = IndexExercise(op: .scatter, input: TensorSnapshot(x), dim: 0, index: TensorSnapshot(idx), src: nil,
                              value: .int(7), functionForm: false,
                              result: TensorSnapshot(try x.scatter(0, idx, value: .int(7))))
        #expect(e.prompt(language: .en, style: Self.plain).hasSuffix(">>> x.scatter(0, idx, 7)"))
        #expect(e.expectedAnswer == "[[1, 2], [7, 7]]")
        #expect(e.grade("[[1, 2], [7, 4]]", language: .en, style: Self.plain).feedback.hasSuffix(
            "Where out[1][1] comes from:\n  self[index[0][1]][1] = self[1][1] = 7"))
        // A wrong shape traces a cell the op wrote (out[1][0]), not the untouched out[0][0].
        #expect(e.grade("[7, 7]", language: .en, style: Self.plain).feedback.hasSuffix(
            "Where out[1][0] comes from:\n  self[index[0][0]][0] = self[1][0] = 7"))
        #expect(e.grade("[[7, 2], [7, 7]]", language: .zh, style: Self.plain).feedback.hasSuffix(
            "out[0][0] 的來源：\n  index 沒有指向 self[0][0]：保持原值 1"))
    }

    @Test func unfoldColumnTraceNamesTheInputCellOrPadding() throws {
        // x = 1..9 as [1, 1, 3, 3]; F.unfold(x, kernel_size=2, padding=1) has 4×4 windows; column 5 is the window at
        // (1, 1), input rows 0…1 and cols 0…1: [1, 2, 4, 5].
        let x = try Tensor.arange(.int(1), .int(10)).view([1, 1, 3, 3]).to(.float32)
        let e = try UnfoldColumnExercise.make(x: x, kernel: 2, stride: 1, padding: 1, dilation: 1, column: 5)
        #expect(e.expectedAnswer == "[1.0, 2.0, 4.0, 5.0]")
        #expect(e.grade("[1, 2, 4, 5]", language: .en, style: Self.plain).correct)
        let g = e.grade("[1, 2, 4, 6]", language: .en, style: Self.plain)
        #expect(g.feedback.hasSuffix("""
            Where cols[0, 3, 5] comes from:
              row 3 = (c, i, j) = (0, 1, 1): channel 0, kernel offset (1, 1); rows are ordered c·2·2 + i·2 + j
              column 5 = output position (l ÷ W_out, l mod W_out) = (1, 1) with W_out = 4
              input row = oh·stride − padding + i·dilation = 1·1 − 1 + 1·1 = 1; input col = 1·1 − 1 + 1·1 = 1
              → x[0][0][1][1] = 5.
            """))
        let corner = try UnfoldColumnExercise.make(x: x, kernel: 2, stride: 1, padding: 1, dilation: 1, column: 0)
        let zh = corner.grade("[1, 0, 0, 1]", language: .zh, style: Self.plain)
        #expect(zh.feedback.contains("第 0 列 = (c, i, j) = (0, 0, 0)"))
        #expect(zh.feedback.hasSuffix("→ 在輸入之外：padding，0."))
        // A wrong shape traces an entry read from the input, not padding: row 3 of the corner window is x[0][0][0][0].
        let shape = corner.grade("[0, 0, 0]", language: .en, style: Self.plain)
        #expect(shape.feedback.contains("Where cols[0, 3, 0] comes from:"))
        #expect(shape.feedback.hasSuffix("→ x[0][0][0][0] = 1."))
    }

    @Test func convShapeFormulaWithNumbers() throws {
        // H: ⌊(5 + 2 − 2 − 1)/2⌋ + 1 = 3; W: ⌊(7 + 2 − 2 − 1)/2⌋ + 1 = 4
        let e = try ShapeExercise.conv(input: [1, 3, 5, 7], outChannels: 4, kernel: [3, 3], stride: [2, 2],
                                       padding: [1, 1], dilation: [1, 1], showDefaults: false)
        #expect(e.prompt(language: .en, style: Self.plain).hasSuffix("""
            >>> x = torch.zeros(1, 3, 5, 7)
            >>> w = torch.zeros(4, 3, 3, 3)
            >>> F.conv2d(x, w, stride=2, padding=1).shape
            """))
        #expect(e.expectedAnswer == "torch.Size([1, 4, 3, 4])")
        for typed in ["[1, 4, 3, 4]", "(1, 4, 3, 4)", "1x4x3x4", "torch.Size([1, 4, 3, 4])"] {
            #expect(e.grade(typed, language: .en, style: Self.plain).correct, "\(typed)")
        }
        let g = e.grade("[1, 4, 4, 4]", language: .en, style: Self.plain)
        #expect(g.feedback == """
            Not quite.
              expected  1  4 [3] 4
              yours     1  4 [4] 4
            Why:
              out = ⌊(in + 2·padding − dilation·(kernel − 1) − 1) / stride⌋ + 1
              H_out = ⌊(5 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊4/2⌋ + 1 = 3
              W_out = ⌊(7 + 2·1 − 1·(3 − 1) − 1) / 2⌋ + 1 = ⌊6/2⌋ + 1 = 4
              conv2d: [N, out_channels = w.shape[0], H_out, W_out] = [1, 4, 3, 4]
            """)
        #expect(e.grade("[1, 4, 4, 4]", language: .zh, style: Self.plain).feedback.contains("原因："))
    }

    @Test func unfoldShapeFormula() throws {
        // L = 3·3 = 9 windows of C·kh·kw = 2·2·2 = 8 values
        let e = try ShapeExercise.unfold(input: [1, 2, 4, 4], kernel: [2, 2], stride: [1, 1], padding: [0, 0],
                                         dilation: [1, 1], showDefaults: false)
        #expect(e.expectedAnswer == "torch.Size([1, 8, 9])")
        let g = e.grade("[1, 4, 9]", language: .en, style: Self.plain)
        #expect(g.feedback.contains("unfold: [N, C·kh·kw, L = H_out·W_out] = [1, 2·2·2, 3·3] = [1, 8, 9]"))
        #expect(g.feedback.contains("expected  1 [8] 9"))
    }

    @Test func broadcastErrorAndPerDimRule() throws {
        let bad = try ShapeExercise.broadcast(a: [2, 3], b: [4])
        #expect(bad.expectedAnswer == "error")
        #expect(bad.grade("error", language: .en, style: Self.plain).correct)
        let g = bad.grade("[2, 4]", language: .en, style: Self.plain)
        #expect(g.feedback == """
            Not quite.
            It raises: RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1
            Why:
              Align the shapes on the right; per dim the sizes must be equal or one of them 1 (a missing dim counts as 1):
              dim -1: a 3, b 4: 3 ≠ 4, neither is 1 → error
              dim -2: a 2, b –: missing counts as 1 → 2
              RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1
            """)
        let good = try ShapeExercise.broadcast(a: [2, 1, 3], b: [4, 1])
        #expect(good.expectedAnswer == "torch.Size([2, 4, 3])")
        let zh = good.grade("error", language: .zh, style: Self.plain)
        #expect(zh.feedback.hasPrefix("不對。\n這行不會報錯；形狀是 torch.Size([2, 4, 3])\n原因："))
        #expect(zh.feedback.contains("dim -2: a 1, b 4: 其一為 1 → 4"))
        let rank = good.grade("[4, 3]", language: .en, style: Self.plain)
        #expect(rank.feedback.contains("expected [2] 4  3"))
        #expect(rank.feedback.contains("yours    [–] 4  3"))
    }

    @Test func dtypeRuleWithTheseOperands() throws {
        let a = DTypeExercise.Operand(form: .tensor, source: "torch.tensor([1, 2])", dtype: .int64, values: [.int(1), .int(2)],
                                      explicitDType: nil)
        let b = DTypeExercise.Operand(form: .number, source: "1.5", dtype: .float64, values: [.double(1.5)], explicitDType: nil)
        let e = try DTypeExercise.make(a, "+", b)
        #expect(e.prompt(language: .en, style: Self.plain) == """
            What does the last line print?
            >>> a = torch.tensor([1, 2])
            >>> (a + 1.5).dtype
            """)
        #expect(e.expectedAnswer == "torch.float32")
        for typed in ["torch.float32", "float32", "float", "torch.float"] {
            #expect(e.grade(typed, language: .en, style: Self.plain).correct, "\(typed)")
        }
        let g = e.grade("torch.float64", language: .en, style: Self.plain)
        #expect(g.feedback.hasPrefix("Not quite. Expected torch.float32, not torch.float64.\nWhy:\n  a: a tensor with dims, torch.int64\n  1.5: a Python float\n"))
        #expect(g.feedback.hasSuffix("1.5 is of a higher category than a, so it counts: promote_types(torch.int64, torch.float32) = torch.float32 (a Python float stands for the default dtype)."))

        let i32 = DTypeExercise.Operand(form: .tensor, source: "torch.tensor([1, 2], dtype=torch.int32)", dtype: .int32,
                                        values: [.int(1), .int(2)], explicitDType: .int32)
        let same = try DTypeExercise.make(i32, "*", a)
        #expect(same.expectedAnswer == "torch.int64")
        #expect(same.grade("int32", language: .zh, style: Self.plain).feedback.hasSuffix(
            "同一優先級：promote_types(torch.int32, torch.int64) = torch.int64。"))

        let divided = try DTypeExercise.make(i32, "/", DTypeExercise.Operand(form: .number, source: "2", dtype: .int64,
                                                                              values: [.int(2)], explicitDType: nil))
        #expect(divided.expectedAnswer == "torch.float32")
        #expect(divided.grade("int32", language: .en, style: Self.plain).feedback.hasSuffix(
            "`/` is true division: integer (and bool) operands give the default float dtype, torch.float32."))

        let zeroDim = DTypeExercise.Operand(form: .zeroDim, source: "torch.tensor(5)", dtype: .int64, values: [.int(5)],
                                            explicitDType: nil)
        let kept = try DTypeExercise.make(i32, "+", zeroDim)
        #expect(kept.expectedAnswer == "torch.int32")
        #expect(kept.grade("int64", language: .en, style: Self.plain).feedback.hasSuffix(
            "b is not of a higher category than a, so a's dtype is kept: torch.int32."))
    }

    @Test func dataParallelChunks() throws {
        let ten = try ChunksExercise.make(rows: 10, features: 8, gpus: 4)
        #expect(ten.expectedAnswer == "3, 3, 3, 1")
        #expect(ten.grade("[3, 3, 3, 1]", language: .en, style: Self.plain).correct)
        let g = ten.grade("3, 3, 2, 2", language: .en, style: Self.plain)
        #expect(g.feedback == """
            Not quite.
                        cuda:0  cuda:1  cuda:2  cuda:3
              expected       3       3      [3]     [1]
              yours          3       3      [2]     [2]
            Why:
              DataParallel scatters x with x.chunk(4, dim=0): every chunk has ⌈N/G⌉ = ⌈10/4⌉ = 3 rows, the last one what is left.
            """)
        let five = try ChunksExercise.make(rows: 5, features: 8, gpus: 4)
        #expect(five.expectedAnswer == "2, 2, 1")
        let zh = five.grade("2, 1, 1, 1", language: .zh, style: Self.plain)
        #expect(zh.feedback.hasSuffix("只有 3 塊，所以只跑 3 個副本；其餘 1 張 GPU 閒置。"))
        #expect(zh.feedback.contains("[–]"))
    }
}

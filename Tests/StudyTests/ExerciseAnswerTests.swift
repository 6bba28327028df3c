import Testing
import MiniTorch
import QuestionBank
import Terminal
@testable import Study

// The lenient answer parser: the forms a learner may type are read, wrong values stay wrong, and anything else is
// "unreadable" with a message — never a trap (fuzzed with random strings).
@Suite("ExerciseAnswerTests") struct ExerciseAnswerTests {
    func tensor(_ s: String) -> AnswerParser.TensorValue? { try? AnswerParser.tensor(s).get() }

    @Test func tensorLiteralsInManyForms() {
        let expected = AnswerParser.TensorValue(shape: [2, 2], values: [.int(1), .int(2), .int(3), .int(4)])
        for text in ["[[1, 2], [3, 4]]", "[[1,2],[3,4]]", "  [ [1 , 2] , [3 , 4] ]  ", "[[1, 2,], [3, 4,],]",
                     "tensor([[1, 2], [3, 4]])", "tensor([[1, 2],\n        [3, 4]])", "torch.tensor([[1, 2], [3, 4]])",
                     "tensor([[1, 2], [3, 4]], dtype=torch.int32)", "((1, 2), (3, 4))", "[[1, 2], [3, 4]];"] {
            #expect(tensor(text) == expected, "\(text)")
        }
        // Floats as PyTorch prints them; compared by value when graded.
        let floats = tensor("tensor([1., 1.0, 1.5000, -2.])")
        #expect(floats?.shape == [4])
        #expect(floats?.values.map(\.asDouble) == [1, 1, 1.5, -2])
        #expect(tensor("5")?.shape == [])
        #expect(tensor("[]")?.shape == [0])
    }

    @Test func unreadableTensors() {
        for text in ["", "   ", "[[1, 2], [3]]", "[1, 2", "[1, x]", "hello", "tensor([1, 2], 5)", "[1, 2]]",
                     String(repeating: "[", count: 5000)] {
            if case .success(let v) = AnswerParser.tensor(text) { Issue.record("read \(text) as \(v)") }
        }
        if case .failure(let reason) = AnswerParser.tensor("[[1, 2], [3]]") {
            #expect(reason.en == "the rows have different lengths")
            #expect(reason.zh == "各列長度不一致")
        }
    }

    @Test func shapesInManyForms() {
        for text in ["[2, 3]", "(2, 3)", "2x3", "2 x 3", "2×3", "torch.Size([2, 3])", "Size([2, 3])", "[2,3,]", "2, 3",
                     " TORCH.SIZE([2, 3]) "] {
            #expect((try? AnswerParser.shape(text).get()) == .shape([2, 3]), "\(text)")
        }
        #expect((try? AnswerParser.shape("torch.Size([])").get()) == .shape([]))
        #expect((try? AnswerParser.shape("(4,)").get()) == .shape([4]))
        for text in ["error", "Error", "RuntimeError", "raises", "錯誤", "RuntimeError: The size of tensor a"] {
            #expect((try? AnswerParser.shape(text).get()) == .error, "\(text)")
        }
        for text in ["[2, a]", "two by three", "[[2, 3]]", "2.5x3", "-", "[-1, 3]"] {
            if case .success(let v) = AnswerParser.shape(text) { Issue.record("read \(text) as \(v)") }
        }
    }

    @Test func dtypesInManyForms() {
        let cases: [(String, DType)] = [("torch.float32", .float32), ("float32", .float32), ("float", .float32),
                                        ("torch.float", .float32), ("FloatTensor", .float32), ("dtype=torch.int64", .int64),
                                        ("long", .int64), ("torch.int", .int32), ("double", .float64), ("torch.bool", .bool),
                                        (" Float32 ", .float32)]
        for (text, d) in cases { #expect((try? AnswerParser.dtype(text).get()) == d, "\(text)") }
        for text in ["torch.float16", "f32", "tensor", ""] {
            if case .success(let v) = AnswerParser.dtype(text) { Issue.record("read \(text) as \(v)") }
        }
    }

    @Test func chunkListsInManyForms() {
        for text in ["3,3,3,1", "3, 3, 3, 1", "[3, 3, 3, 1]", "(3, 3, 3, 1)", "3 3 3 1", "[3, 3, 3, 1,]"] {
            #expect((try? AnswerParser.counts(text).get()) == [3, 3, 3, 1], "\(text)")
        }
        for text in ["", "[]", "3, x", "3.5, 1", "[[3, 1]]", "-3, 1"] {
            if case .success(let v) = AnswerParser.counts(text) { Issue.record("read \(text) as \(v)") }
        }
    }

    /// Random strings (from the characters answers are made of, plus some others) never trap, in any grader.
    @Test func fuzzNeverTraps() {
        var rng = ExerciseRNG(seed: 2024)
        var g = ExerciseGenerator(seed: 11)
        let exercises = ExerciseKind.allCases.map { g.next($0) }
        let alphabet = Array("[](),. 0123456789-+xX×eEtensorSizedyp=_:;'\"\n\t\\{}<>TrueFals錯誤é🙂") + ["\u{0}", "\u{1B}"]
        var unreadable = 0
        for i in 0..<3000 {
            let length = rng.int(0...40)
            var text = String((0..<length).map { _ in rng.pick(alphabet) })
            if i % 3 == 0 { text = "[" + text + "]" }
            if i % 5 == 0 { text = "tensor(" + text + ")" }
            let e = exercises[i % exercises.count]
            let language: Language = i % 2 == 0 ? .en : .zh
            let grade = e.grade(text, language: language, style: Style(enabled: i % 4 == 0))
            if let message = grade.unreadable {
                unreadable += 1
                #expect(!grade.correct && !message.isEmpty)
            }
        }
        #expect(unreadable > 1000)
    }

    @Test func unreadableGradeSaysWhatToType() {
        var g = ExerciseGenerator(seed: 1)
        let e = g.next(.gather)
        let en = e.grade("what?", language: .en, style: Style(enabled: false))
        #expect(!en.correct)
        #expect(en.unreadable == "not a tensor literal ('what?' is not a number at column 1)")
        #expect(en.feedback.hasPrefix("Could not read the answer: not a tensor literal"))
        #expect(en.feedback.hasSuffix("Type a tensor literal like [[1, 2], [3, 4]] (tensor(...) optional)."))
        let zh = e.grade("", language: .zh, style: Style(enabled: false))
        #expect(zh.unreadable == "沒有輸入內容")
        #expect(zh.feedback == "看不懂這個答案：沒有輸入內容。請輸入：張量字面值，如 [[1, 2], [3, 4]]（可加 tensor(...)）。")
    }
}

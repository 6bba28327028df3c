import Foundation
import Testing
@testable import QuestionBank

/// The content format (SPEC §2 and the brief of issue 2). Expected values are read off the fixtures in
/// Fixtures.swift (line numbers counted in the fixture text).
@Suite struct ContentParserTests {
    @Test func parsesFrontMatterAndSections() throws {
        let q = try ContentFormat.parse(text: Fixtures.recall, path: "Content/recall.md")
        #expect(q.id == "grad-accum")
        #expect(q.topic == "autograd")
        #expect(q.tags == ["pytorch", "backward"])
        #expect(q.difficulty == 2)
        #expect(q.source == .original)
        #expect(q.kind == .recall)
        #expect(q.explain == "backward")
        #expect(q.prompt == Localized(zh: "為什麼每次迭代前要把梯度清零？", en: "Why zero the gradients before every iteration?"))
        #expect(q.answer.en == "`backward()` *accumulates* the gradient into `.grad`; back-propagation never overwrites it.")
        #expect(q.correction?.zh == "常見說法「`eval()` 會關掉梯度」是錯的。")
        #expect(q.choices.isEmpty)
        #expect(q.path == "Content/recall.md")
        #expect(q.title(.zh) == "為什麼每次迭代前要把梯度清零？")
        #expect(q.demo.hasPrefix("Calling backward twice adds up:\n\n```python\n>>> import torch\n"))
    }

    @Test func parsesDemoTranscriptsDoctestStyle() throws {
        let q = try ContentFormat.parse(text: Fixtures.recall, path: "recall.md")
        #expect(q.demos == [
            DemoExample(block: 0, position: 0, source: "import torch", expected: "", line: 39),
            DemoExample(block: 0, position: 1, source: "x = torch.ones(2, requires_grad=True)", expected: "", line: 40),
            DemoExample(block: 0, position: 2, source: "for _ in range(2):\n    (x * 3).sum().backward()\n", expected: "", line: 41),
            DemoExample(block: 0, position: 3, source: "x.grad", expected: "tensor([6., 6.])", line: 44),
            DemoExample(block: 1, position: 0, source: "print(\"a\\n\\nb\")", expected: "a\n\nb", line: 49),
            DemoExample(block: 1, position: 1, source: "1 / 0",
                        expected: "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\nZeroDivisionError: division by zero",
                        line: 53),
        ])
        #expect(q.demos[5].expectedException == "ZeroDivisionError: division by zero")
        #expect(q.demos[3].expectedException == nil)
        #expect(q.demoBlocks.map { $0.count } == [4, 2])
    }

    @Test func parsesChoices() throws {
        let q = try ContentFormat.parse(text: Fixtures.choice, path: "choice.md")
        #expect(q.kind == .choice)
        #expect(q.choices == [
            Choice(position: 0, isCorrect: true, text: Localized(zh: "`device_ids[0]`", en: "`device_ids[0]`")),
            Choice(position: 1, isCorrect: false, text: Localized(zh: "最後一張卡", en: "the last GPU")),
        ])
        #expect(q.correction == nil)
        #expect(q.explain == nil)
    }

    @Test func quotedTagsAndComments() throws {
        let q = try ContentFormat.parse(text: Fixtures.conv, path: "conv.md")
        #expect(q.tags == ["caffe", "im2col", "gemm, blocked"])
        let commented = Fixtures.conv
            .replacingOccurrences(of: "difficulty: 3\n", with: "difficulty: 3                 # 1..3\n")
            .replacingOccurrences(of: "tags: [caffe, im2col, \"gemm, blocked\"]", with: "tags:\n  - caffe\n  - im2col # the layout\n  - \"gemm, blocked\"")
        #expect(try ContentFormat.parse(text: commented, path: "conv.md").tags == ["caffe", "im2col", "gemm, blocked"])
        #expect(try ContentFormat.parse(text: commented, path: "conv.md").difficulty == 3)
    }

    @Test func renderReproducesCanonicalFiles() throws {
        for text in [Fixtures.recall, Fixtures.choice, Fixtures.conv] {
            let q = try ContentFormat.parse(text: text, path: "x.md")
            #expect(ContentFormat.render(q) == text)
        }
    }

    @Test func renderQuotesWhatYAMLWouldMisread() throws {
        var q = try ContentFormat.parse(text: Fixtures.conv, path: "x.md")
        q.topic = "a # b"
        q.tags = ["x: y", "it's", "back\\slash \"q\""]
        q.explain = "- dash"
        let again = try ContentFormat.parse(text: ContentFormat.render(q), path: "x.md")
        #expect(again.topic == q.topic)
        #expect(again.tags == q.tags)
        #expect(again.explain == q.explain)
    }

    @Test func directoryParsingIsRecursiveSortedAndSkipsReadme() throws {
        let dir = try Fixtures.directory([
            "b/conv.md": Fixtures.conv, "a.md": Fixtures.recall, "README.md": "# not a question\n", "notes.txt": "x",
        ])
        let questions = try ContentFormat.parse(directory: dir)
        #expect(questions.map(\.id) == ["grad-accum", "im2col-conv"])
        #expect(questions.map(\.path) == [dir.path + "/a.md", dir.path + "/b/conv.md"])
    }
}

/// Malformed files: each problem is reported as `path:line: message` (the line counted in the file).
@Suite struct MalformedContentTests {
    func issues(_ text: String, path: String = "bad.md") -> [String] {
        do {
            _ = try ContentFormat.parse(text: text, path: path)
            return []
        } catch let errors as ContentErrors {
            return errors.issues.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func missingFrontMatter() {
        #expect(issues("# Title\n") == ["bad.md:1: expected '---' to open the front matter"])
        #expect(issues("") == ["bad.md:1: empty file (expected '---' front matter)"])
        #expect(issues("---\nid: x\n") == ["bad.md:1: front matter opened with '---' is never closed"])
    }

    @Test func badFrontMatterValues() {
        let text = Fixtures.conv
            .replacingOccurrences(of: "id: im2col-conv", with: "id: Im2col_Conv")
            .replacingOccurrences(of: "difficulty: 3", with: "difficulty: 5")
            .replacingOccurrences(of: "kind: recall", with: "kind: essay\nlevel: hard")
        #expect(issues(text) == [
            "bad.md:8: unknown front matter key 'level' (expected one of: id, topic, tags, difficulty, source, kind, explain)",
        ])
        let values = Fixtures.conv
            .replacingOccurrences(of: "id: im2col-conv", with: "id: Im2col_Conv")
            .replacingOccurrences(of: "difficulty: 3", with: "difficulty: 5")
            .replacingOccurrences(of: "kind: recall", with: "kind: essay")
            .replacingOccurrences(of: "source: seed", with: "source: seed\nsource: original")
        #expect(issues(values) == [
            "bad.md:7: duplicate front matter key 'source'",
        ])
        let noDup = Fixtures.conv
            .replacingOccurrences(of: "id: im2col-conv", with: "id: Im2col_Conv")
            .replacingOccurrences(of: "difficulty: 3", with: "difficulty: 5")
            .replacingOccurrences(of: "kind: recall", with: "kind: essay")
            .replacingOccurrences(of: "tags: [caffe, im2col, \"gemm, blocked\"]", with: "tags: [caffe, \"im2col]")
        #expect(issues(noDup) == [
            "bad.md:4: unterminated quoted string",
        ])
        let semantic = Fixtures.conv
            .replacingOccurrences(of: "id: im2col-conv", with: "id: Im2col_Conv")
            .replacingOccurrences(of: "difficulty: 3", with: "difficulty: 5")
            .replacingOccurrences(of: "kind: recall", with: "kind: essay")
        #expect(issues(semantic) == [
            "bad.md:2: id 'Im2col_Conv' must be non-empty and use only a-z, 0-9 and '-'",
            "bad.md:5: difficulty must be 1, 2 or 3, found '5'",
            "bad.md:7: kind must be 'recall' or 'choice', found 'essay'",
        ])
        let missing = Fixtures.conv.replacingOccurrences(of: "topic: conv\n", with: "")
        #expect(issues(missing) == ["bad.md:1: missing front matter key 'topic'"])
    }

    @Test func unknownDuplicateAndMissingSections() {
        let unknown = Fixtures.conv.replacingOccurrences(of: "## Answer", with: "## Answr")
        #expect(issues(unknown) == [
            "bad.md:21: unknown section '## Answr' (expected one of: ## 問題, ## Question, ## 答案, ## Answer, ## 更正, ## Correction, ## 選項, ## Choices, ## Demo)",
        ])
        let missing = Fixtures.conv.replacingOccurrences(of: "## Answer\n\nEach receptive field is unrolled into a column, then multiplied by the kernel matrix.\n\n", with: "")
        #expect(issues(missing) == ["bad.md:26: missing section '## Answer'"])
        let empty = Fixtures.conv.replacingOccurrences(of: "Each receptive field is unrolled into a column, then multiplied by the kernel matrix.", with: "")
        #expect(issues(empty) == ["bad.md:21: section '## Answer' is empty"])
        let twice = Fixtures.conv + "\n## Question\n\nagain\n"
        #expect(issues(twice) == ["bad.md:32: duplicate section '## Question'"])
        let stray = Fixtures.conv.replacingOccurrences(of: "---\n## 問題", with: "---\nstray text\n## 問題")
        #expect(issues(stray) == ["bad.md:9: text before the first '## ' section"])
    }

    @Test func correctionNeedsBothLanguages() {
        let text = Fixtures.recall.replacingOccurrences(of: "## Correction\n\nThe common claim that `eval()` turns gradients off is wrong.\n\n", with: "")
        #expect(issues(text) == ["bad.md:26: '## 更正' needs a matching '## Correction' (both languages or neither)"])
    }

    @Test func choicesMustMatchKindAndEachOther() {
        let noChoices = Fixtures.conv.replacingOccurrences(of: "kind: recall", with: "kind: choice")
        #expect(issues(noChoices) == ["bad.md:7: kind: choice needs '## 選項' and '## Choices' sections"])
        let recall = Fixtures.choice.replacingOccurrences(of: "kind: choice", with: "kind: recall")
        #expect(issues(recall) == ["bad.md:25: choices are only allowed with 'kind: choice'"])
        let mismatch = Fixtures.choice.replacingOccurrences(of: "- [ ] the last GPU", with: "- [x] the last GPU")
        #expect(issues(mismatch) == ["bad.md:33: choice 2 is marked correct in '## Choices' but wrong in '## 選項'"])
        let count = Fixtures.choice.replacingOccurrences(of: "- [ ] the last GPU", with: "- [ ] the last GPU\n- [ ] GPU 2")
        #expect(issues(count) == ["bad.md:30: '## Choices' has 3 choices but '## 選項' has 2"])
        let bullet = Fixtures.choice.replacingOccurrences(of: "- [ ] the last GPU", with: "* the last GPU")
        #expect(issues(bullet) == ["bad.md:33: expected a choice '- [x] text' (correct) or '- [ ] text', found '* the last GPU'"])
        let noneCorrect = Fixtures.choice.replacingOccurrences(of: "- [x]", with: "- [ ]")
        #expect(issues(noneCorrect) == ["bad.md:25: no choice is marked correct with '- [x]'"])
    }

    @Test func demoTranscriptProblems() {
        let prose = Fixtures.conv.replacingOccurrences(of: ">>> 2 + 2\n4\n", with: ">>> 2 + 2\n4\n\nsome words\n")
        #expect(issues(prose) == ["bad.md:31: expected a '>>> ' prompt in the python block, found 'some words' (an empty output line is written <BLANKLINE>)"])
        let noPrompt = Fixtures.conv.replacingOccurrences(of: ">>> 2 + 2\n4\n", with: "print(4)\n")
        #expect(issues(noPrompt) == [
            "bad.md:28: expected a '>>> ' prompt in the python block, found 'print(4)' (an empty output line is written <BLANKLINE>)",
            "bad.md:27: python block holds no '>>> ' example",
        ])
        let unclosed = Fixtures.conv.replacingOccurrences(of: "4\n```\n", with: "4\n")
        #expect(issues(unclosed) == ["bad.md:27: code fence opened here is never closed"])
        let noBlock = Fixtures.conv.replacingOccurrences(of: "```python\n>>> 2 + 2\n4\n```\n", with: "Nothing to run.\n")
        #expect(issues(noBlock) == ["bad.md:25: '## Demo' has no ```python block"])
        let noDemo = Fixtures.conv.replacingOccurrences(of: "\n## Demo\n\n```python\n>>> 2 + 2\n4\n```\n", with: "")
        #expect(issues(noDemo) == ["bad.md:23: missing section '## Demo'"])
    }

    @Test func headingInsideCodeIsNotASection() throws {
        let text = Fixtures.conv.replacingOccurrences(of: "Each receptive field", with: "```\n## not a heading\n```\nEach receptive field")
        #expect(issues(text) == [])
    }

    @Test func duplicateIdsAcrossFilesAndEveryFileReported() throws {
        let files = [
            (path: "a.md", text: Fixtures.conv),
            (path: "b.md", text: Fixtures.conv),
            (path: "c.md", text: "# nope\n"),
        ]
        #expect(throws: ContentErrors([
            ContentIssue(path: "b.md", line: 2, message: "duplicate id 'im2col-conv' (also in a.md)"),
            ContentIssue(path: "c.md", line: 1, message: "expected '---' to open the front matter"),
        ])) {
            try ContentFormat.parse(files: files)
        }
    }
}

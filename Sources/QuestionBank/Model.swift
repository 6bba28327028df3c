/// The two languages every question is written in.
public enum Language: String, CaseIterable, Codable, Sendable {
    case en, zh

    /// `zh` when the locale string (e.g. `LANG=zh_TW.UTF-8`) starts with `zh`, else `en`.
    public static func fromLocale(_ locale: String?) -> Language {
        guard let locale, locale.lowercased().hasPrefix("zh") else { return .en }
        return .zh
    }
}

/// A text written in both languages.
public struct Localized: Codable, Equatable, Hashable, Sendable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }
}

/// Where a question comes from: the source notes (`seed/`) or written for the project.
public enum QuestionSource: String, Codable, CaseIterable, Sendable {
    case seed, original
}

/// How a question is asked in a quiz.
public enum QuestionKind: String, Codable, CaseIterable, Sendable {
    /// Free recall: the learner answers in their head, then grades themselves.
    case recall
    /// Multiple choice: the `## Choices` section lists options, one or more marked correct.
    case choice
}

/// One option of a choice question.
public struct Choice: Codable, Equatable, Hashable, Sendable {
    /// 0-based position in the list.
    public var position: Int
    public var isCorrect: Bool
    public var text: Localized

    public init(position: Int, isCorrect: Bool, text: Localized) {
        self.position = position
        self.isCorrect = isCorrect
        self.text = text
    }
}

/// One `>>>` example of a demo: a doctest-style transcript entry.
public struct DemoExample: Codable, Equatable, Hashable, Sendable {
    /// 0-based index of the fenced ```python block in the `## Demo` section. Each block is one session:
    /// state carries over between examples of a block, never across blocks.
    public var block: Int
    /// 0-based position of the example inside its block.
    public var position: Int
    /// The source, without `>>> ` / `... ` prompts; continuation lines joined with `\n`.
    public var source: String
    /// The expected output, lines joined with `\n` (no trailing newline); `<BLANKLINE>` already turned into
    /// an empty line; empty when the example prints nothing.
    public var expected: String
    /// 1-based line of the `>>>` line in the file it was parsed from.
    public var line: Int

    public init(block: Int, position: Int, source: String, expected: String, line: Int) {
        self.block = block
        self.position = position
        self.source = source
        self.expected = expected
        self.line = line
    }

    /// When the expected output is a doctest traceback (`Traceback (most recent call last):` … then
    /// `ErrorType: message`), the last line, which is the only one compared; otherwise nil.
    public var expectedException: String? {
        let lines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first,
              first.hasPrefix("Traceback (most recent call last):") || first.hasPrefix("Traceback (innermost last):")
        else { return nil }
        return lines.last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }
}

/// A question of the bank with everything its file says.
public struct Question: Codable, Equatable, Hashable, Sendable {
    /// Unique, `[a-z0-9-]+`.
    public var id: String
    public var topic: String
    public var tags: [String]
    /// 1 (easy) … 3 (hard).
    public var difficulty: Int
    public var source: QuestionSource
    public var kind: QuestionKind
    /// Arguments of the `tensorprep explain` walkthrough linked to this question, e.g. `gather --dim 1`.
    public var explain: String?
    /// `## 問題` / `## Question`.
    public var prompt: Localized
    /// `## 答案` / `## Answer` (Markdown).
    public var answer: Localized
    /// `## 更正` / `## Correction`: where a widely repeated answer is wrong.
    public var correction: Localized?
    /// `## 選項` / `## Choices` (only for `kind: choice`).
    public var choices: [Choice]
    /// The `## Demo` section as written (Markdown: prose and fenced blocks).
    public var demo: String
    /// The `>>>` examples of the demo's ```python blocks, in order.
    public var demos: [DemoExample]
    /// The file the question was read from (`Content/x.md` for the bundled bank), if known.
    public var path: String?

    public init(id: String, topic: String, tags: [String], difficulty: Int, source: QuestionSource,
                kind: QuestionKind, explain: String?, prompt: Localized, answer: Localized,
                correction: Localized?, choices: [Choice], demo: String, demos: [DemoExample], path: String?) {
        self.id = id
        self.topic = topic
        self.tags = tags
        self.difficulty = difficulty
        self.source = source
        self.kind = kind
        self.explain = explain
        self.prompt = prompt
        self.answer = answer
        self.correction = correction
        self.choices = choices
        self.demo = demo
        self.demos = demos
        self.path = path
    }

    /// A one-line title: the first sentence of the question text's first non-empty line (a question usually
    /// opens with the question proper), without Markdown emphasis marks.
    public func title(_ language: Language) -> String {
        let text = prompt[language]
        let line = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first(where: { !$0.isEmpty }) ?? ""
        return Self.firstSentence(line).replacingOccurrences(of: "**", with: "")
    }

    /// Cuts after the first `?`, `？`, `。`, `！` or `. `/`! ` outside backticks (code like `torch.gather` has dots).
    static func firstSentence(_ line: String) -> String {
        let chars = Array(line)
        var inCode = false
        for (i, c) in chars.enumerated() {
            if c == "`" { inCode.toggle(); continue }
            if inCode { continue }
            let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
            let ends = c == "？" || c == "。" || c == "！" || ((c == "?" || c == "." || c == "!") && (next == nil || next == " "))
            if ends { return String(chars[...i]) }
        }
        return line
    }

    /// The demo examples grouped by block (each inner array is one session), in block order.
    public var demoBlocks: [[DemoExample]] {
        var blocks: [[DemoExample]] = []
        for example in demos.sorted(by: { ($0.block, $0.position) < ($1.block, $1.position) }) {
            while blocks.count <= example.block { blocks.append([]) }
            blocks[example.block].append(example)
        }
        return blocks.filter { !$0.isEmpty }
    }
}

import Foundation

import Foundation

/// Reads and writes the question file format of `Content/` (SPEC §2):
///
///     ---
///     id: gather-scatter            # unique, [a-z0-9-]+
///     topic: indexing
///     tags: [pytorch, gather, scatter]
///     difficulty: 2                 # 1..3
///     source: seed                  # seed|original
///     kind: recall                  # recall|choice
///     explain: gather --dim 1       # optional
///     ---
///     ## 問題 / ## Question / ## 答案 / ## Answer
///     ## 更正 / ## Correction        (optional, both or neither)
///     ## 選項 / ## Choices           (iff kind: choice; `- [x]` correct, `- [ ]` not)
///     ## Demo                       (prose and ```python blocks of `>>>` transcripts)
///
/// The parser is strict: anything it does not understand is an error carrying the file and line.
public enum ContentFormat {
    /// Bumped when parsing changes what is stored, so bundled content is re-imported after an upgrade.
    public static let version = 1

    /// Parses one question file. Throws `ContentErrors` listing every problem found.
    public static func parse(text: String, path: String) throws -> Question {
        var parser = FileParser(text: text, path: path)
        if let question = parser.run(), parser.issues.isEmpty { return question }
        throw ContentErrors(parser.issues)
    }

    /// Parses a set of files held in memory (e.g. the bundled content), sorted by path, checking that ids
    /// are unique. `README.md` files are skipped. Throws `ContentErrors` with every problem of every file.
    public static func parse(files: [(path: String, text: String)]) throws -> [Question] {
        var questions: [Question] = []
        var issues: [ContentIssue] = []
        var seen: [String: String] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) where !isSkipped(file.path) {
            var parser = FileParser(text: file.text, path: file.path)
            let question = parser.run()
            issues += parser.issues
            guard let question, parser.issues.isEmpty else { continue }
            if let other = seen[question.id] {
                issues.append(ContentIssue(path: file.path, line: parser.idLine,
                                           message: "duplicate id '\(question.id)' (also in \(other))"))
                continue
            }
            seen[question.id] = file.path
            questions.append(question)
        }
        if !issues.isEmpty { throw ContentErrors(issues) }
        return questions
    }

    /// Parses every `*.md` file under `directory` (recursively; `README.md` skipped). Paths in questions
    /// and errors are the directory path as given joined with the file's relative path.
    /// Throws `ContentErrors` (file problems) or `BankError` (the directory cannot be read).
    public static func parse(directory: URL) throws -> [Question] {
        return try parse(files: readFiles(directory: directory))
    }

    /// Reads the `*.md` files under `directory`: (path as shown to the user, text).
    public static func readFiles(directory: URL) throws -> [(path: String, text: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) else {
            throw BankError.noSuchDirectory(directory.relativePath)
        }
        guard isDirectory.boolValue else { throw BankError.notADirectory(directory.relativePath) }
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw BankError.cannotRead(directory.relativePath, "cannot list the directory")
        }
        var shown = directory.relativePath
        if shown.hasSuffix("/") && shown.count > 1 { shown.removeLast() }
        var files: [(path: String, text: String)] = []
        for case let relative as String in walker where relative.hasSuffix(".md") {
            let full = root + "/" + relative
            let display = shown == "." ? relative : shown + "/" + relative
            guard let data = FileManager.default.contents(atPath: full) else {
                throw BankError.cannotRead(display, "cannot read the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ContentErrors([ContentIssue(path: display, line: 1, message: "file is not valid UTF-8")])
            }
            files.append((display, text))
        }
        return files.sorted { $0.path < $1.path }
    }

    static func isSkipped(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent.lowercased()
        return name == "readme.md"
    }

    /// The front matter keys, in the order they are written.
    static let keys = ["id", "topic", "tags", "difficulty", "source", "kind", "explain"]

    /// Section headings: (Chinese, English) pairs, in the order they are written.
    static let sectionPairs: [(zh: String, en: String)] = [
        ("問題", "Question"), ("答案", "Answer"), ("更正", "Correction"), ("選項", "Choices"),
    ]
    static let demoHeading = "Demo"
}

/// Line-by-line parser of one file. Collects issues rather than stopping at the first one when the rest
/// can still be checked meaningfully.
struct FileParser {
    let path: String
    let lines: [String]
    var issues: [ContentIssue] = []
    var idLine = 1

    init(text: String, path: String) {
        self.path = path
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        var split = body.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s = String(line)
            if s.hasSuffix("\r") { s.removeLast() }
            return s
        }
        if split.last == "" { split.removeLast() }
        self.lines = split
    }

    mutating func fail(_ line: Int, _ message: String) {
        issues.append(ContentIssue(path: path, line: line, message: message))
    }

    // MARK: - whole file

    mutating func run() -> Question? {
        guard let first = lines.first else {
            fail(1, "empty file (expected '---' front matter)")
            return nil
        }
        guard first.trimmingCharacters(in: .whitespaces) == "---" else {
            fail(1, "expected '---' to open the front matter")
            return nil
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else {
            fail(1, "front matter opened with '---' is never closed")
            return nil
        }
        let meta = parseFrontMatter(from: 1, to: close)
        let sections = parseSections(from: close + 1)
        guard let meta, let sections else { return nil }
        return assemble(meta: meta, sections: sections)
    }

    // MARK: - front matter

    struct Meta {
        var values: [String: (value: FrontValue, line: Int)] = [:]
    }

    enum FrontValue {
        case scalar(String)
        case list([String])
    }

    /// Lines `start..<end` (0-based) hold `key: value` pairs.
    mutating func parseFrontMatter(from start: Int, to end: Int) -> Meta? {
        var meta = Meta()
        var ok = true
        var index = start
        while index < end {
            let lineNo = index + 1
            let raw = lines[index]
            index += 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard !raw.hasPrefix(" "), !raw.hasPrefix("\t"), let colon = raw.firstIndex(of: ":") else {
                fail(lineNo, "expected 'key: value' in the front matter, found '\(trimmed)'")
                ok = false
                continue
            }
            let key = String(raw[..<colon]).trimmingCharacters(in: .whitespaces)
            guard ContentFormat.keys.contains(key) else {
                fail(lineNo, "unknown front matter key '\(key)' (expected one of: \(ContentFormat.keys.joined(separator: ", ")))")
                ok = false
                continue
            }
            if meta.values[key] != nil {
                fail(lineNo, "duplicate front matter key '\(key)'")
                ok = false
                continue
            }
            if key == "id" { idLine = lineNo }
            var rest = String(raw[raw.index(after: colon)...])
            do {
                rest = try stripComment(rest)
                let valueText = rest.trimmingCharacters(in: .whitespaces)
                if valueText.isEmpty && key == "tags" {
                    // Block list: following indented `- item` lines.
                    var items: [String] = []
                    while index < end {
                        let next = lines[index].trimmingCharacters(in: .whitespaces)
                        guard next.hasPrefix("- ") || next == "-" else { break }
                        let item = try unquote(try stripComment(String(next.dropFirst())).trimmingCharacters(in: .whitespaces))
                        if item.isEmpty { throw LineError(line: index + 1, message: "empty tag") }
                        items.append(item)
                        index += 1
                    }
                    meta.values[key] = (.list(items), lineNo)
                } else if valueText.hasPrefix("[") {
                    guard valueText.hasSuffix("]") else { throw LineError(line: lineNo, message: "list for '\(key)' is not closed with ']'") }
                    let inner = valueText.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                    var items: [String] = []
                    if !inner.isEmpty {
                        for part in try splitFlowList(inner) {
                            let item = try unquote(part.trimmingCharacters(in: .whitespaces))
                            if item.isEmpty { throw LineError(line: lineNo, message: "empty item in the list for '\(key)'") }
                            items.append(item)
                        }
                    }
                    meta.values[key] = (.list(items), lineNo)
                } else {
                    meta.values[key] = (.scalar(try unquote(valueText)), lineNo)
                }
            } catch let error as LineError {
                fail(error.line == 0 ? lineNo : error.line, error.message)
                ok = false
            } catch {
                fail(lineNo, "\(error)")
                ok = false
            }
        }
        return ok ? meta : nil
    }

    struct LineError: Error {
        var line: Int = 0
        var message: String
    }

    /// Removes a YAML comment: `#` at the start or after whitespace, outside quotes.
    func stripComment(_ text: String) throws -> String {
        var quote: Character? = nil
        var previous: Character = " "
        var out = ""
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\t") {
                break
            }
            out.append(c)
            previous = c
        }
        return out
    }

    /// Splits `a, "b, c", d` on commas outside quotes.
    func splitFlowList(_ text: String) throws -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character? = nil
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
                current.append(c)
            } else if c == "\"" || c == "'" {
                quote = c
                current.append(c)
            } else if c == "," {
                parts.append(current)
                current = ""
            } else if c == "[" || c == "]" || c == "{" || c == "}" {
                throw LineError(message: "nested lists or maps are not supported in the front matter")
            } else {
                current.append(c)
            }
        }
        if quote != nil { throw LineError(message: "unterminated quoted string") }
        parts.append(current)
        return parts
    }

    /// `"text"` (with `\"` and `\\` escapes), `'text'` (with `''`), or plain text.
    func unquote(_ text: String) throws -> String {
        guard let first = text.first, first == "\"" || first == "'" else { return text }
        guard text.count >= 2, text.last == first else { throw LineError(message: "unterminated quoted string \(text)") }
        let inner = text.dropFirst().dropLast()
        if first == "'" { return inner.replacingOccurrences(of: "''", with: "'") }
        var out = ""
        var escaped = false
        for c in inner {
            if escaped {
                switch c {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "\"", "\\": out.append(c)
                default: throw LineError(message: "unsupported escape '\\\(c)' in a quoted string")
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "\"" {
                throw LineError(message: "unescaped '\"' inside a quoted string")
            } else {
                out.append(c)
            }
        }
        if escaped { throw LineError(message: "quoted string ends with a lone '\\'") }
        return out
    }

    // MARK: - sections

    struct Section {
        var heading: String
        var line: Int             // 1-based line of the `## ` heading
        var bodyStart: Int        // 0-based index of the first body line
        var body: [String]
    }

    /// Splits the body into `## ` sections, ignoring headings inside fenced code.
    mutating func parseSections(from start: Int) -> [String: Section]? {
        var sections: [String: Section] = [:]
        var order: [String] = []
        var current: Section? = nil
        var fence: (char: Character, length: Int, line: Int)? = nil
        var ok = true
        var skipping = false     // inside a rejected section: its body is not reported again
        let known = ContentFormat.sectionPairs.flatMap { [$0.zh, $0.en] } + [ContentFormat.demoHeading]
        func finish(_ section: Section?) {
            guard var section else { return }
            while let last = section.body.last, last.trimmingCharacters(in: .whitespaces).isEmpty { section.body.removeLast() }
            while let first = section.body.first, first.trimmingCharacters(in: .whitespaces).isEmpty {
                section.body.removeFirst()
                section.bodyStart += 1
            }
            sections[section.heading] = section
        }
        for index in start..<lines.count {
            let line = lines[index]
            if let open = fence {
                if let close = fenceMarker(line), close.char == open.char, close.length >= open.length, close.info.isEmpty {
                    fence = nil
                }
                current?.body.append(line)
                continue
            }
            if let marker = fenceMarker(line) {
                fence = (marker.char, marker.length, index + 1)
                if current == nil && !skipping {
                    fail(index + 1, "text before the first '## ' section")
                    ok = false
                }
                current?.body.append(line)
                continue
            }
            if line.hasPrefix("## ") || line == "##" {
                let heading = String(line.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                guard known.contains(heading) else {
                    fail(index + 1, "unknown section '## \(heading)' (expected one of: \(known.map { "## " + $0 }.joined(separator: ", ")))")
                    ok = false
                    finish(current)
                    current = nil
                    skipping = true
                    continue
                }
                if order.contains(heading) {
                    fail(index + 1, "duplicate section '## \(heading)'")
                    ok = false
                    finish(current)
                    current = nil
                    skipping = true
                    continue
                }
                skipping = false
                finish(current)
                order.append(heading)
                current = Section(heading: heading, line: index + 1, bodyStart: index + 1, body: [])
                continue
            }
            if line.hasPrefix("# ") && current == nil {
                fail(index + 1, "unexpected heading '\(line)' (sections are '## ' headings)")
                ok = false
                continue
            }
            if current == nil {
                if !skipping && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                    fail(index + 1, "text before the first '## ' section")
                    ok = false
                }
                continue
            }
            current?.body.append(line)
        }
        if let open = fence {
            fail(open.line, "code fence opened here is never closed")
            ok = false
        }
        finish(current)
        return ok ? sections : nil
    }

    /// A line opening or closing a fenced code block: up to 3 spaces, then ``` or ~~~ (3 or more), then info.
    func fenceMarker(_ line: String) -> (char: Character, length: Int, info: String, indent: Int)? {
        var indent = 0
        var rest = Substring(line)
        while rest.first == " " && indent < 4 { rest = rest.dropFirst(); indent += 1 }
        guard indent < 4, let c = rest.first, c == "`" || c == "~" else { return nil }
        let run = rest.prefix(while: { $0 == c }).count
        guard run >= 3 else { return nil }
        let info = rest.dropFirst(run).trimmingCharacters(in: .whitespaces)
        if c == "`" && info.contains("`") { return nil }
        return (c, run, info, indent)
    }

    // MARK: - assembling the question

    mutating func assemble(meta: Meta, sections: [String: Section]) -> Question? {
        let before = issues.count
        func scalar(_ key: String, required: Bool = true) -> (String, Int)? {
            guard let entry = meta.values[key] else {
                if required { fail(1, "missing front matter key '\(key)'") }
                return nil
            }
            guard case .scalar(let text) = entry.value else {
                fail(entry.line, "'\(key)' must be a single value, not a list")
                return nil
            }
            return (text, entry.line)
        }
        var id = ""
        if let (text, line) = scalar("id") {
            if text.isEmpty || !text.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                fail(line, "id '\(text)' must be non-empty and use only a-z, 0-9 and '-'")
            } else {
                id = text
            }
        }
        var topic = ""
        if let (text, line) = scalar("topic") {
            if text.isEmpty { fail(line, "topic must not be empty") } else { topic = text }
        }
        var tags: [String] = []
        if let entry = meta.values["tags"] {
            switch entry.value {
            case .list(let items): tags = items
            case .scalar(let text):
                fail(entry.line, "tags must be a list like [a, b], found '\(text)'")
            }
        } else {
            fail(1, "missing front matter key 'tags' (write 'tags: []' for none)")
        }
        var difficulty = 1
        if let (text, line) = scalar("difficulty") {
            if let n = Int(text), (1...3).contains(n) { difficulty = n } else { fail(line, "difficulty must be 1, 2 or 3, found '\(text)'") }
        }
        var source = QuestionSource.original
        if let (text, line) = scalar("source") {
            if let s = QuestionSource(rawValue: text) { source = s } else { fail(line, "source must be 'seed' or 'original', found '\(text)'") }
        }
        var kind = QuestionKind.recall
        var kindLine = 1
        if let (text, line) = scalar("kind") {
            kindLine = line
            if let k = QuestionKind(rawValue: text) { kind = k } else { fail(line, "kind must be 'recall' or 'choice', found '\(text)'") }
        }
        var explain: String? = nil
        if let (text, line) = scalar("explain", required: false) {
            if text.isEmpty { fail(line, "explain must not be empty (leave the key out instead)") } else { explain = text }
        }

        func requiredPair(_ zh: String, _ en: String) -> Localized? {
            var pair = (zh: "", en: "")
            var ok = true
            for (heading, isZh) in [(zh, true), (en, false)] {
                guard let section = sections[heading] else {
                    fail(max(lines.count, 1), "missing section '## \(heading)'")
                    ok = false
                    continue
                }
                let body = section.body.joined(separator: "\n")
                if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    fail(section.line, "section '## \(heading)' is empty")
                    ok = false
                }
                if isZh { pair.zh = body } else { pair.en = body }
            }
            return ok ? Localized(zh: pair.zh, en: pair.en) : nil
        }
        let prompt = requiredPair("問題", "Question")
        let answer = requiredPair("答案", "Answer")
        var correction: Localized? = nil
        switch (sections["更正"], sections["Correction"]) {
        case (nil, nil): break
        case (let zh?, nil): fail(zh.line, "'## 更正' needs a matching '## Correction' (both languages or neither)")
        case (nil, let en?): fail(en.line, "'## Correction' needs a matching '## 更正' (both languages or neither)")
        case (.some, .some): correction = requiredPair("更正", "Correction")
        }

        var choices: [Choice] = []
        switch (sections["選項"], sections["Choices"]) {
        case (nil, nil):
            if kind == .choice { fail(kindLine, "kind: choice needs '## 選項' and '## Choices' sections") }
        case (let zh, let en):
            if kind != .choice {
                fail((zh ?? en)?.line ?? kindLine, "choices are only allowed with 'kind: choice'")
            } else if let zh, let en {
                choices = parseChoices(zh: zh, en: en)
            } else {
                let present = zh ?? en
                fail(present?.line ?? kindLine, "'## \(present?.heading ?? "")' needs its counterpart ('## 選項' and '## Choices' go together)")
            }
        }

        var demoText = ""
        var demos: [DemoExample] = []
        if let demo = sections[ContentFormat.demoHeading] {
            demoText = demo.body.joined(separator: "\n")
            demos = parseDemo(demo)
        } else {
            fail(max(lines.count, 1), "missing section '## Demo'")
        }

        guard issues.count == before, let prompt, let answer else { return nil }
        return Question(id: id, topic: topic, tags: tags, difficulty: difficulty, source: source, kind: kind,
                        explain: explain, prompt: prompt, answer: answer, correction: correction,
                        choices: choices, demo: demoText, demos: demos, path: path)
    }

    mutating func parseChoices(zh: Section, en: Section) -> [Choice] {
        func items(_ section: Section) -> [(correct: Bool, text: String, line: Int)]? {
            var result: [(correct: Bool, text: String, line: Int)] = []
            var ok = true
            for (offset, line) in section.body.enumerated() {
                let lineNo = section.bodyStart + offset + 1
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                let lower = line.lowercased()
                if lower.hasPrefix("- [x] ") || lower.hasPrefix("- [ ] ") {
                    let text = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
                    if text.isEmpty { fail(lineNo, "empty choice"); ok = false }
                    result.append((lower.hasPrefix("- [x]"), text, lineNo))
                } else if (line.hasPrefix("  ") || line.hasPrefix("\t")) && !result.isEmpty {
                    result[result.count - 1].text += "\n" + line.trimmingCharacters(in: .whitespaces)
                } else {
                    fail(lineNo, "expected a choice '- [x] text' (correct) or '- [ ] text', found '\(line.trimmingCharacters(in: .whitespaces))'")
                    ok = false
                }
            }
            return ok ? result : nil
        }
        guard let zhItems = items(zh), let enItems = items(en) else { return [] }
        if zhItems.count < 2 { fail(zh.line, "'## 選項' needs at least two choices") ; return [] }
        guard zhItems.count == enItems.count else {
            fail(en.line, "'## Choices' has \(enItems.count) choices but '## 選項' has \(zhItems.count)")
            return []
        }
        if !zhItems.contains(where: \.correct) {
            fail(zh.line, "no choice is marked correct with '- [x]'")
            return []
        }
        var choices: [Choice] = []
        for (i, (z, e)) in zip(zhItems, enItems).enumerated() {
            if z.correct != e.correct {
                fail(e.line, "choice \(i + 1) is marked \(e.correct ? "correct" : "wrong") in '## Choices' but \(z.correct ? "correct" : "wrong") in '## 選項'")
                continue
            }
            choices.append(Choice(position: i, isCorrect: z.correct, text: Localized(zh: z.text, en: e.text)))
        }
        return choices
    }

    /// Parses the ```python blocks of the Demo section into doctest examples.
    mutating func parseDemo(_ section: Section) -> [DemoExample] {
        var examples: [DemoExample] = []
        var block = -1
        var index = 0
        let body = section.body
        while index < body.count {
            guard let open = fenceMarker(body[index]) else { index += 1; continue }
            let isPython = open.info.split(separator: " ").first.map(String.init) == "python"
            // Find the closing fence.
            var end = index + 1
            while end < body.count {
                if let close = fenceMarker(body[end]), close.char == open.char, close.length >= open.length, close.info.isEmpty { break }
                end += 1
            }
            if isPython {
                block += 1
                let lineOffset = section.bodyStart + index + 1   // 0-based index in file of the first inner line
                let inner = Array(body[(index + 1)..<min(end, body.count)])
                let parsed = parseTranscript(inner, indent: open.indent, firstLine: lineOffset + 1, block: block,
                                             openLine: section.bodyStart + index + 1)
                examples += parsed
            }
            index = end + 1
        }
        if block < 0 {
            fail(section.line, "'## Demo' has no ```python block")
        }
        return examples
    }

    /// `lines` are the inside of one fenced block; `firstLine` is the 1-based file line of `lines[0]`.
    mutating func parseTranscript(_ lines: [String], indent: Int, firstLine: Int, block: Int, openLine: Int) -> [DemoExample] {
        var examples: [DemoExample] = []
        func strip(_ line: String) -> String {
            var rest = Substring(line)
            var n = 0
            while n < indent && rest.first == " " { rest = rest.dropFirst(); n += 1 }
            return String(rest)
        }
        func isPrompt(_ line: String, _ prompt: String) -> Bool {
            line == prompt || line.hasPrefix(prompt + " ")
        }
        var i = 0
        while i < lines.count {
            let line = strip(lines[i])
            let lineNo = firstLine + i
            if line.trimmingCharacters(in: .whitespaces).isEmpty { i += 1; continue }
            guard isPrompt(line, ">>>") else {
                fail(lineNo, "expected a '>>> ' prompt in the python block, found '\(line)' (an empty output line is written <BLANKLINE>)")
                i += 1
                // Skip to the next prompt to keep checking the rest.
                while i < lines.count && !isPrompt(strip(lines[i]), ">>>") { i += 1 }
                continue
            }
            var source = [String(line.dropFirst(4))]
            if line == ">>>" { source = [""] }
            i += 1
            while i < lines.count {
                let next = strip(lines[i])
                guard isPrompt(next, "...") else { break }
                source.append(next == "..." ? "" : String(next.dropFirst(4)))
                i += 1
            }
            if source.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                fail(lineNo, "empty '>>>' example")
            }
            var expected: [String] = []
            while i < lines.count {
                let next = strip(lines[i])
                if next.trimmingCharacters(in: .whitespaces).isEmpty || isPrompt(next, ">>>") { break }
                expected.append(next == "<BLANKLINE>" ? "" : next)
                i += 1
            }
            examples.append(DemoExample(block: block, position: examples.count, source: source.joined(separator: "\n"),
                                        expected: expected.joined(separator: "\n"), line: lineNo))
        }
        if examples.isEmpty {
            fail(openLine, "python block holds no '>>> ' example")
        }
        return examples
    }
}

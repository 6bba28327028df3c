import Foundation

extension ContentFormat {
    /// The file name a question is exported to: `<id>.md`.
    public static func fileName(for question: Question) -> String { question.id + ".md" }

    /// Writes a question in the file format, canonical layout. Parsing the result gives the same question
    /// (except `path`), and a file already in canonical layout is reproduced byte for byte.
    public static func render(_ question: Question) -> String {
        var out = "---\n"
        out += "id: \(question.id)\n"
        out += "topic: \(yamlScalar(question.topic))\n"
        out += "tags: [\(question.tags.map(yamlScalar).joined(separator: ", "))]\n"
        out += "difficulty: \(question.difficulty)\n"
        out += "source: \(question.source.rawValue)\n"
        out += "kind: \(question.kind.rawValue)\n"
        if let explain = question.explain { out += "explain: \(yamlScalar(explain))\n" }
        out += "---\n"
        var first = true
        func section(_ heading: String, _ body: String) {
            // As Content/ is written: the first heading right under the front matter, a blank line between sections.
            out += (first ? "" : "\n") + "## \(heading)\n\n\(body)\n"
            first = false
        }
        section("問題", question.prompt.zh)
        section("Question", question.prompt.en)
        section("答案", question.answer.zh)
        section("Answer", question.answer.en)
        if let correction = question.correction {
            section("更正", correction.zh)
            section("Correction", correction.en)
        }
        if question.kind == .choice {
            func list(_ language: Language) -> String {
                question.choices.map { choice in
                    let lines = choice.text[language].split(separator: "\n", omittingEmptySubsequences: false)
                    let first = "- [\(choice.isCorrect ? "x" : " ")] \(lines.first.map(String.init) ?? "")"
                    return ([first] + lines.dropFirst().map { "  " + $0 }).joined(separator: "\n")
                }.joined(separator: "\n")
            }
            section("選項", list(.zh))
            section("Choices", list(.en))
        }
        section("Demo", question.demo)
        return out
    }

    /// A front matter value, quoted when plain YAML would read it differently.
    static func yamlScalar(_ text: String) -> String {
        let special: Set<Character> = ["#", ",", "[", "]", "{", "}", "\"", "'", ":", "\\", "\n", "\t"]
        let needsQuotes = text.isEmpty || text.contains(where: { special.contains($0) })
            || text.first == " " || text.last == " " || text.first == "-"
        guard needsQuotes else { return text }
        var escaped = ""
        for c in text {
            switch c {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(c)
            }
        }
        return "\"\(escaped)\""
    }
}

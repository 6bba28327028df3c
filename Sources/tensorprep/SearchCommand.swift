import ArgumentParser
import Foundation
import QuestionBank
import Terminal

/// `tensorprep search QUERY`: full-text search over both languages (trigram FTS5; LIKE for short terms).
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the questions and answers (Chinese or English).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Words to find; every word must occur (substring match, case-insensitive).")
    var query: [String]

    @Option(help: "At most this many results.")
    var limit: Int = 20

    func validate() throws {
        guard query.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw ValidationError("give something to search for")
        }
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() throws {
        let bank = try global.openBank()
        let text = query.joined(separator: " ")
        let hits = try bank.search(text, language: global.language, limit: limit)
        print(SearchCommand.render(hits, query: text, language: global.language, style: global.style))
    }

    /// One entry per hit: `id  (topic)  title`, then the matching excerpt indented; a count line at the end.
    static func render(_ hits: [SearchHit], query: String, language: Language, style: Style,
                       width: Int? = TerminalInfo.isTerminal() ? TerminalInfo.columns() : nil) -> String {
        let zh = language == .zh
        guard !hits.isEmpty else { return zh ? "找不到「\(query)」。" : "No matches for '\(query)'." }
        let idWidth = hits.map { $0.id.displayWidth }.max() ?? 0
        var lines: [String] = []
        let terms = query.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        for hit in hits {
            var title = hit.title[language]
            if let width { title = title.truncated(to: max(20, width - idWidth - hit.topic.displayWidth - 5)) }
            let inTitle = hit.field == "question_\(language.rawValue)" && title.range(of: terms.first ?? "", options: .caseInsensitive) != nil
            // When the match is in the title line itself, highlight it there instead of quoting it again.
            let shownTitle = inTitle ? highlight(title, terms: terms, style: style) : title
            lines.append(style.bold(hit.id.padded(to: idWidth)) + "  " + style.dim("(\(hit.topic))") + " " + shownTitle)
            if !inTitle {
                var parts = hit.snippet
                if let width {
                    // Keep the excerpt on one terminal line: drop text from the end, never inside a match.
                    var budget = max(20, width - 4)
                    parts = parts.compactMap { part in
                        guard budget > 0 else { return nil }
                        let cut = part.isMatch ? part.text : part.text.truncated(to: budget)
                        budget -= cut.displayWidth
                        return SnippetPart(cut, isMatch: part.isMatch)
                    }
                }
                lines.append("    " + parts.map { $0.isMatch ? style.highlight($0.text) : $0.text }.joined())
            }
        }
        lines.append("")
        lines.append(style.dim(zh ? "\(hits.count) 個結果" : "\(hits.count) result\(hits.count == 1 ? "" : "s")"))
        return lines.joined(separator: "\n")
    }

    /// Marks every case-insensitive occurrence of the terms in `text`.
    static func highlight(_ text: String, terms: [String], style: Style) -> String {
        var out = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            var best: Range<Substring.Index>? = nil
            for term in terms where !term.isEmpty {
                guard let r = rest.range(of: term, options: .caseInsensitive) else { continue }
                if let b = best, !(r.lowerBound < b.lowerBound || (r.lowerBound == b.lowerBound && r.upperBound > b.upperBound)) {
                    continue
                }
                best = r
            }
            guard let match = best else { out += rest; break }
            out += rest[..<match.lowerBound] + style.highlight(String(rest[match]))
            rest = rest[match.upperBound...]
        }
        return out
    }
}

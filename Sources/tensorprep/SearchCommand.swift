import ArgumentParser
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
    static func render(_ hits: [SearchHit], query: String, language: Language, style: Style) -> String {
        let zh = language == .zh
        guard !hits.isEmpty else { return zh ? "找不到「\(query)」。" : "No matches for '\(query)'." }
        let idWidth = hits.map { $0.id.displayWidth }.max() ?? 0
        var lines: [String] = []
        for hit in hits {
            lines.append(style.bold(hit.id.padded(to: idWidth)) + "  " + style.dim("(\(hit.topic))") + " " + hit.title[language])
            let snippet = hit.snippet.map { $0.isMatch ? style.highlight($0.text) : $0.text }.joined()
            lines.append("    " + snippet)
        }
        lines.append("")
        lines.append(style.dim(zh ? "\(hits.count) 個結果" : "\(hits.count) result\(hits.count == 1 ? "" : "s")"))
        return lines.joined(separator: "\n")
    }
}

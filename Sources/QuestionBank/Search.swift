import Foundation
import GRDB

/// One result of `QuestionBank.search`.
public struct SearchHit: Equatable, Sendable {
    public var id: String
    public var topic: String
    public var difficulty: Int
    public var title: Localized
    /// Lower is better (FTS5 bm25 with column weights, or a field-weight score for short queries).
    public var score: Double
    /// Which field the snippet comes from, e.g. `question_zh`, `answer_en`, `tags`.
    public var field: String
    /// A short excerpt around the first match, split into plain and matched parts.
    public var snippet: [SnippetPart]
}

/// A piece of a snippet; `isMatch` parts are what the query matched.
public struct SnippetPart: Equatable, Sendable {
    public var text: String
    public var isMatch: Bool
    public init(_ text: String, isMatch: Bool) {
        self.text = text
        self.isMatch = isMatch
    }
}

extension QuestionBank {
    /// Searches ids, topics, tags and the question/answer/correction texts of both languages.
    ///
    /// The query is split on whitespace; every term must match (AND), as a case-insensitive substring.
    /// Terms of three characters or more go through the FTS5 trigram index and rank by bm25; when a term is
    /// shorter (e.g. `梯度`, two characters, which trigrams cannot index) the search falls back to `LIKE`
    /// over the same columns.
    /// - Parameter language: the language whose fields are preferred for the snippet.
    public func search(_ query: String, language: Language = .en, limit: Int = 20) throws -> [SearchHit] {
        let terms = query.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard !terms.isEmpty else { return [] }
        return try guarded {
            try writer.read { db in
                var scored: [(id: String, score: Double)] = []
                if terms.allSatisfy({ $0.count >= 3 }) {
                    let match = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " AND ")
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT id, bm25(question_fts, 10.0, 5.0, 5.0, 3.0, 3.0, 1.0, 1.0, 1.0, 1.0) AS score
                        FROM question_fts WHERE question_fts MATCH ? ORDER BY score, id
                        """, arguments: [match])
                    scored = rows.map { ($0["id"], $0["score"]) }
                } else {
                    scored = try likeSearch(db, terms: terms)
                }
                let questions = Dictionary(uniqueKeysWithValues: try QuestionRow.filter(keys: scored.map(\.id)).fetchAll(db).map { ($0.id, $0) })
                scored = Self.exactFirst(scored, terms: terms, rows: questions).prefix(limit).map { $0 }
                return scored.compactMap { entry in
                    guard let row = questions[entry.id] else { return nil }
                    let (field, snippet) = Self.snippet(row, terms: terms, language: language)
                    let question = Question(id: row.id, topic: row.topic, tags: row.tags, difficulty: row.difficulty,
                                            source: .original, kind: .recall, explain: nil,
                                            prompt: Localized(zh: row.questionZh, en: row.questionEn),
                                            answer: Localized(zh: "", en: ""), correction: nil, choices: [],
                                            demo: "", demos: [], path: nil)
                    return SearchHit(id: row.id, topic: row.topic, difficulty: row.difficulty,
                                     title: Localized(zh: question.title(.zh), en: question.title(.en)),
                                     score: entry.score, field: field, snippet: snippet)
                }
            }
        }
    }

    static let searchFields: [(column: String, weight: Double)] = [
        ("id", 10), ("topic", 5), ("tags", 5), ("question_zh", 3), ("question_en", 3),
        ("answer_zh", 1), ("answer_en", 1), ("correction_zh", 1), ("correction_en", 1),
    ]

    /// A question whose id or one of whose tags *is* a query term (not merely contains it: `gradient` is a tag of
    /// `backward`, while `gradient-accumulation` only contains it) ranks above questions that only mention the
    /// term; the more terms matched that way, the higher. Within each group the text score's order stays.
    static func exactFirst(_ scored: [(id: String, score: Double)], terms: [String],
                           rows: [String: QuestionRow]) -> [(id: String, score: Double)] {
        let wanted = Set(terms.map { $0.lowercased() })
        func exact(_ id: String) -> Int {
            guard let row = rows[id] else { return 0 }
            let names = Set(([row.id] + row.tags).map { $0.lowercased() })
            return wanted.intersection(names).count
        }
        return scored.enumerated()
            .map { (rank: $0.offset, exact: exact($0.element.id), hit: $0.element) }
            .sorted { ($1.exact, $0.rank) < ($0.exact, $1.rank) }
            .map(\.hit)
    }

    func likeSearch(_ db: Database, terms: [String]) throws -> [(id: String, score: Double)] {
        func escape(_ term: String) -> String {
            "%" + term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
        }
        let columns = Self.searchFields.map(\.column)
        let perTerm = "(" + columns.map { "coalesce(\($0), '') LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")"
        let sql = "SELECT * FROM question WHERE " + Array(repeating: perTerm, count: terms.count).joined(separator: " AND ")
        var arguments: [DatabaseValueConvertible] = []
        for term in terms { arguments += Array(repeating: escape(term), count: columns.count) }
        let rows = try QuestionRow.fetchAll(db, sql: sql, arguments: StatementArguments(arguments))
        // Score: minus the weight of the fields that contain a term (so lower is better, as bm25).
        var scored: [(id: String, score: Double)] = rows.map { row in
            var score = 0.0
            for (column, weight) in Self.searchFields {
                let text = Self.fieldText(row, column).lowercased()
                for term in terms {
                    // Like bm25, more occurrences count, with diminishing returns.
                    let count = text.components(separatedBy: term.lowercased()).count - 1
                    if count > 0 { score -= weight * (1 + log(Double(count))) }
                }
            }
            return (row.id, score)
        }
        scored.sort { ($0.score, $0.id) < ($1.score, $1.id) }
        return scored
    }

    static func fieldText(_ row: QuestionRow, _ column: String) -> String {
        switch column {
        case "id": return row.id
        case "topic": return row.topic
        case "tags": return row.tags.joined(separator: ", ")
        case "question_zh": return row.questionZh
        case "question_en": return row.questionEn
        case "answer_zh": return row.answerZh
        case "answer_en": return row.answerEn
        case "correction_zh": return row.correctionZh ?? ""
        case "correction_en": return row.correctionEn ?? ""
        default: return ""
        }
    }

    /// Picks the field to quote (the user's language first) and cuts an excerpt around the first match.
    static func snippet(_ row: QuestionRow, terms: [String], language: Language) -> (String, [SnippetPart]) {
        let other: Language = language == .zh ? .en : .zh
        let order = ["question_\(language.rawValue)", "answer_\(language.rawValue)", "correction_\(language.rawValue)",
                     "question_\(other.rawValue)", "answer_\(other.rawValue)", "correction_\(other.rawValue)",
                     "tags", "topic", "id"]
        for column in order {
            let text = fieldText(row, column)
                .split(whereSeparator: { $0.isNewline }).joined(separator: " ")
            if let parts = excerpt(text, terms: terms) { return (column, parts) }
        }
        return ("id", [SnippetPart(row.id, isMatch: false)])
    }

    /// The text around the first match of any term (at most about 90 characters), with every match in it
    /// marked. Nil when no term occurs in `text`.
    static func excerpt(_ text: String, terms: [String]) -> [SnippetPart]? {
        let chars = Array(text)
        let lower = chars.map { Character($0.lowercased()) }
        let lowerTerms = terms.map { Array($0.lowercased()) }.filter { !$0.isEmpty }
        func match(at i: Int) -> Int? {
            var best: Int? = nil
            for term in lowerTerms where i + term.count <= lower.count && Array(lower[i..<(i + term.count)]) == term {
                best = max(best ?? 0, term.count)
            }
            return best
        }
        guard let first = lower.indices.first(where: { match(at: $0) != nil }) else { return nil }
        // Short texts are shown whole; long ones from a little before the match, starting at a word
        // boundary when one is near.
        var start = 0
        var end = chars.count
        if chars.count > 90 {
            start = max(0, first - 30)
            if start > 0, let space = chars[start..<first].firstIndex(where: { $0 == " " }), space - start < 12 {
                start = space + 1
            }
            end = min(chars.count, start + 90)
            if end < chars.count, let space = chars[max(first + 1, end - 12)..<end].lastIndex(where: { $0 == " " }) {
                end = space
            }
        }
        var parts: [SnippetPart] = []
        var plain = start > 0 ? "…" : ""
        var i = start
        while i < end {
            if let length = match(at: i) {
                if !plain.isEmpty { parts.append(SnippetPart(plain, isMatch: false)); plain = "" }
                let stop = min(i + length, chars.count)
                parts.append(SnippetPart(String(chars[i..<stop]), isMatch: true))
                i = stop
            } else {
                plain.append(chars[i])
                i += 1
            }
        }
        if end < chars.count { plain += "…" }
        if !plain.isEmpty { parts.append(SnippetPart(plain, isMatch: false)) }
        return parts
    }
}

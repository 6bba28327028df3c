import MiniTorch

/// Parses the tensor literals a learner types on the command line or in a quiz answer:
/// `[[1, 2], [3, 4]]`, `[1.5, -2e-3]`, `[True, False]`, nested to any depth. Lenient about spaces and
/// trailing commas, strict about everything else (the error says where).
public enum TensorLiteral {
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// The nested data, as `torch.tensor` would receive it from Python.
    public static func parse(_ text: String) throws -> NestedData {
        var p = Parser(chars: Array(text))
        p.skipSpaces()
        let value = try p.value(depth: 0)
        p.skipSpaces()
        guard p.pos == p.chars.count else { throw p.error("unexpected '\(p.chars[p.pos])'") }
        return value
    }

    /// `torch.tensor(parse(text))`, with the engine's own checks (ragged lists are rejected as PyTorch does).
    public static func tensor(_ text: String, dtype: DType? = nil) throws -> Tensor {
        try Tensor.fromNested(parse(text), dtype: dtype)
    }

    private struct Parser {
        let chars: [Character]
        var pos = 0
        static let maxDepth = 32

        func error(_ what: String) -> ParseError {
            ParseError(message: "\(what) at column \(min(pos, chars.count) + 1)")
        }

        mutating func skipSpaces() { while pos < chars.count, chars[pos].isWhitespace { pos += 1 } }

        mutating func value(depth: Int) throws -> NestedData {
            guard depth < Parser.maxDepth else { throw error("nesting deeper than \(Parser.maxDepth)") }
            guard pos < chars.count else { throw error("expected a number or '['") }
            if chars[pos] == "[" || chars[pos] == "(" {
                let close: Character = chars[pos] == "[" ? "]" : ")"
                pos += 1
                var items: [NestedData] = []
                while true {
                    skipSpaces()
                    guard pos < chars.count else { throw error("missing '\(close)'") }
                    if chars[pos] == close { pos += 1; return .list(items) }
                    items.append(try value(depth: depth + 1))
                    skipSpaces()
                    guard pos < chars.count else { throw error("missing '\(close)'") }
                    if chars[pos] == "," { pos += 1; continue }
                    if chars[pos] != close { throw error("expected ',' or '\(close)' but found '\(chars[pos])'") }
                }
            }
            let start = pos
            while pos < chars.count, !",[]() \t\n".contains(chars[pos]) { pos += 1 }
            let word = String(chars[start..<pos])
            switch word {
            case "True", "true": return .scalar(.bool(true))
            case "False", "false": return .scalar(.bool(false))
            default: break
            }
            let cleaned = word.replacingOccurrences(of: "_", with: "")
            if let i = Int64(cleaned) { return .scalar(.int(i)) }
            if cleaned.contains(where: { ".eE".contains($0) }) || ["inf", "-inf", "nan"].contains(cleaned),
               let d = Double(cleaned) {
                return .scalar(.double(d))
            }
            pos = start
            throw error(word.isEmpty ? "expected a number" : "'\(word)' is not a number")
        }
    }
}

/// A nested Python list literal of the tensor's values (`[[1, 2], [3, 4]]`), as a snippet would write it.
func pythonLiteral(_ t: Tensor) -> String { t.tolist().description }

/// `2x3` / `2,3` / `[2, 3]` → [2, 3], each size 1…limit.
func parseShape(_ text: String, limit: Int = 8) throws -> [Int] {
    let parts = text.split(whereSeparator: { "x×,*[]() ".contains($0) }).map(String.init)
    guard !parts.isEmpty, parts.count <= 4 else {
        throw ExplainError.usage("--shape takes 1 to 4 sizes like 2x3, got '\(text)'")
    }
    return try parts.map { p in
        guard let n = Int(p), (1...limit).contains(n) else {
            throw ExplainError.usage("--shape sizes must be whole numbers from 1 to \(limit), got '\(p)' in '\(text)'")
        }
        return n
    }
}

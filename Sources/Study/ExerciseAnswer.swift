import Explain
import Foundation
import MiniTorch
import QuestionBank

/// Reads what a learner types, leniently: spaces anywhere, trailing commas, `tensor(...)` / `torch.Size(...)`
/// wrappers, `(2, 3)` or `[2, 3]` or `2x3` for shapes, `torch.float32` / `float32` / `float` for dtypes. Never traps:
/// anything it cannot read becomes an `AnswerUnreadable` saying what was expected.
enum AnswerParser {
    /// At most this many bytes / values are read (a quiz answer is one line of a small tensor).
    static let maxLength = 4000, maxElements = 1024

    /// A tensor literal: its shape and its values in row-major order.
    struct TensorValue: Equatable {
        var shape: [Int]
        var values: [Scalar]
    }

    /// The answer to a shape question: a shape, or "this raises an error".
    enum ShapeValue: Equatable {
        case shape([Int])
        case error
    }

    static func tensor(_ raw: String) -> Result<TensorValue, AnswerUnreadable> {
        var text: String
        switch trimmed(raw) {
        case .failure(let reason): return .failure(reason)
        case .success(let t): text = t
        }
        if let inner = unwrap(text, prefixes: ["torch.tensor(", "tensor("]) {
            guard let literal = droppingKeywordArguments(inner) else {
                return .failure(AnswerUnreadable(en: "could not read the arguments of tensor(...)",
                                                 zh: "看不懂 tensor(...) 裡的參數"))
            }
            text = literal
        }
        let data: NestedData
        do {
            data = try TensorLiteral.parse(text)
        } catch {
            let message = (error as? TensorLiteral.ParseError)?.message ?? String(describing: error)
            return .failure(AnswerUnreadable(en: "not a tensor literal (\(message))", zh: "不是張量字面值（\(message)）"))
        }
        var values: [Scalar] = []
        guard let shape = flatten(data, into: &values) else {
            return .failure(AnswerUnreadable(en: "the rows have different lengths", zh: "各列長度不一致"))
        }
        guard values.count <= maxElements else {
            return .failure(AnswerUnreadable(en: "more than \(maxElements) values", zh: "超過 \(maxElements) 個值"))
        }
        return .success(TensorValue(shape: shape, values: values))
    }

    static func shape(_ raw: String) -> Result<ShapeValue, AnswerUnreadable> {
        var text: String
        switch trimmed(raw) {
        case .failure(let reason): return .failure(reason)
        case .success(let t): text = t.lowercased()
        }
        if isErrorWord(text) { return .success(.error) }
        if let inner = unwrap(text, prefixes: ["torch.size(", "size("]) { text = inner }
        guard let sizes = integers(text, separators: ",x×* \t") else {
            return .failure(AnswerUnreadable(en: "not a shape", zh: "不是形狀"))
        }
        return .success(.shape(sizes))
    }

    static func dtype(_ raw: String) -> Result<DType, AnswerUnreadable> {
        var text: String
        switch trimmed(raw) {
        case .failure(let reason): return .failure(reason)
        case .success(let t): text = t
        }
        for prefix in ["dtype=", "dtype:", "torch."] where text.lowercased().hasPrefix(prefix) {
            text = String(text.dropFirst(prefix.count)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let d = DType(name: text.lowercased()) { return .success(d) }
        // `FloatTensor`, `LongTensor`, ... (what `x.type()` prints).
        if let d = DType.allCases.first(where: { $0.typeString.dropFirst("torch.".count).lowercased() == text.lowercased() }) {
            return .success(d)
        }
        return .failure(AnswerUnreadable(en: "not a dtype", zh: "不是 dtype"))
    }

    /// A list of non-negative integers: `3,3,3,1`, `[3, 3, 3, 1]`, `(3, 3, 3, 1)`, `3 3 3 1`.
    static func counts(_ raw: String) -> Result<[Int], AnswerUnreadable> {
        let text: String
        switch trimmed(raw) {
        case .failure(let reason): return .failure(reason)
        case .success(let t): text = t
        }
        guard let list = integers(text, separators: ", \t"), !list.isEmpty else {
            return .failure(AnswerUnreadable(en: "not a list of whole numbers", zh: "不是整數串列"))
        }
        return .success(list)
    }

    // MARK: pieces

    /// The text without surrounding spaces (and a trailing `;`); unreadable when nothing, or far too much, was typed.
    static func trimmed(_ raw: String) -> Result<String, AnswerUnreadable> {
        guard raw.utf8.count <= maxLength else {
            return .failure(AnswerUnreadable(en: "the answer is longer than \(maxLength) characters",
                                             zh: "答案超過 \(maxLength) 個字元"))
        }
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(";") { text.removeLast(); text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return text.isEmpty ? .failure(.empty) : .success(text)
    }

    /// What is inside `prefix(...)`, when `text` is written that way (prefix matched case-insensitively).
    static func unwrap(_ text: String, prefixes: [String]) -> String? {
        let lower = text.lowercased()
        guard let prefix = prefixes.first(where: { lower.hasPrefix($0) }), text.hasSuffix(")"),
              text.count >= prefix.count + 1 else { return nil }
        return String(text.dropFirst(prefix.count).dropLast())
    }

    /// `[[1, 2]], dtype=torch.int32` → `[[1, 2]]`: the first argument of a pasted `tensor(...)`, when every other
    /// top-level argument is a keyword (`dtype=`, `grad_fn=<...>`, `device=`, `requires_grad=`).
    static func droppingKeywordArguments(_ inner: String) -> String? {
        var depth = 0
        var firstComma: String.Index?
        for i in inner.indices {
            switch inner[i] {
            case "[", "(", "<": depth += 1
            case "]", ")", ">": depth -= 1
            case "," where depth == 0 && firstComma == nil: firstComma = i
            default: break
            }
        }
        guard let comma = firstComma else { return inner }
        let rest = inner[inner.index(after: comma)...].split(separator: ",")
        guard rest.allSatisfy({ $0.contains("=") || $0.allSatisfy(\.isWhitespace) }) else { return nil }
        return String(inner[..<comma])
    }

    /// Integers separated by any of `separators`, optionally inside one pair of `[]` or `()`; a trailing separator
    /// is fine (`(2,)`); `[]` / `()` is the empty list. Nil when anything else is in the text.
    static func integers(_ text: String, separators: String) -> [Int]? {
        var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let open = body.first, let close = body.last, body.count >= 2,
           (open == "[" && close == "]") || (open == "(" && close == ")") {
            body = body.dropFirst().dropLast()
        }
        let pieces = body.split(whereSeparator: { separators.contains($0) || $0 == " " })
        var out: [Int] = []
        for piece in pieces {
            guard piece.allSatisfy(\.isASCII), let n = Int(piece), n >= 0 else { return nil }
            out.append(n)
        }
        // Separators alone are fine only as a trailing comma; stray characters were rejected above.
        if out.isEmpty && body.contains(where: { !$0.isWhitespace }) { return nil }
        return out
    }

    /// `error`, `RuntimeError`, `raises`, `錯誤`, ...: the learner predicts that the snippet fails.
    static func isErrorWord(_ lower: String) -> Bool {
        let words = ["error", "err", "runtimeerror", "raises", "raise", "exception", "fails", "fail", "invalid",
                     "錯誤", "报错", "報錯", "出錯", "例外", "失敗"]
        return words.contains(lower) || lower.hasPrefix("runtimeerror")
    }

    /// Shape and row-major values of nested lists; nil when ragged.
    static func flatten(_ data: NestedData, into values: inout [Scalar]) -> [Int]? {
        switch data {
        case .scalar(let s):
            values.append(s)
            return []
        case .list(let items):
            var inner: [Int]?
            for item in items {
                guard let shape = flatten(item, into: &values) else { return nil }
                if let inner, inner != shape { return nil }
                inner = shape
            }
            return [items.count] + (inner ?? [])
        }
    }
}

/// Why an answer could not be read, in both languages.
struct AnswerUnreadable: Error, Equatable {
    var en: String
    var zh: String

    static let empty = AnswerUnreadable(en: "nothing was typed", zh: "沒有輸入內容")

    func message(_ language: Language) -> String { language == .zh ? zh : en }
}

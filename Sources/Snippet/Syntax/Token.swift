/// A lexical token with its position (1-based line, 0-based column in Unicode scalars).
struct Token {
    enum Kind: Equatable {
        case name, int, float, string, op, newline, indent, dedent, eof
    }
    let kind: Kind
    /// Identifier, operator text, or the number's source text.
    let text: String
    let line: Int
    let column: Int
    var endColumn: Int
    var intValue: Int = 0
    var floatValue: Double = 0
    /// For strings: the decoded value, or for f-strings the raw body (parsed by the parser).
    var stringValue: String = ""
    var isFString = false
    var isRaw = false
    var isBytes = false

    init(_ kind: Kind, _ text: String, line: Int, column: Int, endColumn: Int) {
        self.kind = kind; self.text = text; self.line = line; self.column = column; self.endColumn = endColumn
    }

    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isName(_ s: String) -> Bool { kind == .name && text == s }
}

/// A syntax error with Python's message and position (1-based line and column).
struct SyntaxErrorInfo: Error {
    var message: String
    var line: Int
    var column: Int
    var isIndentation = false
    var isTab = false

    func pyError(sourceLines: [String]) -> PyError {
        let type: PyType = isTab ? .tabError : isIndentation ? .indentationError : .syntaxError
        let err = PyError(type, message)
        let text = line >= 1 && line <= sourceLines.count ? sourceLines[line - 1] : ""
        err.exception.syntaxLocation = (line, max(1, column), text)
        return err
    }
}

let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

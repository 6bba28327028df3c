/// Turns source text into tokens with Python's rules: INDENT/DEDENT from leading whitespace, NEWLINE only
/// outside brackets, backslash continuation, comments, string prefixes and escapes, numbers.
struct Lexer {
    private let src: [Unicode.Scalar]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var indents: [Int] = [0]
    private var brackets: [(char: Unicode.Scalar, line: Int, column: Int)] = []
    private var tokens: [Token] = []
    private var atLineStart = true

    init(_ source: String) { src = Array(source.unicodeScalars) }

    static func tokenize(_ source: String) throws -> [Token] {
        var lx = Lexer(source)
        return try lx.run()
    }

    private var column: Int { pos - lineStart }
    private func peek(_ o: Int = 0) -> Unicode.Scalar? { pos + o < src.count ? src[pos + o] : nil }

    private func error(_ m: String, line l: Int? = nil, column c: Int? = nil) -> SyntaxErrorInfo {
        SyntaxErrorInfo(message: m, line: l ?? line, column: (c ?? column) + 1)
    }

    private mutating func add(_ kind: Token.Kind, _ text: String, start: Int) {
        tokens.append(Token(kind, text, line: line, column: start - lineStart, endColumn: pos - lineStart))
    }

    private mutating func newline() { line += 1; lineStart = pos }

    mutating func run() throws -> [Token] {
        while true {
            if atLineStart && brackets.isEmpty {
                if try handleIndentation() { continue }
            }
            guard let c = peek() else { break }
            let start = pos
            switch c {
            case " ", "\t", "\u{0C}": pos += 1
            case "#": while let d = peek(), d != "\n" { pos += 1 }
            case "\r": pos += 1
            case "\n":
                pos += 1
                if brackets.isEmpty {
                    if let last = tokens.last, last.kind != .newline, last.kind != .indent, last.kind != .dedent {
                        tokens.append(Token(.newline, "\n", line: line, column: start - lineStart, endColumn: start - lineStart + 1))
                    }
                    atLineStart = true
                }
                newline()
            case "\\":
                pos += 1
                while let d = peek(), d == " " || d == "\t" || d == "\r" { pos += 1 }
                if peek() == "\n" { pos += 1; newline() }
                else if peek() == nil { throw error("unexpected EOF while parsing") }
                else { throw error("unexpected character after line continuation character", column: start - lineStart) }
            default:
                if isIdentStart(c) {
                    // string prefixes
                    if let q = stringPrefixEnd() {
                        try lexString(prefixEnd: q)
                        continue
                    }
                    while let d = peek(), isIdentContinue(d) { pos += 1 }
                    add(.name, String(String.UnicodeScalarView(src[start..<pos])), start: start)
                } else if c.properties.numericType != nil && ("0"..."9").contains(c) || (c == "." && (peek(1).map { ("0"..."9").contains($0) } ?? false)) {
                    try lexNumber()
                } else if c == "'" || c == "\"" {
                    try lexString(prefixEnd: pos)
                } else {
                    try lexOperator()
                }
            }
        }
        // end of input
        if let b = brackets.last {
            throw SyntaxErrorInfo(message: "'\(b.char)' was never closed", line: b.line, column: b.column + 1)
        }
        if let last = tokens.last, last.kind != .newline, last.kind != .dedent, last.kind != .indent {
            tokens.append(Token(.newline, "", line: line, column: column, endColumn: column))
        }
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(Token(.dedent, "", line: line, column: 0, endColumn: 0))
        }
        tokens.append(Token(.eof, "", line: line, column: column, endColumn: column))
        return tokens
    }

    /// At the start of a logical line: measure indentation, skip blank/comment lines. Returns true if it consumed a blank line.
    private mutating func handleIndentation() throws -> Bool {
        var width = 0
        var p = pos
        var sawTab = false, sawSpace = false
        while p < src.count {
            let c = src[p]
            if c == " " { width += 1; sawSpace = true }
            else if c == "\t" { width = (width / 8 + 1) * 8; sawTab = true }
            else if c == "\u{0C}" { width = 0 }
            else { break }
            p += 1
        }
        // blank or comment-only line
        if p >= src.count || src[p] == "\n" || src[p] == "#" || src[p] == "\r" {
            pos = p
            while let d = peek(), d != "\n" { pos += 1 }
            if peek() == "\n" { pos += 1; newline(); return true }
            atLineStart = false
            return true
        }
        _ = sawTab && sawSpace
        pos = p
        atLineStart = false
        let current = indents[indents.count - 1]
        if width > current {
            indents.append(width)
            tokens.append(Token(.indent, "", line: line, column: 0, endColumn: width))
        } else if width < current {
            while let top = indents.last, width < top {
                indents.removeLast()
                tokens.append(Token(.dedent, "", line: line, column: 0, endColumn: width))
            }
            if indents.last != width {
                var e = error("unindent does not match any outer indentation level", column: width)
                e.isIndentation = true
                throw e
            }
        }
        return false
    }

    private func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || (c.value > 127 && c.properties.isXIDStart)
    }
    private func isIdentContinue(_ c: Unicode.Scalar) -> Bool {
        isIdentStart(c) || ("0"..."9").contains(c) || (c.value > 127 && c.properties.isXIDContinue)
    }

    /// If the identifier at `pos` is a string prefix followed by a quote, returns the quote position.
    private func stringPrefixEnd() -> Int? {
        var p = pos
        var letters = ""
        while p < src.count, p - pos < 3, ("a"..."z").contains(src[p]) || ("A"..."Z").contains(src[p]) {
            letters.unicodeScalars.append(src[p]); p += 1
        }
        guard p < src.count, src[p] == "'" || src[p] == "\"" else { return nil }
        let l = letters.lowercased()
        let valid: Set<String> = ["r", "u", "f", "b", "br", "rb", "fr", "rf"]
        return valid.contains(l) ? p : nil
    }

    private mutating func lexString(prefixEnd: Int) throws {
        let start = pos
        let startLine = line
        let startCol = column
        let prefix = String(String.UnicodeScalarView(src[pos..<prefixEnd])).lowercased()
        pos = prefixEnd
        let isRaw = prefix.contains("r"), isF = prefix.contains("f"), isBytes = prefix.contains("b")
        guard let quote = peek() else { return }
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        var body: [Unicode.Scalar] = []
        while true {
            guard let c = peek() else {
                if triple {
                    let detected = src.last == "\n" ? max(startLine, line - 1) : line
                    throw SyntaxErrorInfo(message: "unterminated triple-quoted string literal (detected at line \(detected))", line: startLine, column: startCol + 1)
                }
                throw SyntaxErrorInfo(message: "unterminated string literal (detected at line \(line))", line: startLine, column: startCol + 1)
            }
            if c == "\\" {
                body.append(c); pos += 1
                if let d = peek() {
                    body.append(d); pos += 1
                    if d == "\n" { newline() }
                }
                continue
            }
            if c == quote {
                if !triple { pos += 1; break }
                if peek(1) == quote && peek(2) == quote { pos += 3; break }
            }
            if c == "\n" {
                if !triple {
                    throw SyntaxErrorInfo(message: "unterminated string literal (detected at line \(line))", line: startLine, column: startCol + 1)
                }
                body.append(c); pos += 1; newline(); continue
            }
            body.append(c); pos += 1
        }
        let raw = String(String.UnicodeScalarView(body))
        var t = Token(.string, String(String.UnicodeScalarView(src[start..<pos])), line: startLine, column: startCol,
                      endColumn: line == startLine ? column : startCol + 1)
        t.isFString = isF; t.isRaw = isRaw; t.isBytes = isBytes
        if isF { t.stringValue = raw }
        else if isRaw { t.stringValue = raw }
        else { t.stringValue = try Lexer.decodeEscapes(raw, line: startLine, column: startCol) }
        tokens.append(t)
    }

    /// Processes backslash escapes of a non-raw string literal.
    static func decodeEscapes(_ s: String, line: Int, column: Int) throws -> String {
        if !s.unicodeScalars.contains("\\") { return s }
        var out = String.UnicodeScalarView()
        let a = Array(s.unicodeScalars)
        var i = 0
        func hex(_ n: Int) throws -> Unicode.Scalar {
            guard i + n <= a.count else {
                throw SyntaxErrorInfo(message: "(unicode error) truncated escape", line: line, column: column + 1)
            }
            let h = String(String.UnicodeScalarView(a[i..<(i + n)]))
            guard let v = UInt32(h, radix: 16), let u = Unicode.Scalar(v) else {
                throw SyntaxErrorInfo(message: "(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\xXX escape", line: line, column: column + 1)
            }
            i += n
            return u
        }
        while i < a.count {
            let c = a[i]
            if c != "\\" || i + 1 >= a.count { out.append(c); i += 1; continue }
            let d = a[i + 1]
            i += 2
            switch d {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "\n": break
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "x": out.append(try hex(2))
            case "u": out.append(try hex(4))
            case "U": out.append(try hex(8))
            case "0"..."7":
                var v = d.value - 48
                var n = 1
                while n < 3, i < a.count, ("0"..."7").contains(a[i]) { v = v * 8 + a[i].value - 48; i += 1; n += 1 }
                out.append(Unicode.Scalar(v) ?? "?")
            default: out.append("\\"); out.append(d)
            }
        }
        return String(out)
    }

    private mutating func lexNumber() throws {
        let start = pos
        func digits(_ ok: (Unicode.Scalar) -> Bool) {
            while let c = peek(), ok(c) || (c == "_" && (peek(1).map(ok) ?? false)) { pos += 1 }
        }
        let isDec: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        var isFloat = false
        if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            pos += 2
            let radix = (x == "x" || x == "X") ? 16 : (x == "o" || x == "O") ? 8 : 2
            let ok: (Unicode.Scalar) -> Bool = { c in
                switch radix {
                case 16: return isDec(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
                case 8: return ("0"..."7").contains(c)
                default: return c == "0" || c == "1"
                }
            }
            if peek() == "_" { pos += 1 }
            digits(ok)
            let text = String(String.UnicodeScalarView(src[start..<pos]))
            let body = text.dropFirst(2).replacingOccurrences(of: "_", with: "")
            if let c = peek(), isIdentContinue(c) {
                throw error("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal")
            }
            guard !body.isEmpty else { throw error("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal") }
            guard let v = Int(body, radix: radix) else { throw error("integer literal too large (tensorprep integers are 64-bit)", column: start - lineStart) }
            var t = Token(.int, text, line: line, column: start - lineStart, endColumn: column)
            t.intValue = v
            tokens.append(t)
            return
        }
        digits(isDec)
        if peek() == ".", !(peek(1) == "." && peek(2) == ".") {
            isFloat = true; pos += 1; digits(isDec)
        }
        if let e = peek(), e == "e" || e == "E" {
            let save = pos
            pos += 1
            if let s = peek(), s == "+" || s == "-" { pos += 1 }
            if let d = peek(), isDec(d) { isFloat = true; digits(isDec) } else { pos = save }
        }
        if let c = peek(), c == "j" || c == "J" {
            throw error("complex numbers are not supported in tensorprep snippets", column: start - lineStart)
        }
        if let c = peek(), isIdentStart(c) {
            throw error("invalid decimal literal", column: start - lineStart)
        }
        let text = String(String.UnicodeScalarView(src[start..<pos]))
        let clean = text.replacingOccurrences(of: "_", with: "")
        if isFloat {
            var t = Token(.float, text, line: line, column: start - lineStart, endColumn: column)
            t.floatValue = Double(clean) ?? .nan
            tokens.append(t)
        } else {
            if clean.count > 1, clean.hasPrefix("0"), clean.contains(where: { $0 != "0" }) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", column: start - lineStart)
            }
            guard let v = Int(clean) else { throw error("integer literal too large (tensorprep integers are 64-bit)", column: start - lineStart) }
            var t = Token(.int, text, line: line, column: start - lineStart, endColumn: column)
            t.intValue = v
            tokens.append(t)
        }
    }

    private static let ops3: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    private static let ops2: Set<String> = ["**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=",
                                            "%=", "&=", "|=", "^=", "@=", "->", ":="]
    private static let ops1: Set<Unicode.Scalar> = ["+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")",
                                                    "[", "]", "{", "}", ",", ":", ".", ";", "="]

    private mutating func lexOperator() throws {
        let start = pos
        func text(_ n: Int) -> String? {
            guard pos + n <= src.count else { return nil }
            return String(String.UnicodeScalarView(src[pos..<(pos + n)]))
        }
        if let t = text(3), Lexer.ops3.contains(t) { pos += 3; add(.op, t, start: start); return }
        if let t = text(2), Lexer.ops2.contains(t) { pos += 2; add(.op, t, start: start); return }
        guard let c = peek() else { return }
        if Lexer.ops1.contains(c) {
            pos += 1
            switch c {
            case "(", "[", "{":
                if brackets.count >= 200 { throw error("too many nested parentheses", column: start - lineStart) }
                brackets.append((c, line, start - lineStart))
            case ")", "]", "}":
                let open: Unicode.Scalar = c == ")" ? "(" : c == "]" ? "[" : "{"
                guard let top = brackets.last else { throw error("unmatched '\(c)'", column: start - lineStart) }
                if top.char != open {
                    if top.line != line {
                        throw error("closing parenthesis '\(c)' does not match opening parenthesis '\(top.char)' on line \(top.line)", column: start - lineStart)
                    }
                    throw error("closing parenthesis '\(c)' does not match opening parenthesis '\(top.char)'", column: start - lineStart)
                }
                brackets.removeLast()
            default: break
            }
            add(.op, String(c), start: start)
            return
        }
        if c == "!" { throw error("invalid syntax", column: start - lineStart) }
        if c == "$" || c == "?" || c == "`" { throw error("invalid syntax", column: start - lineStart) }
        throw error("invalid character '\(c)' (U+\(String(c.value, radix: 16, uppercase: true).leftPadded(4)))", column: start - lineStart)
    }
}

extension String {
    func leftPadded(_ n: Int, with c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}

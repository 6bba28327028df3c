import Foundation

/// Python's text forms of built-in values: `repr(float)` (shortest round-trip, Python's exponent rules),
/// string quoting, the format-spec mini-language and `%`-formatting.
public enum Formatting {
    /// `repr(x)` of a Python float: `0.1`, `1e-05`, `1.0`, `1e+16`, `inf`, `nan`, `-0.0`.
    public static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description is the shortest round-trip digit string; re-lay it out with Python's rules.
        let (negative, digits, exponent) = decompose(d.description)
        // value = 0.digits × 10^exponent  → scientific exponent is exponent - 1
        let sciExp = exponent - 1
        var out = negative ? "-" : ""
        if sciExp < -4 || sciExp >= 16 {
            out += String(digits.first ?? "0")
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += sciExp < 0 ? "e-" : "e+"
            out += String(abs(sciExp)).leftPadded(2)
        } else if exponent <= 0 {
            out += "0." + String(repeating: "0", count: -exponent) + digits
        } else if exponent >= digits.count {
            out += digits + String(repeating: "0", count: exponent - digits.count) + ".0"
        } else {
            let idx = digits.index(digits.startIndex, offsetBy: exponent)
            out += digits[..<idx] + "." + digits[idx...]
        }
        return out
    }

    /// Splits a decimal string ("-1.25e-05", "123.0") into sign, significant digits, and exponent such that
    /// value = 0.DIGITS × 10^exponent.
    static func decompose(_ s: String) -> (Bool, String, Int) {
        var str = Substring(s)
        var negative = false
        if str.first == "-" { negative = true; str = str.dropFirst() }
        var exp = 0
        if let e = str.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(str[str.index(after: e)...]) ?? 0
            str = str[..<e]
        }
        var intPart = str, frac: Substring = ""
        if let dot = str.firstIndex(of: ".") { intPart = str[..<dot]; frac = str[str.index(after: dot)...] }
        var digits = String(intPart) + String(frac)
        var pointPos = intPart.count + exp
        while digits.first == "0" { digits.removeFirst(); pointPos -= 1 }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return (negative, "0", 1) }
        return (negative, digits, pointPos)
    }

    /// `repr(str)`: single quotes unless the text contains `'` and no `"`; escapes like CPython.
    public static func strRepr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let q: Character = useDouble ? "\"" : "'"
        var out = String(q)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u == q.unicodeScalars.first! { out += "\\" + String(q); continue }
                if u.value < 0x20 || u.value == 0x7f { out += "\\x" + String(u.value, radix: 16).leftPadded(2) }
                else if u.value >= 0x80 && u.value < 0xa0 { out += "\\x" + String(u.value, radix: 16).leftPadded(2) }
                else if !u.properties.isPrintableLike { out += u.value <= 0xffff ? "\\u" + String(u.value, radix: 16).leftPadded(4) : "\\U" + String(u.value, radix: 16).leftPadded(8) }
                else { out.unicodeScalars.append(u) }
            }
        }
        out.append(q)
        return out
    }

    /// repr of built-in values without running user code (used for error messages).
    static func simpleRepr(_ v: Value) -> String {
        switch v {
        case .str(let s): return strRepr(s)
        case .object(let o):
            if let t = o as? PyTuple {
                if t.items.count == 1 { return "(" + simpleRepr(t.items[0]) + ",)" }
                return "(" + t.items.map(simpleRepr).joined(separator: ", ") + ")"
            }
            if let l = o as? PyList { return "[" + l.items.map(simpleRepr).joined(separator: ", ") + "]" }
            return simpleStr(v)
        default: return simpleStr(v)
        }
    }

    static func simpleStr(_ v: Value) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return floatRepr(d)
        case .str(let s): return s
        case .object(let o):
            if let t = o as? PyType { return "<class '\(t.qualifiedName)'>" }
            if o is PyTuple || o is PyList { return simpleRepr(v) }
            if let e = o as? PyException { return e.messageText }
            return "<\(o.type.qualifiedName) object at 0x\(String(o.identity, radix: 16).leftPadded(12))>"
        }
    }

    // MARK: format spec mini-language

    struct Spec {
        var fill: Character = " "
        var align: Character?
        var sign: Character = "-"
        var alternate = false
        var zero = false
        var width = 0
        var grouping: Character?
        var precision: Int?
        var type: Character?
    }

    static func parseSpec(_ s: String) throws -> Spec {
        var spec = Spec()
        let c = Array(s)
        var i = 0
        func isAlign(_ ch: Character) -> Bool { ch == "<" || ch == ">" || ch == "^" || ch == "=" }
        if c.count >= 2 && isAlign(c[1]) { spec.fill = c[0]; spec.align = c[1]; i = 2 }
        else if c.count >= 1 && isAlign(c[0]) { spec.align = c[0]; i = 1 }
        if i < c.count && (c[i] == "+" || c[i] == "-" || c[i] == " ") { spec.sign = c[i]; i += 1 }
        if i < c.count && c[i] == "#" { spec.alternate = true; i += 1 }
        if i < c.count && c[i] == "0" { spec.zero = true; i += 1 }
        var w = 0
        while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { w = min(w * 10 + d, 100_000); i += 1 }
        spec.width = w
        if i < c.count && (c[i] == "," || c[i] == "_") { spec.grouping = c[i]; i += 1 }
        if i < c.count && c[i] == "." {
            i += 1
            var p = 0, any = false
            while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { p = min(p * 10 + d, 10_000); i += 1; any = true }
            if !any { throw PyError.valueError("Format specifier missing precision") }
            spec.precision = p
        }
        if i < c.count { spec.type = c[i]; i += 1 }
        if i < c.count { throw PyError.valueError("Invalid format specifier '\(s)' for object of type '%T'") }
        return spec
    }

    static func pad(_ body: String, _ spec: Spec, numeric: Bool) -> String {
        let len = body.count
        guard spec.width > len else { return body }
        let n = spec.width - len
        var align = spec.align ?? (numeric ? ">" : "<")
        var fill = spec.fill
        if spec.zero && spec.align == nil { align = "="; fill = "0" }
        let f = String(fill)
        switch align {
        case "<": return body + String(repeating: f, count: n)
        case "^": return String(repeating: f, count: n / 2) + body + String(repeating: f, count: n - n / 2)
        case "=":
            // padding after the sign
            if let first = body.first, first == "-" || first == "+" || first == " " {
                return String(first) + String(repeating: f, count: n) + body.dropFirst()
            }
            return String(repeating: f, count: n) + body
        default: return String(repeating: f, count: n) + body
        }
    }

    static func group(_ digits: String, _ sep: Character?) -> String {
        guard let sep else { return digits }
        var out: [Character] = []
        for (k, ch) in digits.reversed().enumerated() {
            if k > 0 && k % 3 == 0 { out.append(sep) }
            out.append(ch)
        }
        return String(out.reversed())
    }

    static func signPrefix(_ negative: Bool, _ spec: Spec) -> String {
        if negative { return "-" }
        if spec.sign == "+" { return "+" }
        if spec.sign == " " { return " " }
        return ""
    }

    /// `format(value, spec)` for int, float, bool, str and None; other types are the interpreter's business.
    static func format(_ v: Value, spec specText: String) throws -> String? {
        if specText.isEmpty { return nil }
        var spec: Spec
        do { spec = try parseSpec(specText) } catch let e as PyError {
            throw PyError.valueError(e.message.replacingOccurrences(of: "%T", with: v.typeName))
        }
        func unknown() -> PyError { PyError.valueError("Unknown format code '\(spec.type.map(String.init) ?? "")' for object of type '\(v.typeName)'") }
        switch v {
        case .str(let s):
            if let t = spec.type, t != "s" { throw unknown() }
            if spec.sign != "-" { throw PyError.valueError("Sign not allowed in string format specifier") }
            var body = s
            if let p = spec.precision { body = String(body.prefix(p)) }
            return pad(body, spec, numeric: false)
        case .int(let i):
            return try formatInt(i, spec, unknown)
        case .bool(let b):
            if spec.type == nil { return pad(b ? "True" : "False", spec, numeric: false) }
            return try formatInt(b ? 1 : 0, spec, unknown)
        case .float(let d):
            return try formatFloat(d, spec, unknown)
        default:
            return nil
        }
    }

    static func formatInt(_ i: Int, _ spec: Spec, _ unknown: () -> PyError) throws -> String {
        let t = spec.type ?? "d"
        let mag = i.magnitude
        var digits: String
        switch t {
        case "d", "n": digits = group(String(mag), spec.grouping)
        case "x": digits = (spec.alternate ? "0x" : "") + String(mag, radix: 16)
        case "X": digits = (spec.alternate ? "0X" : "") + String(mag, radix: 16).uppercased()
        case "o": digits = (spec.alternate ? "0o" : "") + String(mag, radix: 8)
        case "b": digits = (spec.alternate ? "0b" : "") + String(mag, radix: 2)
        case "c":
            guard let u = Unicode.Scalar(UInt32(truncatingIfNeeded: i)), i >= 0, i < 0x110000 else { throw PyError(.overflowError, "%c arg not in range(0x110000)") }
            return pad(String(Character(u)), spec, numeric: false)
        case "e", "E", "f", "F", "g", "G", "%":
            return try formatFloat(Double(i), spec, unknown)
        default: throw unknown()
        }
        if spec.precision != nil { throw PyError.valueError("Precision not allowed in integer format specifier") }
        return pad(signPrefix(i < 0, spec) + digits, spec, numeric: true)
    }

    static func formatFloat(_ d: Double, _ spec: Spec, _ unknown: () -> PyError) throws -> String {
        var t = spec.type
        let negative = d.sign == .minus && !(d.isNaN)
        let a = abs(d)
        var body: String
        if a.isNaN || a.isInfinite {
            body = a.isNaN ? "nan" : "inf"
            if t == "E" || t == "F" || t == "G" { body = body.uppercased() }
            if t == "%" { body += "%" }
            return pad(signPrefix(negative, spec) + body, spec, numeric: true)
        }
        switch t {
        case nil:
            if let p = spec.precision {
                body = cFormat(a, "g", max(p, 1), alternate: spec.alternate)
                if !body.contains(".") && !body.contains("e") && !body.contains("inf") { /* like repr: keep as is */ }
                // Python's '' type with precision: like 'g' but at least one digit past the point when fixed
                if !body.contains("e") && !body.contains(".") { body += ".0" }
            } else {
                body = floatRepr(a)
            }
            t = nil
        case "f", "F": body = cFormat(a, "f", spec.precision ?? 6, alternate: spec.alternate)
        case "e", "E":
            body = cFormat(a, "e", spec.precision ?? 6, alternate: spec.alternate)
            if t == "E" { body = body.uppercased() }
        case "g", "G":
            body = cFormat(a, "g", spec.precision ?? 6, alternate: spec.alternate)
            if t == "G" { body = body.uppercased() }
        case "%": body = cFormat(a * 100, "f", spec.precision ?? 6, alternate: spec.alternate) + "%"
        case "n": body = cFormat(a, "g", spec.precision ?? 6, alternate: spec.alternate)
        default: throw unknown()
        }
        if let g = spec.grouping {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let intDigits = String(parts[0])
            if intDigits.allSatisfy({ $0.isNumber }) {
                body = group(intDigits, g) + (parts.count > 1 ? "." + parts[1] : "")
            }
        }
        return pad(signPrefix(negative, spec) + body, spec, numeric: true)
    }

    /// C printf formatting of a non-negative finite double: `%.{p}f`, `%.{p}e`, `%.{p}g`.
    static func cFormat(_ x: Double, _ conv: Character, _ precision: Int, alternate: Bool = false) -> String {
        let p = min(precision, 500)
        let f = "%" + (alternate ? "#" : "") + ".\(p)" + String(conv)
        return String(format: f, x)
    }

    // MARK: %-formatting

    /// `fmt % args` for str. `repr`/`str` convert arbitrary objects (given by the interpreter).
    static func percentFormat(_ fmt: String, _ args: Value, repr: (Value) throws -> String, str: (Value) throws -> String) throws -> String {
        var items: [Value]
        var mapping: PyDict?
        if let t = args.as(PyTuple.self) { items = t.items }
        else if let d = args.as(PyDict.self) { items = [args]; mapping = d }
        else { items = [args] }
        var argIndex = 0
        var out = ""
        let c = Array(fmt)
        var i = 0
        func nextArg() throws -> Value {
            guard argIndex < items.count else { throw PyError.typeError("not enough arguments for format string") }
            defer { argIndex += 1 }
            return items[argIndex]
        }
        var usedMapping = false
        while i < c.count {
            let ch = c[i]
            if ch != "%" { out.append(ch); i += 1; continue }
            i += 1
            guard i < c.count else { throw PyError.valueError("incomplete format") }
            var key: String?
            if c[i] == "(" {
                var j = i + 1, depth = 1
                while j < c.count, depth > 0 { if c[j] == "(" { depth += 1 } else if c[j] == ")" { depth -= 1 }; j += 1 }
                guard depth == 0 else { throw PyError.valueError("incomplete format key") }
                key = String(c[(i + 1)..<(j - 1)])
                i = j
            }
            var spec = Spec()
            while i < c.count, "-+ #0".contains(c[i]) {
                switch c[i] {
                case "-": spec.align = "<"
                case "+": spec.sign = "+"
                case " ": if spec.sign != "+" { spec.sign = " " }
                case "#": spec.alternate = true
                default: spec.zero = true
                }
                i += 1
            }
            if i < c.count && c[i] == "*" {
                var w = try nextArg().asIndex()
                if w < 0 { spec.align = "<"; w = w == Int.min ? Int.max : -w }
                spec.width = min(w, 100_000)
                i += 1
            }
            while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { spec.width = min(spec.width * 10 + d, 100_000); i += 1 }
            if i < c.count && c[i] == "." {
                i += 1
                var p = 0
                if i < c.count && c[i] == "*" { p = min(max(0, try nextArg().asIndex()), 10_000); i += 1 }
                while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII { p = min(p * 10 + d, 10_000); i += 1 }
                spec.precision = p
            }
            while i < c.count, "hlL".contains(c[i]) { i += 1 }
            guard i < c.count else { throw PyError.valueError("incomplete format") }
            let conv = c[i]
            i += 1
            if conv == "%" { out.append("%"); continue }
            let arg: Value
            if let key {
                guard let m = mapping else { throw PyError.typeError("format requires a mapping") }
                usedMapping = true
                guard let v = m.get(HashKey(.str(key))) else { throw PyError.keyError(.str(key)) }
                arg = v
            } else {
                arg = try nextArg()
            }
            if spec.zero && spec.align == "<" { spec.zero = false }
            var body: String
            switch conv {
            case "s": body = try str(arg); if let p = spec.precision { body = String(body.prefix(p)) }
            case "r", "a": body = try repr(arg); if let p = spec.precision { body = String(body.prefix(p)) }
            case "d", "i", "u":
                let n: Int
                switch arg {
                case .int(let v): n = v
                case .bool(let b): n = b ? 1 : 0
                case .float(let d):
                    guard d.isFinite else { throw PyError(.overflowError, "cannot convert float \(d.isNaN ? "NaN" : "infinity") to integer") }
                    guard let v = Int(exactly: d.rounded(.towardZero)) else { throw PyError(.overflowError, "int too large") }
                    n = v
                default: throw PyError.typeError("%\(conv) format: a real number is required, not \(arg.typeName)")
                }
                var digits = String(n.magnitude)
                if let p = spec.precision, digits.count < p { digits = digits.leftPadded(p) }
                body = signPrefix(n < 0, spec) + digits
            case "x", "X", "o":
                guard case .int(let n) = arg.asIntLike else {
                    throw PyError.typeError("%\(conv) format: an integer is required, not \(arg.typeName)")
                }
                var digits = String(n.magnitude, radix: conv == "o" ? 8 : 16)
                if conv == "X" { digits = digits.uppercased() }
                if spec.alternate { digits = (conv == "o" ? "0o" : conv == "x" ? "0x" : "0X") + digits }
                body = signPrefix(n < 0, spec) + digits
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                switch arg {
                case .float(let v): d = v
                case .int(let v): d = Double(v)
                case .bool(let b): d = b ? 1 : 0
                default: throw PyError.typeError("must be real number, not \(arg.typeName)")
                }
                let negative = d.sign == .minus && !d.isNaN
                let a = abs(d)
                if a.isNaN || a.isInfinite {
                    body = a.isNaN ? "nan" : "inf"
                    if conv.isUppercase { body = body.uppercased() }
                } else {
                    body = cFormat(a, Character(conv.lowercased()), spec.precision ?? 6, alternate: spec.alternate)
                    if conv.isUppercase { body = body.uppercased() }
                }
                body = signPrefix(negative, spec) + body
            case "c":
                switch arg {
                case .str(let s) where s.count == 1: body = s
                case .int(let n):
                    guard n >= 0, n < 0x110000, let u = Unicode.Scalar(UInt32(n)) else { throw PyError(.overflowError, "%c arg not in range(0x110000)") }
                    body = String(Character(u))
                default: throw PyError.typeError("%c requires int or char")
                }
            default:
                throw PyError.valueError("unsupported format character '\(conv)' (0x\(String(conv.unicodeScalars.first?.value ?? 0, radix: 16)))) at index \(i - 1)")
            }
            let numeric = "diueEfFgGxXo".contains(conv)
            if spec.width > body.count {
                if spec.align == "<" { body += String(repeating: " ", count: spec.width - body.count) }
                else if spec.zero && numeric { var s2 = spec; s2.align = "="; s2.fill = "0"; body = pad(body, s2, numeric: true) }
                else { body = String(repeating: " ", count: spec.width - body.count) + body }
            }
            out += body
        }
        if mapping == nil && argIndex < items.count {
            throw PyError.typeError("not all arguments converted during string formatting")
        }
        _ = usedMapping
        return out
    }
}

extension Value {
    /// int and bool as `.int`, anything else unchanged.
    var asIntLike: Value {
        if case .bool(let b) = self { return .int(b ? 1 : 0) }
        return self
    }
}

extension Unicode.Scalar.Properties {
    /// Approximates Python's `str.isprintable` for repr purposes.
    var isPrintableLike: Bool {
        switch generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: return false
        case .spaceSeparator: return true
        default: return true
        }
    }
}

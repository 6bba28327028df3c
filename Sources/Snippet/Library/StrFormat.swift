/// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r`/`!s`, `:spec` with nested fields.
enum StrFormat {
    static func format(_ ctx: Interpreter, _ fmt: String, _ args: Arguments, depth: Int = 0) throws -> String {
        if depth > 2 { throw PyError.valueError("Max string recursion exceeded") }
        var autoIndex = 0
        var manual = false, auto = false
        var out = ""
        let c = Array(fmt)
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "}" {
                if i + 1 < c.count && c[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyError.valueError("Single '}' encountered in format string")
            }
            if ch != "{" { out.append(ch); i += 1; continue }
            if i + 1 < c.count && c[i + 1] == "{" { out.append("{"); i += 2; continue }
            // find matching '}'
            var j = i + 1, nest = 0
            while j < c.count {
                if c[j] == "{" { nest += 1 } else if c[j] == "}" { if nest == 0 { break }; nest -= 1 }
                j += 1
            }
            guard j < c.count else { throw PyError.valueError(nest > 0 ? "unmatched '{' in format spec" : "expected '}' before end of string") }
            let field = Array(c[(i + 1)..<j])
            i = j + 1
            // split field into name, conversion, spec
            var k = 0
            var bracket = 0
            while k < field.count {
                if field[k] == "[" { bracket += 1 } else if field[k] == "]" { bracket -= 1 }
                else if bracket == 0 && (field[k] == "!" || field[k] == ":") { break }
                k += 1
            }
            let name = String(field[0..<k])
            var conversion: Character?
            var spec = ""
            if k < field.count && field[k] == "!" {
                guard k + 1 < field.count else { throw PyError.valueError("end of string while looking for conversion specifier") }
                conversion = field[k + 1]
                k += 2
                if k < field.count && field[k] != ":" { throw PyError.valueError("expected ':' after conversion specifier") }
            }
            if k < field.count && field[k] == ":" { spec = String(field[(k + 1)...]) }
            // resolve the argument
            var first = ""
            var rest = Substring(name)
            while let f = rest.first, f != "." && f != "[" { first.append(f); rest = rest.dropFirst() }
            var value: Value
            if first.isEmpty {
                if manual { throw PyError.valueError("cannot switch from manual field specification to automatic field numbering") }
                auto = true
                guard autoIndex < args.positional.count else {
                    throw PyError.indexError("Replacement index \(autoIndex) out of range for positional args tuple")
                }
                value = args.positional[autoIndex]
                autoIndex += 1
            } else if let n = Int(first) {
                if auto { throw PyError.valueError("cannot switch from automatic field numbering to manual field specification") }
                manual = true
                guard n >= 0 && n < args.positional.count else {
                    throw PyError.indexError("Replacement index \(n) out of range for positional args tuple")
                }
                value = args.positional[n]
            } else {
                guard let v = args.keyword(first) else { throw PyError.keyError(.str(first)) }
                value = v
            }
            while let f = rest.first {
                if f == "." {
                    rest = rest.dropFirst()
                    var attr = ""
                    while let g = rest.first, g != "." && g != "[" { attr.append(g); rest = rest.dropFirst() }
                    value = try ctx.getAttribute(value, attr)
                } else {
                    rest = rest.dropFirst()
                    var key = ""
                    while let g = rest.first, g != "]" { key.append(g); rest = rest.dropFirst() }
                    guard rest.first == "]" else { throw PyError.valueError("Missing ']' in format string") }
                    rest = rest.dropFirst()
                    value = try ctx.getItem(value, Int(key).map { .int($0) } ?? .str(key))
                }
            }
            switch conversion {
            case nil: break
            case "r", "a": value = .str(try ctx.repr(value))
            case "s": value = .str(try ctx.str(value))
            case let x?: throw PyError.valueError("Unknown conversion specifier \(x)")
            }
            if spec.contains("{") {
                var sub = args
                sub.positional = Array(args.positional[min(autoIndex, args.positional.count)...])
                spec = try format(ctx, spec, sub, depth: depth + 1)
                if auto { autoIndex += spec.isEmpty ? 0 : 0 }
            }
            out += try ctx.format(value, spec)
        }
        return out
    }
}

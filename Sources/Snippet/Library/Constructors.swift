import Foundation

extension Builtins {
    /// `int(...)`, `str(...)`, `list(...)` etc.: constructors of the built-in classes.
    static func installConstructors() {
        PyType.int.constructor = { ctx, _, args in
            if args.positional.isEmpty && args.keywords.isEmpty { return .int(0) }
            let sig = Signature("int(x, /, base=10)")
            let b = try sig.bind(args)
            let x = b["x"]
            if args.positional.count > 1 || args.keyword("base") != nil {
                guard case .str(let s) = x else { throw PyError.typeError("int() can't convert non-string with explicit base") }
                return try parseInt(s, base: try b.int("base"))
            }
            switch x {
            case .int: return x
            case .bool(let v): return .int(v ? 1 : 0)
            case .float(let d): return try floatToInt(d)
            case .str(let s): return try parseInt(s, base: 10)
            default:
                for name in ["__int__", "__index__", "__trunc__"] {
                    if let f = x.type.lookup(name) { return try ctx.callAttribute(f, receiver: x, Arguments()) }
                }
                throw PyError.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
            }
        }
        PyType.float.constructor = { ctx, _, args in
            if args.positional.isEmpty { return .float(0) }
            guard args.positional.count == 1, args.keywords.isEmpty else { throw PyError.typeError("float expected at most 1 argument, got \(args.positional.count)") }
            let x = args.positional[0]
            switch x {
            case .float: return x
            case .int(let i): return .float(Double(i))
            case .bool(let v): return .float(v ? 1 : 0)
            case .str(let s): return .float(try parseFloat(s))
            default:
                if let f = x.type.lookup("__float__") { return try ctx.callAttribute(f, receiver: x, Arguments()) }
                if let f = x.type.lookup("__index__") { return .float(Double(try ctx.callAttribute(f, receiver: x, Arguments()).asIndex())) }
                throw PyError.typeError("float() argument must be a string or a real number, not '\(x.typeName)'")
            }
        }
        PyType.str.constructor = { ctx, _, args in
            if args.positional.isEmpty && args.keywords.isEmpty { return .str("") }
            guard args.positional.count == 1 else { throw PyError.typeError("str() takes at most 1 argument (\(args.positional.count) given)") }
            return .str(try ctx.str(args.positional[0]))
        }
        PyType.bool.constructor = { ctx, _, args in
            if args.positional.isEmpty { return .bool(false) }
            guard args.positional.count == 1, args.keywords.isEmpty else { throw PyError.typeError("bool expected at most 1 argument, got \(args.positional.count)") }
            return .bool(try ctx.isTruthy(args.positional[0]))
        }
        PyType.list.constructor = { ctx, _, args in
            if args.positional.isEmpty { return .list([]) }
            guard args.positional.count == 1, args.keywords.isEmpty else { throw PyError.typeError("list expected at most 1 argument, got \(args.positional.count)") }
            return .list(try ctx.toArray(args.positional[0]))
        }
        PyType.tuple.constructor = { ctx, _, args in
            if args.positional.isEmpty { return .tuple([]) }
            guard args.positional.count == 1, args.keywords.isEmpty else { throw PyError.typeError("tuple expected at most 1 argument, got \(args.positional.count)") }
            // an exact tuple is returned as is; a subclass (torch.Size) becomes a plain tuple, as in CPython
            if args.positional[0].as(PyTuple.self) != nil && args.positional[0].type === PyType.tuple { return args.positional[0] }
            return .tuple(try ctx.toArray(args.positional[0]))
        }
        PyType.dict.constructor = { ctx, _, args in
            let d = PyDict()
            guard args.positional.count <= 1 else { throw PyError.typeError("dict expected at most 1 argument, got \(args.positional.count)") }
            if let src = args[0] {
                if src.as(PyDict.self) != nil || (src.as(PyObject.self) != nil && src.type.lookup("keys") != nil && src.type.lookup("__getitem__") != nil) {
                    try ctx.dictUpdate(d, src, fromKeywords: true)
                } else {
                    try ctx.dictUpdate(d, src)
                }
            }
            for (k, v) in args.keywords { d.setUnchecked(HashKey(.str(k)), .str(k), v) }
            return .object(d)
        }
        for (t, frozen) in [(PyType.set, false), (PyType.frozenset, true)] {
            t.constructor = { ctx, _, args in
                let s = PySet(frozen: frozen)
                guard args.positional.count <= 1, args.keywords.isEmpty else { throw PyError.typeError("\(t.name) expected at most 1 argument, got \(args.positional.count)") }
                if let src = args[0] { for v in try ctx.toArray(src) { s.insert(try ctx.hashKey(v)) } }
                return .object(s)
            }
        }
        PyType.range.constructor = { _, _, args in
            guard args.keywords.isEmpty else { throw PyError.typeError("range() takes no keyword arguments") }
            let p = try args.positional.map { try $0.asIndex() }
            switch p.count {
            case 1: return .object(PyRange(0, p[0], 1))
            case 2: return .object(PyRange(p[0], p[1], 1))
            case 3:
                if p[2] == 0 { throw PyError.valueError("range() arg 3 must not be zero") }
                return .object(PyRange(p[0], p[1], p[2]))
            case 0: throw PyError.typeError("range expected at least 1 argument, got 0")
            default: throw PyError.typeError("range expected at most 3 arguments, got \(p.count)")
            }
        }
        PyType.slice.constructor = { _, _, args in
            let p = args.positional
            switch p.count {
            case 1: return .object(PySlice(.none, p[0], .none))
            case 2: return .object(PySlice(p[0], p[1], .none))
            case 3: return .object(PySlice(p[0], p[1], p[2]))
            default: throw PyError.typeError("slice expected at least 1 argument, got \(p.count)")
            }
        }
        PyType.type.constructor = { ctx, _, args in
            if args.positional.count == 1 { return .object(args.positional[0].type) }
            guard args.positional.count == 3, case .str(let name) = args.positional[0],
                  let bases = args.positional[1].as(PyTuple.self), let ns = args.positional[2].as(PyDict.self) else {
                throw PyError.typeError("type() takes 1 or 3 arguments")
            }
            let bt = try bases.items.map { v -> PyType in
                guard let t = v.as(PyType.self) else { throw PyError.typeError("bases must be types") }
                return t
            }
            let cls = try PyType.makeUserClass(name: name, module: "__main__", bases: bt)
            for (k, v) in ns.entries { if case .str(let ks) = k { cls.attributes[ks] = v } }
            _ = ctx
            return .object(cls)
        }
        PyType.object.constructor = { _, _, args in
            if !args.isEmpty { throw PyError.typeError("object() takes no arguments") }
            return .object(PyObject(type: PyType.object))
        }
        PyType.super.constructor = { ctx, _, args in
            if args.positional.isEmpty { return try ctx.zeroArgSuper() }
            guard args.positional.count == 2, let t = args.positional[0].as(PyType.self) else {
                throw PyError.typeError("super() argument 1 must be a type")
            }
            return .object(PySuper(startAfter: t, receiver: args.positional[1]))
        }
        PyType.staticmethod.constructor = { _, _, args in
            guard args.positional.count == 1, case .object(let f) = args.positional[0] else { throw PyError.typeError("staticmethod expected 1 argument") }
            return .object(PyStaticMethod(f))
        }
        PyType.property.constructor = { _, _, args in
            guard let getter = args[0] ?? args.keyword("fget") else { throw PyError.typeError("property() needs a getter in tensorprep snippets") }
            let setter = args[1] ?? args.keyword("fset")
            let name = getter.as(PyFunction.self)?.name ?? "property"
            return .object(PyProperty(name: name, get: { ctx, this in try ctx.call(getter, Arguments([this])) },
                                      set: setter.map { s in { ctx, this, v in _ = try ctx.call(s, Arguments([this, v])) } }))
        }
    }

    static func floatToInt(_ d: Double) throws -> Value {
        if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError(.overflowError, "cannot convert float infinity to integer") }
        guard let i = Int(exactly: d.rounded(.towardZero)) else { throw overflow() }
        return .int(i)
    }

    static func parseInt(_ text: String, base: Int) throws -> Value {
        func bad() -> PyError { PyError.valueError("invalid literal for int() with base \(base): \(Formatting.strRepr(text))") }
        guard base == 0 || (2...36).contains(base) else { throw PyError.valueError("int() base must be >= 2 and <= 36, or 0") }
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if let f = s.first, f == "+" || f == "-" { negative = f == "-"; s = s.dropFirst() }
        var b = base
        let lower = s.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == 0 || base == r) {
            b = r; s = s.dropFirst(2)
            if s.first == "_" { s = s.dropFirst() }
        }
        if b == 0 {
            b = 10
            if s.count > 1, s.first == "0", s.contains(where: { $0 != "0" && $0 != "_" }) { throw bad() }
        }
        guard !s.isEmpty, !s.hasPrefix("_"), !s.hasSuffix("_"), !s.contains("__") else { throw bad() }
        let digits = s.replacingOccurrences(of: "_", with: "")
        guard digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }), let mag = UInt(digits, radix: b) else {
            if digits.allSatisfy({ $0.isASCII && $0.hexDigitValue.map { $0 < b } ?? ($0.isLetter && Int($0.asciiValue ?? 0) - 87 < b) }) && !digits.isEmpty {
                throw overflow()
            }
            throw bad()
        }
        if negative {
            if mag == UInt(Int.max) + 1 { return .int(Int.min) }
            guard mag <= UInt(Int.max) else { throw overflow() }
            return .int(-Int(mag))
        }
        guard mag <= UInt(Int.max) else { throw overflow() }
        return .int(Int(mag))
    }

    static func parseFloat(_ text: String) throws -> Double {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let l = s.lowercased()
        var body = Substring(l)
        var sign = 1.0
        if let f = body.first, f == "+" || f == "-" { sign = f == "-" ? -1 : 1; body = body.dropFirst() }
        if body == "inf" || body == "infinity" { return sign * .infinity }
        if body == "nan" { return .nan }
        let valid = !body.isEmpty && body.allSatisfy { $0.isASCII && ($0.isNumber || "._e+-".contains($0)) }
            && !body.hasPrefix("_") && !body.hasSuffix("_") && !body.contains("__") && !body.contains("_.") && !body.contains("._")
        if valid, let d = Double(String(body).replacingOccurrences(of: "_", with: "")) { return sign * d }
        throw PyError.valueError("could not convert string to float: \(Formatting.strRepr(text))")
    }
}

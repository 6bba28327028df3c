import Foundation

/// Methods of the built-in classes (`str`, `list`, `dict`, `set`, `tuple`, `int`, `float`, exceptions).
enum BuiltinMethods {
    static func install() {
        installStr()
        installList()
        installDict()
        installSet()
        installTupleAndNumbers()
        installExceptions()
        installObject()
    }

    // MARK: helpers

    static func string(_ v: Value) throws -> String {
        if case .str(let s) = v { return s }
        throw PyError.typeError("descriptor requires a 'str' object but received a '\(v.typeName)'")
    }
    static func list(_ v: Value) throws -> PyList {
        if let l = v.as(PyList.self) { return l }
        throw PyError.typeError("descriptor requires a 'list' object but received a '\(v.typeName)'")
    }
    static func dict(_ v: Value) throws -> PyDict {
        if let d = v.as(PyDict.self) { return d }
        throw PyError.typeError("descriptor requires a 'dict' object but received a '\(v.typeName)'")
    }
    static func set(_ v: Value) throws -> PySet {
        if let s = v.as(PySet.self) { return s }
        throw PyError.typeError("descriptor requires a 'set' object but received a '\(v.typeName)'")
    }
    static func argCount(_ name: String, _ args: Arguments, _ range: ClosedRange<Int>) throws {
        if !args.keywords.isEmpty { throw PyError.typeError("\(name)() takes no keyword arguments") }
        let n = args.positional.count
        if n < range.lowerBound {
            throw PyError.typeError("\(name) expected at least \(range.lowerBound) argument\(range.lowerBound == 1 ? "" : "s"), got \(n)")
        }
        if n > range.upperBound {
            if range.lowerBound == range.upperBound {
                throw PyError.typeError("\(name)() takes exactly \(range.upperBound == 1 ? "one" : "\(range.upperBound)") argument\(range.upperBound == 1 ? "" : "s") (\(n) given)")
            }
            throw PyError.typeError("\(name) expected at most \(range.upperBound) argument\(range.upperBound == 1 ? "" : "s"), got \(n)")
        }
    }
    static func strArg(_ fn: String, _ v: Value) throws -> String {
        if case .str(let s) = v { return s }
        throw PyError.typeError("must be str, not \(v.typeName)")
    }

    // MARK: str

    static func installStr() {
        let t = PyType.str
        t.defineMethod("upper") { _, this, args in try argCount("upper", args, 0...0); return .str(try string(this).uppercased()) }
        t.defineMethod("lower") { _, this, args in try argCount("lower", args, 0...0); return .str(try string(this).lowercased()) }
        t.defineMethod("casefold") { _, this, _ in .str(try string(this).lowercased()) }
        t.defineMethod("swapcase") { _, this, _ in
            .str(String(try string(this).map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
        }
        t.defineMethod("title") { _, this, _ in
            var out = "", prevLetter = false
            for ch in try string(this) {
                out += prevLetter ? ch.lowercased() : ch.uppercased()
                prevLetter = ch.isLetter
            }
            return .str(out)
        }
        t.defineMethod("capitalize") { _, this, _ in
            let s = try string(this)
            guard let f = s.first else { return .str("") }
            return .str(f.uppercased() + s.dropFirst().lowercased())
        }
        for name in ["strip", "lstrip", "rstrip"] {
            t.defineMethod(name) { _, this, args in
                try argCount(name, args, 0...1)
                let s = try string(this)
                var chars: Set<Character>? = nil
                if let c = args[0], !c.isNone {
                    guard case .str(let cs) = c else { throw PyError.typeError("\(name) arg must be None or str") }
                    chars = Set(cs)
                }
                func strip(_ ch: Character) -> Bool { chars.map { $0.contains(ch) } ?? ch.isWhitespace }
                var sub = Substring(s)
                if name != "rstrip" { while let f = sub.first, strip(f) { sub.removeFirst() } }
                if name != "lstrip" { while let l = sub.last, strip(l) { sub.removeLast() } }
                return .str(String(sub))
            }
        }
        let splitSig = Signature("split(sep=None, maxsplit=-1)")
        for name in ["split", "rsplit"] {
            t.defineMethod(name) { _, this, args in
                let b = try splitSig.bind(args)
                let s = try string(this)
                let maxsplit = try b.int("maxsplit")
                let sepV = b["sep"]
                if sepV.isNone {
                    var words = s.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                    if maxsplit >= 0 && words.count > maxsplit + 1 {
                        // rejoin the remainder from the original text
                        if name == "split" {
                            var rest = Substring(s)
                            var out: [String] = []
                            for _ in 0..<maxsplit {
                                while let f = rest.first, f.isWhitespace { rest.removeFirst() }
                                let w = rest.prefix { !$0.isWhitespace }
                                out.append(String(w)); rest = rest.dropFirst(w.count)
                            }
                            while let f = rest.first, f.isWhitespace { rest.removeFirst() }
                            if !rest.isEmpty { out.append(String(rest)) }
                            words = out
                        } else {
                            var rest = Substring(s)
                            var out: [String] = []
                            for _ in 0..<maxsplit {
                                while let l = rest.last, l.isWhitespace { rest.removeLast() }
                                let w = rest.reversed().prefix { !$0.isWhitespace }
                                out.insert(String(w.reversed()), at: 0); rest = rest.dropLast(w.count)
                            }
                            while let l = rest.last, l.isWhitespace { rest.removeLast() }
                            if !rest.isEmpty { out.insert(String(rest), at: 0) }
                            words = out
                        }
                    }
                    return .list(words.map { .str($0) })
                }
                guard case .str(let sep) = sepV else { throw PyError.typeError("must be str or None, not \(sepV.typeName)") }
                if sep.isEmpty { throw PyError.valueError("empty separator") }
                var parts = s.components(separatedBy: sep)
                if maxsplit >= 0 && parts.count > maxsplit + 1 {
                    if name == "split" {
                        parts = Array(parts[0..<maxsplit]) + [parts[maxsplit...].joined(separator: sep)]
                    } else {
                        let k = parts.count - maxsplit
                        parts = [parts[0..<k].joined(separator: sep)] + Array(parts[k...])
                    }
                }
                return .list(parts.map { .str($0) })
            }
        }
        t.defineMethod("splitlines") { _, this, args in
            let keep = try args[0].map { try Interpreter.boolArg($0) } ?? (args.keyword("keepends").map { (try? Interpreter.boolArg($0)) ?? false } ?? false)
            var out: [Value] = []
            var cur = ""
            for ch in try string(this) {
                if ch == "\n" || ch == "\r\n" || ch == "\r" { out.append(.str(keep ? cur + String(ch) : cur)); cur = "" } else { cur.append(ch) }
            }
            if !cur.isEmpty { out.append(.str(cur)) }
            return .list(out)
        }
        t.defineMethod("join") { ctx, this, args in
            try argCount("join", args, 1...1)
            let sep = try string(this)
            var parts: [String] = []
            for (i, v) in try ctx.toArray(args.positional[0]).enumerated() {
                guard case .str(let s) = v else { throw PyError.typeError("sequence item \(i): expected str instance, \(v.typeName) found") }
                parts.append(s)
            }
            return .str(parts.joined(separator: sep))
        }
        t.defineMethod("replace") { _, this, args in
            try argCount("replace", args, 2...3)
            let s = try string(this)
            let old = try strArg("replace", args.positional[0]), new = try strArg("replace", args.positional[1])
            let count = try args[2]?.asIndex() ?? -1
            if count < 0 {
                if old.isEmpty { return .str(new + s.map { String($0) + new }.joined()) }
                return .str(s.replacingOccurrences(of: old, with: new))
            }
            var out = "", rest = Substring(s), n = 0
            if old.isEmpty {
                for ch in s { if n < count { out += new; n += 1 }; out.append(ch) }
                if n < count { out += new }
                return .str(out)
            }
            while n < count, let r = rest.range(of: old) {
                out += rest[..<r.lowerBound] + new
                rest = rest[r.upperBound...]
                n += 1
            }
            return .str(out + rest)
        }
        for name in ["startswith", "endswith"] {
            t.defineMethod(name) { ctx, this, args in
                try argCount(name, args, 1...3)
                var s = try string(this)
                if args.positional.count > 1 {
                    let chars = Array(s)
                    let sl = PySlice(args.positional[1], args[2] ?? .none, .none)
                    let (start, stop, _, _) = try ctx.sliceIndices(sl, length: chars.count)
                    s = start < stop ? String(chars[start..<stop]) : ""
                }
                let candidates: [Value] = args.positional[0].as(PyTuple.self)?.items ?? [args.positional[0]]
                for c in candidates {
                    guard case .str(let p) = c else {
                        throw PyError.typeError("\(name) first arg must be str or a tuple of str, not \(c.typeName)")
                    }
                    if name == "startswith" ? s.hasPrefix(p) : s.hasSuffix(p) { return .bool(true) }
                }
                return .bool(false)
            }
        }
        for name in ["find", "rfind", "index", "rindex", "count"] {
            t.defineMethod(name) { ctx, this, args in
                try argCount(name, args, 1...3)
                let chars = Array(try string(this).unicodeScalars)
                let sub = Array(try strArg(name, args.positional[0]).unicodeScalars)
                let sl = PySlice(args[1] ?? .none, args[2] ?? .none, .none)
                let (start, stop0, _, _) = try ctx.sliceIndices(sl, length: chars.count)
                let stop = max(start, stop0)
                if name == "count" {
                    if sub.isEmpty { return .int(stop - start + 1) }
                    var n = 0, i = start
                    while i + sub.count <= stop {
                        if Array(chars[i..<(i + sub.count)]) == sub { n += 1; i += sub.count } else { i += 1 }
                    }
                    return .int(n)
                }
                var found = -1
                if sub.count <= stop - start {
                    let range = Array(start...(stop - sub.count))
                    for i in (name.hasPrefix("r") ? range.reversed() : range) where Array(chars[i..<(i + sub.count)]) == sub { found = i; break }
                }
                if found < 0 && name.hasSuffix("index") { throw PyError.valueError("substring not found") }
                return .int(found)
            }
        }
        for (name, pred) in [("isdigit", { (c: Character) in c.isNumber && c.isASCII || c.isWholeNumber }),
                             ("isnumeric", { (c: Character) in c.isNumber }), ("isdecimal", { (c: Character) in c.isASCII && c.isNumber }),
                             ("isalpha", { (c: Character) in c.isLetter }), ("isalnum", { (c: Character) in c.isLetter || c.isNumber }),
                             ("isspace", { (c: Character) in c.isWhitespace })] as [(String, (Character) -> Bool)] {
            t.defineMethod(name) { _, this, _ in
                let s = try string(this)
                return .bool(!s.isEmpty && s.allSatisfy(pred))
            }
        }
        t.defineMethod("isupper") { _, this, _ in let s = try string(this); return .bool(s.contains { $0.isCased } && !s.contains { $0.isLowercase }) }
        t.defineMethod("islower") { _, this, _ in let s = try string(this); return .bool(s.contains { $0.isCased } && !s.contains { $0.isUppercase }) }
        t.defineMethod("isidentifier") { _, this, _ in
            let s = try string(this)
            guard let f = s.first, f == "_" || f.isLetter else { return .bool(false) }
            return .bool(s.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber })
        }
        for name in ["center", "ljust", "rjust"] {
            t.defineMethod(name) { _, this, args in
                try argCount(name, args, 1...2)
                let s = try string(this)
                let width = try args.positional[0].asIndex()
                var fill: Character = " "
                if let f = args[1] {
                    guard case .str(let fs) = f, fs.count == 1, let c = fs.first else {
                        throw PyError.typeError("The fill character must be exactly one character long")
                    }
                    fill = c
                }
                let n = max(0, width - s.count)
                if n == 0 { return .str(s) }
                let f = String(fill)
                switch name {
                case "ljust": return .str(s + String(repeating: f, count: n))
                case "rjust": return .str(String(repeating: f, count: n) + s)
                default:
                    let left = n / 2 + (n & width & 1)
                    return .str(String(repeating: f, count: left) + s + String(repeating: f, count: n - left))
                }
            }
        }
        t.defineMethod("zfill") { _, this, args in
            try argCount("zfill", args, 1...1)
            let s = try string(this)
            let width = try args.positional[0].asIndex()
            guard width > s.count else { return .str(s) }
            let pad = String(repeating: "0", count: width - s.count)
            if let f = s.first, f == "-" || f == "+" { return .str(String(f) + pad + s.dropFirst()) }
            return .str(pad + s)
        }
        for name in ["partition", "rpartition"] {
            t.defineMethod(name) { _, this, args in
                try argCount(name, args, 1...1)
                let s = try string(this)
                let sep = try strArg(name, args.positional[0])
                if sep.isEmpty { throw PyError.valueError("empty separator") }
                let r = name == "partition" ? s.range(of: sep) : s.range(of: sep, options: .backwards)
                guard let r else { return name == "partition" ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)]) }
                return .tuple([.str(String(s[..<r.lowerBound])), .str(sep), .str(String(s[r.upperBound...]))])
            }
        }
        t.defineMethod("removeprefix") { _, this, args in
            let s = try string(this), p = try strArg("removeprefix", args[0] ?? .none)
            return .str(s.hasPrefix(p) ? String(s.dropFirst(p.count)) : s)
        }
        t.defineMethod("removesuffix") { _, this, args in
            let s = try string(this), p = try strArg("removesuffix", args[0] ?? .none)
            return .str(s.hasSuffix(p) && !p.isEmpty ? String(s.dropLast(p.count)) : s)
        }
        t.defineMethod("format") { ctx, this, args in .str(try StrFormat.format(ctx, try string(this), args)) }
        t.defineMethod("encode") { _, this, _ in this }
        t.defineMethod("__len__") { _, this, _ in .int(try string(this).count) }
        t.defineMethod("__contains__") { ctx, this, args in .bool(try ctx.contains(this, args[0] ?? .none)) }
    }

    // MARK: list

    static func installList() {
        let t = PyType.list
        t.defineMethod("append") { ctx, this, args in
            try argCount("list.append", args, 1...1)
            let l = try list(this)
            l.items.append(args.positional[0])
            if l.items.count & 0xffff == 0 { try ctx.checkLength(l.items.count) }
            return .none
        }
        t.defineMethod("extend") { ctx, this, args in
            try argCount("list.extend", args, 1...1)
            let l = try list(this)
            l.items += try ctx.toArray(args.positional[0])
            try ctx.checkLength(l.items.count)
            return .none
        }
        t.defineMethod("insert") { _, this, args in
            try argCount("insert", args, 2...2)
            let l = try list(this)
            var i = try args.positional[0].asIndex()
            if i < 0 { i = max(0, i + l.items.count) }
            l.items.insert(args.positional[1], at: min(i, l.items.count))
            return .none
        }
        t.defineMethod("pop") { _, this, args in
            try argCount("pop", args, 0...1)
            let l = try list(this)
            if l.items.isEmpty { throw PyError.indexError("pop from empty list") }
            var i = try args[0]?.asIndex() ?? -1
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw PyError.indexError("pop index out of range") }
            return l.items.remove(at: i)
        }
        t.defineMethod("remove") { ctx, this, args in
            try argCount("list.remove", args, 1...1)
            let l = try list(this)
            for (i, v) in l.items.enumerated() where try v.isIdentical(args.positional[0]) || ctx.equals(v, args.positional[0]) {
                l.items.remove(at: i)
                return .none
            }
            throw PyError.valueError("list.remove(x): x not in list")
        }
        t.defineMethod("index") { ctx, this, args in
            try argCount("index", args, 1...3)
            let l = try list(this)
            let sl = PySlice(args[1] ?? .none, args[2] ?? .none, .none)
            let (start, stop, _, _) = try ctx.sliceIndices(sl, length: l.items.count)
            if start < stop {
                for i in start..<stop where try l.items[i].isIdentical(args.positional[0]) || ctx.equals(l.items[i], args.positional[0]) { return .int(i) }
            }
            throw PyError.valueError("\(try ctx.repr(args.positional[0])) is not in list")
        }
        t.defineMethod("count") { ctx, this, args in
            try argCount("count", args, 1...1)
            var n = 0
            for v in try list(this).items where try v.isIdentical(args.positional[0]) || ctx.equals(v, args.positional[0]) { n += 1 }
            return .int(n)
        }
        let sortSig = Signature("sort(*, key=None, reverse=False)")
        t.defineMethod("sort") { ctx, this, args in
            let b = try sortSig.bind(args)
            let l = try list(this)
            var items = l.items
            l.items = []
            defer { if l.items.isEmpty { l.items = items } }
            try Builtins.sortValues(ctx, &items, key: b["key"], reverse: try ctx.isTruthy(b["reverse"]))
            l.items = items
            return .none
        }
        t.defineMethod("reverse") { _, this, args in try argCount("reverse", args, 0...0); try list(this).items.reverse(); return .none }
        t.defineMethod("copy") { _, this, args in try argCount("copy", args, 0...0); return .list(try list(this).items) }
        t.defineMethod("clear") { _, this, args in try argCount("clear", args, 0...0); try list(this).items = []; return .none }
        t.defineMethod("__len__") { _, this, _ in .int(try list(this).items.count) }
        t.defineMethod("__getitem__") { ctx, this, args in try ctx.getItem(this, args[0] ?? .none) }
        t.defineMethod("__contains__") { ctx, this, args in .bool(try ctx.contains(this, args[0] ?? .none)) }
    }

    // MARK: dict

    static func installDict() {
        let t = PyType.dict
        t.defineMethod("get") { ctx, this, args in
            try argCount("get", args, 1...2)
            return try dict(this).get(try ctx.hashKey(args.positional[0])) ?? (args[1] ?? .none)
        }
        t.defineMethod("keys") { _, this, args in try argCount("keys", args, 0...0); return .object(PyDictView(try dict(this), .keys)) }
        t.defineMethod("values") { _, this, args in try argCount("values", args, 0...0); return .object(PyDictView(try dict(this), .values)) }
        t.defineMethod("items") { _, this, args in try argCount("items", args, 0...0); return .object(PyDictView(try dict(this), .items)) }
        t.defineMethod("update") { ctx, this, args in
            let d = try dict(this)
            guard args.positional.count <= 1 else { throw PyError.typeError("update expected at most 1 argument, got \(args.positional.count)") }
            if let src = args[0] {
                if src.as(PyDict.self) != nil { try ctx.dictUpdate(d, src, fromKeywords: true) } else { try ctx.dictUpdate(d, src) }
            }
            for (k, v) in args.keywords { d.setUnchecked(HashKey(.str(k)), .str(k), v) }
            return .none
        }
        t.defineMethod("pop") { ctx, this, args in
            try argCount("pop", args, 1...2)
            let d = try dict(this)
            if let v = d.remove(try ctx.hashKey(args.positional[0])) { return v }
            if let dflt = args[1] { return dflt }
            throw PyError.keyError(args.positional[0])
        }
        t.defineMethod("popitem") { _, this, _ in
            let d = try dict(this)
            guard let k = d.keys.last else { throw PyError.keyError(.str("popitem(): dictionary is empty")) }
            let v = d.remove(HashKey(k)) ?? .none
            return .tuple([k, v])
        }
        t.defineMethod("setdefault") { ctx, this, args in
            try argCount("setdefault", args, 1...2)
            let d = try dict(this)
            let k = try ctx.hashKey(args.positional[0])
            if let v = d.get(k) { return v }
            let v = args[1] ?? .none
            d.setUnchecked(k, args.positional[0], v)
            return v
        }
        t.defineMethod("copy") { _, this, _ in
            let d = try dict(this), out = PyDict()
            for (k, v) in d.entries { out.setUnchecked(HashKey(k), k, v) }
            return .object(out)
        }
        t.defineMethod("clear") { _, this, _ in try dict(this).removeAll(); return .none }
        t.defineStatic("fromkeys") { ctx, args in
            try argCount("fromkeys", args, 1...2)
            let out = PyDict()
            for k in try ctx.toArray(args.positional[0]) { out.setUnchecked(try ctx.hashKey(k), k, args[1] ?? .none) }
            return .object(out)
        }
        t.defineMethod("__getitem__") { ctx, this, args in try ctx.getItem(this, args[0] ?? .none) }
        t.defineMethod("__contains__") { ctx, this, args in .bool(try ctx.contains(this, args[0] ?? .none)) }
        t.defineMethod("__len__") { _, this, _ in .int(try dict(this).count) }
        t.attributes["__hash__"] = Value.none
        PyType.list.attributes["__hash__"] = Value.none
        PyType.set.attributes["__hash__"] = Value.none
    }

    // MARK: set

    static func installSet() {
        for t in [PyType.set, PyType.frozenset] {
            let frozen = t === PyType.frozenset
            func combine(_ name: String, _ op: BinaryOp) {
                t.defineMethod(name) { ctx, this, args in
                    var acc = this
                    for other in args.positional {
                        let s = PySet(frozen: frozen)
                        for v in try ctx.toArray(other) { s.insert(try ctx.hashKey(v)) }
                        acc = try ctx.binaryOp(op, acc, .object(s))
                    }
                    if args.positional.isEmpty { let c = PySet(frozen: frozen); for v in try set(this).order { c.insert(HashKey(v)) }; return .object(c) }
                    return acc
                }
            }
            combine("union", .bitOr)
            combine("intersection", .bitAnd)
            combine("difference", .sub)
            combine("symmetric_difference", .bitXor)
            t.defineMethod("copy") { _, this, _ in let c = PySet(frozen: frozen); for v in try set(this).order { c.insert(HashKey(v)) }; return .object(c) }
            for (name, op) in [("issubset", CompareOp.le), ("issuperset", .ge)] {
                t.defineMethod(name) { ctx, this, args in
                    try argCount(name, args, 1...1)
                    let s = PySet(frozen: true)
                    for v in try ctx.toArray(args.positional[0]) { s.insert(try ctx.hashKey(v)) }
                    return try ctx.order(op, this, .object(s))
                }
            }
            t.defineMethod("isdisjoint") { ctx, this, args in
                try argCount("isdisjoint", args, 1...1)
                let s = try set(this)
                for v in try ctx.toArray(args.positional[0]) where s.contains(try ctx.hashKey(v)) { return .bool(false) }
                return .bool(true)
            }
        }
        let t = PyType.set
        t.defineMethod("add") { ctx, this, args in try argCount("set.add", args, 1...1); try set(this).insert(try ctx.hashKey(args.positional[0])); return .none }
        t.defineMethod("remove") { ctx, this, args in
            try argCount("set.remove", args, 1...1)
            if !(try set(this).remove(try ctx.hashKey(args.positional[0]))) { throw PyError.keyError(args.positional[0]) }
            return .none
        }
        t.defineMethod("discard") { ctx, this, args in try argCount("set.discard", args, 1...1); _ = try set(this).remove(try ctx.hashKey(args.positional[0])); return .none }
        t.defineMethod("pop") { _, this, _ in
            let s = try set(this)
            guard let v = s.elements.first else { throw PyError.keyError(.str("pop from an empty set")) }
            _ = s.remove(HashKey(v))
            return v
        }
        t.defineMethod("update") { ctx, this, args in
            let s = try set(this)
            for other in args.positional { for v in try ctx.toArray(other) { s.insert(try ctx.hashKey(v)) } }
            return .none
        }
        t.defineMethod("clear") { _, this, _ in let s = try set(this); s.storage = [:]; s.order = []; return .none }
    }

    // MARK: tuple, int, float

    static func installTupleAndNumbers() {
        let t = PyType.tuple
        t.defineMethod("index") { ctx, this, args in
            try argCount("index", args, 1...3)
            let items = this.as(PyTuple.self)?.items ?? []
            for (i, v) in items.enumerated() where try v.isIdentical(args.positional[0]) || ctx.equals(v, args.positional[0]) { return .int(i) }
            throw PyError.valueError("tuple.index(x): x not in tuple")
        }
        t.defineMethod("count") { ctx, this, args in
            try argCount("count", args, 1...1)
            var n = 0
            for v in this.as(PyTuple.self)?.items ?? [] where try v.isIdentical(args.positional[0]) || ctx.equals(v, args.positional[0]) { n += 1 }
            return .int(n)
        }
        t.defineMethod("__len__") { _, this, _ in .int(this.as(PyTuple.self)?.items.count ?? 0) }
        t.defineMethod("__getitem__") { ctx, this, args in try ctx.getItem(this, args[0] ?? .none) }

        let i = PyType.int
        i.defineMethod("bit_length") { _, this, _ in
            guard case .int(let x) = this.asIntLike else { return .int(0) }
            return .int(Int.bitWidth - x.magnitude.leadingZeroBitCount)
        }
        i.defineMethod("conjugate") { _, this, _ in this.asIntLike }
        i.defineMethod("__index__") { _, this, _ in this.asIntLike }
        i.defineMethod("__int__") { _, this, _ in this.asIntLike }
        i.defineMethod("__float__") { _, this, _ in .float(try this.asDouble()) }
        i.defineProperty("real", get: { _, this in this.asIntLike })
        i.defineProperty("imag", get: { _, _ in .int(0) })
        i.defineProperty("numerator", get: { _, this in this.asIntLike })
        i.defineProperty("denominator", get: { _, _ in .int(1) })
        for (name, op) in [("__add__", BinaryOp.add), ("__sub__", .sub), ("__mul__", .mul), ("__truediv__", .div),
                           ("__floordiv__", .floorDiv), ("__mod__", .mod), ("__pow__", .pow)] {
            i.defineMethod(name) { ctx, this, args in
                guard let o = args[0], case .int = o.asIntLike else { return .notImplemented }
                return try ctx.binaryOp(op, this, o)
            }
        }
        let f = PyType.float
        f.defineMethod("is_integer") { _, this, _ in
            guard case .float(let d) = this else { return .bool(true) }
            return .bool(d.isFinite && d == d.rounded())
        }
        f.defineMethod("conjugate") { _, this, _ in this }
        f.defineMethod("__float__") { _, this, _ in this }
        f.defineMethod("__int__") { _, this, _ in try Builtins.floatToInt(try this.asDouble()) }
        f.defineMethod("as_integer_ratio") { _, this, _ in
            let d = try this.asDouble()
            if d.isNaN { throw PyError.valueError("cannot convert NaN to integer ratio") }
            if d.isInfinite { throw PyError(.overflowError, "cannot convert Infinity to integer ratio") }
            var num = d, den = 1.0
            while num != num.rounded() { num *= 2; den *= 2 }
            guard let n = Int(exactly: num), let dd = Int(exactly: den) else { throw overflow() }
            return .tuple([.int(n), .int(dd)])
        }
        f.defineProperty("real", get: { _, this in this })
        f.defineProperty("imag", get: { _, _ in .float(0) })
    }

    // MARK: exceptions, object

    static func installExceptions() {
        let b = PyType.baseException
        b.defineMethod("__init__") { _, this, args in
            if let e = this.as(PyException.self) { e.args = args.positional }
            return .none
        }
        b.defineMethod("with_traceback") { _, this, _ in this }
    }

    static func installObject() {
        let o = PyType.object
        o.defineMethod("__setattr__") { ctx, this, args in
            guard args.positional.count == 2, case .str(let n) = args.positional[0] else {
                throw PyError.typeError("expected 2 arguments, got \(args.positional.count)")
            }
            guard case .object(let obj) = this, obj.dict != nil else {
                throw PyError.attributeError("'\(this.typeName)' object has no attribute '\(n)'")
            }
            _ = ctx
            obj.dict?[n] = args.positional[1]
            return .none
        }
        // `object.__setattr__` must not be found by the generic setattr path (it would shadow dict assignment).
        o.attributes["__setattr__"] = nil
    }
}

extension Interpreter {
    static func boolArg(_ v: Value) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw PyError.typeError("an integer is required (got type \(v.typeName))")
        }
    }
}

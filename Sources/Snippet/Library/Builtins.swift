import Foundation

/// The builtins namespace (SPEC §3). `open`, `eval`, `exec`, `compile`, `input`, `globals`, `__import__` do not
/// exist, so using them is a NameError — the sandbox has no way to reach files or processes.
enum Builtins {
    static let namespace: [String: Value] = makeNamespace()

    private static let installed: Bool = {
        BuiltinMethods.install()
        return true
    }()
    static func installMethodsOnce() { _ = installed }

    private static func fn(_ d: inout [String: Value], _ name: String, _ body: @escaping (Interpreter, Arguments) throws -> Value) {
        d[name] = .object(PyBuiltinFunction(name: name, body))
    }

    private static func makeNamespace() -> [String: Value] {
        var d: [String: Value] = [:]
        for t in [PyType.int, .float, .str, .bool, .list, .tuple, .dict, .set, .frozenset, .range, .type, .object,
                  .slice, .super, .property, .staticmethod] {
            d[t.name] = .object(t)
        }
        for t in PyType.allExceptionTypes { d[t.name] = .object(t) }
        d["None"] = Value.none
        d["True"] = .bool(true)
        d["False"] = .bool(false)
        d["NotImplemented"] = .notImplemented
        d["Ellipsis"] = .ellipsis
        d["__name__"] = .str("__main__")
        installConstructors()

        fn(&d, "print") { ctx, args in
            var sep = " ", end = "\n"
            for (k, v) in args.keywords {
                switch k {
                case "sep":
                    if case .str(let s) = v { sep = s } else if !v.isNone { throw PyError.typeError("sep must be None or a string, not \(v.typeName)") }
                case "end":
                    if case .str(let s) = v { end = s } else if !v.isNone { throw PyError.typeError("end must be None or a string, not \(v.typeName)") }
                case "flush", "file": break
                default: throw PyError.typeError("'\(k)' is an invalid keyword argument for print()")
                }
            }
            var out = ""
            for (i, v) in args.positional.enumerated() {
                if i > 0 { out += sep }
                out += try ctx.str(v)
            }
            ctx.write(out + end)
            return .none
        }
        for name in ["exit", "quit"] {
            fn(&d, name) { _, args in
                guard args.positional.count <= 1 else { throw PyError.typeError("\(name)() takes at most 1 argument") }
                throw PyError(.systemExit, args: args.positional)
            }
        }
        fn(&d, "len") { ctx, args in
            guard args.positional.count == 1, args.keywords.isEmpty else {
                throw PyError.typeError("len() takes exactly one argument (\(args.positional.count) given)")
            }
            return .int(try ctx.length(args.positional[0]))
        }
        fn(&d, "repr") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("repr() takes exactly one argument (\(args.positional.count) given)") }
            return .str(try ctx.repr(args.positional[0]))
        }
        fn(&d, "abs") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("abs() takes exactly one argument (\(args.positional.count) given)") }
            let v = args.positional[0]
            switch v {
            case .int(let i): if i == Int.min { throw overflow() }; return .int(Swift.abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let x): return .float(Swift.abs(x))
            default:
                if case .object = v, let f = v.type.lookup("__abs__") { return try ctx.callAttribute(f, receiver: v, Arguments()) }
                throw PyError.typeError("bad operand type for abs(): '\(v.typeName)'")
            }
        }
        fn(&d, "min") { ctx, args in try minMax(ctx, args, "min", wantMax: false) }
        fn(&d, "max") { ctx, args in try minMax(ctx, args, "max", wantMax: true) }
        let sumSig = Signature("sum(iterable, /, start=0)")
        fn(&d, "sum") { ctx, args in
            let b = try sumSig.bind(args)
            var acc = b["start"]
            if case .str = acc { throw PyError.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            let it = try ctx.makeIterator(b["iterable"])
            while let v = try it() { try ctx.tick(); acc = try ctx.binaryOp(.add, acc, v) }
            return acc
        }
        let roundSig = Signature("round(number, ndigits=None)")
        fn(&d, "round") { ctx, args in
            let b = try roundSig.bind(args)
            return try round(ctx, b["number"], b["ndigits"])
        }
        let sortedSig = Signature("sorted(iterable, /, *, key=None, reverse=False)")
        fn(&d, "sorted") { ctx, args in
            let b = try sortedSig.bind(args)
            var items = try ctx.toArray(b["iterable"])
            try sortValues(ctx, &items, key: b["key"], reverse: try ctx.isTruthy(b["reverse"]))
            return .list(items)
        }
        fn(&d, "reversed") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("reversed expected 1 argument, got \(args.positional.count)") }
            let v = args.positional[0]
            switch v {
            case .str(let s): return .object(PyIterator(Array(s).reversed().map { .str(String($0)) }))
            case .object(let o):
                if let l = o as? PyList { return .object(PyIterator(l.items.reversed())) }
                if let t = o as? PyTuple { return .object(PyIterator(t.items.reversed())) }
                if let r = o as? PyRange { let n = r.count; return .object(PyIterator((0..<n).reversed().map { .int(r.element($0)) })) }
                if let dd = o as? PyDict { return .object(PyIterator(dd.keys.reversed())) }
                if let f = v.type.lookup("__reversed__") { return try ctx.callAttribute(f, receiver: v, Arguments()) }
                if v.type.lookup("__getitem__") != nil, v.type.lookup("__len__") != nil {
                    let n = try ctx.length(v)
                    var i = n - 1
                    return .object(PyIterator { guard i >= 0 else { return nil }; defer { i -= 1 }; return try ctx.getItem(v, .int(i)) })
                }
            default: break
            }
            throw PyError.typeError("'\(v.typeName)' object is not reversible")
        }
        let enumSig = Signature("enumerate(iterable, start=0)")
        fn(&d, "enumerate") { ctx, args in
            let b = try enumSig.bind(args)
            let it = try ctx.makeIterator(b["iterable"])
            var i = try b.int("start")
            return .object(PyIterator(type: enumerateType) {
                guard let v = try it() else { return nil }
                defer { i &+= 1 }
                return .tuple([.int(i), v])
            })
        }
        fn(&d, "zip") { ctx, args in
            var strict = false
            for (k, v) in args.keywords {
                guard k == "strict" else { throw PyError.typeError("zip() got an unexpected keyword argument '\(k)'") }
                strict = try ctx.isTruthy(v)
            }
            let its = try args.positional.map { try ctx.makeIterator($0) }
            var done = false
            return .object(PyIterator(type: zipType) {
                if its.isEmpty || done { return nil }
                var row: [Value] = []
                for (n, it) in its.enumerated() {
                    guard let v = try it() else {
                        done = true
                        var longer = false
                        if strict && n == 0 { for other in its.dropFirst() where try other() != nil { longer = true; break } }
                        if strict && (n > 0 || longer) {
                            throw PyError.valueError(n > 0 ? "zip() argument \(n + 1) is shorter than argument\(n > 1 ? "s 1-\(n)" : " 1")" : "zip() argument 2 is longer than argument 1")
                        }
                        return nil
                    }
                    row.append(v)
                }
                return .tuple(row)
            })
        }
        fn(&d, "map") { ctx, args in
            guard args.positional.count >= 2 else { throw PyError.typeError("map() must have at least two arguments.") }
            let f = args.positional[0]
            let its = try args.positional.dropFirst().map { try ctx.makeIterator($0) }
            return .object(PyIterator(type: mapType) {
                var row: [Value] = []
                for it in its { guard let v = try it() else { return nil }; row.append(v) }
                return try ctx.call(f, Arguments(row))
            })
        }
        fn(&d, "filter") { ctx, args in
            guard args.positional.count == 2 else { throw PyError.typeError("filter expected 2 arguments, got \(args.positional.count)") }
            let f = args.positional[0]
            let it = try ctx.makeIterator(args.positional[1])
            return .object(PyIterator(type: filterType) {
                while let v = try it() {
                    let keep = f.isNone ? try ctx.isTruthy(v) : try ctx.isTruthy(try ctx.call(f, Arguments([v])))
                    if keep { return v }
                }
                return nil
            })
        }
        fn(&d, "any") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("any() takes exactly one argument (\(args.positional.count) given)") }
            let it = try ctx.makeIterator(args.positional[0])
            while let v = try it() { if try ctx.isTruthy(v) { return .bool(true) } }
            return .bool(false)
        }
        fn(&d, "all") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("all() takes exactly one argument (\(args.positional.count) given)") }
            let it = try ctx.makeIterator(args.positional[0])
            while let v = try it() { if !(try ctx.isTruthy(v)) { return .bool(false) } }
            return .bool(true)
        }
        fn(&d, "isinstance") { _, args in
            guard args.positional.count == 2 else { throw PyError.typeError("isinstance expected 2 arguments, got \(args.positional.count)") }
            return .bool(try isInstance(args.positional[0].type, args.positional[1], "isinstance"))
        }
        fn(&d, "issubclass") { _, args in
            guard args.positional.count == 2 else { throw PyError.typeError("issubclass expected 2 arguments, got \(args.positional.count)") }
            guard let t = args.positional[0].as(PyType.self) else { throw PyError.typeError("issubclass() arg 1 must be a class") }
            return .bool(try isInstance(t, args.positional[1], "issubclass"))
        }
        fn(&d, "hasattr") { ctx, args in
            guard args.positional.count == 2 else { throw PyError.typeError("hasattr expected 2 arguments, got \(args.positional.count)") }
            guard case .str(let n) = args.positional[1] else { throw PyError.typeError("hasattr(): attribute name must be string") }
            return .bool(try ctx.attributeIfPresent(args.positional[0], n) != nil)
        }
        fn(&d, "getattr") { ctx, args in
            guard (2...3).contains(args.positional.count) else { throw PyError.typeError("getattr expected 2 or 3 arguments, got \(args.positional.count)") }
            guard case .str(let n) = args.positional[1] else { throw PyError.typeError("attribute name must be string, not '\(args.positional[1].typeName)'") }
            if args.positional.count == 3 { return try ctx.attributeIfPresent(args.positional[0], n) ?? args.positional[2] }
            return try ctx.getAttribute(args.positional[0], n)
        }
        fn(&d, "setattr") { ctx, args in
            guard args.positional.count == 3 else { throw PyError.typeError("setattr expected 3 arguments, got \(args.positional.count)") }
            guard case .str(let n) = args.positional[1] else { throw PyError.typeError("attribute name must be string, not '\(args.positional[1].typeName)'") }
            try ctx.setAttribute(args.positional[0], n, args.positional[2])
            return .none
        }
        fn(&d, "delattr") { ctx, args in
            guard args.positional.count == 2, case .str(let n) = args.positional[1] else { throw PyError.typeError("delattr expected 2 arguments") }
            try ctx.deleteAttribute(args.positional[0], n)
            return .none
        }
        fn(&d, "callable") { _, args in
            guard args.positional.count == 1 else { throw PyError.typeError("callable() takes exactly one argument (\(args.positional.count) given)") }
            let v = args.positional[0]
            guard case .object(let o) = v else { return .bool(false) }
            return .bool(o is PyFunction || o is PyBuiltinFunction || o is PyBoundMethod || o is PyType || o.type.lookup("__call__") != nil)
        }
        fn(&d, "id") { _, args in
            guard args.positional.count == 1 else { throw PyError.typeError("id() takes exactly one argument (\(args.positional.count) given)") }
            if case .object(let o) = args.positional[0] { return .int(o.identity) }
            var h = Hasher()
            HashKey.hashValue(args.positional[0], into: &h)
            return .int(140_000_000_000_000 + Int(UInt32(truncatingIfNeeded: h.finalize())) * 16)
        }
        fn(&d, "hash") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("hash() takes exactly one argument (\(args.positional.count) given)") }
            let v = args.positional[0]
            switch v {
            case .int(let i): return .int(i == -1 ? -2 : i)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let x): if let i = Int(exactly: x) { return .int(i == -1 ? -2 : i) }
            case .none: break
            default:
                if case .object = v, let h = v.type.lookup("__hash__"), !h.isNone, !(v.as(PyTuple.self) != nil) {
                    return try ctx.callAttribute(h, receiver: v, Arguments())
                }
            }
            let k = try ctx.hashKey(v)
            return .int(k.hashValue)
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
            fn(&d, name) { _, args in
                guard args.positional.count == 1 else { throw PyError.typeError("\(name)() takes exactly one argument (\(args.positional.count) given)") }
                let i = try args.positional[0].asIndex()
                return .str((i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix))
            }
        }
        fn(&d, "chr") { _, args in
            guard args.positional.count == 1 else { throw PyError.typeError("chr() takes exactly one argument (\(args.positional.count) given)") }
            let i = try args.positional[0].asIndex()
            guard i >= 0, i < 0x110000 else { throw PyError.valueError("chr() arg not in range(0x110000)") }
            guard let u = Unicode.Scalar(UInt32(i)) else { return .str("\u{FFFD}") }
            return .str(String(Character(u)))
        }
        fn(&d, "ord") { _, args in
            guard args.positional.count == 1 else { throw PyError.typeError("ord() takes exactly one argument (\(args.positional.count) given)") }
            guard case .str(let s) = args.positional[0] else {
                throw PyError.typeError("ord() expected string of length 1, but \(args.positional[0].typeName) found")
            }
            let u = Array(s.unicodeScalars)
            guard u.count == 1 else { throw PyError.typeError("ord() expected a character, but string of length \(u.count) found") }
            return .int(Int(u[0].value))
        }
        fn(&d, "divmod") { ctx, args in
            guard args.positional.count == 2 else { throw PyError.typeError("divmod expected 2 arguments, got \(args.positional.count)") }
            let a = args.positional[0].asIntLike, b = args.positional[1].asIntLike
            switch (a, b) {
            case (.int(let x), .int(let y)): return .tuple([.int(try IntMath.floorDiv(x, y)), .int(try IntMath.mod(x, y))])
            case (.int, .float), (.float, .int), (.float, .float):
                let x = try a.asDouble(), y = try b.asDouble()
                if y == 0 { throw PyError(.zeroDivisionError, "float divmod()") }
                return .tuple([try ctx.floatOp(.floorDiv, x, y), try ctx.floatOp(.mod, x, y)])
            default:
                if case .object = a, let f = a.type.lookup("__divmod__") { return try ctx.callAttribute(f, receiver: a, Arguments([b])) }
                throw PyError.typeError("unsupported operand type(s) for divmod(): '\(a.typeName)' and '\(b.typeName)'")
            }
        }
        let powSig = Signature("pow(base, exp, mod=None)")
        fn(&d, "pow") { ctx, args in
            let b = try powSig.bind(args)
            if b["mod"].isNone { return try ctx.binaryOp(.pow, b["base"], b["exp"]) }
            guard case .int(let base) = b["base"].asIntLike, case .int(let e) = b["exp"].asIntLike, case .int(let m) = b["mod"].asIntLike else {
                throw PyError.typeError("pow() 3rd argument not allowed unless all arguments are integers")
            }
            if m == 0 { throw PyError.valueError("pow() 3rd argument cannot be 0") }
            return .int(try modPow(base, e, m))
        }
        fn(&d, "iter") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("iter expected 1 argument, got \(args.positional.count)") }
            let v = args.positional[0]
            if v.as(PyIterator.self) != nil { return v }
            if case .object = v, let f = v.type.lookup("__iter__"), v.type.lookup("__next__") != nil {
                return try ctx.callAttribute(f, receiver: v, Arguments())
            }
            let it = try ctx.makeIterator(v)
            return .object(PyIterator(type: iteratorType(for: v)) { try it() })
        }
        fn(&d, "next") { ctx, args in
            guard (1...2).contains(args.positional.count) else { throw PyError.typeError("next expected at least 1 argument, got \(args.positional.count)") }
            let v = args.positional[0]
            if let it = v.as(PyIterator.self) {
                if let x = try it.next() { return x }
            } else if case .object = v, let f = v.type.lookup("__next__") {
                do { return try ctx.callAttribute(f, receiver: v, Arguments()) }
                catch let e as PyError where e.exception.type.isSubtype(of: .stopIteration) && args.positional.count == 2 { return args.positional[1] }
            } else {
                throw PyError.typeError("'\(v.typeName)' object is not an iterator")
            }
            if args.positional.count == 2 { return args.positional[1] }
            throw PyError(.stopIteration, args: [])
        }
        fn(&d, "format") { ctx, args in
            guard (1...2).contains(args.positional.count) else { throw PyError.typeError("format expected at most 2 arguments, got \(args.positional.count)") }
            var spec = ""
            if args.positional.count == 2 {
                guard case .str(let s) = args.positional[1] else { throw PyError.typeError("format() argument 2 must be str, not \(args.positional[1].typeName)") }
                spec = s
            }
            return .str(try ctx.format(args.positional[0], spec))
        }
        fn(&d, "vars") { ctx, args in
            guard let v = args[0] else { return .dict(ctx.current.vars.sorted { $0.key < $1.key }) }
            guard case .object(let o) = v, let dd = o.dict else { throw PyError.typeError("vars() argument must have __dict__ attribute") }
            return .dict(dd.sorted { $0.key < $1.key })
        }
        fn(&d, "dir") { ctx, args in
            guard let v = args[0] else { return .list(ctx.current.vars.keys.sorted().map { .str($0) }) }
            var names = Set<String>()
            if case .object(let o) = v {
                if let dd = o.dict { names.formUnion(dd.keys) }
                if let t = o as? PyType { for m in t.mro { names.formUnion(m.attributes.keys) } }
            }
            for m in v.type.mro { names.formUnion(m.attributes.keys) }
            return .list(names.sorted().map { .str($0) })
        }
        return d
    }

    static let enumerateType = PyType(name: "enumerate")
    static let zipType = PyType(name: "zip")
    static let mapType = PyType(name: "map")
    static let filterType = PyType(name: "filter")
    static let listIteratorType = PyType(name: "list_iterator")
    static let tupleIteratorType = PyType(name: "tuple_iterator")
    static let strIteratorType = PyType(name: "str_ascii_iterator")
    static let rangeIteratorType = PyType(name: "range_iterator")
    static let dictKeyIteratorType = PyType(name: "dict_keyiterator")

    static func iteratorType(for v: Value) -> PyType {
        if case .str = v { return strIteratorType }
        if v.as(PyList.self) != nil { return listIteratorType }
        if v.as(PyTuple.self) != nil { return tupleIteratorType }
        if v.as(PyRange.self) != nil { return rangeIteratorType }
        if v.as(PyDict.self) != nil { return dictKeyIteratorType }
        return PyType.iterator
    }

    static func isInstance(_ t: PyType, _ spec: Value, _ fn: String) throws -> Bool {
        if let c = spec.as(PyType.self) { return t.isSubtype(of: c) }
        if let tup = spec.as(PyTuple.self) {
            for x in tup.items where try isInstance(t, x, fn) { return true }
            return false
        }
        throw PyError.typeError("\(fn)() arg 2 must be a type, a tuple of types, or a union")
    }

    static func modPow(_ base: Int, _ exp: Int, _ m: Int) throws -> Int {
        if m == Int.min || exp == Int.min { throw overflow() }
        var e = exp
        var b = try IntMath.mod(base, m)
        if e < 0 {
            // modular inverse
            var (t, newT, r, newR) = (0, 1, Swift.abs(m), b)
            while newR != 0 { let q = r / newR; (t, newT) = (newT, t - q * newT); (r, newR) = (newR, r - q * newR) }
            if r != 1 { throw PyError.valueError("base is not invertible for the given modulus") }
            b = try IntMath.mod(t, m)
            e = -e
        }
        var result = try IntMath.mod(1, m)
        let mm = m.magnitude
        func mulmod(_ x: Int, _ y: Int) -> Int {
            // x, y in [0, |m|): the quotient fits, so dividingFullWidth cannot trap
            let p = x.magnitude.multipliedFullWidth(by: y.magnitude)
            return Int(mm.dividingFullWidth(p).remainder)
        }
        var bb = b < 0 ? b + Swift.abs(m) : b
        while e > 0 {
            if e & 1 == 1 { result = mulmod(result < 0 ? result + Swift.abs(m) : result, bb) }
            e >>= 1
            bb = mulmod(bb, bb)
        }
        return try IntMath.mod(result, m)
    }

    static func minMax(_ ctx: Interpreter, _ args: Arguments, _ name: String, wantMax: Bool) throws -> Value {
        var key: Value = .none
        var dflt: Value?
        for (k, v) in args.keywords {
            switch k {
            case "key": key = v
            case "default": dflt = v
            default: throw PyError.typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        var items: [Value]
        if args.positional.isEmpty { throw PyError.typeError("\(name) expected at least 1 argument, got 0") }
        if args.positional.count == 1 {
            items = try ctx.toArray(args.positional[0])
            if items.isEmpty {
                if let dflt { return dflt }
                throw PyError.valueError("\(name)() arg is an empty sequence")
            }
        } else {
            if dflt != nil { throw PyError.typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
            items = args.positional
        }
        var best = items[0]
        var bestKey = key.isNone ? best : try ctx.call(key, Arguments([best]))
        for v in items.dropFirst() {
            let k = key.isNone ? v : try ctx.call(key, Arguments([v]))
            let better = try ctx.isTruthy(try ctx.order(wantMax ? .gt : .lt, k, bestKey))
            if better { best = v; bestKey = k }
        }
        return best
    }

    /// Stable merge sort with Python's `<` (which may raise).
    static func sortValues(_ ctx: Interpreter, _ items: inout [Value], key: Value, reverse: Bool) throws {
        let keys: [Value] = key.isNone ? items : try items.map { try ctx.call(key, Arguments([$0])) }
        var idx = Array(items.indices)
        func less(_ a: Int, _ b: Int) throws -> Bool {
            // reverse keeps stability: compare b < a
            if reverse { return try ctx.isTruthy(try ctx.order(.lt, keys[b], keys[a])) }
            return try ctx.isTruthy(try ctx.order(.lt, keys[a], keys[b]))
        }
        var buffer = idx
        func mergeSort(_ lo: Int, _ hi: Int) throws {
            if hi - lo < 2 { return }
            let mid = (lo + hi) / 2
            try mergeSort(lo, mid)
            try mergeSort(mid, hi)
            var i = lo, j = mid, k = lo
            while i < mid && j < hi {
                if try less(idx[j], idx[i]) { buffer[k] = idx[j]; j += 1 } else { buffer[k] = idx[i]; i += 1 }
                k += 1
            }
            while i < mid { buffer[k] = idx[i]; i += 1; k += 1 }
            while j < hi { buffer[k] = idx[j]; j += 1; k += 1 }
            for t in lo..<hi { idx[t] = buffer[t] }
        }
        try mergeSort(0, idx.count)
        items = idx.map { items[$0] }
    }

    static func round(_ ctx: Interpreter, _ x: Value, _ nd: Value) throws -> Value {
        switch x.asIntLike {
        case .int(let i):
            if nd.isNone { return .int(i) }
            let n = try nd.asIndex()
            if n >= 0 { return .int(i) }
            if n < -18 { return .int(0) }
            var p = 1
            for _ in 0..<(-n) { p *= 10 }
            let q = try IntMath.floorDiv(i, p), r = try IntMath.mod(i, p)
            var rq = q
            if r * 2 > p || (r * 2 == p && q % 2 != 0) { rq += 1 }
            return .int(try IntMath.mul(rq, p))
        case .float(let d):
            if nd.isNone {
                if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw PyError(.overflowError, "cannot convert float infinity to integer") }
                guard let i = Int(exactly: d.rounded(.toNearestOrEven)) else { throw overflow() }
                return .int(i)
            }
            let n = try nd.asIndex()
            if !d.isFinite { return .float(d) }
            if n > 300 { return .float(d) }
            if n >= 0 {
                // correctly rounded decimal conversion, then back (CPython's algorithm)
                let s = String(format: "%.\(n)f", d)
                return .float(Double(s) ?? d)
            }
            if n < -308 { return .float(0.0 * d) }
            let p = Foundation.pow(10.0, Double(-n))
            let r = (d / p).rounded(.toNearestOrEven) * p
            return .float(r.isFinite ? r : d)
        default:
            if case .object = x, let f = x.type.lookup("__round__") {
                return try ctx.callAttribute(f, receiver: x, nd.isNone ? Arguments() : Arguments([nd]))
            }
            throw PyError.typeError("type \(x.typeName) doesn't define __round__ method")
        }
    }
}

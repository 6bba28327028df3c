import Foundation

extension Interpreter {
    func eval(_ e: Expr) throws -> Value {
        switch e {
        case .constant(let v): return v
        case .name(let n): return try lookupName(n)
        case .binary(let op, let l, let r):
            let a = try eval(l)
            let b = try eval(r)
            return try binaryOp(op, a, b)
        case .call(let fe, let args):
            return try evalCall(fe, args)
        case .attribute(let oe, let name):
            return try getAttribute(try eval(oe), name)
        case .subscript(let oe, let ie):
            let o = try eval(oe)
            return try getItem(o, try eval(ie))
        case .compare(let first, let rest):
            var left = try eval(first)
            for (k, (op, re)) in rest.enumerated() {
                let right = try eval(re)
                let r = try compare(op, left, right)
                if k == rest.count - 1 { return r }
                if !(try isTruthy(r)) { return r }
                left = right
            }
            return .bool(true)
        case .and(let a, let b):
            let x = try eval(a)
            return try isTruthy(x) ? try eval(b) : x
        case .or(let a, let b):
            let x = try eval(a)
            return try isTruthy(x) ? x : try eval(b)
        case .unary(let op, let x):
            return try unaryOp(op, try eval(x))
        case .ifExp(let test, let body, let orelse):
            return try isTruthy(try eval(test)) ? try eval(body) : try eval(orelse)
        case .list(let items):
            return .object(PyList(try evalItems(items)))
        case .tuple(let items):
            return .object(PyTuple(try evalItems(items)))
        case .set(let items):
            let s = PySet()
            for v in try evalItems(items) { s.insert(try hashKey(v)) }
            return .object(s)
        case .dict(let items):
            let d = PyDict()
            for it in items {
                switch it {
                case .pair(let k, let v):
                    let kv = try eval(k)
                    d.setUnchecked(try hashKey(kv), kv, try eval(v))
                case .unpack(let m):
                    try dictUpdate(d, try eval(m), fromKeywords: true)
                }
            }
            return .object(d)
        case .fstring(let parts):
            return .str(try evalFString(parts))
        case .starred:
            throw PyError(.syntaxError, "can't use starred expression here")
        case .slice(let a, let b, let c):
            return .object(PySlice(try a.map { try eval($0) } ?? .none, try b.map { try eval($0) } ?? .none, try c.map { try eval($0) } ?? .none))
        case .lambda(let def):
            return .object(try makeFunction(def))
        case .listComp(let elt, let comps):
            var out: [Value] = []
            try runComprehension(comps) { out.append(try self.eval(elt)); try self.checkLength(out.count) }
            return .object(PyList(out))
        case .genExp(let elt, let comps):
            var out: [Value] = []
            try runComprehension(comps) { out.append(try self.eval(elt)); try self.checkLength(out.count) }
            return .object(PyIterator(type: PyType.generator, out.makeIteratorClosure()))
        case .setComp(let elt, let comps):
            let s = PySet()
            try runComprehension(comps) { s.insert(try self.hashKey(try self.eval(elt))) }
            return .object(s)
        case .dictComp(let ke, let ve, let comps):
            let d = PyDict()
            try runComprehension(comps) {
                let k = try self.eval(ke)
                d.setUnchecked(try self.hashKey(k), k, try self.eval(ve))
            }
            return .object(d)
        case .yieldValue(let x, let from):
            var f: Frame? = current
            while let fr = f, fr.kind == .comprehension { f = fr.parent }
            guard let frame = f, frame.yielded != nil else { throw PyError(.syntaxError, "'yield' outside function") }
            let v = try x.map { try eval($0) } ?? .none
            if from { frame.yielded? += try toArray(v) } else { frame.yielded?.append(v) }
            try checkLength(frame.yielded?.count ?? 0)
            return .none
        case .namedExpr(let n, let x):
            let v = try eval(x)
            // bind in the nearest non-comprehension scope
            var f = current
            while f.kind == .comprehension, let p = f.parent { f = p }
            let saved = current
            current = f
            defer { current = saved }
            try assignName(n, v)
            return v
        }
    }

    /// Lists, tuples, strings and dicts built by the snippet stay below `Limits.maxCollectionLength`.
    func checkLength(_ n: Int) throws {
        if n > limits.maxCollectionLength {
            throw PyError(.memoryError, "a collection of more than \(limits.maxCollectionLength) elements exceeds the sandbox limit")
        }
    }

    func evalItems(_ items: [Expr]) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for it in items {
            if case .starred(let inner) = it { out += try toArray(try eval(inner)) }
            else { out.append(try eval(it)) }
        }
        return out
    }

    /// Runs nested `for`/`if` clauses in a fresh scope, calling `body` for each innermost iteration.
    func runComprehension(_ comps: [Comprehension], _ body: () throws -> Void) throws {
        // the first iterable is evaluated in the enclosing scope
        guard let first = comps.first else { return }
        let firstIter = try makeIterator(try eval(first.iter))
        let frame = Frame(kind: .comprehension, parent: current)
        let saved = current
        current = frame
        defer { current = saved }
        func level(_ k: Int, _ it: () throws -> Value?) throws {
            let c = comps[k]
            while let v = try it() {
                try tick()
                try assign(c.target, v)
                var ok = true
                for cond in c.ifs where !(try isTruthy(try eval(cond))) { ok = false; break }
                if !ok { continue }
                if k + 1 < comps.count {
                    try level(k + 1, try makeIterator(try eval(comps[k + 1].iter)))
                } else {
                    try body()
                }
            }
        }
        try level(0, firstIter)
    }

    func evalFString(_ parts: [FStringPart]) throws -> String {
        var out = ""
        for p in parts {
            switch p {
            case .literal(let s): out += s
            case .field(let e, let conversion, let spec, let selfDoc):
                if let d = selfDoc { out += d }
                var v = try eval(e)
                switch conversion {
                case "r": v = .str(try repr(v))
                case "s": v = .str(try str(v))
                case "a": v = .str(try repr(v))
                default: break
                }
                let specText = try spec.map { try evalFString($0) } ?? ""
                out += try format(v, specText)
            }
        }
        return out
    }

    /// `format(value, spec)`: built-in types, then the value's `__format__`, then `str()` for an empty spec.
    public func format(_ v: Value, _ spec: String) throws -> String {
        if let s = try Formatting.format(v, spec: spec) { return s }
        if case .object = v, let f = v.type.lookup("__format__") {
            let r = try callAttribute(f, receiver: v, Arguments([.str(spec)]))
            guard case .str(let s) = r else { throw PyError.typeError("__format__ must return a str, not \(r.typeName)") }
            return s
        }
        if spec.isEmpty { return try str(v) }
        throw PyError.typeError("unsupported format string passed to \(v.typeName).__format__")
    }

    // MARK: calls

    func evalArgs(_ args: [CallArg]) throws -> Arguments {
        var a = Arguments()
        a.positional.reserveCapacity(args.count)
        for arg in args {
            switch arg {
            case .positional(let e): a.positional.append(try eval(e))
            case .star(let e):
                let v = try eval(e)
                do { a.positional += try toArray(v) } catch let err as PyError where err.exception.type === PyType.typeError {
                    if v.type.lookup("__iter__") == nil {
                        throw PyError.typeError("Value after * must be an iterable, not \(v.typeName)")
                    }
                    throw err
                }
            case .keyword(let n, let e):
                let v = try eval(e)
                if a.keywords.contains(where: { $0.name == n }) {
                    throw PyError(.syntaxError, "keyword argument repeated: \(n)")
                }
                a.keywords.append((n, v))
            case .doubleStar(let e):
                let v = try eval(e)
                guard let d = v.as(PyDict.self) else {
                    throw PyError.typeError("argument after ** must be a mapping, not \(v.typeName)")
                }
                for (k, val) in d.entries {
                    guard case .str(let ks) = k else { throw PyError.typeError("keywords must be strings") }
                    if a.keywords.contains(where: { $0.name == ks }) {
                        throw PyError.typeError("got multiple values for keyword argument '\(ks)'")
                    }
                    a.keywords.append((ks, val))
                }
            }
        }
        return a
    }

    func evalCall(_ fe: Expr, _ args: [CallArg]) throws -> Value {
        // method call fast path: obj.name(...) without allocating a bound method
        if case .attribute(let oe, let name) = fe {
            let obj = try eval(oe)
            if case .object(let o) = obj, o is PyModule || o is PyType || o is PySuper {
                return try call(try getAttribute(obj, name), try evalArgs(args))
            }
            if let attr = obj.type.lookup(name) {
                let shadowed: Bool
                if case .object(let o) = obj, let d = o.dict, d[name] != nil { shadowed = true } else { shadowed = false }
                if !shadowed, case .object(let fo) = attr {
                    if let bf = fo as? PyBuiltinFunction, case .method(let body) = bf.body {
                        let a = try evalArgs(args)
                        return try body(self, obj, a)
                    }
                    if let uf = fo as? PyFunction {
                        var a = try evalArgs(args)
                        a.positional.insert(obj, at: 0)
                        return try callFunction(uf, a)
                    }
                }
            }
            return try call(try getAttribute(obj, name), try evalArgs(args))
        }
        if case .name("super") = fe, args.isEmpty, Builtins.namespace["super"] != nil, (try? lookupName("super"))?.isIdentical(Builtins.namespace["super"] ?? .none) == true {
            return try zeroArgSuper()
        }
        let f = try eval(fe)
        return try call(f, try evalArgs(args))
    }

    func zeroArgSuper() throws -> Value {
        var f: Frame? = current
        while let frame = f, frame.kind == .comprehension { f = frame.parent }
        guard let frame = f, frame.kind == .function, let fn = frame.function, let cls = fn.definingClass,
              let firstName = fn.def.params.first?.name, let receiver = frame.vars[firstName] else {
            throw PyError.runtimeError("super(): no arguments")
        }
        return .object(PySuper(startAfter: cls, receiver: receiver))
    }

    /// Calls any callable value with Python semantics.
    public func call(_ f: Value, _ args: Arguments) throws -> Value {
        guard case .object(let o) = f else {
            throw PyError.typeError("'\(f.typeName)' object is not callable")
        }
        if let uf = o as? PyFunction { return try callFunction(uf, args) }
        if let bf = o as? PyBuiltinFunction {
            switch bf.body {
            case .function(let body): return try body(self, args)
            case .method(let body):
                guard let recv = args.positional.first else {
                    throw PyError.typeError("unbound method \(bf.owner?.name ?? "object").\(bf.name)() needs an argument")
                }
                var rest = args
                rest.positional.removeFirst()
                return try body(self, recv, rest)
            }
        }
        if let bm = o as? PyBoundMethod { return try callAttribute(bm.function, receiver: bm.receiver, args) }
        if let t = o as? PyType { return try construct(t, args) }
        if let sm = o as? PyStaticMethod { return try call(.object(sm.function), args) }
        if let c = o.type.lookup("__call__") { return try callAttribute(c, receiver: f, args) }
        throw PyError.typeError("'\(f.typeName)' object is not callable")
    }

    /// Calls a function found on a class with `receiver` as `self` (methods, dunders).
    public func callAttribute(_ function: Value, receiver: Value, _ args: Arguments) throws -> Value {
        if case .object(let o) = function {
            if let bf = o as? PyBuiltinFunction, case .method(let body) = bf.body { return try body(self, receiver, args) }
            if let uf = o as? PyFunction {
                var a = args
                a.positional.insert(receiver, at: 0)
                return try callFunction(uf, a)
            }
            if let sm = o as? PyStaticMethod { return try call(.object(sm.function), args) }
        }
        return try call(function, args)
    }

    /// Calls a method by name on a value: `ctx.callMethod(x, "__add__", [y])`. Throws AttributeError if missing.
    public func callMethod(_ receiver: Value, _ name: String, _ args: Arguments = Arguments()) throws -> Value {
        if let f = receiver.type.lookup(name) { return try callAttribute(f, receiver: receiver, args) }
        return try call(try getAttribute(receiver, name), args)
    }

    func callFunction(_ fn: PyFunction, _ args: Arguments) throws -> Value {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > limits.recursionLimit {
            throw PyError(.recursionError, "maximum recursion depth exceeded")
        }
        var vars: [String: Value]
        let def = fn.def
        if fn.simpleParams && args.keywords.isEmpty && args.positional.count == def.params.count {
            vars = Dictionary(minimumCapacity: def.params.count + 2)
            for (p, v) in zip(def.params, args.positional) { vars[p.name] = v }
        } else {
            let b = try fn.signature.bind(args)
            vars = Dictionary(minimumCapacity: def.params.count + 2)
            for (p, v) in zip(def.params, b.values) { vars[p.name] = v }
            if let va = def.varargs { vars[va] = .tuple(b.varargs) }
            if let vk = def.varkw {
                let d = PyDict()
                for (k, v) in b.varkw { d.setUnchecked(HashKey(.str(k)), .str(k), v) }
                vars[vk] = .object(d)
            }
        }
        let frame = Frame(kind: .function, vars: vars, parent: fn.closure, function: fn)
        frame.line = def.line
        if def.isGenerator { frame.yielded = [] }
        let saved = current
        current = frame
        defer { current = saved }
        do {
            let flow = try execBlock(def.body)
            if let values = frame.yielded {
                // Generators run eagerly: the body runs to its end at the call and the values are replayed.
                return .object(PyIterator(type: PyType.generator, values.makeIteratorClosure()))
            }
            switch flow {
            case .returned(let v): return v
            default: return .none
            }
        } catch {
            let pe = translate(error)
            pe.exception.traceback.append((frame.line, fn.name))
            throw pe
        }
    }

    /// `Class(args)`: the class's constructor, or allocation + `__init__`.
    func construct(_ t: PyType, _ args: Arguments) throws -> Value {
        if !t.isUserDefined, let c = t.constructor { return try c(self, t, args) }
        var alloc: ((PyType) -> PyObject)?
        for base in t.mro where base.allocator != nil { alloc = base.allocator; break }
        if alloc == nil, let nativeBase = t.mro.first(where: { !$0.isUserDefined && $0.constructor != nil && $0 !== PyType.object }) {
            // subclassing a built-in without an allocator (e.g. `class L(list)`): not supported
            throw PyError.typeError("subclassing '\(nativeBase.name)' is not supported in tensorprep snippets")
        }
        let obj = alloc?(t) ?? PyObject(type: t, hasDict: true)
        if obj.dict == nil && t.isUserDefined { obj.dict = [:] }
        let v = Value.object(obj)
        if let initFn = t.lookup("__init__") {
            let r = try callAttribute(initFn, receiver: v, args)
            if !r.isNone { throw PyError.typeError("__init__() should return None, not '\(r.typeName)'") }
        } else if !args.isEmpty {
            throw PyError.typeError("\(t.name)() takes no arguments")
        }
        return v
    }
}

extension Array where Element == Value {
    func makeIteratorClosure() -> () throws -> Value? {
        var i = 0
        let items = self
        return { guard i < items.count else { return nil }; defer { i += 1 }; return items[i] }
    }
}

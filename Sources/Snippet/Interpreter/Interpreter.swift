import Foundation

/// The tree-walking interpreter. One instance runs one snippet (or one REPL session).
///
/// Bindings receive it as `ctx` in every native function and use its public helpers:
/// `repr(_:)`, `str(_:)`, `call(_:_:)`, `iterate(_:)`/`toArray(_:)`, `getAttribute(_:_:)`, `isTruthy(_:)`,
/// `equals(_:_:)`, `hashKey(_:)`, `checkAllocation(elements:)`, `write(_:)`.
public final class Interpreter {
    public let limits: Limits
    /// Where `print` writes.
    public var output: (String) -> Void
    /// Translators from engine errors (thrown by bindings) to Python exceptions; the first non-nil result wins.
    /// Unknown Swift errors become `RuntimeError(String(describing: error))`.
    public var errorTranslators: [(Error) -> PyError?] = []
    /// Per-run storage for bindings (e.g. torch's default dtype), keyed by any string.
    public var extensionState: [String: Any] = [:]

    var modules: [String: PyModule] = [:]
    let moduleFrame: Frame
    var current: Frame
    var callDepth = 0
    var steps = 0
    var deadline: UInt64
    var timedOut = false
    var liveElements = 0
    /// Interactive mode: receives the values of top-level expression statements.
    var echo: ((Value) throws -> Void)?
    /// Exceptions being handled (for bare `raise`).
    var handling: [PyError] = []
    /// Objects whose repr is in progress (self-referencing containers print `[...]`).
    var reprInProgress: Set<ObjectIdentifier> = []
    /// The source lines, for tracebacks.
    public internal(set) var sourceLines: [String] = []

    public init(limits: Limits = Limits(), output: @escaping (String) -> Void = { Swift.print($0, terminator: "") }) {
        self.limits = limits
        self.output = output
        moduleFrame = Frame(kind: .module, vars: ["__name__": .str("__main__")], parent: nil)
        current = moduleFrame
        deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, min(limits.timeout, 1e6)) * 1e9)
        Builtins.installMethodsOnce()
    }

    /// Restarts the wall-clock budget (the REPL does this for each input).
    public func resetDeadline() {
        timedOut = false
        deadline = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, min(limits.timeout, 1e6)) * 1e9)
    }

    /// Writes program output (as `print` does).
    public func write(_ s: String) { output(s) }

    /// Module-level variables (for tests and the REPL).
    public var globals: [String: Value] { moduleFrame.vars }

    // MARK: running code

    /// Parses and runs a module. Errors are thrown as `PyError` (SyntaxError included) with traceback entries.
    public func run(_ source: String) throws {
        let body = try parse(source)
        try execModule(body)
    }

    /// Parses source into statements; syntax errors become `PyError` with location.
    func parse(_ source: String) throws -> [Stmt] {
        sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        do { return try Parser.parse(source) } catch let e as SyntaxErrorInfo {
            throw e.pyError(sourceLines: sourceLines)
        }
    }

    /// Runs statements at module level. With `echo` (interactive mode, like CPython's 'single' compilation),
    /// expression statements outside function bodies — also inside top-level `for`/`if`/`with` blocks — pass
    /// their non-None values to `echo`.
    func execModule(_ body: [Stmt], echo: ((Value) throws -> Void)? = nil) throws {
        current = moduleFrame
        callDepth = 0
        self.echo = echo
        defer { self.echo = nil }
        do {
            for s in body { _ = try exec(s) }
        } catch {
            var pe = translate(error)
            pe.exception.traceback.append((moduleFrame.line, "<module>"))
            if pe.exception.type === PyType.recursionError { pe.isFatal = false }
            current = moduleFrame
            throw pe
        }
    }

    /// Converts any error to a `PyError`.
    func translate(_ error: Error) -> PyError {
        if let e = error as? PyError { return e }
        for t in errorTranslators { if let e = t(error) { return e } }
        if let e = error as? SyntaxErrorInfo { return e.pyError(sourceLines: sourceLines) }
        return PyError.runtimeError(String(describing: error))
    }

    // MARK: statements

    func execBlock(_ body: [Stmt]) throws -> Flow {
        for s in body {
            let f = try exec(s)
            if case .normal = f { continue }
            return f
        }
        return .normal
    }

    func exec(_ s: Stmt) throws -> Flow {
        current.line = s.line
        try tick()
        switch s.kind {
        case .expr(let e):
            let v = try eval(e)
            if let echo, current === moduleFrame, !v.isNone { try echo(v) }
        case .assign(let targets, let valueExpr):
            let v = try eval(valueExpr)
            for t in targets { try assign(t, v) }
        case .augAssign(let target, let op, let valueExpr):
            try augAssign(target, op, valueExpr)
        case .annAssign(let target, let valueExpr):
            if let valueExpr { try assign(target, try eval(valueExpr)) }
        case .if(let test, let body, let orelse):
            if try isTruthy(try eval(test)) { return try execBlock(body) }
            return try execBlock(orelse)
        case .while(let test, let body, let orelse):
            while try isTruthy(try eval(test)) {
                current.line = s.line
                try tick()
                switch try execBlock(body) {
                case .breakLoop: return .normal
                case .returned(let v): return .returned(v)
                default: break
                }
            }
            return try execBlock(orelse)
        case .for(let target, let iterExpr, let body, let orelse):
            let it = try makeIterator(try eval(iterExpr))
            while let v = try it() {
                current.line = s.line
                try tick()
                try assign(target, v)
                switch try execBlock(body) {
                case .breakLoop: return .normal
                case .returned(let r): return .returned(r)
                default: break
                }
            }
            return try execBlock(orelse)
        case .def(let def, let decorators):
            var f = Value.object(try makeFunction(def))
            for d in decorators.reversed() { f = try call(try eval(d), Arguments([f])) }
            try assignName(def.name, f)
        case .class(let cdef, let decorators):
            var c = try makeClass(cdef)
            for d in decorators.reversed() { c = try call(try eval(d), Arguments([c])) }
            try assignName(cdef.name, c)
        case .return(let e):
            return .returned(try e.map { try eval($0) } ?? .none)
        case .pass:
            break
        case .break:
            return .breakLoop
        case .continue:
            return .continueLoop
        case .import(let items):
            for item in items {
                let m = try importModule(item.module)
                if let asName = item.asName {
                    try assignName(asName, .object(m))
                } else {
                    let top = String(item.module.split(separator: ".").first ?? "")
                    try assignName(top, .object(try importModule(top)))
                }
            }
        case .from(let moduleName, let names):
            let m = try importModule(moduleName)
            for n in names {
                if n.name == "*" {
                    for (k, v) in m.dict ?? [:] where !k.hasPrefix("_") { try assignName(k, v) }
                    continue
                }
                if let v = m.dict?[n.name] { try assignName(n.asName ?? n.name, v); continue }
                if let sub = try? importModule(moduleName + "." + n.name) { try assignName(n.asName ?? n.name, .object(sub)); continue }
                throw PyError(.importError, "cannot import name '\(n.name)' from '\(moduleName)' (unknown location)")
            }
        case .global, .nonlocal:
            break
        case .with(let items, let body):
            return try execWith(items[...], body)
        case .try(let body, let handlers, let orelse, let fin):
            return try execTry(body, handlers, orelse, fin)
        case .raise(let e, let cause):
            try execRaise(e, cause)
        case .del(let targets):
            for t in targets { try delete(t) }
        case .assert(let test, let msg):
            if !(try isTruthy(try eval(test))) {
                if let msg { throw PyError(.assertionError, args: [try eval(msg)]) }
                throw PyError(.assertionError, args: [])
            }
        }
        return .normal
    }

    func makeFunction(_ def: FunctionDef, definingClass: PyType? = nil) throws -> PyFunction {
        var defaults: [Value?] = []
        for p in def.params { defaults.append(try p.defaultValue.map { try eval($0) }) }
        // functions defined in a class body close over the class's enclosing scope
        var closure = current
        var qual = def.name
        if current.kind == .classBody, let cls = current.vars["__qualname__"], case .str(let cn) = cls {
            qual = cn + "." + def.name
            closure = current.parent ?? moduleFrame
        } else if current.kind == .function, let f = current.function {
            qual = f.qualname + ".<locals>." + def.name
        }
        let fn = PyFunction(def: def, defaults: defaults, closure: closure, qualname: qual)
        return fn
    }

    func makeClass(_ c: ClassDef) throws -> Value {
        var bases: [PyType] = []
        for b in c.bases {
            switch b {
            case .positional(let e):
                let v = try eval(e)
                guard let t = v.as(PyType.self) else {
                    throw PyError.typeError("bases must be types")
                }
                if t === PyType.bool || t === PyType.function || t === PyType.noneType {
                    throw PyError.typeError("type '\(t.name)' is not an acceptable base type")
                }
                bases.append(t)
            case .keyword: continue
            default: throw PyError.typeError("class bases must be plain expressions in tensorprep snippets")
            }
        }
        let cls = try PyType.makeUserClass(name: c.name, module: "__main__", bases: bases)
        let frame = Frame(kind: .classBody, vars: ["__module__": .str("__main__"), "__qualname__": .str(c.name)], parent: current)
        let saved = current
        current = frame
        defer { current = saved }
        for s in c.body {
            let flow = try exec(s)
            if case .normal = flow { continue }
        }
        for (k, v) in frame.vars where k != "__qualname__" {
            if let f = v.as(PyFunction.self) { f.definingClass = cls }
            cls.attributes[k] = v
        }
        return .object(cls)
    }

    private func execWith(_ items: ArraySlice<WithItem>, _ body: [Stmt]) throws -> Flow {
        guard let item = items.first else { return try execBlock(body) }
        let mgr = try eval(item.context)
        let t = mgr.type
        guard let enter = t.lookup("__enter__"), let exit = t.lookup("__exit__") else {
            throw PyError.typeError("'\(mgr.typeName)' object does not support the context manager protocol")
        }
        let entered = try callAttribute(enter, receiver: mgr, Arguments())
        if let target = item.target { try assign(target, entered) }
        let flow: Flow
        do {
            flow = try execWith(items.dropFirst(), body)
        } catch let e as PyError where !e.isFatal {
            let exc = Value.object(e.exception)
            let suppress = try callAttribute(exit, receiver: mgr, Arguments([.object(e.exception.type), exc, .none]))
            if try isTruthy(suppress) { return .normal }
            throw e
        }
        _ = try callAttribute(exit, receiver: mgr, Arguments([.none, .none, .none]))
        return flow
    }

    private func execTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ fin: [Stmt]) throws -> Flow {
        var flow: Flow = .normal
        var pending: Error?
        do {
            flow = try execBlock(body)
            if case .normal = flow { flow = try execBlock(orelse) }
        } catch {
            var pe = translate(error)
            if let syntax = error as? SyntaxErrorInfo { pe = syntax.pyError(sourceLines: sourceLines) }
            var handled = false
            if !pe.isFatal {
                for h in handlers {
                    if let te = h.type {
                        let tv = try eval(te)
                        guard try exceptionMatches(pe.exception, tv) else { continue }
                    }
                    handled = true
                    if let n = h.name { try assignName(n, .object(pe.exception)) }
                    handling.append(pe)
                    do {
                        flow = try execBlock(h.body)
                    } catch {
                        handling.removeLast()
                        if let n = h.name { deleteNameQuietly(n) }
                        pending = error
                        break
                    }
                    handling.removeLast()
                    if let n = h.name { deleteNameQuietly(n) }
                    break
                }
            }
            if !handled { pending = pe }
        }
        if !fin.isEmpty {
            let finFlow = try execBlock(fin)
            if case .normal = finFlow {} else { return finFlow }
        }
        if let pending { throw pending }
        return flow
    }

    func exceptionMatches(_ exc: PyException, _ spec: Value) throws -> Bool {
        if let t = spec.as(PyType.self) {
            guard t.isSubtype(of: .baseException) else {
                throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
            }
            return exc.type.isSubtype(of: t)
        }
        if let tup = spec.as(PyTuple.self) {
            for item in tup.items where try exceptionMatches(exc, item) { return true }
            return false
        }
        throw PyError.typeError("catching classes that do not inherit from BaseException is not allowed")
    }

    private func execRaise(_ e: Expr?, _ cause: Expr?) throws {
        guard let e else {
            if let last = handling.last { throw last }
            throw PyError.runtimeError("No active exception to reraise")
        }
        let exc = try makeException(try eval(e))
        if let cause {
            let c = try eval(cause)
            exc.cause = c.isNone ? .none : .object(try makeException(c))
        }
        throw PyError(exception: exc)
    }

    func makeException(_ v: Value) throws -> PyException {
        if let t = v.as(PyType.self), t.isSubtype(of: .baseException) {
            let inst = try call(v, Arguments())
            if let ex = inst.as(PyException.self) { return ex }
        }
        if let ex = v.as(PyException.self) { return ex }
        throw PyError.typeError("exceptions must derive from BaseException")
    }

    // MARK: names

    func lookupName(_ name: String) throws -> Value {
        var f: Frame? = current
        while let frame = f {
            if let v = frame.vars[name] { return v }
            if frame.kind == .function, let fn = frame.function {
                if fn.def.locals.contains(name) {
                    throw PyError(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
                }
                if fn.def.globals.contains(name) {
                    if let v = moduleFrame.vars[name] { return v }
                    break
                }
            }
            f = frame.parent
        }
        if let v = Builtins.namespace[name] { return v }
        throw PyError(.nameError, "name '\(name)' is not defined")
    }

    func assignName(_ name: String, _ v: Value) throws {
        let f = current
        if f.kind == .function, let fn = f.function {
            if fn.def.globals.contains(name) { moduleFrame.vars[name] = v; return }
            if fn.def.nonlocals.contains(name) {
                var p = f.parent
                while let frame = p {
                    if frame.kind == .function, frame.function?.def.locals.contains(name) == true || frame.vars[name] != nil {
                        frame.vars[name] = v; return
                    }
                    p = frame.parent
                }
                throw PyError(.syntaxError, "no binding for nonlocal '\(name)' found")
            }
        }
        f.vars[name] = v
    }

    func deleteName(_ name: String) throws {
        let f = current
        if f.kind == .function, let fn = f.function, fn.def.globals.contains(name) {
            guard moduleFrame.vars.removeValue(forKey: name) != nil else { throw PyError(.nameError, "name '\(name)' is not defined") }
            return
        }
        guard f.vars.removeValue(forKey: name) != nil else {
            if f.kind == .function, f.function?.def.locals.contains(name) == true {
                throw PyError(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
            }
            throw PyError(.nameError, "name '\(name)' is not defined")
        }
    }

    func deleteNameQuietly(_ name: String) { current.vars.removeValue(forKey: name) }

    // MARK: assignment targets

    func assign(_ target: Expr, _ v: Value) throws {
        switch target {
        case .name(let n): try assignName(n, v)
        case .attribute(let obj, let name): try setAttribute(try eval(obj), name, v)
        case .subscript(let obj, let idx): try setItem(try eval(obj), try eval(idx), v)
        case .tuple(let targets), .list(let targets): try unpack(targets, v)
        case .starred: throw PyError(.syntaxError, "starred assignment target must be in a list or tuple")
        default: throw PyError(.syntaxError, "cannot assign to expression")
        }
    }

    private func unpack(_ targets: [Expr], _ v: Value) throws {
        let items: [Value]
        do { items = try toArray(v) } catch let e as PyError where e.exception.type === PyType.typeError && !(v.type.lookup("__iter__") != nil) {
            throw PyError.typeError("cannot unpack non-iterable \(v.typeName) object")
        }
        let starIndex = targets.firstIndex { if case .starred = $0 { return true }; return false }
        if let s = starIndex {
            let minCount = targets.count - 1
            guard items.count >= minCount else {
                throw PyError.valueError("not enough values to unpack (expected at least \(minCount), got \(items.count))")
            }
            for k in 0..<s { try assign(targets[k], items[k]) }
            let after = targets.count - s - 1
            let middle = Array(items[s..<(items.count - after)])
            if case .starred(let inner) = targets[s] { try assign(inner, .list(middle)) }
            for k in 0..<after { try assign(targets[s + 1 + k], items[items.count - after + k]) }
            return
        }
        if items.count > targets.count { throw PyError.valueError("too many values to unpack (expected \(targets.count))") }
        if items.count < targets.count { throw PyError.valueError("not enough values to unpack (expected \(targets.count), got \(items.count))") }
        for (t, x) in zip(targets, items) { try assign(t, x) }
    }

    private func augAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr) throws {
        switch target {
        case .name(let n):
            let old = try lookupName(n)
            let rhs = try eval(valueExpr)
            try assignName(n, try inplaceOp(op, old, rhs))
        case .attribute(let objExpr, let name):
            let obj = try eval(objExpr)
            let old = try getAttribute(obj, name)
            let rhs = try eval(valueExpr)
            try setAttribute(obj, name, try inplaceOp(op, old, rhs))
        case .subscript(let objExpr, let idxExpr):
            let obj = try eval(objExpr)
            let idx = try eval(idxExpr)
            let old = try getItem(obj, idx)
            let rhs = try eval(valueExpr)
            try setItem(obj, idx, try inplaceOp(op, old, rhs))
        default:
            throw PyError(.syntaxError, "illegal expression for augmented assignment")
        }
    }

    private func delete(_ target: Expr) throws {
        switch target {
        case .name(let n): try deleteName(n)
        case .attribute(let obj, let name): try deleteAttribute(try eval(obj), name)
        case .subscript(let obj, let idx): try deleteItem(try eval(obj), try eval(idx))
        case .tuple(let ts), .list(let ts): for t in ts { try delete(t) }
        default: throw PyError(.syntaxError, "cannot delete expression")
        }
    }
}

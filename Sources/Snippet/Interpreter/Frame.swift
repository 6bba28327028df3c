/// One scope at run time: a module, a function call, a class body, or a comprehension.
final class Frame {
    enum Kind { case module, function, classBody, comprehension }
    let kind: Kind
    var vars: [String: Value]
    /// The lexically enclosing scope (for closures); class bodies are skipped by functions defined in them.
    let parent: Frame?
    /// The running function (for `function` frames).
    let function: PyFunction?
    /// Line of the statement being executed (for tracebacks).
    var line = 0
    /// Values produced by `yield` in a generator call (generators run to completion when called).
    var yielded: [Value]?

    init(kind: Kind, vars: [String: Value] = [:], parent: Frame?, function: PyFunction? = nil) {
        self.kind = kind; self.vars = vars; self.parent = parent; self.function = function
    }

    /// The module frame.
    var globals: Frame {
        var f = self
        while let p = f.parent { f = p }
        return f
    }
}

/// A function defined by `def` or `lambda`.
public final class PyFunction: PyObject {
    let def: FunctionDef
    let signature: Signature
    let closure: Frame
    public let name: String
    public let qualname: String
    /// The class whose body defined this function (for zero-argument `super()`).
    var definingClass: PyType?
    /// True when every parameter is a plain positional one without defaults (fast binding).
    let simpleParams: Bool

    init(def: FunctionDef, defaults: [Value?], closure: Frame, qualname: String) {
        self.def = def
        self.closure = closure
        self.name = def.name
        self.qualname = qualname
        var params: [Signature.Parameter] = []
        for (p, d) in zip(def.params, defaults) { params.append(Signature.Parameter(p.name, kind: p.kind, default: d)) }
        signature = Signature(name: qualname, parameters: params, varargs: def.varargs, varkw: def.varkw)
        simpleParams = def.varargs == nil && def.varkw == nil && def.params.allSatisfy { $0.kind == .positionalOrKeyword } && defaults.allSatisfy { $0 == nil }
        super.init(type: PyType.function, hasDict: true)
    }
}

/// Control flow out of a statement.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

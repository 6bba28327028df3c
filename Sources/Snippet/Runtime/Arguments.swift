/// The arguments of a call: positional values then keywords in source order.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }
    public var isEmpty: Bool { positional.isEmpty && keywords.isEmpty }
    /// The `i`th positional argument, if given.
    public subscript(_ i: Int) -> Value? { i >= 0 && i < positional.count ? positional[i] : nil }
    /// A keyword argument, if given.
    public func keyword(_ name: String) -> Value? { keywords.last { $0.name == name }?.value }

    /// Throws Python's `TypeError` unless there are no arguments: `f() takes no arguments (1 given)`.
    public func expectNone(_ fn: String) throws {
        if !keywords.isEmpty { throw PyError.typeError("\(fn)() takes no keyword arguments") }
        if !positional.isEmpty { throw PyError.typeError("\(fn)() takes no arguments (\(positional.count) given)") }
    }
}

/// A Python function signature that binds `Arguments` with Python's rules and error messages.
///
/// ```swift
/// static let sig = Signature("gather(input, dim, index, *, sparse_grad=False)")
/// let a = try sig.bind(args)             // TypeErrors in Python's words
/// let dim = try a.int("dim")             // "gather(): argument 'dim' must be int, not str"
/// ```
/// Spec syntax: `name(p1, p2=default, /, p3, *args, k=default, **kwargs)`; `*` alone starts keyword-only
/// parameters; defaults are literals (`None True False 1 -1 1.5 'str'`) — use `None` and decide in Swift otherwise.
public struct Signature {
    public struct Parameter {
        public enum Kind { case positionalOnly, positionalOrKeyword, keywordOnly }
        public let name: String
        public let kind: Kind
        /// nil: required
        public let defaultValue: Value?
        public init(_ name: String, kind: Kind = .positionalOrKeyword, default d: Value? = nil) {
            self.name = name; self.kind = kind; self.defaultValue = d
        }
    }
    /// Used in messages: `f()`, `Net.forward()`.
    public let name: String
    public let parameters: [Parameter]
    public let varargs: String?
    public let varkw: String?
    /// Add 1 to positional counts in "takes N positional arguments" messages (bound methods count `self`).
    public var countsSelf = false

    public init(name: String, parameters: [Parameter], varargs: String? = nil, varkw: String? = nil) {
        self.name = name; self.parameters = parameters; self.varargs = varargs; self.varkw = varkw
    }

    /// Parses a spec such as `"sum(input, dim=None, keepdim=False, *, dtype=None)"`.
    public init(_ spec: String) {
        var name = spec
        var params: [Parameter] = []
        var varargs: String?, varkw: String?
        if let open = spec.firstIndex(of: "("), let close = spec.lastIndex(of: ")"), open < close {
            name = String(spec[..<open])
            let inner = spec[spec.index(after: open)..<close]
            var kwOnly = false
            var pieces = Signature.splitTopLevel(String(inner))
            if let slash = pieces.firstIndex(of: "/") {
                pieces.remove(at: slash)
                for i in 0..<slash where i < pieces.count { pieces[i] = "\u{1}" + pieces[i] }
            }
            for raw in pieces {
                var p = raw.trimmingSpaces
                let posOnly = p.hasPrefix("\u{1}")
                if posOnly { p.removeFirst() }
                if p.isEmpty { continue }
                if p == "*" { kwOnly = true; continue }
                if p.hasPrefix("**") { varkw = String(p.dropFirst(2)); continue }
                if p.hasPrefix("*") { varargs = String(p.dropFirst()); kwOnly = true; continue }
                let kind: Parameter.Kind = posOnly ? .positionalOnly : kwOnly ? .keywordOnly : .positionalOrKeyword
                if let eq = p.firstIndex(of: "=") {
                    let n = String(p[..<eq]).trimmingSpaces
                    let d = String(p[p.index(after: eq)...]).trimmingSpaces
                    params.append(Parameter(n, kind: kind, default: Signature.parseLiteral(d)))
                } else {
                    params.append(Parameter(p, kind: kind))
                }
            }
        }
        self.init(name: name, parameters: params, varargs: varargs, varkw: varkw)
    }

    private static func splitTopLevel(_ s: String) -> [String] {
        var out: [String] = [], cur = "", depth = 0, quote: Character?
        for c in s {
            if let q = quote { cur.append(c); if c == q { quote = nil }; continue }
            switch c {
            case "'", "\"": quote = c; cur.append(c)
            case "(", "[": depth += 1; cur.append(c)
            case ")", "]": depth -= 1; cur.append(c)
            case "," where depth == 0: out.append(cur); cur = ""
            default: cur.append(c)
            }
        }
        if !cur.trimmingSpaces.isEmpty { out.append(cur) }
        return out.map { $0.trimmingSpaces }
    }

    static func parseLiteral(_ s: String) -> Value {
        switch s {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default:
            if let i = Int(s) { return .int(i) }
            if let d = Double(s) { return .float(d) }
            if s.count >= 2, let f = s.first, f == "'" || f == "\"" { return .str(String(s.dropFirst().dropLast())) }
            return .none
        }
    }

    /// Binds arguments to parameters, raising Python's TypeErrors.
    public func bind(_ args: Arguments) throws -> BoundArguments {
        var values = [Value?](repeating: nil, count: parameters.count)
        var extra: [Value] = []
        let positionalParams = parameters.indices.filter { parameters[$0].kind != .keywordOnly }
        for (i, v) in args.positional.enumerated() {
            if i < positionalParams.count { values[positionalParams[i]] = v }
            else if varargs != nil { extra.append(v) }
            else {
                let selfN = countsSelf ? 1 : 0
                let maxN = positionalParams.count + selfN
                let minN = positionalParams.filter { parameters[$0].defaultValue == nil }.count + selfN
                let takes = minN == maxN
                    ? "\(maxN) positional argument\(maxN == 1 ? "" : "s")"
                    : "from \(minN) to \(maxN) positional arguments"
                let given = args.positional.count + selfN
                throw PyError.typeError("\(name)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
            }
        }
        var kwExtra: [(name: String, value: Value)] = []
        var posOnlyAsKw: [String] = []
        for (k, v) in args.keywords {
            if let i = parameters.firstIndex(where: { $0.name == k }) {
                if parameters[i].kind == .positionalOnly {
                    if varkw != nil { kwExtra.append((k, v)) } else { posOnlyAsKw.append(k) }
                    continue
                }
                if values[i] != nil { throw PyError.typeError("\(name)() got multiple values for argument '\(k)'") }
                values[i] = v
            } else if varkw != nil {
                kwExtra.append((k, v))
            } else {
                throw PyError.typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        if !posOnlyAsKw.isEmpty {
            throw PyError.typeError("\(name)() got some positional-only arguments passed as keyword arguments: '\(posOnlyAsKw.joined(separator: ", "))'")
        }
        var missingPos: [String] = [], missingKw: [String] = []
        for (i, p) in parameters.enumerated() where values[i] == nil {
            if let d = p.defaultValue { values[i] = d }
            else if p.kind == .keywordOnly { missingKw.append(p.name) }
            else { missingPos.append(p.name) }
        }
        if !missingPos.isEmpty {
            throw PyError.typeError("\(name)() missing \(missingPos.count) required positional argument\(missingPos.count == 1 ? "" : "s"): \(Signature.nameList(missingPos))")
        }
        if !missingKw.isEmpty {
            throw PyError.typeError("\(name)() missing \(missingKw.count) required keyword-only argument\(missingKw.count == 1 ? "" : "s"): \(Signature.nameList(missingKw))")
        }
        return BoundArguments(signature: self, values: values.map { $0 ?? .none }, varargs: extra, varkw: kwExtra)
    }

    /// `'x'`, `'x' and 'y'`, `'x', 'y', and 'z'` as CPython words it.
    static func nameList(_ names: [String]) -> String {
        let q = names.map { "'\($0)'" }
        switch q.count {
        case 0: return ""
        case 1: return q[0]
        case 2: return "\(q[0]) and \(q[1])"
        default: return q.dropLast().joined(separator: ", ") + ", and " + q[q.count - 1]
        }
    }
}

/// The result of `Signature.bind`: parameter values by name, plus `*args` and `**kwargs`.
public struct BoundArguments {
    public let signature: Signature
    public let values: [Value]
    public let varargs: [Value]
    public let varkw: [(name: String, value: Value)]

    /// The value bound to `name` (its default when not passed); `.none` for unknown names.
    public subscript(_ name: String) -> Value {
        guard let i = signature.parameters.firstIndex(where: { $0.name == name }) else { return .none }
        return values[i]
    }
    private func fail(_ name: String, _ expected: String, _ v: Value) -> PyError {
        PyError.typeError("\(signature.name)(): argument '\(name)' must be \(expected), not \(v.typeName)")
    }
    public func int(_ name: String) throws -> Int {
        let v = self[name]
        switch v { case .int(let i): return i; case .bool(let b): return b ? 1 : 0; default: throw fail(name, "int", v) }
    }
    /// nil when the argument is None.
    public func optionalInt(_ name: String) throws -> Int? { self[name].isNone ? nil : try int(name) }
    public func double(_ name: String) throws -> Double {
        let v = self[name]
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: throw fail(name, "float", v)
        }
    }
    public func optionalDouble(_ name: String) throws -> Double? { self[name].isNone ? nil : try double(name) }
    public func bool(_ name: String) throws -> Bool {
        let v = self[name]
        switch v { case .bool(let b): return b; case .int(let i): return i != 0; default: throw fail(name, "bool", v) }
    }
    public func string(_ name: String) throws -> String {
        let v = self[name]
        if case .str(let s) = v { return s }
        throw fail(name, "str", v)
    }
    public func optionalString(_ name: String) throws -> String? { self[name].isNone ? nil : try string(name) }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s.removeLast() }
        return String(s)
    }
}

// MARK: conversions with Python's messages

extension Value {
    /// An integer index/count: accepts int and bool; else `TypeError: 'float' object cannot be interpreted as an integer`.
    public func asIndex() throws -> Int {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyError.typeError("'\(typeName)' object cannot be interpreted as an integer")
        }
    }
    /// A real number (int, bool or float); else `TypeError: must be real number, not str`.
    public func asDouble() throws -> Double {
        switch self {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: throw PyError.typeError("must be real number, not \(typeName)")
        }
    }
    /// A string; else `TypeError: expected str, got int` (callers usually word their own message).
    public func asString() throws -> String {
        if case .str(let s) = self { return s }
        throw PyError.typeError("expected str, got \(typeName)")
    }
}

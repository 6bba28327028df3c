/// `nn.Module`: ordered parameters, buffers and submodules registered by name, train/eval propagation,
/// traversal (`parameters`, `named_parameters` with dotted names, `children`, `modules`), `zero_grad`,
/// `state_dict`, moving tensors (`to`/`cuda`/`cpu`) and PyTorch's `repr`.
///
/// Built for subclassing from the interpreter: `setAttribute(_:_:)` follows `Module.__setattr__`
/// (a Parameter registers a parameter, a Module a submodule), `typeName` is the Python class name,
/// and `forwardOverride` lets a Python `forward` stand in for the Swift one (Sequential and `callAsFunction`
/// go through it).
open class Module {
    /// `self.training`.
    public var training: Bool = true
    /// The class name shown by `repr` (`_get_name()`); a Python subclass sets its own.
    public var typeName: String
    public private(set) var parameterEntries: [(name: String, value: Tensor?)] = []
    public private(set) var bufferEntries: [(name: String, value: Tensor?, persistent: Bool)] = []
    public private(set) var moduleEntries: [(name: String, value: Module?)] = []
    /// A Python-level `forward` (set by the interpreter for subclasses defined in a snippet).
    public var forwardOverride: ((Tensor) throws -> Tensor)?
    /// A Python-level `extra_repr` (subclasses that define one).
    public var extraReprOverride: (() -> String)?

    public init(typeName: String? = nil) {
        self.typeName = typeName ?? String(describing: Swift.type(of: self))
    }

    // MARK: registration

    /// `register_parameter(name, param)` (nil = `None`).
    public func registerParameter(_ name: String, _ p: Tensor?) throws {
        try checkName(name, kind: "parameter")
        if let p = p, !p.isLeaf {
            throw TensorError.value("Cannot assign non-leaf Tensor to parameter '\(name)'. Model parameters must be created explicitly. To express '\(name)' as a function of another Tensor, compute the value in the forward() method.")
        }
        removeEntry(name)
        parameterEntries.append((name, p))
    }
    /// `register_buffer(name, tensor, persistent=True)`.
    public func registerBuffer(_ name: String, _ t: Tensor?, persistent: Bool = true) throws {
        try checkName(name, kind: "buffer")
        removeEntry(name)
        bufferEntries.append((name, t, persistent))
    }
    /// `add_module(name, module)` / `register_module`.
    public func registerModule(_ name: String, _ m: Module?) throws {
        try checkName(name, kind: "module")
        removeEntry(name)
        moduleEntries.append((name, m))
    }

    func checkName(_ name: String, kind: String) throws {
        if name.isEmpty { throw TensorError.key("\(kind) name can't be empty string \"\"") }
        if name.contains(".") { throw TensorError.key("\(kind) name can't contain \".\", got: \(name)") }
    }

    func removeEntry(_ name: String) {
        parameterEntries.removeAll { $0.name == name }
        bufferEntries.removeAll { $0.name == name }
        moduleEntries.removeAll { $0.name == name }
    }

    /// What `setAttribute` is given (the interpreter's view of a Python value).
    public enum AttributeValue {
        case parameter(Tensor)
        case tensor(Tensor)
        case module(Module)
        case none
        /// Anything else; `typeName` is its Python type for error messages (`'int'`, `'torch.FloatTensor'`...).
        case other(typeName: String)
    }

    /// `Module.__setattr__`. Returns true when the module stored the value (parameter, buffer, submodule),
    /// false when the caller should keep it as a plain attribute. Throws PyTorch's TypeErrors.
    @discardableResult
    public func setAttribute(_ name: String, _ value: AttributeValue) throws -> Bool {
        let isParam = parameterEntries.contains { $0.name == name }
        let isModule = moduleEntries.contains { $0.name == name }
        let isBuffer = bufferEntries.contains { $0.name == name }
        func typeName(_ v: AttributeValue) -> String {
            switch v {
            case .parameter: return "torch.nn.parameter.Parameter"
            case .tensor(let t): return t.dtype.typeString
            case .module(let m): return m.typeName
            case .none: return "NoneType"
            case .other(let t): return t
            }
        }
        switch value {
        case .parameter(let p):
            removeEntry(name)
            try registerParameter(name, p)
            return true
        default: break
        }
        if isParam {
            if case .none = value {
                if let i = parameterEntries.firstIndex(where: { $0.name == name }) { parameterEntries[i].value = nil }
                return true
            }
            throw TensorError.type("cannot assign '\(typeName(value))' as parameter '\(name)' (torch.nn.Parameter or None expected)")
        }
        if case .module(let m) = value {
            removeEntry(name)
            moduleEntries.append((name, m))
            return true
        }
        if isModule {
            if case .none = value {
                if let i = moduleEntries.firstIndex(where: { $0.name == name }) { moduleEntries[i].value = nil }
                return true
            }
            throw TensorError.type("cannot assign '\(typeName(value))' as child module '\(name)' (torch.nn.Module or None expected)")
        }
        if isBuffer {
            guard let i = bufferEntries.firstIndex(where: { $0.name == name }) else { return false }
            switch value {
            case .tensor(let t): bufferEntries[i].value = t; return true
            case .none: bufferEntries[i].value = nil; return true
            default:
                throw TensorError.type("cannot assign '\(typeName(value))' as buffer '\(name)' (torch.Tensor or None expected)")
            }
        }
        return false
    }

    /// What `Module.__getattr__` finds in the registries.
    public enum Attribute {
        case parameter(Tensor?)
        case buffer(Tensor?)
        case module(Module?)
    }
    /// Looks `name` up among parameters, buffers and submodules (nil: not registered).
    public func attribute(_ name: String) -> Attribute? {
        // Inside a DataParallel replica, parameters and buffers resolve to that replica's copies.
        if let p = parameterEntries.first(where: { $0.name == name }) { return .parameter(p.value.map(ReplicaContext.resolve)) }
        if let b = bufferEntries.first(where: { $0.name == name }) { return .buffer(b.value.map(ReplicaContext.resolve)) }
        if let m = moduleEntries.first(where: { $0.name == name }) { return .module(m.value) }
        return nil
    }
    /// `delattr(module, name)` for registered names; false when not registered.
    @discardableResult
    public func deleteAttribute(_ name: String) -> Bool {
        guard attribute(name) != nil else { return false }
        removeEntry(name)
        return true
    }

    // MARK: forward

    /// The module's computation. Layers override it; Python subclasses set `forwardOverride` instead.
    open func forward(_ input: Tensor) throws -> Tensor {
        throw TensorError.notImplemented("Module [\(typeName)] is missing the required \"forward\" function")
    }
    /// `module(x)`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        if let f = forwardOverride { return try f(input) }
        return try forward(input)
    }

    // MARK: traversal

    /// `named_modules()`: self first, then submodules depth-first, each module once.
    public func namedModules(prefix: String = "") -> [(String, Module)] {
        var seen = Set<ObjectIdentifier>()
        var out: [(String, Module)] = []
        func walk(_ m: Module, _ p: String) {
            guard seen.insert(ObjectIdentifier(m)).inserted else { return }
            out.append((p, m))
            for (n, c) in m.moduleEntries { if let c = c { walk(c, p.isEmpty ? n : p + "." + n) } }
        }
        walk(self, prefix)
        return out
    }
    public func modules() -> [Module] { namedModules().map { $0.1 } }
    /// `named_children()` (each child once).
    public func namedChildren() -> [(String, Module)] {
        var seen = Set<ObjectIdentifier>()
        return moduleEntries.compactMap { e in
            guard let m = e.value, seen.insert(ObjectIdentifier(m)).inserted else { return nil }
            return (e.name, m)
        }
    }
    public func children() -> [Module] { namedChildren().map { $0.1 } }

    /// `named_parameters(prefix='', recurse=True)`: dotted names (`0.weight`), each tensor once.
    public func namedParameters(prefix: String = "", recurse: Bool = true) -> [(String, Tensor)] {
        var seen = Set<ObjectIdentifier>()
        var out: [(String, Tensor)] = []
        let mods = recurse ? namedModules(prefix: prefix) : [(prefix, self)]
        for (mp, m) in mods {
            for (n, p) in m.parameterEntries {
                guard let p = p, seen.insert(ObjectIdentifier(p)).inserted else { continue }
                out.append((mp.isEmpty ? n : mp + "." + n, p))
            }
        }
        return out
    }
    public func parameters(recurse: Bool = true) -> [Tensor] { namedParameters(recurse: recurse).map { $0.1 } }

    /// `named_buffers()`.
    public func namedBuffers(prefix: String = "", recurse: Bool = true) -> [(String, Tensor)] {
        var seen = Set<ObjectIdentifier>()
        var out: [(String, Tensor)] = []
        let mods = recurse ? namedModules(prefix: prefix) : [(prefix, self)]
        for (mp, m) in mods {
            for e in m.bufferEntries {
                guard let b = e.value, seen.insert(ObjectIdentifier(b)).inserted else { continue }
                out.append((mp.isEmpty ? e.name : mp + "." + e.name, b))
            }
        }
        return out
    }
    public func buffers(recurse: Bool = true) -> [Tensor] { namedBuffers(recurse: recurse).map { $0.1 } }

    /// `state_dict()`: parameters and persistent buffers (detached), in registration order per module.
    public func stateDict() -> [(String, Tensor)] {
        var out: [(String, Tensor)] = []
        func walk(_ m: Module, _ p: String) {
            for (n, t) in m.parameterEntries { if let t = t { out.append((p + n, t.detach())) } }
            for e in m.bufferEntries where e.persistent { if let t = e.value { out.append((p + e.name, t.detach())) } }
            for (n, c) in m.moduleEntries { if let c = c { walk(c, p + n + ".") } }
        }
        walk(self, "")
        return out
    }

    /// `load_state_dict(sd, strict=True)`: copies values into the existing tensors.
    public func loadStateDict(_ sd: [(String, Tensor)], strict: Bool = true) throws {
        var own: [String: Tensor] = [:]
        for (k, v) in stateDict() { own[k] = v }
        let given = Set(sd.map { $0.0 })
        if strict {
            let missing = stateDict().map { $0.0 }.filter { !given.contains($0) }
            let unexpected = sd.map { $0.0 }.filter { own[$0] == nil }
            if !missing.isEmpty || !unexpected.isEmpty {
                var parts: [String] = []
                if !missing.isEmpty { parts.append("Missing key(s) in state_dict: " + missing.map { "\"\($0)\"" }.joined(separator: ", ") + ". ") }
                if !unexpected.isEmpty { parts.append("Unexpected key(s) in state_dict: " + unexpected.map { "\"\($0)\"" }.joined(separator: ", ") + ". ") }
                throw TensorError.runtime("Error(s) in loading state_dict for \(typeName):\n\t" + parts.joined(separator: "\n\t"))
            }
        }
        try GradMode.with(enabled: false) {
            for (k, v) in sd {
                guard let t = own[k] else { continue }
                guard t.shape == v.shape else {
                    throw TensorError.runtime("Error(s) in loading state_dict for \(typeName):\n\tsize mismatch for \(k): copying a param with shape \(Autograd.sizeString(v.shape)) from checkpoint, the shape in current model is \(Autograd.sizeString(t.shape)).")
                }
                try t.copy_(v)
            }
        }
    }

    // MARK: modes and gradients

    /// `train(mode=True)`: sets `training` on self and every submodule; returns self.
    @discardableResult
    public func train(_ mode: Bool = true) -> Module {
        for m in modules() { m.training = mode }
        return self
    }
    /// `eval()` = `train(False)`. It changes Dropout and BatchNorm only; gradients are governed by `no_grad`.
    @discardableResult
    public func eval() -> Module { train(false) }

    /// `zero_grad(set_to_none=True)`.
    public func zeroGrad(setToNone: Bool = true) throws {
        for p in parameters() { try Optimizer.zeroGradient(of: p, setToNone: setToNone) }
    }

    /// `requires_grad_(requires_grad=True)` on every parameter.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Module {
        for p in parameters() { try p.setRequiresGrad(flag) }
        return self
    }

    // MARK: moving tensors

    /// `_apply(fn)`: replaces every parameter's data (keeping the Parameter object, as PyTorch does),
    /// its gradient, and every buffer by `fn` of it, under no_grad.
    public func applyToTensors(_ fn: (Tensor) throws -> Tensor) throws {
        try GradMode.with(enabled: false) {
            for m in modules() {
                for (_, p) in m.parameterEntries {
                    guard let p = p else { continue }
                    let moved = try fn(p)
                    if moved !== p { p.setData(moved) }
                    if let g = p.grad {
                        let mg = try fn(g)
                        if mg !== g { p.grad = mg }
                    }
                }
                for i in m.bufferEntries.indices {
                    if let b = m.bufferEntries[i].value { m.bufferEntries[i].value = try fn(b) }
                }
            }
        }
    }
    /// `to(device)`.
    @discardableResult
    public func to(device: Device) throws -> Module {
        try applyToTensors { $0.to(device: device) }
        return self
    }
    /// `to(dtype)` / `double()` / `float()`: floating-point tensors only, like PyTorch.
    @discardableResult
    public func to(dtype: DType) throws -> Module {
        try applyToTensors { $0.dtype.isFloatingPoint ? $0.to(dtype) : $0 }
        return self
    }
    @discardableResult
    public func cuda(_ index: Int = 0) throws -> Module { try to(device: .cuda(index)) }
    @discardableResult
    public func cpu() throws -> Module { try to(device: .cpu) }

    // MARK: repr

    /// `extra_repr()`: the one-line description inside the parentheses (layers override).
    open func extraRepr() -> String { "" }

    /// `repr(module)`, exactly as `nn.Module.__repr__` builds it.
    public var repr: String {
        let extra = extraReprOverride?() ?? extraRepr()
        let extraLines = extra.isEmpty ? [] : extra.components(separatedBy: "\n")
        var childLines: [String] = []
        for (key, m) in moduleEntries {
            let s = m?.repr ?? "None"
            childLines.append("(" + key + "): " + Module.addIndent(s, 2))
        }
        let lines = extraLines + childLines
        var main = typeName + "("
        if !lines.isEmpty {
            if extraLines.count == 1 && childLines.isEmpty {
                main += extraLines[0]
            } else {
                main += "\n  " + lines.joined(separator: "\n  ") + "\n"
            }
        }
        return main + ")"
    }

    static func addIndent(_ s: String, _ n: Int) -> String {
        let parts = s.components(separatedBy: "\n")
        guard parts.count > 1 else { return s }
        let pad = String(repeating: " ", count: n)
        return parts[0] + "\n" + parts.dropFirst().map { pad + $0 }.joined(separator: "\n")
    }
}

extension Module: CustomStringConvertible {
    public var description: String { repr }
}

extension TensorError {
    static func key(_ m: String) -> TensorError { TensorError(.value, m) }
}

import Foundation

extension Interpreter {
    // MARK: repr / str

    /// `repr(v)`: built-in forms, else the class's `__repr__`, else `<module.Class object at 0x...>`.
    public func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return Formatting.floatRepr(d)
        case .str(let s): return Formatting.strRepr(s)
        case .object(let o):
            if let f = o.type.lookup("__repr__") {
                let r = try callAttribute(f, receiver: v, Arguments())
                guard case .str(let s) = r else { throw PyError.typeError("__repr__ returned non-string (type \(r.typeName))") }
                return s
            }
            return try builtinRepr(o)
        }
    }

    /// `str(v)`: `__str__`, else `repr`.
    public func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s
        case .object(let o):
            if let f = o.type.lookup("__str__") {
                let r = try callAttribute(f, receiver: v, Arguments())
                guard case .str(let s) = r else { throw PyError.typeError("__str__ returned non-string (type \(r.typeName))") }
                return s
            }
            if let e = o as? PyException {
                if e.args.isEmpty { return "" }
                if e.args.count == 1 { return e.type.isSubtype(of: .keyError) ? try repr(e.args[0]) : try str(e.args[0]) }
                return try repr(.tuple(e.args))
            }
            return try repr(v)
        default: return try repr(v)
        }
    }

    private func guardRecursion<T>(_ o: PyObject, placeholder: T, _ body: () throws -> T) throws -> T {
        let id = ObjectIdentifier(o)
        if reprInProgress.contains(id) { return placeholder }
        reprInProgress.insert(id)
        callDepth += 1
        defer { reprInProgress.remove(id); callDepth -= 1 }
        if callDepth > limits.recursionLimit { throw PyError(.recursionError, "maximum recursion depth exceeded while getting the repr of an object") }
        return try body()
    }

    private func address(_ o: PyObject) -> String { "0x" + String(UInt(bitPattern: o.identity), radix: 16).leftPadded(12) }

    func builtinRepr(_ o: PyObject) throws -> String {
        if let l = o as? PyList {
            return try guardRecursion(o, placeholder: "[...]") { "[" + (try l.items.map { try repr($0) }).joined(separator: ", ") + "]" }
        }
        if let t = o as? PyTuple {
            return try guardRecursion(o, placeholder: "(...)") {
                if t.items.count == 1 { return "(" + (try repr(t.items[0])) + ",)" }
                return "(" + (try t.items.map { try repr($0) }).joined(separator: ", ") + ")"
            }
        }
        if let d = o as? PyDict {
            return try guardRecursion(o, placeholder: "{...}") {
                "{" + (try d.entries.map { try repr($0.key) + ": " + repr($0.value) }).joined(separator: ", ") + "}"
            }
        }
        if let s = o as? PySet {
            if s.count == 0 { return s.isFrozen ? "frozenset()" : "set()" }
            let body = try guardRecursion(o, placeholder: "...") { "{" + (try s.elements.map { try repr($0) }).joined(separator: ", ") + "}" }
            return s.isFrozen ? "frozenset(\(body))" : body
        }
        if let r = o as? PyRange { return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))" }
        if let s = o as? PySlice { return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))" }
        if let t = o as? PyType { return "<class '\(t.qualifiedName)'>" }
        if let f = o as? PyFunction { return "<function \(f.qualname) at \(address(o))>" }
        if let b = o as? PyBuiltinFunction {
            if b.isMethod { return "<method '\(b.name)' of '\(b.owner?.name ?? "object")' objects>" }
            return "<built-in function \(b.name)>"
        }
        if let m = o as? PyBoundMethod {
            if let f = m.function.as(PyFunction.self) { return "<bound method \(f.qualname) of \(try repr(m.receiver))>" }
            let name = m.function.as(PyBuiltinFunction.self)?.name ?? "?"
            return "<built-in method \(name) of \(m.receiver.typeName) object at \(m.receiver.as(PyObject.self).map(address) ?? "0x0")>"
        }
        if let m = o as? PyModule { return "<module '\(m.name)' (built-in)>" }
        if o === PyNotImplemented.shared { return "NotImplemented" }
        if o === PyEllipsis.shared { return "Ellipsis" }
        if let e = o as? PyException {
            let args = try e.args.map { try repr($0) }
            return "\(e.type.name)(\(args.joined(separator: ", ")))"
        }
        if let dv = o as? PyDictView {
            return "\(dv.type.name)([" + (try dv.elements.map { try repr($0) }).joined(separator: ", ") + "])"
        }
        if o is PyIterator { return "<\(o.type.name) object at \(address(o))>" }
        if let p = o as? PyProperty { return "<property object at \(address(p))>" }
        if let s = o as? PySuper { return "<super: <class '\(s.startAfter.name)'>, <\(s.receiver.typeName) object>>" }
        return "<\(o.type.qualifiedName) object at \(address(o))>"
    }

    // MARK: attributes

    /// `obj.name` with Python's lookup order (data descriptors, instance dict, class attributes, `__getattr__`).
    public func getAttribute(_ v: Value, _ name: String) throws -> Value {
        if case .object(let o) = v {
            if let m = o as? PyModule {
                if let x = m.dict?[name] { return x }
                if name == "__name__" { return .str(m.name) }
                if let sub = modules[m.name + "." + name] { return .object(sub) }
                throw PyError.attributeError("module '\(m.name)' has no attribute '\(name)'")
            }
            if let t = o as? PyType { return try typeAttribute(t, name) }
            if let s = o as? PySuper { return try superAttribute(s, name) }
        }
        let t = v.type
        let attr = t.lookup(name)
        if let a = attr, case .object(let ao) = a, let p = ao as? PyProperty { return try p.getter(self, v) }
        if case .object(let o) = v, let d = o.dict, let x = d[name] { return x }
        if let a = attr {
            if case .object(let ao) = a {
                if ao is PyFunction || (ao as? PyBuiltinFunction)?.isMethod == true {
                    return .object(PyBoundMethod(receiver: v, function: a))
                }
                if let sm = ao as? PyStaticMethod { return .object(sm.function) }
            }
            return a
        }
        switch name {
        case "__class__": return .object(t)
        case "__dict__":
            if case .object(let o) = v, let d = o.dict { return .dict(d.sorted { $0.key < $1.key }) }
        case "__doc__": return .none
        case "__name__":
            if let f = v.as(PyFunction.self) { return .str(f.name) }
            if let b = v.as(PyBuiltinFunction.self) { return .str(b.name) }
        case "__qualname__":
            if let f = v.as(PyFunction.self) { return .str(f.qualname) }
        case "__self__": if let m = v.as(PyBoundMethod.self) { return m.receiver }
        case "__func__": if let m = v.as(PyBoundMethod.self) { return m.function }
        case "args": if let e = v.as(PyException.self) { return .tuple(e.args) }
        case "__cause__": if let e = v.as(PyException.self) { return e.cause }
        case "start": if let s = v.as(PySlice.self) { return s.start }; if let r = v.as(PyRange.self) { return .int(r.start) }
        case "stop": if let s = v.as(PySlice.self) { return s.stop }; if let r = v.as(PyRange.self) { return .int(r.stop) }
        case "step": if let s = v.as(PySlice.self) { return s.step }; if let r = v.as(PyRange.self) { return .int(r.step) }
        default: break
        }
        if let ga = t.lookup("__getattr__") {
            return try callAttribute(ga, receiver: v, Arguments([.str(name)]))
        }
        throw PyError.attributeError("'\(v.typeName)' object has no attribute '\(name)'")
    }

    private func typeAttribute(_ t: PyType, _ name: String) throws -> Value {
        if let a = t.lookup(name) {
            if case .object(let ao) = a, let sm = ao as? PyStaticMethod { return .object(sm.function) }
            return a
        }
        switch name {
        case "__name__", "__qualname__": return .str(t.name)
        case "__module__": return .str(t.moduleName)
        case "__mro__": return .tuple(t.mro.map { .object($0) })
        case "__bases__": return .tuple(t.bases.map { .object($0) })
        case "__class__": return .object(PyType.type)
        case "__doc__": return .none
        default: break
        }
        throw PyError.attributeError("type object '\(t.name)' has no attribute '\(name)'")
    }

    private func superAttribute(_ s: PySuper, _ name: String) throws -> Value {
        let mro = s.receiver.as(PyType.self)?.mro ?? s.receiver.type.mro
        var after = false
        for t in mro {
            if after, let a = t.attributes[name] {
                if case .object(let ao) = a {
                    if let p = ao as? PyProperty { return try p.getter(self, s.receiver) }
                    if ao is PyFunction || (ao as? PyBuiltinFunction)?.isMethod == true {
                        return .object(PyBoundMethod(receiver: s.receiver, function: a))
                    }
                }
                return a
            }
            if t === s.startAfter { after = true }
        }
        if name == "__init__" {
            // object.__init__
            return .object(PyBuiltinFunction(name: "__init__") { _, _ in .none })
        }
        if name == "__setattr__" || name == "__getattr__" || name == "__getattribute__" {
            return .object(PyBuiltinFunction(name: name) { ctx, args in
                if name == "__setattr__" {
                    guard args.positional.count == 2, case .str(let n) = args.positional[0] else { throw PyError.typeError("expected 2 arguments") }
                    guard case .object(let o) = s.receiver, o.dict != nil else { throw PyError.attributeError("'\(s.receiver.typeName)' object has no attribute '\(n)'") }
                    o.dict?[n] = args.positional[1]
                    return .none
                }
                guard let nv = args[0], case .str(let n) = nv else { throw PyError.typeError("attribute name must be string") }
                if case .object(let o) = s.receiver, let x = o.dict?[n] { return x }
                throw PyError.attributeError("'\(s.receiver.typeName)' object has no attribute '\(n)'")
            })
        }
        throw PyError.attributeError("'super' object has no attribute '\(name)'")
    }

    /// `obj.name = value`
    public func setAttribute(_ v: Value, _ name: String, _ value: Value) throws {
        if case .object(let o) = v {
            if let m = o as? PyModule { m.dict?[name] = value; return }
            if let t = o as? PyType {
                if t.isUserDefined { t.attributes[name] = value; return }
                throw PyError.typeError("cannot set '\(name)' attribute of immutable type '\(t.name)'")
            }
        }
        let t = v.type
        if let a = t.lookup(name), case .object(let ao) = a, let p = ao as? PyProperty {
            guard let set = p.setter else {
                if !t.isUserDefined && t.moduleName == "builtins" {
                    throw PyError.attributeError("attribute '\(name)' of '\(t.name)' objects is not writable")
                }
                throw PyError.attributeError("property '\(name)' of '\(t.name)' object has no setter")
            }
            try set(self, v, value)
            return
        }
        if let sa = t.lookup("__setattr__") {
            _ = try callAttribute(sa, receiver: v, Arguments([.str(name), value]))
            return
        }
        if case .object(let o) = v, o.dict != nil {
            if let f = value.as(PyFunction.self), f.definingClass == nil {} // plain attribute
            o.dict?[name] = value
            return
        }
        if t.lookup(name) != nil {
            throw PyError.attributeError("attribute '\(name)' of '\(t.name)' objects is not writable")
        }
        throw PyError.attributeError("'\(t.name)' object has no attribute '\(name)'")
    }

    func deleteAttribute(_ v: Value, _ name: String) throws {
        if let da = v.type.lookup("__delattr__") {
            _ = try callAttribute(da, receiver: v, Arguments([.str(name)]))
            return
        }
        if case .object(let o) = v, o.dict?.removeValue(forKey: name) != nil { return }
        throw PyError.attributeError("'\(v.typeName)' object has no attribute '\(name)'")
    }

    /// `hasattr`-style probe: nil when the attribute lookup raises AttributeError.
    public func attributeIfPresent(_ v: Value, _ name: String) throws -> Value? {
        do { return try getAttribute(v, name) } catch let e as PyError where e.exception.type.isSubtype(of: .attributeError) { return nil }
    }

    // MARK: subscripts

    /// Resolves a slice against a length: (start, stop, step, count), like `slice.indices`.
    public func sliceIndices(_ s: PySlice, length: Int) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        func intOrNone(_ v: Value) throws -> Int? {
            switch v {
            case .none: return nil
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default:
                if case .object = v, let f = v.type.lookup("__index__") { return try callAttribute(f, receiver: v, Arguments()).asIndex() }
                throw PyError.typeError("slice indices must be integers or None or have an __index__ method")
            }
        }
        let step = try intOrNone(s.step) ?? 1
        if step == 0 { throw PyError.valueError("slice step cannot be zero") }
        let step2 = step == Int.min ? -Int.max : step
        var start: Int, stop: Int
        if step2 > 0 {
            start = try intOrNone(s.start).map { $0 < 0 ? max(0, $0 &+ length) : min($0, length) } ?? 0
            stop = try intOrNone(s.stop).map { $0 < 0 ? max(0, $0 &+ length) : min($0, length) } ?? length
            let count = stop > start ? (stop - start - 1) / step2 + 1 : 0
            return (start, stop, step2, count)
        } else {
            start = try intOrNone(s.start).map { $0 < 0 ? max(-1, $0 &+ length) : min($0, length - 1) } ?? (length - 1)
            stop = try intOrNone(s.stop).map { $0 < 0 ? max(-1, $0 &+ length) : min($0, length - 1) } ?? -1
            let count = start > stop ? (start - stop - 1) / (-step2) + 1 : 0
            return (start, stop, step2, count)
        }
    }

    private func normalizeIndex(_ idx: Value, _ count: Int, _ what: String, assignment: Bool = false) throws -> Int {
        let i: Int
        switch idx {
        case .int(let x): i = x
        case .bool(let b): i = b ? 1 : 0
        default:
            if case .object = idx, let f = idx.type.lookup("__index__") {
                i = try callAttribute(f, receiver: idx, Arguments()).asIndex()
            } else if what == "string" {
                throw PyError.typeError("string indices must be integers, not '\(idx.typeName)'")
            } else {
                throw PyError.typeError("\(what) indices must be integers or slices, not \(idx.typeName)")
            }
        }
        let j = i < 0 ? i &+ count : i
        guard j >= 0 && j < count else {
            throw PyError.indexError("\(what) \(assignment ? "assignment " : "")index out of range")
        }
        return j
    }

    /// `obj[idx]`
    public func getItem(_ v: Value, _ idx: Value) throws -> Value {
        switch v {
        case .str(let s):
            let scalars = Array(s)
            if let sl = idx.as(PySlice.self) {
                let (start, _, step, count) = try sliceIndices(sl, length: scalars.count)
                var out = ""
                for k in 0..<count { out.append(scalars[start + k * step]) }
                return .str(out)
            }
            return .str(String(scalars[try normalizeIndex(idx, scalars.count, "string")]))
        case .object(let o):
            // A subclass of a built-in container (torch.Size, user classes) may override __getitem__: its own
            // method wins over the built-in behaviour below.
            if o.type !== PyType.list && o.type !== PyType.tuple && o.type !== PyType.dict, o is PyList || o is PyTuple || o is PyDict {
                for t in o.type.mro {
                    if t === PyType.list || t === PyType.tuple || t === PyType.dict { break }
                    if let f = t.attributes["__getitem__"] { return try callAttribute(f, receiver: v, Arguments([idx])) }
                }
            }
            if let l = o as? PyList {
                if let sl = idx.as(PySlice.self) {
                    let (start, _, step, count) = try sliceIndices(sl, length: l.items.count)
                    return .list((0..<count).map { l.items[start + $0 * step] })
                }
                return l.items[try normalizeIndex(idx, l.items.count, "list")]
            }
            if let t = o as? PyTuple {
                if let sl = idx.as(PySlice.self) {
                    let (start, _, step, count) = try sliceIndices(sl, length: t.items.count)
                    return .tuple((0..<count).map { t.items[start + $0 * step] })
                }
                return t.items[try normalizeIndex(idx, t.items.count, "tuple")]
            }
            if let d = o as? PyDict {
                if let x = d.get(try hashKey(idx)) { return x }
                if d.type !== PyType.dict, let f = d.type.lookup("__missing__") { return try callAttribute(f, receiver: v, Arguments([idx])) }
                throw PyError.keyError(idx)
            }
            if let r = o as? PyRange {
                if let sl = idx.as(PySlice.self) {
                    let (start, _, step, count) = try sliceIndices(sl, length: r.count)
                    let s0 = r.element(start)
                    let st = r.step &* step
                    return .object(PyRange(s0, s0 &+ st &* count, st))
                }
                return .int(r.element(try normalizeIndex(idx, r.count, "range object")))
            }
            if let f = o.type.lookup("__getitem__") { return try callAttribute(f, receiver: v, Arguments([idx])) }
            if let t = o as? PyType {
                if let f = t.lookup("__class_getitem__") { return try callAttribute(f, receiver: v, Arguments([idx])) }
                if [PyType.list, .tuple, .dict, .set, .type, .frozenset].contains(where: { $0 === t }) { return v }
                throw PyError.typeError("type '\(t.name)' is not subscriptable")
            }
        default: break
        }
        throw PyError.typeError("'\(v.typeName)' object is not subscriptable")
    }

    /// `obj[idx] = value`
    public func setItem(_ v: Value, _ idx: Value, _ value: Value) throws {
        if case .object(let o) = v {
            if let l = o as? PyList {
                if let sl = idx.as(PySlice.self) {
                    let newItems = try toArray(value)
                    let (start, stop, step, count) = try sliceIndices(sl, length: l.items.count)
                    if step == 1 {
                        let hi = max(start, stop)
                        l.items.replaceSubrange(start..<hi, with: newItems)
                        try checkLength(l.items.count)
                    } else {
                        guard newItems.count == count else {
                            throw PyError.valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(count)")
                        }
                        for k in 0..<count { l.items[start + k * step] = newItems[k] }
                    }
                    return
                }
                l.items[try normalizeIndex(idx, l.items.count, "list", assignment: true)] = value
                return
            }
            if let d = o as? PyDict { d.setUnchecked(try hashKey(idx), idx, value); return }
            if let f = o.type.lookup("__setitem__") { _ = try callAttribute(f, receiver: v, Arguments([idx, value])); return }
        }
        throw PyError.typeError("'\(v.typeName)' object does not support item assignment")
    }

    /// `del obj[idx]`
    public func deleteItem(_ v: Value, _ idx: Value) throws {
        if case .object(let o) = v {
            if let l = o as? PyList {
                if let sl = idx.as(PySlice.self) {
                    let (start, _, step, count) = try sliceIndices(sl, length: l.items.count)
                    let drop = Set((0..<count).map { start + $0 * step })
                    l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }
                    return
                }
                l.items.remove(at: try normalizeIndex(idx, l.items.count, "list", assignment: true))
                return
            }
            if let d = o as? PyDict {
                guard d.remove(try hashKey(idx)) != nil else { throw PyError.keyError(idx) }
                return
            }
            if let f = o.type.lookup("__delitem__") { _ = try callAttribute(f, receiver: v, Arguments([idx])); return }
        }
        throw PyError.typeError("'\(v.typeName)' object doesn't support item deletion")
    }

    /// `len(v)`
    public func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.count
        case .object(let o):
            if let l = o as? PyList { return l.items.count }
            if let t = o as? PyTuple { return t.items.count }
            if let d = o as? PyDict { return d.count }
            if let s = o as? PySet { return s.count }
            if let r = o as? PyRange { return r.count }
            if let dv = o as? PyDictView { return dv.dictObject.count }
            if let f = o.type.lookup("__len__") {
                let n = try callAttribute(f, receiver: v, Arguments()).asIndex()
                if n < 0 { throw PyError.valueError("__len__() should return >= 0") }
                return n
            }
        default: break
        }
        throw PyError.typeError("object of type '\(v.typeName)' has no len()")
    }

    /// Adds a mapping's or an iterable of pairs' entries to `d`.
    func dictUpdate(_ d: PyDict, _ src: Value, fromKeywords: Bool = false) throws {
        if let other = src.as(PyDict.self) {
            for (k, v) in other.entries { d.setUnchecked(HashKey(k), k, v) }
            return
        }
        if fromKeywords {
            if src.type.lookup("keys") != nil {
                for k in try toArray(try callMethod(src, "keys")) { d.setUnchecked(try hashKey(k), k, try getItem(src, k)) }
                return
            }
            throw PyError.typeError("'\(src.typeName)' object is not a mapping")
        }
        let items: [Value]
        do { items = try toArray(src) } catch let e as PyError where e.exception.type === PyType.typeError {
            throw PyError.typeError("'\(src.typeName)' object is not iterable")
        }
        for (n, item) in items.enumerated() {
            let pair: [Value]
            do { pair = try toArray(item) } catch {
                throw PyError.typeError("cannot convert dictionary update sequence element #\(n) to a sequence")
            }
            guard pair.count == 2 else {
                throw PyError.valueError("dictionary update sequence element #\(n) has length \(pair.count); 2 is required")
            }
            d.setUnchecked(try hashKey(pair[0]), pair[0], pair[1])
        }
    }

    // MARK: import

    /// `import a.b.c`: the module (cached per run). Only registered modules exist.
    public func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let top = parts.first, !top.isEmpty, !parts.contains("") else {
            throw PyError(.importError, "attempted relative import with no known parent package")
        }
        var module: PyModule
        if let m = modules[top] { module = m } else {
            guard let loader = ModuleRegistry.loader(for: top) else {
                throw PyError(.moduleNotFoundError, "No module named '\(top)'")
            }
            module = try loader(self)
            modules[top] = module
        }
        var path = top
        for p in parts.dropFirst() {
            let parentPath = path
            path += "." + p
            if let m = modules[path] { module = m; continue }
            if let sub = module.dict?[p], let sm = sub.as(PyModule.self) {
                modules[path] = sm
                module = sm
                continue
            }
            if let loader = ModuleRegistry.loader(for: path) {
                let sm = try loader(self)
                modules[path] = sm
                module.dict?[p] = .object(sm)
                module = sm
                continue
            }
            _ = parentPath
            throw PyError(.moduleNotFoundError, "No module named '\(path)'")
        }
        return module
    }
}

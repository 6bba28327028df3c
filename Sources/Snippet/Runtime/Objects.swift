/// `list`
public final class PyList: PyObject {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items; super.init(type: PyType.list) }
}

/// `tuple`
public final class PyTuple: PyObject {
    public let items: [Value]
    public init(_ items: [Value]) { self.items = items; super.init(type: PyType.tuple) }
    public static let empty = PyTuple([])
}

/// A hashable wrapper giving `Value`s Python's dict-key equality (`1 == 1.0 == True`, tuples by value,
/// other objects by identity). Build one with `Interpreter.hashKey(_:)`, which rejects unhashable values.
public struct HashKey: Hashable {
    public let value: Value
    init(_ value: Value) { self.value = value }

    public static func == (a: HashKey, b: HashKey) -> Bool { keyEqual(a.value, b.value) }

    static func keyEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y && Double(exactly: x) != nil
        case (.bool(let x), .int(let y)), (.int(let y), .bool(let x)): return (x ? 1 : 0) == y
        case (.bool(let x), .float(let y)), (.float(let y), .bool(let x)): return (x ? 1.0 : 0.0) == y
        case (.object(let x), .object(let y)):
            if x === y { return true }
            if let tx = x as? PyTuple, let ty = y as? PyTuple {
                return tx.items.count == ty.items.count && zip(tx.items, ty.items).allSatisfy { keyEqual($0, $1) }
            }
            if let sx = x as? PySet, let sy = y as? PySet, sx.isFrozen, sy.isFrozen {
                return sx.storage.count == sy.storage.count && sx.storage.keys.allSatisfy { sy.storage[$0] != nil }
            }
            return false
        default: return false
        }
    }

    public func hash(into h: inout Hasher) { HashKey.hashValue(value, into: &h) }

    static func hashValue(_ v: Value, into h: inout Hasher) {
        switch v {
        case .none: h.combine(0x5a5a)
        case .bool(let b): h.combine(b ? 1 : 0)
        case .int(let i): h.combine(i)
        case .float(let d):
            if let i = Int(exactly: d) { h.combine(i) } else { h.combine(d) }
        case .str(let s): h.combine(s)
        case .object(let o):
            if let t = o as? PyTuple { h.combine(t.items.count); for x in t.items { hashValue(x, into: &h) } }
            else if let s = o as? PySet { h.combine(s.storage.count) }
            else { h.combine(ObjectIdentifier(o)) }
        }
    }
}

/// `dict` (insertion-ordered).
public final class PyDict: PyObject {
    public private(set) var keys: [Value] = []
    public private(set) var values: [Value] = []
    private var index: [HashKey: Int] = [:]

    public override init(type: PyType = PyType.dict, hasDict: Bool = false) { super.init(type: type, hasDict: hasDict) }

    public var count: Int { keys.count }
    public func get(_ key: HashKey) -> Value? { index[key].map { values[$0] } }
    /// Sets a value; `key` must be the `HashKey` of `keyValue`.
    public func setUnchecked(_ key: HashKey, _ keyValue: Value, _ value: Value) {
        if let i = index[key] { values[i] = value; return }
        index[key] = keys.count
        keys.append(keyValue)
        values.append(value)
    }
    @discardableResult
    public func remove(_ key: HashKey) -> Value? {
        guard let i = index[key] else { return nil }
        let v = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        index[key] = nil
        for j in i..<keys.count { index[HashKey(keys[j])] = j }
        return v
    }
    public func removeAll() { keys = []; values = []; index = [:] }
    /// Entries in insertion order.
    public var entries: [(key: Value, value: Value)] { Array(zip(keys, values)).map { (key: $0.0, value: $0.1) } }
    /// String-keyed convenience for bindings.
    public subscript(string key: String) -> Value? {
        get { get(HashKey(.str(key))) }
        set { if let v = newValue { setUnchecked(HashKey(.str(key)), .str(key), v) } else { remove(HashKey(.str(key))) } }
    }
}

/// `set` and `frozenset` (insertion-ordered here; CPython's order is by hash, so printing sets of strings may differ).
public final class PySet: PyObject {
    public var storage: [HashKey: Int] = [:]
    public var order: [Value] = []
    public let isFrozen: Bool
    public init(frozen: Bool = false) { isFrozen = frozen; super.init(type: frozen ? PyType.frozenset : PyType.set) }
    public var count: Int { storage.count }
    public func contains(_ k: HashKey) -> Bool { storage[k] != nil }
    public func insert(_ k: HashKey) {
        if storage[k] == nil { storage[k] = order.count; order.append(k.value) }
    }
    public func remove(_ k: HashKey) -> Bool {
        guard storage[k] != nil else { return false }
        order.removeAll { HashKey.keyEqual($0, k.value) }
        storage = [:]
        for (i, v) in order.enumerated() { storage[HashKey(v)] = i }
        return true
    }
    /// Elements in a deterministic order: CPython orders small ints by value; we sort numbers and keep others in insertion order.
    public var elements: [Value] {
        let allInts = order.allSatisfy { if case .int = $0 { return true }; if case .bool = $0 { return true }; return false }
        if allInts {
            return order.sorted { a, b in
                func n(_ v: Value) -> Int { switch v { case .int(let i): return i; case .bool(let b): return b ? 1 : 0; default: return 0 } }
                let (x, y) = (n(a), n(b))
                // CPython: non-negative small ints iterate in ascending order; negatives hash to large buckets (after).
                if (x < 0) != (y < 0) { return x >= 0 }
                return x < y
            }
        }
        return order
    }
}

/// `range`
public final class PyRange: PyObject {
    public let start: Int, stop: Int, step: Int
    public init(_ start: Int, _ stop: Int, _ step: Int) {
        self.start = start; self.stop = stop; self.step = step
        super.init(type: PyType.range)
    }
    /// Number of elements (`len(range(...))`), computed without overflow.
    public var count: Int {
        if step > 0 {
            guard start < stop else { return 0 }
            let (d, o) = stop.subtractingReportingOverflow(start)
            return o ? Int.max : (d - 1) / step + 1
        } else {
            guard start > stop else { return 0 }
            let (d, o) = stop.subtractingReportingOverflow(start)
            return o ? Int.max : (d + 1) / step + 1
        }
    }
    public func element(_ i: Int) -> Int { start &+ i &* step }
}

/// `slice(start, stop, step)`
public final class PySlice: PyObject {
    public let start: Value, stop: Value, step: Value
    public init(_ start: Value, _ stop: Value, _ step: Value) {
        self.start = start; self.stop = stop; self.step = step
        super.init(type: PyType.slice)
    }
}

/// An iterator driven by a Swift closure returning the next value, or nil when exhausted.
/// Bindings return `.object(PyIterator { ... })` from `__iter__`.
public final class PyIterator: PyObject {
    let nextValue: () throws -> Value?
    public init(type: PyType = PyType.iterator, _ next: @escaping () throws -> Value?) {
        self.nextValue = next
        super.init(type: type)
    }
    public convenience init(_ values: [Value]) {
        var i = 0
        self.init { guard i < values.count else { return nil }; defer { i += 1 }; return values[i] }
    }
    public func next() throws -> Value? { try nextValue() }
}

/// A function implemented in Swift: `len`, `torch.zeros`, or a method of a native class.
public final class PyBuiltinFunction: PyObject {
    public enum Body {
        case function((Interpreter, Arguments) throws -> Value)
        case method((Interpreter, Value, Arguments) throws -> Value)
    }
    public let name: String
    public let body: Body
    /// For methods: the class that defines them (for reprs: `<method 'append' of 'list' objects>`).
    public weak var owner: PyType?

    /// A free function: `PyBuiltinFunction(name: "zeros") { ctx, args in ... }`.
    public init(name: String, _ body: @escaping (Interpreter, Arguments) throws -> Value) {
        self.name = name; self.body = .function(body)
        super.init(type: PyType.builtinFunction)
    }
    /// A method of `owner`; `this` is the receiver.
    public init(method name: String, owner: PyType?, _ body: @escaping (Interpreter, Value, Arguments) throws -> Value) {
        self.name = name; self.body = .method(body); self.owner = owner
        super.init(type: PyType.builtinFunction)
    }
    public var isMethod: Bool { if case .method = body { return true }; return false }
}

/// A function bound to its receiver: `x.view` before the call.
public final class PyBoundMethod: PyObject {
    public let receiver: Value
    public let function: Value
    public init(receiver: Value, function: Value) {
        self.receiver = receiver; self.function = function
        super.init(type: PyType.method)
    }
}

/// A function stored in a class that must not be bound to instances.
public final class PyStaticMethod: PyObject {
    public let function: PyObject
    public init(_ f: PyObject) { function = f; super.init(type: PyType.staticmethod) }
}

/// A computed attribute defined on a class.
public final class PyProperty: PyObject {
    public let name: String
    public let getter: (Interpreter, Value) throws -> Value
    public let setter: ((Interpreter, Value, Value) throws -> Void)?
    public init(name: String, get: @escaping (Interpreter, Value) throws -> Value, set: ((Interpreter, Value, Value) throws -> Void)?) {
        self.name = name; getter = get; setter = set
        super.init(type: PyType.property)
    }
}

/// A module: a named namespace. Bindings build theirs with `PyModule(name:)` and `module.define…`.
public final class PyModule: PyObject {
    public let name: String
    public init(name: String) {
        self.name = name
        super.init(type: PyType.module, hasDict: true)
    }
    /// An attribute, if defined.
    public subscript(_ key: String) -> Value? { dict?[key] }
    /// Sets an attribute (a submodule, a class, a constant). (`set` rather than a subscript setter, so that
    /// `Value.none` can never be mistaken for "remove".)
    public func set(_ key: String, _ value: Value) { dict?[key] = value }
    /// Defines a module-level function.
    public func defineFunction(_ name: String, _ body: @escaping (Interpreter, Arguments) throws -> Value) {
        dict?[name] = .object(PyBuiltinFunction(name: name, body))
    }
    /// Adds a class under its name.
    public func defineClass(_ type: PyType) { dict?[type.name] = .object(type) }
}

/// The object `super()` returns.
final class PySuper: PyObject {
    let startAfter: PyType
    let receiver: Value
    init(startAfter: PyType, receiver: Value) {
        self.startAfter = startAfter; self.receiver = receiver
        super.init(type: PyType.super)
    }
}

/// A live view over a dict (`d.keys()`, `d.values()`, `d.items()`).
final class PyDictView: PyObject {
    enum Kind { case keys, values, items }
    let dictObject: PyDict
    let kind: Kind
    init(_ d: PyDict, _ kind: Kind) {
        dictObject = d; self.kind = kind
        let ordered = d.type.name == "OrderedDict" && d.type.moduleName == "collections"
        switch kind {
        case .keys: super.init(type: ordered ? PyType.odictKeys : PyType.dictKeys)
        case .values: super.init(type: ordered ? PyType.odictValues : PyType.dictValues)
        case .items: super.init(type: ordered ? PyType.odictItems : PyType.dictItems)
        }
    }
    var elements: [Value] {
        switch kind {
        case .keys: return dictObject.keys
        case .values: return dictObject.values
        case .items: return zip(dictObject.keys, dictObject.values).map { .tuple([$0, $1]) }
        }
    }
}

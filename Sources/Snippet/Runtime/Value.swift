/// A Python value.
///
/// The common immutable scalars are stored inline (no allocation); everything else —
/// lists, dicts, functions, modules, tensors, instances of user classes — is a `PyObject`.
///
/// Bindings create values with `.int(3)`, `.float(1.5)`, `.str("x")`, `.bool(true)`, `.none`,
/// `.object(obj)`, or the helpers `Value.list([...])`, `Value.tuple([...])`, `Value.dict([...])`.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case object(PyObject)

    /// `NotImplemented`: what a binary dunder returns to let Python try the reflected operation.
    public static var notImplemented: Value { .object(PyNotImplemented.shared) }
    /// `...`
    public static var ellipsis: Value { .object(PyEllipsis.shared) }

    public static func list(_ items: [Value]) -> Value { .object(PyList(items)) }
    public static func tuple(_ items: [Value]) -> Value { .object(PyTuple(items)) }
    /// A dict from ordered string keys (keyword-style).
    public static func dict(_ pairs: [(String, Value)]) -> Value {
        let d = PyDict()
        for (k, v) in pairs { d.setUnchecked(HashKey(.str(k)), .str(k), v) }
        return .object(d)
    }

    /// The Python type of this value.
    public var type: PyType {
        switch self {
        case .none: return PyType.noneType
        case .bool: return PyType.bool
        case .int: return PyType.int
        case .float: return PyType.float
        case .str: return PyType.str
        case .object(let o): return o.type
        }
    }

    /// Python's `type(x).__name__`, used in error messages: `'int'`, `'Tensor'`.
    public var typeName: String { type.name }

    public var isNone: Bool { if case .none = self { return true }; return false }
    public var isNotImplemented: Bool {
        if case .object(let o) = self, o === PyNotImplemented.shared { return true }
        return false
    }

    /// The object, if this value is a `PyObject` of class `T`.
    public func `as`<T: PyObject>(_ t: T.Type) -> T? {
        if case .object(let o) = self { return o as? T }
        return nil
    }

    /// Identity (`is`): same object, or equal inline scalars of the same type
    /// (CPython caches small ints and interns short strings; we treat inline scalars as interned).
    public func isIdentical(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.str(let a), .str(let b)): return a == b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

/// Base class of every heap-allocated Python object.
///
/// Bindings subclass it to wrap an engine object:
/// ```swift
/// final class PyTensor: PyObject {
///     var tensor: Tensor
///     init(_ t: Tensor, type: PyType = TorchTypes.tensor) { tensor = t; super.init(type: type) }
/// }
/// ```
/// `type` decides the methods, attributes and operators (see `PyType`). An instance whose `dict` is non-nil
/// accepts arbitrary attribute assignment (`obj.foo = 1`), like instances of user classes.
open class PyObject {
    private var _type: PyType?
    /// The object's class. (`type` itself is the only object whose class is itself.)
    public final var type: PyType {
        get { _type ?? PyType.type }
        set { _type = newValue }
    }
    /// Instance attributes (`__dict__`), or nil when the object has none.
    public final var dict: [String: Value]?

    public init(type: PyType, hasDict: Bool = false) {
        self._type = type
        self.dict = hasDict ? [:] : nil
    }
    /// Only for `PyType.type` bootstrap: its class is itself.
    init(metatypeBootstrap: ()) { self._type = nil; self.dict = nil }

    /// A stable id for `id()` and default reprs (`<Foo object at 0x7f...>`).
    public final var identity: Int { unsafeBitCast(self, to: Int.self) }
}

/// The `NotImplemented` singleton.
public final class PyNotImplemented: PyObject {
    public static let shared = PyNotImplemented(type: PyType.notImplementedType)
}

/// The `Ellipsis` (`...`) singleton.
public final class PyEllipsis: PyObject {
    public static let shared = PyEllipsis(type: PyType.ellipsisType)
}

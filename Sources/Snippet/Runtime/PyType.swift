/// A Python class: built-in (`int`, `list`), native (`torch.Tensor`, bound by a module), or user-defined (`class Foo:`).
///
/// A class is a dictionary of attributes (`attributes`) searched along the MRO. The interpreter finds
/// everything there by name, exactly as Python does:
/// - methods: `defineMethod("view") { ctx, this, args in ... }`; operators are dunder methods
///   (`__add__`/`__radd__`, `__getitem__`, `__setitem__`, `__len__`, `__iter__`, `__contains__`, `__neg__`,
///   `__eq__`, `__lt__`, `__bool__`, `__call__`, `__enter__`/`__exit__`, `__repr__`/`__str__`, `__format__`,
///   `__getattr__` (fallback for unknown attributes), `__setattr__`, `__hash__`, `__matmul__`, `__iadd__`, …);
///   a binary dunder returns `Value.notImplemented` to let the other operand try.
/// - properties: `defineProperty("shape", get: { ctx, this in ... }, set: nil)`.
/// - plain class attributes (constants, nested classes): `attributes["T"] = value`.
///
/// Calling the class creates an instance: either the `constructor` closure (full control, e.g. `torch.Tensor(2, 3)`),
/// or, when there is none, the generic path: `allocator` of the nearest class in the MRO that has one (else a plain
/// object with a `__dict__`), then `__init__` from the MRO. User classes can subclass native classes that provide
/// an `allocator` (e.g. `class Net(nn.Module)`): the allocator receives the subclass to store as the object's `type`.
public final class PyType: PyObject {
    /// `__name__`: `"Tensor"`.
    public let name: String
    /// `__module__`: `"torch"`; `"builtins"` for built-in classes (their repr omits it: `<class 'int'>`).
    public let moduleName: String
    public private(set) var bases: [PyType]
    /// Method resolution order, starting with this class (C3 for user classes).
    public private(set) var mro: [PyType] = []
    /// Methods, properties and class attributes.
    public var attributes: [String: Value] = [:]
    /// Full control over `Class(...)`: returns the new object. Not inherited by user-defined subclasses.
    public var constructor: ((Interpreter, PyType, Arguments) throws -> Value)?
    /// Allocates a blank instance of `type` (this class or a subclass) before `__init__` runs. Inherited.
    public var allocator: ((PyType) -> PyObject)?
    /// True for classes created by a `class` statement.
    public internal(set) var isUserDefined = false

    /// Creates a class. `bases` defaults to `[object]`.
    public init(name: String, module: String = "builtins", bases: [PyType]? = nil) {
        self.name = name
        self.moduleName = module
        self.bases = []
        super.init(type: PyType.type)
        if let bases { self.bases = bases } else if name != "object" || module != "builtins" { self.bases = [PyType.object] }
        self.mro = (try? PyType.computeMRO(self)) ?? [self] + self.bases.flatMap { $0.mro }
    }

    private init(metatypeNamed name: String) {
        self.name = name
        self.moduleName = "builtins"
        self.bases = []
        super.init(metatypeBootstrap: ())
        self.mro = [self]
    }

    /// Used by the `class` statement: a user class with the given bases (C3 linearisation; TypeError if impossible).
    static func makeUserClass(name: String, module: String, bases: [PyType]) throws -> PyType {
        let t = PyType(name: name, module: module, bases: bases.isEmpty ? [PyType.object] : bases)
        t.isUserDefined = true
        t.mro = try computeMRO(t)
        return t
    }

    /// `<class 'torch.Tensor'>`, `<class 'int'>`, `<class '__main__.Net'>`.
    public var qualifiedName: String { moduleName == "builtins" ? name : "\(moduleName).\(name)" }

    /// Looks `name` up along the MRO.
    public func lookup(_ name: String) -> Value? {
        for t in mro { if let v = t.attributes[name] { return v } }
        return nil
    }

    /// True when `self` is `other` or inherits from it.
    public func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        for t in mro where t === other { return true }
        return false
    }

    // MARK: defining members (the binding API)

    /// Defines a method. `this` is the receiver (`self`); `args` the remaining arguments.
    public func defineMethod(_ name: String, _ body: @escaping (Interpreter, Value, Arguments) throws -> Value) {
        attributes[name] = .object(PyBuiltinFunction(method: name, owner: self, body))
    }

    /// Defines a property (getter, optional setter). Without a setter, assignment raises AttributeError.
    public func defineProperty(_ name: String, get: @escaping (Interpreter, Value) throws -> Value,
                               set: ((Interpreter, Value, Value) throws -> Void)? = nil) {
        attributes[name] = .object(PyProperty(name: name, get: get, set: set))
    }

    /// Defines a static function reachable as `Class.name(...)` and `obj.name(...)` (no receiver).
    public func defineStatic(_ name: String, _ body: @escaping (Interpreter, Arguments) throws -> Value) {
        attributes[name] = .object(PyStaticMethod(PyBuiltinFunction(name: name, body)))
    }

    // MARK: MRO

    static func computeMRO(_ t: PyType) throws -> [PyType] {
        var seqs: [[PyType]] = t.bases.map { $0.mro } + [t.bases]
        var result: [PyType] = [t]
        while true {
            seqs = seqs.filter { !$0.isEmpty }
            if seqs.isEmpty { return result }
            var candidate: PyType?
            for s in seqs {
                let head = s[0]
                if !seqs.contains(where: { $0.dropFirst().contains { $0 === head } }) { candidate = head; break }
            }
            guard let c = candidate else {
                throw PyError(.typeError, "Cannot create a consistent method resolution order (MRO) for bases "
                    + t.bases.map { $0.name }.joined(separator: ", "))
            }
            result.append(c)
            seqs = seqs.map { $0.first === c ? Array($0.dropFirst()) : $0 }
        }
    }

    // MARK: the built-in classes

    public static let type = PyType(metatypeNamed: "type")
    public static let object = PyType(name: "object", bases: [])
    public static let noneType = PyType(name: "NoneType")
    public static let notImplementedType = PyType(name: "NotImplementedType")
    public static let ellipsisType = PyType(name: "ellipsis")
    public static let int = PyType(name: "int")
    public static let bool = PyType(name: "bool", bases: [PyType.int])
    public static let float = PyType(name: "float")
    public static let str = PyType(name: "str")
    public static let list = PyType(name: "list")
    public static let tuple = PyType(name: "tuple")
    public static let dict = PyType(name: "dict")
    public static let set = PyType(name: "set")
    public static let frozenset = PyType(name: "frozenset")
    public static let range = PyType(name: "range")
    public static let slice = PyType(name: "slice")
    public static let function = PyType(name: "function")
    public static let builtinFunction = PyType(name: "builtin_function_or_method")
    public static let method = PyType(name: "method")
    public static let module = PyType(name: "module")
    public static let property = PyType(name: "property")
    public static let staticmethod = PyType(name: "staticmethod")
    public static let iterator = PyType(name: "iterator")
    public static let generator = PyType(name: "generator")
    public static let `super` = PyType(name: "super")
    public static let dictKeys = PyType(name: "dict_keys")
    public static let dictValues = PyType(name: "dict_values")
    public static let dictItems = PyType(name: "dict_items")
    /// `collections.OrderedDict`'s views.
    public static let odictKeys = PyType(name: "odict_keys")
    public static let odictValues = PyType(name: "odict_values")
    public static let odictItems = PyType(name: "odict_items")
}

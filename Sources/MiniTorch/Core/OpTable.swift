/// The op table: each op declared once (name, Python signature, Swift body) so `torch.add(x, y)` and
/// `x.add(y)` bind through the same entry (PyTorch's native_functions.yaml idea). The interpreter converts
/// Python values to `OpValue`, calls `OpTable.call`, and converts the result back.

/// A Python value as the op table sees it.
public indirect enum OpValue {
    case none
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case tensor(Tensor)
    case dtype(DType)
    case device(Device)
    /// A list or tuple argument; as a result: a Python tuple (e.g. from `chunk`).
    case list([OpValue])
    /// `torch.return_types.max(values=..., indices=...)`.
    case valuesIndices(ValuesIndices)

    /// Python type name for error messages.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .tensor: return "Tensor"
        case .dtype: return "torch.dtype"
        case .device: return "torch.device"
        case .list: return "list"
        case .valuesIndices: return "torch.return_types"
        }
    }
    /// A Python number as a Scalar.
    public var scalar: Scalar? {
        switch self {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        default: return nil
        }
    }
    /// Nested numbers (for torch.tensor); 0-dim tensors inside lists count as numbers.
    public func nested() -> NestedData? {
        if let s = scalar { return .scalar(s) }
        switch self {
        case .list(let l):
            var out: [NestedData] = []
            for x in l { guard let n = x.nested() else { return nil }; out.append(n) }
            return .list(out)
        case .tensor(let t):
            return t.tolist()
        default: return nil
        }
    }
}

/// Kinds of parameters, with PyTorch's conversions.
public enum OpParamType {
    case tensor, optionalTensor, tensorOrNumber, number, optionalNumber
    case int, optionalInt, bool, double, optionalDouble, string, optionalString
    /// An int or a list/tuple of ints (`dim=(0, 1)`), nil when None.
    case optionalIntList
    /// Sizes given as `*sizes` or one list/tuple (`x.view(2, 3)` / `x.view((2, 3))`): consumes the remaining positionals.
    case sizes
    case intList
    case tensorList
    case optionalDType
    case optionalDevice
}

public struct OpParam {
    public var name: String
    public var type: OpParamType
    /// nil = required.
    public var defaultValue: OpValue?
    public var keywordOnly: Bool
    public init(_ name: String, _ type: OpParamType, _ defaultValue: OpValue? = nil, keywordOnly: Bool = false) {
        self.name = name; self.type = type; self.defaultValue = defaultValue; self.keywordOnly = keywordOnly
    }
}

/// Bound arguments, with typed accessors that raise PyTorch-style TypeErrors.
public struct OpArgs {
    public let op: String
    public var values: [String: OpValue]
    /// 1-based positions of the arguments passed positionally (PyTorch's parser names them in TypeErrors).
    var positions: [String: Int] = [:]

    func fail(_ name: String, _ expected: String) -> TensorError {
        let pos = positions[name].map { " (position \($0))" } ?? ""
        return TensorError.type("\(op)(): argument '\(name)'\(pos) must be \(expected), not \(values[name]?.typeName ?? "NoneType")")
    }
    public func value(_ name: String) -> OpValue { values[name] ?? .none }
    public func isNone(_ name: String) -> Bool { if case .none = value(name) { return true } else { return false } }
    public func tensor(_ name: String) throws -> Tensor {
        if case .tensor(let t) = value(name) { return t }
        throw fail(name, "Tensor")
    }
    public func optionalTensor(_ name: String) throws -> Tensor? { isNone(name) ? nil : try tensor(name) }
    /// A tensor, or a Python number wrapped for type promotion.
    public func tensorOrNumber(_ name: String) throws -> Tensor {
        let v = value(name)
        if case .tensor(let t) = v { return t }
        if let s = v.scalar { return Tensor.wrappedScalar(s) }
        throw fail(name, "Tensor or Number")
    }
    public func number(_ name: String) throws -> Scalar {
        let v = value(name)
        if let s = v.scalar { return s }
        if case .tensor(let t) = v, t.numel == 1 { return try t.item() }
        throw fail(name, "Number")
    }
    public func optionalNumber(_ name: String) throws -> Scalar? { isNone(name) ? nil : try number(name) }
    public func int(_ name: String) throws -> Int {
        switch value(name) {
        case .int(let i): return Int(i)
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint: return Int(try t.item().asInt64)
        default: throw fail(name, "int")
        }
    }
    public func optionalInt(_ name: String) throws -> Int? { isNone(name) ? nil : try int(name) }
    public func bool(_ name: String) throws -> Bool {
        if case .bool(let b) = value(name) { return b }
        throw fail(name, "bool")
    }
    public func double(_ name: String) throws -> Double {
        switch value(name) {
        case .double(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: throw fail(name, "float")
        }
    }
    public func optionalDouble(_ name: String) throws -> Double? { isNone(name) ? nil : try double(name) }
    public func string(_ name: String) throws -> String {
        if case .string(let s) = value(name) { return s }
        throw fail(name, "str")
    }
    public func optionalString(_ name: String) throws -> String? { isNone(name) ? nil : try string(name) }
    public func intList(_ name: String) throws -> [Int] {
        switch value(name) {
        case .int(let i): return [Int(i)]
        case .list(let l):
            return try l.map {
                switch $0 {
                case .int(let i): return Int(i)
                case .tensor(let t) where t.numel == 1 && !t.dtype.isFloatingPoint: return Int(try t.item().asInt64)
                default: throw TensorError.type("\(op)(): argument '\(name)' must be tuple of ints, but found element of type \($0.typeName) at pos 0")
                }
            }
        default: throw fail(name, "tuple of ints")
        }
    }
    public func optionalIntList(_ name: String) throws -> [Int]? { isNone(name) ? nil : try intList(name) }
    public func tensors(_ name: String) throws -> [Tensor] {
        if case .list(let l) = value(name) {
            return try l.enumerated().map { (i, v) in
                if case .tensor(let t) = v { return t }
                throw TensorError.type("expected Tensor as element \(i) in argument \(0), but got \(v.typeName)")
            }
        }
        throw fail(name, "tuple of Tensors")
    }
    public func dtype(_ name: String) throws -> DType? {
        switch value(name) {
        case .none: return nil
        case .dtype(let d): return d
        default: throw fail(name, "torch.dtype")
        }
    }
    public func device(_ name: String) throws -> Device? {
        switch value(name) {
        case .none: return nil
        case .device(let d): return d
        case .string(let s):
            guard let d = Device(parsing: s) else {
                throw TensorError.runtime("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: \(s)")
            }
            return d
        case .int(let i): return .cuda(Int(i))
        default: throw fail(name, "torch.device")
        }
    }
}

/// One op: its Python name, which forms exist, its signature and its body.
public struct OpSpec {
    public var name: String
    /// `torch.name(...)` exists.
    public var isFunction: Bool
    /// `tensor.name(...)` exists (the first parameter is self).
    public var isMethod: Bool
    public var params: [OpParam]
    public var body: (OpArgs) throws -> OpValue
    public init(_ name: String, function: Bool = true, method: Bool = true, _ params: [OpParam],
                _ body: @escaping (OpArgs) throws -> OpValue) {
        self.name = name; self.isFunction = function; self.isMethod = method; self.params = params; self.body = body
    }
}

public enum OpTable {
    private static let lock = SpinLock()
    nonisolated(unsafe) private static var registry: [String: OpSpec] = {
        var d: [String: OpSpec] = [:]
        for s in creationOps + elementwiseOps + reduceOps + movementOps + conversionOps + sortOps + reduceExtraOps { d[s.name] = s }
        return d
    }()
    /// All ops by name.
    public static var specs: [String: OpSpec] { lock.withLock { registry } }
    /// Adds (or replaces) ops declared elsewhere (gather/scatter, matmul, nn.functional, ...).
    public static func register(_ new: [OpSpec]) {
        lock.withLock { for s in new { registry[s.name] = s } }
    }

    /// Names usable as `torch.X`.
    public static var functionNames: [String] { specs.values.filter { $0.isFunction }.map { $0.name }.sorted() }
    /// Names usable as `tensor.X`.
    public static var methodNames: [String] { specs.values.filter { $0.isMethod }.map { $0.name }.sorted() }

    /// Binds Python-style arguments and runs the op. `selfTensor` is set for the method form.
    public static func call(_ name: String, self selfTensor: Tensor? = nil, args: [OpValue],
                            kwargs: [(String, OpValue)] = []) throws -> OpValue {
        guard let spec = lock.withLock({ registry[name] }), selfTensor == nil ? spec.isFunction : spec.isMethod else {
            throw TensorError.type(selfTensor == nil ? "module 'torch' has no attribute '\(name)'" : "'Tensor' object has no attribute '\(name)'")
        }
        return try call(spec, self: selfTensor, args: args, kwargs: kwargs)
    }

    /// Binds and runs `spec`, also one outside the registry (`torch.linalg.norm`, `F.normalize`).
    public static func call(_ spec: OpSpec, self selfTensor: Tensor? = nil, args: [OpValue],
                            kwargs: [(String, OpValue)] = []) throws -> OpValue {
        let name = spec.name
        var values: [String: OpValue] = [:]
        var params = spec.params[...]
        if let s = selfTensor, let first = params.first {
            values[first.name] = .tensor(s)
            params = params.dropFirst()
        }
        var pos = args[...]
        var positionalSet: [String: Int] = [:]
        for p in params where !p.keywordOnly {
            if pos.isEmpty { break }
            if case .sizes = p.type {
                if pos.count == 1, case .list = pos.first! {
                    values[p.name] = pos.removeFirst()
                    values["__single_list"] = .bool(true)   // `f((2, 3))` rather than `f(2, 3)` (legacy constructors care)
                }
                else { values[p.name] = .list(Array(pos)); pos.removeAll() }
            } else if case .tensorList = p.type, pos.count >= 1 {
                values[p.name] = pos.removeFirst()
            } else {
                values[p.name] = pos.removeFirst()
            }
            positionalSet[p.name] = args.count - pos.count
        }
        if !pos.isEmpty {
            let maxPos = params.filter { !$0.keywordOnly }.count + (selfTensor == nil ? 0 : 1)
            throw TensorError.type("\(name)() takes \(maxPos) positional argument\(maxPos == 1 ? "" : "s") but \(args.count + (selfTensor == nil ? 0 : 1)) were given")
        }
        for (k, v) in kwargs {
            let key = aliases[k] ?? k
            guard let p = spec.params.first(where: { $0.name == k || $0.name == key }) else {
                throw TensorError.type("\(name)() got an unexpected keyword argument '\(k)'")
            }
            if values[p.name] != nil {
                throw TensorError.type("argument for \(name)() given by name ('\(k)') and position (\(positionalSet[p.name] ?? 1))")
            }
            values[p.name] = v
        }
        for p in spec.params where values[p.name] == nil {
            guard let d = p.defaultValue else {
                throw TensorError.type("\(name)() missing 1 required positional arguments: \"\(p.name)\"")
            }
            values[p.name] = d
        }
        return try spec.body(OpArgs(op: name, values: values, positions: positionalSet))
    }

    /// numpy-style keyword aliases PyTorch accepts.
    static let aliases: [String: String] = ["axis": "dim", "keepdims": "keepdim", "x": "input"]
}


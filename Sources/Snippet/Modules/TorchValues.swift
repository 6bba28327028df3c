import Foundation
import MiniTorch

/// The Python objects behind torch values: tensors, dtypes, devices, `torch.Size`, `torch.return_types.*`,
/// and the conversions between snippet `Value`s and the engine's `Tensor`/`Scalar`/`OpValue`.

/// A `torch.Tensor` (or `nn.Parameter`) in a snippet: a thin handle on an engine tensor.
public final class PyTensor: PyObject {
    public let tensor: Tensor
    public init(_ tensor: Tensor) {
        self.tensor = tensor
        super.init(type: tensor.isParameter ? TorchTypes.parameter : TorchTypes.tensor, hasDict: true)
    }
}

/// `torch.float32` etc.: one shared object per dtype, so `x.dtype is torch.float` holds.
public final class PyDTypeObject: PyObject {
    public let dtype: DType
    init(_ d: DType) { dtype = d; super.init(type: TorchTypes.dtypeType) }
    static let all: [DType: PyDTypeObject] = {
        var d: [DType: PyDTypeObject] = [:]
        for t in DType.allCases { d[t] = PyDTypeObject(t) }
        return d
    }()
    public static func of(_ d: DType) -> Value { .object(all[d] ?? PyDTypeObject(d)) }
}

/// `torch.device('cuda:1')`.
public final class PyDeviceObject: PyObject {
    public let device: Device
    public init(_ d: Device) { device = d; super.init(type: TorchTypes.deviceType) }
}

/// A `torch.autograd` graph node as `x.grad_fn` shows it.
public final class PyGradFn: PyObject {
    public let node: Node
    public init(_ n: Node) { node = n; super.init(type: TorchTypes.gradFnType) }
}

enum TorchTypes {
    // Filled in by TorchTensor.swift (methods, properties, operators).
    static let tensor: PyType = {
        let t = PyType(name: "Tensor", module: "torch")
        TorchTensorType.define(t)
        return t
    }()
    /// `nn.Parameter`: a Tensor subclass printing "Parameter containing:".
    static let parameter: PyType = {
        let t = PyType(name: "Parameter", module: "torch.nn.parameter", bases: [tensor])
        t.defineMethod("__repr__") { ctx, this, _ in .str(MiniTorch.Parameter.repr(try TorchConvert.tensor(this))) }
        return t
    }()

    static let dtypeType: PyType = {
        let t = PyType(name: "dtype", module: "torch")
        t.defineMethod("__repr__") { _, this, _ in .str(this.as(PyDTypeObject.self)?.dtype.description ?? "?") }
        t.defineProperty("is_floating_point") { _, this in .bool(this.as(PyDTypeObject.self)?.dtype.isFloatingPoint ?? false) }
        t.defineProperty("itemsize") { _, this in .int(this.as(PyDTypeObject.self)?.dtype.itemSize ?? 0) }
        return t
    }()

    static let deviceType: PyType = {
        let t = PyType(name: "device", module: "torch")
        t.constructor = { ctx, _, args in
            let a = try Signature("device(type, index=None)").bind(args)
            if let d = a["type"].as(PyDeviceObject.self) { return .object(d) }
            var s = try a.string("type")
            if let i = try a.optionalInt("index") { s += ":\(i)" }
            guard let d = Device(parsing: s) else {
                throw PyError.runtimeError("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: \(s)")
            }
            return .object(PyDeviceObject(d))
        }
        t.defineMethod("__repr__") { _, this, _ in
            guard let d = this.as(PyDeviceObject.self)?.device else { return .str("device") }
            if let i = d.index { return .str("device(type='\(d.type)', index=\(i))") }
            return .str("device(type='\(d.type)')")
        }
        t.defineMethod("__str__") { _, this, _ in .str(this.as(PyDeviceObject.self)?.device.description ?? "") }
        t.defineMethod("__eq__") { _, this, args in
            guard let a = this.as(PyDeviceObject.self)?.device, let b = args[0]?.as(PyDeviceObject.self)?.device else { return .notImplemented }
            return .bool(a == b)
        }
        t.defineMethod("__hash__") { _, this, _ in .int((this.as(PyDeviceObject.self)?.device.description ?? "").hashValue) }
        t.defineProperty("type") { _, this in .str(this.as(PyDeviceObject.self)?.device.type ?? "cpu") }
        t.defineProperty("index") { _, this in this.as(PyDeviceObject.self)?.device.index.map { .int($0) } ?? .none }
        return t
    }()

    static let gradFnType: PyType = {
        let t = PyType(name: "Node", module: "torch.autograd.graph")
        func node(_ v: Value) throws -> Node {
            guard let n = v.as(PyGradFn.self)?.node else { throw PyError.typeError("expected a grad_fn") }
            return n
        }
        // PyTorch names the leaf sink and CopySlices by their C++ names in `name()` (Node.pythonName).
        t.defineMethod("name") { _, this, _ in .str(try node(this).pythonName) }
        t.defineProperty("variable") { _, this in
            guard let acc = try node(this) as? AccumulateGrad, let v = acc.variable else {
                throw PyError.attributeError("'\(this.as(PyGradFn.self)?.node.name ?? "Node")' object has no attribute 'variable'")
            }
            return TorchConvert.tensorValue(v)
        }
        t.defineMethod("__repr__") { ctx, this, _ in
            let n = try node(this)
            let addr = "0x" + String(UInt(bitPattern: ObjectIdentifier(n).hashValue), radix: 16)
            return .str("<\(n.name) object at \(addr)>")
        }
        t.defineProperty("next_functions") { _, this in
            .tuple(try node(this).nextFunctions.map { .tuple([$0.0.map { .object(PyGradFn($0)) } ?? .none, .int($0.1)]) })
        }
        t.defineMethod("__eq__") { _, this, args in
            guard let a = this.as(PyGradFn.self), let b = args[0]?.as(PyGradFn.self) else { return .notImplemented }
            return .bool(a.node === b.node)
        }
        t.defineMethod("__hash__") { _, this, _ in .int(this.as(PyGradFn.self).map { ObjectIdentifier($0.node).hashValue } ?? 0) }
        return t
    }()

    /// `torch.Size`: a tuple subclass.
    static let size: PyType = {
        let t = PyType(name: "Size", module: "torch", bases: [PyType.tuple])
        t.constructor = { ctx, type, args in
            let a = try Signature("Size(sizes=())").bind(args)
            let items = try ctx.toArray(a["sizes"]).map { try $0.asIndex() }
            return TorchConvert.sizeValue(items)
        }
        t.defineMethod("__repr__") { ctx, this, _ in
            let items = this.as(PyTuple.self)?.items ?? []
            return .str("torch.Size([" + (try items.map { try ctx.repr($0) }).joined(separator: ", ") + "])")
        }
        t.defineMethod("numel") { _, this, _ in
            .int(try (this.as(PyTuple.self)?.items ?? []).reduce(1) { $0 * (try $1.asIndex()) })
        }
        t.defineMethod("__getitem__") { ctx, this, args in
            let items = this.as(PyTuple.self)?.items ?? []
            guard let i = args[0] else { throw PyError.typeError("expected an index") }
            if let s = i.as(PySlice.self) {
                let r = try ctx.sliceIndices(s, length: items.count)
                var out: [Value] = []
                var k = r.start
                for _ in 0..<r.count { out.append(items[k]); k += r.step }
                return TorchConvert.sizeValue(out.map { (try? $0.asIndex()) ?? 0 })
            }
            switch i {
            case .int, .bool: break
            default: throw PyError.typeError("tuple indices must be integers or slices, not \(i.typeName)")
            }
            var k = try i.asIndex()
            if k < 0 { k += items.count }
            guard k >= 0 && k < items.count else { throw PyError.indexError("tuple index out of range") }
            return items[k]
        }
        return t
    }()

    /// `torch.return_types.max` etc.: named tuples of (values, indices).
    static var returnTypes: [String: PyType] = [:]
    static let returnTypesLock = NSLock()
    static func returnType(_ name: String, fields: [String] = ["values", "indices"]) -> PyType {
        returnTypesLock.lock(); defer { returnTypesLock.unlock() }
        if let t = returnTypes[name] { return t }
        let t = PyType(name: name, module: "torch.return_types", bases: [PyType.tuple])
        for (i, f) in fields.enumerated() {
            t.defineProperty(f) { _, this in
                let items = this.as(PyTuple.self)?.items ?? []
                return i < items.count ? items[i] : .none
            }
        }
        t.defineMethod("__repr__") { ctx, this, _ in
            let items = this.as(PyTuple.self)?.items ?? []
            var parts: [String] = []
            for (i, f) in fields.enumerated() where i < items.count { parts.append("\(f)=" + (try ctx.repr(items[i]))) }
            return .str("torch.return_types.\(name)(\n" + parts.joined(separator: ",\n") + ")")
        }
        returnTypes[name] = t
        return t
    }
}

/// Conversions between snippet values and engine values.
enum TorchConvert {
    static func tensorValue(_ t: Tensor) -> Value { .object(PyTensor(t)) }

    static func sizeValue(_ shape: [Int]) -> Value {
        let tup = PyTuple(shape.map { .int($0) })
        tup.type = TorchTypes.size
        return .object(tup)
    }

    static func returnTypesValue(_ name: String, _ items: [Value]) -> Value {
        let tup = PyTuple(items)
        tup.type = TorchTypes.returnType(name)
        return .object(tup)
    }

    /// The tensor behind a value, or a TypeError.
    static func tensor(_ v: Value, what: String = "argument") throws -> Tensor {
        if let p = v.as(PyTensor.self) { return p.tensor }
        if let a = v.as(PyNDArray.self) { return a.tensor }
        throw PyError.typeError("expected Tensor as \(what), but got \(v.typeName)")
    }
    static func optionalTensor(_ v: Value) -> Tensor? { v.as(PyTensor.self)?.tensor }

    /// A Python number as a Scalar (nil for anything else).
    static func scalar(_ v: Value) -> Scalar? {
        switch v {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .double(d)
        default: return nil
        }
    }

    static func value(_ s: Scalar) -> Value {
        switch s {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .double(let d): return .float(d)
        }
    }

    static func value(_ n: NestedData) -> Value {
        switch n {
        case .scalar(let s): return value(s)
        case .list(let l): return .list(l.map { value($0) })
        }
    }

    /// Nested Python data (lists, tuples, numbers, 0-dim tensors) for `torch.tensor(...)`.
    static func nested(_ ctx: Interpreter, _ v: Value) throws -> NestedData {
        if let s = scalar(v) { return .scalar(s) }
        if let t = v.as(PyTensor.self)?.tensor ?? v.as(PyNDArray.self)?.tensor { return t.tolist() }
        if let l = v.as(PyList.self) { return .list(try l.items.map { try nested(ctx, $0) }) }
        if let l = v.as(PyTuple.self) { return .list(try l.items.map { try nested(ctx, $0) }) }
        if case .object(let o) = v, o is PyRange || o is PyIterator {
            return .list(try ctx.toArray(v).map { try nested(ctx, $0) })
        }
        throw PyError.typeError("new(): invalid data type '\(v.typeName)'")
    }

    /// A dtype argument: `torch.float32`, numpy dtypes, or the Python types `float`/`int`/`bool`.
    static func dtype(_ v: Value) throws -> DType? {
        switch v {
        case .none: return nil
        case .str(let s):
            if let d = DType(name: s) { return d }
            throw PyError.typeError("dtype must be torch.dtype, not str")
        default: break
        }
        if let d = v.as(PyDTypeObject.self) { return d.dtype }
        if let d = v.as(PyNumpyDType.self) { return d.dtype }
        if let t = v.as(PyType.self) {
            if t === PyType.float { return .float64 }
            if t === PyType.int { return .int64 }
            if t === PyType.bool { return .bool }
            if let d = NumpyTypes.scalarTypeDType(t) { return d }
        }
        throw PyError.typeError("dtype must be torch.dtype, not \(v.typeName)")
    }

    static func device(_ v: Value) throws -> Device? {
        switch v {
        case .none: return nil
        case .int(let i): return .cuda(i)
        case .str(let s):
            guard let d = Device(parsing: s) else {
                throw PyError.runtimeError("Expected one of cpu, cuda, ipu, xpu, mkldnn, opengl, opencl, ideep, hip, ve, fpga, maia, xla, lazy, vulkan, mps, meta, hpu, mtia, privateuseone device type at start of device string: \(s)")
            }
            return d
        default:
            if let d = v.as(PyDeviceObject.self) { return d.device }
            throw PyError.typeError("to() received an invalid combination of arguments - got (\(v.typeName))")
        }
    }

    /// Sizes given as `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(torch.Size([2, 3]))`.
    static func sizes(_ ctx: Interpreter, _ items: [Value], fn: String = "size") throws -> [Int] {
        if items.count == 1, case .object(let o) = items[0], o is PyTuple || o is PyList {
            return try ctx.toArray(items[0]).enumerated().map { (i, v) in try sizeInt(v, fn: fn, pos: i) }
        }
        return try items.enumerated().map { (i, v) in try sizeInt(v, fn: fn, pos: i) }
    }
    private static func sizeInt(_ v: Value, fn: String, pos: Int) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if let t = v.as(PyTensor.self)?.tensor, t.numel == 1, !t.dtype.isFloatingPoint { return Int(try t.item().asInt64) }
            throw PyError.typeError("\(fn)(): argument 'size' (position \(pos + 1)) must be tuple of ints, but found element of type \(v.typeName) at pos \(pos)")
        }
    }

    /// An int or a tuple of ints (`dim=(0, 1)`), nil for None.
    static func dims(_ ctx: Interpreter, _ v: Value) throws -> [Int]? {
        switch v {
        case .none: return nil
        case .int(let i): return [i]
        default:
            if case .object(let o) = v, o is PyTuple || o is PyList { return try ctx.toArray(v).map { try $0.asIndex() } }
            throw PyError.typeError("argument 'dim' must be tuple of ints, not \(v.typeName)")
        }
    }

    /// An int or a pair (`kernel_size=3` or `(2, 3)`).
    static func pair(_ ctx: Interpreter, _ v: Value, _ name: String) throws -> (Int, Int) {
        if case .object(let o) = v, o is PyTuple || o is PyList {
            let xs = try ctx.toArray(v).map { try $0.asIndex() }
            if xs.count == 1 { return (xs[0], xs[0]) }
            guard xs.count == 2 else { throw PyError.typeError("\(name) must be an int or a tuple of two ints") }
            return (xs[0], xs[1])
        }
        let i = try v.asIndex()
        return (i, i)
    }

    /// A convolution's `padding=`: an int, a pair, or 'valid'/'same' (another string is `invalid(string)`).
    static func convPadding(_ ctx: Interpreter, _ v: Value, invalid: (String) -> Error) throws -> ConvPadding {
        if case .str(let s) = v {
            guard let p = ConvPadding(string: s) else { throw invalid(s) }
            return p
        }
        let (h, w) = try pair(ctx, v, "padding")
        return .explicit(h, w)
    }

    /// A pooling module's size argument, remembering whether it was one int or a pair (for the module's repr).
    static func poolSize(_ ctx: Interpreter, _ v: Value, _ name: String) throws -> PoolSize {
        if case .object(let o) = v, o is PyTuple || o is PyList {
            let (a, b) = try pair(ctx, v, name)
            return .pair(a, b)
        }
        return .int(try v.asIndex())
    }

    /// `normalized_shape` of layer_norm: an int or a sequence of ints (list, tuple, torch.Size).
    static func normalizedShape(_ ctx: Interpreter, _ v: Value) throws -> [Int] {
        if case .int(let i) = v { return [i] }
        return try ctx.toArray(v).map { try $0.asIndex() }
    }

    // MARK: op-table values

    /// A snippet value as the engine's op table sees it.
    static func opValue(_ ctx: Interpreter, _ v: Value) throws -> OpValue {
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let d): return .double(d)
        case .str(let s): return .string(s)
        case .object(let o):
            if let t = o as? PyTensor { return .tensor(t.tensor) }
            if let a = o as? PyNDArray { return .tensor(a.tensor) }
            if let d = o as? PyDTypeObject { return .dtype(d.dtype) }
            if let d = o as? PyNumpyDType { return .dtype(d.dtype) }
            if let d = o as? PyDeviceObject { return .device(d.device) }
            if let t = o as? PyTuple { return .list(try t.items.map { try opValue(ctx, $0) }) }
            if let l = o as? PyList { return .list(try l.items.map { try opValue(ctx, $0) }) }
            if let t = o as? PyType, let d = try? dtype(.object(t)) { return .dtype(d) }
            if o is PyRange { return .list(try ctx.toArray(v).map { try opValue(ctx, $0) }) }
            throw PyError.typeError("unsupported argument of type '\(v.typeName)'")
        }
    }

    static func value(_ o: OpValue) -> Value {
        switch o {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .double(let d): return .float(d)
        case .string(let s): return .str(s)
        case .tensor(let t): return tensorValue(t)
        case .dtype(let d): return PyDTypeObject.of(d)
        case .device(let d): return .object(PyDeviceObject(d))
        case .list(let l): return .tuple(l.map { value($0) })
        case .valuesIndices(let vi):
            return returnTypesValue(vi.name, [tensorValue(vi.values), tensorValue(vi.indices)])
        }
    }

    /// PyTorch's exception types for engine errors, message unchanged.
    static func translate(_ e: Error) -> PyError? {
        guard let te = e as? TensorError else { return nil }
        switch te.kind {
        case .runtime: return .runtimeError(te.message)
        case .index: return .indexError(te.message)
        case .value: return .valueError(te.message)
        case .type: return .typeError(te.message)
        case .notImplemented: return .notImplementedError(te.message)
        }
    }
}

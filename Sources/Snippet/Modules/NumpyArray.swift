import Foundation
import MiniTorch

/// `numpy.ndarray` (and numpy scalars, as 0-dim arrays) in a snippet: a MiniTorch tensor printed the numpy way
/// (MiniTorch's `NumpyFormatter`), with numpy's own type promotion (NEP 50: Python floats make integer arrays
/// float64, `/` on integers gives float64, int + float32 arrays give float64).
///
/// Reusable by other modules (`tensorflow` returns `Session.run` results as these):
/// `PyNDArray(tensor)` for an array, `PyNDArray(tensor, scalar: true)` for a numpy scalar (`np.float32(2.5)`).
/// `torch.from_numpy(a)` shares `a.tensor`'s storage.
public final class PyNDArray: PyObject {
    public var tensor: Tensor
    /// A numpy scalar (`np.float32(1.5)`): prints as a number, `type()` is `numpy.float32`.
    public let isScalar: Bool
    public init(_ tensor: Tensor, scalar: Bool = false) {
        self.tensor = tensor
        self.isScalar = scalar && tensor.dim == 0
        super.init(type: self.isScalar ? NumpyTypes.scalarType(tensor.dtype) : NumpyTypes.ndarray)
    }
    /// A numpy scalar holding `s` as `dtype`.
    public static func scalar(_ s: Scalar, dtype: DType) -> PyNDArray {
        PyNDArray(Tensor.scalarTensor(s, dtype: dtype), scalar: true)
    }
}

/// `np.dtype('float32')`: what `a.dtype` returns.
public final class PyNumpyDType: PyObject {
    public let dtype: DType
    init(_ d: DType) { dtype = d; super.init(type: NumpyTypes.dtypeType) }
    static let all: [DType: PyNumpyDType] = {
        var d: [DType: PyNumpyDType] = [:]
        for t in DType.allCases { d[t] = PyNumpyDType(t) }
        return d
    }()
    public static func of(_ d: DType) -> Value { .object(all[d] ?? PyNumpyDType(d)) }
}

public enum NumpyTypes {
    /// `numpy.ndarray`.
    public static let ndarray: PyType = {
        let t = PyType(name: "ndarray", module: "numpy")
        NumpyArrayMethods.define(t)
        return t
    }()

    /// `numpy.float32` etc.: calling one makes a numpy scalar (or converts an array).
    static let scalarTypes: [DType: PyType] = {
        var out: [DType: PyType] = [:]
        for d in DType.allCases {
            let t = PyType(name: d == .bool ? "bool" : d.shortName, module: "numpy", bases: [ndarray])
            t.constructor = { ctx, _, args in
                let a = try Signature("\(d.shortName)(value=0)").bind(args)
                let src = try NumpyConvert.array(ctx, a["value"], dtype: d)
                return .object(PyNDArray(src, scalar: src.dim == 0))
            }
            out[d] = t
        }
        return out
    }()
    public static func scalarType(_ d: DType) -> PyType { scalarTypes[d] ?? ndarray }
    static func scalarTypeDType(_ t: PyType) -> DType? {
        for (d, st) in scalarTypes where st === t { return d }
        return nil
    }

    static let dtypeType: PyType = {
        let t = PyType(name: "dtype", module: "numpy")
        t.constructor = { ctx, _, args in
            let a = try Signature("dtype(dtype)").bind(args)
            guard let d = try NumpyConvert.dtype(a["dtype"]) else { throw PyError.typeError("Cannot interpret 'None' as a data type") }
            return PyNumpyDType.of(d)
        }
        t.defineMethod("__repr__") { _, this, _ in .str("dtype('\(this.as(PyNumpyDType.self)?.dtype.shortName ?? "?")')") }
        t.defineMethod("__str__") { _, this, _ in .str(this.as(PyNumpyDType.self)?.dtype.shortName ?? "?") }
        t.defineMethod("__eq__") { _, this, args in
            guard let me = this.as(PyNumpyDType.self)?.dtype, let o = args[0] else { return .notImplemented }
            guard let other = try? NumpyConvert.dtype(o) else { return .bool(false) }
            return .bool(other == me)
        }
        t.defineMethod("__ne__") { ctx, this, args in
            guard let me = this.as(PyNumpyDType.self)?.dtype, let o = args[0] else { return .notImplemented }
            guard let other = try? NumpyConvert.dtype(o) else { return .bool(true) }
            return .bool(other != me)
        }
        t.defineMethod("__hash__") { _, this, _ in .int(this.as(PyNumpyDType.self)?.dtype.rawValue ?? 0) }
        t.defineProperty("name") { _, this in .str(this.as(PyNumpyDType.self)?.dtype.shortName ?? "") }
        t.defineProperty("itemsize") { _, this in .int(this.as(PyNumpyDType.self)?.dtype.itemSize ?? 0) }
        t.defineProperty("type") { _, this in .object(scalarType(this.as(PyNumpyDType.self)?.dtype ?? .float64)) }
        return t
    }()
}

/// Conversions for the numpy module.
enum NumpyConvert {
    static func dtype(_ v: Value) throws -> DType? {
        switch v {
        case .none: return nil
        case .str(let s):
            switch s {
            case "float32", "f4", "single": return .float32
            case "float64", "f8", "float", "double": return .float64
            case "int64", "i8", "int", "long": return .int64
            case "int32", "i4": return .int32
            case "bool", "?": return .bool
            default: throw PyError.typeError("data type '\(s)' not understood")
            }
        default:
            if let d = v.as(PyNumpyDType.self) { return d.dtype }
            if let t = v.as(PyType.self) {
                if let d = NumpyTypes.scalarTypeDType(t) { return d }
                if t === PyType.float { return .float64 }
                if t === PyType.int { return .int64 }
                if t === PyType.bool { return .bool }
            }
            if let d = v.as(PyDTypeObject.self) { return d.dtype }
            throw PyError.typeError("Cannot interpret '\(v.typeName)' as a data type")
        }
    }

    /// numpy's dtype for nested Python data: any float → float64, ints → int64, bools → bool.
    static func inferDType(_ n: NestedData) -> DType {
        var sawFloat = false, sawInt = false
        func walk(_ x: NestedData) {
            switch x {
            case .scalar(.double): sawFloat = true
            case .scalar(.int): sawInt = true
            case .scalar(.bool): break
            case .list(let l): l.forEach(walk)
            }
        }
        walk(n)
        if case .list(let l) = n, l.isEmpty { return .float64 }
        return sawFloat ? .float64 : (sawInt ? .int64 : .bool)
    }

    /// `np.array(obj, dtype=)`: a new tensor (a copy).
    static func array(_ ctx: Interpreter, _ v: Value, dtype: DType?) throws -> Tensor {
        if let a = v.as(PyNDArray.self) { return a.tensor.to(dtype ?? a.tensor.dtype, copy: true) }
        if let t = v.as(PyTensor.self)?.tensor { return t.detach().to(dtype ?? t.dtype, copy: true) }
        let n = try TorchConvert.nested(ctx, v)
        return try Tensor.fromNested(n, dtype: dtype ?? inferDType(n))
    }

    /// An operand of a numpy operation: arrays as they are, Python numbers as weak scalars.
    enum Operand {
        case array(Tensor, scalar: Bool)
        case python(Scalar)
    }
    static func operand(_ ctx: Interpreter, _ v: Value) throws -> Operand? {
        if let a = v.as(PyNDArray.self) { return .array(a.tensor, scalar: a.isScalar) }
        if let s = TorchConvert.scalar(v) { return .python(s) }
        if case .object(let o) = v, o is PyList || o is PyTuple { return .array(try array(ctx, v, dtype: nil), scalar: false) }
        return nil
    }
}

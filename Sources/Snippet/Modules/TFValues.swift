import Foundation
import MiniTF
import MiniTorch

/// Conversions between snippet values and MiniTF values: Python literals and numpy arrays become
/// `TFOperand`s; fetched `TFArray`s become numpy arrays (through the snippet's `numpy` module when it
/// exists, else `TFNDArray`, a minimal array that prints the numpy way).
enum TFValues {
    /// Flattens a nested list/tuple of numbers; infers TensorFlow's dtype for Python values
    /// (any float → float32, ints → int32, bools → bool).
    static func literal(_ ctx: Interpreter, _ v: Value) throws -> TFArray? {
        var shape: [Int] = []
        var data: [Double] = []
        var sawFloat = false, sawInt = false, sawBool = false
        func walk(_ v: Value, depth: Int) throws {
            switch v {
            case .bool(let b): sawBool = true; data.append(b ? 1 : 0); try leaf(depth)
            case .int(let i): sawInt = true; data.append(Double(i)); try leaf(depth)
            case .float(let d): sawFloat = true; data.append(d); try leaf(depth)
            case .object(let o) where o is PyList || o is PyTuple:
                let items = (o as? PyList)?.items ?? (o as? PyTuple)?.items ?? []
                if depth == shape.count { shape.append(items.count) } else if depth > shape.count || shape[depth] != items.count {
                    throw PyError.valueError("Can't convert non-rectangular Python sequence to Tensor.")
                }
                for x in items { try walk(x, depth: depth + 1) }
            default:
                if let a = try numpyArray(ctx, v) {
                    if a.rank == 0 {
                        sawFloat = sawFloat || a.dtype.isFloating
                        sawInt = sawInt || a.dtype.isInteger
                        data.append(a.data[0])
                        try leaf(depth)
                        return
                    }
                    throw PyError.typeError("Failed to convert elements of \(try ctx.repr(v)) to Tensor.")
                }
                throw PyError.typeError("Failed to convert elements of \(try ctx.repr(v)) to Tensor. Consider casting elements to a supported type.")
            }
        }
        func leaf(_ depth: Int) throws {
            if depth != shape.count { throw PyError.valueError("Can't convert non-rectangular Python sequence to Tensor.") }
        }
        switch v {
        case .bool, .int, .float: break
        case .object(let o) where o is PyList || o is PyTuple: break
        default: return nil
        }
        try walk(v, depth: 0)
        let dt: TFDType = sawFloat ? .float32 : (sawInt ? .int32 : (sawBool ? .bool : .float32))
        return TFArray(dtype: dt, shape: shape, data: data.map { dt.normalize($0) })
    }

    /// A numpy array (or numpy scalar) from the snippet's numpy module, read through `dtype` and `tolist()`.
    static func numpyArray(_ ctx: Interpreter, _ v: Value) throws -> TFArray? {
        if let a = v.as(TFNDArray.self) { return a.array }
        if let a = v.as(PyNDArray.self) { return TFArray(tensor: a.tensor) }
        guard case .object(let o) = v, !(o is PyList), !(o is PyTuple), !(o is PyType) else { return nil }
        guard let dtypeValue = try ctx.attributeIfPresent(v, "dtype"), let tolist = try ctx.attributeIfPresent(v, "tolist") else { return nil }
        guard let dt = TFBinding.dtype(fromName: try ctx.str(dtypeValue)) else {
            throw PyError.typeError("Cannot convert a numpy array of dtype \(try ctx.str(dtypeValue)) to a Tensor")
        }
        let list = try ctx.call(tolist, Arguments())
        var shape: [Int] = []
        if let s = try ctx.attributeIfPresent(v, "shape") { shape = try ctx.toArray(s).map { try $0.asIndex() } }
        var data: [Double] = []
        func walk(_ x: Value) throws {
            switch x {
            case .bool(let b): data.append(b ? 1 : 0)
            case .int(let i): data.append(Double(i))
            case .float(let d): data.append(d)
            case .object(let o) where o is PyList || o is PyTuple:
                for y in (o as? PyList)?.items ?? (o as? PyTuple)?.items ?? [] { try walk(y) }
            default: throw PyError.typeError("Cannot convert \(try ctx.repr(x)) to a Tensor element")
            }
        }
        try walk(list)
        guard shape.safeProduct == data.count else { throw PyError.valueError("numpy array shape does not match its data") }
        return TFArray(dtype: dt, shape: shape, data: data.map { dt.normalize($0) })
    }

    /// `convert_to_tensor` input: a tensor, a variable (its `read` snapshot), a literal or a numpy array.
    static func operand(_ ctx: Interpreter, _ v: Value, what: String = "value") throws -> TFOperand {
        if let t = v.as(PyTFTensor.self) { return .tensor(t.tensor) }
        if let w = v.as(PyTFVariable.self) { return .tensor(w.variable.snapshot) }
        if let a = try numpyArray(ctx, v) { return .array(a) }
        if let l = try literal(ctx, v) { return .literal(l) }
        if v.isNone { throw PyError.valueError("Attempt to convert a value (None) with an unsupported type (<class 'NoneType'>) to a Tensor.") }
        throw PyError.typeError("Failed to convert elements of \(try ctx.repr(v)) to Tensor. Consider casting elements to a supported type.")
    }

    /// A plain concrete value (feeds, `tf.constant`): literals and numpy arrays only.
    static func concrete(_ ctx: Interpreter, _ v: Value) throws -> TFArray {
        if let a = try numpyArray(ctx, v) { return a }
        if let l = try literal(ctx, v) { return l }
        if v.as(PyTFTensor.self) != nil || v.as(PyTFVariable.self) != nil {
            throw PyError.typeError("The value of a feed cannot be a tf.Tensor object. Acceptable feed values include Python scalars, strings, lists, numpy ndarrays, or TensorHandles.")
        }
        throw PyError.typeError("Failed to convert elements of \(try ctx.repr(v)) to Tensor. Consider casting elements to a supported type.")
    }

    /// Nested Python lists of a value's elements (ints for integer dtypes, bools for bool).
    static func pyList(_ a: TFArray) -> Value {
        func leaf(_ d: Double) -> Value {
            switch a.dtype {
            case .bool: return .bool(d != 0)
            case .int32, .int64: return .int(safeInt(d))
            default: return .float(d)
            }
        }
        if a.rank == 0 { return leaf(a.data.first ?? 0) }
        func build(_ dim: Int, _ offset: Int) -> Value {
            let n = a.shape[dim]
            let stride = a.shape[(dim + 1)...].safeProduct
            if dim == a.rank - 1 { return .list((0..<n).map { leaf(a.data[offset + $0]) }) }
            return .list((0..<n).map { build(dim + 1, offset + $0 * stride) })
        }
        return build(0, 0)
    }

    /// A fetched value as the snippet sees it: a numpy array (numpy scalar for 0-d), like `Session.run`.
    static func result(_ ctx: Interpreter, _ a: TFArray) throws -> Value {
        // numpy arrays in snippets are MiniTorch tensors (`PyNDArray`); 0-d results are numpy scalars.
        if a.dtype != .string {
            try ctx.checkAllocation(elements: a.count)
            return .object(PyNDArray(a.toTensor(), scalar: a.rank == 0))
        }
        return .object(TFNDArray(a))
    }
}

/// The fallback result array when the snippet has no `numpy` module: prints like numpy.
final class TFNDArray: PyObject {
    let array: TFArray
    init(_ a: TFArray) { array = a; super.init(type: a.rank == 0 ? TFNDArray.scalarType(a.dtype) : TFNDArray.type) }

    /// `numpy.float32` etc.: 0-d results are numpy scalars.
    nonisolated(unsafe) static var scalarTypes: [TFDType: PyType] = [:]
    static func scalarType(_ d: TFDType) -> PyType {
        if let t = scalarTypes[d] { return t }
        let t = PyType(name: d == .bool ? "bool" : d.name, module: "numpy", bases: [type])
        scalarTypes[d] = t
        return t
    }

    static let type: PyType = {
        let t = PyType(name: "ndarray", module: "numpy")
        t.defineMethod("__repr__") { _, this, _ in .str(NumpyText.repr(this.as(TFNDArray.self)!.array)) }
        t.defineMethod("__str__") { _, this, _ in .str(NumpyText.str(this.as(TFNDArray.self)!.array)) }
        t.defineProperty("shape", get: { _, this in .tuple(this.as(TFNDArray.self)!.array.shape.map { .int($0) }) })
        t.defineProperty("ndim", get: { _, this in .int(this.as(TFNDArray.self)!.array.rank) })
        t.defineProperty("size", get: { _, this in .int(this.as(TFNDArray.self)!.array.count) })
        t.defineProperty("dtype", get: { _, this in .str(this.as(TFNDArray.self)!.array.dtype.name) })
        t.defineMethod("tolist") { _, this, _ in TFValues.pyList(this.as(TFNDArray.self)!.array) }
        t.defineMethod("item") { _, this, _ in
            let a = this.as(TFNDArray.self)!.array
            guard a.count == 1 else { throw PyError.valueError("can only convert an array of size 1 to a Python scalar") }
            return TFValues.pyList(TFArray(dtype: a.dtype, shape: [], data: a.data))
        }
        t.defineMethod("__float__") { _, this, _ in .float(this.as(TFNDArray.self)!.array.data.first ?? 0) }
        t.defineMethod("__len__") { _, this, _ in
            let a = this.as(TFNDArray.self)!.array
            guard let n = a.shape.first else { throw PyError.typeError("len() of unsized object") }
            return .int(n)
        }
        t.defineMethod("__getitem__") { ctx, this, args in
            let a = this.as(TFNDArray.self)!.array
            let idx = args[0] ?? .none
            let parts: [Value] = idx.as(PyTuple.self)?.items ?? [idx]
            var shape: [Int] = []
            var starts: [[Int]] = []
            var dim = 0
            for p in parts {
                guard dim < a.rank else { throw PyError.indexError("too many indices for array: array is \(a.rank)-dimensional, but \(parts.count) were indexed") }
                if let s = p.as(PySlice.self) {
                    let r = try ctx.sliceIndices(s, length: a.shape[dim])
                    starts.append((0..<r.count).map { r.start + $0 * r.step })
                    shape.append(r.count)
                } else {
                    var i = try p.asIndex()
                    if i < 0 { i += a.shape[dim] }
                    guard i >= 0 && i < a.shape[dim] else {
                        throw PyError.indexError("index \(try p.asIndex()) is out of bounds for axis \(dim) with size \(a.shape[dim])")
                    }
                    starts.append([i])
                }
                dim += 1
            }
            while dim < a.rank { starts.append(Array(0..<a.shape[dim])); shape.append(a.shape[dim]); dim += 1 }
            let strides = TFArray.strides(a.shape)
            var out: [Double] = []
            func rec(_ d: Int, _ off: Int) {
                if d == a.rank { out.append(a.data[off]); return }
                for i in starts[d] { rec(d + 1, off + i * strides[d]) }
            }
            rec(0, 0)
            let r = TFArray(dtype: a.dtype, shape: shape, data: out)
            return .object(TFNDArray(r))
        }
        return t
    }()
}

/// numpy's printing of small arrays (`[3. 6.]`, `array([1., 2.], dtype=float32)`, `np.float32(2.5)`).
enum NumpyText {
    static func element(_ v: Double, _ dt: TFDType) -> String {
        switch dt {
        case .bool: return v != 0 ? "True" : "False"
        case .int32, .int64: return String(safeInt(v))
        case .float32: return shortest(Double(Float(v)), float32: true)
        default: return shortest(v, float32: false)
        }
    }

    /// Positional shortest round-trip digits (`2.5`, `3.`, `0.0001`).
    static func shortest(_ v: Double, float32: Bool) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v > 0 ? "inf" : "-inf" }
        var s = float32 ? "\(Float(v))" : "\(v)"
        if s.contains("e") {
            let d = Decimal(string: s) ?? Decimal(v)
            s = "\(d)"
            if !s.contains(".") { s += ".0" }
        }
        if s.hasSuffix(".0") { s.removeLast() }
        return s
    }

    static func formatted(_ a: TFArray) -> [String] {
        if !a.dtype.isFloating {
            let raw = a.data.map { element($0, a.dtype) }
            let w = raw.map(\.count).max() ?? 0
            return raw.map { String(repeating: " ", count: w - $0.count) + $0 }
        }
        let raw = a.data.map { element($0, a.dtype) }
        var ints: [String] = [], fracs: [String] = []
        for s in raw {
            if let dot = s.firstIndex(of: ".") {
                ints.append(String(s[..<dot])); fracs.append(String(s[s.index(after: dot)...]))
            } else { ints.append(s); fracs.append("") }
        }
        let wi = ints.map(\.count).max() ?? 0
        let wf = fracs.map(\.count).max() ?? 0
        return zip(ints, fracs).enumerated().map { _, p in
            let hasDot = raw.contains { $0.contains(".") }
            let left = String(repeating: " ", count: wi - p.0.count) + p.0
            if !hasDot { return left }
            return left + "." + p.1 + String(repeating: " ", count: wf - p.1.count)
        }
    }

    static func body(_ a: TFArray, indent: Int, commas: Bool = false) -> String {
        let cells = formatted(a)
        if a.rank == 0 { return cells.first ?? "" }
        func rec(_ d: Int, _ off: Int) -> String {
            let n = a.shape[d]
            let stride = a.shape[(d + 1)...].safeProduct
            if d == a.rank - 1 { return "[" + (0..<n).map { cells[off + $0] }.joined(separator: commas ? ", " : " ") + "]" }
            let sep = (commas ? "," : "") + "\n" + String(repeating: "\n", count: a.rank - d - 2) + String(repeating: " ", count: indent + d + 1)
            return "[" + (0..<n).map { rec(d + 1, off + $0 * stride) }.joined(separator: sep) + "]"
        }
        if a.count == 0 { return String(repeating: "[", count: a.rank) + String(repeating: "]", count: a.rank) }
        return rec(0, 0)
    }

    static func str(_ a: TFArray) -> String { a.rank == 0 ? scalar(a) : body(a, indent: 0) }

    /// A numpy scalar prints like a Python float (`5.0`, `0.1`), not like an array element (`5.`).
    static func scalar(_ a: TFArray) -> String {
        let s = element(a.data.first ?? 0, a.dtype)
        return a.dtype.isFloating && s.hasSuffix(".") ? s + "0" : s
    }

    static func repr(_ a: TFArray) -> String {
        if a.rank == 0 { return a.dtype == .bool ? "np.True_".replacingOccurrences(of: "True", with: scalar(a)) : "np.\(a.dtype.name)(\(scalar(a)))" }
        let showType = !(a.dtype == .float64 || a.dtype == .int64 || a.dtype == .bool)
        let s = "array(" + body(a, indent: 6, commas: true)
        return s + (showType ? ", dtype=\(a.dtype.name))" : ")")
    }
}

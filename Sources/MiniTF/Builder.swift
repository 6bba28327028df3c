import Foundation

/// An argument to an op builder: an existing tensor or a value still to be converted to a `Const`.
public enum TFOperand {
    case tensor(TFTensor)
    /// A Python literal (int/float/bool or nested lists); its dtype was inferred (int32, float32, bool)
    /// and may be converted to the dtype the op needs, as `convert_to_tensor(value, dtype=...)` does.
    case literal(TFArray)
    /// A value with a fixed dtype (a numpy array); converted to the requested dtype.
    case array(TFArray)

    var tensor: TFTensor? { if case .tensor(let t) = self { return t }; return nil }
    var staticValue: TFArray? {
        switch self {
        case .tensor(let t): return constantValue(t)
        case .literal(let a), .array(let a): return a
        }
    }
}

/// How an op's input picks its dtype.
enum ArgType {
    /// Shares the op's `T` attribute with every other `.T` input.
    case T
    /// Must be exactly this dtype (literals are converted to it).
    case fixed(TFDType)
    /// An index type (int32 or int64): literals become int32.
    case index
    /// Gather-style indices: like `index`, but the op def also allows int16 (named in the type error).
    case indices
}

/// The statically known value of a tensor: a `Const`, or the shape of a fully defined tensor.
public func constantValue(_ t: TFTensor) -> TFArray? {
    let op = t.op
    switch op.type {
    case "Const":
        if case .tensor(let v)? = op.attrs["value"] { return v }
        return nil
    case "Shape":
        if let k = op.inputs.first?.shape.known { return TFArray(dtype: t.dtype, shape: [k.count], data: k.map(Double.init)) }
        return nil
    case "Size":
        if let n = op.inputs.first?.shape.numElements { return TFArray(scalar: Double(n), dtype: t.dtype) }
        return nil
    case "Rank":
        if let r = op.inputs.first?.shape.rank { return TFArray(scalar: Double(r), dtype: t.dtype) }
        return nil
    case "Identity":
        return op.inputs.first.flatMap(constantValue)
    case "Cast":
        if let v = op.inputs.first.flatMap(constantValue) { return v.cast(to: t.dtype) }
        return nil
    default:
        return nil
    }
}

extension Graph {
    /// `tf.constant(value, name=...)`: a `Const` op named uniquely from `name` (default `Const`).
    @discardableResult
    public func constant(_ value: TFArray, name: String? = nil) -> TFTensor {
        let opName = uniqueName(name ?? "Const")
        return addOperation(type: "Const", name: opName, inputs: [],
                            attrs: ["value": .tensor(value), "dtype": .type(value.dtype)],
                            outputs: [(value.dtype, TFShape(known: value.shape), false)]).outputs[0]
    }

    /// Converts an operand to a tensor; values become a `Const` named `name` in the current scope.
    func convert(_ operand: TFOperand, dtype: TFDType?, name: String) throws -> TFTensor {
        switch operand {
        case .tensor(let t):
            return t
        case .array(let a):
            return constant(dtype.map { a.cast(to: $0) } ?? a, name: name)
        case .literal(let a):
            guard let want = dtype, want != a.dtype else { return constant(a, name: name) }
            if want.isInteger && a.dtype.isFloating {
                // Python floats never convert to an integer dtype, not even 2.0 (a list reports its first item).
                if let bad = a.data.first {
                    throw TFError.typeError("Expected \(want.name), but got \(formatPyFloat(bad)) of type 'float'.")
                }
            }
            if want == .bool && a.dtype != .bool {
                throw TFError.typeError("Expected bool, but got \(formatPyFloat(a.data.first ?? 0)) of type '\(a.dtype.isFloating ? "float" : "int")'.")
            }
            return constant(a.cast(to: want), name: name)
        }
    }

    /// `convert_to_tensor(value, dtype_hint=...)`, which `tf.add`, `tf.matmul` and `truediv` apply before building
    /// the op: a literal that cannot take the hinted dtype keeps its own (and the op then reports the mismatch).
    func preferring(_ operand: TFOperand, _ hint: TFDType?, name: String) -> TFOperand {
        guard case .literal(let a) = operand, let d = hint, d != a.dtype else { return operand }
        let fits = d == .bool ? a.dtype == .bool : !(d.isInteger && a.dtype.isFloating)
        return fits ? operand : .tensor(constant(a, name: name))
    }

    /// The dtype an operand has (a literal's inferred one).
    func operandDType(_ operand: TFOperand) -> TFDType {
        switch operand {
        case .tensor(let t): return t.dtype
        case .literal(let a), .array(let a): return a.dtype
        }
    }

    /// Creates an op the way `op_def_library._apply_op_helper` does: opens `name_scope(name or default)`,
    /// converts value inputs to constants named after their argument inside that scope, checks the `T`
    /// type attribute, infers output shapes, and names the op after the scope.
    func apply(_ type: String, name: String?, defaultName: String? = nil,
               args: [(String, TFOperand, ArgType)], attrs: [String: AttrValue] = [:],
               typeHint: TFDType? = nil,
               infer: (ShapeContext) throws -> [(TFDType, TFShape)]) throws -> Operation {
        let (old, scope) = try pushNameScope(name ?? defaultName ?? type)
        defer { popNameScope(to: old) }
        var inputs: [TFTensor] = []
        var tType: TFDType? = typeHint
        var tSource: String?
        for (argName, operand, kind) in args {
            let t: TFTensor
            switch kind {
            case .T:
                do {
                    t = try convert(operand, dtype: tType, name: argName)
                } catch TFError.typeError(let why) where tSource != nil {
                    // `_apply_op_helper`: a literal that cannot take the dtype an earlier input fixed.
                    guard case .literal(let a) = operand, let want = tType else { throw TFError.typeError(why) }
                    let (repr, pyType) = pythonLiteralRepr(a)
                    throw TFError.typeError("Expected \(want.name) passed to parameter '\(argName)' of op '\(type)', got \(repr) of type '\(pyType)' instead. Error: \(why)")
                }
                if let want = tType, t.dtype != want {
                    throw TFError.typeError("Input '\(argName)' of '\(type)' Op has type \(t.dtype.name) that does not match type \(want.name) of argument '\(tSource ?? args[0].0)'.")
                }
                if tType == nil { tType = t.dtype; tSource = argName }
                if tSource == nil { tSource = argName }
            case .fixed(let want):
                t = try convert(operand, dtype: want, name: argName)
                if t.dtype != want {
                    throw TFError.typeError("Input '\(argName)' of '\(type)' Op has type \(t.dtype.name) that does not match expected type of \(want.name).")
                }
            case .index, .indices:
                t = try convert(operand, dtype: nil, name: argName)
                if !t.dtype.isInteger {
                    var allowed = "int32, int64"
                    if case .indices = kind { allowed = "int16, " + allowed }
                    throw TFError.typeError("Value passed to parameter '\(argName)' has DataType \(t.dtype.name) not in list of allowed values: \(allowed)")
                }
            }
            inputs.append(t)
        }
        var allAttrs = attrs
        if let t = tType, allAttrs["T"] == nil, args.contains(where: { if case .T = $0.2 { return true }; return false }) {
            allAttrs["T"] = .type(t)
        }
        let opName = String(scope.dropLast())
        let ctx = ShapeContext(type: type, name: opName, inputs: inputs, attrs: allAttrs)
        let outs = try infer(ctx)
        return addOperation(type: type, name: opName, inputs: inputs, attrs: allAttrs,
                            outputs: outs.map { ($0.0, $0.1, false) })
    }
}

/// What a shape function sees: the op about to be created, for shapes and for TensorFlow's error text.
struct ShapeContext {
    let type: String
    let name: String
    let inputs: [TFTensor]
    let attrs: [String: AttrValue]
    /// Appended to `fail` messages, e.g. " and with computed input tensors: input[2] = <2>" for constant inputs
    /// the shape function read.
    var computedSuffix = ""

    var summary: String {
        let a = attrs.filter { $0.key != "value" && !$0.key.hasPrefix("_") }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.summary)" }.joined(separator: ", ")
        let ins = inputs.map { $0.index == 0 ? $0.op.name : $0.name }
        return "{{node \(name)}} = \(type)" + (a.isEmpty ? "" : "[\(a)]") + "(" + ins.joined(separator: ", ") + ")"
    }
    var inputShapes: String { inputs.map { $0.shape.kernelString }.joined(separator: ", ") }

    /// `ValueError: <what> for '{{node ...}}' with input shapes: [2], [3].`
    func fail(_ what: String) -> TFError {
        .valueError("\(what) for '\(summary)' with input shapes: \(inputShapes)\(computedSuffix).")
    }
    func input(_ i: Int) -> TFTensor { inputs[i] }
}

/// The Python `repr` and type name of the value a literal operand came from (`0.5`/'float', `[1, 2]`/'list').
/// A list that mixed ints and floats was inferred as float, so its ints print as floats.
func pythonLiteralRepr(_ a: TFArray) -> (String, String) {
    func item(_ v: Double) -> String {
        switch a.dtype {
        case .bool: return v != 0 ? "True" : "False"
        case _ where a.dtype.isFloating: return formatPyFloat(v)
        default: return String(safeInt(v))
        }
    }
    func nested(_ dims: ArraySlice<Int>, _ offset: Int) -> String {
        guard let n = dims.first else { return offset < a.data.count ? item(a.data[offset]) : "" }
        let step = dims.dropFirst().safeProduct
        return "[" + (0..<n).map { nested(dims.dropFirst(), offset + $0 * step) }.joined(separator: ", ") + "]"
    }
    if a.shape.isEmpty {
        return (nested(a.shape[...], 0), a.dtype == .bool ? "bool" : a.dtype.isFloating ? "float" : "int")
    }
    return (nested(a.shape[...], 0), "list")
}

/// Python's `repr` of a float: `2.5`, `3.0`, `1e-05`.
func formatPyFloat(_ v: Double) -> String {
    if v.isNaN { return "nan" }
    if v.isInfinite { return v > 0 ? "inf" : "-inf" }
    if v == v.rounded() && abs(v) < 1e16 { return String(format: "%.1f", v) }
    return "\(v)"
}

import Foundation

/// How a variable gets its first value: TensorFlow's v1 initializers.
public enum Initializer {
    case zeros
    case ones
    /// `constant_initializer(value)`: a scalar is broadcast; a shorter list is padded with its last value.
    case constant(TFArray)
    /// `glorot_uniform_initializer()` — `get_variable`'s default for floating types.
    case glorotUniform(seed: Int?)
    case randomUniform(minval: Double, maxval: Double, seed: Int?)
    case truncatedNormal(mean: Double, stddev: Double, seed: Int?)
    case randomNormal(mean: Double, stddev: Double, seed: Int?)

    /// Builds the initial-value ops in the current name scope (TensorFlow puts them under `Initializer/`).
    func build(in g: Graph, shape: [Int], dtype: TFDType) throws -> TFTensor {
        switch self {
        case .zeros: return try g.zeros(shape, dtype: dtype)
        case .ones: return try g.ones(shape, dtype: dtype)
        case .constant(let v):
            let n = shape.safeProduct
            if n < 0 || n > 50_000_000 {
                throw TFError.resourceExhausted("OOM when allocating tensor with shape\(Kernels.shapeString(shape))")
            }
            var data = v.data
            if v.data.count > n {
                throw TFError.typeError("Eager execution of tf.constant with unsupported shape. Tensor \(v.data) (converted from \(v.data)) has \(v.data.count) elements, but got `shape` \(TFShape(known: shape)) with \(n) elements).")
            }
            if data.isEmpty { data = [0] }
            if data.count < n { data += Array(repeating: data[data.count - 1], count: n - data.count) }
            return g.constant(TFArray(dtype: dtype, shape: shape, data: data.map { dtype.normalize($0) }), name: "Const")
        case .glorotUniform(let seed):
            let (fanIn, fanOut) = Initializer.fans(shape)
            let limit = (6.0 / max(1.0, Double(fanIn + fanOut))).squareRoot()
            return try g.randomUniform(shape, minval: -limit, maxval: limit, dtype: dtype, seed: seed)
        case .randomUniform(let lo, let hi, let seed):
            return try g.randomUniform(shape, minval: lo, maxval: hi, dtype: dtype, seed: seed)
        case .truncatedNormal(let m, let s, let seed):
            return try g.randomNormal(shape, mean: m, stddev: s, truncated: true, dtype: dtype, seed: seed)
        case .randomNormal(let m, let s, let seed):
            return try g.randomNormal(shape, mean: m, stddev: s, truncated: false, dtype: dtype, seed: seed)
        }
    }

    /// TensorFlow's `_compute_fans`.
    static func fans(_ shape: [Int]) -> (Int, Int) {
        switch shape.count {
        case 0: return (1, 1)
        case 1: return (shape[0], shape[0])
        case 2: return (shape[0], shape[1])
        default:
            let receptive = shape.dropLast(2).safeProduct
            return (shape[shape.count - 2] * receptive, shape[shape.count - 1] * receptive)
        }
    }
}

/// A TF1 reference variable (`tf.Variable` / `tf.get_variable`): a `VariableV2` op, its `Assign`
/// initializer and the `read` snapshot (`Identity`) that ops consume.
public final class Variable {
    /// The `VariableV2` op.
    public let op: Operation
    /// `w/Assign`.
    public let initializer: Operation
    /// `w/read:0`.
    public let snapshot: TFTensor
    public let initialValue: TFTensor
    public let trainable: Bool

    init(op: Operation, initializer: Operation, snapshot: TFTensor, initialValue: TFTensor, trainable: Bool) {
        self.op = op
        self.initializer = initializer
        self.snapshot = snapshot
        self.initialValue = initialValue
        self.trainable = trainable
    }

    /// The ref tensor `w:0` (dtype `float32_ref`).
    public var ref: TFTensor { op.outputs[0] }
    public var name: String { ref.name }
    public var shape: TFShape { ref.shape }
    public var dtype: TFDType { ref.dtype }
    public var graph: Graph { op.graph }
    /// `<tf.Variable 'w:0' shape=(2,) dtype=float32_ref>`.
    public var repr: String { "<tf.Variable '\(name)' shape=\(shape) dtype=\(dtype.name)_ref>" }
}

extension Variable: Hashable {
    public static func == (a: Variable, b: Variable) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

/// Where a variable's initial value comes from.
public enum InitialValue {
    /// A value or tensor (`tf.Variable(value)`), converted under the variable's scope as `initial_value`.
    case operand(TFOperand)
    /// An initializer run under `<name>/Initializer/` (`get_variable`).
    case initializer(Initializer, shape: [Int])
}

extension Graph {
    /// `tf.Variable(initial_value, name=, dtype=, trainable=)`.
    public func variable(_ initial: InitialValue, name: String? = nil, dtype: TFDType? = nil,
                         trainable: Bool = true, validateShape: Bool = true) throws -> Variable {
        let (old, scope) = try pushNameScope(name ?? "Variable")
        defer { popNameScope(to: old) }
        let opName = String(scope.dropLast())
        let value: TFTensor
        switch initial {
        case .operand(let o):
            value = try convert(o, dtype: dtype, name: "initial_value")
            if let d = dtype, value.dtype != d {
                throw TFError.valueError("Tensor conversion requested dtype \(d.name) for Tensor with dtype \(value.dtype.name): \(value.repr)")
            }
        case .initializer(let ini, let shape):
            value = try withNameScope("Initializer") { _ in try ini.build(in: self, shape: shape, dtype: dtype ?? .float32) }
        }
        if validateShape && !value.shape.isFullyDefined {
            throw TFError.valueError("initial_value must have a shape specified: \(value.description)")
        }
        let dt = value.dtype
        let varOp = addOperation(type: "VariableV2", name: opName, inputs: [],
                                 attrs: ["shape": .shape(value.shape), "dtype": .type(dt), "container": .string(""), "shared_name": .string("")],
                                 outputs: [(dt, value.shape, true)])
        let assign = try assignOp("Assign", varOp.outputs[0], .tensor(value), name: "Assign", validateShape: validateShape)
        let read = try withNameScope("read") { s in
            addOperation(type: "Identity", name: String(s.dropLast()), inputs: [varOp.outputs[0]], attrs: ["T": .type(dt)],
                         outputs: [(dt, value.shape, false)]).outputs[0]
        }
        let v = Variable(op: varOp, initializer: assign.op, snapshot: read, initialValue: value, trainable: trainable)
        register(v, trainable: trainable)
        return v
    }

    /// `Assign`, `AssignAdd`, `AssignSub` on a ref tensor; the value is converted as `value`.
    func assignOp(_ type: String, _ ref: TFTensor, _ value: TFOperand, name: String?, validateShape: Bool = true) throws -> TFTensor {
        let op = try apply(type, name: name, defaultName: type, args: [("ref", .tensor(ref), .T), ("value", value, .T)],
                           attrs: type == "Assign" ? ["use_locking": .bool(true), "validate_shape": .bool(validateShape)] : ["use_locking": .bool(false)]) { ctx in
            let a = ctx.input(0).shape, b = ctx.input(1).shape
            if type != "Assign" || validateShape {
                guard let m = a.merged(with: b) else {
                    throw ctx.fail(a.mergeError(with: b))
                }
                return [(ctx.input(0).dtype, m)]
            }
            return [(ctx.input(0).dtype, b)]
        }
        // The result of an assign is the ref itself: `Tensor("Assign:0", ..., dtype=float32_ref)`.
        let out = op.outputs[0]
        let refOut = TFTensor(op: op, index: 0, dtype: out.dtype, shape: out.shape, isRef: true)
        op.outputs = [refOut]
        return refOut
    }

    /// `tf.assign(v, value)`, `tf.assign_add`, `tf.assign_sub` (`v.assign(...)` too).
    public func assign(_ v: Variable, _ value: TFOperand, kind: String = "Assign", validateShape: Bool = true, name: String? = nil) throws -> TFTensor {
        try assignOp(kind, v.ref, value, name: name, validateShape: validateShape)
    }

    /// `tf.is_variable_initialized(v)` (`IsVariableInitialized`): a bool scalar, true once the session assigned it.
    public func isVariableInitialized(_ v: Variable, name: String? = nil) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? "IsVariableInitialized")
        defer { popNameScope(to: old) }
        return addOperation(type: "IsVariableInitialized", name: String(scope.dropLast()), inputs: [v.ref],
                            attrs: ["dtype": .type(v.ref.dtype)], outputs: [(.bool, TFShape([]), false)]).outputs[0]
    }

    /// `tf.global_variables_initializer()` / `initialize_all_variables()`: a `NoOp` named `init`
    /// depending on every variable's `Assign`.
    public func globalVariablesInitializer(name: String = "init") throws -> Operation {
        try group(globalVariables.map { $0.initializer }, name: name)
    }
    /// `tf.variables_initializer(vars)`.
    public func variablesInitializer(_ vars: [Variable], name: String = "init") throws -> Operation {
        try group(vars.map { $0.initializer }, name: name)
    }
}

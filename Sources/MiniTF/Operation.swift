/// An attribute value of an operation (the `attr` map of a NodeDef).
public enum AttrValue: Equatable, Sendable {
    case int(Int)
    case ints([Int])
    case float(Double)
    case bool(Bool)
    case string(String)
    case type(TFDType)
    case shape(TFShape)
    case tensor(TFArray)

    /// The text TensorFlow's `SummarizeNodeDef` shows: `DT_FLOAT`, `false`, `[1, 1, 1, 1]`, `"VALID"`.
    var summary: String {
        switch self {
        case .int(let v): return String(v)
        case .ints(let v): return "[" + v.map(String.init).joined(separator: ", ") + "]"
        case .float(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let s): return "\"\(s)\""
        case .type(let t): return t.protoName
        case .shape(let s): return s.kernelString
        case .tensor(let t): return "<Tensor<type: \(t.dtype.name) shape: \(TFShape(known: t.shape).kernelString)>>"
        }
    }
}

/// A node of the graph: `name`, TensorFlow's op `type`, input tensors, output tensors and attributes.
public final class Operation {
    public let name: String
    public let type: String
    public let graph: Graph
    public internal(set) var inputs: [TFTensor]
    public internal(set) var controlInputs: [Operation]
    public internal(set) var outputs: [TFTensor] = []
    public internal(set) var attrs: [String: AttrValue]
    /// Position in `graph.operations` (creation order).
    public let index: Int
    /// Where in the snippet the op was created, for "Originally defined at" style messages (unused for now).
    var consumersList: [Operation] = []

    init(name: String, type: String, graph: Graph, inputs: [TFTensor], controlInputs: [Operation],
         attrs: [String: AttrValue], index: Int) {
        self.name = name
        self.type = type
        self.graph = graph
        self.inputs = inputs
        self.controlInputs = controlInputs
        self.attrs = attrs
        self.index = index
    }

    public func attr(_ key: String) -> AttrValue? { attrs[key] }
    func intAttr(_ key: String) -> Int? { if case .int(let v)? = attrs[key] { return v }; return nil }
    func intsAttr(_ key: String) -> [Int]? { if case .ints(let v)? = attrs[key] { return v }; return nil }
    func boolAttr(_ key: String) -> Bool { if case .bool(let v)? = attrs[key] { return v }; return false }
    func stringAttr(_ key: String) -> String? { if case .string(let v)? = attrs[key] { return v }; return nil }
    func floatAttr(_ key: String) -> Double? { if case .float(let v)? = attrs[key] { return v }; return nil }
    func typeAttr(_ key: String) -> TFDType? { if case .type(let v)? = attrs[key] { return v }; return nil }

    /// `{{node add}} = AddV2[T=DT_FLOAT](Const, Const_1)` — the NodeDef summary in shape-function errors.
    public var nodeDefSummary: String {
        let a = attrs.filter { $0.key != "value" && !$0.key.hasPrefix("_") }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.summary)" }.joined(separator: ", ")
        let ins = inputs.map { $0.index == 0 ? $0.op.name : $0.name }
        return "{{node \(name)}} = \(type)" + (a.isEmpty ? "" : "[\(a)]") + "(" + ins.joined(separator: ", ") + ")"
    }

    /// Protobuf-text form like `print(op)` (name, op, inputs; attrs abbreviated).
    public var nodeDefText: String {
        var s = "name: \"\(name)\"\nop: \"\(type)\"\n"
        for t in inputs { s += "input: \"\(t.index == 0 ? t.op.name : t.name)\"\n" }
        for c in controlInputs { s += "input: \"^\(c.name)\"\n" }
        return s
    }
}

extension Operation: Hashable {
    public static func == (a: Operation, b: Operation) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

/// A symbolic tensor: output `index` of `op`. `name` is `op:index` (`add:0`).
public final class TFTensor {
    /// Strong on purpose: a snippet may keep a tensor after `reset_default_graph()` (the cycle is tiny and short-lived).
    public let op: Operation
    public let index: Int
    public let dtype: TFDType
    /// Reference tensors (a `VariableV2`'s output) print their dtype as `float32_ref`.
    public let isRef: Bool
    public internal(set) var shape: TFShape

    init(op: Operation, index: Int, dtype: TFDType, shape: TFShape, isRef: Bool = false) {
        self.op = op
        self.index = index
        self.dtype = dtype
        self.shape = shape
        self.isRef = isRef
    }

    public var name: String { "\(op.name):\(index)" }
    /// `t.set_shape(s)`: refines the static shape (callers merge and check compatibility first).
    public func setStaticShape(_ s: TFShape) { shape = s }
    public var graph: Graph { op.graph }
    /// `float32` or `float32_ref`.
    public var dtypeName: String { isRef ? dtype.name + "_ref" : dtype.name }
    /// `<dtype: 'float32'>`.
    public var dtypeRepr: String { "<dtype: '\(dtypeName)'>" }
    public var valueIndex: Int { index }

    /// `Tensor("add:0", shape=(), dtype=float32)` — `str(t)` and `print(t)`.
    public var description: String {
        if shape.dims == nil { return "Tensor(\"\(name)\", dtype=\(dtypeName))" }
        return "Tensor(\"\(name)\", shape=\(shape), dtype=\(dtypeName))"
    }
    /// `<tf.Tensor 'add:0' shape=() dtype=float32>` — `repr(t)`.
    public var repr: String { "<tf.Tensor '\(name)' shape=\(shape) dtype=\(dtypeName)>" }

    /// Operations that take this tensor as an input, in creation order.
    public var consumers: [Operation] {
        op.consumersList.filter { c in c.inputs.contains { $0 === self } }
    }
}

extension TFTensor: Hashable {
    public static func == (a: TFTensor, b: TFTensor) -> Bool { a === b }
    public func hash(into h: inout Hasher) { h.combine(ObjectIdentifier(self)) }
}

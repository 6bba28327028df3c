/// `reuse` of a variable scope: `None`/`False`, `True`, or `tf.AUTO_REUSE`.
public enum ReuseMode: Equatable, Sendable {
    case none, reuse, auto
    /// What `vs.reuse` prints in Python.
    public var pythonRepr: String {
        switch self {
        case .none: return "False"
        case .reuse: return "True"
        case .auto: return "_ReuseMode.AUTO_REUSE"
        }
    }
}

/// A `tf.VariableScope`: the prefix `get_variable` uses, its reuse mode and default initializer/dtype.
public final class VariableScope {
    public let name: String
    public internal(set) var reuse: ReuseMode
    /// The name scope opened when the scope was first entered (`vs/`), `original_name_scope`.
    public let originalNameScope: String
    public var initializer: Initializer?
    public var dtype: TFDType?

    init(name: String, reuse: ReuseMode, originalNameScope: String, initializer: Initializer? = nil, dtype: TFDType? = nil) {
        self.name = name
        self.reuse = reuse
        self.originalNameScope = originalNameScope
        self.initializer = initializer
        self.dtype = dtype
    }

    /// `scope.reuse_variables()`.
    public func reuseVariables() { reuse = .reuse }
}

/// A TF1 computation graph: operations in creation order, TensorFlow's unique-naming rules, name scopes,
/// variable scopes and the variable store, collections.
public final class Graph {
    public private(set) var operations: [Operation] = []
    private var opsByName: [String: Operation] = [:]
    /// Keys are lower-cased: TensorFlow treats `foo` and `Foo` as the same name when uniquifying.
    private var namesInUse: [String: Int] = [:]
    /// The current name scope without the trailing slash (`outer/inner`), "" at the root.
    public internal(set) var nameStack: String = ""
    /// Stack of active `control_dependencies` blocks.
    var controlDependencyStack: [[Operation]] = []

    public private(set) var globalVariables: [Variable] = []
    public private(set) var trainableVariables: [Variable] = []
    /// `get_variable`'s store: full name → variable.
    var variableStore: [String: Variable] = [:]
    public internal(set) var variableScope: VariableScope
    var variableScopesCount: [String: Int] = [:]
    /// Counts `tf.Variable`/`get_variable` names so `Graph.variable(named:)` can find them.
    public private(set) var allVariables: [Variable] = []
    /// Counts random ops so each gets its own stream.
    var randomOpCounter = 0

    public init() {
        variableScope = VariableScope(name: "", reuse: .none, originalNameScope: "")
    }

    // MARK: default graph

    nonisolated(unsafe) private static var root = Graph()
    nonisolated(unsafe) private static var stack: [Graph] = []

    /// `tf.get_default_graph()`.
    public static var defaultGraph: Graph { stack.last ?? root }
    /// `tf.reset_default_graph()`.
    public static func resetDefaultGraph() {
        stack.removeAll()
        root = Graph()
    }
    /// Start of `with g.as_default():`.
    public func pushAsDefault() { Graph.stack.append(self) }
    /// End of `with g.as_default():`.
    public static func popDefault() { if !stack.isEmpty { stack.removeLast() } }

    // MARK: names

    /// TensorFlow's `Graph.unique_name`: prefixes the name scope and appends `_1`, `_2`… on clashes.
    public func uniqueName(_ base: String, markAsUsed: Bool = true) -> String {
        var name = base
        if !nameStack.isEmpty { name = nameStack + "/" + name }
        var nameKey = name.lowercased()
        var i = namesInUse[nameKey] ?? 0
        if markAsUsed { namesInUse[nameKey] = i + 1 }
        if i > 0 {
            let baseKey = nameKey
            while namesInUse[nameKey] != nil {
                nameKey = "\(baseKey)_\(i)"
                i += 1
            }
            if markAsUsed { namesInUse[nameKey] = 1 }
            name = "\(name)_\(i - 1)"
        }
        return name
    }

    /// Enters `name_scope(name)`; returns the previous stack (to restore) and the scope string (`a/`).
    /// A name ending in `/` re-enters that exact scope; nil or "" resets to the root.
    public func pushNameScope(_ name: String?) throws -> (previous: String, scope: String) {
        let old = nameStack
        guard let name = name, !name.isEmpty else {
            nameStack = ""
            return (old, "")
        }
        if name.hasSuffix("/") {
            nameStack = String(name.dropLast())
            return (old, name)
        }
        try Graph.validateScopeName(name, atRoot: nameStack.isEmpty)
        let unique = uniqueName(name)
        nameStack = unique
        return (old, unique + "/")
    }
    public func popNameScope(to previous: String) { nameStack = previous }

    /// Runs `body` inside `name_scope(name)`, passing the scope string.
    public func withNameScope<T>(_ name: String?, _ body: (String) throws -> T) throws -> T {
        let (old, scope) = try pushNameScope(name)
        defer { nameStack = old }
        return try body(scope)
    }

    static func validateScopeName(_ name: String, atRoot: Bool) throws {
        // _VALID_OP_NAME_REGEX = "^[A-Za-z0-9.][A-Za-z0-9_.\\/>-]*$"; nested scopes may also start with [_/>-\\].
        func ok(_ c: Character, first: Bool) -> Bool {
            if c.isASCII && (c.isLetter || c.isNumber) { return true }
            if c == "." { return true }
            if first && atRoot { return false }
            return "_-/>\\".contains(c)
        }
        guard let f = name.first, ok(f, first: true), name.dropFirst().allSatisfy({ ok($0, first: false) }) else {
            throw TFError.valueError("'\(name)' is not a valid scope name. A scope name has to match the following pattern: "
                + (atRoot ? "^[A-Za-z0-9.][A-Za-z0-9_.\\\\/>-]*$" : "^[A-Za-z0-9_.\\\\/>-]*$"))
        }
    }

    /// `get_name_scope()`.
    public var nameScope: String { nameStack }

    // MARK: operations

    func addOperation(type: String, name: String, inputs: [TFTensor], attrs: [String: AttrValue],
                      outputs specs: [(TFDType, TFShape, Bool)]) -> Operation {
        let control = controlDependencyStack.flatMap { $0 }
        let op = Operation(name: name, type: type, graph: self, inputs: inputs, controlInputs: control,
                           attrs: attrs, index: operations.count)
        op.outputs = specs.enumerated().map { TFTensor(op: op, index: $0.offset, dtype: $0.element.0,
                                                       shape: $0.element.1, isRef: $0.element.2) }
        operations.append(op)
        opsByName[name] = op
        var seen = Set<ObjectIdentifier>()
        for t in inputs where seen.insert(ObjectIdentifier(t.op)).inserted { t.op.consumersList.append(op) }
        return op
    }

    /// `get_operation_by_name`.
    public func operation(named name: String) throws -> Operation {
        if let op = opsByName[name] { return op }
        if name.contains(":") {
            throw TFError.valueError("Name '\(name)' appears to refer to a Tensor, not a Operation.")
        }
        throw TFError.keyError("\"The name '\(name)' refers to an Operation not in the graph.\"")
    }

    /// `get_tensor_by_name`.
    public func tensor(named name: String) throws -> TFTensor {
        guard let colon = name.lastIndex(of: ":") else {
            throw TFError.valueError("The name '\(name)' looks a like an Operation name, not a Tensor. Tensor names must be of the form \"<op_name>:<output_index>\".")
        }
        let opName = String(name[..<colon])
        guard let idx = Int(name[name.index(after: colon)...]) else {
            throw TFError.valueError("The name '\(name)' looks a like a Tensor name, but is not a valid one. Tensor names must be of the form \"<op_name>:<output_index>\".")
        }
        guard let op = opsByName[opName] else {
            throw TFError.keyError("\"The name '\(name)' refers to a Tensor which does not exist. The operation, '\(opName)', does not exist in the graph.\"")
        }
        guard idx >= 0, idx < op.outputs.count else {
            throw TFError.keyError("\"The name '\(name)' refers to a Tensor which does not exist. The operation, '\(opName)', exists but only has \(op.outputs.count) outputs.\"")
        }
        return op.outputs[idx]
    }

    // MARK: variables

    func register(_ v: Variable, trainable: Bool) {
        globalVariables.append(v)
        if trainable { trainableVariables.append(v) }
        allVariables.append(v)
    }

    /// The variable whose `VariableV2` op is `op`, if any.
    public func variable(forOp op: Operation) -> Variable? {
        allVariables.first { $0.op === op }
    }
}

import Foundation
import MiniTF

/// Per-run state of the `tensorflow` binding: one Python wrapper per engine object (so `is` works),
/// the default-session stack, the numpy module used for results.
final class TFState {
    var tensors: [ObjectIdentifier: PyTFTensor] = [:]
    var ops: [ObjectIdentifier: PyTFOperation] = [:]
    var variables: [ObjectIdentifier: PyTFVariable] = [:]
    var graphs: [ObjectIdentifier: PyTFGraph] = [:]
    var scopes: [ObjectIdentifier: PyTFVariableScope] = [:]
    var defaultSessions: [Session] = []
    var numpy: PyModule?
    var numpyMissing = false

    static func of(_ ctx: Interpreter) -> TFState {
        if let s = ctx.extensionState["tensorflow.state"] as? TFState { return s }
        let s = TFState()
        ctx.extensionState["tensorflow.state"] = s
        return s
    }

    func wrap(_ t: TFTensor) -> Value {
        if let w = tensors[ObjectIdentifier(t)] { return .object(w) }
        let w = PyTFTensor(t)
        tensors[ObjectIdentifier(t)] = w
        return .object(w)
    }
    func wrap(_ t: TFTensor?) -> Value { t.map { wrap($0) } ?? .none }
    func wrap(_ op: MiniTF.Operation) -> Value {
        if let w = ops[ObjectIdentifier(op)] { return .object(w) }
        let w = PyTFOperation(op)
        ops[ObjectIdentifier(op)] = w
        return .object(w)
    }
    func wrap(_ v: Variable) -> Value {
        if let w = variables[ObjectIdentifier(v)] { return .object(w) }
        let w = PyTFVariable(v)
        variables[ObjectIdentifier(v)] = w
        return .object(w)
    }
    func wrap(_ g: Graph) -> Value {
        if let w = graphs[ObjectIdentifier(g)] { return .object(w) }
        let w = PyTFGraph(g)
        graphs[ObjectIdentifier(g)] = w
        return .object(w)
    }
    func wrap(_ s: VariableScope) -> Value {
        if let w = scopes[ObjectIdentifier(s)] { return .object(w) }
        let w = PyTFVariableScope(s)
        scopes[ObjectIdentifier(s)] = w
        return .object(w)
    }
}

final class PyTFTensor: PyObject {
    let tensor: TFTensor
    init(_ t: TFTensor) { tensor = t; super.init(type: TFTypes.tensor) }
}
final class PyTFOperation: PyObject {
    let op: MiniTF.Operation
    init(_ op: MiniTF.Operation) { self.op = op; super.init(type: TFTypes.operation) }
}
final class PyTFVariable: PyObject {
    let variable: Variable
    init(_ v: Variable) { variable = v; super.init(type: TFTypes.variable) }
}
final class PyTFGraph: PyObject {
    let graph: Graph
    init(_ g: Graph) { graph = g; super.init(type: TFTypes.graph) }
}
final class PyTFSession: PyObject {
    let session: Session
    init(_ s: Session, type: PyType = TFTypes.session) { session = s; super.init(type: type) }
}
final class PyTFDType: PyObject {
    let dtype: TFDType
    let isRef: Bool
    init(_ d: TFDType, ref: Bool = false) { dtype = d; isRef = ref; super.init(type: TFTypes.dtype) }
    var name: String { dtype.name + (isRef ? "_ref" : "") }
}
final class PyTFShape: PyObject {
    let shape: TFShape
    init(_ s: TFShape) { shape = s; super.init(type: TFTypes.tensorShape) }
}
final class PyTFDimension: PyObject {
    let value: Int?
    init(_ v: Int?) { value = v; super.init(type: TFTypes.dimension) }
}
final class PyTFVariableScope: PyObject {
    let scope: VariableScope
    init(_ s: VariableScope) { scope = s; super.init(type: TFTypes.variableScope) }
}
final class PyTFInitializer: PyObject {
    let initializer: Initializer
    let className: String
    init(_ i: Initializer, className: String) { initializer = i; self.className = className; super.init(type: TFTypes.initializer) }
}
final class PyTFOptimizer: PyObject {
    let optimizer: GradientDescentOptimizer
    init(_ o: GradientDescentOptimizer) { optimizer = o; super.init(type: TFTypes.optimizer) }
}
/// A `with` block handled by closures (name_scope, variable_scope, control_dependencies, as_default).
final class PyTFContext: PyObject {
    let enter: (Interpreter) throws -> Value
    let exit: (Interpreter) throws -> Void
    var entered = false
    init(type: PyType = TFTypes.context, enter: @escaping (Interpreter) throws -> Value, exit: @escaping (Interpreter) throws -> Void) {
        self.enter = enter; self.exit = exit
        super.init(type: type)
    }
}

enum TFTypes {
    static func tf(_ v: Value) -> TFTensor { v.as(PyTFTensor.self)!.tensor }

    static let context: PyType = {
        let t = PyType(name: "_GeneratorContextManager", module: "contextlib")
        t.defineMethod("__enter__") { ctx, this, _ in
            let c = this.as(PyTFContext.self)!
            c.entered = true
            return try c.enter(ctx)
        }
        t.defineMethod("__exit__") { ctx, this, _ in
            let c = this.as(PyTFContext.self)!
            if c.entered { c.entered = false; try c.exit(ctx) }
            return .bool(false)
        }
        return t
    }()

    // MARK: Tensor

    static let tensor: PyType = {
        let t = PyType(name: "Tensor", module: "tensorflow.python.framework.tensor")
        t.defineMethod("__repr__") { _, this, _ in .str(tf(this).repr) }
        t.defineMethod("__str__") { _, this, _ in .str(tf(this).description) }
        t.defineProperty("name", get: { _, this in .str(tf(this).name) })
        t.defineProperty("shape", get: { _, this in .object(PyTFShape(tf(this).shape)) })
        t.defineMethod("get_shape") { _, this, _ in .object(PyTFShape(tf(this).shape)) }
        t.defineMethod("set_shape") { ctx, this, args in
            let s = try TFBinding.shapeArg(ctx, args[0] ?? .none)
            guard let m = tf(this).shape.merged(with: s) else {
                throw PyError.valueError("Tensor's shape \(tf(this).shape) is not compatible with supplied shape \(s).")
            }
            TFBinding.setShape(tf(this), m)
            return .none
        }
        t.defineProperty("dtype", get: { _, this in .object(PyTFDType(tf(this).dtype, ref: tf(this).isRef)) })
        t.defineProperty("op", get: { ctx, this in TFState.of(ctx).wrap(tf(this).op) })
        t.defineProperty("graph", get: { ctx, this in TFState.of(ctx).wrap(tf(this).graph) })
        t.defineProperty("value_index", get: { _, this in .int(tf(this).index) })
        t.defineProperty("device", get: { _, _ in .str("") })
        t.defineMethod("consumers") { ctx, this, _ in .list(tf(this).consumers.map { TFState.of(ctx).wrap($0) }) }
        t.defineMethod("eval") { ctx, this, args in
            let a = try Signature("eval(feed_dict=None, session=None)").bind(args)
            return try TFBinding.evalWithDefaultSession(ctx, this, feed: a["feed_dict"], session: a["session"])
        }
        TFBinding.defineOperators(t)
        t.defineMethod("__bool__") { _, _, _ in
            throw PyError.typeError("Using a `tf.Tensor` as a Python `bool` is not allowed in Graph execution. Use Eager execution or decorate this function with @tf.function.")
        }
        t.defineMethod("__iter__") { _, _, _ in
            throw PyError.typeError("Tensor objects are only iterable when eager execution is enabled. To iterate over this tensor use tf.map_fn.")
        }
        t.defineMethod("__len__") { _, this, _ in
            throw PyError.typeError("len is not well defined for symbolic Tensors. (\(tf(this).op.name):\(tf(this).index)) Please call `x.shape` rather than `len(x)` for shape information.")
        }
        return t
    }()

    // MARK: Variable

    static func tv(_ v: Value) -> Variable { v.as(PyTFVariable.self)!.variable }

    static let variable: PyType = {
        let t = PyType(name: "RefVariable", module: "tensorflow.python.ops.ref_variable")
        t.defineMethod("__repr__") { _, this, _ in .str(tv(this).repr) }
        t.defineMethod("__str__") { _, this, _ in .str(tv(this).repr) }
        t.defineProperty("name", get: { _, this in .str(tv(this).name) })
        t.defineProperty("shape", get: { _, this in .object(PyTFShape(tv(this).shape)) })
        t.defineMethod("get_shape") { _, this, _ in .object(PyTFShape(tv(this).shape)) }
        t.defineProperty("dtype", get: { _, this in .object(PyTFDType(tv(this).dtype, ref: true)) })
        t.defineProperty("op", get: { ctx, this in TFState.of(ctx).wrap(tv(this).op) })
        t.defineProperty("graph", get: { ctx, this in TFState.of(ctx).wrap(tv(this).graph) })
        t.defineProperty("initializer", get: { ctx, this in TFState.of(ctx).wrap(tv(this).initializer) })
        t.defineProperty("initial_value", get: { ctx, this in TFState.of(ctx).wrap(tv(this).initialValue) })
        t.defineProperty("trainable", get: { _, this in .bool(tv(this).trainable) })
        t.defineProperty("device", get: { _, _ in .str("") })
        t.defineMethod("value") { ctx, this, _ in TFState.of(ctx).wrap(tv(this).snapshot) }
        t.defineMethod("read_value") { ctx, this, _ in
            let v = tv(this)
            return TFState.of(ctx).wrap(try TFBinding.tfCall { try v.graph.identity(.tensor(v.ref), name: "read") })
        }
        for (method, kind) in [("assign", "Assign"), ("assign_add", "AssignAdd"), ("assign_sub", "AssignSub")] {
            t.defineMethod(method) { ctx, this, args in
                let a = try Signature("\(method)(value, use_locking=None, name=None, read_value=True)").bind(args)
                let v = tv(this)
                let value = try TFValues.operand(ctx, a["value"])
                let r = try TFBinding.tfCall { try v.graph.assign(v, value, kind: kind, name: try a.optionalString("name")) }
                return TFState.of(ctx).wrap(r)
            }
        }
        t.defineMethod("eval") { ctx, this, args in
            let a = try Signature("eval(session=None)").bind(args)
            return try TFBinding.evalWithDefaultSession(ctx, this, feed: .none, session: a["session"])
        }
        t.defineMethod("initialized_value") { ctx, this, _ in TFState.of(ctx).wrap(tv(this).snapshot) }
        TFBinding.defineOperators(t)
        return t
    }()

    // MARK: MiniTF.Operation

    static func top(_ v: Value) -> MiniTF.Operation { v.as(PyTFOperation.self)!.op }

    static let operation: PyType = {
        let t = PyType(name: "Operation", module: "tensorflow.python.framework.ops")
        t.defineMethod("__repr__") { _, this, _ in .str("<tf.Operation '\(top(this).name)' type=\(top(this).type)>") }
        t.defineMethod("__str__") { _, this, _ in .str(TFBinding.nodeDefText(top(this))) }
        t.defineProperty("name", get: { _, this in .str(top(this).name) })
        t.defineProperty("type", get: { _, this in .str(top(this).type) })
        t.defineProperty("inputs", get: { ctx, this in .tuple(top(this).inputs.map { TFState.of(ctx).wrap($0) }) })
        t.defineProperty("outputs", get: { ctx, this in .list(top(this).outputs.map { TFState.of(ctx).wrap($0) }) })
        t.defineProperty("control_inputs", get: { ctx, this in .list(top(this).controlInputs.map { TFState.of(ctx).wrap($0) }) })
        t.defineProperty("graph", get: { ctx, this in TFState.of(ctx).wrap(top(this).graph) })
        t.defineProperty("device", get: { _, _ in .str("") })
        t.defineProperty("node_def", get: { _, this in
            let nd = PyObject(type: nodeDef, hasDict: true)
            nd.dict?["name"] = .str(top(this).name)
            nd.dict?["op"] = .str(top(this).type)
            nd.dict?["input"] = .list(top(this).inputs.map { .str($0.index == 0 ? $0.op.name : $0.name) })
            nd.dict?["_text"] = .str(TFBinding.nodeDefText(top(this)))
            return .object(nd)
        })
        t.defineMethod("values") { ctx, this, _ in .tuple(top(this).outputs.map { TFState.of(ctx).wrap($0) }) }
        t.defineMethod("get_attr") { ctx, this, args in
            let name = try (args[0] ?? .none).asString()
            guard let v = top(this).attr(name) else {
                throw PyError.valueError("Operation '\(top(this).name)' has no attr named '\(name)'.")
            }
            return TFBinding.attrValue(ctx, v)
        }
        t.defineMethod("run") { ctx, this, args in
            let a = try Signature("run(feed_dict=None, session=None)").bind(args)
            _ = try TFBinding.evalWithDefaultSession(ctx, this, feed: a["feed_dict"], session: a["session"])
            return .none
        }
        return t
    }()

    static let nodeDef: PyType = {
        let t = PyType(name: "NodeDef", module: "tensorflow.core.framework.node_def_pb2")
        t.defineMethod("__str__") { _, this, _ in
            if case .object(let o) = this, case .str(let s)? = o.dict?["_text"] { return .str(s) }
            return .str("")
        }
        return t
    }()

    static let shapeProto: PyType = {
        let t = PyType(name: "TensorShapeProto", module: "tensorflow.core.framework.tensor_shape_pb2")
        t.defineMethod("__str__") { _, this, _ in
            if case .object(let o) = this, case .str(let s)? = o.dict?["_text"] { return .str(s) }
            return .str("")
        }
        return t
    }()

    // MARK: Graph

    static func tg(_ v: Value) -> Graph { v.as(PyTFGraph.self)!.graph }

    static let graph: PyType = {
        let t = PyType(name: "Graph", module: "tensorflow.python.framework.ops")
        t.constructor = { ctx, _, args in
            try args.expectNone("Graph")
            return TFState.of(ctx).wrap(Graph())
        }
        t.defineMethod("get_operations") { ctx, this, _ in .list(tg(this).operations.map { TFState.of(ctx).wrap($0) }) }
        t.defineMethod("get_operation_by_name") { ctx, this, args in
            let name = try Signature("get_operation_by_name(name)").bind(args).string("name")
            return TFState.of(ctx).wrap(try TFBinding.tfCall { try tg(this).operation(named: name) })
        }
        t.defineMethod("get_tensor_by_name") { ctx, this, args in
            let name = try Signature("get_tensor_by_name(name)").bind(args).string("name")
            return TFState.of(ctx).wrap(try TFBinding.tfCall { try tg(this).tensor(named: name) })
        }
        t.defineMethod("as_default") { _, this, _ in
            let g = tg(this)
            return .object(PyTFContext(enter: { _ in g.pushAsDefault(); return this }, exit: { _ in Graph.popDefault() }))
        }
        t.defineMethod("get_name_scope") { _, this, _ in .str(tg(this).nameScope) }
        t.defineMethod("name_scope") { ctx, this, args in
            let a = try Signature("name_scope(name)").bind(args)
            return try TFBinding.nameScopeContext(ctx, tg(this), a["name"])
        }
        t.defineMethod("finalize") { _, _, _ in .none }
        t.defineMethod("get_collection") { ctx, this, args in
            let a = try Signature("get_collection(name, scope=None)").bind(args)
            return .list(try TFBinding.collection(ctx, tg(this), a.string("name"), scope: a.optionalString("scope")))
        }
        t.defineMethod("get_all_collection_keys") { _, _, _ in .list([.str("trainable_variables"), .str("variables")]) }
        t.defineMethod("unique_name") { _, this, args in
            let a = try Signature("unique_name(name, mark_as_used=True)").bind(args)
            return .str(tg(this).uniqueName(try a.string("name"), markAsUsed: try a.bool("mark_as_used")))
        }
        t.defineMethod("control_dependencies") { ctx, this, args in
            try TFBinding.controlDependencies(ctx, tg(this), args[0] ?? .none)
        }
        return t
    }()

    // MARK: Session

    static let session: PyType = {
        let t = PyType(name: "Session", module: "tensorflow.python.client.session")
        t.constructor = { ctx, type, args in
            let a = try Signature("Session(target='', graph=None, config=None)").bind(args)
            let g = a["graph"].as(PyTFGraph.self)?.graph ?? Graph.defaultGraph
            let s = PyTFSession(Session(graph: g, seed: 0x5EED &+ UInt64(TFState.of(ctx).defaultSessions.count)))
            s.session.maxElements = ctx.limits.maxElementsPerAllocation
            return .object(s)
        }
        t.defineMethod("run") { ctx, this, args in
            let a = try Signature("run(fetches, feed_dict=None, options=None, run_metadata=None)").bind(args)
            return try TFBinding.run(ctx, this.as(PyTFSession.self)!.session, a["fetches"], feed: a["feed_dict"])
        }
        t.defineMethod("close") { _, this, _ in this.as(PyTFSession.self)!.session.close(); return .none }
        t.defineProperty("graph", get: { ctx, this in TFState.of(ctx).wrap(this.as(PyTFSession.self)!.session.graph) })
        t.defineMethod("__enter__") { ctx, this, _ in
            TFState.of(ctx).defaultSessions.append(this.as(PyTFSession.self)!.session)
            return this
        }
        t.defineMethod("__exit__") { ctx, this, _ in
            let st = TFState.of(ctx)
            if let i = st.defaultSessions.lastIndex(where: { $0 === this.as(PyTFSession.self)!.session }) { st.defaultSessions.remove(at: i) }
            this.as(PyTFSession.self)!.session.close()
            return .bool(false)
        }
        t.defineMethod("as_default") { ctx, this, _ in
            let s = this.as(PyTFSession.self)!.session
            return .object(PyTFContext(enter: { ctx in TFState.of(ctx).defaultSessions.append(s); return this },
                                       exit: { ctx in _ = TFState.of(ctx).defaultSessions.popLast() }))
        }
        return t
    }()

    static let interactiveSession: PyType = {
        let t = PyType(name: "InteractiveSession", module: "tensorflow.python.client.session", bases: [session])
        t.constructor = { ctx, _, args in
            let a = try Signature("InteractiveSession(target='', graph=None, config=None)").bind(args)
            let g = a["graph"].as(PyTFGraph.self)?.graph ?? Graph.defaultGraph
            let s = Session(graph: g)
            s.maxElements = ctx.limits.maxElementsPerAllocation
            TFState.of(ctx).defaultSessions.append(s)
            return .object(PyTFSession(s, type: interactiveSession))
        }
        return t
    }()

    // MARK: DType, TensorShape, Dimension

    static let dtype: PyType = {
        let t = PyType(name: "DType", module: "tensorflow.python.framework.dtypes")
        func d(_ v: Value) -> PyTFDType { v.as(PyTFDType.self)! }
        t.defineMethod("__repr__") { _, this, _ in .str("tf.\(d(this).name)") }
        t.defineMethod("__str__") { _, this, _ in .str("<dtype: '\(d(this).name)'>") }
        t.defineProperty("name", get: { _, this in .str(d(this).name) })
        t.defineProperty("base_dtype", get: { _, this in .object(PyTFDType(d(this).dtype)) })
        t.defineProperty("is_floating", get: { _, this in .bool(d(this).dtype.isFloating) })
        t.defineProperty("is_integer", get: { _, this in .bool(d(this).dtype.isInteger) })
        t.defineProperty("is_bool", get: { _, this in .bool(d(this).dtype == .bool) })
        t.defineProperty("as_numpy_dtype", get: { ctx, this in
            if let np = try? ctx.importModule("numpy"), let v = np[d(this).dtype.name] { return v }
            return .str(d(this).dtype.name)
        })
        t.defineMethod("__eq__") { _, this, args in
            let me = d(this)
            if let o = args[0]?.as(PyTFDType.self) { return .bool(o.dtype == me.dtype && o.isRef == me.isRef) }
            if case .str(let s)? = args[0] { return .bool(s == me.name) }
            return .bool(false)
        }
        t.defineMethod("__ne__") { _, this, args in
            let me = d(this)
            if let o = args[0]?.as(PyTFDType.self) { return .bool(!(o.dtype == me.dtype && o.isRef == me.isRef)) }
            return .bool(true)
        }
        t.defineMethod("__hash__") { _, this, _ in .int(d(this).name.hashValue) }
        return t
    }()

    static let tensorShape: PyType = {
        let t = PyType(name: "TensorShape", module: "tensorflow.python.framework.tensor_shape")
        func s(_ v: Value) -> TFShape { v.as(PyTFShape.self)!.shape }
        t.constructor = { ctx, _, args in
            .object(PyTFShape(try TFBinding.shapeArg(ctx, args[0] ?? .none)))
        }
        t.defineMethod("__repr__") { _, this, _ in
            guard let dims = s(this).dims else { return .str("TensorShape(None)") }
            return .str("TensorShape([" + dims.map { "Dimension(\($0.map(String.init) ?? "None"))" }.joined(separator: ", ") + "])")
        }
        t.defineMethod("__str__") { _, this, _ in .str(s(this).description) }
        t.defineMethod("as_list") { _, this, _ in
            guard let dims = s(this).dims else { throw PyError.valueError("as_list() is not defined on an unknown TensorShape.") }
            return .list(dims.map { $0.map { .int($0) } ?? .none })
        }
        t.defineProperty("ndims", get: { _, this in s(this).rank.map { .int($0) } ?? .none })
        t.defineProperty("rank", get: { _, this in s(this).rank.map { .int($0) } ?? .none })
        t.defineProperty("dims", get: { _, this in
            s(this).dims.map { d in .list(d.map { .object(PyTFDimension($0)) }) } ?? .none
        })
        t.defineMethod("is_fully_defined") { _, this, _ in .bool(s(this).isFullyDefined) }
        t.defineMethod("num_elements") { _, this, _ in s(this).numElements.map { .int($0) } ?? .none }
        t.defineMethod("__len__") { _, this, _ in
            guard let r = s(this).rank else { throw PyError.valueError("Cannot take the length of shape with unknown rank.") }
            return .int(r)
        }
        t.defineMethod("__iter__") { _, this, _ in
            guard let dims = s(this).dims else { throw PyError.valueError("Cannot iterate over a shape with unknown rank.") }
            var i = 0
            return .object(PyIterator { () -> Value? in
                guard i < dims.count else { return nil }
                defer { i += 1 }
                return .object(PyTFDimension(dims[i]))
            })
        }
        t.defineMethod("__getitem__") { ctx, this, args in
            let shape = s(this)
            let key = args[0] ?? .none
            if let sl = key.as(PySlice.self) {
                guard let dims = shape.dims else { return .object(PyTFShape(.unknown)) }
                let r = try ctx.sliceIndices(sl, length: dims.count)
                return .object(PyTFShape(TFShape((0..<r.count).map { dims[r.start + $0 * r.step] })))
            }
            guard let dims = shape.dims else { return .object(PyTFDimension(nil)) }
            var i = try key.asIndex()
            if i < 0 { i += dims.count }
            guard i >= 0 && i < dims.count else { throw PyError.indexError("list index out of range") }
            return .object(PyTFDimension(dims[i]))
        }
        t.defineMethod("__eq__") { ctx, this, args in
            guard let other = args[0], let o = try? TFBinding.shapeArg(ctx, other) else { return .bool(false) }
            return .bool(s(this).dims != nil && s(this) == o)
        }
        t.defineMethod("__ne__") { ctx, this, args in
            guard let other = args[0], let o = try? TFBinding.shapeArg(ctx, other) else { return .bool(true) }
            return .bool(!(s(this).dims != nil && s(this) == o))
        }
        return t
    }()

    static let dimension: PyType = {
        let t = PyType(name: "Dimension", module: "tensorflow.python.framework.tensor_shape")
        func v(_ x: Value) -> Int? { x.as(PyTFDimension.self)!.value }
        t.defineMethod("__repr__") { _, this, _ in .str("Dimension(\(v(this).map(String.init) ?? "None"))") }
        t.defineMethod("__str__") { _, this, _ in .str(v(this).map(String.init) ?? "?") }
        t.defineProperty("value", get: { _, this in v(this).map { .int($0) } ?? .none })
        t.defineMethod("__int__") { _, this, _ in
            guard let x = v(this) else { throw PyError.typeError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'") }
            return .int(x)
        }
        t.defineMethod("__index__") { _, this, _ in
            guard let x = v(this) else { throw PyError.typeError("'NoneType' object cannot be interpreted as an integer") }
            return .int(x)
        }
        t.defineMethod("__eq__") { _, this, args in
            let o: Int?? = args[0].flatMap { a in
                if let d = a.as(PyTFDimension.self) { return d.value }
                if case .int(let i) = a { return i }
                if a.isNone { return Optional<Int>.none }
                return nil
            }
            guard let other = o else { return .notImplemented }
            guard let a = v(this), let b = other else { return .none }
            return .bool(a == b)
        }
        t.defineMethod("__hash__") { _, this, _ in .int(v(this) ?? -1) }
        for (name, f) in [("__add__", { (a: Int, b: Int) in a + b }), ("__sub__", { $0 - $1 }), ("__mul__", { $0 * $1 }), ("__floordiv__", { $1 == 0 ? 0 : $0 / $1 })] {
            t.defineMethod(name) { _, this, args in
                let o: Int?
                if let d = args[0]?.as(PyTFDimension.self) { o = d.value } else if case .int(let i)? = args[0] { o = i } else { return .notImplemented }
                guard let a = v(this), let b = o else { return .object(PyTFDimension(nil)) }
                return .object(PyTFDimension(f(a, b)))
            }
        }
        return t
    }()

    // MARK: VariableScope, initializers, optimizer

    static let variableScope: PyType = {
        let t = PyType(name: "VariableScope", module: "tensorflow.python.ops.variable_scope")
        func vs(_ v: Value) -> VariableScope { v.as(PyTFVariableScope.self)!.scope }
        t.defineProperty("name", get: { _, this in .str(vs(this).name) })
        t.defineProperty("reuse", get: { ctx, this in
            switch vs(this).reuse {
            case .none: return .bool(false)
            case .reuse: return .bool(true)
            case .auto: return TFBinding.autoReuse(ctx)
            }
        })
        t.defineProperty("original_name_scope", get: { _, this in .str(vs(this).originalNameScope) })
        t.defineMethod("reuse_variables") { _, this, _ in vs(this).reuseVariables(); return .none }
        t.defineMethod("__repr__") { _, this, _ in .str("<tensorflow.python.ops.variable_scope.VariableScope object at 0x\(String(this.as(PyTFVariableScope.self)!.identity, radix: 16))>") }
        return t
    }()

    static let reuseMode: PyType = PyType(name: "_ReuseMode", module: "tensorflow.python.ops.variable_scope")
    final class PyReuse: PyObject {
        init() { super.init(type: TFTypes.reuseMode) }
    }
    static let reuseSetup: Void = {
        reuseMode.defineMethod("__repr__") { _, _, _ in .str("<_ReuseMode.AUTO_REUSE: 1>") }
        reuseMode.defineMethod("__str__") { _, _, _ in .str("_ReuseMode.AUTO_REUSE") }
    }()

    static let initializer: PyType = {
        let t = PyType(name: "Initializer", module: "tensorflow.python.ops.init_ops")
        t.defineMethod("__repr__") { _, this, _ in
            let i = this.as(PyTFInitializer.self)!
            return .str("<tensorflow.python.ops.init_ops.\(i.className) object at 0x\(String(i.identity, radix: 16))>")
        }
        return t
    }()

    static let optimizer: PyType = {
        let t = PyType(name: "GradientDescentOptimizer", module: "tensorflow.python.training.gradient_descent")
        t.constructor = { ctx, _, args in
            let a = try Signature("GradientDescentOptimizer(learning_rate, use_locking=False, name='GradientDescent')").bind(args)
            let lr = try TFValues.operand(ctx, a["learning_rate"])
            return .object(PyTFOptimizer(GradientDescentOptimizer(learningRate: lr, name: try a.string("name"))))
        }
        func opt(_ v: Value) -> GradientDescentOptimizer { v.as(PyTFOptimizer.self)!.optimizer }
        t.defineMethod("minimize") { ctx, this, args in
            let a = try Signature("minimize(loss, global_step=None, var_list=None, gate_gradients=1, aggregation_method=None, colocate_gradients_with_ops=False, name=None, grad_loss=None)").bind(args)
            let loss = try TFBinding.tensorArg(ctx, a["loss"], "loss")
            let vars = try TFBinding.variableList(ctx, a["var_list"])
            let op = try TFBinding.tfCall { try opt(this).minimize(loss, varList: vars, name: try a.optionalString("name")) }
            return TFState.of(ctx).wrap(op)
        }
        t.defineMethod("compute_gradients") { ctx, this, args in
            let a = try Signature("compute_gradients(loss, var_list=None, gate_gradients=1, aggregation_method=None, colocate_gradients_with_ops=False, grad_loss=None)").bind(args)
            let loss = try TFBinding.tensorArg(ctx, a["loss"], "loss")
            let vars = try TFBinding.variableList(ctx, a["var_list"])
            let gv = try TFBinding.tfCall { try opt(this).computeGradients(loss, varList: vars) }
            let st = TFState.of(ctx)
            return .list(gv.map { .tuple([st.wrap($0.0), st.wrap($0.1)]) })
        }
        t.defineMethod("apply_gradients") { ctx, this, args in
            let a = try Signature("apply_gradients(grads_and_vars, global_step=None, name=None)").bind(args)
            var gv: [(TFTensor?, Variable)] = []
            for pair in try ctx.toArray(a["grads_and_vars"]) {
                let p = try ctx.toArray(pair)
                guard p.count == 2, let v = p[1].as(PyTFVariable.self)?.variable else {
                    throw PyError.typeError("grads_and_vars must be a list of (gradient, variable) pairs")
                }
                gv.append((p[0].isNone ? nil : try TFBinding.tensorArg(ctx, p[0], "gradient"), v))
            }
            let op = try TFBinding.tfCall { try opt(this).applyGradients(gv, name: try a.optionalString("name")) }
            return TFState.of(ctx).wrap(op)
        }
        return t
    }()
}

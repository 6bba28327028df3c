import Foundation
import MiniTF
import MiniTorch

extension ModuleHooks {
    /// `import tensorflow as tf` — the TF1 API in graph mode (what `tf.compat.v1` with v2 behaviour disabled gives).
    public static var tensorflow: ModuleLoader? { TFModule.load }
}

/// Exception classes of `tf.errors` (printed without a module prefix, as the recorded transcripts show them).
enum TFErrors {
    static let opError = PyType(name: "OpError", bases: [PyType.exception])
    static let invalidArgument = PyType(name: "InvalidArgumentError", bases: [opError])
    static let failedPrecondition = PyType(name: "FailedPreconditionError", bases: [opError])
    static let unimplemented = PyType(name: "UnimplementedError", bases: [opError])
    static let resourceExhausted = PyType(name: "ResourceExhaustedError", bases: [opError])
    static let notFound = PyType(name: "NotFoundError", bases: [opError])

    static func translate(_ e: Error) -> PyError? {
        guard let t = e as? TFError else { return nil }
        switch t {
        case .valueError(let m): return .valueError(m)
        case .typeError(let m): return .typeError(m)
        case .keyError(let m):
            var k = m
            if k.hasPrefix("\""), k.hasSuffix("\""), k.count >= 2 { k = String(k.dropFirst().dropLast()) }
            return .keyError(.str(k))
        case .indexError(let m): return .indexError(m)
        case .notImplemented(let m): return .notImplementedError(m)
        case .lookupError(let m): return PyError(.lookupError, m)
        case .invalidArgument(let m): return PyError(invalidArgument, m)
        case .failedPrecondition(let m): return PyError(failedPrecondition, m)
        case .unimplemented(let m): return PyError(unimplemented, m)
        case .resourceExhausted(let m): return PyError(resourceExhausted, m)
        case .runtimeError(let m): return .runtimeError(m)
        }
    }
}

/// Helpers shared by the `tensorflow` module's functions and classes.
enum TFBinding {
    /// Runs engine code, turning `TFError`s into Python exceptions.
    static func tfCall<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as TFError { throw TFErrors.translate(e)! }
    }

    static func dtype(fromName raw: String) -> TFDType? {
        var s = raw
        if s.hasPrefix("<dtype: '") { s = String(s.dropFirst(9).dropLast(2)) }
        if s.hasPrefix("<class 'numpy.") { s = String(s.dropFirst(14).dropLast(2)) }
        if s.hasPrefix("tf.") { s = String(s.dropFirst(3)) }
        if s.hasSuffix("_ref") { s = String(s.dropLast(4)) }
        switch s {
        case "float32", "float": return .float32
        case "float64", "double": return .float64
        case "int32": return .int32
        case "int64", "int": return .int64
        case "bool": return .bool
        default: return nil
        }
    }

    static func dtypeArg(_ ctx: Interpreter, _ v: Value) throws -> TFDType? {
        if v.isNone { return nil }
        if let d = v.as(PyTFDType.self) { return d.dtype }
        if case .str(let s) = v, let d = dtype(fromName: s) { return d }
        if let t = v.as(PyType.self) {
            if t === PyType.float { return .float32 }
            if t === PyType.int { return .int32 }
            if t === PyType.bool { return .bool }
            if let d = dtype(fromName: t.name) { return d }
        }
        if let d = dtype(fromName: try ctx.str(v)) { return d }
        throw PyError.typeError("Cannot convert \(try ctx.repr(v)) to EagerTensor of dtype int32")
    }

    static func shapeArg(_ ctx: Interpreter, _ v: Value) throws -> TFShape {
        if v.isNone { return .unknown }
        if let s = v.as(PyTFShape.self) { return s.shape }
        if case .int(let n) = v { return TFShape(known: [n]) }
        if let t = v.as(PyTFTensor.self), let c = constantValue(t.tensor) { return TFShape(known: c.ints) }
        let items = try ctx.toArray(v)
        return TFShape(try items.map { x -> Int? in
            if x.isNone { return nil }
            if let d = x.as(PyTFDimension.self) { return d.value }
            let i = try x.asIndex()
            if i < -1 { throw PyError.valueError("Dimension \(i) must be >= 0") }
            return i == -1 ? nil : i
        })
    }

    static func knownShape(_ ctx: Interpreter, _ v: Value, _ what: String) throws -> [Int] {
        let s = try shapeArg(ctx, v)
        guard let k = s.known else { throw PyError.valueError("\(what) must be fully defined, got \(s)") }
        return k
    }

    static func intList(_ ctx: Interpreter, _ v: Value, count: Int? = nil, name: String) throws -> [Int] {
        if case .int(let i) = v {
            if let c = count { return c == 4 ? [1, i, i, 1] : Array(repeating: i, count: c) }
            return [i]
        }
        let l = try ctx.toArray(v).map { try $0.asIndex() }
        if let c = count, c == 4 {
            if l.count == 1 { return [1, l[0], l[0], 1] }
            if l.count == 2 { return [1, l[0], l[1], 1] }
            if l.count != 4 { throw PyError.valueError("\(name) should be of length 1, 2 or 4. Received: \(name)=\(try ctx.repr(v)) of length \(l.count)") }
        }
        return l
    }

    static func setShape(_ t: TFTensor, _ s: TFShape) { t.setStaticShape(s) }

    static func tensorArg(_ ctx: Interpreter, _ v: Value, _ what: String) throws -> TFTensor {
        if let t = v.as(PyTFTensor.self) { return t.tensor }
        if let w = v.as(PyTFVariable.self) { return w.variable.snapshot }
        let g = Graph.defaultGraph
        let o = try TFValues.operand(ctx, v)
        return try tfCall { try g.identity(o, name: nil) }
    }

    static func variableList(_ ctx: Interpreter, _ v: Value) throws -> [Variable]? {
        if v.isNone { return nil }
        return try ctx.toArray(v).map { x in
            guard let w = x.as(PyTFVariable.self) else { throw PyError.typeError("var_list must contain tf.Variable objects, got \(try ctx.repr(x))") }
            return w.variable
        }
    }

    static func autoReuse(_ ctx: Interpreter) -> Value {
        _ = TFTypes.reuseSetup
        if let v = ctx.extensionState["tensorflow.AUTO_REUSE"] as? Value { return v }
        let v = Value.object(TFTypes.PyReuse())
        ctx.extensionState["tensorflow.AUTO_REUSE"] = v
        return v
    }

    static func reuseArg(_ ctx: Interpreter, _ v: Value) throws -> ReuseMode? {
        if v.isNone { return nil }
        if v.as(TFTypes.PyReuse.self) != nil { return .auto }
        return try ctx.isTruthy(v) ? .reuse : ReuseMode.none
    }

    /// `get_collection(key, scope)`: the variable collections MiniTF keeps (others are empty), filtered as
    /// TensorFlow does by `re.match(scope, item.name)`.
    static func collection(_ ctx: Interpreter, _ g: Graph, _ name: String, scope: String? = nil) throws -> [Value] {
        let st = TFState.of(ctx)
        let vars: [Variable]
        switch name {
        case "variables", "global_variables": vars = g.globalVariables
        case "trainable_variables": vars = g.trainableVariables
        default: vars = []
        }
        guard let scope = scope else { return vars.map { st.wrap($0) } }
        guard let re = try? NSRegularExpression(pattern: scope) else {
            throw PyError.valueError("invalid regular expression for scope: \(scope)")
        }
        return vars.filter { v in
            let n = v.name
            return re.firstMatch(in: n, options: .anchored, range: NSRange(n.startIndex..., in: n)) != nil
        }.map { st.wrap($0) }
    }

    /// `tf.GraphKeys`: the standard collection names.
    static let graphKeys: PyType = {
        let t = PyType(name: "GraphKeys", module: "tensorflow.python.framework.ops")
        for (k, v) in [("GLOBAL_VARIABLES", "variables"), ("TRAINABLE_VARIABLES", "trainable_variables"),
                       ("LOCAL_VARIABLES", "local_variables"), ("MODEL_VARIABLES", "model_variables"),
                       ("UPDATE_OPS", "update_ops"), ("LOSSES", "losses"), ("REGULARIZATION_LOSSES", "regularization_losses"),
                       ("SUMMARIES", "summaries"), ("TRAIN_OP", "train_op"), ("INIT_OP", "init_op"),
                       ("GLOBAL_STEP", "global_step"), ("QUEUE_RUNNERS", "queue_runners")] {
            t.attributes[k] = .str(v)
        }
        return t
    }()

    // MARK: scopes

    static func nameScopeContext(_ ctx: Interpreter, _ g: Graph, _ name: Value) throws -> Value {
        let n: String? = name.isNone ? nil : try name.asString()
        var previous = ""
        return .object(PyTFContext(enter: { _ in
            let (old, scope) = try tfCall { try g.pushNameScope(n) }
            previous = old
            return .str(scope)
        }, exit: { _ in g.popNameScope(to: previous) }))
    }

    static func controlDependencies(_ ctx: Interpreter, _ g: Graph, _ inputs: Value) throws -> Value {
        var ops: [MiniTF.Operation] = []
        if !inputs.isNone {
            for x in try ctx.toArray(inputs) {
                if let o = x.as(PyTFOperation.self) { ops.append(o.op) } else if let t = x.as(PyTFTensor.self) { ops.append(t.tensor.op) } else if let v = x.as(PyTFVariable.self) { ops.append(v.variable.op) } else {
                    throw PyError.typeError("Can not convert a \(x.typeName) into a Tensor or Operation.")
                }
            }
        }
        return .object(PyTFContext(enter: { _ in g.pushControlDependencies(ops); return .none },
                                   exit: { _ in g.popControlDependencies() }))
    }

    // MARK: operators

    static func defineOperators(_ t: PyType) {
        let table: [(String, String, String, Bool)] = [
            ("__add__", "AddV2", "add", false), ("__radd__", "AddV2", "add", true),
            ("__sub__", "Sub", "sub", false), ("__rsub__", "Sub", "sub", true),
            ("__mul__", "Mul", "mul", false), ("__rmul__", "Mul", "mul", true),
            ("__truediv__", "RealDiv", "truediv", false), ("__rtruediv__", "RealDiv", "truediv", true),
            ("__floordiv__", "FloorDiv", "floordiv", false), ("__rfloordiv__", "FloorDiv", "floordiv", true),
            ("__mod__", "FloorMod", "mod", false), ("__rmod__", "FloorMod", "mod", true),
            ("__pow__", "Pow", "pow", false), ("__rpow__", "Pow", "pow", true),
            ("__lt__", "Less", "Less", false), ("__le__", "LessEqual", "LessEqual", false),
            ("__gt__", "Greater", "Greater", false), ("__ge__", "GreaterEqual", "GreaterEqual", false),
        ]
        for (dunder, type, opName, reflected) in table {
            t.defineMethod(dunder) { ctx, this, args in
                let other = args[0] ?? .none
                let me = try TFValues.operand(ctx, this)
                let o: TFOperand
                do { o = try TFValues.operand(ctx, other) } catch { return .notImplemented }
                let g = graphOf([me, o])
                let r = try tfCall {
                    reflected ? try g.operatorBinary(type, o, me, opName: opName) : try g.operatorBinary(type, me, o, opName: opName)
                }
                return TFState.of(ctx).wrap(r)
            }
        }
        for (dunder, reflected) in [("__matmul__", false), ("__rmatmul__", true)] {
            t.defineMethod(dunder) { ctx, this, args in
                let me = try TFValues.operand(ctx, this)
                let o: TFOperand
                do { o = try TFValues.operand(ctx, args[0] ?? .none) } catch { return .notImplemented }
                let g = graphOf([me, o])
                let r = try tfCall { () -> TFTensor in
                    let (old, scope) = try g.pushNameScope("matmul")
                    defer { g.popNameScope(to: old) }
                    return reflected ? try g.matmul(o, me, name: scope) : try g.matmul(me, o, name: scope)
                }
                return TFState.of(ctx).wrap(r)
            }
        }
        for (dunder, type) in [("__neg__", "Neg"), ("__abs__", "Abs")] {
            t.defineMethod(dunder) { ctx, this, _ in
                let me = try TFValues.operand(ctx, this)
                let g = graphOf([me])
                return TFState.of(ctx).wrap(try tfCall { try g.unary(type, me) })
            }
        }
        t.defineMethod("__getitem__") { ctx, this, args in
            try slice(ctx, try TFValues.operand(ctx, this), args[0] ?? .none)
        }
    }

    static func graphOf(_ ops: [TFOperand]) -> Graph {
        for o in ops { if case .tensor(let t) = o { return t.graph } }
        return Graph.defaultGraph
    }

    /// `t[i]`, `t[a:b]` via `StridedSlice` (integer indices and unit-step slices of static shapes).
    static func slice(_ ctx: Interpreter, _ x: TFOperand, _ key: Value) throws -> Value {
        guard case .tensor(let t) = x else { throw PyError.typeError("unsupported") }
        let g = t.graph
        let parts: [Value] = key.as(PyTuple.self)?.items ?? [key]
        guard let dims = t.shape.known else { throw PyError.notImplementedError("MiniTF: slicing needs a fully known shape") }
        var begin: [Int] = [], size: [Int] = [], squeeze: [Int] = []
        var d = 0
        for p in parts {
            guard d < dims.count else { throw PyError.valueError("Index out of range using input dim \(d); input has only \(dims.count) dims") }
            if let s = p.as(PySlice.self) {
                let r = try ctx.sliceIndices(s, length: dims[d])
                guard r.step == 1 else { throw PyError.notImplementedError("MiniTF: strided slices with step != 1") }
                begin.append(r.start); size.append(r.count)
            } else {
                var i = try p.asIndex()
                if i < 0 { i += dims[d] }
                guard i >= 0 && i < dims[d] else {
                    throw PyError.valueError("slice index \(try p.asIndex()) of dimension \(d) out of bounds.")
                }
                begin.append(i); size.append(1); squeeze.append(d)
            }
            d += 1
        }
        while d < dims.count { begin.append(0); size.append(dims[d]); d += 1 }
        let r = try tfCall { try g.stridedSlice(t, begin: begin, size: size, squeeze: squeeze) }
        return TFState.of(ctx).wrap(r)
    }

    // MARK: session

    static func fetchLeaf(_ ctx: Interpreter, _ g: Graph, _ v: Value) throws -> Fetch {
        if let t = v.as(PyTFTensor.self) { return .tensor(t.tensor) }
        if let w = v.as(PyTFVariable.self) { return .tensor(w.variable.ref) }
        if let o = v.as(PyTFOperation.self) { return .operation(o.op) }
        if case .str(let s) = v {
            do {
                if s.contains(":") { return .tensor(try g.tensor(named: s)) }
                return .operation(try g.operation(named: s))
            } catch TFError.keyError(let why) {
                // Session.run wraps str() of the graph's KeyError (`why` is already in that quoted form).
                throw PyError.valueError("Argument `fetch` = \(s) cannot be interpreted as a Tensor. (\(why))")
            } catch let e as TFError { throw TFErrors.translate(e)! }
        }
        if v.isNone { throw PyError.typeError("Argument `fetch` = None has invalid type \"NoneType\". Cannot be None") }
        let tname = v.typeName
        throw PyError.typeError("Argument `fetch` = \(try ctx.str(v)) has invalid type \"\(tname)\" must be a string or Tensor. (Can not convert a \(tname) into a Tensor or Operation.)")
    }

    static func run(_ ctx: Interpreter, _ s: Session, _ fetches: Value, feed: Value) throws -> Value {
        try tfCall { try s.checkUsable() }
        var leaves: [Fetch] = []
        enum Shape { case leaf(Int); case list([Shape]); case tuple([Shape]); case dict([(Value, Shape)]) }
        func collect(_ v: Value) throws -> Shape {
            if let l = v.as(PyList.self) { return .list(try l.items.map(collect)) }
            if let t = v.as(PyTuple.self) { return .tuple(try t.items.map(collect)) }
            if let d = v.as(PyDict.self) { return .dict(try d.entries.map { ($0.key, try collect($0.value)) }) }
            leaves.append(try fetchLeaf(ctx, s.graph, v))
            return .leaf(leaves.count - 1)
        }
        let structure = try collect(fetches)
        var feeds: [(TFTensor, TFArray)] = []
        if !feed.isNone {
            guard let d = feed.as(PyDict.self) else { throw PyError.typeError("feed_dict must be a dictionary") }
            for (k, v) in d.entries {
                let key: TFTensor
                if let t = k.as(PyTFTensor.self) { key = t.tensor } else if let w = k.as(PyTFVariable.self) { key = w.variable.ref } else if case .str(let n) = k {
                    do { key = try s.graph.tensor(named: n) } catch let e as TFError {
                        var m = e.message
                        if m.hasPrefix("\""), m.hasSuffix("\""), m.count >= 2 { m = String(m.dropFirst().dropLast()) }
                        throw PyError.typeError("Cannot interpret feed_dict key as Tensor: \(m)")
                    }
                } else {
                    throw PyError.typeError("Cannot interpret feed_dict key as Tensor: Can not convert a \(k.typeName) into a Tensor.")
                }
                var value = try TFValues.concrete(ctx, v)
                if !key.dtype.isInteger || !value.dtype.isFloating { value = value.cast(to: key.dtype) } else {
                    value = value.cast(to: key.dtype)
                }
                feeds.append((key, value))
            }
        }
        let results = try tfCall { try s.run(leaves, feeds: feeds) }
        func rebuild(_ sh: Shape) throws -> Value {
            switch sh {
            case .leaf(let i): return try results[i].map { try TFValues.result(ctx, $0) } ?? .none
            case .list(let l): return .list(try l.map(rebuild))
            case .tuple(let l): return .tuple(try l.map(rebuild))
            case .dict(let pairs):
                let d = PyDict()
                for (k, sub) in pairs { d.setUnchecked(try ctx.hashKey(k), k, try rebuild(sub)) }
                return .object(d)
            }
        }
        return try rebuild(structure)
    }

    static func evalWithDefaultSession(_ ctx: Interpreter, _ fetch: Value, feed: Value, session: Value) throws -> Value {
        let s: Session
        if let given = session.as(PyTFSession.self) { s = given.session } else if let d = TFState.of(ctx).defaultSessions.last { s = d } else {
            throw PyError.valueError("Cannot evaluate tensor using `eval()`: No default session is registered. Use `with sess.as_default()` or pass an explicit session to `eval(session=sess)`")
        }
        return try run(ctx, s, fetch, feed: feed)
    }

    // MARK: printing

    static func attrValue(_ ctx: Interpreter, _ a: AttrValue) -> Value {
        switch a {
        case .int(let i): return .int(i)
        case .ints(let l): return .list(l.map { .int($0) })
        case .float(let f): return .float(f)
        case .bool(let b): return .bool(b)
        case .string(let s): return .str(s)
        case .type(let t): return .object(PyTFDType(t))
        case .shape(let s):
            // `op.get_attr('shape')` is a TensorShapeProto; print shows its text format.
            let proto = PyObject(type: TFTypes.shapeProto, hasDict: true)
            var text = ""
            if let dims = s.dims { text = dims.map { "dim {\n  size: \($0 ?? -1)\n}\n" }.joined() } else { text = "unknown_rank: true\n" }
            proto.dict?["_text"] = .str(text)
            return .object(proto)
        case .tensor(let t): return .object(PyNDArray(t.toTensor(), scalar: t.rank == 0))
        }
    }

    /// `print(op)`: the NodeDef in protobuf text format.
    static func nodeDefText(_ op: MiniTF.Operation) -> String {
        var s = op.nodeDefText
        for (key, value) in op.attrs.sorted(by: { $0.key > $1.key }) where !key.hasPrefix("_") {
            s += "attr {\n  key: \"\(key)\"\n  value {\n"
            switch value {
            case .type(let t): s += "    type: \(t.protoName)\n"
            case .bool(let b): s += "    b: \(b ? "true" : "false")\n"
            case .int(let i): s += "    i: \(i)\n"
            case .float(let f): s += "    f: \(f)\n"
            case .string(let str): s += "    s: \"\(str)\"\n"
            case .ints(let l):
                s += "    list {\n" + l.map { "      i: \($0)\n" }.joined() + "    }\n"
            case .shape(let sh):
                if let dims = sh.dims {
                    s += "    shape {\n" + dims.map { "      dim {\n        size: \($0 ?? -1)\n      }\n" }.joined() + "    }\n"
                } else {
                    s += "    shape {\n      unknown_rank: true\n    }\n"
                }
            case .tensor(let t):
                s += "    tensor {\n      dtype: \(t.dtype.protoName)\n      tensor_shape {\n"
                s += t.shape.map { "        dim {\n          size: \($0)\n        }\n" }.joined()
                s += "      }\n"
                let key = t.dtype.isFloating ? (t.dtype == .float32 ? "float_val" : "double_val") : (t.dtype == .int64 ? "int64_val" : (t.dtype == .bool ? "bool_val" : "int_val"))
                if t.count == 1 || (op.attr("_scalar_fill") != nil && t.count > 0) {
                    s += "      \(key): \(protoScalar(t.data.first ?? 0, t.dtype))\n"
                } else if t.count > 0 {
                    s += "      tensor_content: \"\(protoBytes(t))\"\n"
                }
                s += "    }\n"
            }
            s += "  }\n}\n"
        }
        return s
    }
}

/// A scalar as protobuf's text format prints it (`2`, `0.5`, `true`).
private func protoScalar(_ v: Double, _ dt: TFDType) -> String {
    switch dt {
    case .bool: return v != 0 ? "true" : "false"
    case .int32, .int64: return String(safeInt(v))
    default:
        var s = NumpyText.shortest(v, float32: dt == .float32)
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }
}

/// `tensor_content`: the little-endian bytes, C-escaped as protobuf's text format does (octal for non-printables).
private func protoBytes(_ t: TFArray) -> String {
    var bytes: [UInt8] = []
    for v in t.data {
        switch t.dtype {
        case .float32: withUnsafeBytes(of: Float(v).bitPattern.littleEndian) { bytes += $0 }
        case .float64: withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 }
        case .int32: withUnsafeBytes(of: Int32(truncatingIfNeeded: Int(v)).littleEndian) { bytes += $0 }
        case .int64: withUnsafeBytes(of: Int64(v).littleEndian) { bytes += $0 }
        case .bool: bytes.append(v != 0 ? 1 : 0)
        case .string: break
        }
    }
    var out = ""
    for b in bytes {
        switch b {
        case 0x22: out += "\\\""
        case 0x27: out += "\\'"
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case 0x20...0x7E: out += String(UnicodeScalar(b))
        default:
            let o = String(b, radix: 8)
            out += "\\" + String(repeating: "0", count: 3 - o.count) + o
        }
    }
    return out
}

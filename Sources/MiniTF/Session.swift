import Foundation

/// Something `Session.run` can fetch: a tensor's value, or an operation (fetched as `None`).
public enum Fetch {
    case tensor(TFTensor)
    case operation(Operation)
}

/// `tf.Session`: holds variable values and evaluates only the subgraph the fetches need.
public final class Session {
    public let graph: Graph
    public private(set) var closed = false
    /// Current value of each variable, keyed by its `VariableV2` op.
    private var variables: [ObjectIdentifier: TFArray] = [:]
    private var rng: SplitMix64
    /// Limit on elements of any intermediate value (the sandbox's size limit).
    public var maxElements = 50_000_000

    public init(graph: Graph = .defaultGraph, seed: UInt64 = 0x5EED) {
        self.graph = graph
        self.rng = SplitMix64(seed: seed)
    }

    public func close() { closed = true }

    /// The value a variable currently holds in this session, if initialised.
    public func value(of v: Variable) -> TFArray? { variables[ObjectIdentifier(v.op)] }

    /// Validates and converts a fed value to the tensor's dtype (`np.asarray(value, dtype=...)`),
    /// then checks its shape against the tensor's static shape with TensorFlow's message.
    public static func prepareFeed(_ t: TFTensor, _ value: TFArray) throws -> TFArray {
        let v = value.cast(to: t.dtype)
        if !t.shape.isCompatible(with: v.shape) {
            throw TFError.valueError("Cannot feed value of shape \(TFShape(known: v.shape)) for Tensor \(t.name), which has shape \(t.shape)")
        }
        return v
    }

    /// The checks `Session.run` makes before looking at its arguments.
    public func checkUsable() throws {
        if closed { throw TFError.runtimeError("Attempted to use a closed Session.") }
        if graph.operations.isEmpty {
            throw TFError.runtimeError("The Session graph is empty. Add operations to the graph before calling run().")
        }
    }

    /// Runs the graph: returns one value per fetch (nil for operations).
    public func run(_ fetches: [Fetch], feeds: [(TFTensor, TFArray)] = []) throws -> [TFArray?] {
        try checkUsable()
        var fed: [ObjectIdentifier: TFArray] = [:]
        for (t, v) in feeds {
            guard t.graph === graph else {
                throw TFError.valueError("Tensor \(t.repr) is not an element of this graph.")
            }
            fed[ObjectIdentifier(t)] = try Session.prepareFeed(t, v)
        }
        for f in fetches {
            let g: Graph
            switch f {
            case .tensor(let t): g = t.graph
            case .operation(let o): g = o.graph
            }
            if g !== graph {
                switch f {
                case .tensor(let t): throw TFError.valueError("Tensor \(t.repr) is not an element of this graph.")
                case .operation(let o): throw TFError.valueError("Operation name: \"\(o.name)\"\nop: \"\(o.type)\" is not an element of this graph.")
                }
            }
        }
        // The execution order depends only on the graph, the fetches and which tensors are fed: cache it,
        // so training loops (`sess.run(train_step, feed_dict=...)` thousands of times) only run kernels.
        // Fed tensors are taken as given: their producers run only if something else needs them.
        let roots: [Operation] = fetches.compactMap { f in
            switch f {
            case .tensor(let t): return fed[ObjectIdentifier(t)] == nil ? t.op : nil
            case .operation(let o): return o
            }
        }
        let key = PlanKey(roots: roots.map { ObjectIdentifier($0) }, fed: Set(fed.keys), opCount: graph.operations.count)
        let plan: [Operation]
        if let p = plans[key] { plan = p } else {
            plan = Session.schedule(roots, fed: fed)
            if plans.count > 256 { plans.removeAll() }
            plans[key] = plan
        }
        var values = [[TFArray]?](repeating: nil, count: graph.operations.count)
        let empty = TFArray(dtype: .float32, shape: [], data: [])
        for op in plan {
            let refConsumer = Session.isRefConsumer(op)
            let inputs: [TFArray] = op.inputs.map { t in
                if let v = fed[ObjectIdentifier(t)] { return v }
                if t.isRef && refConsumer { return empty }
                if let outs = values[t.op.index], t.index < outs.count { return outs[t.index] }
                return empty
            }
            let outs = try kernel(op, inputs: inputs)
            if let big = outs.first(where: { $0.count > maxElements }) {
                throw TFError.resourceExhausted("OOM when allocating tensor with shape\(Kernels.shapeString(big.shape)) (the tensor size limit is \(maxElements) elements)")
            }
            values[op.index] = outs
        }
        var results: [TFArray?] = []
        for f in fetches {
            switch f {
            case .tensor(let t):
                if let v = fed[ObjectIdentifier(t)] { results.append(v); continue }
                guard let outs = values[t.op.index], t.index < outs.count else {
                    throw TFError.invalidArgument("Operation '\(t.op.name)' has no output \(t.index)")
                }
                results.append(outs[t.index])
            case .operation: results.append(nil)
            }
        }
        return results
    }

    struct PlanKey: Hashable {
        let roots: [ObjectIdentifier]
        let fed: Set<ObjectIdentifier>
        let opCount: Int
    }
    private var plans: [PlanKey: [Operation]] = [:]

    static func isRefConsumer(_ op: Operation) -> Bool {
        ["Assign", "AssignAdd", "AssignSub", "ApplyGradientDescent", "IsVariableInitialized"].contains(op.type)
    }

    /// Every op the roots need, each after its inputs and control inputs (control inputs first), once.
    static func schedule(_ roots: [Operation], fed: [ObjectIdentifier: TFArray]) -> [Operation] {
        var order: [Operation] = []
        var scheduled = Set<ObjectIdentifier>()
        var visiting = Set<ObjectIdentifier>()
        for root in roots {
            var stack: [(Operation, Bool)] = [(root, false)]
            while let (op, expanded) = stack.popLast() {
                let id = ObjectIdentifier(op)
                if scheduled.contains(id) { continue }
                if expanded { scheduled.insert(id); order.append(op); continue }
                if visiting.contains(id) { continue }
                visiting.insert(id)
                stack.append((op, true))
                // Data inputs are pushed first so that control inputs run before them: a variable read
                // behind `control_dependencies([update])` sees the update, as with TensorFlow's ref variables.
                let refConsumer = isRefConsumer(op)
                for (i, t) in op.inputs.enumerated().reversed() {
                    if fed[ObjectIdentifier(t)] != nil { continue }
                    if i == 0 && t.isRef && refConsumer && t.op.type == "VariableV2" { continue }
                    if !scheduled.contains(ObjectIdentifier(t.op)) { stack.append((t.op, false)) }
                }
                for c in op.controlInputs.reversed() where !scheduled.contains(ObjectIdentifier(c)) { stack.append((c, false)) }
            }
        }
        return order
    }

    /// The variable op behind a ref input (through `Assign` outputs, which are refs to the same variable).
    func variableOp(_ t: TFTensor) -> Operation? {
        var cur = t
        while true {
            if cur.op.type == "VariableV2" { return cur.op }
            guard ["Assign", "AssignAdd", "AssignSub", "ApplyGradientDescent"].contains(cur.op.type), let r = cur.op.inputs.first else { return nil }
            cur = r
        }
    }

    func readVariable(_ op: Operation) throws -> TFArray {
        guard let v = variables[ObjectIdentifier(op)] else {
            throw TFError.failedPrecondition("Attempting to use uninitialized value \(op.name)")
        }
        return v
    }

    // MARK: kernels

    func kernel(_ op: Operation, inputs x: [TFArray]) throws -> [TFArray] {
        func one(_ a: TFArray) -> [TFArray] { [a] }
        let integer = x.first?.dtype.isInteger ?? false
        switch op.type {
        case "Const":
            guard case .tensor(let v)? = op.attrs["value"] else { throw TFError.invalidArgument("Const without value") }
            return [v]
        case "Placeholder":
            let dt = op.typeAttr("dtype") ?? .float32
            var msg = "You must feed a value for placeholder tensor '\(op.name)' with dtype \(dt.kernelName)"
            if case .shape(let s)? = op.attrs["shape"], s.dims != nil { msg += " and shape \(s.kernelString)" }
            throw TFError.invalidArgument(msg)
        case "VariableV2":
            return [try readVariable(op)]
        case "PlaceholderWithDefault":
            return [x[0]]
        case "Identity", "StopGradient":
            if let r = op.inputs.first, r.isRef, let vop = variableOp(r), x[0].data.isEmpty, !(r.shape.numElements == 0) {
                return [try readVariable(vop)]
            }
            return [x[0]]
        case "NoOp":
            return []
        case "IsVariableInitialized":
            guard let r = op.inputs.first, let vop = variableOp(r) else { throw TFError.invalidArgument("IsVariableInitialized needs a variable") }
            return [TFArray(dtype: .bool, shape: [], data: [variables[ObjectIdentifier(vop)] == nil ? 0 : 1])]
        case "Assign", "AssignAdd", "AssignSub", "ApplyGradientDescent":
            guard let vop = variableOp(op.inputs[0]) else { throw TFError.invalidArgument("\(op.type) needs a variable") }
            let key = ObjectIdentifier(vop)
            var newValue: TFArray
            switch op.type {
            case "Assign":
                newValue = x[1].cast(to: op.inputs[0].dtype)
                if op.boolAttr("validate_shape"), let cur = vop.outputs.first, !cur.shape.isCompatible(with: newValue.shape) {
                    throw TFError.invalidArgument("Assign requires shapes of both tensors to match. lhs shape= \(cur.shape.kernelString) rhs shape= \(Kernels.shapeString(newValue.shape))")
                }
            case "AssignAdd":
                let cur = try readVariable(vop)
                newValue = try Kernels.binary(cur, x[1]) { $0 + $1 }
            case "AssignSub":
                let cur = try readVariable(vop)
                newValue = try Kernels.binary(cur, x[1]) { $0 - $1 }
            default:
                let cur = try readVariable(vop)
                let alpha = x[1].data.first ?? 0
                let step = try Kernels.binary(x[2], TFArray(scalar: alpha, dtype: x[2].dtype)) { $0 * $1 }
                newValue = try Kernels.binary(cur, step) { $0 - $1 }
            }
            if op.type != "Assign" && newValue.shape != (variables[key]?.shape ?? newValue.shape) {
                throw TFError.invalidArgument("Cannot update variable with shape \(Kernels.shapeString(variables[key]?.shape ?? [])) using a Tensor with shape \(Kernels.shapeString(newValue.shape)), shapes must be equal.")
            }
            variables[key] = newValue
            return [newValue]

        // Elementwise binary
        case "AddV2", "Add": return one(try Kernels.binary(x[0], x[1]) { $0 + $1 })
        case "Sub": return one(try Kernels.binary(x[0], x[1]) { $0 - $1 })
        case "Mul": return one(try Kernels.binary(x[0], x[1]) { $0 * $1 })
        case "RealDiv", "Div":
            if integer {
                return one(try Kernels.binary(x[0], x[1]) { a, b in
                    if b == 0 { throw TFError.invalidArgument("Integer division by zero") }
                    return (a / b).rounded(.towardZero)
                })
            }
            return one(try Kernels.binary(x[0], x[1]) { $0 / $1 })
        case "FloorDiv": return one(try Kernels.binary(x[0], x[1]) { try Kernels.floorDiv($0, $1, integer: integer) })
        case "FloorMod": return one(try Kernels.binary(x[0], x[1]) { try Kernels.floorMod($0, $1, integer: integer) })
        case "Maximum": return one(try Kernels.binary(x[0], x[1]) { $0.isNaN || $1.isNaN ? .nan : Swift.max($0, $1) })
        case "Minimum": return one(try Kernels.binary(x[0], x[1]) { $0.isNaN || $1.isNaN ? .nan : Swift.min($0, $1) })
        case "Pow": return one(try Kernels.binary(x[0], x[1]) { Foundation.pow($0, $1) })
        case "SquaredDifference": return one(try Kernels.binary(x[0], x[1]) { ($0 - $1) * ($0 - $1) })
        case "Equal": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 == $1 ? 1 : 0 })
        case "NotEqual": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 != $1 ? 1 : 0 })
        case "Less": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 < $1 ? 1 : 0 })
        case "LessEqual": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 <= $1 ? 1 : 0 })
        case "Greater": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 > $1 ? 1 : 0 })
        case "GreaterEqual": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 >= $1 ? 1 : 0 })
        case "LogicalAnd": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 != 0 && $1 != 0 ? 1 : 0 })
        case "LogicalOr": return one(try Kernels.binary(x[0], x[1], outType: .bool) { $0 != 0 || $1 != 0 ? 1 : 0 })
        case "ReluGrad": return one(try Kernels.binary(x[0], x[1]) { g, f in f > 0 ? g : 0 })
        case "SigmoidGrad": return one(try Kernels.binary(x[0], x[1]) { y, g in g * y * (1 - y) })
        case "TanhGrad": return one(try Kernels.binary(x[0], x[1]) { y, g in g * (1 - y * y) })

        // Elementwise unary
        case "Neg": return one(Kernels.unary(x[0]) { -$0 })
        case "Square": return one(Kernels.unary(x[0]) { $0 * $0 })
        case "Relu": return one(Kernels.unary(x[0]) { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) })
        case "Sigmoid": return one(Kernels.unary(x[0]) { 1 / (1 + Foundation.exp(-$0)) })
        case "Tanh": return one(Kernels.unary(x[0]) { Foundation.tanh($0) })
        case "Exp": return one(Kernels.unary(x[0]) { Foundation.exp($0) })
        case "Log": return one(Kernels.unary(x[0]) { Foundation.log($0) })
        case "Sqrt": return one(Kernels.unary(x[0]) { $0.squareRoot() })
        case "Rsqrt": return one(Kernels.unary(x[0]) { 1 / $0.squareRoot() })
        case "Abs": return one(Kernels.unary(x[0]) { Swift.abs($0) })
        case "Sign": return one(Kernels.unary(x[0]) { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })
        case "Reciprocal": return one(Kernels.unary(x[0]) { 1 / $0 })
        case "Floor": return one(Kernels.unary(x[0]) { $0.rounded(.down) })
        case "LogicalNot": return one(Kernels.unary(x[0]) { $0 == 0 ? 1 : 0 })
        case "ZerosLike": return one(Kernels.unary(x[0]) { _ in 0 })
        case "OnesLike": return one(Kernels.unary(x[0]) { _ in 1 })
        case "Cast":
            return one(x[0].cast(to: op.typeAttr("DstT") ?? x[0].dtype))
        case "AddN":
            var acc = x[0]
            for t in x.dropFirst() { acc = try Kernels.binary(acc, t) { $0 + $1 } }
            return one(acc)
        case "Softmax":
            let a = x[0]
            guard let n = a.shape.last, n > 0 else { return one(a) }
            var out = a.data
            for r in 0..<(a.count / n) {
                let row = a.data[(r * n)..<((r + 1) * n)]
                let m = row.max() ?? 0
                if a.dtype == .float32 {
                    // exp(x - max), summed and divided in float32 like TensorFlow's kernel.
                    let e = row.map { Float(Foundation.exp(Double(Float($0 - m)))) }
                    var s: Float = 0
                    for v in e { s += v }
                    let inv = 1 / s
                    for k in 0..<n { out[r * n + k] = Double(e[k] * inv) }
                } else {
                    let e = row.map { Foundation.exp($0 - m) }
                    let s = e.reduce(0, +)
                    for k in 0..<n { out[r * n + k] = e[k] / s }
                }
            }
            return one(TFArray(dtype: a.dtype, shape: a.shape, data: out))
        case "StridedSlice":
            let a = x[0]
            let begin = op.intsAttr("_begin") ?? [], size = op.intsAttr("_size") ?? [], squeeze = Set(op.intsAttr("_squeeze") ?? [])
            guard begin.count == a.rank, size.count == a.rank else { throw TFError.invalidArgument("slice does not match the input rank") }
            let st = TFArray.strides(a.shape)
            var outData: [Double] = []
            func rec(_ d: Int, _ off: Int) {
                if d == a.rank { outData.append(a.data[off]); return }
                for i in begin[d]..<(begin[d] + size[d]) { rec(d + 1, off + i * st[d]) }
            }
            rec(0, 0)
            let shape = size.enumerated().filter { !squeeze.contains($0.offset) }.map { $0.element }
            return one(TFArray(dtype: a.dtype, shape: shape, data: outData))

        // Linear algebra and reductions
        case "MatMul":
            return one(try Kernels.matmul(x[0], x[1], ta: op.boolAttr("transpose_a"), tb: op.boolAttr("transpose_b")))
        case "Sum":
            return one(try Kernels.reduce(x[0], axes: x[1].ints, keepDims: op.boolAttr("keep_dims"), initial: 0, +))
        case "Mean":
            return one(try Kernels.reduce(x[0], axes: x[1].ints, keepDims: op.boolAttr("keep_dims"), initial: 0, +) { s, n in
                integer ? (n == 0 ? 0 : (s / Double(n)).rounded(.towardZero)) : s / Double(n)
            })
        case "Prod":
            return one(try Kernels.reduce(x[0], axes: x[1].ints, keepDims: op.boolAttr("keep_dims"), initial: 1, *))
        case "Max":
            return one(try Kernels.reduce(x[0], axes: x[1].ints, keepDims: op.boolAttr("keep_dims"), initial: -.infinity) { Swift.max($0, $1) })
        case "Min":
            return one(try Kernels.reduce(x[0], axes: x[1].ints, keepDims: op.boolAttr("keep_dims"), initial: .infinity) { Swift.min($0, $1) })
        case "ArgMax", "ArgMin":
            return one(try Kernels.argReduce(x[0], axis: x[1].ints.first ?? 0, useMax: op.type == "ArgMax"))

        // Shapes
        case "Reshape": return one(try Kernels.reshape(x[0], x[1].ints))
        case "Shape": return one(.int32s(x[0].shape))
        case "ShapeN": return x.map { .int32s($0.shape) }
        case "Size": return one(TFArray(scalar: Double(x[0].count), dtype: .int32))
        case "Rank": return one(TFArray(scalar: Double(x[0].rank), dtype: .int32))
        case "Range":
            let s = x[0].data.first ?? 0, l = x[1].data.first ?? 0, d = x[2].data.first ?? 1
            guard d != 0 else { throw TFError.invalidArgument("Requires delta != 0: 0") }
            var vals: [Double] = []
            var v = s
            while (d > 0 && v < l) || (d < 0 && v > l) {
                vals.append(v)
                v += d
                if vals.count > maxElements { throw TFError.resourceExhausted("range too large") }
            }
            return one(TFArray(dtype: x[0].dtype, shape: [vals.count], data: vals))
        case "Fill":
            let dims = x[0].ints
            if let bad = dims.first(where: { $0 < 0 }) { throw TFError.invalidArgument("dims[0] = \(bad) must be nonnegative.") }
            if dims.safeProduct > maxElements { throw TFError.resourceExhausted("OOM when allocating tensor with shape\(Kernels.shapeString(dims))") }
            return one(.filled(x[1].data.first ?? 0, shape: dims, dtype: x[1].dtype))
        case "Tile": return one(try Kernels.tile(x[0], x[1].ints))
        case "BroadcastTo": return one(try Kernels.broadcastTo(x[0], x[1].ints))
        case "Transpose": return one(try Kernels.transpose(x[0], x[1].ints))
        case "GatherV2":
            return one(try Kernels.gather(x[0], x[1], axis: x[2].ints.first ?? 0, batchDims: op.intAttr("batch_dims") ?? 0))
        case "DynamicStitch":
            let n = op.intAttr("N") ?? (x.count / 2)
            return one(try Kernels.dynamicStitch(indices: Array(x[..<n]), data: Array(x[n...])))
        case "BroadcastGradientArgs":
            let (a, b) = try Kernels.broadcastGradientArgs(x[0].ints, x[1].ints)
            return [a, b]

        // Convolution
        case "Conv2D":
            let g = try Kernels.geometry(input: x[0].shape, filter: x[1].shape, strides: op.intsAttr("strides") ?? [1, 1, 1, 1],
                                         dilations: op.intsAttr("dilations") ?? [1, 1, 1, 1], same: op.stringAttr("padding") == "SAME")
            return one(Kernels.conv2d(x[0], x[1], g))
        case "Conv2DBackpropInput":
            let sizes = x[0].ints
            let g = try Kernels.geometry(input: sizes, filter: x[1].shape, strides: op.intsAttr("strides") ?? [1, 1, 1, 1],
                                         dilations: op.intsAttr("dilations") ?? [1, 1, 1, 1], same: op.stringAttr("padding") == "SAME")
            return one(Kernels.conv2dBackpropInput(inputSizes: sizes, x[1], x[2], g))
        case "Conv2DBackpropFilter":
            let sizes = x[1].ints
            let g = try Kernels.geometry(input: x[0].shape, filter: sizes, strides: op.intsAttr("strides") ?? [1, 1, 1, 1],
                                         dilations: op.intsAttr("dilations") ?? [1, 1, 1, 1], same: op.stringAttr("padding") == "SAME")
            return one(Kernels.conv2dBackpropFilter(x[0], filterSizes: sizes, x[2], g))
        case "ExtractImagePatches":
            return one(try Kernels.extractPatches(x[0], sizes: op.intsAttr("ksizes") ?? [], strides: op.intsAttr("strides") ?? [],
                                                  rates: op.intsAttr("rates") ?? [], same: op.stringAttr("padding") == "SAME"))

        case "ConcatV2":
            return one(try Kernels.concat(Array(x.dropLast()), axis: x.last?.ints.first ?? 0))
        case "Pack":
            let axis = op.intAttr("axis") ?? 0
            let parts = try x.map { a -> TFArray in
                guard a.shape == x[0].shape else {
                    throw TFError.invalidArgument("Shapes of all inputs must match: values[0].shape = \(Kernels.shapeString(x[0].shape)) != values[1].shape = \(Kernels.shapeString(a.shape))")
                }
                var s = a.shape
                s.insert(1, at: axis < 0 ? axis + a.rank + 1 : axis)
                return a.reshaped(s)
            }
            return one(try Kernels.concat(parts, axis: axis < 0 ? axis + x[0].rank + 1 : axis))
        case "ExpandDims":
            var s = x[0].shape
            let a = x[1].ints.first ?? 0
            s.insert(1, at: a < 0 ? a + s.count + 1 : a)
            return one(x[0].reshaped(s))
        case "Squeeze":
            let dims = op.intsAttr("squeeze_dims") ?? []
            let r = x[0].rank
            let drop = Set(dims.map { $0 < 0 ? $0 + r : $0 })
            for d in drop where d < r && x[0].shape[d] != 1 {
                throw TFError.invalidArgument("Can not squeeze dim[\(d)], expected a dimension of 1, got \(x[0].shape[d])")
            }
            let s = x[0].shape.enumerated().filter { dims.isEmpty ? $0.element != 1 : !drop.contains($0.offset) }.map { $0.element }
            return one(x[0].reshaped(s))
        case "GatherNd": return one(try Kernels.gatherND(x[0], x[1]))
        case "MaxPool", "AvgPool":
            return one(try Kernels.pool(x[0], ksize: op.intsAttr("ksize") ?? [], strides: op.intsAttr("strides") ?? [],
                                        same: op.stringAttr("padding") == "SAME", max: op.type == "MaxPool"))

        // Random
        case "RandomUniform", "TruncatedNormal", "RandomStandardNormal":
            let shape = x[0].ints
            let n = shape.safeProduct
            if n > maxElements { throw TFError.resourceExhausted("OOM when allocating tensor with shape\(Kernels.shapeString(shape))") }
            let dt = op.typeAttr("dtype") ?? .float32
            var data = [Double](repeating: 0, count: n)
            for i in 0..<n {
                switch op.type {
                case "RandomUniform": data[i] = dt.normalize(rng.nextUniform())
                case "TruncatedNormal":
                    var v = rng.nextNormal()
                    while Swift.abs(v) > 2 { v = rng.nextNormal() }
                    data[i] = dt.normalize(v)
                default: data[i] = dt.normalize(rng.nextNormal())
                }
            }
            return one(TFArray(dtype: dt, shape: shape, data: data))
        default:
            throw TFError.unimplemented("MiniTF has no kernel for op type \(op.type) (node \(op.name))")
        }
    }
}

/// A small deterministic generator for the random ops (TensorFlow's Philox streams are not reproduced).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func nextUniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func nextNormal() -> Double {
        let u1 = Swift.max(nextUniform(), 1e-300), u2 = nextUniform()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}

/// Symbolic differentiation: `tf.gradients` adds gradient ops to the graph, under `gradients/<op>_grad/`,
/// following the structure of TensorFlow's registered gradient functions so the same ops (and names)
/// appear as in TensorFlow.
extension Graph {
    /// `tf.gradients(ys, xs, grad_ys=None, gate_gradients=False)`: one gradient tensor (or nil) per x.
    public func gradients(_ ys: [TFTensor], _ xs: [TFTensor], gradYs: [TFTensor?]? = nil, gateGradients: Bool = false,
                          name: String? = nil) throws -> [TFTensor?] {
        let (old, _) = try pushNameScope(name ?? "gradients")
        defer { popNameScope(to: old) }

        // Default grad_ys: ones shaped like each y.
        var initial: [TFTensor] = []
        for (i, y) in ys.enumerated() {
            if let g = gradYs?[safe: i] ?? nil { initial.append(g); continue }
            if !y.dtype.isFloating {
                throw TFError.typeError("Gradients of \(y.dtype.name) tensors are not supported: \(y.repr)")
            }
            let s = try shape(y)
            initial.append(try onesFromShape(s, dtype: y.dtype, name: "grad_ys_\(i)"))
        }

        let toOps = ys.map { $0.op }
        let fromOps = xs.map { $0.op }
        let xsSet = Set(xs.map { ObjectIdentifier($0) })

        // Ops reachable from xs through trainable (floating) tensors.
        var reached = Set<ObjectIdentifier>()
        var queue = fromOps
        var qi = 0
        while qi < queue.count {
            let op = queue[qi]; qi += 1
            if reached.insert(ObjectIdentifier(op)).inserted {
                for out in op.outputs where out.dtype.isFloating {
                    for c in out.consumers { queue.append(c) }
                }
            }
        }
        let reachableToOps = Set(toOps.filter { reached.contains(ObjectIdentifier($0)) }.map { ObjectIdentifier($0) })

        // Ops between xs and ys.
        var between = Set<ObjectIdentifier>()
        var betweenList: [Operation] = []
        var q2 = toOps
        qi = 0
        var remaining = reached
        while qi < q2.count {
            let op = q2[qi]; qi += 1
            if remaining.contains(ObjectIdentifier(op)) {
                between.insert(ObjectIdentifier(op))
                betweenList.append(op)
                remaining.remove(ObjectIdentifier(op))
                for inp in op.inputs { q2.append(inp.op) }
            }
        }
        var pending: [ObjectIdentifier: Int] = [:]
        for op in betweenList {
            for x in op.inputs where between.contains(ObjectIdentifier(x.op)) {
                pending[ObjectIdentifier(x.op), default: 0] += 1
            }
        }

        var grads: [ObjectIdentifier: [[TFTensor]]] = [:]
        func setGrad(_ t: TFTensor, _ g: TFTensor) {
            var list = grads[ObjectIdentifier(t.op)] ?? Array(repeating: [], count: t.op.outputs.count)
            list[t.index].append(g)
            grads[ObjectIdentifier(t.op)] = list
        }
        for (y, g) in zip(ys, initial) { setGrad(y, g) }

        var work: [Operation] = []
        var seenTo = Set<ObjectIdentifier>()
        for op in toOps where (pending[ObjectIdentifier(op)] ?? 0) == 0 && reachableToOps.contains(ObjectIdentifier(op)) {
            if seenTo.insert(ObjectIdentifier(op)).inserted { work.append(op) }
        }
        var stopOps = Set<ObjectIdentifier>()
        for op in fromOps {
            if !op.inputs.contains(where: { (pending[ObjectIdentifier($0.op)] ?? 0) > 0 }) { stopOps.insert(ObjectIdentifier(op)) }
        }

        var wi = 0
        while wi < work.count {
            let op = work[wi]; wi += 1
            let id = ObjectIdentifier(op)
            // Aggregate the gradients of each output (AddN when several paths meet).
            var outGrads: [TFTensor?] = []
            let lists = grads[id] ?? Array(repeating: [], count: op.outputs.count)
            for l in lists {
                if l.isEmpty { outGrads.append(nil) } else if l.count == 1 { outGrads.append(l[0]) } else {
                    outGrads.append(try addN(l))
                }
            }
            grads[id] = outGrads.map { $0.map { [$0] } ?? [] }
            let hasOutGrads = outGrads.contains { $0 != nil }
            var inGrads: [TFTensor?] = Array(repeating: nil, count: op.inputs.count)
            if hasOutGrads && !stopOps.contains(id) && !xsSetContainsOutput(op, xsSet) {
                guard let fn = GradientRegistry.function(for: op.type) else {
                    if GradientRegistry.notDifferentiable.contains(op.type) {
                        inGrads = Array(repeating: nil, count: op.inputs.count)
                        try enqueueInputs(op)
                        continue
                    }
                    throw TFError.lookupError("No gradient defined for operation '\(op.name)' (op type: \(op.type)). In general every operation must have an associated `@tf.RegisterGradient` for correct autodiff, which this op is lacking. If you want to pretend this operation is a constant in your program, you may insert `tf.stop_gradient`. This can be useful to, e.g., prevent taking gradients of a random sampling operation.")
                }
                let (o2, _) = try pushNameScope(op.name + "_grad")
                do {
                    let filled = outGrads
                    inGrads = try fn(self, op, filled)
                    if gateGradients && inGrads.compactMap({ $0 }).count > 1 {
                        inGrads = try tuple(inGrads)
                    }
                } catch {
                    popNameScope(to: o2)
                    throw error
                }
                popNameScope(to: o2)
            }
            for (i, t) in op.inputs.enumerated() {
                guard i < inGrads.count, let g = inGrads[i] else { continue }
                if let m = g.shape.merged(with: t.shape) { g.shape = m }
                setGrad(t, g)
            }
            try enqueueInputs(op)
        }

        func enqueueInputs(_ op: Operation) throws {
            for x in op.inputs {
                let k = ObjectIdentifier(x.op)
                pending[k, default: 0] -= 1
                if pending[k] == 0 { work.append(x.op) }
            }
        }

        return xs.map { x in
            guard let l = grads[ObjectIdentifier(x.op)], x.index < l.count, let g = l[x.index].first else { return nil }
            return g
        }
    }

    private func xsSetContainsOutput(_ op: Operation, _ xs: Set<ObjectIdentifier>) -> Bool { false }

    /// `control_flow_ops.tuple`: gates a list of gradients behind a `group_deps` NoOp, each passed
    /// through an `Identity` named `control_dependency`, `control_dependency_1`…
    func tuple(_ tensors: [TFTensor?]) throws -> [TFTensor?] {
        let (old, _) = try pushNameScope("tuple")
        defer { popNameScope(to: old) }
        let gate = try group(tensors.compactMap { $0?.op })
        return try tensors.map { t in
            guard let t = t else { return nil }
            let (o2, scope) = try pushNameScope("control_dependency")
            defer { popNameScope(to: o2) }
            pushControlDependencies([gate])
            defer { popControlDependencies() }
            return addOperation(type: "Identity", name: String(scope.dropLast()), inputs: [t], attrs: ["T": .type(t.dtype)],
                                outputs: [(t.dtype, t.shape, false)]).outputs[0]
        }
    }

    /// `array_ops.ones(shape_tensor, dtype, name)`: `<name>/Const` and a `Fill` named after the scope.
    func onesFromShape(_ shape: TFTensor, dtype: TFDType, name: String) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name)
        defer { popNameScope(to: old) }
        let one = constant(TFArray(scalar: 1, dtype: dtype), name: "Const")
        let (o2, _) = try pushNameScope(scope)
        defer { popNameScope(to: o2) }
        var out: TFShape = .unknown
        if let v = constantValue(shape) { out = TFShape(known: v.ints) } else if let n = shape.shape.known?.first {
            out = TFShape(Array(repeating: nil, count: n))
        }
        return addOperation(type: "Fill", name: String(scope.dropLast()), inputs: [shape, one],
                            attrs: ["T": .type(dtype), "index_type": .type(.int32)], outputs: [(dtype, out, false)]).outputs[0]
    }
}

extension Array {
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

typealias GradFn = (Graph, Operation, [TFTensor?]) throws -> [TFTensor?]

/// TensorFlow's registered gradients for the op types MiniTF builds.
enum GradientRegistry {
    static let notDifferentiable: Set<String> = [
        "Const", "Placeholder", "VariableV2", "Shape", "ShapeN", "Size", "Rank", "Range", "Fill", "ZerosLike", "OnesLike",
        "Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual", "ArgMax", "ArgMin", "FloorDiv",
        "RandomUniform", "TruncatedNormal", "RandomStandardNormal", "BroadcastGradientArgs", "NoOp", "Assign",
        "AssignAdd", "AssignSub", "StopGradient",
    ]

    static func function(for type: String) -> GradFn? {
        switch type {
        case "Identity", "PlaceholderWithDefault": return { _, _, g in [g[0]] }
        case "AddN": return { _, op, g in Array(repeating: g[0], count: op.inputs.count) }
        case "Neg": return { gr, _, g in [try gr.unary("Neg", .tensor(g[0]!))] }
        case "AddV2", "Add": return addGrad(negate: false)
        case "Sub": return addGrad(negate: true)
        case "Mul": return mulGrad
        case "RealDiv": return realDivGrad
        case "Square": return squareGrad
        case "Relu":
            return { gr, op, g in
                [try gr.apply("ReluGrad", name: nil, args: [("gradients", .tensor(g[0]!), .T), ("features", .tensor(op.outputs[0]), .T)],
                              infer: ShapeFns.unary).outputs[0]]
            }
        case "Sigmoid", "Tanh":
            return { gr, op, g in
                [try gr.apply(type + "Grad", name: nil, args: [("y", .tensor(op.outputs[0]), .T), ("dy", .tensor(g[0]!), .T)],
                              infer: ShapeFns.unary).outputs[0]]
            }
        case "Exp":
            return { gr, op, g in [try gr.operatorBinary("Mul", .tensor(g[0]!), .tensor(op.outputs[0]), opName: "mul")] }
        case "Log":
            return { gr, op, g in
                let r = try gr.unary("Reciprocal", .tensor(op.inputs[0]))
                return [try gr.operatorBinary("Mul", .tensor(g[0]!), .tensor(r), opName: "mul")]
            }
        case "Cast":
            return { gr, op, g in
                guard op.inputs[0].dtype.isFloating, op.outputs[0].dtype.isFloating else { return [nil] }
                return [try gr.cast(g[0]!, to: op.inputs[0].dtype)]
            }
        case "MatMul": return matmulGrad
        case "Sum": return { gr, op, g in try sumGrad(gr, op, g[0]!) }
        case "Mean": return meanGrad
        case "Reshape":
            return { gr, op, g in
                let s = try gr.shape(op.inputs[0])
                return [try gr.reshape(.tensor(g[0]!), .tensor(s)), nil]
            }
        case "Conv2D": return conv2dGrad
        default: return nil
        }
    }

    /// `SmartBroadcastGradientArgs` + `_ReduceGradientArg` for both inputs.
    static func reduceGradientArgs(_ gr: Graph, _ x: TFTensor, _ y: TFTensor, _ gx: TFTensor?, _ gy: TFTensor?) throws -> [TFTensor?] {
        guard gx != nil || gy != nil else { return [gx, gy] }
        let xs = try gr.shape(x)
        let ys = try gr.shape(y)
        var xAxes: TFOperand?, yAxes: TFOperand?
        var xMust = true, yMust = true
        if let (ax, ay) = inferReductionAxes(x.shape, y.shape) {
            xAxes = .literal(.int32s(ax)); yAxes = .literal(.int32s(ay))
            xMust = !ax.isEmpty || (x.shape.rank ?? 0) < (y.shape.rank ?? 0)
            yMust = !ay.isEmpty || (y.shape.rank ?? 0) < (x.shape.rank ?? 0)
        } else {
            let op = try gr.apply("BroadcastGradientArgs", name: nil, args: [("s0", .tensor(xs), .index), ("s1", .tensor(ys), .index)]) { _ in
                [(.int32, TFShape([nil])), (.int32, TFShape([nil]))]
            }
            xAxes = .tensor(op.outputs[0]); yAxes = .tensor(op.outputs[1])
        }
        func reduce(_ g: TFTensor?, _ shape: TFTensor, _ axes: TFOperand?, _ must: Bool) throws -> TFTensor? {
            guard let g = g, must, let axes = axes else { return g }
            let s = try gr.reduce("Sum", .tensor(g), axis: axes, keepDims: true)
            return try gr.reshape(.tensor(s), .tensor(shape))
        }
        return [try reduce(gx, xs, xAxes, xMust), try reduce(gy, ys, yAxes, yMust)]
    }

    static func inferReductionAxes(_ a: TFShape, _ b: TFShape) -> ([Int], [Int])? {
        guard let x = a.dims, let y = b.dims else { return nil }
        let n = max(x.count, y.count)
        var ax: [Int] = [], ay: [Int] = []
        for i in 0..<n {
            let dx: Int? = i < n - x.count ? 1 : x[i - (n - x.count)]
            let dy: Int? = i < n - y.count ? 1 : y[i - (n - y.count)]
            if dx == 1 && dy != 1 { ax.append(i) } else if dy == 1 && dx != 1 { ay.append(i) } else if dx == nil || dy == nil { return nil }
        }
        return (ax, ay)
    }

    static func sameFullShapes(_ x: TFTensor, _ y: TFTensor, _ g: TFTensor) -> Bool {
        x.shape == y.shape && x.shape == g.shape && x.shape.isFullyDefined
    }

    static func addGrad(negate: Bool) -> GradFn {
        return { gr, op, g in
            let grad = g[0]!
            let x = op.inputs[0], y = op.inputs[1]
            if sameFullShapes(x, y, grad) {
                return [grad, negate ? try gr.unary("Neg", .tensor(grad)) : grad]
            }
            let gy = negate ? try gr.unary("Neg", .tensor(grad)) : grad
            return try reduceGradientArgs(gr, x, y, grad, gy)
        }
    }

    static let mulGrad: GradFn = { gr, op, g in
        let grad = g[0]!
        let x = op.inputs[0], y = op.inputs[1]
        if sameFullShapes(x, y, grad) && (grad.dtype == .float32 || grad.dtype == .int32) {
            return [try gr.binary("Mul", .tensor(grad), .tensor(y)), try gr.binary("Mul", .tensor(grad), .tensor(x))]
        }
        let gx = try gr.binary("Mul", .tensor(grad), .tensor(y))
        let gy = try gr.binary("Mul", .tensor(x), .tensor(grad))
        return try reduceGradientArgs(gr, x, y, gx, gy)
    }

    static let realDivGrad: GradFn = { gr, op, g in
        let grad = g[0]!
        let x = op.inputs[0], y = op.inputs[1]
        let gx = try gr.binary("RealDiv", .tensor(grad), .tensor(y), defaultName: "RealDiv")
        let negx = try gr.unary("Neg", .tensor(x))
        let d1 = try gr.binary("RealDiv", .tensor(negx), .tensor(y), defaultName: "RealDiv")
        let d2 = try gr.binary("RealDiv", .tensor(d1), .tensor(y), defaultName: "RealDiv")
        let gy = try gr.operatorBinary("Mul", .tensor(grad), .tensor(d2), opName: "mul")
        return try reduceGradientArgs(gr, x, y, gx, gy)
    }

    static let squareGrad: GradFn = { gr, op, g in
        let grad = g[0]!
        let x = op.inputs[0]
        gr.pushControlDependencies([grad.op])
        defer { gr.popControlDependencies() }
        let two = gr.constant(TFArray(scalar: 2, dtype: x.dtype), name: "Const")
        let x2 = try gr.binary("Mul", .tensor(x), .tensor(two))
        return [try gr.binary("Mul", .tensor(grad), .tensor(x2))]
    }

    static let matmulGrad: GradFn = { gr, op, g in
        let grad = g[0]!
        let ta = op.boolAttr("transpose_a"), tb = op.boolAttr("transpose_b")
        let a = op.inputs[0], b = op.inputs[1]
        switch (ta, tb) {
        case (false, false):
            return [try gr.matmul(.tensor(grad), .tensor(b), transposeB: true, gradA: true),
                    try gr.matmul(.tensor(a), .tensor(grad), transposeA: true, gradB: true)]
        case (false, true):
            return [try gr.matmul(.tensor(grad), .tensor(b), gradA: true),
                    try gr.matmul(.tensor(grad), .tensor(a), transposeA: true, gradB: true)]
        case (true, false):
            return [try gr.matmul(.tensor(b), .tensor(grad), transposeB: true, gradA: true),
                    try gr.matmul(.tensor(a), .tensor(grad), gradB: true)]
        case (true, true):
            return [try gr.matmul(.tensor(b), .tensor(grad), transposeA: true, transposeB: true, gradA: true),
                    try gr.matmul(.tensor(grad), .tensor(a), transposeA: true, transposeB: true, gradB: true)]
        }
    }

    /// `math_ops.reduced_shape(input_shape, axes)`: static when both are constant, else DynamicStitch.
    static func reducedShape(_ gr: Graph, _ inputShape: TFTensor, _ axes: TFTensor) throws -> TFOperand {
        if let s = constantValue(inputShape), let a = constantValue(axes) {
            var v = s.ints
            for ax in a.ints { let k = ax < 0 ? ax + v.count : ax; if k >= 0 && k < v.count { v[k] = 1 } }
            return .literal(.int32s(v))
        }
        let rank = try gr.size(inputShape)
        let sum = try gr.operatorBinary("AddV2", .tensor(axes), .tensor(rank), opName: "add")
        let ax = try gr.operatorBinary("FloorMod", .tensor(sum), .tensor(rank), opName: "mod")
        let axesShape = try gr.shape(ax)
        let r = try gr.range(start: .literal(TFArray(scalar: 0, dtype: .int32)), limit: .tensor(rank), delta: .literal(TFArray(scalar: 1, dtype: .int32)))
        let ones = try gr.onesFromShape(axesShape, dtype: .int32, name: "ones")
        return .tensor(try gr.dynamicStitch(indices: [r, ax], data: [inputShape, ones]))
    }

    static func sumGrad(_ gr: Graph, _ op: Operation, _ gradIn: TFTensor) throws -> [TFTensor?] {
        var grad = gradIn
        let input = op.inputs[0]
        if let dims = input.shape.dims, let axes = constantValue(op.inputs[1]) {
            let rank = dims.count
            let ax = axes.ints.map { $0 < 0 ? $0 + rank : $0 }
            if ax == Array(0..<rank) {
                grad = try gr.reshape(.tensor(grad), .literal(.int32s(Array(repeating: 1, count: rank))))
                let inputShape: TFTensor
                if let k = input.shape.known { inputShape = gr.constant(.int32s(k), name: "Const") } else { inputShape = try gr.shape(input) }
                return [try gr.tile(.tensor(grad), .tensor(inputShape)), nil]
            } else if let k = input.shape.known {
                var kept = k
                for a in ax where a >= 0 && a < rank { kept[a] = 1 }
                let scaling = zip(k, kept).map { $0 / Swift.max($1, 1) }
                grad = try gr.reshape(.tensor(grad), .literal(.int32s(kept)))
                return [try gr.tile(.tensor(grad), .literal(.int32s(scaling))), nil]
            }
        }
        let inputShape = try gr.shape(input)
        if !op.boolAttr("keep_dims") {
            let kept = try reducedShape(gr, inputShape, op.inputs[1])
            grad = try gr.reshape(.tensor(grad), kept)
        }
        return [try gr.broadcastTo(.tensor(grad), .tensor(inputShape)), nil]
    }

    static let meanGrad: GradFn = { gr, op, g in
        guard let sumGradient = try sumGrad(gr, op, g[0]!)[0] else { return [nil, nil] }
        let factor: TFTensor
        if let i = op.inputs[0].shape.known, let o = op.outputs[0].shape.known {
            let f = i.safeProduct / Swift.max(o.safeProduct, 1)
            factor = gr.constant(TFArray(scalar: Double(f), dtype: sumGradient.dtype), name: "Const")
        } else {
            let inputShape = try gr.shape(op.inputs[0])
            let rank = try gr.size(inputShape)
            let axes = try gr.cast(op.inputs[1], to: rank.dtype)
            let sum = try gr.operatorBinary("AddV2", .tensor(axes), .tensor(rank), opName: "add")
            let ax = try gr.operatorBinary("FloorMod", .tensor(sum), .tensor(rank), opName: "mod")
            let picked = try gr.gather(.tensor(inputShape), .tensor(ax), axis: nil)
            factor = try gr.reduce("Prod", .tensor(picked), axis: nil)
        }
        let f = try gr.cast(factor, to: sumGradient.dtype)
        return [try gr.trueDivide(.tensor(sumGradient), .tensor(f), name: nil), nil]
    }

    static let conv2dGrad: GradFn = { gr, op, g in
        let grad = g[0]!
        let shapes = try gr.apply("ShapeN", name: nil, args: [("input", .tensor(op.inputs[0]), .T), ("input", .tensor(op.inputs[1]), .T)],
                                  attrs: ["N": .int(2), "out_type": .type(.int32)]) { ctx in
            [(.int32, TFShape([ctx.input(0).shape.rank])), (.int32, TFShape([ctx.input(1).shape.rank]))]
        }
        var attrs = op.attrs
        attrs["T"] = nil
        let dx = try gr.apply("Conv2DBackpropInput", name: nil,
                              args: [("input_sizes", .tensor(shapes.outputs[0]), .fixed(.int32)), ("filter", .tensor(op.inputs[1]), .T),
                                     ("out_backprop", .tensor(grad), .T)], attrs: attrs) { _ in
            [(grad.dtype, op.inputs[0].shape)]
        }
        let df = try gr.apply("Conv2DBackpropFilter", name: nil,
                              args: [("input", .tensor(op.inputs[0]), .T), ("filter_sizes", .tensor(shapes.outputs[1]), .fixed(.int32)),
                                     ("out_backprop", .tensor(grad), .T)], attrs: attrs) { _ in
            [(grad.dtype, op.inputs[1].shape)]
        }
        return [dx.outputs[0], df.outputs[0]]
    }
}

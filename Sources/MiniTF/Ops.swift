/// Op builders: one function per TF1 API entry, with TensorFlow's default op names and op types.
extension Graph {
    // MARK: sources

    /// `tf.placeholder(dtype, shape, name)`.
    public func placeholder(_ dtype: TFDType, shape: TFShape = .unknown, name: String? = nil) throws -> TFTensor {
        let opName = try pushNameScope(name ?? "Placeholder")
        defer { popNameScope(to: opName.previous) }
        return addOperation(type: "Placeholder", name: String(opName.scope.dropLast()), inputs: [],
                            attrs: ["dtype": .type(dtype), "shape": .shape(shape)],
                            outputs: [(dtype, shape, false)]).outputs[0]
    }

    /// `tf.placeholder_with_default(input, shape)` (`PlaceholderWithDefault`): the input's value unless the
    /// output is fed; its static shape is `shape`, which must be compatible with the input's.
    public func placeholderWithDefault(_ input: TFOperand, shape: TFShape, name: String? = nil) throws -> TFTensor {
        let op = try apply("PlaceholderWithDefault", name: name, args: [("input", input, .T)], attrs: ["shape": .shape(shape)]) { ctx in
            let dt = ctx.input(0).dtype
            let named = ShapeContext(type: ctx.type, name: ctx.name, inputs: ctx.inputs, attrs: ["dtype": .type(dt), "shape": .shape(shape)])
            guard ctx.input(0).shape.merged(with: shape) != nil else { throw named.fail(ctx.input(0).shape.mergeError(with: shape)) }
            return [(dt, shape)]
        }
        op.attrs["T"] = nil
        op.attrs["dtype"] = .type(op.outputs[0].dtype)
        return op.outputs[0]
    }

    /// `tf.zeros(shape)` / `tf.ones(shape)`: a `Const` below 1000 elements, else `Fill`.
    public func filled(_ value: Double, shape: [Int], dtype: TFDType, name: String?, defaultName: String) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? defaultName)
        defer { popNameScope(to: old) }
        let opName = String(scope.dropLast())
        if shape.safeProduct < 1000 {
            return addOperation(type: "Const", name: opName, inputs: [],
                                attrs: ["value": .tensor(.filled(value, shape: shape, dtype: dtype)), "dtype": .type(dtype), "_scalar_fill": .bool(true)],
                                outputs: [(dtype, TFShape(known: shape), false)]).outputs[0]
        }
        let dims = constant(.int32s(shape), name: "shape_as_tensor")
        let v = constant(TFArray(scalar: value, dtype: dtype), name: "Const")
        return addOperation(type: "Fill", name: opName, inputs: [dims, v], attrs: ["T": .type(dtype), "index_type": .type(.int32)],
                            outputs: [(dtype, TFShape(known: shape), false)]).outputs[0]
    }
    public func zeros(_ shape: [Int], dtype: TFDType = .float32, name: String? = nil) throws -> TFTensor {
        try filled(0, shape: shape, dtype: dtype, name: name, defaultName: "zeros")
    }
    public func ones(_ shape: [Int], dtype: TFDType = .float32, name: String? = nil) throws -> TFTensor {
        try filled(1, shape: shape, dtype: dtype, name: name, defaultName: "ones")
    }
    /// `tf.zeros_like(x)` / `tf.ones_like(x)`.
    public func zerosLike(_ x: TFTensor, name: String? = nil) throws -> TFTensor {
        try apply("ZerosLike", name: name, defaultName: "zeros_like", args: [("x", .tensor(x), .T)], infer: ShapeFns.unary).outputs[0]
    }
    public func onesLike(_ x: TFTensor, name: String? = nil) throws -> TFTensor {
        if let k = x.shape.known { return try ones(k, dtype: x.dtype, name: name ?? "ones_like") }
        let (old, _) = try pushNameScope(name ?? "ones_like")
        defer { popNameScope(to: old) }
        let s = try shape(x)
        return try fill(.tensor(s), value: .array(TFArray(scalar: 1, dtype: x.dtype)), name: nil)
    }

    /// `tf.fill(dims, value)`.
    public func fill(_ dims: TFOperand, value: TFOperand, name: String? = nil) throws -> TFTensor {
        try apply("Fill", name: name, args: [("dims", dims, .index), ("value", value, .T)]) { ctx in
            let dt = ctx.input(1).dtype
            if let v = constantValue(ctx.input(0)) { return [(dt, TFShape(known: v.ints))] }
            if let n = ctx.input(0).shape.known?.first { return [(dt, TFShape(Array(repeating: nil, count: n)))] }
            return [(dt, .unknown)]
        }.outputs[0]
    }

    // MARK: arithmetic

    /// A broadcasting binary op: `tf.add` (`AddV2`, default name `Add`), `x + y` (name `add`), etc.
    public func binary(_ type: String, _ x: TFOperand, _ y: TFOperand, name: String? = nil, defaultName: String? = nil) throws -> TFTensor {
        let compare = ["Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual"].contains(type)
        let y = type == "AddV2" ? preferring(y, operandDType(x), name: "y") : y
        return try apply(type, name: name, defaultName: defaultName ?? type, args: [("x", x, .T), ("y", y, .T)],
                         infer: compare ? ShapeFns.comparison : ShapeFns.binary).outputs[0]
    }
    /// `x op y` as the Tensor operator overloads build it (`mul`, `add`, `sub`, `truediv`…): the Python
    /// value on the other side is converted inside the op's name scope as `y` (or `x` when reflected).
    public func operatorBinary(_ type: String, _ x: TFOperand, _ y: TFOperand, opName: String) throws -> TFTensor {
        // The tensor operand fixes the dtype even when it is on the right (reflected operators).
        var hint: TFDType?
        if x.tensor == nil, let t = y.tensor { hint = t.dtype }
        if type == "RealDiv" || type == "truediv" {
            return try trueDivide(x, y, name: nil, defaultName: opName, hint: hint)
        }
        let compare = ["Equal", "NotEqual", "Less", "LessEqual", "Greater", "GreaterEqual"].contains(type)
        // `x + y` runs `tf.add`, which converts y with x's dtype as a hint; reflected operators convert strictly.
        let y = type == "AddV2" && hint == nil ? preferring(y, operandDType(x), name: "y") : y
        return try apply(type, name: nil, defaultName: opName, args: [("x", x, .T), ("y", y, .T)], typeHint: hint,
                         infer: compare ? ShapeFns.comparison : ShapeFns.binary).outputs[0]
    }

    /// `tf.divide` / `x / y`: `RealDiv` for floats; integers are cast to float64 first.
    public func trueDivide(_ x: TFOperand, _ y: TFOperand, name: String?, defaultName: String = "truediv", hint: TFDType? = nil) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? defaultName)
        defer { popNameScope(to: old) }
        var xt = try convert(x, dtype: hint, name: "x")
        var yt = try convert(preferring(y, xt.dtype, name: "y"), dtype: xt.dtype, name: "y")
        if xt.dtype != yt.dtype {
            throw TFError.typeError("`x` and `y` must have the same dtype, got tf.\(xt.dtype.name) != tf.\(yt.dtype.name).")
        }
        if xt.dtype.isInteger {
            let target: TFDType = .float64
            xt = try cast(xt, to: target, name: nil)
            yt = try cast(yt, to: target, name: nil)
        }
        // Name the RealDiv after the scope itself.
        popNameScope(to: old)
        let (o2, _) = try pushNameScope(scope)
        defer { popNameScope(to: o2) }
        let ctx = ShapeContext(type: "RealDiv", name: String(scope.dropLast()), inputs: [xt, yt], attrs: ["T": .type(xt.dtype)])
        let outs = try ShapeFns.binary(ctx)
        return addOperation(type: "RealDiv", name: String(scope.dropLast()), inputs: [xt, yt], attrs: ["T": .type(xt.dtype)],
                            outputs: [(outs[0].0, outs[0].1, false)]).outputs[0]
    }

    /// A unary elementwise op (`Neg`, `Square`, `Relu`, `Sigmoid`, `Tanh`, `Exp`, `Log`, `Sqrt`, `Abs`, `Identity`…).
    public func unary(_ type: String, _ x: TFOperand, name: String? = nil, defaultName: String? = nil, argName: String = "x") throws -> TFTensor {
        try apply(type, name: name, defaultName: defaultName ?? type, args: [(argName, x, .T)], infer: ShapeFns.unary).outputs[0]
    }

    /// `tf.identity`.
    public func identity(_ x: TFOperand, name: String? = nil) throws -> TFTensor {
        try apply("Identity", name: name, args: [("input", x, .T)], infer: ShapeFns.unary).outputs[0]
    }

    /// `tf.cast` (returns `x` itself when the dtype already matches).
    public func cast(_ x: TFTensor, to dtype: TFDType, name: String? = nil) throws -> TFTensor {
        if x.dtype == dtype { return x }
        return try apply("Cast", name: name, args: [("x", .tensor(x), .T)],
                         attrs: ["SrcT": .type(x.dtype), "DstT": .type(dtype), "Truncate": .bool(false)]) { ctx in
            [(dtype, ctx.input(0).shape)]
        }.outputs[0]
    }

    /// `tf.add_n`.
    public func addN(_ xs: [TFTensor], name: String? = nil) throws -> TFTensor {
        guard let first = xs.first else { throw TFError.valueError("inputs must be a list of at least one Tensor with the same dtype and shape") }
        if xs.count == 1 { return try identity(.tensor(first), name: name) }
        let args = xs.enumerated().map { ("inputs", TFOperand.tensor($0.element), ArgType.T) }
        return try apply("AddN", name: name, args: args, attrs: ["N": .int(xs.count)]) { ctx in
            var s = ctx.input(0).shape
            for t in ctx.inputs.dropFirst() { s = s.merged(with: t.shape) ?? s }
            return [(ctx.input(0).dtype, s)]
        }.outputs[0]
    }

    /// `tf.matmul(a, b, transpose_a, transpose_b)` (`MatMul`).
    public func matmul(_ a: TFOperand, _ b: TFOperand, transposeA: Bool = false, transposeB: Bool = false,
                       name: String? = nil, defaultName: String = "MatMul", gradA: Bool = false, gradB: Bool = false) throws -> TFTensor {
        try apply("MatMul", name: name, defaultName: defaultName, args: [("a", a, .T), ("b", preferring(b, operandDType(a), name: "b"), .T)],
                  attrs: ["transpose_a": .bool(transposeA), "transpose_b": .bool(transposeB),
                          "grad_a": .bool(gradA), "grad_b": .bool(gradB)]) { ctx in
            try ShapeFns.matmul(ctx, transposeA: transposeA, transposeB: transposeB)
        }.outputs[0]
    }

    // MARK: reductions

    /// The reduction axes of `reduce_*` with `axis=None`: a `Const` arange when the rank is known,
    /// else `range(0, rank(x))` (ops `Rank`, `range/start`, `range/delta`, `range`).
    func reductionDims(_ x: TFTensor) throws -> TFTensor {
        if let r = x.shape.rank { return constant(.int32s(Array(0..<r)), name: "Const") }
        let rank = addOperation(type: "Rank", name: uniqueName("Rank"), inputs: [x], attrs: ["T": .type(x.dtype)],
                                outputs: [(.int32, .scalar, false)]).outputs[0]
        return try range(start: .literal(TFArray(scalar: 0, dtype: .int32)), limit: .tensor(rank),
                         delta: .literal(TFArray(scalar: 1, dtype: .int32)), name: nil)
    }

    /// `tf.reduce_sum` / `reduce_mean` / `reduce_max` / `reduce_min` / `reduce_prod` (`Sum`, `Mean`, `Max`, `Min`, `Prod`).
    public func reduce(_ type: String, _ x: TFOperand, axis: TFOperand?, keepDims: Bool = false, name: String? = nil) throws -> TFTensor {
        let xt: TFTensor
        switch x {
        case .tensor(let t): xt = t
        default:
            xt = try withNameScope(name ?? type) { _ in try convert(x, dtype: nil, name: "input") }
        }
        let axisOperand: TFOperand = try axis ?? .tensor(reductionDims(xt))
        return try apply(type, name: name, args: [("input", .tensor(xt), .T), ("reduction_indices", axisOperand, .index)],
                         attrs: ["keep_dims": .bool(keepDims), "Tidx": .type(.int32)]) { ctx in
            try ShapeFns.reduction(ctx, keepDims: keepDims)
        }.outputs[0]
    }

    /// `tf.argmax(x, axis)`.
    public func argMax(_ x: TFOperand, axis: TFOperand, type: String = "ArgMax", name: String? = nil) throws -> TFTensor {
        try apply(type, name: name, args: [("input", x, .T), ("dimension", axis, .index)],
                  attrs: ["output_type": .type(.int64)]) { ctx in
            try ShapeFns.reduction(ctx, keepDims: false, outType: .int64)
        }.outputs[0]
    }

    // MARK: shapes

    /// `tf.reshape(x, shape)`.
    public func reshape(_ x: TFOperand, _ shape: TFOperand, name: String? = nil) throws -> TFTensor {
        try apply("Reshape", name: name, args: [("tensor", x, .T), ("shape", shape, .index)], attrs: ["Tshape": .type(.int32)],
                  infer: ShapeFns.reshape).outputs[0]
    }

    /// `tf.shape(x)`: a `Const` when the shape is fully known (TensorFlow's `optimize=True`), else `Shape`.
    public func shape(_ x: TFTensor, name: String? = nil) throws -> TFTensor {
        if let k = x.shape.known { return constant(.int32s(k), name: name ?? "Shape") }
        return try apply("Shape", name: name, args: [("input", .tensor(x), .T)], attrs: ["out_type": .type(.int32)]) { ctx in
            [(.int32, TFShape([ctx.input(0).shape.rank]))]
        }.outputs[0]
    }

    /// `tf.size(x)`: a `Const` when known.
    public func size(_ x: TFTensor, name: String? = nil) throws -> TFTensor {
        if let n = x.shape.numElements { return constant(TFArray(scalar: Double(n), dtype: .int32), name: name ?? "Size") }
        return try apply("Size", name: name, args: [("input", .tensor(x), .T)], attrs: ["out_type": .type(.int32)]) { _ in
            [(.int32, .scalar)]
        }.outputs[0]
    }

    /// `tf.rank(x)`: a `Const` when known.
    public func rank(_ x: TFTensor, name: String? = nil) throws -> TFTensor {
        if let r = x.shape.rank { return constant(TFArray(scalar: Double(r), dtype: .int32), name: name ?? "Rank") }
        return try apply("Rank", name: name, args: [("input", .tensor(x), .T)]) { _ in [(.int32, .scalar)] }.outputs[0]
    }

    /// `tf.range(start, limit, delta)`.
    public func range(start: TFOperand, limit: TFOperand, delta: TFOperand, dtype: TFDType? = nil, name: String? = nil) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? "range")
        defer { popNameScope(to: old) }
        let s = try convert(start, dtype: dtype, name: "start")
        let l = try convert(limit, dtype: dtype ?? s.dtype, name: "limit")
        let d = try convert(delta, dtype: dtype ?? s.dtype, name: "delta")
        var n: Int?
        if let a = constantValue(s)?.scalarValue, let b = constantValue(l)?.scalarValue, let c = constantValue(d)?.scalarValue, c != 0 {
            n = max(0, safeInt((abs(b - a) / abs(c)).rounded(.up)))
        }
        return addOperation(type: "Range", name: String(scope.dropLast()), inputs: [s, l, d], attrs: ["Tidx": .type(s.dtype)],
                            outputs: [(s.dtype, TFShape([n]), false)]).outputs[0]
    }

    /// `tf.tile(x, multiples)`.
    public func tile(_ x: TFOperand, _ multiples: TFOperand, name: String? = nil) throws -> TFTensor {
        try apply("Tile", name: name, args: [("input", x, .T), ("multiples", multiples, .index)], attrs: ["Tmultiples": .type(.int32)]) { ctx in
            let dt = ctx.input(0).dtype
            guard let m = constantValue(ctx.input(1))?.ints else {
                return [(dt, ctx.input(0).shape.dims.map { TFShape(Array(repeating: nil, count: $0.count)) } ?? .unknown)]
            }
            guard let d = ctx.input(0).shape.dims else { return [(dt, TFShape(Array(repeating: nil, count: m.count)))] }
            guard d.count == m.count else { throw ctx.fail("Shape must be rank \(d.count) but is rank \(m.count)") }
            return [(dt, TFShape(zip(d, m).map { p in p.0.map { $0 * p.1 } }))]
        }.outputs[0]
    }

    /// `tf.broadcast_to(x, shape)`.
    public func broadcastTo(_ x: TFOperand, _ shape: TFOperand, name: String? = nil) throws -> TFTensor {
        try apply("BroadcastTo", name: name, args: [("input", x, .T), ("shape", shape, .index)], attrs: ["Tidx": .type(.int32)]) { ctx in
            let dt = ctx.input(0).dtype
            if let v = constantValue(ctx.input(1)) { return [(dt, TFShape(known: v.ints))] }
            if let n = ctx.input(1).shape.known?.first { return [(dt, TFShape(Array(repeating: nil, count: n)))] }
            return [(dt, .unknown)]
        }.outputs[0]
    }

    /// `tf.transpose(x, perm)`.
    public func transpose(_ x: TFOperand, perm: [Int]?, name: String? = nil) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? "transpose")
        defer { popNameScope(to: old) }
        let xt = try convert(x, dtype: nil, name: "a")
        let p: [Int]
        if let perm = perm { p = perm } else if let r = xt.shape.rank { p = Array((0..<r).reversed()) } else {
            throw TFError.notImplemented("transpose of a tensor of unknown rank")
        }
        let pt = constant(.int32s(p), name: "perm")
        var out: TFShape = .unknown
        if let d = xt.shape.dims {
            guard p.count == d.count, Set(p) == Set(0..<d.count) else {
                throw TFError.valueError("Dimension must be \(d.count) but is \(p.count)")
            }
            out = TFShape(p.map { d[$0] })
        }
        return addOperation(type: "Transpose", name: String(scope.dropLast()), inputs: [xt, pt],
                            attrs: ["T": .type(xt.dtype), "Tperm": .type(.int32)], outputs: [(xt.dtype, out, false)]).outputs[0]
    }

    // MARK: indexing

    /// `tf.gather(params, indices, axis, batch_dims)` (`GatherV2`).
    /// As in TensorFlow's Python `gather`, an axis that is the constant 0 drops `batch_dims` (that path goes through
    /// `sparse_read`/`gather_v2` without it).
    public func gather(_ params: TFOperand, _ indices: TFOperand, axis: TFOperand?, batchDims: Int = 0, name: String? = nil) throws -> TFTensor {
        let axisOperand = axis ?? .literal(TFArray(scalar: Double(batchDims), dtype: .int32))
        let constAxis: TFArray?
        switch axisOperand {
        case .tensor(let t): constAxis = constantValue(t)
        case .literal(let a), .array(let a): constAxis = a
        }
        let bd = constAxis?.scalarValue == 0 ? 0 : batchDims
        return try apply("GatherV2", name: name, args: [("params", params, .T), ("indices", indices, .indices), ("axis", axisOperand, .index)],
                         attrs: ["batch_dims": .int(bd)]) { ctx in
            let ax = constantValue(ctx.input(2))?.scalarValue.map(safeInt)
            var attrs = ctx.attrs
            attrs["T"] = nil
            attrs["Tparams"] = .type(ctx.input(0).dtype)
            attrs["Tindices"] = .type(ctx.input(1).dtype)
            attrs["Taxis"] = .type(ctx.input(2).dtype)
            // TensorFlow's shape-function errors name the constant axis it read.
            let named = ShapeContext(type: ctx.type, name: ctx.name, inputs: ctx.inputs, attrs: attrs,
                                     computedSuffix: ax.map { " and with computed input tensors: input[2] = <\($0)>" } ?? "")
            return try ShapeFns.gather(named, axis: ax, batchDims: bd)
        }.fixingTparams().outputs[0]
    }

    /// `tf.dynamic_stitch(indices, data)`.
    func dynamicStitch(indices: [TFTensor], data: [TFTensor], name: String? = nil) throws -> TFTensor {
        let args = indices.map { ("indices", TFOperand.tensor($0), ArgType.fixed(.int32)) } + data.map { ("data", TFOperand.tensor($0), ArgType.T) }
        return try apply("DynamicStitch", name: name, args: args, attrs: ["N": .int(indices.count)]) { ctx in
            var n: Int? = 0
            for t in ctx.inputs.prefix(indices.count) {
                if let v = constantValue(t) { n = max(n ?? 0, (v.ints.max() ?? -1) + 1) } else { n = nil }
            }
            return [(data[0].dtype, TFShape([n]))]
        }.outputs[0]
    }

    // MARK: neural network

    /// The `padding` attr is case-sensitive: TensorFlow's op-def check rejects anything outside the op's allowed
    /// values (`"EXPLICIT"` is allowed by Conv2D/MaxPool's op defs, but needs `explicit_paddings`, which MiniTF lacks).
    static func checkPadding(_ padding: String, op: String) throws -> String {
        let allowed = op == "Conv2D" || op == "MaxPool" ? ["SAME", "VALID", "EXPLICIT"] : ["SAME", "VALID"]
        guard allowed.contains(padding) else {
            throw TFError.valueError("Attr 'padding' of '\(op)' Op passed string '\(padding)' not in: \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")).")
        }
        guard padding != "EXPLICIT" else { throw TFError.notImplemented("padding='EXPLICIT' is not supported by MiniTF") }
        return padding
    }

    /// Window attributes must have 4 positive entries (as TensorFlow's shape functions require).
    static func checkWindow(strides: [Int], dilations: [Int], sizes: [Int]?) throws {
        guard strides.count == 4 else {
            throw TFError.valueError("Sliding window strides field must specify 4 dimensions")
        }
        guard dilations.count == 4 else {
            throw TFError.valueError("Sliding window dilations field must specify 4 dimensions")
        }
        if let s = sizes, s.count != 4 {
            throw TFError.valueError("ksizes input must be 4-dimensional")
        }
        if strides.contains(where: { $0 <= 0 }) || dilations.contains(where: { $0 <= 0 }) || (sizes ?? []).contains(where: { $0 <= 0 }) {
            throw TFError.valueError("Sliding window strides, sizes and rates must be positive, got strides=\(strides), rates=\(dilations)")
        }
    }

    /// `tf.nn.conv2d(input, filters, strides, padding)` — NHWC input, HWIO filter.
    public func conv2d(_ input: TFOperand, _ filter: TFOperand, strides: [Int], padding: String, dilations: [Int] = [1, 1, 1, 1],
                       name: String? = nil) throws -> TFTensor {
        let pad = try Graph.checkPadding(padding, op: "Conv2D")
        try Graph.checkWindow(strides: strides, dilations: dilations, sizes: nil)
        return try apply("Conv2D", name: name, args: [("input", input, .T), ("filter", filter, .T)],
                         attrs: ["strides": .ints(strides), "padding": .string(pad), "dilations": .ints(dilations),
                                 "data_format": .string("NHWC"), "use_cudnn_on_gpu": .bool(true), "explicit_paddings": .ints([])]) { ctx in
            try ShapeFns.conv2d(ctx, strides: strides, dilations: dilations, same: pad == "SAME")
        }.outputs[0]
    }

    /// `tf.image.extract_patches(images, sizes, strides, rates, padding)` (`ExtractImagePatches`).
    public func extractPatches(_ images: TFOperand, sizes: [Int], strides: [Int], rates: [Int], padding: String,
                               name: String? = nil) throws -> TFTensor {
        let pad = try Graph.checkPadding(padding, op: "ExtractImagePatches")
        try Graph.checkWindow(strides: strides, dilations: rates, sizes: sizes)
        return try apply("ExtractImagePatches", name: name, args: [("images", images, .T)],
                         attrs: ["ksizes": .ints(sizes), "strides": .ints(strides), "rates": .ints(rates), "padding": .string(pad)]) { ctx in
            let s = ctx.input(0).shape
            if let r = s.rank, r != 4 { throw ctx.fail("Shape must be rank 4 but is rank \(r)") }
            let d = s.dims ?? [nil, nil, nil, nil]
            func sp(_ i: Int?, _ k: Int, _ st: Int, _ r: Int) throws -> Int? {
                guard let i = i else { return nil }
                return ShapeFns.windowed(input: i, kernel: k, stride: st, dilation: r, same: pad == "SAME").out
            }
            let depth = d[3].map { $0 * sizes[1] * sizes[2] }
            return [(ctx.input(0).dtype, TFShape([d[0], try sp(d[1], sizes[1], strides[1], rates[1]),
                                                  try sp(d[2], sizes[2], strides[2], rates[2]), depth]))]
        }.outputs[0]
    }

    /// `tf.nn.softmax(logits)`.
    public func softmax(_ x: TFOperand, name: String? = nil) throws -> TFTensor {
        try apply("Softmax", name: name, args: [("logits", x, .T)], infer: ShapeFns.unary).outputs[0]
    }

    // MARK: random

    /// `tf.random_uniform(shape, minval, maxval)`: `RandomUniform` scaled by `(max - min)` and shifted.
    public func randomUniform(_ shape: [Int], minval: Double = 0, maxval: Double = 1, dtype: TFDType = .float32,
                              seed: Int? = nil, name: String? = nil) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? "random_uniform")
        defer { popNameScope(to: old) }
        let s = constant(.int32s(shape), name: "shape")
        let lo = constant(TFArray(scalar: minval, dtype: dtype), name: "min")
        let hi = constant(TFArray(scalar: maxval, dtype: dtype), name: "max")
        let rnd = addOperation(type: "RandomUniform", name: uniqueName("RandomUniform"), inputs: [s],
                               attrs: ["dtype": .type(dtype), "seed": .int(seed ?? 0), "seed2": .int(nextSeed2(seed)), "T": .type(.int32)],
                               outputs: [(dtype, TFShape(known: shape), false)]).outputs[0]
        let range = try binary("Sub", .tensor(hi), .tensor(lo), defaultName: "sub")
        let scaled = try binary("Mul", .tensor(rnd), .tensor(range), defaultName: "mul")
        // The final AddV2 takes the scope's own name.
        popNameScope(to: old)
        let (o2, _) = try pushNameScope(scope)
        defer { popNameScope(to: o2) }
        return addOperation(type: "AddV2", name: String(scope.dropLast()), inputs: [scaled, lo], attrs: ["T": .type(dtype)],
                            outputs: [(dtype, TFShape(known: shape), false)]).outputs[0]
    }

    /// `tf.truncated_normal(shape, mean, stddev)` / `tf.random_normal`: `TruncatedNormal`/`RandomStandardNormal`, `mul`, add.
    public func randomNormal(_ shape: [Int], mean: Double = 0, stddev: Double = 1, truncated: Bool, dtype: TFDType = .float32,
                             seed: Int? = nil, name: String? = nil) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? (truncated ? "truncated_normal" : "random_normal"))
        defer { popNameScope(to: old) }
        let s = constant(.int32s(shape), name: "shape")
        let m = constant(TFArray(scalar: mean, dtype: dtype), name: "mean")
        let sd = constant(TFArray(scalar: stddev, dtype: dtype), name: "stddev")
        let type = truncated ? "TruncatedNormal" : "RandomStandardNormal"
        let rnd = addOperation(type: type, name: uniqueName(type), inputs: [s],
                               attrs: ["dtype": .type(dtype), "seed": .int(seed ?? 0), "seed2": .int(nextSeed2(seed)), "T": .type(.int32)],
                               outputs: [(dtype, TFShape(known: shape), false)]).outputs[0]
        let scaled = try binary("Mul", .tensor(rnd), .tensor(sd), defaultName: "mul")
        popNameScope(to: old)
        let (o2, _) = try pushNameScope(scope)
        defer { popNameScope(to: o2) }
        return addOperation(type: "AddV2", name: String(scope.dropLast()), inputs: [scaled, m], attrs: ["T": .type(dtype)],
                            outputs: [(dtype, TFShape(known: shape), false)]).outputs[0]
    }

    func nextSeed2(_ seed: Int?) -> Int {
        randomOpCounter += 1
        return (seed ?? 0) &* 1_000_003 &+ randomOpCounter
    }

    // MARK: control

    /// `tf.no_op` / `tf.group(*ops)`: a `NoOp` with control inputs.
    public func group(_ ops: [Operation], name: String? = nil, defaultName: String = "group_deps") throws -> Operation {
        let (old, scope) = try pushNameScope(name ?? defaultName)
        defer { popNameScope(to: old) }
        controlDependencyStack.append(ops)
        defer { controlDependencyStack.removeLast() }
        return addOperation(type: "NoOp", name: String(scope.dropLast()), inputs: [], attrs: [:], outputs: [])
    }

    /// `with tf.control_dependencies(ops):`.
    public func pushControlDependencies(_ ops: [Operation]) { controlDependencyStack.append(ops) }
    public func popControlDependencies() { if !controlDependencyStack.isEmpty { controlDependencyStack.removeLast() } }
}

extension Operation {
    /// `Tparams` mirrors `T` for GatherV2 (set after the params dtype is known).
    func fixingTparams() -> Operation {
        if inputs.count == 3 { attrs["Tparams"] = .type(inputs[0].dtype); attrs["Tindices"] = .type(inputs[1].dtype); attrs["Taxis"] = .type(inputs[2].dtype) }
        attrs["T"] = nil
        return self
    }
}

/// Less central array ops: concat, stack, expand_dims, squeeze, gather_nd, pooling.
extension Graph {
    /// `tf.concat(values, axis)` (`ConcatV2`; a single value becomes an `Identity`).
    public func concat(_ values: [TFOperand], axis: Int, name: String? = nil) throws -> TFTensor {
        if values.count == 1 { return try identity(values[0], name: name ?? "concat") }
        let args = values.map { ("values", $0, ArgType.T) } + [("axis", TFOperand.literal(TFArray(scalar: Double(axis), dtype: .int32)), ArgType.index)]
        return try apply("ConcatV2", name: name, defaultName: "concat", args: args, attrs: ["N": .int(values.count), "Tidx": .type(.int32)]) { ctx in
            let ins = Array(ctx.inputs.dropLast())
            let dt = ins[0].dtype
            guard let rank = ins.compactMap({ $0.shape.rank }).first else { return [(dt, .unknown)] }
            guard axis >= -rank && axis < rank else {
                throw ctx.fail("Shape must be at least rank \(axis < 0 ? -axis : axis + 1) but is rank \(rank)")
            }
            let ax = axis < 0 ? axis + rank : axis
            var out: [Int?] = Array(repeating: nil, count: rank)
            var total: Int? = 0
            for t in ins {
                guard let d = t.shape.dims else { total = nil; continue }
                guard d.count == rank else { throw ctx.fail("Shape must be rank \(rank) but is rank \(d.count)") }
                for i in 0..<rank where i != ax {
                    if let a = out[i], let b = d[i], a != b { throw ctx.fail("Dimension \(i) in both shapes must be equal, but are \(a) and \(b). Shapes are \(ins[0].shape.kernelString) and \(t.shape.kernelString).") }
                    out[i] = out[i] ?? d[i]
                }
                if let t0 = total, let x = d[ax] { total = t0 + x } else { total = nil }
            }
            out[ax] = total
            return [(dt, TFShape(out))]
        }.outputs[0]
    }

    /// `tf.stack(values, axis)` (`Pack`).
    public func stack(_ values: [TFOperand], axis: Int = 0, name: String? = nil) throws -> TFTensor {
        let args = values.map { ("values", $0, ArgType.T) }
        return try apply("Pack", name: name, defaultName: "stack", args: args, attrs: ["N": .int(values.count), "axis": .int(axis)]) { ctx in
            let dt = ctx.input(0).dtype
            var s: TFShape = ctx.input(0).shape
            for t in ctx.inputs.dropFirst() {
                guard let m = s.merged(with: t.shape) else {
                    throw ctx.fail(s.mergeError(with: t.shape))
                }
                s = m
            }
            guard var d = s.dims else { return [(dt, .unknown)] }
            let r = d.count + 1
            guard axis >= -r && axis < r else { throw TFError.valueError("Argument `axis` = \(axis) not in range [\(-r), \(r))") }
            d.insert(ctx.inputs.count, at: axis < 0 ? axis + r : axis)
            return [(dt, TFShape(d))]
        }.outputs[0]
    }

    /// `tf.expand_dims(x, axis)`.
    public func expandDims(_ x: TFOperand, axis: Int, name: String? = nil) throws -> TFTensor {
        try apply("ExpandDims", name: name, args: [("input", x, .T), ("dim", .literal(TFArray(scalar: Double(axis), dtype: .int32)), .index)],
                  attrs: ["Tdim": .type(.int32)]) { ctx in
            let dt = ctx.input(0).dtype
            guard var d = ctx.input(0).shape.dims else { return [(dt, .unknown)] }
            let r = d.count + 1
            guard axis >= -r && axis < r else {
                throw ctx.fail("Tried to expand dim index \(axis) for tensor with \(d.count) dimensions.")
            }
            d.insert(1, at: axis < 0 ? axis + r : axis)
            return [(dt, TFShape(d))]
        }.outputs[0]
    }

    /// `tf.squeeze(x, axis)`.
    public func squeeze(_ x: TFOperand, axis: [Int] = [], name: String? = nil) throws -> TFTensor {
        try apply("Squeeze", name: name, args: [("input", x, .T)], attrs: ["squeeze_dims": .ints(axis)]) { ctx in
            let dt = ctx.input(0).dtype
            guard let d = ctx.input(0).shape.dims else { return [(dt, .unknown)] }
            let r = d.count
            var drop = Set<Int>()
            for a in axis {
                guard a >= -r && a < r else { throw ctx.fail("Tried to squeeze dim index \(a) for tensor with \(r) dimensions.") }
                let k = a < 0 ? a + r : a
                if let v = d[k], v != 1 { throw ctx.fail("Can not squeeze dim[\(k)], expected a dimension of 1, got \(v)") }
                drop.insert(k)
            }
            if axis.isEmpty {
                if d.contains(where: { $0 == nil }) { return [(dt, .unknown)] }
                return [(dt, TFShape(d.filter { $0 != 1 }))]
            }
            return [(dt, TFShape(d.enumerated().filter { !drop.contains($0.offset) }.map { $0.element }))]
        }.outputs[0]
    }

    /// `tf.gather_nd(params, indices, batch_dims=0)` (`GatherNd`).
    public func gatherND(_ params: TFOperand, _ indices: TFOperand, name: String? = nil) throws -> TFTensor {
        try apply("GatherNd", name: name, args: [("params", params, .T), ("indices", indices, .indices)], attrs: ["Tindices": .type(.int32)]) { ctx in
            let dt = ctx.input(0).dtype
            guard let p = ctx.input(0).shape.dims, let i = ctx.input(1).shape.dims, let last = i.last, let k = last else { return [(dt, .unknown)] }
            guard k <= p.count else {
                throw ctx.fail("indices.shape[-1] must be <= params.rank, but saw indices shape: \(ctx.input(1).shape.kernelString) and params shape: \(ctx.input(0).shape.kernelString)")
            }
            return [(dt, TFShape(Array(i.dropLast()) + Array(p[k...])))]
        }.outputs[0]
    }

    /// `tf.nn.max_pool` / `tf.nn.avg_pool` (`MaxPool`, `AvgPool`), NHWC.
    public func pool(_ type: String, _ x: TFOperand, ksize: [Int], strides: [Int], padding: String, name: String? = nil) throws -> TFTensor {
        let pad = try Graph.checkPadding(padding, op: type)
        try Graph.checkWindow(strides: strides, dilations: [1, 1, 1, 1], sizes: ksize)
        return try apply(type, name: name, args: [("input", x, .T)],
                         attrs: ["ksize": .ints(ksize), "strides": .ints(strides), "padding": .string(pad), "data_format": .string("NHWC")]) { ctx in
            let s = ctx.input(0).shape
            if let r = s.rank, r != 4 { throw ctx.fail("Shape must be rank 4 but is rank \(r)") }
            let d = s.dims ?? [nil, nil, nil, nil]
            func sp(_ i: Int?, _ k: Int, _ st: Int) throws -> Int? {
                guard let i = i else { return nil }
                if pad == "VALID" && i < k { throw ctx.fail("Negative dimension size caused by subtracting \(k) from \(i)") }
                return ShapeFns.windowed(input: i, kernel: k, stride: st, dilation: 1, same: pad == "SAME").out
            }
            return [(ctx.input(0).dtype, TFShape([d[0], try sp(d[1], ksize[1], strides[1]), try sp(d[2], ksize[2], strides[2]), d[3]]))]
        }.outputs[0]
    }
}

extension Graph {
    /// `t[...]` with integer indices and unit-step slices on a fully known shape (`StridedSlice`, with
    /// TensorFlow's `stack`/`stack_1`/`stack_2` begin/end/strides constants).
    public func stridedSlice(_ x: TFTensor, begin: [Int], size: [Int], squeeze: [Int], name: String? = nil) throws -> TFTensor {
        let (old, scope) = try pushNameScope(name ?? "strided_slice")
        defer { popNameScope(to: old) }
        let b = constant(.int32s(begin), name: "stack")
        let e = constant(.int32s(zip(begin, size).map { $0 + $1 }), name: "stack_1")
        let s = constant(.int32s(Array(repeating: 1, count: begin.count)), name: "stack_2")
        let mask = squeeze.reduce(0) { $0 | (1 << $1) }
        let shape = size.enumerated().filter { !squeeze.contains($0.offset) }.map { $0.element }
        return addOperation(type: "StridedSlice", name: String(scope.dropLast()), inputs: [x, b, e, s],
                            attrs: ["T": .type(x.dtype), "Index": .type(.int32), "begin_mask": .int(0), "end_mask": .int(0),
                                    "ellipsis_mask": .int(0), "new_axis_mask": .int(0), "shrink_axis_mask": .int(mask),
                                    "_begin": .ints(begin), "_size": .ints(size), "_squeeze": .ints(squeeze)],
                            outputs: [(x.dtype, TFShape(known: shape), false)]).outputs[0]
    }
}

extension Kernels {
    static func concat(_ xs: [TFArray], axis: Int) throws -> TFArray {
        let r = xs[0].rank
        guard axis >= -r && axis < r else { throw TFError.invalidArgument("ConcatOp : Expected concatenating dimensions in the range [\(-r), \(r)), but got \(axis)") }
        let ax = axis < 0 ? axis + r : axis
        for (i, x) in xs.enumerated() {
            guard x.rank == r, (0..<r).allSatisfy({ $0 == ax || x.shape[$0] == xs[0].shape[$0] }) else {
                throw TFError.invalidArgument("ConcatOp : Dimension \(ax == 0 ? 1 : 0) in both shapes must be equal: shape[0] = \(shapeString(xs[0].shape)) vs. shape[\(i)] = \(shapeString(x.shape))")
            }
        }
        let outer = xs[0].shape[..<ax].safeProduct
        var out: [Double] = []
        for o in 0..<outer {
            for x in xs {
                let chunk = x.shape[ax...].safeProduct
                out.append(contentsOf: x.data[(o * chunk)..<((o + 1) * chunk)])
            }
        }
        var shape = xs[0].shape
        shape[ax] = xs.map { $0.shape[ax] }.reduce(0, +)
        return TFArray(dtype: xs[0].dtype, shape: shape, data: out)
    }

    static func gatherND(_ p: TFArray, _ idx: TFArray) throws -> TFArray {
        guard let k = idx.shape.last, k <= p.rank else {
            throw TFError.invalidArgument("index innermost dimension length must be <= params rank; saw: \(idx.shape.last ?? 0) vs. \(p.rank)")
        }
        let n = idx.count / max(k, 1)
        let inner = p.shape[k...].safeProduct
        let ps = TFArray.strides(p.shape)
        var out: [Double] = []
        for i in 0..<(k == 0 ? 1 : n) {
            var off = 0
            for j in 0..<k {
                let v = safeInt(idx.data[i * k + j])
                guard v >= 0 && v < p.shape[j] else {
                    let coords = (0..<k).map { String(safeInt(idx.data[i * k + $0])) }.joined(separator: ", ")
                    throw TFError.invalidArgument("indices[\(i)] = [\(coords)] does not index into param shape \(shapeString(p.shape)), node name: GatherNd")
                }
                off += v * ps[j]
            }
            out.append(contentsOf: p.data[off..<(off + inner)])
        }
        return TFArray(dtype: p.dtype, shape: Array(idx.shape.dropLast()) + Array(p.shape[k...]), data: out)
    }

    static func pool(_ x: TFArray, ksize: [Int], strides: [Int], same: Bool, max: Bool) throws -> TFArray {
        guard x.rank == 4, ksize.count == 4, strides.count == 4 else { throw TFError.invalidArgument("input must be 4-dimensional") }
        let g = try geometry(input: x.shape, filter: [ksize[1], ksize[2], x.shape[3], 1], strides: strides, dilations: [1, 1, 1, 1], same: same)
        var out: [Double] = []
        out.reserveCapacity(g.n * g.oh * g.ow * g.c)
        for b in 0..<g.n {
            for i in 0..<g.oh {
                for j in 0..<g.ow {
                    for ch in 0..<g.c {
                        var acc = max ? -Double.infinity : 0
                        var count = 0
                        for p in 0..<g.kh {
                            let y = i * g.sh - g.padTop + p
                            if y < 0 || y >= g.h { continue }
                            for q in 0..<g.kw {
                                let xx = j * g.sw - g.padLeft + q
                                if xx < 0 || xx >= g.w { continue }
                                let v = x.data[((b * g.h + y) * g.w + xx) * g.c + ch]
                                acc = max ? Swift.max(acc, v) : acc + v
                                count += 1
                            }
                        }
                        out.append(x.dtype.normalize(max ? acc : acc / Double(Swift.max(count, 1))))
                    }
                }
            }
        }
        return TFArray(dtype: x.dtype, shape: [g.n, g.oh, g.ow, g.c], data: out)
    }
}

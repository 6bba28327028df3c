/// Static shape functions (TensorFlow's C++ shape inference, reduced to what MiniTF's ops need).
enum ShapeFns {
    /// Broadcasting two shapes (`BroadcastBinaryOpOutputShapeFn`).
    static func broadcast(_ ctx: ShapeContext, _ a: TFShape, _ b: TFShape) throws -> TFShape {
        guard let x = a.dims, let y = b.dims else { return .unknown }
        let n = max(x.count, y.count)
        var out: [Int?] = []
        for i in 0..<n {
            let dx: Int? = i < n - x.count ? 1 : x[i - (n - x.count)]
            let dy: Int? = i < n - y.count ? 1 : y[i - (n - y.count)]
            switch (dx, dy) {
            case let (p?, q?):
                if p == q { out.append(p) } else if p == 1 { out.append(q) } else if q == 1 { out.append(p) } else {
                    throw ctx.fail("Dimensions must be equal, but are \(p) and \(q)")
                }
            case let (p?, nil): out.append(p > 1 ? p : nil)
            case let (nil, q?): out.append(q > 1 ? q : nil)
            case (nil, nil): out.append(nil)
            }
        }
        return TFShape(out)
    }

    static func binary(_ ctx: ShapeContext) throws -> [(TFDType, TFShape)] {
        [(ctx.input(0).dtype, try broadcast(ctx, ctx.input(0).shape, ctx.input(1).shape))]
    }
    static func comparison(_ ctx: ShapeContext) throws -> [(TFDType, TFShape)] {
        [(.bool, try broadcast(ctx, ctx.input(0).shape, ctx.input(1).shape))]
    }
    static func unary(_ ctx: ShapeContext) throws -> [(TFDType, TFShape)] {
        [(ctx.input(0).dtype, ctx.input(0).shape)]
    }

    static func matmul(_ ctx: ShapeContext, transposeA: Bool, transposeB: Bool) throws -> [(TFDType, TFShape)] {
        let a = ctx.input(0).shape, b = ctx.input(1).shape
        let dt = ctx.input(0).dtype
        if let r = a.rank, r != 2 { throw ctx.fail("Shape must be rank 2 but is rank \(r)") }
        if let r = b.rank, r != 2 { throw ctx.fail("Shape must be rank 2 but is rank \(r)") }
        let ad = a.dims ?? [nil, nil], bd = b.dims ?? [nil, nil]
        let m = transposeA ? ad[1] : ad[0], ka = transposeA ? ad[0] : ad[1]
        let kb = transposeB ? bd[1] : bd[0], n = transposeB ? bd[0] : bd[1]
        if let p = ka, let q = kb, p != q { throw ctx.fail("Dimensions must be equal, but are \(p) and \(q)") }
        return [(dt, TFShape([m, n]))]
    }

    /// Normalises reduction axes against a known rank; throws TensorFlow's range error.
    static func axes(_ ctx: ShapeContext, _ axes: [Int], rank: Int) throws -> [Int] {
        try axes.map { a in
            guard a >= -rank && a < rank else {
                throw ctx.fail("Invalid reduction dimension \(a) for input with \(rank) dimensions")
            }
            return a < 0 ? a + rank : a
        }
    }

    static func reduction(_ ctx: ShapeContext, keepDims: Bool, outType: TFDType? = nil) throws -> [(TFDType, TFShape)] {
        let dt = outType ?? ctx.input(0).dtype
        guard let dims = ctx.input(0).shape.dims else { return [(dt, .unknown)] }
        guard let ax = constantValue(ctx.input(1)) else {
            return [(dt, keepDims ? TFShape(Array(repeating: nil, count: dims.count)) : .unknown)]
        }
        let set = Set(try axes(ctx, ax.ints, rank: dims.count))
        var out: [Int?] = []
        for (i, d) in dims.enumerated() {
            if set.contains(i) { if keepDims { out.append(1) } } else { out.append(d) }
        }
        return [(dt, TFShape(out))]
    }

    static func reshape(_ ctx: ShapeContext) throws -> [(TFDType, TFShape)] {
        let dt = ctx.input(0).dtype
        guard let target = constantValue(ctx.input(1)) else {
            if let n = ctx.input(1).shape.known?.first { return [(dt, TFShape(Array(repeating: nil, count: n)))] }
            return [(dt, .unknown)]
        }
        let t = target.ints
        let minus = t.enumerated().filter { $0.element == -1 }.map { $0.offset }
        if minus.count > 1 { throw ctx.fail("Cannot infer multiple unknown dimensions in shape [\(t.map(String.init).joined(separator: ","))]") }
        var out: [Int?] = t.map { $0 == -1 ? nil : $0 }
        let partial = "[" + t.map { $0 == -1 ? "?" : String($0) }.joined(separator: ",") + "]"
        func fail(_ what: String) -> TFError {
            .valueError("\(what) for '\(ctx.summary)' with input shapes: \(ctx.inputShapes) and with input tensors computed as partial shapes: input[1] = \(partial).")
        }
        if let n = ctx.input(0).shape.numElements {
            let known = t.filter { $0 != -1 }.safeProduct
            if let m = minus.first {
                if known == 0 || n % known != 0 {
                    throw fail("Dimension size must be evenly divisible by \(known) but is \(n)")
                }
                out[m] = n / known
            } else if known != n {
                throw fail("Cannot reshape a tensor with \(n) elements to shape \(partial) (\(known) elements)")
            }
        }
        return [(dt, TFShape(out))]
    }

    /// Output size and SAME padding split for one spatial dim (TensorFlow's `GetWindowedOutputSize`).
    static func windowed(input: Int, kernel: Int, stride: Int, dilation: Int, same: Bool) -> (out: Int, padBefore: Int) {
        let effective = (kernel - 1) * dilation + 1
        if same {
            let out = (input + stride - 1) / stride
            let padNeeded = max(0, (out - 1) * stride + effective - input)
            return (out, padNeeded / 2)
        }
        let out = input >= effective ? (input - effective + stride) / stride : 0
        return (out, 0)
    }

    static func conv2d(_ ctx: ShapeContext, strides: [Int], dilations: [Int], same: Bool) throws -> [(TFDType, TFShape)] {
        let dt = ctx.input(0).dtype
        let x = ctx.input(0).shape, f = ctx.input(1).shape
        if let r = x.rank, r != 4 { throw ctx.fail("Shape must be rank 4 but is rank \(r)") }
        if let r = f.rank, r != 4 { throw ctx.fail("Shape must be rank 4 but is rank \(r)") }
        let xd = x.dims ?? [nil, nil, nil, nil], fd = f.dims ?? [nil, nil, nil, nil]
        if let c = xd[3], let fc = fd[2], fc > 0, c % fc != 0 {
            throw ctx.fail("Depth of input (\(c)) is not a multiple of input depth of filter (\(fc))")
        }
        func spatial(_ i: Int?, _ k: Int?, _ s: Int, _ d: Int) throws -> Int? {
            guard let i = i, let k = k else { return nil }
            let r = windowed(input: i, kernel: k, stride: s, dilation: d, same: same)
            if !same && i < (k - 1) * d + 1 {
                throw ctx.fail("Negative dimension size caused by subtracting \((k - 1) * d + 1) from \(i)")
            }
            return r.out
        }
        let oh = try spatial(xd[1], fd[0], strides[1], dilations[1])
        let ow = try spatial(xd[2], fd[1], strides[2], dilations[2])
        return [(dt, TFShape([xd[0], oh, ow, fd[3]]))]
    }

    static func gather(_ ctx: ShapeContext, axis: Int?, batchDims: Int) throws -> [(TFDType, TFShape)] {
        let dt = ctx.input(0).dtype
        guard let p = ctx.input(0).shape.dims, let idx = ctx.input(1).shape.dims, let axis0 = axis else {
            return [(dt, .unknown)]
        }
        // TensorFlow's order of checks: params rank for the axis, then params and indices ranks for batch_dims.
        var ax = axis0
        if ax < 0 { ax += p.count }
        guard ax >= 0 && ax < p.count else {
            throw ctx.fail("Shape must be at least rank \(axis0 < 0 ? -axis0 : axis0 + 1) but is rank \(p.count)")
        }
        var bd = batchDims
        if bd < 0 {
            guard idx.count >= -bd else { throw ctx.fail("Shape must be at least rank \(-bd) but is rank \(idx.count)") }
            bd += idx.count
        }
        guard p.count >= bd + 1 else { throw ctx.fail("Shape must be at least rank \(bd + 1) but is rank \(p.count)") }
        guard idx.count >= bd else { throw ctx.fail("Shape must be at least rank \(bd) but is rank \(idx.count)") }
        guard bd <= ax else {
            throw ctx.fail("batch_dims (\(batchDims)) must be less than or equal to axis (\(axis0))")
        }
        // Like TensorFlow's shape function, the batch dimensions are taken from params without comparing them to
        // the indices' ones; the kernel reports a mismatch when the op runs.
        let out = Array(p[0..<ax]) + Array(idx[bd...]) + Array(p[(ax + 1)...])
        return [(dt, TFShape(out))]
    }
}

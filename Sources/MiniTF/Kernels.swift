import Foundation

/// CPU kernels: each op type computes its outputs from concrete inputs, with TensorFlow's runtime messages.
enum Kernels {
    static func shapeString(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ",") + "]" }

    // MARK: elementwise

    static func broadcastShape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)]
            let y = i < n - b.count ? 1 : b[i - (n - b.count)]
            if x == y || y == 1 { out[i] = x } else if x == 1 { out[i] = y } else {
                throw TFError.invalidArgument("Incompatible shapes: \(shapeString(a)) vs. \(shapeString(b))")
            }
        }
        return out
    }

    /// Maps every output index to the flat index of an input broadcast to `shape`.
    static func broadcastIndex(_ from: [Int], to shape: [Int]) -> [Int] {
        let n = shape.safeProduct
        if from == shape { return Array(0..<n) }
        let k = shape.count
        let padded = Array(repeating: 1, count: k - from.count) + from
        let fs = TFArray.strides(padded)
        var idx = [Int](repeating: 0, count: n)
        var counter = [Int](repeating: 0, count: k)
        for i in 0..<n {
            var off = 0
            for d in 0..<k where padded[d] != 1 { off += counter[d] * fs[d] }
            idx[i] = off
            var d = k - 1
            while d >= 0 {
                counter[d] += 1
                if counter[d] < shape[d] { break }
                counter[d] = 0
                d -= 1
            }
        }
        return idx
    }

    static func binary(_ a: TFArray, _ b: TFArray, outType: TFDType? = nil, _ f: (Double, Double) throws -> Double) throws -> TFArray {
        let shape = try broadcastShape(a.shape, b.shape)
        let dt = outType ?? a.dtype
        let n = shape.safeProduct
        var out = [Double](repeating: 0, count: n)
        if a.shape == b.shape {
            for i in 0..<n { out[i] = dt.normalize(try f(a.data[i], b.data[i])) }
        } else {
            let ia = broadcastIndex(a.shape, to: shape), ib = broadcastIndex(b.shape, to: shape)
            for i in 0..<n { out[i] = dt.normalize(try f(a.data[ia[i]], b.data[ib[i]])) }
        }
        return TFArray(dtype: dt, shape: shape, data: out)
    }

    static func unary(_ a: TFArray, outType: TFDType? = nil, _ f: (Double) -> Double) -> TFArray {
        let dt = outType ?? a.dtype
        return TFArray(dtype: dt, shape: a.shape, data: a.data.map { dt.normalize(f($0)) })
    }

    static func floorDiv(_ x: Double, _ y: Double, integer: Bool) throws -> Double {
        if integer {
            if y == 0 { throw TFError.invalidArgument("Integer division by zero") }
            return (x / y).rounded(.down)
        }
        return (x / y).rounded(.down)
    }
    static func floorMod(_ x: Double, _ y: Double, integer: Bool) throws -> Double {
        if integer && y == 0 { throw TFError.invalidArgument("Integer division by zero") }
        let r = fmod(x, y)
        return (r != 0 && (r < 0) != (y < 0)) ? r + y : r
    }

    // MARK: reductions

    static func reduce(_ x: TFArray, axes rawAxes: [Int], keepDims: Bool, outType: TFDType? = nil,
                       initial: Double, _ f: (Double, Double) -> Double, finish: ((Double, Int) -> Double)? = nil) throws -> TFArray {
        let r = x.rank
        var axes = Set<Int>()
        for a in rawAxes {
            guard a >= -max(r, 1) && a < max(r, 1) else {
                throw TFError.invalidArgument("Invalid reduction dimension (\(a) for input with \(r) dimension(s)")
            }
            if r > 0 { axes.insert(a < 0 ? a + r : a) }
        }
        var outShapeKeep = x.shape
        for a in axes { outShapeKeep[a] = 1 }
        let outShape = keepDims ? outShapeKeep : x.shape.enumerated().filter { !axes.contains($0.offset) }.map { $0.element }
        let n = outShapeKeep.safeProduct
        var acc = [Double](repeating: initial, count: n)
        var counts = [Int](repeating: 0, count: n)
        let os = TFArray.strides(outShapeKeep)
        var counter = [Int](repeating: 0, count: r)
        let dt = outType ?? x.dtype
        for i in 0..<x.count {
            var o = 0
            for d in 0..<r where !axes.contains(d) { o += counter[d] * os[d] }
            acc[o] = x.dtype == .float32 ? Double(Float(f(acc[o], x.data[i]))) : f(acc[o], x.data[i])
            counts[o] += 1
            var d = r - 1
            while d >= 0 {
                counter[d] += 1
                if counter[d] < x.shape[d] { break }
                counter[d] = 0
                d -= 1
            }
        }
        let data = zip(acc, counts).map { dt.normalize(finish?($0.0, $0.1) ?? $0.0) }
        return TFArray(dtype: dt, shape: outShape, data: data)
    }

    static func argReduce(_ x: TFArray, axis: Int, useMax: Bool) throws -> TFArray {
        let r = x.rank
        guard axis >= -r && axis < r else {
            throw TFError.invalidArgument("Expected dimension in the range [\(-r), \(r)), but got \(axis)")
        }
        let a = axis < 0 ? axis + r : axis
        let outer = x.shape[..<a].safeProduct, n = x.shape[a], inner = x.shape[(a + 1)...].safeProduct
        var out: [Double] = []
        out.reserveCapacity(outer * inner)
        for o in 0..<outer {
            for i in 0..<inner {
                var best = 0
                for k in 0..<n {
                    let v = x.data[(o * n + k) * inner + i], b = x.data[(o * n + best) * inner + i]
                    if useMax ? v > b : v < b { best = k }
                }
                out.append(Double(best))
            }
        }
        var s = x.shape
        s.remove(at: a)
        return TFArray(dtype: .int64, shape: s, data: out)
    }

    // MARK: linear algebra

    static func matmul(_ a: TFArray, _ b: TFArray, ta: Bool, tb: Bool) throws -> TFArray {
        guard a.rank == 2, b.rank == 2 else {
            throw TFError.invalidArgument("In[0] and In[1] has different ndims: \(shapeString(a.shape)) vs. \(shapeString(b.shape))")
        }
        let m = ta ? a.shape[1] : a.shape[0], k = ta ? a.shape[0] : a.shape[1]
        let k2 = tb ? b.shape[1] : b.shape[0], n = tb ? b.shape[0] : b.shape[1]
        guard k == k2 else {
            throw TFError.invalidArgument("Matrix size-incompatible: In[0]: \(shapeString(a.shape)), In[1]: \(shapeString(b.shape)) \(ta ? 1 : 0) \(tb ? 1 : 0)")
        }
        let ac = a.shape[1], bc = b.shape[1]
        if a.dtype == .float32 {
            // float32 accumulates in float32, in k order (what TensorFlow's CPU kernels print for small sizes).
            let A = a.data.map { Float($0) }, B = b.data.map { Float($0) }
            var out = [Float](repeating: 0, count: m * n)
            for i in 0..<m {
                for j in 0..<n {
                    var acc: Float = 0
                    for p in 0..<k {
                        let av = ta ? A[p * ac + i] : A[i * ac + p]
                        let bv = tb ? B[j * bc + p] : B[p * bc + j]
                        acc += av * bv
                    }
                    out[i * n + j] = acc
                }
            }
            return TFArray(dtype: .float32, shape: [m, n], data: out.map { Double($0) })
        }
        var out = [Double](repeating: 0, count: m * n)
        a.data.withUnsafeBufferPointer { A in
            b.data.withUnsafeBufferPointer { B in
                for i in 0..<m {
                    for p in 0..<k {
                        let av = ta ? A[p * ac + i] : A[i * ac + p]
                        if av == 0 { continue }
                        for j in 0..<n {
                            out[i * n + j] += av * (tb ? B[j * bc + p] : B[p * bc + j])
                        }
                    }
                }
            }
        }
        return TFArray(dtype: a.dtype, shape: [m, n], data: out.map { a.dtype.normalize($0) })
    }

    // MARK: convolution

    struct ConvGeometry {
        let n, h, w, c, kh, kw, oc, oh, ow, sh, sw, dh, dw, padTop, padLeft: Int
    }

    static func geometry(input: [Int], filter: [Int], strides: [Int], dilations: [Int], same: Bool, allowEmpty: Bool = false) throws -> ConvGeometry {
        guard input.count == 4 else { throw TFError.invalidArgument("input must be 4-dimensional\(shapeString(input))") }
        guard filter.count == 4 else { throw TFError.invalidArgument("filter must be 4-dimensional: \(shapeString(filter))") }
        guard input[3] == filter[2] else {
            throw TFError.invalidArgument("input depth must be evenly divisible by filter depth: \(input[3]) vs \(filter[2])")
        }
        let sh = strides.count == 4 ? strides[1] : 1, sw = strides.count == 4 ? strides[2] : 1
        let dh = dilations.count == 4 ? dilations[1] : 1, dw = dilations.count == 4 ? dilations[2] : 1
        guard sh > 0, sw > 0, dh > 0, dw > 0 else { throw TFError.invalidArgument("Sliding window strides field must specify 4 dimensions") }
        let r = ShapeFns.windowed(input: input[1], kernel: filter[0], stride: sh, dilation: dh, same: same)
        let c = ShapeFns.windowed(input: input[2], kernel: filter[1], stride: sw, dilation: dw, same: same)
        if !same && !allowEmpty && (input[1] < (filter[0] - 1) * dh + 1 || input[2] < (filter[1] - 1) * dw + 1) {
            throw TFError.invalidArgument("Computed output size would be negative")
        }
        return ConvGeometry(n: input[0], h: input[1], w: input[2], c: input[3], kh: filter[0], kw: filter[1], oc: filter[3],
                            oh: r.out, ow: c.out, sh: sh, sw: sw, dh: dh, dw: dw, padTop: r.padBefore, padLeft: c.padBefore)
    }

    /// NHWC x HWIO: every output is the dot product of an input patch (kh·kw·C, TensorFlow's patch order) with a filter column.
    static func conv2d(_ x: TFArray, _ f: TFArray, _ g: ConvGeometry) -> TFArray {
        if x.dtype == .float32 { return conv2dFloat(x, f, g) }
        var out = [Double](repeating: 0, count: g.n * g.oh * g.ow * g.oc)
        for b in 0..<g.n {
            for i in 0..<g.oh {
                for j in 0..<g.ow {
                    let o = ((b * g.oh + i) * g.ow + j) * g.oc
                    for p in 0..<g.kh {
                        let y = i * g.sh - g.padTop + p * g.dh
                        if y < 0 || y >= g.h { continue }
                        for q in 0..<g.kw {
                            let xx = j * g.sw - g.padLeft + q * g.dw
                            if xx < 0 || xx >= g.w { continue }
                            for ch in 0..<g.c {
                                let v = x.data[((b * g.h + y) * g.w + xx) * g.c + ch]
                                if v == 0 { continue }
                                let fo = ((p * g.kw + q) * g.c + ch) * g.oc
                                for oc in 0..<g.oc { out[o + oc] += v * f.data[fo + oc] }
                            }
                        }
                    }
                }
            }
        }
        return TFArray(dtype: x.dtype, shape: [g.n, g.oh, g.ow, g.oc], data: out.map { x.dtype.normalize($0) })
    }

    /// float32 convolution accumulated in float32 over (kh, kw, in) in order, like a patch·filter dot product.
    static func conv2dFloat(_ x: TFArray, _ f: TFArray, _ g: ConvGeometry) -> TFArray {
        let X = x.data.map { Float($0) }, F = f.data.map { Float($0) }
        var out = [Float](repeating: 0, count: g.n * g.oh * g.ow * g.oc)
        for b in 0..<g.n {
            for i in 0..<g.oh {
                for j in 0..<g.ow {
                    let o = ((b * g.oh + i) * g.ow + j) * g.oc
                    for p in 0..<g.kh {
                        let y = i * g.sh - g.padTop + p * g.dh
                        if y < 0 || y >= g.h { continue }
                        for q in 0..<g.kw {
                            let xx = j * g.sw - g.padLeft + q * g.dw
                            if xx < 0 || xx >= g.w { continue }
                            for ch in 0..<g.c {
                                let v = X[((b * g.h + y) * g.w + xx) * g.c + ch]
                                let fo = ((p * g.kw + q) * g.c + ch) * g.oc
                                for oc in 0..<g.oc { out[o + oc] = out[o + oc].addingProduct(v, F[fo + oc]) }
                            }
                        }
                    }
                }
            }
        }
        return TFArray(dtype: .float32, shape: [g.n, g.oh, g.ow, g.oc], data: out.map { Double($0) })
    }

    static func conv2dBackpropInput(inputSizes: [Int], _ f: TFArray, _ dy: TFArray, _ g: ConvGeometry) -> TFArray {
        var dx = [Double](repeating: 0, count: inputSizes.safeProduct)
        for b in 0..<g.n {
            for i in 0..<g.oh {
                for j in 0..<g.ow {
                    let o = ((b * g.oh + i) * g.ow + j) * g.oc
                    for p in 0..<g.kh {
                        let y = i * g.sh - g.padTop + p * g.dh
                        if y < 0 || y >= g.h { continue }
                        for q in 0..<g.kw {
                            let xx = j * g.sw - g.padLeft + q * g.dw
                            if xx < 0 || xx >= g.w { continue }
                            for ch in 0..<g.c {
                                let fo = ((p * g.kw + q) * g.c + ch) * g.oc
                                var s = 0.0
                                for oc in 0..<g.oc { s += dy.data[o + oc] * f.data[fo + oc] }
                                dx[((b * g.h + y) * g.w + xx) * g.c + ch] += s
                            }
                        }
                    }
                }
            }
        }
        return TFArray(dtype: dy.dtype, shape: inputSizes, data: dx.map { dy.dtype.normalize($0) })
    }

    static func conv2dBackpropFilter(_ x: TFArray, filterSizes: [Int], _ dy: TFArray, _ g: ConvGeometry) -> TFArray {
        var df = [Double](repeating: 0, count: filterSizes.safeProduct)
        for b in 0..<g.n {
            for i in 0..<g.oh {
                for j in 0..<g.ow {
                    let o = ((b * g.oh + i) * g.ow + j) * g.oc
                    for p in 0..<g.kh {
                        let y = i * g.sh - g.padTop + p * g.dh
                        if y < 0 || y >= g.h { continue }
                        for q in 0..<g.kw {
                            let xx = j * g.sw - g.padLeft + q * g.dw
                            if xx < 0 || xx >= g.w { continue }
                            for ch in 0..<g.c {
                                let v = x.data[((b * g.h + y) * g.w + xx) * g.c + ch]
                                let fo = ((p * g.kw + q) * g.c + ch) * g.oc
                                for oc in 0..<g.oc { df[fo + oc] += v * dy.data[o + oc] }
                            }
                        }
                    }
                }
            }
        }
        return TFArray(dtype: dy.dtype, shape: filterSizes, data: df.map { dy.dtype.normalize($0) })
    }

    /// `ExtractImagePatches`: depth index = (row·kw + col)·C + channel; padding cells are 0.
    static func extractPatches(_ x: TFArray, sizes: [Int], strides: [Int], rates: [Int], same: Bool) throws -> TFArray {
        guard x.rank == 4 else { throw TFError.invalidArgument("input must be 4-dimensional\(shapeString(x.shape))") }
        guard sizes.count == 4, strides.count == 4, rates.count == 4, sizes[0] == 1, sizes[3] == 1 else {
            throw TFError.invalidArgument("Only support ksizes across space.")
        }
        let g = try geometry(input: x.shape, filter: [sizes[1], sizes[2], x.shape[3], 1], strides: strides, dilations: rates, same: same,
                             allowEmpty: true)
        let depth = g.kh * g.kw * g.c
        var out = [Double](repeating: 0, count: g.n * g.oh * g.ow * depth)
        for b in 0..<g.n {
            for i in 0..<g.oh {
                for j in 0..<g.ow {
                    let o = ((b * g.oh + i) * g.ow + j) * depth
                    for p in 0..<g.kh {
                        let y = i * g.sh - g.padTop + p * g.dh
                        if y < 0 || y >= g.h { continue }
                        for q in 0..<g.kw {
                            let xx = j * g.sw - g.padLeft + q * g.dw
                            if xx < 0 || xx >= g.w { continue }
                            for ch in 0..<g.c {
                                out[o + (p * g.kw + q) * g.c + ch] = x.data[((b * g.h + y) * g.w + xx) * g.c + ch]
                            }
                        }
                    }
                }
            }
        }
        return TFArray(dtype: x.dtype, shape: [g.n, g.oh, g.ow, depth], data: out)
    }

    // MARK: indexing and shapes

    /// `GatherV2` with `batch_dims`: out[b…, p…, i…, t…] = params[b…, p…, indices[b…, i…], t…].
    static func gather(_ params: TFArray, _ indices: TFArray, axis rawAxis: Int, batchDims rawBatch: Int) throws -> TFArray {
        let pr = params.rank, ir = indices.rank
        var bd = rawBatch
        if bd < 0 { bd += ir }
        var axis = rawAxis
        if axis < 0 { axis += pr }
        guard axis >= 0 && axis < pr else {
            throw TFError.invalidArgument("Expected axis in the range [\(-pr), \(pr)), but got \(rawAxis)")
        }
        guard bd >= 0 && bd <= axis && bd <= ir else {
            throw TFError.invalidArgument("batch_dims (\(rawBatch)) must be less than or equal to axis (\(rawAxis)).")
        }
        for i in 0..<bd where params.shape[i] != indices.shape[i] {
            throw TFError.invalidArgument("params.shape[\(i)]: \(params.shape[i]) should be equal to indices.shape[\(i)]: \(indices.shape[i])")
        }
        let batch = params.shape[..<bd].safeProduct
        let outerP = params.shape[bd..<axis].safeProduct
        let limit = params.shape[axis]
        let inner = params.shape[(axis + 1)...].safeProduct
        let idxPer = indices.shape[bd...].safeProduct
        let istr = TFArray.strides(indices.shape)
        var out: [Double] = []
        out.reserveCapacity(batch * outerP * idxPer * inner)
        for b in 0..<batch {
            for o in 0..<outerP {
                for k in 0..<idxPer {
                    let flat = b * idxPer + k
                    let v = indices.data[flat]
                    let ix = safeInt(v)
                    guard ix >= 0 && ix < limit else {
                        var rem = flat
                        var coords: [String] = []
                        for s in istr { coords.append(String(rem / s)); rem %= s }
                        throw TFError.invalidArgument("indices[\(coords.joined(separator: ","))] = \(ix) is not in [0, \(limit))")
                    }
                    let base = ((b * outerP + o) * limit + ix) * inner
                    out.append(contentsOf: params.data[base..<(base + inner)])
                }
            }
        }
        let shape = Array(params.shape[..<axis]) + Array(indices.shape[bd...]) + Array(params.shape[(axis + 1)...])
        return TFArray(dtype: params.dtype, shape: shape, data: out)
    }

    static func reshape(_ x: TFArray, _ target: [Int]) throws -> TFArray {
        var t = target
        let minus = t.indices.filter { t[$0] == -1 }
        if minus.count > 1 { throw TFError.invalidArgument("Only one input size may be -1, not both \(minus[0]) and \(minus[1])") }
        let known = t.filter { $0 != -1 }.safeProduct
        if let m = minus.first {
            if known == 0 || x.count % known != 0 {
                throw TFError.invalidArgument("Input to reshape is a tensor with \(x.count) values, but the requested shape requires a multiple of \(known)")
            }
            t[m] = x.count / known
        } else if known != x.count {
            throw TFError.invalidArgument("Input to reshape is a tensor with \(x.count) values, but the requested shape has \(known)")
        }
        if let bad = t.first(where: { $0 < 0 }) {
            throw TFError.invalidArgument("Size 0 must be non-negative, not \(bad)")
        }
        return x.reshaped(t)
    }

    static func tile(_ x: TFArray, _ m: [Int]) throws -> TFArray {
        guard m.count == x.rank else {
            throw TFError.invalidArgument("Expected multiples argument to be a vector of length \(x.rank) but got length \(m.count)")
        }
        if let bad = m.first(where: { $0 < 0 }) {
            throw TFError.invalidArgument("Expected multiples[0] >= 0, but got \(bad)")
        }
        let outShape = zip(x.shape, m).map { $0.multipliedReportingOverflow(by: $1).partialValue }
        let n = outShape.reduce(1) { $0.multipliedReportingOverflow(by: $1).partialValue }
        if n > 50_000_000 || n < 0 { throw TFError.resourceExhausted("OOM when allocating tensor with shape\(shapeString(outShape))") }
        let xs = TFArray.strides(x.shape)
        var out = [Double](repeating: 0, count: n)
        var counter = [Int](repeating: 0, count: outShape.count)
        for i in 0..<n {
            var off = 0
            for d in 0..<outShape.count { off += (counter[d] % x.shape[d]) * xs[d] }
            out[i] = x.data[off]
            var d = outShape.count - 1
            while d >= 0 {
                counter[d] += 1
                if counter[d] < outShape[d] { break }
                counter[d] = 0
                d -= 1
            }
        }
        return TFArray(dtype: x.dtype, shape: outShape, data: out)
    }

    static func broadcastTo(_ x: TFArray, _ shape: [Int]) throws -> TFArray {
        if shape.contains(where: { $0 < 0 }) || shape.reduce(1, { $0.multipliedReportingOverflow(by: $1).partialValue }) > 50_000_000 {
            throw TFError.invalidArgument("Invalid shape for broadcast_to: \(shapeString(shape))")
        }
        let s = try broadcastShape(x.shape, shape)
        guard s == shape else {
            throw TFError.invalidArgument("Incompatible shapes: \(shapeString(x.shape)) vs. \(shapeString(shape))")
        }
        let idx = broadcastIndex(x.shape, to: shape)
        return TFArray(dtype: x.dtype, shape: shape, data: idx.map { x.data[$0] })
    }

    static func transpose(_ x: TFArray, _ perm: [Int]) throws -> TFArray {
        guard perm.count == x.rank, Set(perm) == Set(0..<x.rank) else {
            throw TFError.invalidArgument("transpose expects a vector of size \(x.rank). But input(1) is a vector of size \(perm.count)")
        }
        let outShape = perm.map { x.shape[$0] }
        let xs = TFArray.strides(x.shape)
        let n = x.count
        var out = [Double](repeating: 0, count: n)
        var counter = [Int](repeating: 0, count: outShape.count)
        for i in 0..<n {
            var off = 0
            for d in 0..<outShape.count { off += counter[d] * xs[perm[d]] }
            out[i] = x.data[off]
            var d = outShape.count - 1
            while d >= 0 {
                counter[d] += 1
                if counter[d] < outShape[d] { break }
                counter[d] = 0
                d -= 1
            }
        }
        return TFArray(dtype: x.dtype, shape: outShape, data: out)
    }

    /// `BroadcastGradientArgs`: the axes each input was broadcast along.
    static func broadcastGradientArgs(_ a: [Int], _ b: [Int]) throws -> (TFArray, TFArray) {
        _ = try broadcastShape(a, b)
        let n = max(a.count, b.count)
        var ra: [Int] = [], rb: [Int] = []
        for i in 0..<n {
            let x = i < n - a.count ? 1 : a[i - (n - a.count)]
            let y = i < n - b.count ? 1 : b[i - (n - b.count)]
            if x == 1 && y == 1 { ra.append(i); rb.append(i) } else if x == 1 { ra.append(i) } else if y == 1 { rb.append(i) }
        }
        return (.int32s(ra), .int32s(rb))
    }

    static func dynamicStitch(indices: [TFArray], data: [TFArray]) throws -> TFArray {
        var maxIndex = -1
        for t in indices { maxIndex = max(maxIndex, t.ints.max() ?? -1) }
        guard let d0 = data.first, let i0 = indices.first else { throw TFError.invalidArgument("DynamicStitch needs inputs") }
        let slice = Array(d0.shape[i0.rank...])
        let sliceSize = slice.safeProduct
        var out = [Double](repeating: 0, count: (maxIndex + 1) * sliceSize)
        for (ix, d) in zip(indices, data) {
            for (k, target) in ix.ints.enumerated() {
                guard target >= 0, (k + 1) * sliceSize <= d.count else { throw TFError.invalidArgument("indices[\(k)] is out of range") }
                for s in 0..<sliceSize { out[target * sliceSize + s] = d.data[k * sliceSize + s] }
            }
        }
        return TFArray(dtype: d0.dtype, shape: [maxIndex + 1] + slice, data: out)
    }
}

import Foundation

/// Geometry of a 2-D sliding window (convolution, unfold/fold, pooling) over one H×W plane.
public struct Window2D: Equatable, Sendable {
    public var kernel: (h: Int, w: Int)
    public var stride: (h: Int, w: Int)
    public var padding: (h: Int, w: Int)
    public var dilation: (h: Int, w: Int)

    public init(kernel: (Int, Int), stride: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1)) {
        self.kernel = (kernel.0, kernel.1)
        self.stride = (stride.0, stride.1)
        self.padding = (padding.0, padding.1)
        self.dilation = (dilation.0, dilation.1)
    }

    public static func == (l: Window2D, r: Window2D) -> Bool {
        l.kernel == r.kernel && l.stride == r.stride && l.padding == r.padding && l.dilation == r.dilation
    }

    /// PyTorch's output-size formula: ⌊(in + 2·pad − dil·(k−1) − 1) / stride⌋ + 1 (may be ≤ 0: caller checks).
    public func outputSize(height: Int, width: Int) -> (h: Int, w: Int) {
        (Window2D.outSize(height, kernel.h, stride.h, padding.h, dilation.h),
         Window2D.outSize(width, kernel.w, stride.w, padding.w, dilation.w))
    }

    static func outSize(_ n: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> Int {
        let span = n + 2 * p - d * (k - 1) - 1
        // floor division (span may be negative)
        return (span >= 0 ? span / s : -((-span + s - 1) / s)) + 1
    }
}

/// im2col / col2im and convolution kernels on contiguous buffers (NCHW, row-major).
/// The column layout is Caffe's and PyTorch's: row = (c·kh + i)·kw + j, column = oh·outW + ow.
public enum ConvKernels {
    /// Unfolds one C×H×W image into `cols` [C·kh·kw, outH·outW].
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func im2col<T: BinaryFloatingPoint>(_ input: UnsafePointer<T>, channels: Int, height: Int, width: Int,
                                                      window w: Window2D, into cols: UnsafeMutablePointer<T>) {
        let (oh, ow) = w.outputSize(height: height, width: width)
        guard oh > 0, ow > 0 else { return }
        let plane = oh * ow
        var row = 0
        for c in 0..<channels {
            let src = input + c * height * width
            for ki in 0..<w.kernel.h {
                for kj in 0..<w.kernel.w {
                    let dst = cols + row * plane
                    let colOff = kj * w.dilation.w - w.padding.w
                    // valid output columns: 0 <= ox*sw + colOff < width
                    let lo = colOff >= 0 ? 0 : Swift.min(ow, (-colOff + w.stride.w - 1) / w.stride.w)
                    let hiRaw = width - colOff > 0 ? (width - colOff - 1) / w.stride.w + 1 : 0
                    let hi = Swift.max(lo, Swift.min(ow, hiRaw))
                    for oy in 0..<oh {
                        let y = oy * w.stride.h - w.padding.h + ki * w.dilation.h
                        let d = dst + oy * ow
                        if y < 0 || y >= height {
                            d.update(repeating: 0, count: ow)
                            continue
                        }
                        let s = src + y * width + colOff
                        if lo > 0 { d.update(repeating: 0, count: lo) }
                        if w.stride.w == 1 {
                            // Rows are short: an element loop (vectorised) beats a memmove call per row.
                            var ox = lo
                            while ox < hi { d[ox] = s[ox]; ox += 1 }
                        } else {
                            let sw = w.stride.w
                            var ox = lo
                            while ox < hi { d[ox] = s[ox * sw]; ox += 1 }
                        }
                        if hi < ow { (d + hi).update(repeating: 0, count: ow - hi) }
                    }
                    row += 1
                }
            }
        }
    }

    /// im2col of a whole batch: `input` [N, C, H, W] into `cols` [N, C·kh·kw, outH·outW], split over images and
    /// channel ranges across the cores when the output is large (each task writes its own rows).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func im2colBatch<T: BinaryFloatingPoint>(_ input: UnsafePointer<T>, batch: Int, channels: Int,
                                                           height: Int, width: Int, window w: Window2D,
                                                           into cols: UnsafeMutablePointer<T>) {
        let (oh, ow) = w.outputSize(height: height, width: width)
        guard oh > 0, ow > 0, batch > 0, channels > 0 else { return }
        let rowsPerChannel = w.kernel.h * w.kernel.w, plane = oh * ow
        let imageIn = channels * height * width, imageCols = channels * rowsPerChannel * plane
        let threads = GEMM.threads
        guard threads > 1, batch * imageCols >= 1 << 16 else {
            for n in 0..<batch {
                im2col(input + n * imageIn, channels: channels, height: height, width: width, window: w,
                       into: cols + n * imageCols)
            }
            return
        }
        // Enough tasks to balance (at least 4 per core), never splitting a channel.
        let chunks = Swift.min(channels, Swift.max(1, (4 * threads + batch - 1) / batch))
        DispatchQueue.concurrentPerform(iterations: batch * chunks) { task in
            let n = task / chunks, part = task % chunks
            let c0 = channels * part / chunks, c1 = channels * (part + 1) / chunks
            guard c1 > c0 else { return }
            im2col(input + n * imageIn + c0 * height * width, channels: c1 - c0, height: height, width: width,
                   window: w, into: cols + n * imageCols + c0 * rowsPerChannel * plane)
        }
    }

    /// Folds `cols` [C·kh·kw, outH·outW] back into one C×H×W image, summing overlaps (adds to `output`).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func col2im<T: BinaryFloatingPoint>(_ cols: UnsafePointer<T>, channels: Int, height: Int, width: Int,
                                                      window w: Window2D, addingInto output: UnsafeMutablePointer<T>) {
        let (oh, ow) = w.outputSize(height: height, width: width)
        guard oh > 0, ow > 0 else { return }
        let plane = oh * ow
        var row = 0
        for c in 0..<channels {
            let dstPlane = output + c * height * width
            for ki in 0..<w.kernel.h {
                for kj in 0..<w.kernel.w {
                    let src = cols + row * plane
                    let colOff = kj * w.dilation.w - w.padding.w
                    let lo = colOff >= 0 ? 0 : Swift.min(ow, (-colOff + w.stride.w - 1) / w.stride.w)
                    let hiRaw = width - colOff > 0 ? (width - colOff - 1) / w.stride.w + 1 : 0
                    let hi = Swift.max(lo, Swift.min(ow, hiRaw))
                    for oy in 0..<oh {
                        let y = oy * w.stride.h - w.padding.h + ki * w.dilation.h
                        if y < 0 || y >= height || hi <= lo { continue }
                        let d = dstPlane + y * width + colOff
                        let s = src + oy * ow
                        let sw = w.stride.w
                        var ox = lo
                        while ox < hi { d[ox * sw] += s[ox]; ox += 1 }
                    }
                    row += 1
                }
            }
        }
    }

    /// Convolution geometry shared by the forward and backward helpers.
    public struct ConvShape: Sendable {
        public var batch: Int, inChannels: Int, height: Int, width: Int
        public var outChannels: Int, groups: Int
        public var window: Window2D
        public init(batch: Int, inChannels: Int, height: Int, width: Int, outChannels: Int, groups: Int, window: Window2D) {
            self.batch = batch; self.inChannels = inChannels; self.height = height; self.width = width
            self.outChannels = outChannels; self.groups = groups; self.window = window
        }
        public var out: (h: Int, w: Int) { window.outputSize(height: height, width: width) }
        var cinG: Int { inChannels / groups }
        var coutG: Int { outChannels / groups }
        var kArea: Int { window.kernel.h * window.kernel.w }
        /// Rows of one group's column matrix.
        var colRows: Int { cinG * kArea }
        var plane: Int { out.h * out.w }
        /// A 1×1, stride-1, unpadded convolution needs no im2col: the input plane is the column matrix.
        var isPointwise: Bool {
            window.kernel == (1, 1) && window.stride == (1, 1) && window.padding == (0, 0)
        }
    }

    /// conv2d as im2col + GEMM. input [N, C, H, W], weight [O, C/groups, kh, kw], bias [O] or nil,
    /// output [N, O, outH, outW] (overwritten).
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func conv2d<T: GemmScalar>(_ s: ConvShape, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                             bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
        let plane = s.plane
        guard plane > 0, s.batch > 0, s.outChannels > 0 else { return }
        let imageIn = s.inChannels * s.height * s.width
        let imageOut = s.outChannels * plane
        let perImage = s.coutG * plane * s.colRows * s.groups
        let parallelImages = GEMM.threads > 1 && s.batch >= GEMM.threads && perImage * s.batch >= GEMM.parallelThreshold
        // The column matrix is built a channel range at a time, about one GEMM depth block (≤ GEMM.kc rows), so it
        // stays in L2 between im2col and the GEMM; later ranges accumulate into the output.
        let chunks = s.isPointwise ? 1 : Swift.max(1, (s.colRows + GEMM.kc - 1) / GEMM.kc)
        let chunkChannels = Swift.max(1, (s.cinG + chunks - 1) / chunks)
        // Scratch (column matrix + GEMM's packed panel) is allocated once per worker, not per image: large
        // buffers freed and reallocated on worker threads go back to the kernel and fault in again.
        let colCount = s.isPointwise ? 0 : chunkChannels * s.kArea * plane
        let packCount = GEMM.workspaceCount(T.self, n: plane, k: Swift.min(s.colRows, chunkChannels * s.kArea))
        let workers = parallelImages ? GEMM.threads : 1
        let scratch = UnsafeMutablePointer<T>.allocate(capacity: workers * (colCount + packCount))
        defer { scratch.deallocate() }
        let one: (Int, Bool, UnsafeMutablePointer<T>) -> Void = { n, innerParallel, buffer in
            let cols = s.isPointwise ? nil : buffer
            let packed = buffer + colCount
            for g in 0..<s.groups {
                let src = input + n * imageIn + g * s.cinG * s.height * s.width
                let out = output + n * imageOut + g * s.coutG * plane
                let w = weight + g * s.coutG * s.colRows
                if s.cinG == 0 { out.update(repeating: 0, count: s.coutG * plane) }
                var c0 = 0
                while c0 < s.cinG {
                    let cn = Swift.min(chunkChannels, s.cinG - c0)
                    let colPtr: UnsafePointer<T>
                    if let cols {
                        im2col(src + c0 * s.height * s.width, channels: cn, height: s.height, width: s.width,
                               window: s.window, into: cols)
                        colPtr = UnsafePointer(cols)
                    } else {
                        colPtr = src
                    }
                    GEMM.blocked(m: s.coutG, n: plane, k: cn * s.kArea,
                                 a: MatrixRef(w + c0 * s.kArea, rowStride: s.colRows, colStride: 1),
                                 b: MatrixRef(colPtr, rowStride: plane, colStride: 1),
                                 c: out, ldc: plane, accumulate: c0 > 0, parallel: innerParallel,
                                 workspace: innerParallel ? nil : packed)
                    c0 += cn
                }
            }
            if let bias {
                for o in 0..<s.outChannels {
                    let p = output + n * imageOut + o * plane
                    let bv = bias[o]
                    for i in 0..<plane { p[i] += bv }
                }
            }
        }
        if parallelImages {
            // Contiguous image ranges, one per worker, each with its own scratch.
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                for n in (s.batch * w / workers)..<(s.batch * (w + 1) / workers) {
                    one(n, false, scratch + w * (colCount + packCount))
                }
            }
        } else {
            for n in 0..<s.batch { one(n, true, scratch) }
        }
    }

    /// The direct seven-loop convolution, kept as the reference for tests and for `explain`.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func conv2dNaive<T: BinaryFloatingPoint>(_ s: ConvShape, input: UnsafePointer<T>, weight: UnsafePointer<T>,
                                                           bias: UnsafePointer<T>?, output: UnsafeMutablePointer<T>) {
        let (oh, ow) = s.out
        guard oh > 0, ow > 0 else { return }
        let w = s.window
        for n in 0..<s.batch {
            for o in 0..<s.outChannels {
                let g = o / s.coutG
                for oy in 0..<oh {
                    for ox in 0..<ow {
                        var acc: T = bias?[o] ?? 0
                        for ci in 0..<s.cinG {
                            let c = g * s.cinG + ci
                            for ki in 0..<w.kernel.h {
                                let y = oy * w.stride.h - w.padding.h + ki * w.dilation.h
                                if y < 0 || y >= s.height { continue }
                                for kj in 0..<w.kernel.w {
                                    let x = ox * w.stride.w - w.padding.w + kj * w.dilation.w
                                    if x < 0 || x >= s.width { continue }
                                    acc += input[((n * s.inChannels + c) * s.height + y) * s.width + x]
                                        * weight[((o * s.cinG + ci) * w.kernel.h + ki) * w.kernel.w + kj]
                                }
                            }
                        }
                        output[((n * s.outChannels + o) * oh + oy) * ow + ox] = acc
                    }
                }
            }
        }
    }

    /// ∂L/∂input = col2im(W_gᵀ · ∂L/∂out_g) per image and group. `gradInput` [N, C, H, W] is overwritten.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func conv2dBackwardInput<T: GemmScalar>(_ s: ConvShape, gradOutput: UnsafePointer<T>, weight: UnsafePointer<T>,
                                                          gradInput: UnsafeMutablePointer<T>) {
        let plane = s.plane
        let imageIn = s.inChannels * s.height * s.width
        gradInput.update(repeating: 0, count: s.batch * imageIn)
        guard plane > 0 else { return }
        let cols = UnsafeMutablePointer<T>.allocate(capacity: s.colRows * plane)
        defer { cols.deallocate() }
        for n in 0..<s.batch {
            for g in 0..<s.groups {
                let wg = weight + g * s.coutG * s.colRows
                let go = gradOutput + (n * s.outChannels + g * s.coutG) * plane
                // cols [colRows, plane] = W_gᵀ [colRows, coutG] · gradOut_g [coutG, plane]
                GEMM.blocked(m: s.colRows, n: plane, k: s.coutG,
                             a: MatrixRef(wg, rowStride: s.colRows, colStride: 1).t,
                             b: MatrixRef(go, rowStride: plane, colStride: 1),
                             c: cols, ldc: plane, accumulate: false, parallel: true)
                col2im(UnsafePointer(cols), channels: s.cinG, height: s.height, width: s.width, window: s.window,
                       addingInto: gradInput + n * imageIn + g * s.cinG * s.height * s.width)
            }
        }
    }

    /// ∂L/∂weight = Σₙ ∂L/∂out_g[n] · cols_g[n]ᵀ. `gradWeight` [O, C/groups, kh, kw] is overwritten.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func conv2dBackwardWeight<T: GemmScalar>(_ s: ConvShape, input: UnsafePointer<T>, gradOutput: UnsafePointer<T>,
                                                           gradWeight: UnsafeMutablePointer<T>) {
        let plane = s.plane
        gradWeight.update(repeating: 0, count: s.outChannels * s.colRows)
        guard plane > 0 else { return }
        let imageIn = s.inChannels * s.height * s.width
        let cols = UnsafeMutablePointer<T>.allocate(capacity: s.colRows * plane)
        defer { cols.deallocate() }
        for n in 0..<s.batch {
            for g in 0..<s.groups {
                im2col(input + n * imageIn + g * s.cinG * s.height * s.width, channels: s.cinG, height: s.height,
                       width: s.width, window: s.window, into: cols)
                let go = gradOutput + (n * s.outChannels + g * s.coutG) * plane
                GEMM.blocked(m: s.coutG, n: s.colRows, k: plane,
                             a: MatrixRef(go, rowStride: plane, colStride: 1),
                             b: MatrixRef(UnsafePointer(cols), rowStride: plane, colStride: 1).t,
                             c: gradWeight + g * s.coutG * s.colRows, ldc: s.colRows, accumulate: true, parallel: true)
            }
        }
    }

    /// ∂L/∂bias[o] = Σ over batch and positions of ∂L/∂out[n, o]. `gradBias` [O] is overwritten.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    public static func conv2dBackwardBias<T: BinaryFloatingPoint>(_ s: ConvShape, gradOutput: UnsafePointer<T>,
                                                                  gradBias: UnsafeMutablePointer<T>) {
        let plane = s.plane
        for o in 0..<s.outChannels {
            var acc: T = 0
            for n in 0..<s.batch {
                let p = gradOutput + (n * s.outChannels + o) * plane
                for i in 0..<plane { acc += p[i] }
            }
            gradBias[o] = acc
        }
    }
}

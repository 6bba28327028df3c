import Foundation
import MiniTorch

/// `torch.nn.functional` over the engine's `Functional` ops, plus im2col-family glue (`unfold`, `fold`,
/// `max_pool2d`, `avg_pool2d`) on the engine's ConvKernels/PoolKernels until Tensor-level versions exist.
enum TorchFunctional {
    static func t(_ v: Value, _ what: String = "input") throws -> Tensor { try TorchConvert.tensor(v, what: what) }
    static func opt(_ v: Value) throws -> Tensor? { v.isNone ? nil : try TorchConvert.tensor(v) }
    static func out(_ x: Tensor) -> Value { TorchConvert.tensorValue(x) }

    static func module(_ ctx: Interpreter) -> PyModule {
        let f = PyModule(name: "torch.nn.functional")
        func def(_ spec: String, _ body: @escaping (Interpreter, BoundArguments) throws -> Value) {
            let sig = Signature(spec)
            f.defineFunction(sig.name) { ctx, args in try body(ctx, try sig.bind(args)) }
        }
        def("relu(input, inplace=False)") { _, a in
            let x = try t(a["input"])
            return try a.bool("inplace") ? { try x.unaryInplace(.relu); return a["input"] }() : out(try Functional.relu(x))
        }
        def("sigmoid(input)") { _, a in out(try t(a["input"]).sigmoid()) }
        def("tanh(input)") { _, a in out(try t(a["input"]).tanh()) }
        for name in ["softmax", "log_softmax"] {
            def("\(name)(input, dim=None, _stacklevel=3, dtype=None)") { _, a in
                let x = try t(a["input"])
                let dim = try a.optionalInt("dim") ?? Functional.implicitSoftmaxDim(x.dim)
                let d = try TorchConvert.dtype(a["dtype"])
                return out(name == "softmax" ? try Functional.softmax(x, dim: dim, dtype: d) : try Functional.logSoftmax(x, dim: dim, dtype: d))
            }
        }
        def("linear(input, weight, bias=None)") { _, a in out(try Functional.linear(t(a["input"]), t(a["weight"], "weight"), opt(a["bias"]))) }
        def("conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)") { ctx, a in
            out(try Functional.conv2d(t(a["input"]), t(a["weight"], "weight"), opt(a["bias"]),
                                      stride: TorchConvert.pair(ctx, a["stride"], "stride"), padding: TorchConvert.pair(ctx, a["padding"], "padding"),
                                      dilation: TorchConvert.pair(ctx, a["dilation"], "dilation"), groups: a.int("groups")))
        }
        def("dropout(input, p=0.5, training=True, inplace=False)") { _, a in
            out(try Functional.dropout(t(a["input"]), p: a.double("p"), training: a.bool("training"), inplace: a.bool("inplace")))
        }
        def("batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05)") { _, a in
            out(try Functional.batchNorm(t(a["input"]), runningMean: opt(a["running_mean"]), runningVar: opt(a["running_var"]),
                                         weight: opt(a["weight"]), bias: opt(a["bias"]), training: a.bool("training"),
                                         momentum: a.double("momentum"), eps: a.double("eps")))
        }
        def("mse_loss(input, target, size_average=None, reduce=None, reduction='mean', weight=None)") { _, a in
            out(try Functional.mseLoss(t(a["input"]), t(a["target"], "target"), reduction: Reduction(parsing: a.string("reduction"))))
        }
        def("l1_loss(input, target, size_average=None, reduce=None, reduction='mean')") { _, a in
            out(try Functional.l1Loss(t(a["input"]), t(a["target"], "target"), reduction: Reduction(parsing: a.string("reduction"))))
        }
        def("cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)") { _, a in
            out(try Functional.crossEntropy(t(a["input"]), t(a["target"], "target"), weight: opt(a["weight"]),
                                            ignoreIndex: Int64(a.int("ignore_index")), reduction: Reduction(parsing: a.string("reduction")),
                                            labelSmoothing: a.double("label_smoothing")))
        }
        def("nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')") { _, a in
            out(try Functional.nllLoss(t(a["input"]), t(a["target"], "target"), weight: opt(a["weight"]),
                                       ignoreIndex: Int64(a.int("ignore_index")), reduction: Reduction(parsing: a.string("reduction"))))
        }
        def("one_hot(tensor, num_classes=-1)") { _, a in out(try t(a["tensor"], "tensor").oneHot(numClasses: a.int("num_classes"))) }
        def("unfold(input, kernel_size, dilation=1, padding=0, stride=1)") { ctx, a in
            let w = Window2D(kernel: try TorchConvert.pair(ctx, a["kernel_size"], "kernel_size"), stride: try TorchConvert.pair(ctx, a["stride"], "stride"),
                             padding: try TorchConvert.pair(ctx, a["padding"], "padding"), dilation: try TorchConvert.pair(ctx, a["dilation"], "dilation"))
            return out(try Im2Col.unfold(t(a["input"]), w))
        }
        def("fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)") { ctx, a in
            let w = Window2D(kernel: try TorchConvert.pair(ctx, a["kernel_size"], "kernel_size"), stride: try TorchConvert.pair(ctx, a["stride"], "stride"),
                             padding: try TorchConvert.pair(ctx, a["padding"], "padding"), dilation: try TorchConvert.pair(ctx, a["dilation"], "dilation"))
            return out(try Im2Col.fold(t(a["input"]), outputSize: TorchConvert.pair(ctx, a["output_size"], "output_size"), w))
        }
        for name in ["max_pool2d", "avg_pool2d"] {
            let spec = name == "max_pool2d"
                ? "max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)"
                : "avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)"
            def(spec) { ctx, a in
                let k = try TorchConvert.pair(ctx, a["kernel_size"], "kernel_size")
                let s = a["stride"].isNone ? k : try TorchConvert.pair(ctx, a["stride"], "stride")
                let isMax = name == "max_pool2d"
                let d = isMax ? try TorchConvert.pair(ctx, a["dilation"], "dilation") : (1, 1)
                let w = Window2D(kernel: k, stride: s, padding: try TorchConvert.pair(ctx, a["padding"], "padding"), dilation: d)
                let r = try Im2Col.pool(t(a["input"]), w, max: isMax, ceilMode: a.bool("ceil_mode"),
                                        countIncludePad: isMax ? true : a.bool("count_include_pad"),
                                        divisor: isMax ? nil : a.optionalInt("divisor_override"))
                if isMax, try a.bool("return_indices") { return .tuple([out(r.0), out(r.1)]) }
                return out(r.0)
            }
        }
        return f
    }
}

/// im2col / col2im / pooling on whole tensors (forward + backward) over the engine's kernels.
enum Im2Col {
    static func planes(_ x: Tensor, _ op: String) throws -> (batched: Bool, n: Int, c: Int, h: Int, w: Int) {
        guard x.dim == 3 || x.dim == 4 else {
            throw TensorError.runtime("Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got: \(TorchTensorType.sizeList(x.shape))")
        }
        guard x.dtype.isFloatingPoint else { throw TensorError.runtime("\"\(op)\" not implemented for '\(x.dtype.scalarTypeName)'") }
        let b = x.dim == 4
        return (b, b ? x.shape[0] : 1, x.shape[x.dim - 3], x.shape[x.dim - 2], x.shape[x.dim - 1])
    }

    static func unfold(_ x: Tensor, _ w: Window2D) throws -> Tensor {
        let p = try planes(x, "im2col")
        let (oh, ow) = w.outputSize(height: p.h, width: p.w)
        guard oh > 0 && ow > 0 else {
            throw TensorError.runtime("Given input with spatial size (\(p.h), \(p.w)), kernel_size=(\(w.kernel.h), \(w.kernel.w)), dilation=(\(w.dilation.h), \(w.dilation.w)), padding=(\(w.padding.h), \(w.padding.w)), calculated shape of the array of sliding blocks as (\(oh), \(ow)), but its components must be at least one.")
        }
        let src = x.contiguous()
        let rows = p.c * w.kernel.h * w.kernel.w, cols = oh * ow
        let r = Tensor(zeros: [p.n, rows, cols], dtype: x.dtype, device: x.device)
        for i in 0..<p.n {
            if x.dtype == .float32 {
                ConvKernels.im2col(UnsafePointer(src.dataPointer(Float.self) + i * p.c * p.h * p.w), channels: p.c, height: p.h, width: p.w,
                                   window: w, into: r.dataPointer(Float.self) + i * rows * cols)
            } else {
                ConvKernels.im2col(UnsafePointer(src.dataPointer(Double.self) + i * p.c * p.h * p.w), channels: p.c, height: p.h, width: p.w,
                                   window: w, into: r.dataPointer(Double.self) + i * rows * cols)
            }
        }
        let (h, wd, c) = (p.h, p.w, p.c)
        let res = p.batched ? r : try r.squeeze(dim: 0)
        recordAutograd("Im2ColBackward0", inputs: [x], outputs: [res]) { g in
            guard let go = g[0] else { return [nil] }
            return [try fold(go, outputSize: (h, wd), w, channels: c)]
        }
        return res
    }

    static func fold(_ x: Tensor, outputSize: (Int, Int), _ w: Window2D, channels: Int? = nil) throws -> Tensor {
        guard x.dim == 2 || x.dim == 3 else {
            throw TensorError.runtime("Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, but got: \(TorchTensorType.sizeList(x.shape))")
        }
        guard x.dtype.isFloatingPoint else { throw TensorError.runtime("\"col2im\" not implemented for '\(x.dtype.scalarTypeName)'") }
        let batched = x.dim == 3
        let n = batched ? x.shape[0] : 1, rows = x.shape[x.dim - 2], cols = x.shape[x.dim - 1]
        let kk = w.kernel.h * w.kernel.w
        guard rows % kk == 0 else {
            throw TensorError.runtime("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=\(rows) and kernel_size=(\(w.kernel.h), \(w.kernel.w))")
        }
        let c = channels ?? rows / kk
        let (h, wd) = outputSize
        let (oh, ow) = w.outputSize(height: h, width: wd)
        guard oh * ow == cols else {
            throw TensorError.runtime("Given output_size=(\(h), \(wd)), kernel_size=(\(w.kernel.h), \(w.kernel.w)), dilation=(\(w.dilation.h), \(w.dilation.w)), padding=(\(w.padding.h), \(w.padding.w)), stride=(\(w.stride.h), \(w.stride.w)), expected size of input's dimension 2 to match the calculated number of sliding blocks \(oh) * \(ow) = \(oh * ow), but got input.size(2)=\(cols).")
        }
        let src = x.contiguous()
        let r = Tensor(zeros: [n, c, h, wd], dtype: x.dtype, device: x.device)
        for i in 0..<n {
            if x.dtype == .float32 {
                ConvKernels.col2im(UnsafePointer(src.dataPointer(Float.self) + i * rows * cols), channels: c, height: h, width: wd,
                                   window: w, addingInto: r.dataPointer(Float.self) + i * c * h * wd)
            } else {
                ConvKernels.col2im(UnsafePointer(src.dataPointer(Double.self) + i * rows * cols), channels: c, height: h, width: wd,
                                   window: w, addingInto: r.dataPointer(Double.self) + i * c * h * wd)
            }
        }
        let res = batched ? r : try r.squeeze(dim: 0)
        recordAutograd("Col2ImBackward0", inputs: [x], outputs: [res]) { g in
            guard let go = g[0] else { return [nil] }
            return [try unfold(go, w)]
        }
        return res
    }

    static func pool(_ x: Tensor, _ w: Window2D, max isMax: Bool, ceilMode: Bool, countIncludePad: Bool, divisor: Int?) throws -> (Tensor, Tensor) {
        let p = try planes(x, isMax ? "max_pool2d" : "avg_pool2d")
        guard w.padding.h * 2 <= w.kernel.h && w.padding.w * 2 <= w.kernel.w else {
            throw TensorError.runtime("pad should be at most half of effective kernel size, but got pad=\(w.padding.h), kernel_size=\(w.kernel.h) and dilation=\(w.dilation.h)")
        }
        let oh = PoolKernels.outputSize(p.h, kernel: w.kernel.h, stride: w.stride.h, padding: w.padding.h, dilation: w.dilation.h, ceilMode: ceilMode)
        let ow = PoolKernels.outputSize(p.w, kernel: w.kernel.w, stride: w.stride.w, padding: w.padding.w, dilation: w.dilation.w, ceilMode: ceilMode)
        guard oh > 0 && ow > 0 else {
            throw TensorError.runtime("Given input size: (\(p.c)x\(p.h)x\(p.w)). Calculated output size: (\(p.c)x\(oh)x\(ow)). Output size is too small")
        }
        let src = x.contiguous()
        let np = p.n * p.c
        let shape = (p.batched ? [p.n] : []) + [p.c, oh, ow]
        let r = Tensor(zeros: shape, dtype: x.dtype, device: x.device)
        let idx = Tensor(zeros: shape, dtype: .int64, device: x.device)
        let ip = idx.dataPointer(Int64.self)
        if x.dtype == .float32 {
            if isMax { PoolKernels.maxPool2d(UnsafePointer(src.dataPointer(Float.self)), planes: np, height: p.h, width: p.w, window: w, outHeight: oh, outWidth: ow, output: r.dataPointer(Float.self), indices: ip) }
            else { PoolKernels.avgPool2d(UnsafePointer(src.dataPointer(Float.self)), planes: np, height: p.h, width: p.w, window: w, outHeight: oh, outWidth: ow, countIncludePad: countIncludePad, divisorOverride: divisor, output: r.dataPointer(Float.self)) }
        } else {
            if isMax { PoolKernels.maxPool2d(UnsafePointer(src.dataPointer(Double.self)), planes: np, height: p.h, width: p.w, window: w, outHeight: oh, outWidth: ow, output: r.dataPointer(Double.self), indices: ip) }
            else { PoolKernels.avgPool2d(UnsafePointer(src.dataPointer(Double.self)), planes: np, height: p.h, width: p.w, window: w, outHeight: oh, outWidth: ow, countIncludePad: countIncludePad, divisorOverride: divisor, output: r.dataPointer(Double.self)) }
        }
        let (h, wd, inShape, dt, dev) = (p.h, p.w, x.shape, x.dtype, x.device)
        recordAutograd(isMax ? "MaxPool2DWithIndicesBackward0" : "AvgPool2DBackward0", inputs: [x], outputs: [r]) { g in
            guard let go0 = g[0] else { return [nil] }
            let go = go0.contiguous().to(dt)
            let gi = Tensor(zeros: inShape, dtype: dt, device: dev)
            if dt == .float32 {
                if isMax { PoolKernels.maxPool2dBackward(UnsafePointer(go.dataPointer(Float.self)), indices: UnsafePointer(ip), planes: np, height: h, width: wd, outCount: oh * ow, gradInput: gi.dataPointer(Float.self)) }
                else { PoolKernels.avgPool2dBackward(UnsafePointer(go.dataPointer(Float.self)), planes: np, height: h, width: wd, window: w, outHeight: oh, outWidth: ow, countIncludePad: countIncludePad, divisorOverride: divisor, gradInput: gi.dataPointer(Float.self)) }
            } else {
                if isMax { PoolKernels.maxPool2dBackward(UnsafePointer(go.dataPointer(Double.self)), indices: UnsafePointer(ip), planes: np, height: h, width: wd, outCount: oh * ow, gradInput: gi.dataPointer(Double.self)) }
                else { PoolKernels.avgPool2dBackward(UnsafePointer(go.dataPointer(Double.self)), planes: np, height: h, width: wd, window: w, outHeight: oh, outWidth: ow, countIncludePad: countIncludePad, divisorOverride: divisor, gradInput: gi.dataPointer(Double.self)) }
            }
            withExtendedLifetime(idx) {}
            return [gi]
        }
        return (r, idx)
    }
}

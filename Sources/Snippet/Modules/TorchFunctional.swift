import Foundation
import MiniTorch

/// `torch.nn.functional` over the engine's `Functional` ops and Tensor-level conv/pool ops
/// (`unfold2d`, `fold2d`, `maxPool2dWithIndices`, `avgPool2d`).
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
        def("leaky_relu(input, negative_slope=0.01, inplace=False)") { _, a in
            let x = try t(a["input"])
            let r = try Functional.leakyRelu(x, negativeSlope: a.double("negative_slope"), inplace: a.bool("inplace"))
            return r === x ? a["input"] : out(r)
        }
        def("leaky_relu_(input, negative_slope=0.01)") { _, a in
            _ = try Functional.leakyRelu(t(a["input"]), negativeSlope: a.double("negative_slope"), inplace: true)
            return a["input"]
        }
        def("embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False)") { _, a in
            let w = try t(a["weight"], "weight")
            let pad = try a.optionalInt("padding_idx").map { $0 < 0 ? $0 + (w.shape.first ?? 0) : $0 }
            return out(try Functional.embedding(t(a["input"]), w, paddingIdx: pad))
        }
        def("layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)") { ctx, a in
            out(try Functional.layerNorm(t(a["input"]), TorchConvert.normalizedShape(ctx, a["normalized_shape"]),
                                         weight: opt(a["weight"]), bias: opt(a["bias"]), eps: a.double("eps")))
        }
        def("gelu(input, approximate='none')") { _, a in out(try Functional.gelu(t(a["input"]), approximate: a.string("approximate"))) }
        TorchLinalg.define(f, normalizeOp)
        def("pad(input, pad, mode='constant', value=None)") { ctx, a in
            let mode = try a.string("mode")
            guard mode == "constant" else {
                if ["reflect", "replicate", "circular"].contains(mode) {
                    throw PyError.notImplementedError("F.pad(mode='\(mode)') is not supported here; only mode='constant'")
                }
                throw PyError.notImplementedError("Unrecognised padding mode \(mode)")
            }
            let amounts = try ctx.toArray(a["pad"]).map { try $0.asIndex() }
            var value = Scalar.int(0)
            if !a["value"].isNone {
                guard let v = TorchConvert.scalar(a["value"]) else {
                    throw PyError.typeError("pad(): argument 'value' must be float, not \(a["value"].typeName)")
                }
                value = v
            }
            return out(try Functional.constantPad(t(a["input"]), amounts, value: value))
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
                                      stride: TorchConvert.pair(ctx, a["stride"], "stride"),
                                      padding: TorchConvert.convPadding(ctx, a["padding"], invalid: { PyError.runtimeError("Invalid padding string: '\($0)'") }),
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
            out(try t(a["input"]).unfold2d(kernel: TorchConvert.pair(ctx, a["kernel_size"], "kernel_size"),
                                           dilation: TorchConvert.pair(ctx, a["dilation"], "dilation"),
                                           padding: TorchConvert.pair(ctx, a["padding"], "padding"),
                                           stride: TorchConvert.pair(ctx, a["stride"], "stride")))
        }
        def("fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)") { ctx, a in
            out(try t(a["input"]).fold2d(outputSize: TorchConvert.pair(ctx, a["output_size"], "output_size"),
                                         kernel: TorchConvert.pair(ctx, a["kernel_size"], "kernel_size"),
                                         dilation: TorchConvert.pair(ctx, a["dilation"], "dilation"),
                                         padding: TorchConvert.pair(ctx, a["padding"], "padding"),
                                         stride: TorchConvert.pair(ctx, a["stride"], "stride")))
        }
        def("max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)") { ctx, a in
            let stride: (Int, Int)? = a["stride"].isNone ? nil : try TorchConvert.pair(ctx, a["stride"], "stride")
            let (r, idx) = try t(a["input"]).maxPool2dWithIndices(kernel: TorchConvert.pair(ctx, a["kernel_size"], "kernel_size"), stride: stride,
                                                                  padding: TorchConvert.pair(ctx, a["padding"], "padding"),
                                                                  dilation: TorchConvert.pair(ctx, a["dilation"], "dilation"),
                                                                  ceilMode: a.bool("ceil_mode"))
            return try a.bool("return_indices") ? .tuple([out(r), out(idx)]) : out(r)
        }
        def("avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)") { ctx, a in
            let stride: (Int, Int)? = a["stride"].isNone ? nil : try TorchConvert.pair(ctx, a["stride"], "stride")
            return out(try t(a["input"]).avgPool2d(kernel: TorchConvert.pair(ctx, a["kernel_size"], "kernel_size"), stride: stride,
                                                   padding: TorchConvert.pair(ctx, a["padding"], "padding"), ceilMode: a.bool("ceil_mode"),
                                                   countIncludePad: a.bool("count_include_pad"), divisorOverride: a.optionalInt("divisor_override")))
        }
        return f
    }
}


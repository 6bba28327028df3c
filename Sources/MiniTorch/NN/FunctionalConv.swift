/// `F.conv2d` on top of the im2col + GEMM kernels (ConvKernels), node `ConvolutionBackward0` whose backward
/// is col2im(Wᵀ·g) for the input, g·colsᵀ for the weight and Σg for the bias.
/// (Kept in the nn layer until the kernels' own Tensor-level conv2d lands; both use the same kernels.)

extension Functional {
    /// `F.conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)`.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, _ bias: Tensor? = nil, stride: (Int, Int) = (1, 1),
                              padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1), groups: Int = 1) throws -> Tensor {
        guard input.dim == 3 || input.dim == 4 else {
            throw TensorError.runtime("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: \(shapeList(input.shape))")
        }
        if input.dim == 3 {
            return try conv2d(input.unsqueeze(0), weight, bias, stride: stride, padding: padding, dilation: dilation, groups: groups).squeeze(dim: 0)
        }
        guard weight.dim == 4 else {
            throw TensorError.runtime("weight should have at least three dimensions")
        }
        guard groups > 0 else { throw TensorError.runtime("non-positive groups is not supported") }
        guard stride.0 > 0 && stride.1 > 0 else { throw TensorError.runtime("non-positive stride is not supported") }
        guard padding.0 >= 0 && padding.1 >= 0 else { throw TensorError.runtime("negative padding is not supported") }
        guard dilation.0 > 0 && dilation.1 > 0 else { throw TensorError.runtime("dilation should be greater than zero") }
        let (n, c, h, w) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3])
        let (o, cg, kh, kw) = (weight.shape[0], weight.shape[1], weight.shape[2], weight.shape[3])
        guard c == cg * groups else {
            throw TensorError.runtime("Given groups=\(groups), weight of size \(shapeList(weight.shape)), expected input\(shapeList(input.shape)) to have \(cg * groups) channels, but got \(c) channels instead")
        }
        guard o % groups == 0 else {
            throw TensorError.runtime("Given groups=\(groups), expected weight to be divisible by \(groups) at dimension 0, but got weight of size \(shapeList(weight.shape)) instead")
        }
        if let b = bias, b.dim != 1 || b.numel != o {
            throw TensorError.runtime("Given weight of size \(shapeList(weight.shape)), expected bias to be 1-dimensional with \(o) elements, but got bias of size \(shapeList(b.shape)) instead")
        }
        // PyTorch's slow_conv2d checks the bias against the input first, then the weight.
        if let b = bias, b.dtype != input.dtype {
            throw TensorError.runtime("Input type (\(cppTypeName(input.dtype))) and bias type (\(cppTypeName(b.dtype))) should be the same")
        }
        guard input.dtype == weight.dtype else {
            throw TensorError.runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(weight.dtype.scalarTypeName)")
        }
        guard input.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"slow_conv2d_cpu\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        let ph = h + 2 * padding.0, pw = w + 2 * padding.1
        let ekh = dilation.0 * (kh - 1) + 1, ekw = dilation.1 * (kw - 1) + 1
        guard ph >= ekh && pw >= ekw else {
            throw TensorError.runtime("Calculated padded input size per channel: (\(ph) x \(pw)). Kernel size: (\(ekh) x \(ekw)). Kernel size can't be greater than actual input size")
        }
        try Tensor.checkSameDevice([input, weight] + (bias.map { [$0] } ?? []))
        let window = Window2D(kernel: (kh, kw), stride: stride, padding: padding, dilation: dilation)
        let s = ConvKernels.ConvShape(batch: n, inChannels: c, height: h, width: w, outChannels: o, groups: groups, window: window)
        let (oh, ow) = s.out
        let x = input.isContiguous ? input : input.materialized()
        let wt = weight.isContiguous ? weight : weight.materialized()
        let bt = bias.map { $0.isContiguous ? $0 : $0.materialized() }
        try Tensor.checkSizes([n, o, oh, ow])
        try Tensor.checkSizes([c / groups, kh, kw, oh, ow])   // the column buffer
        let out = Tensor(zeros: [n, o, oh, ow], dtype: input.dtype, device: input.device)
        if input.dtype == .float32 {
            ConvKernels.conv2d(s, input: x.dataPointer(Float.self), weight: wt.dataPointer(Float.self),
                               bias: bt.map { UnsafePointer($0.dataPointer(Float.self)) }, output: out.dataPointer(Float.self))
        } else {
            ConvKernels.conv2d(s, input: x.dataPointer(Double.self), weight: wt.dataPointer(Double.self),
                               bias: bt.map { UnsafePointer($0.dataPointer(Double.self)) }, output: out.dataPointer(Double.self))
        }
        withExtendedLifetime((x, wt, bt)) {}
        var inputs = [input, weight]
        if let b = bias { inputs.append(b) }
        recordAutograd("ConvolutionBackward0", inputs: inputs, outputs: [out]) { g in
            guard let go0 = g[0] else { return inputs.map { _ in nil } }
            let go = go0.materialized(dtype: input.dtype)
            let gi = input.requiresGrad ? Tensor(zeros: input.shape, dtype: input.dtype, device: input.device) : nil
            let gw = weight.requiresGrad ? Tensor(zeros: weight.shape, dtype: weight.dtype, device: weight.device) : nil
            let gb = (bias?.requiresGrad ?? false) ? Tensor(zeros: [o], dtype: input.dtype, device: input.device) : nil
            func run<T: GemmScalar>(_: T.Type) {
                let gp = UnsafePointer(go.dataPointer(T.self))
                if let gi = gi { ConvKernels.conv2dBackwardInput(s, gradOutput: gp, weight: wt.dataPointer(T.self), gradInput: gi.dataPointer(T.self)) }
                if let gw = gw { ConvKernels.conv2dBackwardWeight(s, input: x.dataPointer(T.self), gradOutput: gp, gradWeight: gw.dataPointer(T.self)) }
                if let gb = gb { ConvKernels.conv2dBackwardBias(s, gradOutput: gp, gradBias: gb.dataPointer(T.self)) }
            }
            if input.dtype == .float32 { run(Float.self) } else { run(Double.self) }
            withExtendedLifetime((go, x, wt)) {}
            var res: [Tensor?] = [gi, gw]
            if bias != nil { res.append(gb) }
            return res
        }?.saveForBackward([input, weight])
        return out
    }
}

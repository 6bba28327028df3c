/// F.unfold (im2col) and F.fold (col2im) as tensor ops, and the direct convolution kept as a reference
/// (`conv2dReference`, for tests and `explain`). F.conv2d itself (im2col + GEMM, `ConvolutionBackward0`)
/// lives in NN/FunctionalConv.swift on the same kernels (ConvKernels.swift).

extension Tensor {
    static func checkWindowArgs(kernel: (Int, Int), dilation: (Int, Int), padding: (Int, Int), stride: (Int, Int)) throws {
        guard kernel.0 > 0 && kernel.1 > 0 else {
            throw TensorError.runtime("kernel size should be greater than zero, but got kernel_height: \(kernel.0) kernel_width: \(kernel.1)")
        }
        guard dilation.0 > 0 && dilation.1 > 0 else {
            throw TensorError.runtime("dilation should be greater than zero, but got dilation_height: \(dilation.0) dilation_width: \(dilation.1)")
        }
        guard padding.0 >= 0 && padding.1 >= 0 else {
            throw TensorError.runtime("padding should be non-negative, but got pad_height: \(padding.0) pad_width: \(padding.1)")
        }
        guard stride.0 > 0 && stride.1 > 0 else {
            throw TensorError.runtime("stride should be greater than zero, but got stride_height: \(stride.0) stride_width: \(stride.1)")
        }
    }

    /// `F.unfold(input, kernel_size, dilation=1, padding=0, stride=1)`: [N, C, H, W] → [N, C·kh·kw, L]
    /// (also [C, H, W] → [C·kh·kw, L]). Node `Im2ColBackward0` (its backward is fold).
    public func unfold2d(kernel: (Int, Int), dilation: (Int, Int) = (1, 1), padding: (Int, Int) = (0, 0),
                         stride: (Int, Int) = (1, 1)) throws -> Tensor {
        let batched = dim == 4
        guard dim == 3 || dim == 4 else {
            // PyTorch's im2col_shape_check reads size(1) and size(2) before its rank check.
            _ = try size(1)
            _ = try size(2)
            throw TensorError.runtime("Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions for input, but got: \(shapeString(shape))")
        }
        try Tensor.checkWindowArgs(kernel: kernel, dilation: dilation, padding: padding, stride: stride)
        let x4 = batched ? self : try unsqueeze(0)
        let (n, c, h, w) = (x4.shape[0], x4.shape[1], x4.shape[2], x4.shape[3])
        let win = Window2D(kernel: kernel, stride: stride, padding: padding, dilation: dilation)
        let (oh, ow) = win.outputSize(height: h, width: w)
        guard oh >= 1 && ow >= 1 else {
            throw TensorError.runtime("Given input with spatial size (\(h), \(w)), kernel_size=(\(kernel.0), \(kernel.1)), dilation=(\(dilation.0), \(dilation.1)), padding=(\(padding.0), \(padding.1)), calculated shape of the array of sliding blocks as (\(oh), \(ow)), but its components must be at least one.")
        }
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"im2col_out_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let src = x4.isContiguous ? x4 : x4.materialized()
        let rows = c * kernel.0 * kernel.1, l = oh * ow
        // im2col writes every element (zeros included), so the storage starts uninitialised.
        try Tensor.checkSizes([n, rows, l])
        let outLayout = Layout(contiguous: batched ? [n, rows, l] : [rows, l])
        let out = Tensor(storage: Storage(dtype: dtype, uninitializedCount: outLayout.numel), layout: outLayout, device: device)
        if dtype == .float32 {
            ConvKernels.im2colBatch(src.dataPointer(Float.self), batch: n, channels: c, height: h, width: w, window: win,
                                    into: out.dataPointer(Float.self))
        } else {
            ConvKernels.im2colBatch(src.dataPointer(Double.self), batch: n, channels: c, height: h, width: w, window: win,
                                    into: out.dataPointer(Double.self))
        }
        recordAutograd("Im2ColBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.fold2d(outputSize: (h, w), kernel: kernel, dilation: dilation, padding: padding, stride: stride)]
        }
        return out
    }

    /// `F.fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)`: [N, C·kh·kw, L] → [N, C, H, W]
    /// summing overlapping patches (also unbatched [C·kh·kw, L]). Node `Col2ImBackward0` (its backward is unfold).
    public func fold2d(outputSize: (Int, Int), kernel: (Int, Int), dilation: (Int, Int) = (1, 1),
                       padding: (Int, Int) = (0, 0), stride: (Int, Int) = (1, 1)) throws -> Tensor {
        guard (dim == 2 || dim == 3) && !shape.dropFirst(dim == 3 ? 1 : 0).contains(0) else {
            throw TensorError.runtime("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: \(shapeString(shape))")
        }
        try Tensor.checkWindowArgs(kernel: kernel, dilation: dilation, padding: padding, stride: stride)
        let batched = dim == 3
        let x3 = batched ? self : try unsqueeze(0)
        let (n, rows, l) = (x3.shape[0], x3.shape[1], x3.shape[2])
        let area = kernel.0 * kernel.1
        guard rows % area == 0 else {
            throw TensorError.runtime("Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)=\(rows) and kernel_size=(\(kernel.0), \(kernel.1)).")
        }
        let (h, w) = outputSize
        let win = Window2D(kernel: kernel, stride: stride, padding: padding, dilation: dilation)
        let (bh, bw) = win.outputSize(height: h, width: w)
        guard bh * bw == l && bh >= 1 && bw >= 1 else {
            throw TensorError.runtime("Given output_size=(\(h), \(w)), kernel_size=(\(kernel.0), \(kernel.1)), dilation=(\(dilation.0), \(dilation.1)), padding=(\(padding.0), \(padding.1)), stride=(\(stride.0), \(stride.1)), expected size of input's dimension 2 to match the calculated number of sliding blocks \(Swift.max(bh, 0)) * \(Swift.max(bw, 0)) = \(Swift.max(bh, 0) * Swift.max(bw, 0)), but got input.size(2)=\(l).")
        }
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"col2im_out_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        let c = rows / area
        let src = x3.isContiguous ? x3 : x3.materialized()
        try Tensor.checkSizes([n, c, h, w])
        let out = Tensor(zeros: batched ? [n, c, h, w] : [c, h, w], dtype: dtype, device: device)
        for i in 0..<n {
            if dtype == .float32 {
                ConvKernels.col2im(UnsafePointer(src.dataPointer(Float.self) + i * rows * l), channels: c, height: h, width: w,
                                   window: win, addingInto: out.dataPointer(Float.self) + i * c * h * w)
            } else {
                ConvKernels.col2im(UnsafePointer(src.dataPointer(Double.self) + i * rows * l), channels: c, height: h, width: w,
                                   window: win, addingInto: out.dataPointer(Double.self) + i * c * h * w)
            }
        }
        recordAutograd("Col2ImBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.unfold2d(kernel: kernel, dilation: dilation, padding: padding, stride: stride)]
        }
        return out
    }

    /// The direct (seven-loop) convolution of a 4-D input: the reference the im2col + GEMM path is tested against,
    /// and what `explain conv2d` walks through. No autograd. Shapes must already be valid (see Functional.conv2d).
    public static func conv2dReference(_ input: Tensor, _ weight: Tensor, _ bias: Tensor? = nil, stride: (Int, Int) = (1, 1),
                                       padding: (Int, Int) = (0, 0), dilation: (Int, Int) = (1, 1), groups: Int = 1) throws -> Tensor {
        guard input.dim == 4, weight.dim == 4, groups > 0, input.shape[1] == weight.shape[1] * groups,
              weight.shape[0] % groups == 0, input.dtype.isFloatingPoint, weight.dtype == input.dtype else {
            throw TensorError.runtime("conv2dReference: invalid shapes input \(shapeString(input.shape)), weight \(shapeString(weight.shape)), groups \(groups)")
        }
        let s = ConvKernels.ConvShape(batch: input.shape[0], inChannels: input.shape[1], height: input.shape[2], width: input.shape[3],
                                      outChannels: weight.shape[0], groups: groups,
                                      window: Window2D(kernel: (weight.shape[2], weight.shape[3]), stride: stride, padding: padding, dilation: dilation))
        let (oh, ow) = s.out
        guard oh > 0, ow > 0 else { throw TensorError.runtime("conv2dReference: output size is too small") }
        let x = input.materialized(), wt = weight.materialized(), b = bias?.materialized(dtype: input.dtype)
        try Tensor.checkSizes([s.batch, s.outChannels, oh, ow])
        try Tensor.checkSizes([s.inChannels / s.groups, s.window.kernel.0, s.window.kernel.1, oh, ow])   // the column buffer
        let out = Tensor(zeros: [s.batch, s.outChannels, oh, ow], dtype: input.dtype, device: input.device)
        if input.dtype == .float32 {
            ConvKernels.conv2dNaive(s, input: x.dataPointer(Float.self), weight: wt.dataPointer(Float.self),
                                    bias: b.map { UnsafePointer($0.dataPointer(Float.self)) }, output: out.dataPointer(Float.self))
        } else {
            ConvKernels.conv2dNaive(s, input: x.dataPointer(Double.self), weight: wt.dataPointer(Double.self),
                                    bias: b.map { UnsafePointer($0.dataPointer(Double.self)) }, output: out.dataPointer(Double.self))
        }
        return out
    }
}

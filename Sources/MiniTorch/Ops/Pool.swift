/// F.max_pool2d (with indices) and F.avg_pool2d as tensor ops on PoolKernels, with PyTorch's checks, messages and
/// nodes (`MaxPool2DWithIndicesBackward0`, `AvgPool2DBackward0`).

extension Tensor {
    /// Shared validation of the pooling arguments; returns (planes, H, W, outH, outW).
    func poolGeometry(_ kernel: (Int, Int), _ stride: (Int, Int), _ padding: (Int, Int), _ dilation: (Int, Int),
                      ceilMode: Bool, maxPool: Bool) throws -> (Int, Int, Int, Int, Int) {
        if maxPool {
            guard (dim == 3 || dim == 4) && !shape.contains(0) else {
                throw TensorError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
            }
        } else {
            _ = try size(-3)
            guard dim == 3 || dim == 4 else {
                throw TensorError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
            }
        }
        guard kernel.0 > 0 && kernel.1 > 0 else {
            throw TensorError.runtime("kernel size should be greater than zero, but got kH: \(kernel.0) kW: \(kernel.1)")
        }
        guard stride.0 > 0 && stride.1 > 0 else { throw TensorError.runtime("stride should not be zero") }
        guard dilation.0 > 0 && dilation.1 > 0 else {
            throw TensorError.runtime("dilation should be greater than zero, but got dilationH: \(dilation.0) dilationW: \(dilation.1)")
        }
        for (p, k, d) in [(padding.0, kernel.0, dilation.0), (padding.1, kernel.1, dilation.1)] where p < 0 || p > ((k - 1) * d + 1) / 2 {
            if p < 0 { throw TensorError.runtime("pad must be non-negative, but got pad: \(p)") }
            throw TensorError.runtime("pad should be at most half of effective kernel size, but got pad=\(p), kernel_size=\(k) and dilation=\(d)")
        }
        let h = shape[dim - 2], w = shape[dim - 1], c = shape[dim - 3]
        let planes = shape.dropLast(2).reduce(1, *)
        let oh = PoolKernels.outputSize(h, kernel: kernel.0, stride: stride.0, padding: padding.0, dilation: dilation.0, ceilMode: ceilMode)
        let ow = PoolKernels.outputSize(w, kernel: kernel.1, stride: stride.1, padding: padding.1, dilation: dilation.1, ceilMode: ceilMode)
        guard oh >= 1 && ow >= 1 else {
            throw TensorError.runtime("Given input size: (\(c)x\(h)x\(w)). Calculated output size: (\(c)x\(oh)x\(ow)). Output size is too small")
        }
        return (planes, h, w, oh, ow)
    }

    /// `F.max_pool2d(input, kernel_size, stride=kernel_size, padding=0, dilation=1, ceil_mode=False, return_indices=True)`:
    /// values and int64 indices (flat h·W + w within each plane).
    public func maxPool2dWithIndices(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0),
                                     dilation: (Int, Int) = (1, 1), ceilMode: Bool = false) throws -> (Tensor, Tensor) {
        let st = stride ?? kernel
        let (planes, h, w, oh, ow) = try poolGeometry(kernel, st, padding, dilation, ceilMode: ceilMode, maxPool: true)
        let win = Window2D(kernel: kernel, stride: st, padding: padding, dilation: dilation)
        let outShape = Array(shape.dropLast(2)) + [oh, ow]
        let work = dtype.isFloatingPoint ? (isContiguous ? self : materialized()) : materialized(dtype: .float64)
        let vals = Tensor(zeros: outShape, dtype: work.dtype, device: device)
        let idx = Tensor(zeros: outShape, dtype: .int64, device: device)
        if work.dtype == .float32 {
            PoolKernels.maxPool2d(work.dataPointer(Float.self), planes: planes, height: h, width: w, window: win, outHeight: oh, outWidth: ow,
                                  output: vals.dataPointer(Float.self), indices: idx.dataPointer(Int64.self))
        } else {
            PoolKernels.maxPool2d(work.dataPointer(Double.self), planes: planes, height: h, width: w, window: win, outHeight: oh, outWidth: ow,
                                  output: vals.dataPointer(Double.self), indices: idx.dataPointer(Int64.self))
        }
        let out = vals.dtype == dtype ? vals : vals.materialized(dtype: dtype)
        let inShape = shape
        recordAutograd("MaxPool2DWithIndicesBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let gi = Tensor(zeros: inShape, dtype: go.dtype, device: go.device)
            let gc = go.materialized()
            if go.dtype == .float32 {
                PoolKernels.maxPool2dBackward(gc.dataPointer(Float.self), indices: idx.dataPointer(Int64.self), planes: planes, height: h,
                                              width: w, outCount: oh * ow, gradInput: gi.dataPointer(Float.self))
            } else {
                PoolKernels.maxPool2dBackward(gc.dataPointer(Double.self), indices: idx.dataPointer(Int64.self), planes: planes, height: h,
                                              width: w, outCount: oh * ow, gradInput: gi.dataPointer(Double.self))
            }
            return [gi]
        }
        return (out, idx)
    }

    /// `F.max_pool2d(...)` values only.
    public func maxPool2d(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0),
                          dilation: (Int, Int) = (1, 1), ceilMode: Bool = false) throws -> Tensor {
        try maxPool2dWithIndices(kernel: kernel, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode).0
    }

    /// `F.avg_pool2d(input, kernel_size, stride=kernel_size, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)`.
    public func avgPool2d(kernel: (Int, Int), stride: (Int, Int)? = nil, padding: (Int, Int) = (0, 0), ceilMode: Bool = false,
                          countIncludePad: Bool = true, divisorOverride: Int? = nil) throws -> Tensor {
        let st = stride ?? kernel
        let (planes, h, w, oh, ow) = try poolGeometry(kernel, st, padding, (1, 1), ceilMode: ceilMode, maxPool: false)
        if let d = divisorOverride, d == 0 { throw TensorError.runtime("divisor must be not zero") }
        let win = Window2D(kernel: kernel, stride: st, padding: padding)
        let outShape = Array(shape.dropLast(2)) + [oh, ow]
        let work = dtype.isFloatingPoint ? (isContiguous ? self : materialized()) : materialized(dtype: .float64)
        let vals = Tensor(zeros: outShape, dtype: work.dtype, device: device)
        if work.dtype == .float32 {
            PoolKernels.avgPool2d(work.dataPointer(Float.self), planes: planes, height: h, width: w, window: win, outHeight: oh, outWidth: ow,
                                  countIncludePad: countIncludePad, divisorOverride: divisorOverride, output: vals.dataPointer(Float.self))
        } else {
            PoolKernels.avgPool2d(work.dataPointer(Double.self), planes: planes, height: h, width: w, window: win, outHeight: oh, outWidth: ow,
                                  countIncludePad: countIncludePad, divisorOverride: divisorOverride, output: vals.dataPointer(Double.self))
        }
        // Integer inputs: PyTorch divides the integer sum (truncating); the double path then truncates the same way.
        let out = vals.dtype == dtype ? vals : try vals.trunc().materialized(dtype: dtype)
        let inShape = shape
        recordAutograd("AvgPool2DBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let gi = Tensor(zeros: inShape, dtype: go.dtype, device: go.device)
            let gc = go.materialized()
            if go.dtype == .float32 {
                PoolKernels.avgPool2dBackward(gc.dataPointer(Float.self), planes: planes, height: h, width: w, window: win, outHeight: oh,
                                              outWidth: ow, countIncludePad: countIncludePad, divisorOverride: divisorOverride,
                                              gradInput: gi.dataPointer(Float.self))
            } else {
                PoolKernels.avgPool2dBackward(gc.dataPointer(Double.self), planes: planes, height: h, width: w, window: win, outHeight: oh,
                                              outWidth: ow, countIncludePad: countIncludePad, divisorOverride: divisorOverride,
                                              gradInput: gi.dataPointer(Double.self))
            }
            return [gi]
        }
        return out
    }
}

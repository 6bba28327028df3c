/// `padding='valid' | 'same'` of `F.conv2d` / `nn.Conv2d`, and the pooling layers `nn.MaxPool2d` / `nn.AvgPool2d`.

/// A convolution's `padding=`: numbers (one per spatial axis) or one of PyTorch's strings.
public enum ConvPadding: Sendable, Equatable {
    case explicit(Int, Int)
    /// `'valid'`: no padding.
    case valid
    /// `'same'`: output as large as the input (stride 1 only); `d·(k − 1)` padded per axis, the extra one of an
    /// odd total on the bottom/right.
    case same

    /// Parses PyTorch's padding strings; nil for any other string.
    public init?(string: String) {
        switch string {
        case "valid": self = .valid
        case "same": self = .same
        default: return nil
        }
    }
}

extension Functional {
    /// `F.conv2d(input, weight, bias, stride, padding, dilation, groups)` with `padding` numeric or `'valid'`/`'same'`.
    /// For `'same'` PyTorch (`_convolution_same`) pads `total = d·(k − 1)` per axis: `total / 2` on both sides, and when
    /// the total is odd one more row/column at the end, by padding the input explicitly before the convolution.
    public static func conv2d(_ input: Tensor, _ weight: Tensor, _ bias: Tensor? = nil, stride: (Int, Int) = (1, 1),
                              padding: ConvPadding, dilation: (Int, Int) = (1, 1), groups: Int = 1) throws -> Tensor {
        switch padding {
        case .explicit(let ph, let pw):
            return try conv2d(input, weight, bias, stride: stride, padding: (ph, pw), dilation: dilation, groups: groups)
        case .valid:
            return try conv2d(input, weight, bias, stride: stride, padding: (0, 0), dilation: dilation, groups: groups)
        case .same:
            guard stride == (1, 1) else {
                throw TensorError.runtime("padding='same' is not supported for strided convolutions")
            }
            // Shapes the numeric conv2d rejects are left to it, for its messages.
            guard input.dim == 3 || input.dim == 4, weight.dim == 4 else {
                return try conv2d(input, weight, bias, stride: stride, padding: (0, 0), dilation: dilation, groups: groups)
            }
            let total = (dilation.0 * (weight.shape[2] - 1), dilation.1 * (weight.shape[3] - 1))
            let left = (total.0 / 2, total.1 / 2)
            var x = input
            for (axis, extra) in [(x.dim - 2, total.0 - 2 * left.0), (x.dim - 1, total.1 - 2 * left.1)] where extra > 0 {
                var shape = x.shape
                shape[axis] = extra
                x = try Tensor.cat([x, Tensor(zeros: shape, dtype: x.dtype, device: x.device)], dim: axis)
            }
            return try conv2d(x, weight, bias, stride: stride, padding: left, dilation: dilation, groups: groups)
        }
    }
}

/// A pooling layer's size argument as written: one int or a pair; `nn.MaxPool2d` prints it back that way.
public enum PoolSize: Sendable, Equatable {
    case int(Int)
    case pair(Int, Int)

    public var pair: (Int, Int) {
        switch self {
        case .int(let n): return (n, n)
        case .pair(let a, let b): return (a, b)
        }
    }

    public var repr: String {
        switch self {
        case .int(let n): return "\(n)"
        case .pair(let a, let b): return "(\(a), \(b))"
        }
    }
}

/// `nn.MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)`;
/// `stride` defaults to `kernel_size`. (`return_indices=True` is `F.max_pool2d`'s; a module returns one tensor here.)
public final class MaxPool2d: Module {
    public let kernelSize: PoolSize, stride: PoolSize, padding: PoolSize, dilation: PoolSize, ceilMode: Bool
    public init(kernelSize: PoolSize, stride: PoolSize? = nil, padding: PoolSize = .int(0), dilation: PoolSize = .int(1),
                ceilMode: Bool = false) {
        self.kernelSize = kernelSize; self.stride = stride ?? kernelSize
        self.padding = padding; self.dilation = dilation; self.ceilMode = ceilMode
        super.init(typeName: "MaxPool2d")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.maxPool2d(kernel: kernelSize.pair, stride: stride.pair, padding: padding.pair, dilation: dilation.pair,
                            ceilMode: ceilMode)
    }
    public override func extraRepr() -> String {
        "kernel_size=\(kernelSize.repr), stride=\(stride.repr), padding=\(padding.repr), dilation=\(dilation.repr), ceil_mode=\(ceilMode ? "True" : "False")"
    }
}

/// `nn.AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)`;
/// `stride` defaults to `kernel_size`.
public final class AvgPool2d: Module {
    public let kernelSize: PoolSize, stride: PoolSize, padding: PoolSize
    public let ceilMode: Bool, countIncludePad: Bool, divisorOverride: Int?
    public init(kernelSize: PoolSize, stride: PoolSize? = nil, padding: PoolSize = .int(0), ceilMode: Bool = false,
                countIncludePad: Bool = true, divisorOverride: Int? = nil) {
        self.kernelSize = kernelSize; self.stride = stride ?? kernelSize; self.padding = padding
        self.ceilMode = ceilMode; self.countIncludePad = countIncludePad; self.divisorOverride = divisorOverride
        super.init(typeName: "AvgPool2d")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.avgPool2d(kernel: kernelSize.pair, stride: stride.pair, padding: padding.pair, ceilMode: ceilMode,
                            countIncludePad: countIncludePad, divisorOverride: divisorOverride)
    }
    public override func extraRepr() -> String {
        "kernel_size=\(kernelSize.repr), stride=\(stride.repr), padding=\(padding.repr)"
    }
}

/// `nn.Unfold` / `nn.Fold`: the module forms of `F.unfold` (im2col) and `F.fold` (col2im). Like PyTorch they keep
/// their arguments as written (an int or a pair, shown back that way by `repr`) and check them in `forward`.

/// `nn.Unfold(kernel_size, dilation=1, padding=0, stride=1)`.
public final class Unfold: Module {
    public let kernelSize: PoolSize, dilation: PoolSize, padding: PoolSize, stride: PoolSize
    public init(kernelSize: PoolSize, dilation: PoolSize = .int(1), padding: PoolSize = .int(0), stride: PoolSize = .int(1)) {
        self.kernelSize = kernelSize; self.dilation = dilation; self.padding = padding; self.stride = stride
        super.init(typeName: "Unfold")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.unfold2d(kernel: kernelSize.pair, dilation: dilation.pair, padding: padding.pair, stride: stride.pair)
    }
    public override func extraRepr() -> String {
        "kernel_size=\(kernelSize.repr), dilation=\(dilation.repr), padding=\(padding.repr), stride=\(stride.repr)"
    }
}

/// `nn.Fold(output_size, kernel_size, dilation=1, padding=0, stride=1)`.
public final class Fold: Module {
    public let outputSize: PoolSize, kernelSize: PoolSize, dilation: PoolSize, padding: PoolSize, stride: PoolSize
    public init(outputSize: PoolSize, kernelSize: PoolSize, dilation: PoolSize = .int(1), padding: PoolSize = .int(0),
                stride: PoolSize = .int(1)) {
        self.outputSize = outputSize; self.kernelSize = kernelSize
        self.dilation = dilation; self.padding = padding; self.stride = stride
        super.init(typeName: "Fold")
    }
    public override func forward(_ input: Tensor) throws -> Tensor {
        try input.fold2d(outputSize: outputSize.pair, kernel: kernelSize.pair, dilation: dilation.pair,
                         padding: padding.pair, stride: stride.pair)
    }
    public override func extraRepr() -> String {
        "output_size=\(outputSize.repr), kernel_size=\(kernelSize.repr), dilation=\(dilation.repr), padding=\(padding.repr), stride=\(stride.repr)"
    }
}

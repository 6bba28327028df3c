/// `nn.Parameter`: a Tensor flagged `isParameter` (a leaf that requires grad by default), sharing its data.
public enum Parameter {
    /// `nn.Parameter(data, requires_grad=True)`.
    public static func make(_ data: Tensor, requiresGrad: Bool = true) throws -> Tensor {
        let p = Tensor(storage: data.storage, layout: data.layout, device: data.device, versionCounter: data.versionCounter)
        if requiresGrad {
            guard data.dtype.isFloatingPoint else {
                throw TensorError.runtime("Only Tensors of floating point and complex dtype can require gradients")
            }
            p.requiresGrad = true
        }
        p.isParameter = true
        return p
    }
    /// A fresh zero-filled parameter (the layers fill it with their init right after).
    static func empty(_ shape: [Int], dtype: DType = .defaultFloat, device: Device = .cpu) throws -> Tensor {
        try Tensor.checkSizes(shape)
        let t = Tensor(zeros: shape, dtype: dtype, device: device)
        t.requiresGrad = true
        t.isParameter = true
        return t
    }
    /// `repr(param)`: "Parameter containing:\n" + the tensor's repr.
    public static func repr(_ p: Tensor) -> String { "Parameter containing:\n" + p.description }
}

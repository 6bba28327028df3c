/// Tensor-level autograd surface: `Variable`, `detach_`, `.data`, `requires_grad_`.

extension Autograd {
    /// `torch.autograd.Variable(t, requires_grad=False)`: since PyTorch 0.4 a plain Tensor sharing `t`'s data.
    public static func variable(_ t: Tensor, requiresGrad: Bool = false) throws -> Tensor {
        let v = t.detach()
        if requiresGrad { try v.setRequiresGradForFactory(true) }
        return v
    }
}

extension Tensor {
    /// `requires_grad_(flag=True)`: returns self.
    @discardableResult
    public func requiresGrad_(_ flag: Bool = true) throws -> Tensor {
        // `requires_grad_()` (VariableTypeManual.cpp) words the check without "and complex".
        if flag && !dtype.isFloatingPoint { throw TensorError.runtime("only Tensors of floating point dtype can require gradients") }
        try setRequiresGrad(flag)
        return self
    }

    /// `detach_()`: makes self a leaf that does not require grad.
    @discardableResult
    public func detach_() throws -> Tensor {
        if base != nil && gradFn != nil {
            throw TensorError.runtime("Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
        }
        gradFn = nil
        outputNr = 0
        requiresGrad = false
        return self
    }

    /// `.data`: same storage, no graph, and (unlike `detach()`) a version counter of its own, so in-place
    /// changes through it are invisible to autograd — exactly why `.data` is discouraged.
    public var data: Tensor {
        let t = Tensor(storage: storage, layout: layout, device: device, versionCounter: VersionCounter())
        return t
    }

    /// `x.data = y`: self now views y's storage (shape may change); autograd metadata is kept.
    public func setData(_ src: Tensor) {
        storage = src.storage
        layout = src.layout
        device = src.device
    }
}

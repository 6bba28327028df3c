/// `torch.diag` (vector → diagonal matrix with DiagEmbedBackward0, matrix → copy of a diagonal with
/// DiagonalBackward0_copy, both with an offset) and `torch.dist` (p-norm of the broadcast difference, DistBackward0).

extension Tensor {
    /// `diag(diagonal=0)`.
    public func diag(_ offset: Int = 0) throws -> Tensor {
        guard dim == 1 || dim == 2 else { throw TensorError.runtime("diag(): Supports 1D or 2D tensors. Got \(dim)D") }
        let inShape = shape, dt = dtype, dev = device
        if dim == 1 {
            let (sum, overflow) = shape[0].addingReportingOverflow(Int(clamping: offset.magnitude))
            let n = overflow ? Int.max : sum
            try Tensor.checkSizes([n, n])
            let out = Tensor(zeros: [n, n], dtype: dt, device: dev)
            try out.makeView(Tensor.diagonalLayout(out.layout, offset: offset, 0, 1)).assignElements(from: self)
            recordAutograd("DiagEmbedBackward0", inputs: [self], outputs: [out]) { g in
                [try g[0].map { try $0.makeView(Tensor.diagonalLayout($0.layout, offset: offset, 0, 1)).materialized() }]
            }
            return out
        }
        let out = makeView(Tensor.diagonalLayout(layout, offset: offset, 0, 1)).materialized()
        recordAutograd("DiagonalBackward0_copy", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let z = Tensor(zeros: inShape, dtype: dt, device: dev)
            try z.makeView(Tensor.diagonalLayout(z.layout, offset: offset, 0, 1)).assignElements(from: go)
            return [z]
        }
        return out
    }

    /// `dist(other, p=2)`: ‖self − other‖_p over all elements of the broadcast difference.
    /// The gradient is the p-norm's, un-broadcast to each operand (the other's negated).
    public func dist(_ other: Tensor, p: Double = 2) throws -> Tensor {
        let diff = try GradMode.with(enabled: false) { try sub(other) }
        guard diff.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("norm(): input dtype should be either floating point or complex. Got \(diff.dtype.scalarTypeName) instead.")
        }
        let out = try GradMode.with(enabled: false) { try diff.vectorNorm(p) }
        let aShape = shape, bShape = other.shape
        let wantA = requiresGrad, wantB = other.requiresGrad
        recordAutograd("DistBackward0", inputs: [self, other], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            let d = diff.detach()
            try d.setRequiresGrad(true)
            let gd = try GradMode.with(enabled: true) {
                try Autograd.grad(outputs: [d.vectorNorm(p)], inputs: [d], gradOutputs: [go.detach()])[0]
            }
            guard let gd = gd else { return [nil, nil] }
            return [wantA ? try sumToShape(gd, aShape) : nil, wantB ? try sumToShape(gd.neg(), bShape) : nil]
        }?.saveForBackward([self, other])
        return out
    }
}

public let diagDistOps: [OpSpec] = [
    OpSpec("diag", [selfP, param("diagonal", .int, .int(0))]) { a in .tensor(try a.tensor("input").diag(a.int("diagonal"))) },
    OpSpec("dist", [selfP, param("other", .tensor), param("p", .double, .double(2))]) { a in
        .tensor(try a.tensor("input").dist(a.tensor("other"), p: a.double("p")))
    },
]

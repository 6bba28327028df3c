import Foundation

/// `torch.optim.SGD(params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False)`,
/// PyTorch's `_single_tensor_sgd` element by element:
/// g ← g + wd·p; buf ← g (first step) or buf·μ + (1−τ)·g; g ← g + μ·buf (nesterov) or buf; p ← p − lr·g.
public final class SGD: Optimizer {
    var momentumBuffers: [ObjectIdentifier: Tensor] = [:]

    public init(_ params: [Tensor], lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0,
                weightDecay: Double = 0, nesterov: Bool = false, maximize: Bool = false) throws {
        if lr < 0 { throw TensorError.value("Invalid learning rate: \(formatPythonFloat(lr))") }
        if momentum < 0 { throw TensorError.value("Invalid momentum value: \(formatPythonFloat(momentum))") }
        if weightDecay < 0 { throw TensorError.value("Invalid weight_decay value: \(formatPythonFloat(weightDecay))") }
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw TensorError.value("Nesterov momentum requires a momentum and zero dampening")
        }
        try super.init(typeName: "SGD", params: params, defaults: [
            ("lr", .number(lr)), ("momentum", .number(momentum)), ("dampening", .number(dampening)),
            ("weight_decay", .number(weightDecay)), ("nesterov", .bool(nesterov)), ("maximize", .bool(maximize)),
            ("foreach", .none), ("differentiable", .bool(false)), ("fused", .none),
        ])
    }

    /// `optimizer.state[p]['momentum_buffer']`.
    public func momentumBuffer(_ p: Tensor) -> Tensor? { momentumBuffers[ObjectIdentifier(p)] }

    public override func step() throws {
        for group in paramGroups {
            let lr = group.lr, mu = group.number("momentum"), damp = group.number("dampening")
            let wd = group.number("weight_decay"), nesterov = group.flag("nesterov"), maximize = group.flag("maximize")
            for p in group.params {
                guard let grad = p.grad else { continue }
                let id = ObjectIdentifier(p)
                var buf = momentumBuffers[id]
                let first = buf == nil
                if mu != 0 && first {
                    let b = Tensor(zeros: p.shape, dtype: p.dtype, device: p.device)
                    momentumBuffers[id] = b
                    buf = b
                }
                let g = grad.dtype == p.dtype ? grad : grad.to(p.dtype)
                var ts = [p, g]
                if let b = buf { ts.append(b) }
                switch p.dtype {
                case .float32: try update(Float.self, ts, lr, mu, damp, wd, nesterov, maximize, first)
                case .float64: try update(Double.self, ts, lr, mu, damp, wd, nesterov, maximize, first)
                default: throw TensorError.runtime("SGD: parameters must be floating point")
                }
                p.bumpVersion()
            }
        }
    }

    func update<T: FloatElement>(_: T.Type, _ ts: [Tensor], _ lr: Double, _ mu: Double, _ damp: Double, _ wd: Double,
                                 _ nesterov: Bool, _ maximize: Bool, _ first: Bool) throws {
        let nlr = T(-lr), tmu = T(mu), tdamp = T(1 - damp), twd = T(wd)
        try Optimizer.withBuffers(T.self, ts) { ptr, n in
            let p = ptr[0], gr = ptr[1]
            let b: UnsafeMutablePointer<T>? = ptr.count > 2 ? ptr[2] : nil
            for i in 0..<n {
                var g = maximize ? -gr[i] : gr[i]
                if wd != 0 { g = g.addingProduct(p[i], twd) }          // grad.add(param, alpha=wd)
                if let b = b {
                    if first { b[i] = g } else { b[i] = (b[i] * tmu).addingProduct(g, tdamp) }
                    g = nesterov ? g.addingProduct(b[i], tmu) : b[i]
                }
                p[i] = p[i].addingProduct(g, nlr)                      // param.add_(grad, alpha=-lr)
            }
        }
    }
}

import Foundation

/// `torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, maximize=False)`,
/// PyTorch's `_single_tensor_adam`: m.lerp_(g, 1−β1); v.mul_(β2).addcmul_(g, g, 1−β2);
/// denom = √v / √(1−β2ᵗ) + eps; p.addcdiv_(m, denom, −lr/(1−β1ᵗ)). Bias corrections in double, as in Python.
public final class Adam: Optimizer {
    final class State { var step: Double = 0; let m: Tensor; let v: Tensor; let vmax: Tensor?
        init(_ p: Tensor, amsgrad: Bool) {
            m = Tensor(zeros: p.shape, dtype: p.dtype, device: p.device)
            v = Tensor(zeros: p.shape, dtype: p.dtype, device: p.device)
            vmax = amsgrad ? Tensor(zeros: p.shape, dtype: p.dtype, device: p.device) : nil
        }
    }
    var states: [ObjectIdentifier: State] = [:]
    let decoupled: Bool

    public init(_ params: [Tensor], lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
                weightDecay: Double = 0, amsgrad: Bool = false, maximize: Bool = false,
                decoupledWeightDecay: Bool = false, typeName: String = "Adam") throws {
        if lr < 0 { throw TensorError.value("Invalid learning rate: \(formatPythonFloat(lr))") }
        if eps < 0 { throw TensorError.value("Invalid epsilon value: \(formatPythonFloat(eps))") }
        if !(0 <= betas.0 && betas.0 < 1) { throw TensorError.value("Invalid beta parameter at index 0: \(formatPythonFloat(betas.0))") }
        if !(0 <= betas.1 && betas.1 < 1) { throw TensorError.value("Invalid beta parameter at index 1: \(formatPythonFloat(betas.1))") }
        if weightDecay < 0 { throw TensorError.value("Invalid weight_decay value: \(formatPythonFloat(weightDecay))") }
        decoupled = decoupledWeightDecay
        try super.init(typeName: typeName, params: params, defaults: [
            ("lr", .number(lr)), ("betas", .pair(betas.0, betas.1)), ("eps", .number(eps)),
            ("weight_decay", .number(weightDecay)), ("amsgrad", .bool(amsgrad)), ("maximize", .bool(maximize)),
            ("foreach", .none), ("capturable", .bool(false)), ("differentiable", .bool(false)), ("fused", .none),
            ("decoupled_weight_decay", .bool(decoupledWeightDecay)),
        ])
    }

    /// `optimizer.state[p]`: step, exp_avg, exp_avg_sq (nil before the first step).
    public func state(_ p: Tensor) -> (step: Double, expAvg: Tensor, expAvgSq: Tensor, maxExpAvgSq: Tensor?)? {
        guard let s = states[ObjectIdentifier(p)] else { return nil }
        return (s.step, s.m, s.v, s.vmax)
    }

    public override func step() throws {
        for group in paramGroups {
            let lr = group.lr, (b1, b2) = group.pair("betas"), eps = group.number("eps")
            let wd = group.number("weight_decay"), amsgrad = group.flag("amsgrad"), maximize = group.flag("maximize")
            for p in group.params {
                guard let grad = p.grad else { continue }
                let id = ObjectIdentifier(p)
                let st: State
                if let s = states[id] { st = s } else { st = State(p, amsgrad: amsgrad); states[id] = st }
                st.step += 1
                let bc1 = 1 - Foundation.pow(b1, st.step)
                let bc2 = 1 - Foundation.pow(b2, st.step)
                let stepSize = lr / bc1
                let bc2sqrt = Foundation.pow(bc2, 0.5)
                let g = grad.dtype == p.dtype ? grad : grad.to(p.dtype)
                var ts = [p, g, st.m, st.v]
                if amsgrad, let vm = st.vmax { ts.append(vm) }
                let k = Coeffs(lr: lr, b1: b1, b2: b2, eps: eps, wd: wd, stepSize: stepSize, bc2sqrt: bc2sqrt,
                               maximize: maximize, decoupled: decoupled)
                switch p.dtype {
                case .float32: try update(Float.self, ts, k)
                case .float64: try update(Double.self, ts, k)
                default: throw TensorError.runtime("Adam: parameters must be floating point")
                }
                p.bumpVersion()
            }
        }
    }

    struct Coeffs { let lr, b1, b2, eps, wd, stepSize, bc2sqrt: Double; let maximize, decoupled: Bool }

    func update<T: FloatElement>(_: T.Type, _ ts: [Tensor], _ k: Coeffs) throws {
        let w1 = T(1 - k.b1), tb2 = T(k.b2), s2 = T(1 - k.b2), twd = T(k.wd), decay = T(1 - k.lr * k.wd)
        let bc2s = T(k.bc2sqrt), teps = T(k.eps), nstep = T(-k.stepSize)
        let small = Swift.abs(w1) < 0.5
        try Optimizer.withBuffers(T.self, ts) { ptr, n in
            let p = ptr[0], gr = ptr[1], m = ptr[2], v = ptr[3]
            let vmax: UnsafeMutablePointer<T>? = ptr.count > 4 ? ptr[4] : nil
            for i in 0..<n {
                var g = k.maximize ? -gr[i] : gr[i]
                if k.wd != 0 {
                    if k.decoupled { p[i] = p[i] * decay } else { g = g.addingProduct(p[i], twd) }
                }
                // lerp: fma(w, end − self, self) for small weights, fma(w − 1, end − self, end) otherwise.
                let d = g - m[i]
                m[i] = small ? m[i].addingProduct(w1, d) : g.addingProduct(w1 - 1, d)
                let v1 = v[i] * tb2
                v[i] = v1.addingProduct(s2 * g, g)                      // addcmul_: self + value·t1·t2
                var vv = v[i]
                if let vm = vmax { vm[i] = Swift.max(vm[i], v[i]); vv = vm[i] }
                let denom = T.fsqrt(vv) / bc2s + teps
                p[i] = p[i] + nstep * m[i] / denom                     // addcdiv_: self + value·t1/t2
            }
        }
    }
}

/// Finite-difference gradient checking (`torch.autograd.gradcheck`'s idea): compares the engine's gradients
/// of a fixed random projection of f's output with central differences, in float64.

extension Autograd {
    /// The largest |analytic − numeric| over all inputs that require grad, after scaling by
    /// 1 + |numeric| (so the result is a mixed absolute/relative error). Inputs must be float64.
    public static func gradCheckError(_ f: ([Tensor]) throws -> Tensor, _ inputs: [Tensor], eps: Double = 1e-6) throws -> Double {
        let out0 = try f(inputs)
        // A fixed, asymmetric projection so errors cannot cancel in a plain sum.
        let proj = Tensor(zeros: out0.shape, dtype: .float64)
        let pp = proj.dataPointer(Double.self)
        for i in 0..<proj.numel { pp[i] = 0.5 + Double((i * 7919) % 13) / 10 }
        func scalar(_ xs: [Tensor]) throws -> Tensor { try f(xs).mul(proj).sum() }
        let diffInputs = inputs.filter { $0.requiresGrad }
        let analytic = try grad(outputs: [scalar(inputs)], inputs: diffInputs, allowUnused: true)
        var worst = 0.0
        for (k, x) in diffInputs.enumerated() {
            guard x.dtype == .float64, x.isContiguous else {
                throw TensorError.runtime("gradcheck: inputs must be contiguous float64 tensors")
            }
            let a = analytic[k]?.toDoubleArray() ?? [Double](repeating: 0, count: x.numel)
            let p = x.dataPointer(Double.self)
            for i in 0..<x.numel {
                let orig = p[i]
                p[i] = orig + eps
                let fp = try scalar(inputs).item().doubleValue
                p[i] = orig - eps
                let fm = try scalar(inputs).item().doubleValue
                p[i] = orig
                let num = (fp - fm) / (2 * eps)
                worst = max(worst, abs(a[i] - num) / (1 + abs(num)))
            }
        }
        return worst
    }
}

/// `F.batch_norm` with PyTorch's CPU arithmetic (batch_norm_kernel.cpp / Normalization.cpp):
/// per-channel mean and variance sums accumulated in double, `save_invstd = 1/sqrt(var_sum/n + eps)`,
/// output `x·α + β` with α = invstd·w, β = b − mean·α in the input's precision; running statistics updated
/// with the unbiased variance. Node `NativeBatchNormBackward0`.

extension Functional {
    struct BNStats { var mean: [Double]; var invstd: [Double] }

    /// batch_norm_cpu's dtype rules: when the first defined parameter (weight, bias, running_mean, running_var
    /// order) has the input's dtype, every parameter must match the input; otherwise it is a "mixed" call, only
    /// allowed for reduced-precision inputs with float32 parameters (no such inputs here).
    static func checkBatchNormDTypes(_ input: Tensor, _ params: [Tensor]) throws {
        guard let first = params.first else { return }
        if first.dtype == input.dtype {
            if let odd = params.first(where: { $0.dtype != input.dtype }) {
                throw TensorError.runtime("expected scalar type \(input.dtype.scalarTypeName) but found \(odd.dtype.scalarTypeName)")
            }
            return
        }
        if params.contains(where: { $0.dtype != .float32 }) {
            throw TensorError.runtime("mixed dtype (CPU): expect parameter to have scalar type of Float")
        }
        throw TensorError.runtime("mixed dtype (CPU): all inputs must share same datatype.")
    }

    /// `F.batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5)`.
    public static func batchNorm(_ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
                                 bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1,
                                 eps: Double = 1e-5) throws -> Tensor {
        if training && (runningMean == nil) != (runningVar == nil) {
            throw TensorError.value("running_mean and running_var must either both be None or neither be None")
        }
        guard input.dim >= 2 else {
            throw TensorError.runtime("running_mean should contain \(input.dim == 1 ? input.shape[0] : 1) elements not \(runningMean?.numel ?? 0)")
        }
        let c = input.shape[1]
        // Normalization.cpp checks the running statistics (and that eval mode has them) before the affine
        // parameters, all before the kernel's dtype dispatch.
        for (name, t) in [("running_mean", runningMean), ("running_var", runningVar), ("weight", weight), ("bias", bias)] {
            if let t = t, t.numel != c {
                throw TensorError.runtime("\(name) should contain \(c) elements not \(t.numel)")
            }
            if t == nil && !training && name.hasPrefix("running") {
                throw TensorError.runtime("\(name) must be defined in evaluation mode")
            }
        }
        guard input.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"batch_norm\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        try checkBatchNormDTypes(input, [weight, bias, runningMean, runningVar].compactMap { $0 })
        let nb = input.shape[0], spatial = input.shape[2...].reduce(1, *)
        let count = nb * spatial
        if training && count <= 1 {
            throw TensorError.value("Expected more than 1 value per channel when training, got input size \(Autograd.sizeString(input.shape))")
        }
        let x = input.isContiguous ? input : input.materialized()
        let isF = x.dtype == .float32
        @inline(__always) func at(_ i: Int) -> Double { isF ? Double(x.dataPointer(Float.self)[i]) : x.dataPointer(Double.self)[i] }
        @inline(__always) func round(_ v: Double) -> Double { isF ? Double(Float(v)) : v }

        var mean = [Double](repeating: 0, count: c), invstd = [Double](repeating: 0, count: c)
        if training {
            for ch in 0..<c {
                var sum = 0.0
                for b in 0..<nb { let base = (b * c + ch) * spatial; for i in 0..<spatial { sum += at(base + i) } }
                let m = round(sum / Double(count))
                var vs = 0.0
                for b in 0..<nb {
                    let base = (b * c + ch) * spatial
                    for i in 0..<spatial { let d = round(at(base + i) - m); vs += round(d * d) }
                }
                let varSum = round(vs)                             // stored in a tensor of the input's dtype
                let biased = round(varSum / Double(count))         // float / int64 in C++ is float division
                mean[ch] = m
                invstd[ch] = round(1 / (biased + eps).squareRoot())
                if let rm = runningMean {
                    let old = rm.scalar(atLinear: ch).doubleValue
                    try writeScalar(rm, ch, momentum * m + (1 - momentum) * old)
                }
                if let rv = runningVar {
                    let unbiased = count > 1 ? round(varSum / Double(count - 1)) : .nan
                    let old = rv.scalar(atLinear: ch).doubleValue
                    try writeScalar(rv, ch, momentum * unbiased + (1 - momentum) * old)
                }
            }
            runningMean?.bumpVersion(); runningVar?.bumpVersion()
        } else if let rm = runningMean, let rv = runningVar {
            for ch in 0..<c {
                mean[ch] = rm.scalar(atLinear: ch).doubleValue
                let v = rv.scalar(atLinear: ch).doubleValue
                invstd[ch] = isF ? Double(1 / (Float(v) + Float(eps)).squareRoot()) : 1 / (v + eps).squareRoot()
            }
        }
        let w = weight?.toDoubleArray(), bvals = bias?.toDoubleArray()
        let out = Tensor(zeros: input.shape, dtype: x.dtype, device: input.device)
        for ch in 0..<c {
            let alpha = round(invstd[ch] * (w?[ch] ?? 1))
            let beta = round((bvals?[ch] ?? 0) - round(mean[ch] * alpha))
            for b in 0..<nb {
                let base = (b * c + ch) * spatial
                if isF {
                    let src = x.dataPointer(Float.self) + base, dst = out.dataPointer(Float.self) + base
                    let a = Float(alpha), be = Float(beta)
                    for i in 0..<spatial { dst[i] = src[i] * a + be }
                } else {
                    let src = x.dataPointer(Double.self) + base, dst = out.dataPointer(Double.self) + base
                    for i in 0..<spatial { dst[i] = src[i] * alpha + beta }
                }
            }
        }
        withExtendedLifetime(x) {}

        var inputs = [input]
        if let w = weight { inputs.append(w) }
        if let b = bias { inputs.append(b) }
        let hasW = weight != nil, hasB = bias != nil
        recordAutograd("NativeBatchNormBackward0", inputs: inputs, outputs: [out]) { g in
            guard let go = g[0] else { return inputs.map { _ in nil } }
            return try batchNormBackward(go, x: x, weight: w, mean: mean, invstd: invstd, training: training,
                                         wantInput: input.requiresGrad, hasW: hasW, hasB: hasB)
        }?.saveForBackward([input] + [weight, runningMean, runningVar].compactMap { $0 })
        return out
    }

    static func writeScalar(_ t: Tensor, _ i: Int, _ v: Double) throws {
        let idx = t.layout.storageIndex(linear: i)
        t.storage.write(.double(v), at: idx)
    }

    /// batch_norm_backward_cpu_template: dotp = Σ(x−mean)·g, k = dotp·invstd²/n,
    /// gI = (g − Σg/n − (x−mean)·k)·invstd·w in training, g·invstd·w in eval; gW = dotp·invstd; gB = Σg.
    static func batchNormBackward(_ go: Tensor, x: Tensor, weight w: [Double]?, mean: [Double], invstd: [Double],
                                  training: Bool, wantInput: Bool, hasW: Bool, hasB: Bool) throws -> [Tensor?] {
        let g = go.materialized(dtype: x.dtype)
        let c = x.shape[1], nb = x.shape[0], spatial = x.shape[2...].reduce(1, *)
        let n = Double(nb * spatial)
        let isF = x.dtype == .float32
        @inline(__always) func rd(_ t: Tensor, _ i: Int) -> Double {
            isF ? Double(t.dataPointer(Float.self)[i]) : t.dataPointer(Double.self)[i]
        }
        @inline(__always) func round(_ v: Double) -> Double { isF ? Double(Float(v)) : v }
        let gi = wantInput ? Tensor(zeros: x.shape, dtype: x.dtype, device: go.device) : nil
        let gw = hasW ? Tensor(zeros: [c], dtype: x.dtype, device: go.device) : nil
        let gb = hasB ? Tensor(zeros: [c], dtype: x.dtype, device: go.device) : nil
        for ch in 0..<c {
            var sum = 0.0, dotp = 0.0
            for b in 0..<nb {
                let base = (b * c + ch) * spatial
                for i in 0..<spatial {
                    let gv = rd(g, base + i)
                    sum += gv
                    dotp += round(round(rd(x, base + i) - mean[ch]) * gv)
                }
            }
            let wv = w?[ch] ?? 1
            if let gi = gi {
                for b in 0..<nb {
                    let base = (b * c + ch) * spatial
                    for i in 0..<spatial {
                        let v: Double
                        if training {
                            let k = round(round(dotp) * invstd[ch] * invstd[ch] / n)
                            let gMean = round(sum / n)
                            let proj = round(round(rd(x, base + i) - mean[ch]) * k)
                            v = round(round(round(rd(g, base + i) - gMean) - proj) * invstd[ch] * wv)
                        } else {
                            v = rd(g, base + i) * invstd[ch] * wv
                        }
                        if isF { gi.dataPointer(Float.self)[base + i] = Float(v) } else { gi.dataPointer(Double.self)[base + i] = v }
                    }
                }
            }
            if let gw = gw { try writeScalar(gw, ch, dotp * invstd[ch]) }
            if let gb = gb { try writeScalar(gb, ch, sum) }
        }
        var res: [Tensor?] = [gi]
        if hasW { res.append(gw) }
        if hasB { res.append(gb) }
        return res
    }
}

/// Losses: `mse_loss` (MseLossBackward0), `l1_loss`, `nll_loss` (NllLossBackward0), `cross_entropy`
/// (log_softmax + nll_loss, as PyTorch composes it).

/// `reduction='none'|'mean'|'sum'`.
public enum Reduction: String, Sendable {
    case none, mean, sum
    /// Parses the Python string, with PyTorch's ValueError.
    public init(parsing s: String) throws {
        guard let r = Reduction(rawValue: s) else { throw TensorError.value("\(s) is not a valid value for reduction") }
        self = r
    }
}

extension Functional {
    static func reduce(_ t: Tensor, _ r: Reduction) throws -> Tensor {
        switch r {
        case .none: return t
        case .mean: return try t.mean()
        case .sum: return try t.sum()
        }
    }

    /// `F.mse_loss(input, target, reduction='mean')`.
    public static func mseLoss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        let (out, diff) = try GradMode.with(enabled: false) { () -> (Tensor, Tensor) in
            let d = try input.sub(target)   // broadcasting errors come before the kernel's dtype check
            guard d.dtype.isFloatingPoint else {
                throw TensorError.notImplemented("\"mse_cpu\" not implemented for '\(d.dtype.scalarTypeName)'")
            }
            return (try reduce(d.mul(d), reduction), d)
        }
        let n = diff.numel
        let inShape = input.shape, tShape = target.shape
        recordAutograd("MseLossBackward0", inputs: [input, target], outputs: [out]) { g in
            guard let go = g[0] else { return [nil, nil] }
            // PyTorch: norm * (input - target) * grad, norm = 2/numel for 'mean'.
            let norm = reduction == .mean ? 2.0 / Double(n) : 2.0
            let gi = try diff.mul(.double(norm)).mul(go)
            return [input.requiresGrad ? try sumToShape(gi, inShape) : nil,
                    target.requiresGrad ? try sumToShape(gi.neg(), tShape) : nil]
        }?.saveForBackward([input, target])
        return out
    }

    /// `F.l1_loss(input, target, reduction='mean')` (composite, as in PyTorch: abs of the difference).
    public static func l1Loss(_ input: Tensor, _ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        try reduce(input.sub(target).abs(), reduction)
    }

    /// `F.nll_loss(input, target, weight=None, ignore_index=-100, reduction='mean')` for input [N, C] or [C]
    /// (and [N, C, d1, ...] by moving C last).
    public static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int64 = -100,
                               reduction: Reduction = .mean) throws -> Tensor {
        try nllLoss(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction, node: "NllLossBackward0")
    }

    /// `node`: NllLossBackward0 for [N, C] / [C]; inputs with spatial dims are ATen's nll_loss2d (NllLoss2DBackward0).
    private static func nllLoss(_ input: Tensor, _ target: Tensor, weight: Tensor?, ignoreIndex: Int64,
                                reduction: Reduction, node: String) throws -> Tensor {
        if input.dim > 2 {
            // [N, C, d...] → [N·d..., C]
            let c = input.shape[1]
            var perm = [0]; perm += Array(2..<input.dim); perm.append(1)
            let flat = try input.permute(perm).reshape([-1, c])
            guard target.shape == [input.shape[0]] + Array(input.shape[2...]) else {
                throw TensorError.runtime("Expected target size \(shapeList([input.shape[0]] + Array(input.shape[2...]))), got \(shapeList(target.shape))")
            }
            let r = try nllLoss(flat, target.reshape([-1]), weight: weight, ignoreIndex: ignoreIndex, reduction: reduction,
                                node: "NllLoss2DBackward0")
            return reduction == .none ? try r.reshape(target.shape) : r
        }
        guard input.dim >= 1 else { throw TensorError.index("Dimension out of range (expected to be in range of [-1, 0], but got 1)") }
        let batched = input.dim == 2
        let n = batched ? input.shape[0] : 1, c = batched ? input.shape[1] : input.shape[0]
        if batched {
            guard target.dim == 1 else {
                throw TensorError.runtime("0D or 1D target tensor expected, multi-target not supported")
            }
            guard target.shape[0] == n else {
                throw TensorError.value("Expected input batch_size (\(n)) to match target batch_size (\(target.shape[0])).")
            }
        } else {
            guard target.dim == 0 else {
                throw TensorError.runtime("0D or 1D target tensor expected, multi-target not supported")
            }
        }
        // PyTorch checks the target's dtype after its shape, and the input's dtype last (in the kernel).
        guard target.dtype == .int64 else {
            throw TensorError.runtime("expected target dtype to be Long or Byte, but got \(target.dtype.scalarTypeName)")
        }
        guard input.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"nll_loss_out_frame\" not implemented for '\(input.dtype.scalarTypeName)'")
        }
        if let w = weight, w.numel != c {
            throw TensorError.runtime("weight tensor should be defined either for all \(c) classes or no classes but got weight tensor of shape: \(shapeList(w.shape))")
        }
        let targets = target.toInt64Array()
        let weights = weight.map { $0.toDoubleArray() }
        for t in targets where t != ignoreIndex && (t < 0 || t >= Int64(c)) {
            throw TensorError.index("Target \(t) is out of bounds.")
        }
        let x = input.isContiguous ? input : input.materialized()
        let isF = x.dtype == .float32
        func xv(_ i: Int, _ k: Int) -> Double {
            isF ? Double(x.dataPointer(Float.self)[i * c + k]) : x.dataPointer(Double.self)[i * c + k]
        }
        func wv(_ k: Int) -> Double { weights.map { $0[k] } ?? 1 }
        let out: Tensor
        var totalWeight = 0.0
        if reduction == .none && batched {
            out = Tensor(zeros: [n], dtype: x.dtype, device: x.device)
            for i in 0..<n {
                let t = targets[i]
                let v = t == ignoreIndex ? 0 : -xv(i, Int(t)) * wv(Int(t))
                if isF { out.dataPointer(Float.self)[i] = Float(v) } else { out.dataPointer(Double.self)[i] = v }
            }
        } else {
            // Accumulate in the input's precision, as PyTorch's CPU kernel does.
            var sumF: Float = 0, twF: Float = 0
            var sumD: Double = 0, twD: Double = 0
            for i in 0..<n where targets[i] != ignoreIndex {
                let k = Int(targets[i])
                if isF {
                    let w = Float(wv(k))
                    sumF -= x.dataPointer(Float.self)[i * c + k] * w
                    twF += w
                } else {
                    let w = wv(k)
                    sumD -= xv(i, k) * w
                    twD += w
                }
            }
            if reduction == .mean {
                if isF { sumF /= twF } else { sumD /= twD }
            }
            totalWeight = isF ? Double(twF) : twD
            out = Tensor(zeros: [], dtype: x.dtype, device: x.device)
            if isF { out.dataPointer(Float.self)[0] = sumF } else { out.dataPointer(Double.self)[0] = sumD }
        }
        withExtendedLifetime(x) {}
        let inShape = input.shape, dt = input.dtype
        recordAutograd(node, inputs: [input], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let gvals = go.toDoubleArray()
            let t = Tensor(zeros: inShape, dtype: dt, device: go.device)
            for i in 0..<n where targets[i] != ignoreIndex {
                let k = Int(targets[i])
                let gk = reduction == .none && batched ? gvals[i] : gvals[0]
                var v = -wv(k) * gk
                if reduction == .mean { v /= totalWeight }
                if dt == .float32 { t.dataPointer(Float.self)[i * c + k] = Float(v) } else { t.dataPointer(Double.self)[i * c + k] = v }
            }
            return [t]
        }
        return out
    }

    /// `F.cross_entropy(input, target, weight=None, ignore_index=-100, reduction='mean', label_smoothing=0)`:
    /// class indices (int64 target) → nll_loss(log_softmax(input, 1)); class probabilities (float target of
    /// input's shape) → −Σ target·log_softmax.
    public static func crossEntropy(_ input: Tensor, _ target: Tensor, weight: Tensor? = nil, ignoreIndex: Int64 = -100,
                                    reduction: Reduction = .mean, labelSmoothing: Double = 0) throws -> Tensor {
        let classDim = input.dim == 1 ? 0 : 1
        let lsm = try logSoftmax(input, dim: classDim)
        // Like PyTorch, a target of input's shape means class probabilities, whatever its dtype.
        if target.shape == input.shape {
            guard target.dtype.isFloatingPoint else {
                throw TensorError.runtime("Expected floating point type for target with class probabilities, got \(target.dtype.scalarTypeName)")
            }
            guard ignoreIndex < 0 else {
                throw TensorError.runtime("ignore_index is not supported for floating point target")
            }
            var tgt = target
            if labelSmoothing > 0 {
                let c = Double(input.shape[classDim])
                tgt = try target.mul(.double(1 - labelSmoothing)).add(.double(labelSmoothing / c))
            }
            var prod = try lsm.mul(tgt)
            if let w = weight {
                var shape = [Int](repeating: 1, count: input.dim); shape[classDim] = w.numel
                prod = try prod.mul(w.reshape(shape))
            }
            // LossNLL.cpp cross_entropy_loss_prob_target: -(input * target).sum() over every element, divided
            // (mean) by the C++ integer numel / n_classes — node DivBackward1.
            switch reduction {
            case .none: return try prod.sum(dims: [classDim]).neg()
            case .sum: return try prod.sum().neg()
            case .mean:
                let total = try prod.sum().neg()
                guard input.numel > 0 else { try total.fill_(.double(.nan)); return total }
                return try total.divByCppScalar(.int(Int64(input.numel / input.shape[classDim])))
            }
        }
        let nll = try nllLoss(lsm, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
        guard labelSmoothing > 0 else { return nll }
        // (1-ε)·nll + ε/C · (−Σ_c log p_c)
        let c = Double(input.shape[classDim])
        var smooth = try lsm.sum(dims: [classDim]).neg()
        let mask = try target.ne(.int(ignoreIndex))
        smooth = try smooth.mul(mask)
        switch reduction {
        case .none: break
        case .sum: smooth = try smooth.sum()
        case .mean: smooth = try smooth.sum().div(mask.sum())
        }
        return try nll.mul(.double(1 - labelSmoothing)).add(smooth.mul(.double(labelSmoothing / c)))
    }

    static func shapeList(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }
}

extension Tensor {
    /// `self / s` with s a C++ scalar (ATen's `div.Scalar`, node DivBackward1), as ATen's own compositions divide;
    /// a Python number divides through `div.Tensor` (DivBackward0).
    fileprivate func divByCppScalar(_ s: Scalar) throws -> Tensor {
        let out = try GradMode.with(enabled: false) { try div(s) }
        recordAutograd("DivBackward1", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.div(s) }] }
        return out
    }
}

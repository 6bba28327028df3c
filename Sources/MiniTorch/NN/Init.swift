import Foundation

/// `torch.nn.init`: fills drawn from the default generator in PyTorch's order, under no_grad.
public enum Init {
    /// `_calculate_fan_in_and_fan_out`.
    public static func fanInAndFanOut(_ t: Tensor) throws -> (Int, Int) {
        guard t.dim >= 2 else {
            throw TensorError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = t.dim > 2 ? t.shape[2...].reduce(1, *) : 1
        return (t.shape[1] * receptive, t.shape[0] * receptive)
    }

    /// `calculate_gain(nonlinearity, param)` for the cases the layers use.
    public static func gain(_ nonlinearity: String, param: Double? = nil) throws -> Double {
        switch nonlinearity {
        case "linear", "conv1d", "conv2d", "conv3d", "sigmoid", "conv_transpose1d", "conv_transpose2d", "conv_transpose3d": return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let slope = param ?? 0.01
            return (2.0 / (1 + slope * slope)).squareRoot()
        case "selu": return 3.0 / 4
        default: throw TensorError.value("Unsupported nonlinearity \(nonlinearity)")
        }
    }

    /// `uniform_(t, a, b)`.
    public static func uniform_(_ t: Tensor, _ a: Double = 0, _ b: Double = 1) throws {
        guard t.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"check_uniform_bounds\" not implemented for '\(t.dtype.scalarTypeName)'")
        }
        guard a <= b else {
            throw TensorError.runtime("uniform_ expects to return a [from, to) range, but found from=\(formatPythonFloat(a)) > to=\(formatPythonFloat(b))")
        }
        let c = t.isContiguous ? t : Tensor(zeros: t.shape, dtype: t.dtype, device: t.device)
        if t.dtype == .float32 { Generator.default.fillUniform(c.dataPointer(Float.self), count: c.numel, from: a, to: b) }
        else { Generator.default.fillUniform(c.dataPointer(Double.self), count: c.numel, from: a, to: b) }
        if c !== t { try t.assignElements(from: c) }
        t.bumpVersion()
    }

    /// `normal_(t, mean, std)`.
    public static func normal_(_ t: Tensor, mean: Double = 0, std: Double = 1) throws {
        guard t.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"normal_kernel_cpu\" not implemented for '\(t.dtype.scalarTypeName)'")
        }
        let c = t.isContiguous ? t : Tensor(zeros: t.shape, dtype: t.dtype, device: t.device)
        if t.dtype == .float32 { Generator.default.fillNormal(c.dataPointer(Float.self), count: c.numel, mean: mean, std: std) }
        else { Generator.default.fillNormal(c.dataPointer(Double.self), count: c.numel, mean: mean, std: std) }
        if c !== t { try t.assignElements(from: c) }
        t.bumpVersion()
    }

    /// `constant_` / `zeros_` / `ones_`.
    public static func constant_(_ t: Tensor, _ v: Double) throws {
        try t.assignElements(from: Tensor.scalarTensor(.double(v), dtype: t.dtype))
        t.bumpVersion()
    }

    /// `kaiming_uniform_(t, a=0, mode='fan_in', nonlinearity='leaky_relu')`:
    /// bound = √3 · gain / √fan, then `uniform_(-bound, bound)` — the same double arithmetic as torch/nn/init.py.
    public static func kaimingUniform_(_ t: Tensor, a: Double = 0, fanOut: Bool = false, nonlinearity: String = "leaky_relu") throws {
        if t.shape.contains(0) { return }
        let (fi, fo) = try fanInAndFanOut(t)
        let fan = Double(fanOut ? fo : fi)
        let g = try gain(nonlinearity, param: a)
        let std = g / fan.squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform_(t, -bound, bound)
    }

    /// `xavier_uniform_(t, gain=1)`.
    public static func xavierUniform_(_ t: Tensor, gain g: Double = 1) throws {
        let (fi, fo) = try fanInAndFanOut(t)
        let std = g * (2.0 / Double(fi + fo)).squareRoot()
        let a = 3.0.squareRoot() * std
        try uniform_(t, -a, a)
    }

    /// The default init of Linear and Conv: `kaiming_uniform_(weight, a=√5)` then bias ~ U(−1/√fan_in, 1/√fan_in).
    static func resetLinearLike(weight: Tensor, bias: Tensor?) throws {
        try kaimingUniform_(weight, a: 5.0.squareRoot())
        if let b = bias {
            let (fi, _) = try fanInAndFanOut(weight)
            let bound = fi > 0 ? 1 / Double(fi).squareRoot() : 0
            try uniform_(b, -bound, bound)
        }
    }
}

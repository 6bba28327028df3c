import Foundation

/// `F.gelu` / `nn.GELU`: x·Φ(x) with Φ(x) = ½(1 + erf(x/√2)) (approximate='none'), or
/// ½x(1 + tanh(√(2/π)(x + 0.044715x³))) (approximate='tanh'). Evaluated in double and rounded once to the
/// input's dtype (PyTorch's float32 CPU kernel is less exact: it differs from this by up to ~1e-6 absolute).
/// Node `GeluBackward0`, its gradient the derivative of the same formula (GeluBackwardKernel).

extension Functional {
    static let geluBeta = (2.0 / Double.pi).squareRoot(), geluKappa = 0.044715

    static func checkGelu(_ x: Tensor, _ approximate: String) throws -> Bool {
        guard approximate == "none" || approximate == "tanh" else {
            throw TensorError.runtime("approximate argument must be either none or tanh.")
        }
        guard x.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"GeluKernelImpl\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        return approximate == "tanh"
    }

    /// Applies `f` to every element in double precision; the result has x's shape, dtype and device.
    static func mapDoubles(_ x: Tensor, _ f: (Double) -> Double) throws -> Tensor {
        let vals = x.materialized(dtype: .float64).toDoubleArray().map(f)
        return try Tensor(vals, shape: x.shape, device: x.device).to(x.dtype)
    }

    /// `F.gelu(input, approximate='none')`.
    public static func gelu(_ x: Tensor, approximate: String = "none") throws -> Tensor {
        let tanhForm = try checkGelu(x, approximate)
        let out = try GradMode.with(enabled: false) {
            try mapDoubles(x) { v in
                tanhForm ? 0.5 * v * (1 + tanh(geluBeta * (v + geluKappa * v * v * v))) : v * 0.5 * (1 + erf(v * 0.5.squareRoot()))
            }
        }
        recordAutograd("GeluBackward0", inputs: [x], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let slope = try GradMode.with(enabled: false) {
                try mapDoubles(x) { v in
                    if tanhForm {
                        let t = tanh(geluBeta * (v + geluKappa * v * v * v))
                        return 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * geluBeta * (1 + 3 * geluKappa * v * v)
                    }
                    return 0.5 * (1 + erf(v * 0.5.squareRoot())) + v * exp(-0.5 * v * v) / (2 * Double.pi).squareRoot()
                }
            }
            return [try go.mul(slope)]
        }?.saveForBackward([x])
        return out
    }
}

/// `nn.GELU(approximate='none')`.
public final class GELU: Module {
    public let approximate: String
    public init(approximate: String = "none") {
        self.approximate = approximate
        super.init(typeName: "GELU")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.gelu(input, approximate: approximate) }
    public override func extraRepr() -> String { "approximate='\(approximate)'" }
}

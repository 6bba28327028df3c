/// Unary math: float functions (ints promote to the default float dtype), sign/abs/neg/rounding, clamp.

public enum UnaryOp: String, CaseIterable, Sendable {
    case neg, abs, exp, log, sqrt, rsqrt, sin, cos, tan, tanh, sigmoid, relu, floor, ceil, round, trunc, frac
    case sign, reciprocal, log1p, expm1, log2, log10, square
    case logicalNot = "logical_not", bitwiseNot = "bitwise_not"

    /// Ops computed in floating point (integer inputs are promoted to the default float dtype).
    var needsFloat: Bool {
        switch self {
        case .exp, .log, .sqrt, .rsqrt, .sin, .cos, .tan, .tanh, .sigmoid, .reciprocal, .log1p, .expm1, .log2, .log10:
            return true
        default: return false
        }
    }
    /// PyTorch's node name.
    var backwardName: String {
        switch self {
        case .neg: return "NegBackward0"
        case .abs: return "AbsBackward0"
        case .exp: return "ExpBackward0"
        case .log: return "LogBackward0"
        case .sqrt: return "SqrtBackward0"
        case .rsqrt: return "RsqrtBackward0"
        case .sin: return "SinBackward0"
        case .cos: return "CosBackward0"
        case .tan: return "TanBackward0"
        case .tanh: return "TanhBackward0"
        case .sigmoid: return "SigmoidBackward0"
        case .relu: return "ReluBackward0"
        case .floor: return "FloorBackward0"
        case .ceil: return "CeilBackward0"
        case .round: return "RoundBackward0"
        case .trunc: return "TruncBackward0"
        case .frac: return "FracBackward0"
        case .sign: return "SignBackward0"
        case .reciprocal: return "ReciprocalBackward0"
        case .log1p: return "Log1PBackward0"
        case .expm1: return "Expm1Backward0"
        case .log2: return "Log2Backward0"
        case .log10: return "Log10Backward0"
        case .square: return "PowBackward0"
        case .logicalNot, .bitwiseNot: return ""
        }
    }
}

@inline(__always)
func floatUnary<T: FloatElement>(_: T.Type, _ op: UnaryOp, _ a: Tensor, _ out: Tensor) {
    switch op {
    case .neg: unaryLoop(a, out) { (x: T) -> T in -x }
    case .abs: unaryLoop(a, out) { (x: T) -> T in Swift.abs(x) }
    case .exp: unaryLoop(a, out) { (x: T) -> T in T.fexp(x) }
    case .log: unaryLoop(a, out) { (x: T) -> T in T.flog(x) }
    case .sqrt: unaryLoop(a, out) { (x: T) -> T in T.fsqrt(x) }
    case .rsqrt: unaryLoop(a, out) { (x: T) -> T in 1 / T.fsqrt(x) }
    case .sin: unaryLoop(a, out) { (x: T) -> T in T.fsin(x) }
    case .cos: unaryLoop(a, out) { (x: T) -> T in T.fcos(x) }
    case .tan: unaryLoop(a, out) { (x: T) -> T in T.ftan(x) }
    case .tanh: unaryLoop(a, out) { (x: T) -> T in T.ftanh(x) }
    case .sigmoid: unaryLoop(a, out) { (x: T) -> T in 1 / (1 + T.fexp(-x)) }
    case .relu: unaryLoop(a, out) { (x: T) -> T in x.isNaN ? x : (x > 0 ? x : 0) }
    case .floor: unaryLoop(a, out) { (x: T) -> T in x.rounded(.down) }
    case .ceil: unaryLoop(a, out) { (x: T) -> T in x.rounded(.up) }
    case .round: unaryLoop(a, out) { (x: T) -> T in x.rounded(.toNearestOrEven) }
    case .trunc: unaryLoop(a, out) { (x: T) -> T in x.rounded(.towardZero) }
    case .frac: unaryLoop(a, out) { (x: T) -> T in x - x.rounded(.towardZero) }
    case .sign: unaryLoop(a, out) { (x: T) -> T in x > 0 ? 1 : (x < 0 ? -1 : (x.isNaN ? 0 : 0)) }
    case .reciprocal: unaryLoop(a, out) { (x: T) -> T in 1 / x }
    case .log1p: unaryLoop(a, out) { (x: T) -> T in T.flog1p(x) }
    case .expm1: unaryLoop(a, out) { (x: T) -> T in T.fexpm1(x) }
    case .log2: unaryLoop(a, out) { (x: T) -> T in T.flog2(x) }
    case .log10: unaryLoop(a, out) { (x: T) -> T in T.flog10(x) }
    case .square: unaryLoop(a, out) { (x: T) -> T in x * x }
    case .logicalNot: unaryLoop(a, out) { (x: T) -> Bool in x == 0 }
    case .bitwiseNot: break
    }
}

@inline(__always)
func intUnary<T: IntElement>(_: T.Type, _ op: UnaryOp, _ a: Tensor, _ out: Tensor) {
    switch op {
    case .neg: unaryLoop(a, out) { (x: T) -> T in 0 &- x }
    case .abs: unaryLoop(a, out) { (x: T) -> T in x < 0 ? 0 &- x : x }
    case .relu: unaryLoop(a, out) { (x: T) -> T in x > 0 ? x : 0 }
    case .sign: unaryLoop(a, out) { (x: T) -> T in x > 0 ? 1 : (x < 0 ? -1 : 0) }
    case .square: unaryLoop(a, out) { (x: T) -> T in x &* x }
    case .bitwiseNot: unaryLoop(a, out) { (x: T) -> T in ~x }
    case .logicalNot: unaryLoop(a, out) { (x: T) -> Bool in x == 0 }
    default: unaryLoop(a, out) { (x: T) -> T in x }   // floor/ceil/round/trunc of integers
    }
}

extension Tensor {
    /// Forward of a unary op without autograd.
    public static func unaryForward(_ op: UnaryOp, _ a: Tensor) throws -> Tensor {
        var compute = a.dtype
        if op.needsFloat && !compute.isFloatingPoint { compute = DType.defaultFloat }
        switch op {
        case .neg where compute == .bool:
            throw TensorError.notImplemented("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        case .bitwiseNot where compute.isFloatingPoint:
            throw TensorError.notImplemented("\"bitwise_not_cpu\" not implemented for '\(compute.scalarTypeName)'")
        case .frac where !compute.isFloatingPoint:
            throw TensorError.notImplemented("\"frac_cpu\" not implemented for '\(compute.scalarTypeName)'")
        case .abs where compute == .bool:
            throw TensorError.notImplemented("\"abs_cpu\" not implemented for 'Bool'")
        case .relu where compute == .bool:
            throw TensorError.notImplemented("Boolean inputs not supported for relu")
        default: break
        }
        let src = a.dtype == compute ? a : a.materialized(dtype: compute)
        let outDType: DType = op == .logicalNot ? .bool : compute
        let out = Tensor(zeros: a.shape, dtype: outDType, device: a.device)
        switch compute {
        case .float32: floatUnary(Float.self, op, src, out)
        case .float64: floatUnary(Double.self, op, src, out)
        case .int64: intUnary(Int64.self, op, src, out)
        case .int32: intUnary(Int32.self, op, src, out)
        case .bool:
            switch op {
            case .logicalNot, .bitwiseNot: unaryLoop(src, out) { (x: Bool) -> Bool in !x }
            default: unaryLoop(src, out) { (x: Bool) -> Bool in x }
            }
        }
        return out
    }

    /// A unary op with autograd (each backward formula next to its op).
    public static func unary(_ op: UnaryOp, _ a: Tensor) throws -> Tensor {
        let out = try unaryForward(op, a)
        guard out.dtype.isFloatingPoint, needsGrad([a]) else { return out }
        let savedOut = SavedOutput(out)
        let node = recordAutograd(op.backwardName, inputs: [a], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            let out = savedOut.unpack()
            switch op {
            case .neg: return [try go.neg()]
            case .abs: return [try go.mul(a.sign())]
            case .exp: return [try go.mul(out)]
            case .log: return [try go.div(a)]
            case .sqrt: return [try go.div(out.mul(.int(2)))]
            case .rsqrt: return [try go.mul(out.pow(.int(3))).mul(.double(-0.5))]
            case .sin: return [try go.mul(a.cos())]
            case .cos: return [try go.mul(a.sin().neg())]
            case .tan: return [try go.mul(out.mul(out).add(.int(1)))]
            case .tanh: return [try Tensor.tanhBackward(go, out)]
            case .sigmoid: return [try Tensor.sigmoidBackward(go, out)]
            case .relu: return [try go.mul(out.gt(.int(0)))]
            case .floor, .ceil, .round, .trunc, .sign: return [Tensor.zerosLike(go)]
            case .frac: return [go]
            case .reciprocal: return [try go.mul(out.mul(out)).neg()]
            case .log1p: return [try go.div(a.add(.int(1)))]
            case .expm1: return [try go.mul(out.add(.int(1)))]
            case .log2: return [try go.div(a.mul(.double(0.6931471805599453)))]
            case .log10: return [try go.div(a.mul(.double(2.302585092994046)))]
            case .square: return [try go.mul(a).mul(.int(2))]
            case .logicalNot, .bitwiseNot: return [nil]
            }
        }
        savedOut.node = node
        // What each backward reads (the engine checks their versions): the result for exp/tanh/sigmoid/...,
        // the input otherwise.
        switch op {
        case .exp, .sqrt, .rsqrt, .tanh, .sigmoid, .relu, .reciprocal, .expm1: node?.saveForBackward([out])
        case .floor, .ceil, .round, .trunc, .sign, .frac, .neg, .logicalNot, .bitwiseNot: break
        default: node?.saveForBackward([a])
        }
        return out
    }

    /// `sigmoid_backward(grad_output, output)` = grad_output * (1 - output) * output (the CPU kernel's order),
    /// recorded as SigmoidBackwardBackward0 with derivatives.yaml's formulas (seen with create_graph=True).
    static func sigmoidBackward(_ go: Tensor, _ y: Tensor) throws -> Tensor {
        let r = try GradMode.with(enabled: false) { try go.mul(y.rsub(.int(1))).mul(y) }
        let node = recordAutograd("SigmoidBackwardBackward0", inputs: [go, y], outputs: [r]) { g in
            guard let gg = g[0] else { return [nil, nil] }
            let dgo = go.requiresGrad ? try Tensor.sigmoidBackward(gg, y) : nil
            let dy = y.requiresGrad ? try gg.mul(go).mul(y.mul(.int(-2)).add(.int(1))) : nil
            return [dgo, dy]
        }
        node?.saveForBackward([go, y])
        return r
    }

    /// `tanh_backward(grad_output, output)` = grad_output * (1 - output²), recorded as TanhBackwardBackward0.
    static func tanhBackward(_ go: Tensor, _ y: Tensor) throws -> Tensor {
        let r = try GradMode.with(enabled: false) { try go.mul(y.mul(y).rsub(.int(1))) }
        let node = recordAutograd("TanhBackwardBackward0", inputs: [go, y], outputs: [r]) { g in
            guard let gg = g[0] else { return [nil, nil] }
            let dgo = go.requiresGrad ? try Tensor.tanhBackward(gg, y) : nil
            let dy = y.requiresGrad ? try gg.mul(y.mul(.int(-2)).mul(go)) : nil
            return [dgo, dy]
        }
        node?.saveForBackward([go, y])
        return r
    }

    public func neg() throws -> Tensor { try Tensor.unary(.neg, self) }
    public func abs() throws -> Tensor { try Tensor.unary(.abs, self) }
    public func exp() throws -> Tensor { try Tensor.unary(.exp, self) }
    public func log() throws -> Tensor { try Tensor.unary(.log, self) }
    public func sqrt() throws -> Tensor { try Tensor.unary(.sqrt, self) }
    public func rsqrt() throws -> Tensor { try Tensor.unary(.rsqrt, self) }
    public func sin() throws -> Tensor { try Tensor.unary(.sin, self) }
    public func cos() throws -> Tensor { try Tensor.unary(.cos, self) }
    public func tan() throws -> Tensor { try Tensor.unary(.tan, self) }
    public func tanh() throws -> Tensor { try Tensor.unary(.tanh, self) }
    public func sigmoid() throws -> Tensor { try Tensor.unary(.sigmoid, self) }
    public func relu() throws -> Tensor { try Tensor.unary(.relu, self) }
    public func floor() throws -> Tensor { try Tensor.unary(.floor, self) }
    public func ceil() throws -> Tensor { try Tensor.unary(.ceil, self) }
    public func trunc() throws -> Tensor { try Tensor.unary(.trunc, self) }
    public func frac() throws -> Tensor { try Tensor.unary(.frac, self) }
    public func sign() throws -> Tensor { try Tensor.unary(.sign, self) }
    public func reciprocal() throws -> Tensor { try Tensor.unary(.reciprocal, self) }
    public func log1p() throws -> Tensor { try Tensor.unary(.log1p, self) }
    public func expm1() throws -> Tensor { try Tensor.unary(.expm1, self) }
    public func log2() throws -> Tensor { try Tensor.unary(.log2, self) }
    public func log10() throws -> Tensor { try Tensor.unary(.log10, self) }
    public func square() throws -> Tensor { try Tensor.unary(.square, self) }
    public func logicalNot() throws -> Tensor { try Tensor.unaryForward(.logicalNot, self) }
    /// `x.bitwise_not()`.
    public func bitwiseNot() throws -> Tensor { try Tensor.unaryForward(.bitwiseNot, self) }
    /// Python's `~x` (TypeError on floating tensors).
    public func invert() throws -> Tensor {
        if dtype.isFloatingPoint {
            throw TensorError.type("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
        }
        return try bitwiseNot()
    }

    /// `round(decimals=)`: PyTorch (round_decimals) multiplies by 10^d, rounds half to even and divides back; for
    /// d < 0 it divides by 10^-d first and multiplies back (10^d itself is not exact).
    public func round(decimals: Int = 0) throws -> Tensor {
        if decimals == 0 { return try Tensor.unary(.round, self) }
        guard dtype.isFloatingPoint else { return try Tensor.unary(.round, self) }
        let scale = Scalar.double(pow10(Swift.abs(decimals)))
        let out = decimals > 0 ? try Tensor.unaryForward(.round, self.mul(scale)).div(scale)
                               : try Tensor.unaryForward(.round, self.div(scale)).mul(scale)
        out.gradFn = nil; out.requiresGrad = false
        recordAutograd("RoundBackward1", inputs: [self], outputs: [out]) { g in [g[0].map { Tensor.zerosLike($0) }] }
        return out
    }

    /// In-place unary (`relu_`, `exp_`, `neg_`, ...).
    public func unaryInplace(_ op: UnaryOp) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try runInplace(operands: []) { old in try Tensor.unary(op, old) }
    }

    /// `clamp(min, max)` with Python-number bounds (type-promoting: int tensor with float bounds → float).
    public func clamp(min lo: Scalar?, max hi: Scalar?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TensorError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        var ops: [PromotionOperand] = [promotionOperand]
        if let l = lo { ops.append(.scalar(l)) }
        if let h = hi { ops.append(.scalar(h)) }
        let rt = DType.resultType(ops)
        if dtype == .bool && rt == .bool {
            throw TensorError.notImplemented("\"clamp_scalar_cpu\" not implemented for 'Bool'")
        }
        let src = materialized(dtype: rt)
        let out = src
        switch rt {
        case .float32:
            let l = lo.map { Float($0.asDouble) }, h = hi.map { Float($0.asDouble) }
            unaryLoop(src, out) { (x: Float) -> Float in
                if x.isNaN { return x }
                var y = x
                if let l = l { y = l.isNaN ? l : Swift.max(y, l) }
                if let h = h { y = h.isNaN ? h : Swift.min(y, h) }
                return y
            }
        case .float64:
            let l = lo?.asDouble, h = hi?.asDouble
            unaryLoop(src, out) { (x: Double) -> Double in
                if x.isNaN { return x }
                var y = x
                if let l = l { y = l.isNaN ? l : Swift.max(y, l) }
                if let h = h { y = h.isNaN ? h : Swift.min(y, h) }
                return y
            }
        default:
            let l = lo?.asInt64, h = hi?.asInt64
            let t = src.materialized(dtype: .int64)
            unaryLoop(t, t) { (x: Int64) -> Int64 in
                var y = x
                if let l = l { y = Swift.max(y, l) }
                if let h = h { y = Swift.min(y, h) }
                return y
            }
            try out.assignElements(from: t)
        }
        if rt.isFloatingPoint && needsGrad([self]) {
            let name = lo != nil && hi != nil ? "ClampBackward1" : (lo != nil ? "ClampMinBackward0" : "ClampMaxBackward0")
            let a = self
            recordAutograd(name, inputs: [self], outputs: [out]) { g in
                guard let go = g[0] else { return [nil] }
                var mask = try Tensor.onesLike(a, dtype: .bool)
                if let l = lo { mask = try mask.logicalAnd(a.ge(l)) }
                if let h = hi { mask = try mask.logicalAnd(a.le(h)) }
                return [try go.mul(mask)]
            }
        }
        return out
    }
    /// `clamp(min=tensor, max=tensor)`: maximum/minimum with broadcasting.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TensorError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        var r = self
        if let l = lo { r = try r.maximum(l) }
        if let h = hi { r = try r.minimum(h) }
        return r
    }
    public func clampMin(_ v: Scalar) throws -> Tensor { try clamp(min: v, max: nil) }
    public func clampMax(_ v: Scalar) throws -> Tensor { try clamp(min: nil, max: v) }
    /// `clamp_(min, max)`.
    public func clamp_(min lo: Scalar?, max hi: Scalar?) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try runInplace(operands: []) { old in try old.clamp(min: lo, max: hi) }
    }
}

func pow10(_ d: Int) -> Double {
    var r = 1.0
    for _ in 0..<Swift.abs(d) { r *= 10 }
    return d >= 0 ? r : 1 / r
}

/// Broadcasting binary ops with PyTorch's type promotion; in-place forms; comparisons; where/masked_fill.

/// The binary ops of the engine (one forward per op; node names are PyTorch's).
public enum BinaryOp: String, CaseIterable, Sendable {
    case add, sub, mul, div, floorDivide = "floor_divide", remainder, pow
    case eq, ne, lt, le, gt, ge
    case bitwiseAnd = "bitwise_and", bitwiseOr = "bitwise_or", bitwiseXor = "bitwise_xor"
    case logicalAnd = "logical_and", logicalOr = "logical_or", logicalXor = "logical_xor"
    case maximum, minimum

    var isComparison: Bool { [.eq, .ne, .lt, .le, .gt, .ge].contains(self) }
    var isLogical: Bool { [.logicalAnd, .logicalOr, .logicalXor].contains(self) }
    var isBitwise: Bool { [.bitwiseAnd, .bitwiseOr, .bitwiseXor].contains(self) }
}

extension Tensor {
    /// Promotion operand for this tensor (wrapped Python numbers count as scalars).
    public var promotionOperand: PromotionOperand {
        if isWrappedNumber { return .scalar(storage.readScalar(layout.offset)) }
        return .tensor(dtype, dim: dim)
    }

    static func checkSameDevice(_ ts: [Tensor]) throws {
        guard let f = ts.first(where: { !$0.isWrappedNumber }) else { return }
        for t in ts where !t.isWrappedNumber && t.device != f.device && !(t.dim == 0 && t.device == .cpu) {
            throw TensorError.runtime("Expected all tensors to be on the same device, but found at least two devices, \(f.device) and \(t.device)!")
        }
    }

    /// The dtype an op computes in and the dtype it returns.
    static func binaryDTypes(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> (compute: DType, result: DType) {
        let common = DType.resultType([a.promotionOperand, b.promotionOperand])
        switch op {
        case .div:
            let d = common.isFloatingPoint ? common : DType.defaultFloat
            return (d, d)
        case .eq, .ne, .lt, .le, .gt, .ge:
            return (common, .bool)
        case .logicalAnd, .logicalOr, .logicalXor:
            return (.bool, .bool)
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
            if common.isFloatingPoint {
                throw TensorError.notImplemented("\"\(op.rawValue)_cpu\" not implemented for '\(common.scalarTypeName)'")
            }
            return (common, common)
        case .sub:
            if a.dtype == .bool && b.dtype == .bool {
                throw TensorError.notImplemented("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
            }
            if common == .bool {
                throw TensorError.notImplemented("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
            }
            return (common, common)
        case .pow:
            if common.isIntegral, b.isWrappedNumber || b.dim == 0, !b.dtype.isFloatingPoint, b.numel == 1,
               b.storage.readInt64(b.layout.offset) < 0, b.isWrappedNumber {
                throw TensorError.runtime("Integers to negative integer powers are not allowed.")
            }
            return (common, common)
        default:
            return (common, common)
        }
    }

    /// Forward of a binary op without autograd: broadcast, promote, run the kernel.
    public static func binaryForward(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        try checkSameDevice([a, b])
        let (compute, result) = try binaryDTypes(op, a, b)
        let outShape = try broadcastShapes(a.shape, b.shape)
        try checkSizes(outShape)
        let ca = a.dtype == compute ? a : a.materialized(dtype: compute)
        let cb = b.dtype == compute ? b : b.materialized(dtype: compute)
        if (op == .floorDivide || op == .remainder || (op == .div && !compute.isFloatingPoint)) && compute.isIntegral {
            if cb.toInt64Array().contains(0) { throw TensorError.runtime("ZeroDivisionError") }
        }
        let la = try ca.expandLayout(to: outShape), lb = try cb.expandLayout(to: outShape)
        let device = a.isWrappedNumber ? b.device : a.device
        let out = Tensor(zeros: outShape, dtype: result, device: device)
        switch compute {
        case .float32: runBinary(Float.self, op, ca, la, cb, lb, out)
        case .float64: runBinary(Double.self, op, ca, la, cb, lb, out)
        case .int64: runBinary(Int64.self, op, ca, la, cb, lb, out)
        case .int32: runBinary(Int32.self, op, ca, la, cb, lb, out)
        case .bool: runBinary(Bool.self, op, ca, la, cb, lb, out)
        }
        return out
    }

    @inline(__always)
    static func runBinary<T: NumericElement>(_: T.Type, _ op: BinaryOp, _ a: Tensor, _ la: Layout, _ b: Tensor, _ lb: Layout, _ out: Tensor) {
        switch op {
        case .add: binaryLoop(a, la, b, lb, out, T.add as (T, T) -> T)
        case .sub: binaryLoop(a, la, b, lb, out, T.sub as (T, T) -> T)
        case .mul: binaryLoop(a, la, b, lb, out, T.mul as (T, T) -> T)
        case .div: binaryLoop(a, la, b, lb, out, T.div as (T, T) -> T)
        case .floorDivide: binaryLoop(a, la, b, lb, out, T.floorDiv as (T, T) -> T)
        case .remainder: binaryLoop(a, la, b, lb, out, T.rem as (T, T) -> T)
        case .pow: binaryLoop(a, la, b, lb, out, T.pow as (T, T) -> T)
        case .maximum: binaryLoop(a, la, b, lb, out, T.maximum as (T, T) -> T)
        case .minimum: binaryLoop(a, la, b, lb, out, T.minimum as (T, T) -> T)
        case .eq: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in x == y }
        case .ne: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in x != y }
        case .lt: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in x < y }
        case .le: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in x <= y }
        case .gt: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in x > y }
        case .ge: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in x >= y }
        case .logicalAnd: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in (x != T.zero) && (y != T.zero) }
        case .logicalOr: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in (x != T.zero) || (y != T.zero) }
        case .logicalXor: binaryLoop(a, la, b, lb, out) { (x: T, y: T) -> Bool in (x != T.zero) != (y != T.zero) }
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
            if T.self == Bool.self {
                let f: (Bool, Bool) -> Bool = op == .bitwiseAnd ? { $0 && $1 } : (op == .bitwiseOr ? { $0 || $1 } : { $0 != $1 })
                binaryLoop(a, la, b, lb, out, f)
            } else if T.self == Int64.self {
                let f: (Int64, Int64) -> Int64 = op == .bitwiseAnd ? { $0 & $1 } : (op == .bitwiseOr ? { $0 | $1 } : { $0 ^ $1 })
                binaryLoop(a, la, b, lb, out, f)
            } else if T.self == Int32.self {
                let f: (Int32, Int32) -> Int32 = op == .bitwiseAnd ? { $0 & $1 } : (op == .bitwiseOr ? { $0 | $1 } : { $0 ^ $1 })
                binaryLoop(a, la, b, lb, out, f)
            }
        }
    }

    /// A binary op with autograd. `alpha` scales `b` for add/sub.
    public static func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, alpha: Scalar? = nil) throws -> Tensor {
        var bb = b
        if let al = alpha, al != .int(1), op == .add || op == .sub {
            let common = DType.resultType([a.promotionOperand, b.promotionOperand])
            if !common.isFloatingPoint && al.isFloatingPoint {
                throw TensorError.runtime("For integral input tensors, argument alpha must not be a floating point number.")
            }
            bb = try binaryForward(.mul, b, wrappedScalar(al))
            bb.isWrappedNumber = b.isWrappedNumber
        }
        let out = try binaryForward(op, a, bb)
        if out.dtype.isFloatingPoint { try recordBinaryBackward(op, a, b, out, alpha: alpha) }
        return out
    }

    static func recordBinaryBackward(_ op: BinaryOp, _ a: Tensor, _ b: Tensor, _ out: Tensor, alpha: Scalar?) throws {
        guard needsGrad([a, b]) else { return }
        let sa = a.shape, sb = b.shape
        let al = alpha ?? .int(1)
        switch op {
        case .add, .sub:
            let neg = op == .sub
            recordAutograd(neg ? "SubBackward0" : "AddBackward0", inputs: [a, b], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                var gb = al == .int(1) ? go : try go.mul(al)
                if neg { gb = try gb.neg() }
                return [try sumToShape(go, sa), try sumToShape(gb, sb)]
            }
        case .mul:
            let node = recordAutograd("MulBackward0", inputs: [a, b], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                return [a.requiresGrad ? try sumToShape(go.mul(b), sa) : nil,
                        b.requiresGrad ? try sumToShape(go.mul(a), sb) : nil]
            }
            node?.saveForBackward((a.requiresGrad ? [b] : []) + (b.requiresGrad ? [a] : []))
        case .div:
            let node = recordAutograd("DivBackward0", inputs: [a, b], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                let ga = a.requiresGrad ? try sumToShape(go.div(b), sa) : nil
                let gb = b.requiresGrad ? try sumToShape(go.neg().mul(a).div(b.mul(b)), sb) : nil
                return [ga, gb]
            }
            node?.saveForBackward((b.requiresGrad ? [a] : []) + [b])
        case .pow:
            let name = b.isWrappedNumber ? "PowBackward0" : (a.isWrappedNumber ? "PowBackward2" : "PowBackward1")
            let savedOut = SavedOutput(out)
            let node = recordAutograd(name, inputs: [a, b], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                let out = savedOut.unpack()
                var ga: Tensor? = nil, gb: Tensor? = nil
                if a.requiresGrad && b.isWrappedNumber {
                    // pow_backward (FunctionsManual.cpp) for a Python-number exponent:
                    // zeros_like(self) if exponent == 0, else grad * (exponent * self.pow(exponent - 1)).
                    let ev = try b.item().asDouble
                    ga = ev == 0 ? Tensor.zerosLike(a) : try sumToShape(go.mul(a.pow(.double(ev - 1)).mul(.double(ev))), sa)
                } else if a.requiresGrad {
                    // pow_backward_self: where(exponent == 0, 0, grad * (exponent * self.pow(exponent - 1))).
                    let e = try b.sub(.int(1))
                    let t = try go.mul(b.mul(a.pow(e)))
                    ga = try sumToShape(Tensor.whereSelect(b.eq(.int(0)), Tensor.wrappedScalar(.double(0)), t), sa)
                }
                if b.requiresGrad {
                    // pow_backward_exponent: grad * where(exponent >= 0 & self == 0, 0, result * self.log()).
                    let t = try out.mul(a.log())
                    gb = try sumToShape(go.mul(Tensor.whereSelect(a.eq(.int(0)).logicalAnd(b.ge(.int(0))), Tensor.wrappedScalar(.double(0)), t)), sb)
                }
                return [ga, gb]
            }
            savedOut.node = node
            node?.saveForBackward(b.isWrappedNumber ? [a] : (a.isWrappedNumber ? [b, out] : [a, b, out]))
        case .maximum, .minimum:
            let isMax = op == .maximum
            recordAutograd(isMax ? "MaximumBackward0" : "MinimumBackward0", inputs: [a, b], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                let pick = isMax ? try a.gt(b) : try a.lt(b)
                let tie = try a.eq(b)
                let half = try go.mul(.double(0.5))
                let z = Tensor.wrappedScalar(.double(0))
                let ga = try Tensor.whereSelect(pick, go, Tensor.whereSelect(tie, half, z))
                let gb = try Tensor.whereSelect(pick, z, Tensor.whereSelect(tie, half, go))
                return [try sumToShape(ga, sa), try sumToShape(gb, sb)]
            }
        case .remainder:
            recordAutograd("RemainderBackward0", inputs: [a, b], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                let gb = try go.neg().mul(a.floorDivide(b))
                return [try sumToShape(go, sa), try sumToShape(gb, sb)]
            }
        case .floorDivide:
            recordAutograd("FloorDivideBackward0", inputs: [a, b], outputs: [out]) { _ in
                [try Tensor.zeros(sa, dtype: a.dtype), try Tensor.zeros(sb, dtype: b.dtype)]
            }
        default:
            break
        }
    }

    // MARK: method forms (tensor and Python-number operands)

    public func add(_ o: Tensor, alpha: Scalar? = nil) throws -> Tensor { try Tensor.binary(.add, self, o, alpha: alpha) }
    public func add(_ s: Scalar, alpha: Scalar? = nil) throws -> Tensor { try Tensor.binary(.add, self, .wrappedScalar(s), alpha: alpha) }
    public func sub(_ o: Tensor, alpha: Scalar? = nil) throws -> Tensor { try Tensor.binary(.sub, self, o, alpha: alpha) }
    public func sub(_ s: Scalar, alpha: Scalar? = nil) throws -> Tensor { try Tensor.binary(.sub, self, .wrappedScalar(s), alpha: alpha) }
    public func mul(_ o: Tensor) throws -> Tensor { try Tensor.binary(.mul, self, o) }
    public func mul(_ s: Scalar) throws -> Tensor { try Tensor.binary(.mul, self, .wrappedScalar(s)) }
    public func mul(_ d: Double) throws -> Tensor { try mul(.double(d)) }
    public func div(_ o: Tensor) throws -> Tensor { try Tensor.binary(.div, self, o) }
    public func div(_ s: Scalar) throws -> Tensor { try Tensor.binary(.div, self, .wrappedScalar(s)) }
    public func floorDivide(_ o: Tensor) throws -> Tensor { try Tensor.binary(.floorDivide, self, o) }
    public func floorDivide(_ s: Scalar) throws -> Tensor { try Tensor.binary(.floorDivide, self, .wrappedScalar(s)) }
    public func remainder(_ o: Tensor) throws -> Tensor { try Tensor.binary(.remainder, self, o) }
    public func remainder(_ s: Scalar) throws -> Tensor { try Tensor.binary(.remainder, self, .wrappedScalar(s)) }
    public func pow(_ o: Tensor) throws -> Tensor { try Tensor.binary(.pow, self, o) }
    public func pow(_ s: Scalar) throws -> Tensor { try Tensor.binary(.pow, self, .wrappedScalar(s)) }
    public func maximum(_ o: Tensor) throws -> Tensor { try Tensor.binary(.maximum, self, o) }
    public func minimum(_ o: Tensor) throws -> Tensor { try Tensor.binary(.minimum, self, o) }
    public func eq(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.eq, self, o) }
    public func eq(_ s: Scalar) throws -> Tensor { try Tensor.binaryForward(.eq, self, .wrappedScalar(s)) }
    public func ne(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.ne, self, o) }
    public func ne(_ s: Scalar) throws -> Tensor { try Tensor.binaryForward(.ne, self, .wrappedScalar(s)) }
    public func lt(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.lt, self, o) }
    public func lt(_ s: Scalar) throws -> Tensor { try Tensor.binaryForward(.lt, self, .wrappedScalar(s)) }
    public func le(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.le, self, o) }
    public func le(_ s: Scalar) throws -> Tensor { try Tensor.binaryForward(.le, self, .wrappedScalar(s)) }
    public func gt(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.gt, self, o) }
    public func gt(_ s: Scalar) throws -> Tensor { try Tensor.binaryForward(.gt, self, .wrappedScalar(s)) }
    public func ge(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.ge, self, o) }
    public func ge(_ s: Scalar) throws -> Tensor { try Tensor.binaryForward(.ge, self, .wrappedScalar(s)) }
    public func bitwiseAnd(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.bitwiseAnd, self, o) }
    public func bitwiseOr(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.bitwiseOr, self, o) }
    public func bitwiseXor(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.bitwiseXor, self, o) }
    public func logicalAnd(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.logicalAnd, self, o) }
    public func logicalOr(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.logicalOr, self, o) }
    public func logicalXor(_ o: Tensor) throws -> Tensor { try Tensor.binaryForward(.logicalXor, self, o) }

    /// `2 - x` (`rsub`, RsubBackward1).
    public func rsub(_ s: Scalar) throws -> Tensor {
        let out = try Tensor.binaryForward(.sub, .wrappedScalar(s), self)
        if out.dtype.isFloatingPoint {
            recordAutograd("RsubBackward1", inputs: [self], outputs: [out]) { g in [try g[0].map { try $0.neg() }] }
        }
        return out
    }
    /// `s / x`: reciprocal then multiply (PyTorch shows MulBackward0).
    public func rdiv(_ s: Scalar) throws -> Tensor { try reciprocal().mul(s) }
    /// `s ** x` (PowBackward2).
    public func rpow(_ s: Scalar) throws -> Tensor { try Tensor.binary(.pow, .wrappedScalar(s), self) }
    /// `s // x`, `s % x`.
    public func rfloorDivide(_ s: Scalar) throws -> Tensor { try Tensor.binary(.floorDivide, .wrappedScalar(s), self) }
    public func rremainder(_ s: Scalar) throws -> Tensor { try Tensor.binary(.remainder, .wrappedScalar(s), self) }

    /// `torch.div(a, b, rounding_mode=)`: nil (true division), "trunc" or "floor".
    public func div(_ o: Tensor, roundingMode: String?) throws -> Tensor {
        guard let mode = roundingMode else { return try div(o) }
        switch mode {
        case "floor": return try floorDivide(o)
        case "trunc":
            let common = DType.resultType([promotionOperand, o.promotionOperand])
            if common.isFloatingPoint { return try div(o).trunc() }
            return try Tensor.binaryForward(.div, self.to(common), o.to(common)).to(common)
        default:
            throw TensorError.value("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(mode)'")
        }
    }

    // MARK: in-place

    /// Shared body of `add_`, `mul_`, ... : self op= other.
    public func binaryInplace(_ op: BinaryOp, _ other: Tensor, alpha: Scalar? = nil) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        // PyTorch checks the broadcast shape, then the result dtype, before any data moves.
        let bshape = try broadcastShapes(shape, other.shape)
        guard bshape == shape else {
            throw TensorError.runtime("output with shape \(shapeString(shape)) doesn't match the broadcast shape \(shapeString(bshape))")
        }
        let (_, rdt) = try Tensor.binaryDTypes(op, self, other)
        if !op.isComparison && !DType.canCast(from: rdt, to: dtype) {
            throw TensorError.runtime("result type \(rdt.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        if op.isComparison {
            try assignElements(from: Tensor.binaryForward(op, self, other)); bumpVersion(); return
        }
        try runInplace(operands: [other]) { old in try Tensor.binary(op, old, other, alpha: alpha) }
    }
    public func add_(_ o: Tensor, alpha: Scalar? = nil) throws { try binaryInplace(.add, o, alpha: alpha) }
    public func add_(_ s: Scalar, alpha: Scalar? = nil) throws { try binaryInplace(.add, .wrappedScalar(s), alpha: alpha) }
    public func sub_(_ o: Tensor, alpha: Scalar? = nil) throws { try binaryInplace(.sub, o, alpha: alpha) }
    public func sub_(_ s: Scalar, alpha: Scalar? = nil) throws { try binaryInplace(.sub, .wrappedScalar(s), alpha: alpha) }
    public func mul_(_ o: Tensor) throws { try binaryInplace(.mul, o) }
    public func mul_(_ s: Scalar) throws { try binaryInplace(.mul, .wrappedScalar(s)) }
    public func div_(_ o: Tensor) throws { try binaryInplace(.div, o) }
    public func div_(_ s: Scalar) throws { try binaryInplace(.div, .wrappedScalar(s)) }
    public func pow_(_ s: Scalar) throws { try binaryInplace(.pow, .wrappedScalar(s)) }

    /// `zero_()` (ZeroBackward0).
    public func zero_() throws { try fillInplace(.int(0), node: "ZeroBackward0") }
    /// `fill_(value)` (FillBackward0).
    public func fill_(_ v: Scalar) throws { try fillInplace(v, node: "FillBackward0") }
    func fillInplace(_ v: Scalar, node: String) throws {
        try runInplace(operands: []) { old in
            let r = Tensor.fullLike(old, v)
            recordAutograd(node, inputs: [old], outputs: [r]) { g in [g[0].map { Tensor.zerosLike($0) }] }
            return r
        }
    }
    /// `copy_(src)`: broadcasts src, converts dtype (CopyBackwards).
    public func copy_(_ src: Tensor) throws {
        try checkInplace()
        try checkNoInternalOverlap()
        try Tensor.checkSameDevice([self, src])
        // TensorIterator's checks: src must broadcast with self, to exactly self's shape.
        let bshape = try broadcastShapes(shape, src.shape)
        guard bshape == shape else {
            throw TensorError.runtime("output with shape \(shapeString(shape)) doesn't match the broadcast shape \(shapeString(bshape))")
        }
        let l = try src.expandLayout(to: shape)
        try runInplace(operands: [src]) { old in
            let r = Tensor(storage: src.storage, layout: l).materialized(dtype: old.dtype)
            r.device = old.device
            let sdt = src.dtype, sshape = src.shape
            recordAutograd("CopyBackwards", inputs: [old, src], outputs: [r]) { g in
                guard let go = g[0] else { return [nil, nil] }
                return [Tensor.zerosLike(go), try sumToShape(go.to(sdt), sshape)]
            }
            return r
        }
    }

    // MARK: where / masked_fill / comparisons of whole tensors

    /// `torch.where(cond, a, b)`.
    public static func whereSelect(_ cond: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard cond.dtype == .bool else {
            throw TensorError.runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(cond.dtype.scalarTypeName)")
        }
        try checkSameDevice([cond, a, b])
        let rt = DType.resultType([a.promotionOperand, b.promotionOperand])
        let shape = try broadcastShapes(cond.shape, broadcastShapes(a.shape, b.shape))
        try checkSizes(shape)
        let c = Tensor(storage: cond.storage, layout: try cond.expandLayout(to: shape)).materialized()
        let av = a.materialized(dtype: rt), bv = b.materialized(dtype: rt)
        let ae = Tensor(storage: av.storage, layout: try av.expandLayout(to: shape)).materialized()
        let be = Tensor(storage: bv.storage, layout: try bv.expandLayout(to: shape)).materialized()
        let out = Tensor(zeros: shape, dtype: rt, device: cond.device)
        let n = out.numel
        let cp = c.storage.bools
        let isz = rt.itemSize
        for i in 0..<n {
            let src = cp[i] ? ae.storage.raw : be.storage.raw
            (out.storage.raw + i * isz).copyMemory(from: src + i * isz, byteCount: isz)
        }
        if rt.isFloatingPoint {
            let sa = a.shape, sb = b.shape
            recordAutograd("WhereBackward0", inputs: [a, b], outputs: [out]) { g in
                guard let go = g[0] else { return [nil, nil] }
                let z = Tensor.wrappedScalar(.double(0))
                return [a.requiresGrad ? try sumToShape(whereSelect(cond, go, z), sa) : nil,
                        b.requiresGrad ? try sumToShape(whereSelect(cond, z, go), sb) : nil]
            }
        }
        return out
    }

    static func checkMask(_ mask: Tensor, _ op: String) throws {
        guard mask.dtype == .bool else {
            throw TensorError.runtime("\(op) only supports boolean masks, but got mask with dtype \(mask.dtype.cTypeName)")
        }
    }
    /// `masked_fill(mask, value)` (value: number or 0-dim tensor).
    public func maskedFill(_ mask: Tensor, _ value: Tensor) throws -> Tensor {
        try Tensor.checkMask(mask, "masked_fill_")
        guard value.dim == 0 else {
            throw TensorError.runtime("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(value.dim) dimension(s).")
        }
        let shape = try broadcastShapes(self.shape, mask.shape)
        let base = try Tensor(storage: storage, layout: expandLayout(to: shape)).materialized()
        let m = try Tensor(storage: mask.storage, layout: mask.expandLayout(to: shape)).materialized()
        let v = try value.item()
        let mp = m.storage.bools
        for i in 0..<base.numel where mp[i] { base.storage.write(v, at: i) }
        base.device = device
        if dtype.isFloatingPoint {
            let sh = self.shape
            recordAutograd("MaskedFillBackward0", inputs: [self], outputs: [base]) { g in
                guard let go = g[0] else { return [nil] }
                return [try sumToShape(Tensor.whereSelect(m, Tensor.wrappedScalar(.double(0)), go), sh)]
            }
        }
        return base
    }
    public func maskedFill(_ mask: Tensor, _ value: Scalar) throws -> Tensor { try maskedFill(mask, .wrappedScalar(value)) }
    /// `masked_fill_(mask, value)`.
    public func maskedFill_(_ mask: Tensor, _ value: Scalar) throws {
        try Tensor.checkMask(mask, "masked_fill_")
        try checkInplace()
        let shape = try broadcastShapes(self.shape, mask.shape)
        guard shape == self.shape else {
            throw TensorError.runtime("output with shape \(shapeString(self.shape)) doesn't match the broadcast shape \(shapeString(shape))")
        }
        try runInplace(operands: []) { old in try old.maskedFill(mask, value) }
    }

    /// `torch.equal(a, b)`: same shape and same values.
    public func equal(_ o: Tensor) throws -> Bool {
        try Tensor.checkSameDevice([self, o])
        guard shape == o.shape else { return false }
        let r = try eq(o)
        return !r.toBoolArray().contains(false)
    }
    /// `torch.isclose(a, b, rtol, atol, equal_nan)`.
    public func isclose(_ o: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNan: Bool = false) throws -> Tensor {
        guard dtype == o.dtype else {
            throw TensorError.runtime("\(dtype.scalarTypeName) did not match \(o.dtype.scalarTypeName)")
        }
        let shape = try broadcastShapes(self.shape, o.shape)
        let a = try Tensor(storage: storage, layout: expandLayout(to: shape)).toDoubleArray()
        let b = try Tensor(storage: o.storage, layout: o.expandLayout(to: shape)).toDoubleArray()
        let out = Tensor(zeros: shape, dtype: .bool, device: device)
        let p = out.storage.bools
        for i in 0..<a.count {
            let x = a[i], y = b[i]
            if x == y { p[i] = true; continue }
            if x.isNaN || y.isNaN { p[i] = equalNan && x.isNaN && y.isNaN; continue }
            if !x.isFinite || !y.isFinite { p[i] = false; continue }
            p[i] = Swift.abs(x - y) <= atol + rtol * Swift.abs(y)
        }
        return out
    }
    /// `torch.allclose`.
    public func allclose(_ o: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNan: Bool = false) throws -> Bool {
        !(try isclose(o, rtol: rtol, atol: atol, equalNan: equalNan).toBoolArray().contains(false))
    }
}

/// Op-table entries of the elementwise ops (see Core/OpTable.swift).

func binarySpec(_ name: String, _ op: BinaryOp, alpha: Bool = false) -> OpSpec {
    OpSpec(name, [selfP, param("other", .tensorOrNumber)] + (alpha ? [param("alpha", .number, .int(1), kw: true)] : [])) { a in
        let x = try a.tensor("input"), y = try a.tensorOrNumber("other")
        let al: Scalar? = alpha ? try a.number("alpha") : nil
        if op.isComparison || op.isLogical || op.isBitwise { return .tensor(try Tensor.binaryForward(op, x, y)) }
        return .tensor(try Tensor.binary(op, x, y, alpha: al))
    }
}
func binaryInplaceSpec(_ name: String, _ op: BinaryOp, alpha: Bool = false) -> OpSpec {
    OpSpec(name, function: false, [selfP, param("other", .tensorOrNumber)] + (alpha ? [param("alpha", .number, .int(1), kw: true)] : [])) { a in
        let x = try a.tensor("input")
        try x.binaryInplace(op, a.tensorOrNumber("other"), alpha: alpha ? try a.number("alpha") : nil)
        return .tensor(x)
    }
}
func unarySpec(_ name: String, _ op: UnaryOp) -> OpSpec {
    OpSpec(name, [selfP]) { a in .tensor(try Tensor.unary(op, a.tensor("input"))) }
}
func unaryInplaceSpec(_ name: String, _ op: UnaryOp) -> OpSpec {
    OpSpec(name, function: true, [selfP]) { a in
        let x = try a.tensor("input")
        try x.unaryInplace(op)
        return .tensor(x)
    }
}

let elementwiseOps: [OpSpec] = {
    var ops: [OpSpec] = [
        binarySpec("add", .add, alpha: true), binarySpec("sub", .sub, alpha: true), binarySpec("subtract", .sub, alpha: true),
        binarySpec("mul", .mul), binarySpec("multiply", .mul), binarySpec("true_divide", .div),
        binarySpec("floor_divide", .floorDivide), binarySpec("remainder", .remainder),
        binarySpec("maximum", .maximum), binarySpec("minimum", .minimum),
        binarySpec("eq", .eq), binarySpec("ne", .ne), binarySpec("lt", .lt), binarySpec("le", .le),
        binarySpec("gt", .gt), binarySpec("ge", .ge), binarySpec("not_equal", .ne), binarySpec("less", .lt),
        binarySpec("less_equal", .le), binarySpec("greater", .gt), binarySpec("greater_equal", .ge),
        binarySpec("bitwise_and", .bitwiseAnd), binarySpec("bitwise_or", .bitwiseOr), binarySpec("bitwise_xor", .bitwiseXor),
        binarySpec("logical_and", .logicalAnd), binarySpec("logical_or", .logicalOr), binarySpec("logical_xor", .logicalXor),
        binaryInplaceSpec("add_", .add, alpha: true), binaryInplaceSpec("sub_", .sub, alpha: true),
        binaryInplaceSpec("mul_", .mul), binaryInplaceSpec("div_", .div), binaryInplaceSpec("pow_", .pow),
        binaryInplaceSpec("floor_divide_", .floorDivide), binaryInplaceSpec("remainder_", .remainder),
        binaryInplaceSpec("eq_", .eq), binaryInplaceSpec("ne_", .ne), binaryInplaceSpec("lt_", .lt),
        binaryInplaceSpec("le_", .le), binaryInplaceSpec("gt_", .gt), binaryInplaceSpec("ge_", .ge),
        OpSpec("div", [selfP, param("other", .tensorOrNumber), param("rounding_mode", .optionalString, OpValue.none, kw: true)]) { a in
            .tensor(try a.tensor("input").div(a.tensorOrNumber("other"), roundingMode: a.optionalString("rounding_mode")))
        },
        OpSpec("divide", [selfP, param("other", .tensorOrNumber), param("rounding_mode", .optionalString, OpValue.none, kw: true)]) { a in
            .tensor(try a.tensor("input").div(a.tensorOrNumber("other"), roundingMode: a.optionalString("rounding_mode")))
        },
        OpSpec("pow", [selfP, param("exponent", .tensorOrNumber)]) { a in
            // torch.pow(2, x): a number base.
            if case .tensor(let x) = a.value("input") { return .tensor(try x.pow(a.tensorOrNumber("exponent"))) }
            return .tensor(try a.tensor("exponent").rpow(a.number("input")))
        },
        OpSpec("rsub", [selfP, param("other", .tensorOrNumber), param("alpha", .number, .int(1), kw: true)]) { a in
            let x = try a.tensor("input")
            if case .tensor(let o) = a.value("other") { return .tensor(try o.sub(x, alpha: a.number("alpha"))) }
            return .tensor(try x.mul(a.number("alpha")).rsub(a.number("other")))
        },
        OpSpec("round", [selfP, param("decimals", .int, .int(0), kw: true)]) { a in
            .tensor(try a.tensor("input").round(decimals: a.int("decimals")))
        },
        OpSpec("clamp", [selfP, param("min", .tensorOrNumber, OpValue.none), param("max", .tensorOrNumber, OpValue.none)]) { a in
            try clampOp(a)
        },
        OpSpec("clip", [selfP, param("min", .tensorOrNumber, OpValue.none), param("max", .tensorOrNumber, OpValue.none)]) { a in
            try clampOp(a)
        },
        OpSpec("clamp_", function: false, [selfP, param("min", .number, OpValue.none), param("max", .number, OpValue.none)]) { a in
            let x = try a.tensor("input")
            try x.clamp_(min: a.optionalNumber("min"), max: a.optionalNumber("max"))
            return .tensor(x)
        },
        OpSpec("clamp_min", [selfP, param("min", .number)]) { a in .tensor(try a.tensor("input").clampMin(a.number("min"))) },
        OpSpec("clamp_max", [selfP, param("max", .number)]) { a in .tensor(try a.tensor("input").clampMax(a.number("max"))) },
        OpSpec("logical_not", [selfP]) { a in .tensor(try a.tensor("input").logicalNot()) },
        OpSpec("bitwise_not", [selfP]) { a in .tensor(try a.tensor("input").bitwiseNot()) },
        OpSpec("where", method: true, [param("condition", .tensor), param("input", .tensorOrNumber), param("other", .tensorOrNumber)]) { a in
            .tensor(try Tensor.whereSelect(a.tensor("condition"), a.tensorOrNumber("input"), a.tensorOrNumber("other")))
        },
        OpSpec("masked_fill", [selfP, param("mask", .tensor), param("value", .tensorOrNumber)]) { a in
            .tensor(try a.tensor("input").maskedFill(a.tensor("mask"), a.tensorOrNumber("value")))
        },
        OpSpec("masked_fill_", function: false, [selfP, param("mask", .tensor), param("value", .number)]) { a in
            let x = try a.tensor("input")
            try x.maskedFill_(a.tensor("mask"), a.number("value"))
            return .tensor(x)
        },
        OpSpec("equal", [selfP, param("other", .tensor)]) { a in .bool(try a.tensor("input").equal(a.tensor("other"))) },
        OpSpec("allclose", [selfP, param("other", .tensor), param("rtol", .double, .double(1e-5)), param("atol", .double, .double(1e-8)),
                            param("equal_nan", .bool, .bool(false))]) { a in
            .bool(try a.tensor("input").allclose(a.tensor("other"), rtol: a.double("rtol"), atol: a.double("atol"), equalNan: a.bool("equal_nan")))
        },
        OpSpec("isclose", [selfP, param("other", .tensor), param("rtol", .double, .double(1e-5)), param("atol", .double, .double(1e-8)),
                           param("equal_nan", .bool, .bool(false))]) { a in
            .tensor(try a.tensor("input").isclose(a.tensor("other"), rtol: a.double("rtol"), atol: a.double("atol"), equalNan: a.bool("equal_nan")))
        },
        OpSpec("zero_", function: false, [selfP]) { a in let x = try a.tensor("input"); try x.zero_(); return .tensor(x) },
        OpSpec("fill_", function: false, [selfP, param("value", .number)]) { a in
            let x = try a.tensor("input"); try x.fill_(a.number("value")); return .tensor(x)
        },
        OpSpec("copy_", function: false, [selfP, param("src", .tensor)]) { a in
            let x = try a.tensor("input"); try x.copy_(a.tensor("src")); return .tensor(x)
        },
    ]
    let unary: [(String, UnaryOp)] = [("neg", .neg), ("negative", .neg), ("abs", .abs), ("absolute", .abs), ("exp", .exp),
        ("log", .log), ("sqrt", .sqrt), ("rsqrt", .rsqrt), ("sin", .sin), ("cos", .cos), ("tan", .tan), ("tanh", .tanh),
        ("sigmoid", .sigmoid), ("relu", .relu), ("floor", .floor), ("ceil", .ceil), ("trunc", .trunc), ("fix", .trunc),
        ("frac", .frac), ("sign", .sign), ("reciprocal", .reciprocal), ("log1p", .log1p), ("expm1", .expm1),
        ("log2", .log2), ("log10", .log10), ("square", .square)]
    for (n, op) in unary {
        ops.append(unarySpec(n, op))
        if op != .square { ops.append(unaryInplaceSpec(n + "_", op)) }
    }
    return ops
}()

func clampOp(_ a: OpArgs) throws -> OpValue {
    let x = try a.tensor("input")
    let lo = a.value("min"), hi = a.value("max")
    var tensorBound = false
    if case .tensor = lo { tensorBound = true }
    if case .tensor = hi { tensorBound = true }
    if tensorBound {
        return .tensor(try x.clamp(min: a.optionalTensorOrNumber("min"), max: a.optionalTensorOrNumber("max")))
    }
    return .tensor(try x.clamp(min: a.optionalNumber("min"), max: a.optionalNumber("max")))
}

extension OpArgs {
    func optionalTensorOrNumber(_ name: String) throws -> Tensor? { isNone(name) ? nil : try tensorOrNumber(name) }
}

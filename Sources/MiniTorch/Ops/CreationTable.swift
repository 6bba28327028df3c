/// Op-table entries of the creation ops (see Core/OpTable.swift).

// MARK: helpers for declaring ops

public func opParam(_ n: String, _ t: OpParamType, _ d: OpValue? = nil, kw: Bool = false) -> OpParam { OpParam(n, t, d, keywordOnly: kw) }
func param(_ n: String, _ t: OpParamType, _ d: OpValue? = nil, kw: Bool = false) -> OpParam { OpParam(n, t, d, keywordOnly: kw) }
let selfP = param("input", .tensor)

extension OpValue {
    static func tensors(_ ts: [Tensor]) -> OpValue { .list(ts.map { .tensor($0) }) }
}

/// Applies `dtype=`, `device=` and `requires_grad=` of a factory function.
func finishFactory(_ t: Tensor, _ a: OpArgs) throws -> OpValue {
    if let d = try a.device("device"), d != t.device { t.device = d }
    if case .bool(true) = a.value("requires_grad") { try t.setRequiresGradForFactory(true) }
    return .tensor(t)
}

let factoryKw: [OpParam] = [param("dtype", .optionalDType, OpValue.none, kw: true), param("device", .optionalDevice, OpValue.none, kw: true),
                            param("requires_grad", .bool, .bool(false), kw: true)]

let creationOps: [OpSpec] = [
    OpSpec("tensor", method: false, [param("data", .tensorOrNumber)] + factoryKw) { a in
        guard let n = a.value("data").nested() else {
            throw TensorError.type("Could not infer dtype of \(a.value("data").typeName)")
        }
        return try finishFactory(Tensor.fromNested(n, dtype: a.dtype("dtype")), a)
    },
    OpSpec("zeros", method: false, [param("size", .sizes)] + factoryKw) { a in
        try finishFactory(Tensor.zeros(a.intList("size"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("ones", method: false, [param("size", .sizes)] + factoryKw) { a in
        try finishFactory(Tensor.ones(a.intList("size"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("empty", method: false, [param("size", .sizes)] + factoryKw) { a in
        try finishFactory(Tensor.empty(a.intList("size"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("full", method: false, [param("size", .intList), param("fill_value", .number)] + factoryKw) { a in
        try finishFactory(Tensor.full(a.intList("size"), a.number("fill_value"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("arange", method: false, [param("start", .number), param("end", .optionalNumber, OpValue.none), param("step", .number, .int(1))] + factoryKw) { a in
        let t: Tensor
        if let e = try a.optionalNumber("end") {
            t = try Tensor.arange(a.number("start"), e, a.number("step"), dtype: a.dtype("dtype"))
        } else {
            t = try Tensor.arange(.int(0), a.number("start"), a.number("step"), dtype: a.dtype("dtype"))
        }
        return try finishFactory(t, a)
    },
    OpSpec("linspace", method: false, [param("start", .number), param("end", .number), param("steps", .int)] + factoryKw) { a in
        try finishFactory(Tensor.linspace(a.number("start"), a.number("end"), steps: a.int("steps"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("logspace", method: false, [param("start", .number), param("end", .number), param("steps", .int), param("base", .double, .double(10))]
           + factoryKw) { a in
        try finishFactory(Tensor.logspace(a.number("start"), a.number("end"), steps: a.int("steps"), base: a.double("base"),
                                          dtype: a.dtype("dtype")), a)
    },
    OpSpec("eye", method: false, [param("n", .int), param("m", .optionalInt, OpValue.none)] + factoryKw) { a in
        try finishFactory(Tensor.eye(a.int("n"), a.optionalInt("m"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("zeros_like", method: false, [selfP] + factoryKw) { a in
        try finishFactory(Tensor.zerosLike(a.tensor("input"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("ones_like", method: false, [selfP] + factoryKw) { a in
        try finishFactory(Tensor.onesLike(a.tensor("input"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("empty_like", method: false, [selfP] + factoryKw) { a in
        try finishFactory(Tensor.zerosLike(a.tensor("input"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("full_like", method: false, [selfP, param("fill_value", .number)] + factoryKw) { a in
        try finishFactory(Tensor.fullLike(a.tensor("input"), a.number("fill_value"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("new_zeros", function: false, [selfP, param("size", .sizes)] + factoryKw) { a in
        try finishFactory(a.tensor("input").newZeros(a.intList("size"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("new_ones", function: false, [selfP, param("size", .sizes)] + factoryKw) { a in
        try finishFactory(a.tensor("input").newOnes(a.intList("size"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("new_empty", function: false, [selfP, param("size", .sizes)] + factoryKw) { a in
        try finishFactory(a.tensor("input").newEmpty(a.intList("size"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("new_full", function: false, [selfP, param("size", .intList), param("fill_value", .number)] + factoryKw) { a in
        try finishFactory(a.tensor("input").newFull(a.intList("size"), a.number("fill_value"), dtype: a.dtype("dtype")), a)
    },
    OpSpec("new_tensor", function: false, [selfP, param("data", .tensorOrNumber)] + factoryKw) { a in
        guard let n = a.value("data").nested() else { throw TensorError.type("Could not infer dtype of \(a.value("data").typeName)") }
        return try finishFactory(a.tensor("input").newTensor(n, dtype: a.dtype("dtype")), a)
    },
] + legacyConstructorOps

/// `torch.Tensor(2, 3)`, `torch.Tensor([1, 2])`, `torch.FloatTensor(...)`, `torch.LongTensor(...)`, ...
let legacyConstructorOps: [OpSpec] = [("Tensor", nil), ("FloatTensor", DType.float32), ("DoubleTensor", .float64),
                                      ("LongTensor", .int64), ("IntTensor", .int32), ("BoolTensor", .bool)].map { (name, dt) in
    OpSpec(name, method: false, [param("args", .sizes, .list([]))]) { a in
        let dtype = dt ?? DType.defaultFloat
        guard case .list(let items) = a.value("args") else { return .tensor(try Tensor.legacyConstructor(dtype, sizes: nil, data: nil)) }
        if items.isEmpty { return .tensor(try Tensor.legacyConstructor(dtype, sizes: nil, data: nil)) }
        // `Tensor(2, 3)`: ints are sizes; `Tensor([1, 2])` (one list) is data.
        if !isListArg(a) && items.allSatisfy({ if case .int = $0 { return true } else { return false } }) {
            return .tensor(try Tensor.legacyConstructor(dtype, sizes: try a.intList("args"), data: nil))
        }
        guard let n = OpValue.list(items).nested() else {
            throw TensorError.type("new(): data must be a sequence (got \(items.first?.typeName ?? "NoneType"))")
        }
        return .tensor(try Tensor.legacyConstructor(dtype, sizes: nil, data: n))
    }
}

/// True when the caller passed one list (data) rather than ints (sizes); set by `OpTable.call`'s `.sizes` binding.
func isListArg(_ a: OpArgs) -> Bool { if case .bool(true) = a.value("__single_list") { return true } else { return false } }

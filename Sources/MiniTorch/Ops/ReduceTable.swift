/// Op-table entries of the reductions (see Core/OpTable.swift).

let reduceOps: [OpSpec] = [
    OpSpec("sum", [selfP, param("dim", .optionalIntList, OpValue.none), param("keepdim", .bool, .bool(false)),
                   param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try a.tensor("input").sum(dims: a.optionalIntList("dim"), keepdim: a.bool("keepdim"), dtype: a.dtype("dtype")))
    },
    OpSpec("mean", [selfP, param("dim", .optionalIntList, OpValue.none), param("keepdim", .bool, .bool(false)),
                    param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try a.tensor("input").mean(dims: a.optionalIntList("dim"), keepdim: a.bool("keepdim"), dtype: a.dtype("dtype")))
    },
    OpSpec("prod", [selfP, param("dim", .optionalInt, OpValue.none), param("keepdim", .bool, .bool(false)),
                    param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try a.tensor("input").prod(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim"), dtype: a.dtype("dtype")))
    },
    OpSpec("max", [selfP, param("dim", .tensorOrNumber, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in try maxMin(a, true) },
    OpSpec("min", [selfP, param("dim", .tensorOrNumber, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in try maxMin(a, false) },
    OpSpec("count_nonzero", [selfP, param("dim", .optionalIntList, OpValue.none)]) { a in
        .tensor(try a.tensor("input").ne(.int(0)).sum(dims: a.optionalIntList("dim")))
    },
    OpSpec("amax", [selfP, param("dim", .optionalIntList, .list([])), param("keepdim", .bool, .bool(false))]) { a in
        .tensor(try a.tensor("input").amax(dims: a.optionalIntList("dim") ?? [], keepdim: a.bool("keepdim")))
    },
    OpSpec("amin", [selfP, param("dim", .optionalIntList, .list([])), param("keepdim", .bool, .bool(false))]) { a in
        .tensor(try a.tensor("input").amin(dims: a.optionalIntList("dim") ?? [], keepdim: a.bool("keepdim")))
    },
    OpSpec("argmax", [selfP, param("dim", .optionalInt, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in
        .tensor(try a.tensor("input").argmax(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim")))
    },
    OpSpec("argmin", [selfP, param("dim", .optionalInt, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in
        .tensor(try a.tensor("input").argmin(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim")))
    },
    OpSpec("std", [selfP, param("dim", .optionalIntList, OpValue.none), param("unbiased", .bool, OpValue.none),
                   param("keepdim", .bool, .bool(false)), param("correction", .optionalNumber, OpValue.none, kw: true)]) { a in
        try stdVar(a, std: true)
    },
    OpSpec("var", [selfP, param("dim", .optionalIntList, OpValue.none), param("unbiased", .bool, OpValue.none),
                   param("keepdim", .bool, .bool(false)), param("correction", .optionalNumber, OpValue.none, kw: true)]) { a in
        try stdVar(a, std: false)
    },
    OpSpec("all", [selfP, param("dim", .optionalInt, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in
        .tensor(try a.tensor("input").all(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim")))
    },
    OpSpec("any", [selfP, param("dim", .optionalInt, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in
        .tensor(try a.tensor("input").any(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim")))
    },
    OpSpec("logsumexp", [selfP, param("dim", .intList), param("keepdim", .bool, .bool(false))]) { a in
        .tensor(try a.tensor("input").logsumexp(dims: a.intList("dim"), keepdim: a.bool("keepdim")))
    },
]

/// `max()`, `max(dim, keepdim)` (values + indices) and `max(other)` (elementwise maximum).
func maxMin(_ a: OpArgs, _ isMax: Bool) throws -> OpValue {
    let x = try a.tensor("input")
    switch a.value("dim") {
    case .none: return .tensor(isMax ? try x.max() : try x.min())
    case .tensor(let o): return .tensor(isMax ? try x.maximum(o) : try x.minimum(o))
    default:
        let d = try a.int("dim")
        return .valuesIndices(try x.max(dim: d, keepdim: a.bool("keepdim"), isMax: isMax))
    }
}

/// `std`/`var` with `unbiased` (bool, positional: `x.std(0, True)` or `x.std(False)`) or `correction=`.
func stdVar(_ a: OpArgs, std: Bool) throws -> OpValue {
    let x = try a.tensor("input")
    var dims: [Int]? = nil
    var correction = 1.0
    // `x.std(False)`: a bool in the dim slot is `unbiased`.
    if case .bool(let u) = a.value("dim") { correction = u ? 1 : 0 } else { dims = try a.optionalIntList("dim") }
    if case .bool(let u) = a.value("unbiased") { correction = u ? 1 : 0 }
    if let c = try a.optionalNumber("correction") { correction = c.asDouble }
    return .tensor(try x.variance(dims: dims, correction: correction, keepdim: a.bool("keepdim"), std: std))
}

/// Op-table entries of gather/scatter/index_select/... (see Core/OpTable.swift). Registered through `indexOps`.

/// `scatter(dim, index, src)` or `scatter(dim, index, value)`: a Python number (positional or `value=`) selects
/// the value overload, as in PyTorch.
private func scatterArgs(_ a: OpArgs) throws -> (Tensor, Int, Tensor, Tensor?, Scalar?, String?) {
    let x = try a.tensor("input"), dim = try a.int("dim"), index = try a.tensor("index")
    let reduce = try a.optionalString("reduce")
    if let v = a.value("value").scalar { return (x, dim, index, nil, v, reduce) }
    if case .tensor(let t) = a.value("value") { return (x, dim, index, t, nil, reduce) }
    if case .tensor(let t) = a.value("src") { return (x, dim, index, t, nil, reduce) }
    if let v = a.value("src").scalar { return (x, dim, index, nil, v, reduce) }
    throw TensorError.type("scatter() received an invalid combination of arguments - got (dim=\(dim), index=Tensor), missing src or value")
}

private let scatterParams: [OpParam] = [selfP, param("dim", .int), param("index", .tensor), param("src", .tensorOrNumber, OpValue.none),
                                        param("value", .tensorOrNumber, OpValue.none, kw: true),
                                        param("reduce", .optionalString, OpValue.none, kw: true)]

public let indexOps: [OpSpec] = [
    OpSpec("gather", [selfP, param("dim", .int), param("index", .tensor), param("sparse_grad", .bool, .bool(false), kw: true)]) { a in
        .tensor(try a.tensor("input").gather(a.int("dim"), a.tensor("index")))
    },
    OpSpec("scatter", scatterParams) { a in
        let (x, dim, index, src, value, reduce) = try scatterArgs(a)
        if let src { return .tensor(try x.scatter(dim, index, src, reduce: reduce)) }
        return .tensor(try x.scatter(dim, index, value: value ?? .int(0), reduce: reduce))
    },
    OpSpec("scatter_", function: false, scatterParams) { a in
        let (x, dim, index, src, value, reduce) = try scatterArgs(a)
        if let src { try x.scatter_(dim, index, src, reduce: reduce) } else { try x.scatter_(dim, index, value: value ?? .int(0), reduce: reduce) }
        return .tensor(x)
    },
    OpSpec("scatter_add", [selfP, param("dim", .int), param("index", .tensor), param("src", .tensor)]) { a in
        .tensor(try a.tensor("input").scatterAdd(a.int("dim"), a.tensor("index"), a.tensor("src")))
    },
    OpSpec("scatter_add_", function: false, [selfP, param("dim", .int), param("index", .tensor), param("src", .tensor)]) { a in
        let x = try a.tensor("input")
        try x.scatterAdd_(a.int("dim"), a.tensor("index"), a.tensor("src"))
        return .tensor(x)
    },
    OpSpec("scatter_reduce", [selfP, param("dim", .int), param("index", .tensor), param("src", .tensor), param("reduce", .string),
                              param("include_self", .bool, .bool(true), kw: true)]) { a in
        .tensor(try a.tensor("input").scatterReduce(a.int("dim"), a.tensor("index"), a.tensor("src"), reduce: a.string("reduce"),
                                                    includeSelf: a.bool("include_self")))
    },
    OpSpec("scatter_reduce_", function: false, [selfP, param("dim", .int), param("index", .tensor), param("src", .tensor),
                                                param("reduce", .string), param("include_self", .bool, .bool(true), kw: true)]) { a in
        let x = try a.tensor("input")
        try x.scatterReduce_(a.int("dim"), a.tensor("index"), a.tensor("src"), reduce: a.string("reduce"), includeSelf: a.bool("include_self"))
        return .tensor(x)
    },
    OpSpec("index_select", [selfP, param("dim", .int), param("index", .tensor)]) { a in
        .tensor(try a.tensor("input").indexSelect(a.int("dim"), a.tensor("index")))
    },
    OpSpec("take_along_dim", [selfP, param("indices", .tensor), param("dim", .optionalInt, OpValue.none)]) { a in
        .tensor(try a.tensor("input").takeAlongDim(a.tensor("indices"), dim: a.optionalInt("dim")))
    },
    OpSpec("index_add", [selfP, param("dim", .int), param("index", .tensor), param("source", .tensor),
                         param("alpha", .number, .int(1), kw: true)]) { a in
        .tensor(try a.tensor("input").indexAdd(a.int("dim"), a.tensor("index"), a.tensor("source"), alpha: a.number("alpha")))
    },
    OpSpec("index_add_", function: false, [selfP, param("dim", .int), param("index", .tensor), param("source", .tensor),
                                           param("alpha", .number, .int(1), kw: true)]) { a in
        let x = try a.tensor("input")
        try x.indexAdd_(a.int("dim"), a.tensor("index"), a.tensor("source"), alpha: a.number("alpha"))
        return .tensor(x)
    },
]

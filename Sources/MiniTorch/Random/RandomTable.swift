/// Op-table entries of the random ops (see Core/OpTable.swift). Registered through `randomOps`.

public let randomOps: [OpSpec] = [
    OpSpec("manual_seed", method: false, [param("seed", .int)]) { a in
        Tensor.manualSeed(Int64(try a.int("seed")))
        return .none
    },
    OpSpec("rand", method: false, [param("size", .sizes), param("dtype", .optionalDType, OpValue.none, kw: true),
                                  param("requires_grad", .bool, .bool(false), kw: true)]) { a in
        .tensor(try Tensor.rand(a.intList("size"), dtype: a.dtype("dtype"), requiresGrad: a.bool("requires_grad")))
    },
    OpSpec("randn", method: false, [param("size", .sizes), param("dtype", .optionalDType, OpValue.none, kw: true),
                                   param("requires_grad", .bool, .bool(false), kw: true)]) { a in
        .tensor(try Tensor.randn(a.intList("size"), dtype: a.dtype("dtype"), requiresGrad: a.bool("requires_grad")))
    },
    // randint(high, size) or randint(low, high, size)
    OpSpec("randint", method: false, [param("low", .int), param("high", .optionalIntList), param("size", .optionalIntList, OpValue.none),
                                     param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        let first = Int64(try a.int("low"))
        if let size = try a.optionalIntList("size") {
            guard let high = try a.optionalIntList("high"), high.count == 1 else {
                throw TensorError.type("randint(): argument 'high' must be int")
            }
            return .tensor(try Tensor.randint(low: first, high: Int64(high[0]), size, dtype: a.dtype("dtype")))
        }
        guard let size = try a.optionalIntList("high") else {
            throw TensorError.type("randint() received an invalid combination of arguments")
        }
        return .tensor(try Tensor.randint(high: first, size, dtype: a.dtype("dtype")))
    },
    OpSpec("randperm", method: false, [param("n", .int), param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try Tensor.randperm(a.int("n"), dtype: a.dtype("dtype")))
    },
    OpSpec("rand_like", method: false, [selfP, param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try Tensor.randLike(a.tensor("input"), dtype: a.dtype("dtype")))
    },
    OpSpec("randn_like", method: false, [selfP, param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try Tensor.randnLike(a.tensor("input"), dtype: a.dtype("dtype")))
    },
    OpSpec("bernoulli", [selfP]) { a in .tensor(try Tensor.bernoulli(a.tensor("input"))) },
    OpSpec("bernoulli_", function: false, [selfP, param("p", .double, .double(0.5))]) { a in
        let x = try a.tensor("input")
        try x.bernoulli_(p: a.double("p"))
        return .tensor(x)
    },
    OpSpec("uniform_", function: false, [selfP, param("from", .double, .double(0)), param("to", .double, .double(1))]) { a in
        let x = try a.tensor("input")
        try x.uniform_(from: a.double("from"), to: a.double("to"))
        return .tensor(x)
    },
    OpSpec("normal_", function: false, [selfP, param("mean", .double, .double(0)), param("std", .double, .double(1))]) { a in
        let x = try a.tensor("input")
        try x.normal_(mean: a.double("mean"), std: a.double("std"))
        return .tensor(x)
    },
    // random_(to) or random_(from, to)
    OpSpec("random_", function: false, [selfP, param("from", .int), param("to", .optionalInt, OpValue.none)]) { a in
        let x = try a.tensor("input")
        if let to = try a.optionalInt("to") {
            try x.random_(from: Int64(try a.int("from")), to: Int64(to))
        } else {
            try x.random_(from: 0, to: Int64(try a.int("from")))
        }
        return .tensor(x)
    },
]

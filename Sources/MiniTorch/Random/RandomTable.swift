/// Op-table entries of the random ops (see Core/OpTable.swift). Registered through `randomOps`.

public let randomOps: [OpSpec] = [
    OpSpec("manual_seed", method: false, [param("seed", .int)]) { a in
        Tensor.manualSeed(Int64(try a.int("seed")))
        return .none
    },
    // `device=` of the random factories: the numbers are drawn from the CPU generator and the tensor is placed
    // on the (simulated) device. A real GPU draws from its own Philox generator, whose stream depends on the
    // hardware's launch configuration, so printed values of CUDA random tensors cannot match a real GPU's.
    OpSpec("rand", method: false, [param("size", .sizes)] + factoryKw) { a in
        try finishFactory(Tensor.rand(a.intList("size"), dtype: a.dtype("dtype"), requiresGrad: a.bool("requires_grad")), a)
    },
    OpSpec("randn", method: false, [param("size", .sizes)] + factoryKw) { a in
        try finishFactory(Tensor.randn(a.intList("size"), dtype: a.dtype("dtype"), requiresGrad: a.bool("requires_grad")), a)
    },
    // randint(high, size) or randint(low, high, size)
    OpSpec("randint", method: false, [param("low", .int), param("high", .optionalIntList), param("size", .optionalIntList, OpValue.none)]
           + factoryKw) { a in
        let first = Int64(try a.int("low"))
        if let size = try a.optionalIntList("size") {
            guard let high = try a.optionalIntList("high"), high.count == 1 else {
                throw TensorError.type("randint(): argument 'high' must be int")
            }
            return try finishFactory(Tensor.randint(low: first, high: Int64(high[0]), size, dtype: a.dtype("dtype")), a)
        }
        guard let size = try a.optionalIntList("high") else {
            throw TensorError.type("randint() received an invalid combination of arguments")
        }
        return try finishFactory(Tensor.randint(high: first, size, dtype: a.dtype("dtype")), a)
    },
    OpSpec("randperm", method: false, [param("n", .int)] + factoryKw) { a in
        try finishFactory(Tensor.randperm(a.int("n"), dtype: a.dtype("dtype")), a)
    },
    // The `_like` forms default to the input's device.
    OpSpec("rand_like", method: false, [selfP] + factoryKw) { a in
        let x = try a.tensor("input")
        return try finishFactory(Tensor.randLike(x, dtype: a.dtype("dtype")).to(device: a.device("device") ?? x.device), a)
    },
    OpSpec("randn_like", method: false, [selfP] + factoryKw) { a in
        let x = try a.tensor("input")
        return try finishFactory(Tensor.randnLike(x, dtype: a.dtype("dtype")).to(device: a.device("device") ?? x.device), a)
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
    // torch.normal(mean: float, std: float, size): as PyTorch, empty(size).normal_(mean, std).
    OpSpec("normal", method: false, [param("mean", .double), param("std", .double), param("size", .intList)] + factoryKw) { a in
        let t = try Tensor.zeros(a.intList("size"), dtype: a.dtype("dtype"))
        try t.normal_(mean: a.double("mean"), std: a.double("std"))
        return try finishFactory(t, a)
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

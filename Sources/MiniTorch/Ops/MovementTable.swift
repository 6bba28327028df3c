/// Op-table entries of views and data movement (see Core/OpTable.swift).

let movementOps: [OpSpec] = [
    OpSpec("view", function: false, [selfP, param("size", .sizes)]) { a in .tensor(try a.tensor("input").view(a.intList("size"))) },
    OpSpec("reshape", [selfP, param("shape", .sizes)]) { a in .tensor(try a.tensor("input").reshape(a.intList("shape"))) },
    OpSpec("view_as", function: false, [selfP, param("other", .tensor)]) { a in .tensor(try a.tensor("input").viewAs(a.tensor("other"))) },
    OpSpec("reshape_as", function: false, [selfP, param("other", .tensor)]) { a in .tensor(try a.tensor("input").reshapeAs(a.tensor("other"))) },
    OpSpec("permute", [selfP, param("dims", .sizes)]) { a in .tensor(try a.tensor("input").permute(a.intList("dims"))) },
    OpSpec("transpose", [selfP, param("dim0", .int), param("dim1", .int)]) { a in
        .tensor(try a.tensor("input").transpose(a.int("dim0"), a.int("dim1")))
    },
    OpSpec("swapaxes", [selfP, param("axis0", .int), param("axis1", .int)]) { a in
        .tensor(try a.tensor("input").transpose(a.int("axis0"), a.int("axis1")))
    },
    OpSpec("t", [selfP]) { a in .tensor(try a.tensor("input").t()) },
    OpSpec("expand", function: false, [selfP, param("size", .sizes)]) { a in .tensor(try a.tensor("input").expand(a.intList("size"))) },
    OpSpec("expand_as", function: false, [selfP, param("other", .tensor)]) { a in .tensor(try a.tensor("input").expandAs(a.tensor("other"))) },
    OpSpec("unsqueeze", [selfP, param("dim", .int)]) { a in .tensor(try a.tensor("input").unsqueeze(a.int("dim"))) },
    OpSpec("squeeze", [selfP, param("dim", .optionalIntList, OpValue.none)]) { a in
        let x = try a.tensor("input")
        switch a.value("dim") {
        case .none: return .tensor(try x.squeeze())
        case .list: return .tensor(try x.squeeze(dims: a.intList("dim")))
        default: return .tensor(try x.squeeze(dim: a.int("dim")))
        }
    },
    OpSpec("flatten", [selfP, param("start_dim", .int, .int(0)), param("end_dim", .int, .int(-1))]) { a in
        .tensor(try a.tensor("input").flatten(a.int("start_dim"), a.int("end_dim")))
    },
    OpSpec("unflatten", [selfP, param("dim", .int), param("sizes", .intList)]) { a in
        .tensor(try a.tensor("input").unflatten(a.int("dim"), a.intList("sizes")))
    },
    OpSpec("narrow", [selfP, param("dim", .int), param("start", .int), param("length", .int)]) { a in
        .tensor(try a.tensor("input").narrow(a.int("dim"), a.int("start"), a.int("length")))
    },
    OpSpec("select", [selfP, param("dim", .int), param("index", .int)]) { a in
        .tensor(try a.tensor("input").select(a.int("dim"), a.int("index")))
    },
    OpSpec("chunk", [selfP, param("chunks", .int), param("dim", .int, .int(0))]) { a in
        .tensors(try a.tensor("input").chunk(a.int("chunks"), dim: a.int("dim")))
    },
    OpSpec("split", [selfP, param("split_size_or_sections", .intList), param("dim", .int, .int(0))]) { a in
        let x = try a.tensor("input")
        if case .list = a.value("split_size_or_sections") {
            return .tensors(try x.split(sizes: a.intList("split_size_or_sections"), dim: a.int("dim")))
        }
        return .tensors(try x.split(a.int("split_size_or_sections"), dim: a.int("dim")))
    },
    OpSpec("tensor_split", [selfP, param("indices_or_sections", .intList), param("dim", .int, .int(0))]) { a in
        let x = try a.tensor("input")
        if case .list = a.value("indices_or_sections") {
            return .tensors(try x.tensorSplit(indices: a.intList("indices_or_sections"), dim: a.int("dim")))
        }
        return .tensors(try x.tensorSplit(sections: a.int("indices_or_sections"), dim: a.int("dim")))
    },
    OpSpec("unbind", [selfP, param("dim", .int, .int(0))]) { a in .tensors(try a.tensor("input").unbind(a.int("dim"))) },
    OpSpec("flip", [selfP, param("dims", .sizes)]) { a in .tensor(try a.tensor("input").flip(a.intList("dims"))) },
    OpSpec("tril", [selfP, param("diagonal", .int, .int(0))]) { a in .tensor(try a.tensor("input").tril(a.int("diagonal"))) },
    OpSpec("triu", [selfP, param("diagonal", .int, .int(0))]) { a in .tensor(try a.tensor("input").triu(a.int("diagonal"))) },
    OpSpec("cumsum", [selfP, param("dim", .int), param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try a.tensor("input").cumsum(a.int("dim"), dtype: a.dtype("dtype")))
    },
    OpSpec("cumprod", [selfP, param("dim", .int), param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        .tensor(try a.tensor("input").cumprod(a.int("dim"), dtype: a.dtype("dtype")))
    },
    OpSpec("roll", [selfP, param("shifts", .intList), param("dims", .optionalIntList, OpValue.none)]) { a in
        let dims: [Int] = { if case .none = a.value("dims") { return [] }; return (try? a.intList("dims")) ?? [] }()
        return .tensor(try a.tensor("input").roll(a.intList("shifts"), dims: dims))
    },
    OpSpec("repeat", function: false, [selfP, param("repeats", .sizes)]) { a in .tensor(try a.tensor("input").repeat(a.intList("repeats"))) },
    OpSpec("cat", method: false, [param("tensors", .tensorList), param("dim", .int, .int(0))]) { a in
        .tensor(try Tensor.cat(a.tensors("tensors"), dim: a.int("dim")))
    },
    OpSpec("concat", method: false, [param("tensors", .tensorList), param("dim", .int, .int(0))]) { a in
        .tensor(try Tensor.cat(a.tensors("tensors"), dim: a.int("dim")))
    },
    OpSpec("stack", method: false, [param("tensors", .tensorList), param("dim", .int, .int(0))]) { a in
        .tensor(try Tensor.stack(a.tensors("tensors"), dim: a.int("dim")))
    },
    OpSpec("contiguous", function: false, [selfP]) { a in .tensor(try a.tensor("input").contiguous()) },
    OpSpec("clone", [selfP]) { a in .tensor(try a.tensor("input").clone()) },
    OpSpec("detach", [selfP]) { a in .tensor(try a.tensor("input").detach()) },
    OpSpec("nonzero", [selfP, param("as_tuple", .bool, .bool(false), kw: true)]) { a in
        let x = try a.tensor("input")
        guard try a.bool("as_tuple") else { return .tensor(try x.nonzero()) }
        // ATen's nonzero_numpy: one index tensor per dim (a 0-dim input counts as 1-D).
        return .list(try (x.dim == 0 ? x.unsqueeze(0) : x).nonzero().unbind(1).map { .tensor($0) })
    },
    OpSpec("movedim", [selfP, param("source", .optionalIntList), param("destination", .optionalIntList)]) { a in
        .tensor(try a.tensor("input").movedim(a.intList("source"), a.intList("destination")))
    },
    OpSpec("moveaxis", [selfP, param("source", .optionalIntList), param("destination", .optionalIntList)]) { a in
        .tensor(try a.tensor("input").movedim(a.intList("source"), a.intList("destination")))
    },
    OpSpec("diagonal", [selfP, param("offset", .int, .int(0)), param("dim1", .int, .int(0)), param("dim2", .int, .int(1))]) { a in
        .tensor(try a.tensor("input").diagonal(offset: a.int("offset"), dim1: a.int("dim1"), dim2: a.int("dim2")))
    },
    OpSpec("trace", [selfP]) { a in .tensor(try a.tensor("input").trace()) },
    OpSpec("broadcast_to", [selfP, param("size", .sizes)]) { a in .tensor(try a.tensor("input").expand(a.intList("size"))) },
]

/// Conversions and metadata methods.
let conversionOps: [OpSpec] = {
    var ops: [OpSpec] = [("float", DType.float32), ("double", .float64), ("long", .int64), ("int", .int32), ("bool", .bool)].map { (n, d) in
        OpSpec(n, function: false, [selfP]) { a in .tensor(try a.tensor("input").to(d)) }
    }
    ops += [
        /// `to(dtype)`, `to(device)`, `to(other)`, `to(device, dtype)`, keywords `dtype=`, `device=`, `copy=`.
        OpSpec("to", function: false, [selfP, param("arg0", .tensorOrNumber, OpValue.none), param("arg1", .tensorOrNumber, OpValue.none),
                                       param("dtype", .optionalDType, OpValue.none, kw: true), param("device", .optionalDevice, OpValue.none, kw: true),
                                       param("copy", .bool, .bool(false), kw: true), param("non_blocking", .bool, .bool(false), kw: true)]) { a in
            var x = try a.tensor("input")
            var dtype = try a.dtype("dtype"), device = try a.device("device")
            for k in ["arg0", "arg1"] {
                switch a.value(k) {
                case .none: break
                case .dtype(let d): dtype = d
                case .device(let d): device = d
                case .string, .int: device = try a.device(k)
                case .tensor(let o): dtype = o.dtype; device = o.device
                default: throw TensorError.type("to() received an invalid combination of arguments - got (\(a.value(k).typeName))")
                }
            }
            let copy = try a.bool("copy")
            if let d = device { x = x.to(device: d) }
            if let d = dtype { x = x.to(d, copy: copy) } else if copy { x = x.clone() }
            return .tensor(x)
        },
        OpSpec("type", function: false, [selfP, param("dtype", .optionalDType, OpValue.none)]) { a in
            let x = try a.tensor("input")
            switch a.value("dtype") {
            case .none: return .string(x.dtype.typeString)
            case .string(let s):
                guard let d = DType.allCases.first(where: { $0.typeString == s }) else { throw TensorError.value("invalid type: '\(s)'") }
                return .tensor(x.to(d))
            default: return .tensor(try x.to(a.dtype("dtype") ?? x.dtype))
            }
        },
        OpSpec("cpu", function: false, [selfP]) { a in .tensor(try a.tensor("input").to(device: .cpu)) },
        OpSpec("cuda", function: false, [selfP, param("device", .optionalDevice, OpValue.none)]) { a in
            .tensor(try a.tensor("input").to(device: a.device("device") ?? .cuda(0)))
        },
        OpSpec("dim", function: false, [selfP]) { a in .int(Int64(try a.tensor("input").dim)) },
        OpSpec("numel", [selfP]) { a in .int(Int64(try a.tensor("input").numel)) },
        OpSpec("nelement", function: false, [selfP]) { a in .int(Int64(try a.tensor("input").numel)) },
        OpSpec("element_size", function: false, [selfP]) { a in .int(Int64(try a.tensor("input").dtype.itemSize)) },
        OpSpec("is_contiguous", function: false, [selfP]) { a in .bool(try a.tensor("input").isContiguous) },
        OpSpec("is_floating_point", [selfP]) { a in .bool(try a.tensor("input").dtype.isFloatingPoint) },
        OpSpec("stride", function: false, [selfP, param("dim", .optionalInt, OpValue.none)]) { a in
            let x = try a.tensor("input")
            if let d = try a.optionalInt("dim") { return .int(Int64(try x.stride(d))) }
            return .list(x.strides.map { .int(Int64($0)) })
        },
        OpSpec("item", function: false, [selfP]) { a in
            switch try a.tensor("input").item() {
            case .bool(let b): return .bool(b)
            case .int(let i): return .int(i)
            case .double(let d): return .double(d)
            }
        },
    ]
    return ops
}()

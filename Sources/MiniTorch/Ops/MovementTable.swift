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
    OpSpec("unbind", [selfP, param("dim", .int, .int(0))]) { a in .tensors(try a.tensor("input").unbind(a.int("dim"))) },
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
    OpSpec("nonzero", [selfP]) { a in .tensor(try a.tensor("input").nonzero()) },
]

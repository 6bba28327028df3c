/// Op-table entries of median / nanmedian / kthvalue / mode, norm, diff, unfold and unique
/// (Ops/ReduceExtra.swift, Ops/Norm.swift). `linalg.norm` and `F.normalize` bind through `linalgNormOp` /
/// `normalizeOp` (they live in submodules, not on torch or Tensor).

let reduceExtraOps: [OpSpec] = [
    OpSpec("median", [selfP, param("dim", .optionalInt, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in
        try medianOp(a, ignoreNaN: false)
    },
    OpSpec("nanmedian", [selfP, param("dim", .optionalInt, OpValue.none), param("keepdim", .bool, .bool(false))]) { a in
        try medianOp(a, ignoreNaN: true)
    },
    OpSpec("kthvalue", [selfP, param("k", .int), param("dim", .int, .int(-1)), param("keepdim", .bool, .bool(false))]) { a in
        .valuesIndices(try a.tensor("input").kthvalue(a.int("k"), dim: a.int("dim"), keepdim: a.bool("keepdim")))
    },
    OpSpec("mode", [selfP, param("dim", .int, .int(-1)), param("keepdim", .bool, .bool(false))]) { a in
        .valuesIndices(try a.tensor("input").mode(dim: a.int("dim"), keepdim: a.bool("keepdim")))
    },
    OpSpec("norm", [selfP, param("p", .optionalString, .string("fro")), param("dim", .optionalIntList, OpValue.none),
                    param("keepdim", .bool, .bool(false)), param("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
        var x = try a.tensor("input")
        let dims = try a.optionalIntList("dim"), keepdim = try a.bool("keepdim")
        switch a.value("p") {
        case .string("fro"):
            if let ds = dims, ds.count > 2 { return .tensor(try x.matrixNorm(.fro, dims: ds)) }   // the 2-tuple error
            return .tensor(try x.vectorNorm(2, dims: dims, keepdim: keepdim, dtype: a.dtype("dtype")))
        case .string(let s):
            if let d = try a.dtype("dtype") { x = x.to(d) }
            return .tensor(try x.matrixNorm(matrixOrd(s), dims: dims ?? Array(0..<x.dim), keepdim: keepdim))
        case .none:
            return .tensor(try x.vectorNorm(2, dims: dims, keepdim: keepdim, dtype: a.dtype("dtype")))
        default:
            return .tensor(try x.vectorNorm(a.double("p"), dims: dims, keepdim: keepdim, dtype: a.dtype("dtype")))
        }
    },
    OpSpec("diff", [selfP, param("n", .int, .int(1)), param("dim", .int, .int(-1)), param("prepend", .optionalTensor, OpValue.none),
                    param("append", .optionalTensor, OpValue.none)]) { a in
        .tensor(try a.tensor("input").diff(n: a.int("n"), dim: a.int("dim"), prepend: a.optionalTensor("prepend"),
                                           append: a.optionalTensor("append")))
    },
    OpSpec("unfold", function: false, [selfP, param("dimension", .int), param("size", .int), param("step", .int)]) { a in
        .tensor(try a.tensor("input").unfold(dimension: a.int("dimension"), size: a.int("size"), step: a.int("step")))
    },
    OpSpec("unique", [selfP, param("sorted", .bool, .bool(true)), param("return_inverse", .bool, .bool(false)),
                      param("return_counts", .bool, .bool(false)), param("dim", .optionalInt, OpValue.none)]) { a in
        let r = try a.tensor("input").unique(dim: a.optionalInt("dim"))
        let inv = try a.bool("return_inverse"), cnt = try a.bool("return_counts")
        if !inv && !cnt { return .tensor(r.values) }
        return .list([.tensor(r.values)] + (inv ? [.tensor(r.inverse)] : []) + (cnt ? [.tensor(r.counts)] : []))
    },
]

func medianOp(_ a: OpArgs, ignoreNaN: Bool) throws -> OpValue {
    let x = try a.tensor("input")
    guard let d = try a.optionalInt("dim") else { return .tensor(try x.medianAll(ignoreNaN: ignoreNaN)) }
    return .valuesIndices(try x.median(dim: d, keepdim: a.bool("keepdim"), ignoreNaN: ignoreNaN))
}

/// 'fro' / 'nuc' as a matrix-norm order (any other string: PyTorch's "Order ... not supported").
func matrixOrd(_ s: String) throws -> Tensor.MatrixNormOrd {
    switch s {
    case "fro": return .fro
    case "nuc": return .nuc
    default: throw TensorError.runtime("linalg.matrix_norm: Order \(s) not supported.")
    }
}

/// `torch.linalg.norm(A, ord=None, dim=None, keepdim=False, *, dtype=None)`: without `ord`, the 2-norm of the
/// flattened input (or over one dim, or the Frobenius norm over two); with `ord`, a vector norm of a 1-D input
/// (or over one dim) and a matrix norm of a 2-D input (or over two dims).
public let linalgNormOp = OpSpec("norm", method: false, [
    selfP, param("ord", .optionalDouble, OpValue.none), param("dim", .optionalIntList, OpValue.none),
    param("keepdim", .bool, .bool(false)), param("dtype", .optionalDType, OpValue.none, kw: true),
]) { a in
    var x = try a.tensor("input")
    if let d = try a.dtype("dtype") { x = x.to(d) }
    let dims = try a.optionalIntList("dim"), keepdim = try a.bool("keepdim")
    if let ds = dims, ds.count != 1 && ds.count != 2 {
        throw TensorError.runtime("linalg.norm: If dim is specified, it must be of length 1 or 2. Got \(ds)")
    }
    var ord: Tensor.MatrixNormOrd?
    switch a.value("ord") {
    case .none: ord = nil
    case .string(let s): ord = try matrixOrd(s)
    default: ord = .number(try a.double("ord"))
    }
    guard let o = ord else {
        if let ds = dims, ds.count == 2 { return .tensor(try x.matrixNorm(.fro, dims: ds, keepdim: keepdim)) }
        return .tensor(try x.vectorNorm(2, dims: dims, keepdim: keepdim))
    }
    if dims == nil && x.dim > 2 {
        throw TensorError.runtime("linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got \(x.dim)D.")
    }
    let ds = dims ?? Array(0..<x.dim)
    if ds.count == 1 || x.dim == 1 && dims == nil, case .number(let p) = o { return .tensor(try x.vectorNorm(p, dims: ds, keepdim: keepdim)) }
    return .tensor(try x.matrixNorm(o, dims: ds, keepdim: keepdim))
}

/// `torch.linalg.matrix_norm(A, ord='fro', dim=(-2, -1), keepdim=False, *, dtype=None)`.
public let matrixNormOp = OpSpec("linalg_matrix_norm", method: false, [
    selfP, param("ord", .optionalString, .string("fro")), param("dim", .intList, .list([.int(-2), .int(-1)])),
    param("keepdim", .bool, .bool(false)), param("dtype", .optionalDType, OpValue.none, kw: true),
]) { a in
    var x = try a.tensor("input")
    if let d = try a.dtype("dtype") { x = x.to(d) }
    let ord: Tensor.MatrixNormOrd
    if case .string(let s) = a.value("ord") { ord = try matrixOrd(s) } else { ord = .number(try a.number("ord").asDouble) }
    return .tensor(try x.matrixNorm(ord, dims: a.intList("dim"), keepdim: a.bool("keepdim")))
}

/// `torch.linalg.vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None)`.
public let vectorNormOp = OpSpec("linalg_vector_norm", method: false, [
    selfP, param("ord", .number, .double(2)), param("dim", .optionalIntList, OpValue.none),
    param("keepdim", .bool, .bool(false)), param("dtype", .optionalDType, OpValue.none, kw: true),
]) { a in
    .tensor(try a.tensor("input").vectorNorm(a.number("ord").asDouble, dims: a.optionalIntList("dim"), keepdim: a.bool("keepdim"),
                                             dtype: a.dtype("dtype")))
}

/// `torch.nn.functional.normalize(input, p=2.0, dim=1, eps=1e-12, out=None)`.
public let normalizeOp = OpSpec("normalize", method: false, [
    selfP, param("p", .double, .double(2)), param("dim", .int, .int(1)), param("eps", .double, .double(1e-12)),
    param("out", .optionalTensor, OpValue.none),
]) { a in
    .tensor(try a.tensor("input").normalize(p: a.double("p"), dim: a.int("dim"), eps: a.double("eps")))
}

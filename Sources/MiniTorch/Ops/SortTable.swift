/// Op-table entries of sort / argsort / msort / topk (see Core/OpTable.swift and Ops/Sort.swift).

let sortOps: [OpSpec] = [
    OpSpec("sort", [selfP, param("dim", .int, .int(-1)), param("descending", .bool, .bool(false)),
                    param("stable", .bool, .bool(false), kw: true)]) { a in
        .valuesIndices(try a.tensor("input").sort(dim: a.int("dim"), descending: a.bool("descending"), stable: a.bool("stable")))
    },
    OpSpec("argsort", [selfP, param("dim", .int, .int(-1)), param("descending", .bool, .bool(false)),
                       param("stable", .bool, .bool(false), kw: true)]) { a in
        .tensor(try a.tensor("input").argsort(dim: a.int("dim"), descending: a.bool("descending"), stable: a.bool("stable")))
    },
    OpSpec("msort", [selfP]) { a in .tensor(try a.tensor("input").msort()) },
    OpSpec("topk", [selfP, param("k", .int), param("dim", .int, .int(-1)), param("largest", .bool, .bool(true)),
                    param("sorted", .bool, .bool(true))]) { a in
        .valuesIndices(try a.tensor("input").topk(a.int("k"), dim: a.int("dim"), largest: a.bool("largest"), sorted: a.bool("sorted")))
    },
]

/// Op-table entries of the matrix products (see Core/OpTable.swift). Registered through `linalgOps`.

public let linalgOps: [OpSpec] = [
    OpSpec("matmul", [selfP, param("other", .tensor)]) { a in .tensor(try a.tensor("input").matmul(a.tensor("other"))) },
    OpSpec("mm", [selfP, param("mat2", .tensor)]) { a in .tensor(try a.tensor("input").mm(a.tensor("mat2"))) },
    OpSpec("bmm", [selfP, param("mat2", .tensor)]) { a in .tensor(try a.tensor("input").bmm(a.tensor("mat2"))) },
    OpSpec("mv", [selfP, param("vec", .tensor)]) { a in .tensor(try a.tensor("input").mv(a.tensor("vec"))) },
    OpSpec("dot", [selfP, param("other", .tensor)]) { a in .tensor(try a.tensor("input").dot(a.tensor("other"))) },
    OpSpec("outer", [selfP, param("vec2", .tensor)]) { a in .tensor(try a.tensor("input").outer(a.tensor("vec2"))) },
    OpSpec("ger", [selfP, param("vec2", .tensor)]) { a in .tensor(try a.tensor("input").outer(a.tensor("vec2"))) },
    OpSpec("addmm", [selfP, param("mat1", .tensor), param("mat2", .tensor),
                     param("beta", .number, .int(1), kw: true), param("alpha", .number, .int(1), kw: true)]) { a in
        .tensor(try Tensor.addmm(a.tensor("input"), a.tensor("mat1"), a.tensor("mat2"), beta: a.number("beta"), alpha: a.number("alpha")))
    },
]

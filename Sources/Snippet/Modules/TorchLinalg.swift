import MiniTorch

/// `torch.linalg` (norm, vector_norm, matrix_norm) and other submodule functions declared as engine `OpSpec`s outside
/// the op table (`F.normalize`): bound with the table's argument rules.
enum TorchLinalg {
    static func module(_ ctx: Interpreter) -> PyModule {
        let m = PyModule(name: "torch.linalg")
        define(m, linalgNormOp)
        define(m, vectorNormOp, as: "vector_norm")
        define(m, matrixNormOp, as: "matrix_norm")
        return m
    }

    /// Defines `spec` as function `name` (default `spec.name`) of `m`.
    static func define(_ m: PyModule, _ spec: OpSpec, as name: String? = nil) {
        m.defineFunction(name ?? spec.name) { ctx, args in
            let pos = try args.positional.map { try TorchConvert.opValue(ctx, $0) }
            let kws = try args.keywords.map { ($0.name, try TorchConvert.opValue(ctx, $0.value)) }
            return TorchConvert.value(try OpTable.call(spec, args: pos, kwargs: kws))
        }
    }
}

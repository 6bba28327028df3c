/// `nn.Embedding` / `F.embedding`: rows of a weight matrix picked by integer indices (EmbeddingBackward0).

extension Functional {
    /// `F.embedding(input, weight, padding_idx=None)`: `weight[input]` with shape input.shape + [embedding_dim].
    /// The backward sums the gradient of each picked row into that row, except the `paddingIdx` row (zero).
    public static func embedding(_ input: Tensor, _ weight: Tensor, paddingIdx: Int? = nil) throws -> Tensor {
        guard input.dtype == .int64 || input.dtype == .int32 else {
            throw TensorError.runtime("Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got \(input.dtype.typeString) instead (while checking arguments for embedding)")
        }
        guard weight.dim == 2 else { throw TensorError.runtime("'weight' must be 2-D") }
        let rows = weight.shape[0], width = weight.shape[1]
        let flat = try input.reshape([-1]).to(.int64)
        let picks = flat.toInt64Array()
        guard picks.allSatisfy({ $0 >= 0 && $0 < Int64(rows) }) else { throw TensorError.index("index out of range in self") }
        let out = try GradMode.with(enabled: false) { try weight.indexSelect(0, flat).reshape(input.shape + [width]) }
        let wShape = weight.shape, dt = weight.dtype, dev = weight.device
        recordAutograd("EmbeddingBackward0", inputs: [weight], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            var src = try go.reshape([picks.count, width])
            if let p = paddingIdx {
                let keep = Tensor(picks.map { $0 == Int64(p) ? 0 : 1 } as [Int64], shape: [picks.count, 1], device: dev)
                src = try src.mul(keep.to(dt))
            }
            return [try Tensor(zeros: wShape, dtype: dt, device: dev).indexAdd(0, flat, src)]
        }
        return out
    }
}

/// `nn.Embedding(num_embeddings, embedding_dim, padding_idx=None)`: weight drawn from N(0, 1) (`init.normal_`), the
/// padding row zeroed.
public final class Embedding: Module {
    public let numEmbeddings: Int, embeddingDim: Int, paddingIdx: Int?
    /// `paddingIdx` already wrapped into 0..<numEmbeddings (the binding checks it like PyTorch's assertions).
    public init(_ numEmbeddings: Int, _ embeddingDim: Int, paddingIdx: Int? = nil, dtype: DType? = nil) throws {
        self.numEmbeddings = numEmbeddings; self.embeddingDim = embeddingDim; self.paddingIdx = paddingIdx
        super.init(typeName: "Embedding")
        let w = try Parameter.empty([numEmbeddings, embeddingDim], dtype: dtype ?? .defaultFloat)
        try registerParameter("weight", w)
        try Init.normal_(w)
        if let p = paddingIdx { try GradMode.with(enabled: false) { try w.select(0, p).fill_(.int(0)) } }
    }
    public var weight: Tensor? { if case .parameter(let t)? = attribute("weight") { return t }; return nil }
    public override func forward(_ input: Tensor) throws -> Tensor {
        guard let w = weight else { throw TensorError.type("embedding(): argument 'weight' (position 2) must be Tensor, not NoneType") }
        return try Functional.embedding(input, w, paddingIdx: paddingIdx)
    }
    public override func extraRepr() -> String {
        "\(numEmbeddings), \(embeddingDim)" + (paddingIdx.map { ", padding_idx=\($0)" } ?? "")
    }
}

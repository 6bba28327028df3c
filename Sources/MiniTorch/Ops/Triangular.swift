/// `torch.tril` / `torch.triu` (and the method forms): the lower/upper triangle of the last two dims, other
/// elements zeroed. Backward (derivatives.yaml): `grad.tril(diagonal)` / `grad.triu(diagonal)`; saves no tensor.

extension Tensor {
    public func tril(_ diagonal: Int = 0) throws -> Tensor { try triangle(lower: true, diagonal) }
    public func triu(_ diagonal: Int = 0) throws -> Tensor { try triangle(lower: false, diagonal) }

    func triangle(lower: Bool, _ k: Int) throws -> Tensor {
        let opName = lower ? "tril" : "triu"
        guard dim >= 2 else { throw TensorError.runtime("\(opName): input tensor must have at least 2 dimensions") }
        let out = materialized()
        let rows = shape[dim - 2], cols = shape[dim - 1]
        let n = out.numel
        if rows > 0 && cols > 0 {
            for idx in 0..<n {
                let j = idx % cols, i = (idx / cols) % rows
                let keep = lower ? (j - i <= k) : (j - i >= k)
                if !keep { out.storage.write(.int(0), at: idx) }
            }
        }
        recordAutograd(lower ? "TrilBackward0" : "TriuBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.triangle(lower: lower, k)]
        }
        return out
    }
}

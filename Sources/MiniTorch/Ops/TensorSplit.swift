/// `torch.tensor_split` / `Tensor.tensor_split`: views made by `slice` (SliceBackward0 each), as PyTorch's
/// composite implementation does.

extension Tensor {
    /// `tensor_split(sections, dim)`: `sections` pieces, the first `n % sections` of them one longer than
    /// `n / sections` (unlike `chunk`, which makes pieces of `ceil(n / chunks)`).
    public func tensorSplit(sections: Int, dim d: Int = 0) throws -> [Tensor] {
        try checkTensorSplitInput()
        guard sections > 0 else { throw TensorError.runtime("number of sections must be larger than 0, got \(sections)") }
        let w = try wrapDim(d, dim)
        let n = shape[w]
        var pieces: [Tensor] = []
        var start = 0
        for k in 0..<sections {
            let length = n / sections + (k < n % sections ? 1 : 0)
            pieces.append(try slice(dim: w, start: start, end: start + length))
            start += length
        }
        return pieces
    }

    /// `tensor_split(indices, dim)`: `x[:i0], x[i0:i1], …, x[ik:]` along `dim`, each bound read as a Python slice
    /// bound (negative counts from the end, out of range clamps, a later bound before an earlier one is empty).
    public func tensorSplit(indices: [Int], dim d: Int = 0) throws -> [Tensor] {
        try checkTensorSplitInput()
        let w = try wrapDim(d, dim)
        var pieces: [Tensor] = []
        var start = 0
        for end in indices {
            pieces.append(try slice(dim: w, start: start, end: end))
            start = end
        }
        pieces.append(try slice(dim: w, start: start, end: shape[w]))
        return pieces
    }

    private func checkTensorSplitInput() throws {
        guard dim > 0 else {
            throw TensorError.runtime("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
        }
    }
}

/// `torch.flip(input, dims)`: a copy with the order of elements reversed along `dims` (FlipBackward0 flips the
/// gradient back along the same dims, as in derivatives.yaml).

extension Tensor {
    public func flip(_ dims: [Int]) throws -> Tensor {
        var seen = Set<Int>()
        var wrapped: [Int] = []
        for d in dims {
            let w = try wrapDim(d, dim)
            guard seen.insert(w).inserted else { throw TensorError.runtime("dim \(w) appears multiple times in the list of dims") }
            wrapped.append(w)
        }
        let out = Tensor(zeros: shape, dtype: dtype, device: device)
        if numel > 0 {
            // Read the source through a layout with negated strides on the flipped dims.
            var l = layout
            for w in wrapped where l.shape[w] > 1 {
                l.offset += (l.shape[w] - 1) * l.strides[w]
                l.strides[w] = -l.strides[w]
            }
            stridedCopy(src: storage, srcLayout: l, dst: out.storage, dstLayout: out.layout)
        }
        recordAutograd("FlipBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.flip(wrapped)]
        }
        return out
    }
}

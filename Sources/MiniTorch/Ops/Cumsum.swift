/// `torch.cumsum(input, dim, *, dtype=None)`: running sums along `dim`. Integral and bool inputs give int64
/// (PyTorch's default for cumsum); floating inputs accumulate in double like the CPU kernel (acc_type), each
/// partial sum rounded to the output dtype. Backward (cumsum_backward): grad.flip(dim).cumsum(dim).flip(dim).

extension Tensor {
    public func cumsum(_ dim: Int, dtype: DType? = nil) throws -> Tensor {
        let d = try wrapDim(dim, Swift.max(self.dim, 1))
        let outDType = dtype ?? (self.dtype.isFloatingPoint ? self.dtype : .int64)
        let out = materialized(dtype: outDType)
        let shp = self.dim == 0 ? [1] : shape
        let len = shp[d]
        let inner = shp[(d + 1)...].reduce(1, *)
        let outer = shp[..<d].reduce(1, *)
        if len > 1 {
            let s = out.storage
            for o in 0..<outer {
                for i in 0..<inner {
                    let base = o * len * inner + i
                    if outDType.isFloatingPoint {
                        var acc = 0.0
                        for k in 0..<len {
                            acc += s.readDouble(base + k * inner)
                            s.write(.double(acc), at: base + k * inner)
                        }
                    } else {
                        var acc: Int64 = 0
                        for k in 0..<len {
                            acc = acc &+ s.readInt64(base + k * inner)
                            s.write(.int(acc), at: base + k * inner)
                        }
                    }
                }
            }
        }
        if outDType.isFloatingPoint {
            recordAutograd("CumsumBackward0", inputs: [self], outputs: [out]) { g in
                guard let go = g[0] else { return [nil] }
                return [try go.flip([d]).cumsum(d).flip([d]).to(self.dtype)]
            }
        }
        return out
    }
}

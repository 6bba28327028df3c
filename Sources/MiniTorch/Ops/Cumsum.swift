/// `torch.cumsum(input, dim, *, dtype=None)` and `torch.cumprod`: running sums / products along `dim`.
/// Integral and bool inputs give int64 (PyTorch's default for both); floating inputs accumulate in double like
/// the CPU kernel (acc_type), each partial result rounded to the output dtype.
/// Backward: cumsum_backward is grad.flip(dim).cumsum(dim).flip(dim); cumprod_backward (no zero in the input)
/// is reversed_cumsum(grad·out) / input, and with zeros Σ_{j≥k} grad_j·Π_{i≤j, i≠k} x_i per element.

extension Tensor {
    public func cumsum(_ dim: Int, dtype: DType? = nil) throws -> Tensor {
        let (out, d) = try scan(dim, dtype: dtype, identity: 0, { $0 + $1 }, { $0 &+ $1 })
        if out.dtype.isFloatingPoint {
            recordAutograd("CumsumBackward0", inputs: [self], outputs: [out]) { g in
                guard let go = g[0] else { return [nil] }
                return [try go.flip([d]).cumsum(d).flip([d]).to(self.dtype)]
            }
        }
        return out
    }

    public func cumprod(_ dim: Int, dtype: DType? = nil) throws -> Tensor {
        let (out, d) = try scan(dim, dtype: dtype, identity: 1, { $0 * $1 }, { $0 &* $1 })
        if out.dtype.isFloatingPoint {
            let x = self
            recordAutograd("CumprodBackward0", inputs: [self], outputs: [out]) { g in
                guard let go = g[0] else { return [nil] }
                if x.numel == 0 { return [Tensor.zerosLike(x)] }
                let hasZero = try x.eq(.double(0)).materialized(dtype: .int64).storage.readInt64Sum(count: x.numel) > 0
                if !hasZero {
                    return [try go.mul(out).flip([d]).cumsum(d).flip([d]).div(x).to(x.dtype)]
                }
                return [try Tensor.cumprodGradWithZeros(x, go, d)]
            }
        }
        return out
    }

    /// The exact cumprod gradient, one slice at a time (used when the input has zeros).
    static func cumprodGradWithZeros(_ x: Tensor, _ go: Tensor, _ d: Int) throws -> Tensor {
        let xs = x.materialized(dtype: .float64), gs = go.materialized(dtype: .float64)
        let gi = xs.materialized()
        let shp = x.dim == 0 ? [1] : x.shape
        let len = shp[d], inner = shp[(d + 1)...].reduce(1, *), outer = shp[..<d].reduce(1, *)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * len * inner + i
                @inline(__always) func at(_ t: Tensor, _ k: Int) -> Double { t.storage.readDouble(base + k * inner) }
                var prefix = 1.0
                for k in 0..<len {
                    var p = prefix, acc = at(gs, k) * p
                    if k + 1 < len {
                        for j in (k + 1)..<len { p *= at(xs, j); acc += at(gs, j) * p }
                    }
                    gi.storage.write(.double(acc), at: base + k * inner)
                    prefix *= at(xs, k)
                }
            }
        }
        return gi.to(x.dtype)
    }

    /// The shared cumulative kernel: returns the result and the wrapped dim.
    private func scan(_ dim: Int, dtype: DType?, identity: Int64, _ f: (Double, Double) -> Double,
                      _ fi: (Int64, Int64) -> Int64) throws -> (Tensor, Int) {
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
                        var acc = Double(identity)
                        for k in 0..<len {
                            acc = f(acc, s.readDouble(base + k * inner))
                            s.write(.double(acc), at: base + k * inner)
                        }
                    } else {
                        var acc = identity
                        for k in 0..<len {
                            acc = fi(acc, s.readInt64(base + k * inner))
                            s.write(.int(acc), at: base + k * inner)
                        }
                    }
                }
            }
        }
        return (out, d)
    }
}

extension Storage {
    /// Σ of the first `count` int64 elements.
    func readInt64Sum(count: Int) -> Int64 { (0..<count).reduce(Int64(0)) { $0 &+ readInt64($1) } }
}

/// `torch.roll(input, shifts, dims=None)`: elements shifted circularly along `dims` (the flattened tensor when
/// dims is omitted). Backward (derivatives.yaml): `grad.roll(-shifts, dims)`, node RollBackward0 (saves no tensor).

extension Tensor {
    public func roll(_ shifts: [Int], dims: [Int] = []) throws -> Tensor {
        let out: Tensor = try GradMode.with(enabled: false) {
            if dims.isEmpty {
                guard shifts.count == 1 else {
                    throw TensorError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
                }
                return try self.flatten().rolledCopy(shifts[0], 0).reshape(shape).contiguous()
            }
            guard shifts.count == dims.count else {
                throw TensorError.runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
            }
            var r = self
            for (s, d) in zip(shifts, dims) { r = try r.rolledCopy(s, try wrapDim(d, dim)) }
            return r.materialized()
        }
        recordAutograd("RollBackward0", inputs: [self], outputs: [out]) { g in
            guard let go = g[0] else { return [nil] }
            return [try go.roll(shifts.map { -$0 }, dims: dims)]
        }
        return out
    }

    /// One circular shift along `d` without autograd (two narrowed copies concatenated).
    private func rolledCopy(_ shift: Int, _ d: Int) throws -> Tensor {
        let n = dim == 0 ? 1 : shape[d]
        guard n > 0, dim > 0 else { return materialized() }
        let s = ((shift % n) + n) % n
        if s == 0 { return materialized() }
        return try Tensor.cat([narrow(d, n - s, s), narrow(d, 0, n - s)], dim: d)
    }
}

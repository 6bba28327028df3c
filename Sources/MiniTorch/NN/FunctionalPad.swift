/// `F.pad(input, pad, mode='constant', value=None)` in constant mode: ATen's constant_pad_nd.

extension Functional {
    /// `pad` lists (before, after) pairs from the last dim backwards; negative amounts crop. Node
    /// ConstantPadNdBackward0, whose backward pads the gradient with the negated amounts.
    public static func constantPad(_ x: Tensor, _ pad: [Int], value: Scalar = .int(0)) throws -> Tensor {
        guard pad.count % 2 == 0 else { throw TensorError.runtime("Padding length must be divisible by 2") }
        guard pad.count / 2 <= x.dim else {
            throw TensorError.runtime("Padding length should be less than or equal to two times the input dimension but got padding length \(pad.count) and input of dimension \(x.dim)")
        }
        let out = try GradMode.with(enabled: false) { try constantPadForward(x, pad, value: value) }
        let negated = pad.map { -$0 }
        recordAutograd("ConstantPadNdBackward0", inputs: [x], outputs: [out]) { g in
            [try g[0].map { try constantPadForward($0, negated, value: .int(0)) }]
        }
        return out
    }

    private static func constantPadForward(_ x: Tensor, _ pad: [Int], value: Scalar) throws -> Tensor {
        let pairs = pad.count / 2
        // (dim, before, after) for the padded dims, last dim first.
        let dims = (0..<pairs).map { (x.dim - 1 - $0, pad[2 * $0], pad[2 * $0 + 1]) }
        var input = x
        for (d, before, after) in dims {
            if before < 0 { input = try input.narrow(d, -before, input.shape[d] + before) }
            if after < 0 { input = try input.narrow(d, 0, input.shape[d] + after) }
        }
        if dims.allSatisfy({ $0.1 <= 0 && $0.2 <= 0 }) { return input.materialized() }
        var shape = x.shape
        for (d, before, after) in dims {
            shape[d] = x.shape[d] + before + after
            guard shape[d] >= 0 else {
                throw TensorError.runtime("The input size \(x.shape[d]), plus negative padding \(before) and \(after) resulted in a negative output size, which is invalid. Check dimension \(d) of your input.")
            }
        }
        let out = Tensor(zeros: shape, dtype: x.dtype, device: x.device)
        try out.fill_(value)
        var window = out
        for (d, before, after) in dims {
            if before > 0 { window = try window.narrow(d, before, window.shape[d] - before) }
            if after > 0 { window = try window.narrow(d, 0, window.shape[d] - after) }
        }
        try window.assignElements(from: input)
        return out
    }
}

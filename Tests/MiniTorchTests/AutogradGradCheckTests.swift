import Testing
@testable import MiniTorch

/// Every differentiable op family checked against central finite differences in float64
/// (expected values are the numerical derivatives themselves; tolerance 1e-6 mixed abs/rel).
@Suite struct AutogradGradCheckTests {
    /// A float64 leaf with deterministic, well-separated values (no ties for max/relu/abs kinks).
    func leaf(_ shape: [Int], offset: Double = 0, scale: Double = 1) throws -> Tensor {
        let t = Tensor(zeros: shape, dtype: .float64)
        let p = t.dataPointer(Double.self)
        for i in 0..<t.numel { p[i] = scale * (Double((i * 37) % 23) / 7 - 1.4 + 0.013 * Double(i)) + offset }
        t.requiresGrad = true
        return t
    }
    func check(_ f: ([Tensor]) throws -> Tensor, _ xs: [Tensor]) throws {
        let e = try Autograd.gradCheckError(f, xs)
        #expect(e < 1e-6, "max error \(e)")
    }
    func long(_ v: [Int64], _ shape: [Int]) -> Tensor { Tensor(v, shape: shape) }

    @Test func elementwise() throws {
        let a = try leaf([2, 3]), b = try leaf([3], offset: 3)
        try check({ try $0[0].add($0[1], alpha: .double(2)) }, [a, b])
        try check({ try $0[0].sub($0[1]) }, [a, b])
        try check({ try $0[0].mul($0[1]) }, [a, b])
        try check({ try $0[0].div($0[1]) }, [a, b])
        let pos = try leaf([2, 3], offset: 3)
        try check({ try $0[0].pow($0[1].mul(.double(0.3))) }, [pos, b])
        try check({ try $0[0].pow(.double(2.5)) }, [pos])
        try check({ try $0[0].rpow(.double(1.7)) }, [a])
        try check({ try $0[0].exp().add($0[0].log1p()) }, [pos])
        try check({ try $0[0].log().add($0[0].sqrt()).add($0[0].rsqrt()) }, [pos])
        try check({ try $0[0].tanh().mul($0[0].sigmoid()) }, [a])
        try check({ try $0[0].sin().add($0[0].cos()) }, [a])
        try check({ try $0[0].relu().add($0[0].abs()) }, [a])
        try check({ try $0[0].reciprocal().add($0[0].square()) }, [pos])
        try check({ try $0[0].maximum($0[1]).add($0[0].minimum($0[1])) }, [a, try leaf([2, 3], offset: 0.05)])
        try check({ try $0[0].clamp(min: .double(-0.5), max: .double(0.7)) }, [a])
        try check({ try Tensor.whereSelect($0[0].gt(.int(0)), $0[0], $0[1]) }, [a, try leaf([2, 3], offset: 1)])
        try check({ try $0[0].maskedFill($0[0].lt(.int(0)), .double(2)) }, [a])
        try check({ try $0[0].rsub(.int(2)).rdiv(.double(3)) }, [pos])
    }

    @Test func reductions() throws {
        let a = try leaf([2, 3, 4])
        try check({ try $0[0].sum(dims: [1], keepdim: true) }, [a])
        try check({ try $0[0].sum() }, [a])
        try check({ try $0[0].mean(dims: [0, 2]) }, [a])
        try check({ try $0[0].prod(dim: 2) }, [a])
        try check({ try $0[0].max(dim: 1).values }, [a])
        try check({ try $0[0].min(dim: 2, keepdim: true).values }, [a])
        try check({ try $0[0].amax(dims: [0, 1]) }, [a])
        try check({ try $0[0].max() }, [a])
        try check({ try $0[0].variance(dims: [2]) }, [a])
        try check({ try $0[0].std(dims: [0], correction: 0) }, [a])
        try check({ try $0[0].logsumexp(dims: [1]) }, [a])
    }

    @Test func movement() throws {
        let a = try leaf([2, 3, 4])
        try check({ try $0[0].view([6, 4]) }, [a])
        try check({ try $0[0].permute([2, 0, 1]).reshape([4, 6]) }, [a])
        try check({ try $0[0].transpose(0, 2).contiguous() }, [a])
        try check({ try $0[0].unsqueeze(1).expand([2, 5, 3, 4]) }, [a])
        try check({ try $0[0].slice(dim: 2, start: 1, end: 4, step: 2) }, [a])
        try check({ try $0[0].select(1, 2) }, [a])
        try check({ try $0[0].narrow(2, 1, 2).squeeze() }, [a])
        try check({ try $0[0].repeat([2, 1, 1, 2]) }, [a])
        try check({ try Tensor.cat([$0[0], $0[1]], dim: 1) }, [a, try leaf([2, 2, 4])])
        try check({ try Tensor.stack([$0[0], $0[1]], dim: 0) }, [a, try leaf([2, 3, 4], offset: 1)])
        try check({ try $0[0].chunk(3, dim: 2)[1] }, [a])
        try check({ try $0[0].flatten(1) }, [a])
        try check({ try $0[0].unbind(0)[1] }, [a])
    }

    @Test func indexing() throws {
        let a = try leaf([3, 4])
        try check({ try $0[0].index([.tensor(self.long([2, 0, 2], [3])), .slice(1, nil, nil)]) }, [a])
        try check({ try $0[0].index([.slice(nil, nil, 2), .int(1)]) }, [a])
        try check({ try $0[0].index([.tensor($0[0].gt(.int(0)))]) }, [a])
        let idx = long([0, 3, 3, 1, 2, 0], [3, 2])
        try check({ try $0[0].gather(1, idx) }, [a])
        // gather ↔ scatter_add: each is the other's backward
        try check({ try $0[0].scatterAdd(1, idx, $0[1]) }, [a, try leaf([3, 2], offset: 1)])
        let uniq = long([0, 3, 2, 1, 1, 0], [3, 2])
        try check({ try $0[0].scatter(1, uniq, $0[1]) }, [a, try leaf([3, 2], offset: 1)])
        try check({ try $0[0].indexSelect(0, self.long([2, 2, 0], [3])) }, [a])
        try check({ try $0[0].takeAlongDim(idx, dim: 1) }, [a])
    }

    @Test func linalgAndLayers() throws {
        let a = try leaf([3, 4]), b = try leaf([4, 2], offset: 0.3)
        try check({ try Functional.mm($0[0], $0[1]) }, [a, b])
        try check({ try Functional.addmm($0[2], $0[0], $0[1]) }, [a, b, try leaf([2], offset: 1)])
        try check({ try Functional.linear($0[0], $0[1], $0[2]) }, [try leaf([2, 3, 4]), try leaf([5, 4]), try leaf([5])])
        try check({ try Functional.linear($0[0], $0[1]) }, [try leaf([4]), try leaf([5, 4])])
        try check({ try Functional.softmax($0[0], dim: 1) }, [try leaf([2, 3, 2])])
        try check({ try Functional.logSoftmax($0[0], dim: -1) }, [a])
        try check({ try Functional.mseLoss($0[0], $0[1]) }, [a, try leaf([3, 4], offset: 0.5)])
        try check({ try Functional.crossEntropy($0[0], self.long([1, 3, 0], [3])) }, [a])
        try check({ try Functional.nllLoss($0[0], self.long([1, -100, 0], [3]), reduction: .sum) }, [a])
        try check({ try Functional.crossEntropy($0[0], self.long([1, 2, 0], [3]), weight: Tensor([1.0, 2.0, 0.5, 1.5], shape: [4])) }, [a])
        try check({ try Functional.batchNorm($0[0], runningMean: nil, runningVar: nil, weight: $0[1], bias: $0[2], training: true) },
                  [try leaf([4, 3, 2]), try leaf([3], offset: 1), try leaf([3])])
        let rm = Tensor([0.1, -0.2, 0.3], shape: [3]), rv = Tensor([1.5, 0.7, 2.0], shape: [3])
        try check({ try Functional.batchNorm($0[0], runningMean: rm, runningVar: rv, weight: $0[1], bias: nil, training: false) },
                  [try leaf([4, 3]), try leaf([3], offset: 1)])
    }

    @Test func conv2dViaCol2im() throws {
        try check({ try Functional.conv2d($0[0], $0[1], $0[2]) }, [try leaf([2, 2, 5, 4]), try leaf([3, 2, 3, 2]), try leaf([3])])
        try check({ try Functional.conv2d($0[0], $0[1], nil, stride: (2, 1), padding: (1, 2), dilation: (1, 2)) },
                  [try leaf([1, 2, 5, 5]), try leaf([2, 2, 2, 2])])
        try check({ try Functional.conv2d($0[0], $0[1], nil, groups: 2) }, [try leaf([1, 4, 4, 4]), try leaf([2, 2, 3, 3])])
    }

    @Test func doubleBackward() throws {
        // d/dx of (d/dx Σ tanh(x)·x²): the first gradient is built from differentiable ops.
        let x = try leaf([4])
        try check({ xs in
            let y = try xs[0].tanh().mul(xs[0].mul(xs[0])).sum()
            return try Autograd.grad(outputs: [y], inputs: [xs[0]], createGraph: true)[0]!
        }, [x])
        try check({ xs in
            let y = try Functional.mm(xs[0], xs[0].t()).pow(.int(2)).sum()
            return try Autograd.grad(outputs: [y], inputs: [xs[0]], createGraph: true)[0]!
        }, [try leaf([2, 3])])
    }
    // The kernels' Tensor-level ops (Ops/Linalg.swift, Pool.swift, Conv.swift): their backward formulas.
    @Test func kernelsOps() throws {
        try check({ try $0[0].mm($0[1]) }, [try leaf([3, 4]), try leaf([4, 2], offset: 0.3)])
        try check({ try $0[0].matmul($0[1]) }, [try leaf([2, 3, 4]), try leaf([4, 2], offset: 0.3)])
        try check({ try $0[0].mv($0[1]) }, [try leaf([3, 4]), try leaf([4], offset: 0.3)])
        try check({ try $0[0].bmm($0[1]) }, [try leaf([2, 3, 4]), try leaf([2, 4, 2], offset: 0.3)])
        try check({ try Tensor.addmm($0[2], $0[0], $0[1]) }, [try leaf([3, 4]), try leaf([4, 2]), try leaf([2])])
        let img = try leaf([1, 2, 5, 5], scale: 1.3)
        try check({ try $0[0].maxPool2d(kernel: (2, 2), stride: (1, 2), padding: (1, 0)) }, [img])
        try check({ try $0[0].avgPool2d(kernel: (3, 2), stride: (2, 1), padding: (1, 1)) }, [img])
        try check({ try $0[0].unfold2d(kernel: (2, 3), dilation: (1, 2), padding: (1, 1), stride: (2, 1)) }, [img])
        try check({ try $0[0].fold2d(outputSize: (4, 5), kernel: (2, 2), stride: (2, 1)) }, [try leaf([1, 8, 8])])
    }
}

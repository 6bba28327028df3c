import Testing
@testable import MiniTorch

/// Backward closures must not keep their own output alive (output → grad_fn → closure → output would leak every
/// graph that is never backwarded). Expected gradients: PyTorch 2.15.0 on
/// `x = torch.tensor([0.5, 1.5], requires_grad=True); y = x.exp() (or x.sigmoid(), x ** 3, 2 ** x)`.
@Suite struct GraphCycleTests {
    @Test func unaryAndPowOutputsAreFreedWithoutBackward() throws {
        let x = try Tensor([0.5, 1.5] as [Float], shape: [2]).requiresGrad_()
        weak var weakOut: Tensor?
        weak var weakNode: Node?
        for make in [{ try x.exp() }, { try x.sigmoid() }, { try x.tanh() }, { try x.pow(.int(3)) },
                     { try Tensor.wrappedScalar(.int(2)).pow(x) },
                     { try Functional.softmax(x, dim: 0) }, { try Functional.logSoftmax(x, dim: 0) }] as [() throws -> Tensor] {
            try {
                let y = try make()
                weakOut = y
                weakNode = y.gradFn
                #expect(weakNode != nil)
            }()
            #expect(weakOut == nil)
            #expect(weakNode == nil)
        }
    }

    @Test func savedOutputStillDifferentiatesWithRetainAndCreateGraph() throws {
        // y = x.exp(); y.sum().backward(retain_graph=True) twice → x.grad = 2 * exp(x) = tensor([3.2974, 8.9634])
        let x = try Tensor([0.5, 1.5] as [Float], shape: [2]).requiresGrad_()
        let s = try x.exp().sum()
        try s.backward(retainGraph: true)
        try s.backward()
        #expect(P(x.grad!) == "tensor([3.2974, 8.9634])")
        // z = torch.tensor([0.5, 1.5], requires_grad=True)
        // torch.autograd.grad(torch.autograd.grad(z.sigmoid().sum(), z, create_graph=True)[0].sum(), z)
        //   → (tensor([-0.0576, -0.0947]),)
        let z = try Tensor([0.5, 1.5] as [Float], shape: [2]).requiresGrad_()
        let g = try Autograd.grad(outputs: [z.sigmoid().sum()], inputs: [z], createGraph: true)
        let h = try Autograd.grad(outputs: [g[0]!.sum()], inputs: [z])
        #expect(P(h[0]!) == "tensor([-0.0576, -0.0947])")
    }
}

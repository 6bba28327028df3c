import Testing
@testable import MiniTorch

/// SGD and Adam against the `optim` conformance cases (ids given) and Scripts/record_nn.py (PyTorch 2.15.0 CPU).
@Suite(.serialized) struct OptimTests {
    // conformance optim/01
    @Test func sgdStepAndZeroGrad() throws {
        let w = try T([1.0, -2.0]).requiresGrad_()
        let opt = try SGD([w], lr: 0.1)
        try w.pow(.int(2)).sum().backward()
        try opt.step()
        #expect(P(w) == "tensor([ 0.8000, -1.6000], requires_grad=True)")
        try opt.zeroGrad()
        #expect(w.grad == nil)
    }

    // conformance optim/02
    @Test func sgdMomentum() throws {
        let w = try T([1.0]).requiresGrad_()
        let opt = try SGD([w], lr: 0.5, momentum: 0.9)
        var seen: [String] = []
        for _ in 0..<3 {
            try opt.zeroGrad()
            try w.mul(w).sum().backward()
            try opt.step()
            seen.append(try w.item().description)
        }
        #expect(seen == ["0.0", "-0.8999999761581421", "-0.809999942779541"])
    }

    // conformance optim/03
    @Test func adamTwoSteps() throws {
        let w = try T([1.0, 2.0]).requiresGrad_()
        let opt = try Adam([w], lr: 0.1)
        for _ in 0..<2 {
            try opt.zeroGrad()
            try w.pow(.int(2)).sum().backward()
            try opt.step()
        }
        #expect(P(w) == "tensor([0.8004, 1.8002], requires_grad=True)")
    }

    // conformance optim/04: Linear(1, 1) regression with MSELoss
    @Test func linearRegression() throws {
        let x = try T([[1.0], [2.0], [3.0], [4.0]])
        let y = try x.mul(.int(2)).add(.int(1))
        let model = try Linear(1, 1)
        try GradMode.with(enabled: false) { try model.weight!.fill_(.double(0)); try model.bias!.fill_(.double(0)) }
        let opt = try SGD(model.parameters(), lr: 0.05)
        let lossFn = try Loss(.mse)
        var lines: [String] = []
        for epoch in 0..<50 {
            try opt.zeroGrad()
            let loss = try lossFn(model(x), y)
            try loss.backward()
            try opt.step()
            if epoch % 10 == 9 {
                let v = try loss.item().doubleValue
                lines.append("\(epoch) \(formatPythonFloat((v * 10000).rounded(.toNearestOrEven) / 10000))")
            }
        }
        #expect(lines == ["9 0.0105", "19 0.0077", "29 0.0057", "39 0.0042", "49 0.0031"])
        #expect(try model.weight!.item().doubleValue > 1.5)
        #expect(Parameter.repr(model.bias!) == "Parameter containing:\ntensor([0.8652], requires_grad=True)")
    }

    // record_nn.py sgd_variants: nesterov; dampening + weight decay; maximize + weight decay (4 steps of w**3)
    @Test func sgdVariants() throws {
        let expected: [[Double]] = [
            [-1.9113930463790894, -11.58486270904541, 0.0852484181523323],
            [0.46229350566864014, -1.1708128452301025, 0.24054020643234253],
            [1071.50439453125, -0.19714923202991486, 0.6528663039207458],
        ]
        let makers: [(Tensor) throws -> SGD] = [
            { try SGD([$0], lr: 0.1, momentum: 0.9, nesterov: true) },
            { try SGD([$0], lr: 0.05, momentum: 0.5, dampening: 0.3, weightDecay: 0.01) },
            { try SGD([$0], lr: 0.2, weightDecay: 0.1, maximize: true) },
        ]
        for (make, exp) in zip(makers, expected) {
            let w = try T([1.5, -0.7, 0.3]).requiresGrad_()
            let opt = try make(w)
            for _ in 0..<4 {
                try opt.zeroGrad()
                try w.pow(.int(3)).sum().backward()
                try opt.step()
            }
            #expect(w.toDoubleArray() == exp)
        }
    }

    // record_nn.py adam_variants: defaults; betas + weight decay; amsgrad + eps (5 steps of (w - 0.1 i)**2)
    @Test func adamVariants() throws {
        let expected: [[Double]] = [
            [1.450501561164856, -0.6497763395309448, 0.26167038083076477],
            [1.2563016414642334, -0.4478129744529724, 0.16377897560596466],
            [1.0129841566085815, -0.2000003159046173, 0.1029839739203453],
        ]
        let makers: [(Tensor) throws -> Adam] = [
            { try Adam([$0], lr: 0.01) },
            { try Adam([$0], lr: 0.05, betas: (0.8, 0.99), weightDecay: 0.1) },
            { try Adam([$0], lr: 0.1, eps: 1e-6, amsgrad: true) },
        ]
        for (make, exp) in zip(makers, expected) {
            let w = try T([1.5, -0.7, 0.3]).requiresGrad_()
            let opt = try make(w)
            for i in 0..<5 {
                try opt.zeroGrad()
                try w.sub(.double(Double(i) * 0.1)).pow(.int(2)).sum().backward()
                try opt.step()
            }
            #expect(w.toDoubleArray() == exp)
        }
    }

    // record_nn.py train_loop: seeded MLP, SGD with momentum, 20 steps.
    @Test func seededTrainingLoop() throws {
        Generator.default.manualSeed(UInt64(0))
        let model = try Sequential([Linear(4, 8), ReLU(), Linear(8, 1)])
        let x = try randnNN([16, 4])
        let y = try x.sum(dims: [1], keepdim: true).mul(.double(0.5))
        let opt = try SGD(model.parameters(), lr: 0.05, momentum: 0.9)
        var losses: [Double] = []
        for i in 0..<20 {
            try opt.zeroGrad()
            let loss = try Functional.mseLoss(model(x), y)
            try loss.backward()
            try opt.step()
            if i % 5 == 4 { losses.append(try loss.item().doubleValue) }
        }
        let expected = [0.9297054409980774, 0.17816779017448425, 0.23498252034187317, 0.12704676389694214]
        for (a, b) in zip(losses, expected) { #expect(abs(a - b) <= 1e-6 * max(1, abs(b))) }
        let last = try model.module(at: 2) as? Linear
        #expect(Parameter.repr(last!.bias!) == "Parameter containing:\ntensor([-0.3306], requires_grad=True)")
    }

    @Test func paramGroupsAndErrors() throws {
        let w = try T([1.0]).requiresGrad_()
        let opt = try SGD([w], lr: 0.1)
        #expect(opt.paramGroups[0].lr == 0.1)
        opt.paramGroups[0].lr = 0.5
        #expect(opt.paramGroups[0]["lr"] == .number(0.5))
        #expect(opt.paramGroups[0].keys.prefix(3) == ["lr", "momentum", "dampening"])
        #expect(errorOf { try SGD([w], lr: -1) }?.message == "Invalid learning rate: -1.0")
        #expect(errorOf { try SGD([], lr: 0.1) }?.message == "optimizer got an empty parameter list")
        #expect(errorOf { try SGD([w], lr: 0.1, nesterov: true) }?.message == "Nesterov momentum requires a momentum and zero dampening")
        #expect(errorOf { try Adam([w], betas: (1.0, 0.9)) }?.message == "Invalid beta parameter at index 0: 1.0")
        #expect(errorOf { try SGD([w.mul(.int(2))], lr: 0.1) }?.message == "can't optimize a non-leaf Tensor")
    }

    /// The overhead benchmark runs (timing itself is measured in a release build; see NNBench).
    @Test func benchRuns() throws {
        #expect(try NNBench.sgdStep(iterations: 5) > 0)
    }
}

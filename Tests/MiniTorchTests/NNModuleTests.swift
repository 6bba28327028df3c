import Testing
@testable import MiniTorch

/// `torch.randn(shape)` on the default generator (a fresh contiguous tensor's normal_ path).
func randnNN(_ shape: [Int]) throws -> Tensor {
    let t = Tensor(zeros: shape, dtype: .float32)
    try Init.normal_(t)
    return t
}

/// Expected texts come from Scripts/record_nn.py (PyTorch 2.15.0 CPU) unless a conformance id is named.
@Suite(.serialized) struct NNModuleTests {
    // conformance rng/03 and record_nn.py init_linear: torch.manual_seed(42); nn.Linear(3, 2)
    @Test func linearInitMatchesSeededPyTorch() throws {
        Generator.default.manualSeed(UInt64(42))
        let lin = try Linear(3, 2)
        #expect(Parameter.repr(lin.weight!) == """
            Parameter containing:
            tensor([[ 0.4414,  0.4792, -0.1353],
                    [ 0.5304, -0.1265,  0.1165]], requires_grad=True)
            """)
        #expect(Parameter.repr(lin.bias!) == "Parameter containing:\ntensor([-0.2811,  0.3391], requires_grad=True)")
    }

    // record_nn.py init_conv: torch.manual_seed(0); nn.Conv2d(1, 2, 3)
    @Test func conv2dInitMatchesSeededPyTorch() throws {
        Generator.default.manualSeed(UInt64(0))
        let c = try Conv2d(1, 2, kernelSize: (3, 3))
        #expect(P(c.weight!) == """
            tensor([[[[-0.0025,  0.1788, -0.2743],
                      [-0.2453, -0.1284,  0.0894],
                      [-0.0066,  0.2643, -0.0296]]],


                    [[[ 0.0882, -0.1007, -0.0655],
                      [-0.3184, -0.2208, -0.1374],
                      [ 0.0123,  0.1318,  0.2000]]]], requires_grad=True)
            """)
        #expect(P(c.bias!) == "tensor([-0.2260, -0.1452], requires_grad=True)")
    }

    // record_nn.py init_seq
    @Test func sequentialInitOrderAndNames() throws {
        Generator.default.manualSeed(UInt64(1))
        let m = try Sequential([Linear(4, 3), ReLU(), Linear(3, 1)])
        let lines = m.namedParameters().map { "\($0.0) \(P($0.1.detach()))" }
        #expect(lines == [
            "0.weight tensor([[ 0.2576, -0.2207, -0.0969,  0.2347],\n        [-0.4707,  0.2999, -0.1029,  0.2544],\n        [ 0.0695, -0.0612,  0.1387,  0.0247]])",
            "0.bias tensor([ 0.1826, -0.1949, -0.0365])",
            "2.weight tensor([[-0.0520,  0.0837, -0.0023]])",
            "2.bias tensor([0.5047])",
        ])
    }

    // conformance mode/01
    @Test func sequentialReprAndTrainEval() throws {
        let model = try Sequential([Linear(4, 8), ReLU(), Dropout(p: 0.5), BatchNorm(8, spatialDims: 1)])
        #expect(model.repr == """
            Sequential(
              (0): Linear(in_features=4, out_features=8, bias=True)
              (1): ReLU()
              (2): Dropout(p=0.5, inplace=False)
              (3): BatchNorm1d(8, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)
            )
            """)
        let m2 = try model.module(at: 2), m3 = try model.module(at: 3)
        #expect(model.training && m2.training)
        model.eval()
        #expect(!model.training && !m2.training && !m3.training)
        model.train()
        #expect(try model.module(at: 3).training)
        #expect(errorOf { try model.module(at: 4) }?.message == "index 4 is out of range")
        #expect(try model.module(at: -1) === model.items[3])
    }

    // record_nn.py reprs
    @Test func layerReprs() throws {
        #expect(try Conv2d(3, 8, kernelSize: (3, 3), stride: (2, 2), padding: (1, 1), bias: false).repr
                == "Conv2d(3, 8, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1), bias=False)")
        #expect(try Conv2d(4, 4, kernelSize: (2, 3), dilation: (2, 2), groups: 2).repr
                == "Conv2d(4, 4, kernel_size=(2, 3), stride=(1, 1), dilation=(2, 2), groups=2)")
        #expect(try BatchNorm(16, spatialDims: 2, eps: 1e-3, momentum: 0.2, affine: false).repr
                == "BatchNorm2d(16, eps=0.001, momentum=0.2, affine=False, bias=False, track_running_stats=True)")
        #expect(Softmax(dim: 1).repr == "Softmax(dim=1)")
        #expect(Softmax(dim: -1, log: true).repr == "LogSoftmax(dim=-1)")
        #expect(Softmax().repr == "Softmax(dim=None)")
        #expect(try Dropout(p: 0.25).repr == "Dropout(p=0.25, inplace=False)")
        #expect(ReLU(inplace: true).repr == "ReLU(inplace=True)")
        #expect(Flatten().repr == "Flatten(start_dim=1, end_dim=-1)")
        #expect(Identity().repr == "Identity()")
        #expect(try Loss(.mse).repr == "MSELoss()")
        #expect(try Loss(.crossEntropy).repr == "CrossEntropyLoss()")
        #expect(try Linear(2, 3, bias: false).repr == "Linear(in_features=2, out_features=3, bias=False)")
        // conformance nn/03
        let m = try Sequential([Conv2d(1, 2, kernelSize: (3, 3)), ReLU(), Flatten(), Linear(8, 3)])
        #expect(m.repr == """
            Sequential(
              (0): Conv2d(1, 2, kernel_size=(3, 3), stride=(1, 1))
              (1): ReLU()
              (2): Flatten(start_dim=1, end_dim=-1)
              (3): Linear(in_features=8, out_features=3, bias=True)
            )
            """)
        #expect(try m(Tensor.zeros([1, 1, 4, 4])).shape == [1, 3])
        #expect(m.parameters().count == 4)
        #expect(P(try Sigmoid()(T([0.0]))) == "tensor([0.5000])")
        #expect(P(try Tanh()(T([0.0]))) == "tensor([0.])")
    }

    // record_nn.py reprs: a Python subclass `class Net(nn.Module)` as the interpreter builds it.
    @Test func subclassThroughSetAttribute() throws {
        let net = Module(typeName: "Net")
        #expect(try net.setAttribute("fc", .module(Linear(2, 2))))
        #expect(try net.setAttribute("body", .module(Sequential([Linear(2, 4), Tanh()]))))
        #expect(try net.setAttribute("head", .module(Linear(4, 1))))
        #expect(try !net.setAttribute("hidden", .other(typeName: "int")))
        #expect(net.repr == """
            Net(
              (fc): Linear(in_features=2, out_features=2, bias=True)
              (body): Sequential(
                (0): Linear(in_features=2, out_features=4, bias=True)
                (1): Tanh()
              )
              (head): Linear(in_features=4, out_features=1, bias=True)
            )
            """)
        #expect(net.namedParameters().map { $0.0 } == ["fc.weight", "fc.bias", "body.0.weight", "body.0.bias", "head.weight", "head.bias"])
        #expect(net.namedChildren().map { $0.0 } == ["fc", "body", "head"])
        #expect(net.modules().count == 6)
        // A Python forward stands in for the Swift one.
        net.forwardOverride = { x in try x.mul(.int(2)) }
        #expect(P(try net(T([1.0]))) == "tensor([2.])")
        // Assigning a plain tensor over a parameter name is PyTorch's TypeError.
        let fc = try Linear(2, 2)
        #expect(errorOf { try fc.setAttribute("weight", .tensor(T([1.0]))) }?.message
                == "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)")
        let p = try Parameter.make(T([1.0, 2.0]))
        #expect(try fc.setAttribute("extra", .parameter(p)))
        #expect(fc.parameters().count == 3)
    }

    // record_nn.py reprs: state_dict keys and slicing
    @Test func stateDictAndSlice() throws {
        let seq = try Sequential([Linear(2, 2), Sequential([Linear(2, 2), BatchNorm(2, spatialDims: 1)])])
        #expect(seq.stateDict().map { $0.0 } == ["0.weight", "0.bias", "1.0.weight", "1.0.bias", "1.1.weight", "1.1.bias",
                                                  "1.1.running_mean", "1.1.running_var", "1.1.num_batches_tracked"])
        #expect(try seq.slice([1]).repr == """
            Sequential(
              (1): Sequential(
                (0): Linear(in_features=2, out_features=2, bias=True)
                (1): BatchNorm1d(2, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)
              )
            )
            """)
    }

    // conformance nn/01
    @Test func linearForwardAndNames() throws {
        let lin = try Linear(3, 2)
        #expect(lin.repr == "Linear(in_features=3, out_features=2, bias=True)")
        try GradMode.with(enabled: false) {
            try lin.weight!.copy_(T([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]]))
            try lin.bias!.fill_(.double(1))
        }
        #expect(P(try lin(T([[1.0, 2.0, 3.0]]))) == "tensor([[-1.,  4.]], grad_fn=<AddmmBackward0>)")
        #expect(lin.namedParameters().map { $0.0 } == ["weight", "bias"])
        #expect(lin.parameters().map { $0.numel }.reduce(0, +) == 8)
    }

    // conformance nn/04
    @Test func parameterRepr() throws {
        let p = try Parameter.make(T([1.0, 2.0]))
        #expect(Parameter.repr(p) == "Parameter containing:\ntensor([1., 2.], requires_grad=True)")
        #expect(p.requiresGrad && p.isParameter && p.isLeaf)
        #expect(Parameter.repr(try Parameter.make(T([1.0, 1.0]), requiresGrad: false)) == "Parameter containing:\ntensor([1., 1.])")
    }

    // conformance mode/02 and record_nn.py dropout_seeded
    @Test func dropout() throws {
        let x = try Tensor.ones([2, 4])
        let drop = try Dropout(p: 0.5)
        drop.eval()
        #expect(try drop(x) === x)
        #expect(try Dropout(p: 0.0)(x) === x)
        #expect(P(try Dropout(p: 1.0)(x)) == "tensor([[0., 0., 0., 0.],\n        [0., 0., 0., 0.]])")
        // A private generator seeded like torch.manual_seed(3): other suites draw from the default one concurrently.
        let gen = Generator(seed: 3)
        #expect(P(try Functional.dropout(Tensor.ones([3, 4]), p: 0.3, generator: gen)) == """
            tensor([[1.4286, 1.4286, 0.0000, 1.4286],
                    [0.0000, 1.4286, 1.4286, 1.4286],
                    [1.4286, 0.0000, 1.4286, 1.4286]])
            """)
        let xs = try Tensor.ones([2, 5]).requiresGrad_()
        let d5 = try Dropout(p: 0.5)
        d5.generator = gen
        let y = try d5(xs)
        #expect(P(y) == "tensor([[2., 2., 0., 2., 2.],\n        [0., 0., 2., 0., 0.]], grad_fn=<MulBackward0>)")
        try y.sum().backward()
        #expect(P(xs.grad!) == "tensor([[2., 2., 0., 2., 2.],\n        [0., 0., 2., 0., 0.]])")
        #expect(errorOf { try Dropout(p: 1.5) }?.message == "dropout probability has to be between 0 and 1, but got 1.5")
    }

    // conformance mode/03
    @Test func batchNorm1dTrainThenEval() throws {
        let bn = try BatchNorm(2, spatialDims: 1)
        let x = try T([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0], [7.0, 14.0]])
        #expect(P(try bn(x)) == """
            tensor([[-1.3416, -1.3416],
                    [-0.4472, -0.4472],
                    [ 0.4472,  0.4472],
                    [ 1.3416,  1.3416]], grad_fn=<NativeBatchNormBackward0>)
            """)
        #expect(P(bn.runningMean!) == "tensor([0.4000, 0.8000])")
        #expect(P(bn.runningVar!) == "tensor([1.5667, 3.5667])")
        #expect(P(bn.numBatchesTracked!) == "tensor(1)")
        bn.eval()
        #expect(P(try bn(x)) == """
            tensor([[0.4794, 0.6354],
                    [2.0772, 2.7534],
                    [3.6751, 4.8714],
                    [5.2730, 6.9894]], grad_fn=<NativeBatchNormBackward0>)
            """)
    }

    // conformance mode/05
    @Test func batchNorm2dMomentum() throws {
        let bn = try BatchNorm(2, spatialDims: 2, momentum: 0.5)
        let y = try bn(Tensor.arange(.double(16)).reshape([2, 2, 2, 2]))
        #expect(P(y) == """
            tensor([[[[-1.3242, -1.0835],
                      [-0.8427, -0.6019]],

                     [[-1.3242, -1.0835],
                      [-0.8427, -0.6019]]],


                    [[[ 0.6019,  0.8427],
                      [ 1.0835,  1.3242]],

                     [[ 0.6019,  0.8427],
                      [ 1.0835,  1.3242]]]], grad_fn=<NativeBatchNormBackward0>)
            """)
        #expect(P(bn.runningMean!) + " " + P(bn.runningVar!) == "tensor([2.7500, 4.7500]) tensor([10.3571, 10.3571])")
        #expect(Parameter.repr(bn.weight!) == "Parameter containing:\ntensor([1., 1.], requires_grad=True)")
    }

    // record_nn.py bn1d_steps: three training batches from the seeded generator, then eval.
    @Test func batchNormRunningStatsOverSteps() throws {
        Generator.default.manualSeed(UInt64(5))
        let bn = try BatchNorm(3, spatialDims: 1)
        var x = Tensor(zeros: [5, 3], dtype: .float32), y = x
        for _ in 0..<3 { x = try randnNN([5, 3]); y = try bn(x) }
        #expect(P(y) == """
            tensor([[ 0.1093, -1.2506,  0.8214],
                    [ 0.9060,  0.7840,  1.1407],
                    [-1.6700,  1.4375,  0.3486],
                    [ 1.0902, -0.1089, -0.8142],
                    [-0.4355, -0.8621, -1.4965]], grad_fn=<NativeBatchNormBackward0>)
            """)
        #expect(P(bn.runningMean!) + " " + P(bn.runningVar!) + " " + P(bn.numBatchesTracked!)
                == "tensor([ 0.0163, -0.1743,  0.0021]) tensor([0.8959, 1.0341, 0.8439]) tensor(3)")
        bn.eval()
        #expect(P(try bn(x)) == """
            tensor([[ 0.4365, -2.0553, -0.2219],
                    [ 1.1108,  0.4906, -0.0767],
                    [-1.0695,  1.3084, -0.4369],
                    [ 1.2668, -0.6267, -0.9655],
                    [-0.0247, -1.5691, -1.2757]], grad_fn=<NativeBatchNormBackward0>)
            """)
    }

    // record_nn.py bn_backward
    @Test func batchNormBackward() throws {
        Generator.default.manualSeed(UInt64(6))
        let bn = try BatchNorm(2, spatialDims: 2)
        try GradMode.with(enabled: false) {
            try bn.weight!.copy_(T([1.5, -0.5])); try bn.bias!.copy_(T([0.1, 0.2]))
        }
        let x = try randnNN([2, 2, 2, 3]).requiresGrad_()
        let y = try bn(x)
        try y.mul(Tensor.arange(.double(24)).reshape([2, 2, 2, 3])).sum().backward()
        #expect(P(x.grad!) == """
            tensor([[[[-10.1557, -21.2806,  -4.3909],
                      [ -3.3989,  -7.4470,  -9.9028]],

                     [[  4.7797,   4.1773,   2.5871],
                      [  2.2669,   2.6468,   3.0739]]],


                    [[[  6.9518,   6.2583,   2.5021],
                      [ 11.1460,  19.1526,  10.5650]],

                     [[ -1.1578,  -0.1375,  -4.1106],
                      [ -5.3321,  -3.3672,  -5.4266]]]])
            """)
        #expect(P(bn.weight!.grad!) == "tensor([ 33.3265, -22.7172])")
        #expect(P(bn.bias!.grad!) == "tensor([102., 174.])")
        #expect(P(bn.runningVar!) == "tensor([0.9640, 0.9741])")
    }

    // record_nn.py bn_momentum_none: cumulative moving average
    @Test func batchNormMomentumNone() throws {
        let bn = try BatchNorm(2, spatialDims: 1, momentum: nil)
        _ = try bn(T([[1.0, 2.0], [3.0, 5.0]])); _ = try bn(T([[0.0, 1.0], [4.0, 1.0]]))
        #expect(P(bn.runningMean!) + " " + P(bn.runningVar!) == "tensor([2.0000, 2.2500]) tensor([5.0000, 2.2500])")
        #expect(bn.repr == "BatchNorm1d(2, eps=1e-05, momentum=None, affine=True, bias=True, track_running_stats=True)")
        #expect(errorOf { try bn(T([1.0, 2.0])) }?.message == "expected 2D or 3D input (got 1D input)")
        #expect(errorOf { try bn(T([[1.0, 2.0]])) }?.message == "Expected more than 1 value per channel when training, got input size torch.Size([1, 2])")
    }

    // conformance mode/04: eval() keeps gradients on, no_grad() turns them off (SPEC §7, seed Q8).
    @Test func evalDoesNotStopGradients() throws {
        let model = try Linear(2, 1)
        model.eval()
        #expect(try model(Tensor.ones([1, 2])).requiresGrad)
        let z = try GradMode.with(enabled: false) { try model(Tensor.ones([1, 2])) }
        #expect(!z.requiresGrad)
    }

    @Test func zeroGradAndMoving() throws {
        let m = try Sequential([Linear(2, 2)])
        try m(Tensor.ones([1, 2])).sum().backward()
        #expect(m.parameters().allSatisfy { $0.grad != nil })
        try m.zeroGrad(setToNone: false)
        #expect(P(m.parameters()[1].grad!) == "tensor([0., 0.])")
        try m.zeroGrad()
        #expect(m.parameters().allSatisfy { $0.grad == nil })
        let w = m.parameters()[0]
        try m.cuda(1)
        #expect(m.parameters()[0] === w && w.device == .cuda(1))
        try m.cpu()
        #expect(w.device == .cpu)
        try m.to(dtype: .float64)
        #expect(w.dtype == .float64 && w.isParameter && w.requiresGrad)
    }
}

import Testing
@testable import MiniTorch

/// DataParallel against the single-device run. Expected values come from the engine itself on one device
/// (PyTorch's DataParallel is defined to reproduce that computation: same outputs, gradients summed).
struct ParallelDataParallelTests {
    /// A random MLP (1–3 Linear layers, ReLU/Tanh between), weights drawn from `g`, on cuda:0.
    func randomMLP(_ g: Generator, _ rng: inout SplitMix) throws -> (Module, Int) {
        let depth = rng.int(1...3)
        var widths = [rng.int(1...6)]
        for _ in 0..<depth { widths.append(rng.int(1...6)) }
        var layers: [Module] = []
        for i in 0..<depth {
            let l = try Linear(widths[i], widths[i + 1], bias: rng.int(0...3) != 0)
            for p in l.parameters() { try p.assignElements(from: try Tensor.randn(p.shape, generator: g)) }
            layers.append(l)
            if i < depth - 1 { layers.append(rng.int(0...1) == 0 ? ReLU() : Tanh()) }
        }
        let m = try Sequential(layers)
        try m.to(device: .cuda(0))
        return (m, widths[0])
    }

    /// A random small CNN: Conv2d(c→oc, 3×3, padding 1) → ReLU → Flatten → Linear, on cuda:0; input [B, c, 4, 4].
    func randomCNN(_ g: Generator, _ rng: inout SplitMix) throws -> (Module, [Int]) {
        let c = rng.int(1...3), oc = rng.int(1...4)
        let conv = try Conv2d(c, oc, kernelSize: (3, 3), padding: (1, 1))
        let fc = try Linear(oc * 16, rng.int(1...4))
        for p in conv.parameters() + fc.parameters() { try p.assignElements(from: try Tensor.randn(p.shape, generator: g)) }
        let m = try Sequential([conv, ReLU(), Flatten(), fc])
        try m.to(device: .cuda(0))
        return (m, [c, 4, 4])
    }

    func closeEnough(_ a: Tensor, _ b: Tensor) -> Bool {
        guard a.shape == b.shape, a.device == b.device else { return false }
        for (x, y) in zip(a.toDoubleArray(), b.toDoubleArray()) where abs(x - y) > 1e-4 * max(1, abs(x)) { return false }
        return true
    }

    @Test("outputs and parameter grads equal the single-device run (random MLPs and CNNs, batch 1–17, 1–8 GPUs)")
    func matchesSingleDevice() throws {
        var rng = SplitMix(seed: 20261126)
        let g = Generator(seed: 7)
        for trial in 0..<80 {
            let (m, rest): (Module, [Int])
            if trial % 4 == 3 { (m, rest) = try randomCNN(g, &rng) } else { let r = try randomMLP(g, &rng); (m, rest) = (r.0, [r.1]) }
            let batch = rng.int(1...17)
            let gpus = rng.int(1...8)
            let x = try Tensor.randn([batch] + rest, generator: g)          // input on the CPU, as DataParallel allows
            // single device
            let y1 = try m(x.to(device: .cuda(0)))
            let w = try Tensor.randn(y1.shape, generator: g).to(device: .cuda(0))
            try y1.mul(w).sum().backward()
            let g1 = m.parameters().map { $0.grad?.clone() }
            try m.zeroGrad()
            // DataParallel
            let dp = try DataParallel(m, deviceIds: Array(0..<gpus), outputDevice: 0)
            let y2 = try dp(x)
            try y2.mul(w).sum().backward()
            #expect(closeEnough(y1.detach(), y2.detach()), "outputs, batch \(batch), \(gpus) GPUs")
            for (a, p) in zip(g1, m.parameters()) {
                guard let a, let b = p.grad else { Issue.record("missing grad"); continue }
                #expect(b.device == .cuda(0))
                #expect(closeEnough(a, b), "grads, batch \(batch), \(gpus) GPUs")
            }
            let trace = try #require(dp.lastTrace)
            let expectChunks = try x.chunk(gpus, dim: 0).map { $0.shape[0] }
            #expect(trace.chunkSizes == expectChunks || gpus == 1)
            #expect(trace.threaded || gpus == 1, "native layers run one thread per device")
            #expect(DataParallel.chunkSizes(batch: batch, gpus: gpus) == expectChunks)
            #expect(trace.devices.count == (gpus == 1 ? 1 : expectChunks.count))
        }
    }

    @Test("placement check: PyTorch's message (torch/nn/parallel/data_parallel.py)")
    func placement() throws {
        let m = try Linear(3, 1)
        let dp = try DataParallel(m, deviceIds: [0, 1, 2, 3], outputDevice: 0)
        try dp.to(device: .cuda(1))
        #expect(throws: TensorError.self) { _ = try dp(Tensor(zeros: [8, 3], dtype: .float32)) }
        do { _ = try dp(Tensor(zeros: [8, 3], dtype: .float32)) } catch let e as TensorError {
            #expect(e.message == "module must have its parameters and buffers on device cuda:0 (device_ids[0]) but found one of them on device: cuda:1")
        }
    }

    @Test("chunk semantics: 10 rows on 4 GPUs → 3,3,3,1; 5 rows on 4 GPUs → 3 replicas; memory peaks recorded")
    func scatterSizes() throws {
        let m = try Linear(2, 2)
        try m.to(device: .cuda(0))
        let dp = try DataParallel(m, deviceIds: [0, 1, 2, 3], outputDevice: 0)
        _ = try dp(Tensor(zeros: [10, 2], dtype: .float32))
        #expect(dp.lastTrace?.chunkSizes == [3, 3, 3, 1])
        _ = try dp(Tensor(zeros: [5, 2], dtype: .float32))
        #expect(dp.lastTrace?.chunkSizes == [2, 2, 1])
        #expect(dp.lastTrace?.devices == [.cuda(0), .cuda(1), .cuda(2)])
        #expect(dp.memory.usage(of: .cuda(1)).peak > 0)
        #expect(dp.memory.usage(of: .cuda(1)).allocated == 0)
    }

    @Test("BatchNorm: each replica normalises its chunk; only device_ids[0] updates running stats (conformance dp/04)")
    func batchNorm() throws {
        let bn = try BatchNorm(1, spatialDims: 1)
        try bn.to(device: .cuda(0))
        let dp = try DataParallel(bn, deviceIds: [0, 1], outputDevice: 0)
        let x = Tensor([1, 2, 4, 5, 10, 20, 40, 50] as [Float], shape: [8, 1])
        let y = try dp(x)
        let v = y.toDoubleArray()
        #expect(abs(v[0] + 1.2649) < 1e-4 && abs(v[4] + 1.2649) < 1e-4)
        #expect(abs((bn.runningMean?.toDoubleArray()[0] ?? 0) - 0.3) < 1e-6)
        #expect(abs((bn.runningVar?.toDoubleArray()[0] ?? 0) - 1.23333) < 1e-4)
    }
}

/// A tiny deterministic generator for the shapes of the property test.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
}

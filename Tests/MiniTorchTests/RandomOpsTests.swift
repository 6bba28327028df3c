import Testing
@testable import MiniTorch

/// Tensor-level random ops. Expected values: PyTorch 2.15 (snippets in comments; rng/01, rng/02 in
/// ../shared/conformance/torch.jsonl), compared at PyTorch's printed precision.
@Suite(.serialized) struct RandomOpsTests {
    func r4(_ t: Tensor) -> [Double] { t.toDoubleArray().map { ($0 * 10000).rounded() / 10000 } }

    // rng/01: torch.manual_seed(0); torch.rand(3); torch.randn(2, 3); torch.randint(0, 10, (5,))
    @Test func conformanceRng01() throws {
        let g = Generator(seed: 0)
        #expect(r4(try Tensor.rand([3], generator: g)) == [0.4963, 0.7682, 0.0885])
        #expect(r4(try Tensor.randn([2, 3], generator: g)) == [0.3643, 0.1344, 0.1642, 0.3058, 0.2100, 0.9056])
        #expect(try Tensor.randint(low: 0, high: 10, [5], generator: g).toInt64Array() == [6, 6, 8, 4, 3])
    }

    // rng/02: torch.manual_seed(0); torch.randn(20)
    @Test func conformanceRng02() throws {
        let x = try Tensor.randn([20], generator: Generator(seed: 0))
        #expect(r4(x) == [-1.1258, -1.1524, -0.2506, -0.4339, 0.5988, -1.5551, -0.3414, 1.8530, 0.4681, -0.1577,
                          1.4437, 0.2660, 1.3894, 1.5863, 0.9463, -0.8437, 0.9318, 1.2590, 2.0050, 0.0537])
    }

    // torch.manual_seed(0); x = torch.zeros(4, 5).t(); x.normal_()  -> filled in memory order (scalar path):
    // x[:, 0] = [1.5410, -0.2934, -2.1788, 0.5684, -1.0845];  x = torch.zeros(4, 5).t(); x.uniform_() -> x[:, 0] = [0.4963, 0.7682, 0.0885, 0.1320, 0.3074]
    @Test func nonContiguousFillsInMemoryOrder() throws {
        let x = try Tensor.zeros([4, 5]).t()
        try x.normal_(generator: Generator(seed: 0))
        #expect(r4(try x.select(1, 0)) == [1.5410, -0.2934, -2.1788, 0.5684, -1.0845])
        let y = try Tensor.zeros([4, 5]).t()
        try y.uniform_(generator: Generator(seed: 0))
        #expect(r4(try y.select(1, 0)) == [0.4963, 0.7682, 0.0885, 0.1320, 0.3074])
    }

    // torch.manual_seed(0); torch.empty(10).bernoulli_(0.3) -> [0, 0, 0, 0, 0, 0, 1, 0, 0, 1]
    @Test func bernoulliAndRandint() throws {
        let b = try Tensor.zeros([10])
        try b.bernoulli_(p: 0.3, generator: Generator(seed: 0))
        #expect(b.toDoubleArray() == [0, 0, 0, 0, 0, 0, 1, 0, 0, 1])
        // torch.randint(0, 10, (3,), dtype=torch.float32) keeps the integer values as floats
        let f = try Tensor.randint(low: 0, high: 10, [3], dtype: .float32, generator: Generator(seed: 0))
        #expect(f.dtype == .float32 && f.toDoubleArray() == [4, 9, 3])
    }

    @Test func errors() {
        #expect(throws: TensorError.notImplemented("\"check_uniform_bounds\" not implemented for 'Long'")) { try Tensor.rand([3], dtype: .int64) }
        #expect(throws: TensorError.notImplemented("\"normal_kernel_cpu\" not implemented for 'Long'")) { try Tensor.randn([3], dtype: .int64) }
        #expect(throws: TensorError.runtime("random_ expects 'from' to be less than 'to', but got from=5 >= to=3")) { try Tensor.randint(low: 5, high: 3, [2]) }
        #expect(throws: TensorError.runtime("normal expects std >= 0.0, but found std -1")) { try Tensor.zeros([3]).normal_(mean: 0, std: -1) }
        #expect(throws: TensorError.runtime("uniform_ expects to return a [from, to) range, but found from=2 > to=1")) { try Tensor.zeros([3]).uniform_(from: 2, to: 1) }
        #expect(throws: TensorError.runtime("bernoulli_ expects p to be in [0, 1], but got p=1.5")) { try Tensor.zeros([3]).bernoulli_(p: 1.5) }
        #expect(throws: TensorError.runtime("Trying to create tensor with negative dimension -1: [-1]")) { try Tensor.rand([-1]) }
        #expect(throws: TensorError.notImplemented("\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'")) { try Tensor.bernoulli(Tensor([Int64(1), 0], shape: [2])) }
    }
}

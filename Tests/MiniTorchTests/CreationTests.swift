import Testing
@testable import MiniTorch

/// Expected texts: PyTorch 2.15.0 output of the snippets quoted in comments (run with /work/venv/bin/python).
@Suite struct CreationTests {
    @Test func nestedErrors() throws {
        // torch.tensor([[1,2],3]) → TypeError: not a sequence
        #expect(errorOf { try T([[1, 2], 3]) } == TensorError(.type, "not a sequence"))
        // torch.tensor([1,[2,3]]) → TypeError: 'list' object cannot be interpreted as an integer
        #expect(errorOf { try T([1, [2, 3]]) } == TensorError(.type, "'list' object cannot be interpreted as an integer"))
        // torch.tensor([[1],[]]) → ValueError: expected sequence of length 1 at dim 1 (got 0)
        #expect(errorOf { try T([[1], [Int]()]) } == TensorError(.value, "expected sequence of length 1 at dim 1 (got 0)"))
    }
    @Test func inference() throws {
        // torch.tensor([[],[]]) → tensor([], size=(2, 0)); torch.tensor([1, True]) → tensor([1, 1]);
        // torch.tensor([1.5, True]) → tensor([1.5000, 1.0000]); torch.tensor(True) → tensor(True)
        #expect(P(try T([[Int](), [Int]()])) == "tensor([], size=(2, 0))")
        #expect(P(try T([1, true])) == "tensor([1, 1])")
        #expect(P(try T([1.5, true])) == "tensor([1.5000, 1.0000])")
        #expect(P(try T(true)) == "tensor(True)")
    }
    @Test func rangesAndErrors() throws {
        // torch.arange(0, 1, 0.3) → tensor([0.0000, 0.3000, 0.6000, 0.9000]); torch.arange(-1.5, 1) → tensor([-1.5000, -0.5000,  0.5000])
        #expect(P(try Tensor.arange(.int(0), .int(1), .double(0.3))) == "tensor([0.0000, 0.3000, 0.6000, 0.9000])")
        #expect(P(try Tensor.arange(.double(-1.5), .int(1))) == "tensor([-1.5000, -0.5000,  0.5000])")
        // torch.arange(10, 0, -3) → tensor([10,  7,  4,  1]); torch.arange(0, 10, 3.5) → tensor([0.0000, 3.5000, 7.0000])
        #expect(P(try Tensor.arange(.int(10), .int(0), .int(-3))) == "tensor([10,  7,  4,  1])")
        #expect(P(try Tensor.arange(.int(0), .int(10), .double(3.5))) == "tensor([0.0000, 3.5000, 7.0000])")
        // torch.linspace(-1, 1, 4) → tensor([-1.0000, -0.3333,  0.3333,  1.0000]); int64 linspace
        #expect(P(try Tensor.linspace(.int(-1), .int(1), steps: 4)) == "tensor([-1.0000, -0.3333,  0.3333,  1.0000])")
        #expect(P(try Tensor.linspace(.int(0), .int(10), steps: 7, dtype: .int64)) == "tensor([ 0,  1,  3,  5,  6,  8, 10])")
        // torch.full((2,), True) → tensor([True, True]); torch.full((2,), 3) → tensor([3, 3])
        #expect(P(try Tensor.full([2], .bool(true))) == "tensor([True, True])")
        #expect(P(try Tensor.full([2], .int(3))) == "tensor([3, 3])")
        // errors
        #expect(errorOf { try Tensor.arange(.int(0), .int(5), .int(0)) } == TensorError(.runtime, "step must be nonzero"))
        #expect(errorOf { try Tensor.arange(.int(5), .int(0), .int(1)) } == TensorError(.runtime, "upper bound and lower bound inconsistent with step sign"))
        #expect(errorOf { try Tensor.zeros([2, -3]) } == TensorError(.runtime, "zeros: Dimension size must be non-negative."))
        #expect(errorOf { try Tensor.ones([-1]) } == TensorError(.runtime, "Trying to create tensor with negative dimension -1: [-1]"))
        #expect(errorOf { try Tensor.linspace(.int(0), .int(1), steps: -1) } == TensorError(.runtime, "number of steps must be non-negative"))
        #expect(errorOf { try Tensor.eye(-1) } == TensorError(.runtime, "n must be greater or equal to 0, got -1"))
        #expect(errorOf { try Tensor.eye(2, -1) } == TensorError(.runtime, "m must be greater or equal to 0, got -1"))
        #expect(errorOf { try DType.setDefault(.int64) } == TensorError(.type, "only floating-point types are supported as the default type"))
        // torch.tensor([1.,2.]).item()
        #expect(errorOf { try T([1.0, 2.0]).item() } == TensorError(.runtime, "a Tensor with 2 elements cannot be converted to Scalar"))
    }
    @Test func promotionTable() {
        // torch.result_type checks (PyTorch 2.15.0)
        #expect(DType.resultType([.tensor(.int64, dim: 1), .scalar(.double(2.5))]) == .float32)
        #expect(DType.resultType([.tensor(.float64, dim: 1), .scalar(.double(1))]) == .float64)
        #expect(DType.resultType([.tensor(.int32, dim: 1), .tensor(.int64, dim: 0)]) == .int32)
        #expect(DType.resultType([.tensor(.int64, dim: 1), .tensor(.float32, dim: 0)]) == .float32)
        #expect(DType.resultType([.tensor(.bool, dim: 1), .scalar(.int(1))]) == .int64)
        #expect(DType.resultType([.tensor(.float32, dim: 1), .tensor(.float64, dim: 0)]) == .float32)
    }
}

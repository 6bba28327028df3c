import Testing
@testable import MiniTorch

/// Expected text: /work/shared/conformance/torch.jsonl (PyTorch 2.15.0 CPU), topics create and print.
@Suite struct FormatTensorTests {
    // create/01: torch.Tensor([1, 2]); print(a); print(a.type())
    @Test func legacyFloat() throws {
        let a = try T([1, 2], .float32)
        #expect(P(a) == "tensor([1., 2.])")
        #expect(a.dtype.typeString == "torch.FloatTensor")
    }
    // create/04: print(torch.Tensor()); torch.tensor(3.5)
    @Test func emptyAndScalar() throws {
        #expect(P(try Tensor.zeros([0])) == "tensor([])")
        #expect(P(try T(3.5)) == "tensor(3.5000)")
        #expect(try T(3.5).item() == .double(3.5))
    }
    // create/05
    @Test func inference() throws {
        #expect(P(try T([1, 2.5])) == "tensor([1.0000, 2.5000])")
        #expect(try T([true, false]).dtype.description == "torch.bool")
        #expect(P(try T([1, 2], .float64)) == "tensor([1., 2.], dtype=torch.float64)")
    }
    // create/07
    @Test func creation() throws {
        #expect(P(try Tensor.zeros([2, 3])) == "tensor([[0., 0., 0.],\n        [0., 0., 0.]])")
        #expect(P(try Tensor.ones([2], dtype: .int64)) == "tensor([1, 1])")
        #expect(P(try Tensor.full([2, 2], .double(7))) == "tensor([[7., 7.],\n        [7., 7.]])")
        #expect(P(try Tensor.arange(.int(5))) == "tensor([0, 1, 2, 3, 4])")
        #expect(P(try Tensor.arange(.int(1), .int(4), .double(0.5))) == "tensor([1.0000, 1.5000, 2.0000, 2.5000, 3.0000, 3.5000])")
        #expect(P(try Tensor.linspace(.int(0), .int(1), steps: 5)) == "tensor([0.0000, 0.2500, 0.5000, 0.7500, 1.0000])")
        #expect(P(try Tensor.eye(3)) == "tensor([[1., 0., 0.],\n        [0., 1., 0.],\n        [0., 0., 1.]])")
        #expect(P(Tensor.zerosLike(try T([[1, 2]]))) == "tensor([[0, 0]])")
        #expect(P(Tensor.onesLike(try T([1.5]))) == "tensor([1.])")
    }
    // create/09: torch.tensor([[1, 2], [3, 4, 5]])
    @Test func raggedError() throws {
        let e = errorOf { try T([[1, 2], [3, 4, 5]]) }
        #expect(e == TensorError(.value, "expected sequence of length 2 at dim 1 (got 3)"))
    }
    // print/01
    @Test func sciMode() throws {
        #expect(P(try T([1e-5, 1e5])) == "tensor([1.0000e-05, 1.0000e+05])")
        #expect(P(try T([0.1, 123456.0])) == "tensor([1.0000e-01, 1.2346e+05])")
        #expect(P(try T([100000000.0, 1.0])) == "tensor([1.0000e+08, 1.0000e+00])")
        #expect(P(try T([1.123456789])) == "tensor([1.1235])")
        #expect(P(try T([-1.5, 2.25])) == "tensor([-1.5000,  2.2500])")
    }
    // print/02
    @Test func dtypesAndNonFinite() throws {
        let x = try Tensor.arange(.double(12)).reshape([3, 4]).to(.float64)
        #expect(P(x) == "tensor([[ 0.,  1.,  2.,  3.],\n        [ 4.,  5.,  6.,  7.],\n        [ 8.,  9., 10., 11.]], dtype=torch.float64)")
        #expect(P(try Tensor.zeros([2, 3], dtype: .int32)) == "tensor([[0, 0, 0],\n        [0, 0, 0]], dtype=torch.int32)")
        #expect(P(try T([true, false])) == "tensor([ True, False])")
        #expect(P(try T([1.0, Double.nan, Double.infinity, -Double.infinity])) == "tensor([1., nan, inf, -inf])")
    }
    // print/03
    @Test func summarizeAndWrap() throws {
        #expect(P(try Tensor.arange(.int(2000))) == "tensor([   0,    1,    2,  ..., 1997, 1998, 1999])")
        #expect(P(try Tensor.arange(.double(30))) == """
        tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
                28., 29.])
        """)
    }
    // print/04
    @Test func threeD() throws {
        #expect(P(try Tensor.arange(.int(24)).reshape([2, 3, 4])) == """
        tensor([[[ 0,  1,  2,  3],
                 [ 4,  5,  6,  7],
                 [ 8,  9, 10, 11]],

                [[12, 13, 14, 15],
                 [16, 17, 18, 19],
                 [20, 21, 22, 23]]])
        """)
        #expect(P(try Tensor.arange(.double(8)).reshape([2, 2, 2]).div(.int(3))) == """
        tensor([[[0.0000, 0.3333],
                 [0.6667, 1.0000]],

                [[1.3333, 1.6667],
                 [2.0000, 2.3333]]])
        """)
    }
    // print/05
    @Test func gradSuffixes() throws {
        let x = try T([[1.5, 2], [3, 4]])
        try x.setRequiresGrad(true)
        #expect(P(x) == "tensor([[1.5000, 2.0000],\n        [3.0000, 4.0000]], requires_grad=True)")
        #expect(P(try x.mul(.int(2))) == "tensor([[3., 4.],\n        [6., 8.]], grad_fn=<MulBackward0>)")
        #expect(P(try x.mul(.int(2)).sum()) == "tensor(21., grad_fn=<SumBackward0>)")
    }
    // print/06
    @Test func widths() throws {
        #expect(P(try T([[-100, 5], [3, 12345]])) == "tensor([[ -100,     5],\n        [    3, 12345]])")
        #expect(P(try T([0.0001, 0.5])) == "tensor([1.0000e-04, 5.0000e-01])")
        #expect(P(try T([1000.5, 2.0])) == "tensor([1000.5000,    2.0000])")
        #expect(TensorFormatter.sizeString(try T([Double]()).shape) == "torch.Size([0])")
        #expect(P(try Tensor.zeros([0, 3])) == "tensor([], size=(0, 3))")
    }
    @Test func pythonFloat() {
        #expect(formatPythonFloat(3.5) == "3.5")
        #expect(formatPythonFloat(1e-5) == "1e-05")
        #expect(formatPythonFloat(1.0) == "1.0")
        #expect(formatPythonFloat(1e16) == "1e+16")
        #expect(formatPythonFloat(123456789012345.0) == "123456789012345.0")
        #expect(formatPythonFloat(0.1) == "0.1")
        #expect(formatPythonFloat(-2.5e-7) == "-2.5e-07")
        #expect(formatPythonFloat(Double(Float(0.1))) == "0.10000000149011612")
    }
}

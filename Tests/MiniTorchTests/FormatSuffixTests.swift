import Testing
@testable import MiniTorch

/// Suffix placement (`_add_suffixes`): expected strings are repr() output of torch 2.15.0 for the quoted snippets.
@Suite struct FormatSuffixTests {
    @Test func wrapping() throws {
        // torch.arange(10, dtype=torch.float64)*1.123
        let a = try Tensor.arange(.int(10), dtype: .float64).mul(.double(1.123))
        #expect(P(a) == "tensor([ 0.0000,  1.1230,  2.2460,  3.3690,  4.4920,  5.6150,  6.7380,  7.8610,\n         8.9840, 10.1070], dtype=torch.float64)")
        // b=torch.arange(7, dtype=torch.float64)*1.123; b.requires_grad_(); b*2
        let b = try Tensor.arange(.int(7), dtype: .float64).mul(.double(1.123))
        try b.setRequiresGrad(true)
        #expect(P(try b.mul(.int(2))) == "tensor([ 0.0000,  2.2460,  4.4920,  6.7380,  8.9840, 11.2300, 13.4760],\n       dtype=torch.float64, grad_fn=<MulBackward0>)")
        // torch.arange(6, dtype=torch.int32)*1000000
        let d = try Tensor.arange(.int(6), dtype: .int32).mul(.int(1000000))
        #expect(P(d) == "tensor([      0, 1000000, 2000000, 3000000, 4000000, 5000000],\n       dtype=torch.int32)")
        // torch.ones(2,3,dtype=torch.float64,requires_grad=True)
        let e = try Tensor.ones([2, 3], dtype: .float64)
        try e.setRequiresGrad(true)
        #expect(P(e) == "tensor([[1., 1., 1.],\n        [1., 1., 1.]], dtype=torch.float64, requires_grad=True)")
        // torch.zeros(0,dtype=torch.int64); torch.zeros(2,0,dtype=torch.int32)
        #expect(P(try Tensor.zeros([0], dtype: .int64)) == "tensor([], dtype=torch.int64)")
        #expect(P(try Tensor.zeros([2, 0], dtype: .int32)) == "tensor([], size=(2, 0), dtype=torch.int32)")
        // torch.tensor(2.5, dtype=torch.float64, requires_grad=True) * 2
        let h = try T(2.5, .float64)
        try h.setRequiresGrad(true)
        #expect(P(try h.mul(.int(2))) == "tensor(5., dtype=torch.float64, grad_fn=<MulBackward0>)")
        // cuda tensors show the device first: tensor([1., 2.], device='cuda:0')
        let c = try T([1.0, 2.0]).to(device: .cuda(0))
        #expect(P(c) == "tensor([1., 2.], device='cuda:0')")
    }
}

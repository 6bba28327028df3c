import Testing
@testable import MiniTorch

/// In-place ops and autograd. Expected values: PyTorch 2.15.0 output of the snippets in comments.
@Suite struct ElementwiseInplaceTests {
    func leaf(_ v: [Double]) throws -> Tensor { let t = try T(v); try t.setRequiresGrad(true); return t }

    @Test func viewOfLeaf() throws {
        // x=torch.ones(3,requires_grad=True); x[0]=5 / x[0].add_(1)
        let x = try leaf([1, 1, 1])
        let msg = "a view of a leaf Variable that requires grad is being used in an in-place operation."
        #expect(errorOf { try x.indexPut([.int(0)], .int(5)) } == TensorError(.runtime, msg))
        #expect(errorOf { try x.index([.int(0)]).add_(.int(1)) } == TensorError(.runtime, msg))
    }
    @Test func copySlices() throws {
        // y=x*2; y[0]=0; y.sum().backward() → x.grad tensor([0., 2., 2.]), y tensor([0., 2., 2.], grad_fn=<CopySlices>)
        let x = try leaf([1, 1, 1])
        let y = try x.mul(.int(2))
        try y.indexPut([.int(0)], .int(0))
        #expect(P(y) == "tensor([0., 2., 2.], grad_fn=<CopySlices>)")
        let g = try y.gradFn!.apply([T([1.0, 1.0, 1.0])])
        #expect(g[0]?.toDoubleArray() == [0, 1, 1])
        // y=x*2; y[1:].mul_(3) → CopySlices; gradient wrt y's old value [1, 3, 3]
        let y2 = try x.mul(.int(2))
        try y2.index([.slice(1, nil, nil)]).mul_(.int(3))
        #expect(y2.gradFn?.name == "CopySlices")
        #expect(try y2.gradFn!.apply([T([1.0, 1.0, 1.0])])[0]?.toDoubleArray() == [1, 3, 3])
    }
    @Test func indexPutBackward() throws {
        // w=torch.tensor([2.,3.],requires_grad=True); y=x*1; y[[0,2]]=w → IndexPutBackward0; grads x [0,1,0], w [1,1]
        let x = try leaf([1, 1, 1]), w = try leaf([2, 3])
        let y = try x.mul(.int(1))
        try y.indexPut([.tensor(T([0, 2]))], w)
        #expect(y.gradFn?.name == "IndexPutBackward0")
        let g = try y.gradFn!.apply([T([1.0, 1.0, 1.0])])
        #expect(g[0]?.toDoubleArray() == [0, 1, 0])
        #expect(g[1]?.toDoubleArray() == [1, 1])
    }
    @Test func inplaceNodes() throws {
        // y=x.exp(); y.add_(1) → grad_fn AddBackward0 with next_functions ((ExpBackward0, 0), (None, 0))
        let x = try leaf([1, 1, 1])
        let y = try x.exp()
        try y.add_(.int(1))
        #expect(y.gradFn?.name == "AddBackward0")
        #expect(y.gradFn?.nextFunctions.map { $0.0?.name ?? "None" } == ["ExpBackward0", "None"])
        // y=x*2; y.zero_() → tensor([0., 0., 0.], grad_fn=<ZeroBackward0>)
        let z = try x.mul(.int(2))
        try z.zero_()
        #expect(P(z) == "tensor([0., 0., 0.], grad_fn=<ZeroBackward0>)")
        #expect(y.version == 1)
    }
}

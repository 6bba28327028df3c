import Testing
@testable import MiniTorch

/// The op table binds function and method forms to one entry. Expected texts are PyTorch 2.15.0's output for the
/// snippets quoted in comments.
@Suite struct CoreOpTableTests {
    func tensorOf(_ v: OpValue) -> Tensor? { if case .tensor(let t) = v { return t } else { return nil } }

    @Test func functionAndMethodAgree() throws {
        let x = try Tensor.arange(.int(6))
        // torch.add(x, 2, alpha=3) and x.add(2, alpha=3) → tensor([ 6,  7,  8,  9, 10, 11])
        let f = try OpTable.call("add", args: [.tensor(x), .int(2)], kwargs: [("alpha", .int(3))])
        let m = try OpTable.call("add", self: x, args: [.int(2)], kwargs: [("alpha", .int(3))])
        #expect(P(tensorOf(f)!) == "tensor([ 6,  7,  8,  9, 10, 11])")
        #expect(P(tensorOf(m)!) == P(tensorOf(f)!))
    }
    @Test func sizesVarargs() throws {
        let x = try Tensor.arange(.int(6))
        // x.view(2, 3) and x.view((2, 3))
        #expect(tensorOf(try OpTable.call("view", self: x, args: [.int(2), .int(3)]))?.shape == [2, 3])
        #expect(tensorOf(try OpTable.call("view", self: x, args: [.list([.int(3), .int(2)])]))?.shape == [3, 2])
        #expect(tensorOf(try OpTable.call("zeros", args: [.int(2), .int(3)], kwargs: [("dtype", .dtype(.int32))]))?.dtype == .int32)
    }
    @Test func maxOverloads() throws {
        let x = try T([[1, 5], [7, 2]])
        // print(torch.max(x, dim=1)) → torch.return_types.max(values=tensor([5, 7]), indices=tensor([1, 0]))
        guard case .valuesIndices(let r) = try OpTable.call("max", args: [.tensor(x)], kwargs: [("dim", .int(1))]) else {
            Issue.record("expected return_types"); return
        }
        #expect(r.description == "torch.return_types.max(\nvalues=tensor([5, 7]),\nindices=tensor([1, 0]))")
        #expect(P(tensorOf(try OpTable.call("max", self: x, args: []))!) == "tensor(7)")
        // x.std(0, keepdim=True) on floats; torch.sum(x, dim=(0, 1))
        #expect(P(tensorOf(try OpTable.call("sum", args: [.tensor(x)], kwargs: [("dim", .list([.int(0), .int(1)]))]))!) == "tensor(15)")
    }
    @Test func bindingErrors() throws {
        let x = try T([1.0])
        #expect(errorOf { try OpTable.call("add", self: x, args: [.int(1)], kwargs: [("foo", .int(1))]) } == TensorError(.type, "add() got an unexpected keyword argument 'foo'"))
        #expect(errorOf { try OpTable.call("transpose", self: x, args: [.int(0)]) } == TensorError(.type, "transpose() missing 1 required positional arguments: \"dim1\""))
        #expect(errorOf { try OpTable.call("unsqueeze", self: x, args: [.double(1.5)]) } == TensorError(.type, "unsqueeze(): argument 'dim' (position 1) must be int, not float"))
    }
    @Test func tensorFromData() throws {
        // torch.tensor([[1, 2], [3, 4]], dtype=torch.float64)
        let t = try OpTable.call("tensor", args: [.list([.list([.int(1), .int(2)]), .list([.int(3), .int(4)])])], kwargs: [("dtype", .dtype(.float64))])
        #expect(P(tensorOf(t)!) == "tensor([[1., 2.],\n        [3., 4.]], dtype=torch.float64)")
        let chunks = try OpTable.call("chunk", self: Tensor.arange(.int(5)), args: [.int(2)])
        if case .list(let l) = chunks { #expect(l.count == 3 - 1 + 0) } else { Issue.record("chunk result") }
    }
}

/// create/01, create/04, create/05: legacy constructors and conversions through the table.
@Suite struct CoreOpTableLegacyTests {
    func tensorOf(_ v: OpValue) -> Tensor? { if case .tensor(let t) = v { return t } else { return nil } }
    @Test func legacy() throws {
        // torch.Tensor([1, 2]) → tensor([1., 2.]); torch.Tensor(2, 3).shape → torch.Size([2, 3]); torch.Tensor() → tensor([])
        #expect(P(tensorOf(try OpTable.call("Tensor", args: [.list([.int(1), .int(2)])]))!) == "tensor([1., 2.])")
        #expect(tensorOf(try OpTable.call("Tensor", args: [.int(2), .int(3)]))?.shape == [2, 3])
        #expect(P(tensorOf(try OpTable.call("Tensor", args: []))!) == "tensor([])")
        // torch.LongTensor([3, 4]).dtype → torch.int64; torch.DoubleTensor([1]).type() → torch.DoubleTensor
        #expect(tensorOf(try OpTable.call("LongTensor", args: [.list([.int(3), .int(4)])]))?.dtype == .int64)
        let d = tensorOf(try OpTable.call("DoubleTensor", args: [.list([.int(1)])]))!
        if case .string(let s) = try OpTable.call("type", self: d, args: []) { #expect(s == "torch.DoubleTensor") } else { Issue.record("type()") }
        // torch.tensor([1, 2]).float() / .to(torch.float64)
        #expect(tensorOf(try OpTable.call("float", self: T([1, 2]), args: []))?.dtype == .float32)
        #expect(tensorOf(try OpTable.call("to", self: T([1, 2]), args: [.dtype(.float64)]))?.dtype == .float64)
    }
}

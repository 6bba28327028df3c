import Testing
@testable import MiniTorch

/// gather / scatter / index_select / take_along_dim / index_add / one_hot.
/// Expected values and messages: PyTorch 2.15 — the conformance cases in ../shared/conformance/torch.jsonl
/// (ids in comments) and snippets run through /work/venv/bin/python (shown in comments).
@Suite struct IndexOpsTests {
    func L(_ v: [Int64], _ shape: [Int]) -> Tensor { Tensor(v, shape: shape) }
    func I(_ v: [Int64]) -> Tensor { Tensor(v, shape: [v.count]) }
    func F(_ v: [Float], _ shape: [Int]) -> Tensor { Tensor(v, shape: shape) }
    func D(_ v: [Double], _ shape: [Int]) -> Tensor { Tensor(v, shape: shape) }
    var x23: Tensor { L([1, 2, 3, 4, 5, 6], [2, 3]) }       // torch.tensor([[1, 2, 3], [4, 5, 6]])
    var z23: Tensor { F([0, 0, 0, 0, 0, 0], [2, 3]) }       // torch.zeros(2, 3)
    func rt(_ m: String) -> TensorError { .runtime(m) }
    func ix(_ m: String) -> TensorError { .index(m) }

    // MARK: gather

    // gather/01
    @Test func gatherValues() throws {
        let g = try x23.gather(1, L([0, 0, 1, 0], [2, 2]))
        #expect(g.shape == [2, 2] && g.toInt64Array() == [1, 1, 5, 4])
        #expect(try x23.gather(0, L([1, 0, 1], [1, 3])).toInt64Array() == [4, 2, 6])
    }

    // gather/03: x = torch.arange(24).reshape(2, 3, 4); torch.gather(x, 2, i); torch.gather(x, -1, i).shape
    @Test func gather3D() throws {
        let x = L((0..<24).map { Int64($0) }, [2, 3, 4])
        let i = L([0, 1, 2, 3, 3, 2, 1, 0], [2, 1, 4])
        #expect(try x.gather(2, i).toInt64Array() == [0, 1, 2, 3, 15, 14, 13, 12])
        #expect(try x.gather(-1, i).shape == [2, 1, 4])
    }

    // gather/r04 and gather/r08 (non-trivial dims, negative dim)
    @Test func gatherRecorded() throws {
        let x = D([1.0, -1.5, -1.0, 0.0, 2.5, 0.5, 2.5, -1.0, 0.5, -3.5, 1.0, 2.0], [2, 2, 3])
        let out = try x.gather(-2, L([0, 1, 0, 0, 1, 1], [1, 2, 3]))
        #expect(out.toDoubleArray() == [1.0, 2.5, -1.0, 1.0, 2.5, 0.5])
        // torch.gather(torch.tensor([-3.5, -3.0, 0.5]), 0, torch.tensor([1, 2, 0, 2])) -> [-3.0, 0.5, -3.5, 0.5]  (gather/r00)
        #expect(try D([-3.5, -3.0, 0.5], [3]).gather(0, I([1, 2, 0, 2])).toDoubleArray() == [-3.0, 0.5, -3.5, 0.5])
    }

    // torch.gather(x, 1, torch.tensor([[0, 1, 2, 0, 1]])) -> tensor([[1, 2, 3, 1, 2]]); int32 index accepted;
    // torch.gather(torch.tensor(5), 0, torch.tensor(0)) -> tensor(5); on a non-contiguous input (x.t())
    @Test func gatherEdgeCases() throws {
        #expect(try x23.gather(1, L([0, 1, 2, 0, 1], [1, 5])).toInt64Array() == [1, 2, 3, 1, 2])
        #expect(try x23.gather(1, Tensor([Int32(0)], shape: [1, 1])).toInt64Array() == [1])
        let s = try L([5], []).gather(0, L([0], []))
        #expect(s.shape == [] && s.toInt64Array() == [5])
        #expect(try L([5, 6], [2]).gather(0, L([1], [])).toInt64Array() == [6])
        let t = try x23.transpose(0, 1)   // [[1, 4], [2, 5], [3, 6]]
        #expect(try t.gather(1, L([1, 0, 0], [3, 1])).toInt64Array() == [4, 2, 3])
        let e = try x23.gather(1, F([], [2, 0]))
        #expect(e.shape == [2, 0] && e.dtype == .int64)
    }

    // gather/04, 05, 06, 07 and probes
    @Test func gatherErrors() {
        #expect(throws: rt("index 3 is out of bounds for dimension 1 with size 3")) { try x23.gather(1, L([3], [1, 1])) }
        #expect(throws: rt("index -1 is out of bounds for dimension 1 with size 3")) { try x23.gather(1, L([-1], [1, 1])) }
        #expect(throws: rt("index 7 is out of bounds for dimension 1 with size 3")) { try x23.gather(1, L([0, 7, 9, 0], [2, 2])) }
        #expect(throws: rt("Index tensor must have the same number of dimensions as input tensor")) { try x23.gather(1, I([0, 1])) }
        #expect(throws: rt("Index tensor must have the same number of dimensions as input tensor")) { try x23.gather(1, L([0], [1, 1, 1])) }
        #expect(throws: rt("gather(): Expected dtype int32/int64 for index")) { try x23.gather(1, F([0], [1, 1])) }
        #expect(throws: rt("gather(): Expected dtype int32/int64 for index")) { try x23.gather(1, Tensor([true], shape: [1, 1])) }
        #expect(throws: rt("Size does not match at dimension 1 expected index [1, 4] to be no larger than self [2, 3] apart from dimension 0")) {
            try x23.gather(0, L([0, 0, 0, 0], [1, 4]))
        }
        #expect(throws: ix("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) { try x23.gather(2, L([0], [1, 1])) }
        #expect(throws: ix("Dimension out of range (expected to be in range of [-2, 1], but got -3)")) { try x23.gather(-3, L([0], [1, 1])) }
    }

    // MARK: scatter

    // scatter/01, scatter/02
    @Test func scatterSrc() throws {
        let src = L((1...10).map { Int64($0) }, [2, 5])
        let z = L([Int64](repeating: 0, count: 15), [3, 5])
        try z.scatter_(0, L([0, 1, 2, 0], [1, 4]), src)
        #expect(z.toInt64Array() == [1, 0, 0, 4, 0, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0])
        let z2 = L([Int64](repeating: 0, count: 15), [3, 5])
        try z2.scatter_(1, L([0, 1, 2, 0, 1, 4], [2, 3]), src)
        #expect(z2.toInt64Array() == [1, 2, 3, 0, 0, 6, 7, 0, 0, 8, 0, 0, 0, 0, 0])
    }

    // scatter/03: torch.full((2, 4), 2.).scatter_(1, torch.tensor([[2], [3]]), 1.23, reduce='multiply' / 'add')
    @Test func scatterValueReduce() throws {
        let a = F([Float](repeating: 2, count: 8), [2, 4])
        try a.scatter_(1, L([2, 3], [2, 1]), value: .double(1.23), reduce: "multiply")
        #expect(a.toDoubleArray().map { Float($0) } == [2, 2, 2 * Float(1.23), 2, 2, 2, 2, 2 * Float(1.23)])
        let b = F([Float](repeating: 2, count: 8), [2, 4])
        try b.scatter_(1, L([2, 3], [2, 1]), value: .double(1.23), reduce: "add")
        #expect(b.toDoubleArray().map { Float($0) } == [2, 2, 2 + Float(1.23), 2, 2, 2, 2, 2 + Float(1.23)])
        // torch.full((3,), 2).scatter(0, torch.tensor([1, 1]), 3, reduce='multiply') -> tensor([ 2, 18,  2])
        #expect(try L([2, 2, 2], [3]).scatter(0, I([1, 1]), value: .int(3), reduce: "multiply").toInt64Array() == [2, 18, 2])
        // torch.zeros(3, dtype=torch.long).scatter(0, torch.tensor([1]), 2.7) -> tensor([0, 2, 0])
        #expect(try L([0, 0, 0], [3]).scatter(0, I([1]), value: .double(2.7)).toInt64Array() == [0, 2, 0])
    }

    // scatter/04 (one-hot by scatter_), scatter/08 (out of place leaves self alone)
    @Test func scatterOneHotAndOutOfPlace() throws {
        let oh = F([Float](repeating: 0, count: 12), [3, 4])
        try oh.scatter_(1, try I([2, 0, 1]).unsqueeze(1), value: .double(1))
        #expect(oh.toDoubleArray() == [0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0])
        let x = F([Float](repeating: 0, count: 9), [3, 3])
        let y = try x.scatter(0, L([2, 1, 0], [1, 3]), F([7, 8, 9], [1, 3]))
        #expect(x.toDoubleArray().allSatisfy { $0 == 0 })
        #expect(y.toDoubleArray() == [0, 0, 9, 0, 8, 0, 7, 0, 0])
        // F.one_hot(torch.tensor([2, 0, 1]), 4) and F.one_hot(torch.tensor([2, 0]))
        #expect(try I([2, 0, 1]).oneHot(numClasses: 4).toInt64Array() == [0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0])
        #expect(try I([2, 0]).oneHot().shape == [2, 3])
    }

    // scatter/05 and scatter/add00..03
    @Test func scatterAdd() throws {
        let x = F([0, 0, 0, 0, 0], [5])
        try x.scatterAdd_(0, I([0, 1, 0, 4, 0]), F([1, 2, 3, 4, 5], [5]))
        #expect(x.toDoubleArray() == [9, 2, 0, 0, 4])
        #expect(try z23.scatterAdd(1, L([0, 0, 2, 2], [2, 2]), F([1, 1, 1, 1], [2, 2])).toDoubleArray() == [2, 0, 0, 0, 0, 2])
        let ones = F([Float](repeating: 1, count: 8), [4, 2])
        let r = try ones.scatterAdd(0, L([2, 0, 3, 2], [4, 1]), F([2, -3, -1.5, 0], [4, 1]))
        #expect(r.toDoubleArray() == [-2, 1, 1, 1, 3, 1, -0.5, 1])
        let r3 = try F([Float](repeating: 1, count: 24), [3, 2, 4]).scatterAdd(2, L([2, 2, 2, 1, 1, 0, 3, 2, 2], [3, 1, 3]),
                                                                                F([3.5, -1, 3, 1.5, 3.5, -1, -1, 1.5, 3.5], [3, 1, 3]))
        #expect(r3.toDoubleArray() == [1, 1, 6.5, 1, 1, 1, 1, 1, 0, 6, 1, 1, 1, 1, 1, 1, 1, 1, 6, 0, 1, 1, 1, 1])
        // torch.tensor([1, 2], dtype=torch.int32).scatter_add(0, torch.tensor([1, 1]), torch.tensor([5, 6], dtype=torch.int32))
        #expect(try Tensor([Int32(1), 2], shape: [2]).scatterAdd(0, I([1, 1]), Tensor([Int32(5), 6], shape: [2])).toInt64Array() == [1, 13])
    }

    // scatter/06
    @Test func scatterReduce() throws {
        let src = F([1, 2, 3, 4, 5, 6], [6]), index = I([0, 1, 0, 1, 2, 1]), input = F([1, 2, 3, 4], [4])
        #expect(try input.scatterReduce(0, index, src, reduce: "sum").toDoubleArray() == [5, 14, 8, 4])
        #expect(try input.scatterReduce(0, index, src, reduce: "sum", includeSelf: false).toDoubleArray() == [4, 12, 5, 4])
        #expect(try input.scatterReduce(0, index, src, reduce: "amax").toDoubleArray() == [3, 6, 5, 4])
        #expect(try input.scatterReduce(0, index, src, reduce: "amax", includeSelf: false).toDoubleArray() == [3, 6, 5, 4])
        #expect(try input.scatterReduce(0, index, src, reduce: "prod").toDoubleArray() == [3, 96, 15, 4])
        let mean = try input.scatterReduce(0, index, src, reduce: "mean").toDoubleArray().map { Float($0) }
        #expect(mean == [Float(5) / 3, 3.5, 4, 4])
        #expect(try input.scatterReduce(0, index, src, reduce: "amin", includeSelf: false).toDoubleArray() == [1, 2, 5, 4])
        // torch.tensor([1, 2, 3]).scatter_reduce(0, torch.tensor([0, 0]), torch.tensor([4, 5]), reduce='mean') -> tensor([3, 2, 3])
        #expect(try L([1, 2, 3], [3]).scatterReduce(0, I([0, 0]), L([4, 5], [2]), reduce: "mean").toInt64Array() == [3, 2, 3])
        #expect(try L([1, 2, 3], [3]).scatterReduce(0, I([0, 0]), L([4, 5], [2]), reduce: "mean", includeSelf: false).toInt64Array() == [4, 2, 3])
        // torch.tensor([0, 0]).scatter_reduce(0, torch.tensor([0, 0]), torch.tensor([-3, -4]), reduce='mean') -> tensor([-3,  0]) (floor)
        #expect(try L([0, 0], [2]).scatterReduce(0, I([0, 0]), L([-3, -4], [2]), reduce: "mean").toInt64Array() == [-3, 0])
        // torch.ones(3).scatter_reduce(0, torch.tensor([0, 0]), torch.tensor([2., 3.]), reduce='prod', include_self=False) -> [6., 1., 1.]
        #expect(try F([1, 1, 1], [3]).scatterReduce(0, I([0, 0]), F([2, 3], [2]), reduce: "prod", includeSelf: false).toDoubleArray() == [6, 1, 1])
        // NaN propagates through amax; 'max'/'min' are accepted as amax/amin
        let n = try F([1, 9, 3], [3]).scatterReduce(0, I([1, 1]), F([.nan, 3], [2]), reduce: "amax").toDoubleArray()
        #expect(n[0] == 1 && n[1].isNaN && n[2] == 3)
        #expect(try F([5, 5], [2]).scatterReduce(0, I([0, 0]), F([2, 9], [2]), reduce: "max").toDoubleArray() == [9, 5])
        #expect(try F([5, 5], [2]).scatterReduce(0, I([0, 0]), F([2, 9], [2]), reduce: "min").toDoubleArray() == [2, 5])
    }

    // scatter/07, scatter/09 and probes (PyTorch 2.15)
    @Test func scatterErrors() throws {
        let i01 = L([0, 1], [1, 2])
        #expect(throws: rt("index 3 is out of bounds for dimension 1 with size 3")) { try z23.scatter_(1, L([3], [1, 1]), value: .double(1)) }
        #expect(throws: rt("index -1 is out of bounds for dimension 1 with size 3")) { try z23.scatter(1, L([-1], [1, 1]), value: .double(1)) }
        #expect(throws: rt("scatter(): Expected self.dtype to be equal to src.dtype")) { try z23.scatter_(1, i01, L([1, 2], [1, 2])) }
        #expect(throws: rt("Index tensor must have the same number of dimensions as self tensor")) { try z23.scatter(1, I([0, 1]), F([1, 1, 1, 1, 1, 1], [2, 3])) }
        #expect(throws: ix("Dimension out of range (expected to be in range of [-1, 0], but got 1)")) { try z23.scatter(1, i01, F([1, 1], [2])) }
        #expect(throws: rt("Index tensor must have the same number of dimensions as src tensor")) { try z23.scatter(1, i01, F([5], [])) }
        #expect(throws: rt("Expected index [1, 4] to be no larger than self [2, 3] apart from dimension 0 and to be no larger size than src [2, 4]")) {
            try z23.scatter(0, L([0, 1, 0, 1], [1, 4]), F([Float](repeating: 1, count: 8), [2, 4]))
        }
        #expect(throws: rt("Expected index [2, 2] to be no larger than self [2, 3] apart from dimension 1 and to be no larger size than src [1, 2]")) {
            try z23.scatter(1, L([0, 1, 0, 1], [2, 2]), F([1, 1], [1, 2]))
        }
        #expect(throws: rt("Expected index [1, 4] to be no larger than self [2, 3] apart from dimension 0")) {
            try z23.scatter(0, L([0, 1, 0, 1], [1, 4]), value: .double(1))
        }
        #expect(throws: rt("scatter(): Expected dtype int32/int64 for index")) { try z23.scatter(1, F([0], [1, 1]), F([1], [1, 1])) }
        #expect(throws: rt("scatter(): Expected dtype int32/int64 for index")) { try z23.scatter(1, F([0], [1, 1]), value: .double(1)) }
        #expect(throws: rt("reduce argument must be either add or multiply.")) { try z23.scatter(1, L([0], [1, 1]), value: .double(1), reduce: "max") }
        #expect(throws: rt("reduce argument must be either add or multiply.")) { try z23.scatter(1, L([7], [1, 1]), value: .double(1), reduce: "max") }
        #expect(throws: rt("Expected index [3, 4] to be no larger than self [2, 3] apart from dimension 1")) {
            try z23.scatter(1, L([Int64](repeating: 0, count: 12), [3, 4]), value: .double(1), reduce: "max")
        }
        #expect(throws: ix("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) { try z23.scatter(2, L([0], [1, 1]), value: .double(1)) }
        // scatter_add and scatter_reduce share scatter's checks and "scatter()" prefix
        #expect(throws: rt("scatter(): Expected self.dtype to be equal to src.dtype")) { try z23.scatterAdd(1, L([0], [1, 1]), D([1], [1, 1])) }
        #expect(throws: rt("scatter(): Expected dtype int32/int64 for index")) { try z23.scatterAdd(1, F([0], [1, 1]), F([1], [1, 1])) }
        #expect(throws: rt("index 5 is out of bounds for dimension 1 with size 3")) { try z23.scatterAdd(1, L([5], [1, 1]), F([1], [1, 1])) }
        #expect(throws: rt("Index tensor must have the same number of dimensions as self tensor")) { try z23.scatterAdd(1, I([0, 1]), F([Float](repeating: 1, count: 6), [2, 3])) }
        #expect(throws: rt("reduce argument must be either sum, prod, mean, amax or amin, got foo")) {
            try z23.scatterReduce(1, L([0], [1, 1]), F([1], [1, 1]), reduce: "foo")
        }
        #expect(throws: rt("reduce argument must be either sum, prod, mean, amax or amin, got add")) {
            try z23.scatterReduce(1, L([0], [1, 1]), F([1], [1, 1]), reduce: "add")
        }
        #expect(throws: rt("index 3 is out of bounds for dimension 1 with size 3")) {
            try z23.scatterReduce(1, L([3], [1, 1]), F([1], [1, 1]), reduce: "amax")
        }
        // empty index: nothing to check or write
        #expect(try F([0, 0], [2]).scatter(0, L([], [0]), value: .double(1)).toDoubleArray() == [0, 0])
    }

    // MARK: index_select / take_along_dim / index_add

    // select/01
    @Test func indexSelectAndTakeAlongDim() throws {
        let x = L((0..<12).map { Int64($0) }, [3, 4])
        #expect(try x.indexSelect(0, I([2, 0])).toInt64Array() == [8, 9, 10, 11, 0, 1, 2, 3])
        let c = try x.indexSelect(1, I([1, 1, 3]))
        #expect(c.shape == [3, 3] && c.toInt64Array() == [1, 1, 3, 5, 5, 7, 9, 9, 11])
        #expect(try x.takeAlongDim(L([0, 1, 3], [3, 1]), dim: 1).toInt64Array() == [0, 5, 11])
        // torch.index_select(x23, 1, torch.tensor(2)) -> [[3], [6]]; int32 index; 0-dim input
        #expect(try x23.indexSelect(1, L([2], [])).toInt64Array() == [3, 6])
        #expect(try x23.indexSelect(1, Tensor([Int32(2), 0], shape: [2])).toInt64Array() == [3, 1, 6, 4])
        // take_along_dim: broadcasting, no dim (flattened), and 2.15's wrap-around along dim
        #expect(try x23.takeAlongDim(L([2, 0], [1, 2]), dim: 1).toInt64Array() == [3, 1, 6, 4])
        #expect(try x23.takeAlongDim(L([2, 1], [2, 1]), dim: 0).toInt64Array() == [1, 2, 3, 4, 5, 6])
        #expect(try x23.takeAlongDim(I([5, 0])).toInt64Array() == [6, 1])
        #expect(try x23.takeAlongDim(L([3], [1, 1]), dim: 1).toInt64Array() == [1, 4])
        #expect(try x23.takeAlongDim(L([-4], [1, 1]), dim: 1).toInt64Array() == [3, 6])
        #expect(try x23.takeAlongDim(L([100], [1, 1]), dim: 1).toInt64Array() == [2, 5])
    }

    @Test func indexSelectErrors() {
        #expect(throws: rt("index_select(): Expected dtype int32 or int64 for index")) { try x23.indexSelect(0, F([0], [1])) }
        #expect(throws: rt("index_select(): Expected dtype int32 or int64 for index")) { try x23.indexSelect(1, F([], [0])) }
        #expect(throws: ix("index_select(): Index is supposed to be a vector")) { try x23.indexSelect(0, L([0], [1, 1])) }
        #expect(throws: ix("index out of range in self")) { try x23.indexSelect(0, I([2])) }
        #expect(throws: ix("index out of range in self")) { try x23.indexSelect(0, I([-1])) }
        #expect(throws: ix("index out of range in self")) { try L([1, 2, 3], [3]).indexSelect(0, I([3])) }
        #expect(throws: rt("INDICES element is out of DATA bounds, id=-1 axis_dim=3")) { try x23.indexSelect(1, I([-1])) }
        #expect(throws: rt("INDICES element is out of DATA bounds, id=3 axis_dim=3")) { try z23.indexSelect(1, I([3])) }
        #expect(throws: rt("INDICES element is out of DATA bounds, id=-1 axis_dim=3")) { try F([Float](repeating: 0, count: 24), [2, 3, 4]).indexSelect(1, I([-1])) }
        #expect(throws: ix("index out of range in self")) { try F([Float](repeating: 0, count: 24), [2, 3, 4]).indexSelect(2, I([4])) }
        #expect(throws: ix("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) { try x23.indexSelect(2, I([0])) }
        #expect(throws: rt("index_select(): Index to scalar can have only 1 value, got 2 value(s)")) { try L([7], []).indexSelect(0, I([0, 0])) }
        #expect(throws: ix("index out of range in self")) { try L([7], []).indexSelect(0, I([1])) }
        // take_along_dim
        #expect(throws: rt("torch.take_along_dim(): input and indices should have the same number of dimensions, but got 2 dimensions for input, and 1 dimensions for indices")) {
            try x23.takeAlongDim(I([0]), dim: 1)
        }
        #expect(throws: rt("torch.take_along_dim(): dtype of indices should be Long but got Float")) { try x23.takeAlongDim(F([0], [1, 1]), dim: 1) }
        #expect(throws: rt("torch.take_along_dim(): dtype of indices should be Long but got Int")) { try x23.takeAlongDim(Tensor([Int32(0)], shape: [1, 1]), dim: 1) }
        #expect(throws: rt("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0")) {
            try x23.takeAlongDim(L([0, 1, 1], [3, 1]), dim: 1)
        }
        #expect(throws: rt("index 6 is out of bounds for dimension 0 with size 6")) { try x23.takeAlongDim(I([6])) }
        #expect(throws: rt("index -1 is out of bounds for dimension 0 with size 6")) { try x23.takeAlongDim(I([-1])) }
        #expect(throws: ix("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) { try x23.takeAlongDim(L([0], [1, 1]), dim: 2) }
    }

    // torch.zeros(3, 2).index_add_(0, torch.tensor([0, 2, 0]), torch.ones(3, 2), alpha=2) -> [[4, 4], [0, 0], [2, 2]]
    @Test func indexAdd() throws {
        let z = F([Float](repeating: 0, count: 6), [3, 2])
        try z.indexAdd_(0, I([0, 2, 0]), F([Float](repeating: 1, count: 6), [3, 2]), alpha: .int(2))
        #expect(z.toDoubleArray() == [4, 4, 0, 0, 2, 2])
        let ones13 = F([1, 1, 1], [1, 3])
        #expect(throws: rt("index_add_(): Expected dtype int32/int64 for index but got: Float")) { try z23.indexAdd_(0, F([0], [1]), ones13) }
        #expect(throws: rt("index_add_(): self (Float) and source (Double) must have the same scalar type")) { try z23.indexAdd_(0, I([0]), D([1, 1, 1], [1, 3])) }
        #expect(throws: rt("source tensor shape must match self tensor shape, excluding the specified dimension. Got self.shape = [2, 3] source.shape = [1, 2]")) {
            try z23.indexAdd_(0, I([0]), F([1, 1], [1, 2]))
        }
        #expect(throws: rt("index_add_(): Number of indices (2) should be equal to source.size(dim): (1), for dim: 0")) { try z23.indexAdd_(0, I([0, 1]), ones13) }
        #expect(throws: rt("index 5 is out of bounds for dimension 0 with size 2")) { try z23.indexAdd_(0, I([5]), ones13) }
        #expect(throws: ix("index_add_(): Index is supposed to be a vector, but got dim: 2 with type: Long and size: [1, 1]")) { try z23.indexAdd_(0, L([0], [1, 1]), ones13) }
    }

    // F.one_hot errors
    @Test func oneHotErrors() {
        #expect(throws: rt("Class values must be smaller than num_classes.")) { try I([2, 0, 5]).oneHot(numClasses: 4) }
        #expect(throws: rt("Class values must be non-negative.")) { try I([-1]).oneHot(numClasses: 4) }
        #expect(throws: rt("one_hot is only applicable to index tensor of type LongTensor.")) { try F([1], [1]).oneHot(numClasses: 4) }
    }

    /// The row-parallel path gives the serial results and reports the first bad index in row order.
    @Test func parallelRowsMatchSerial() throws {
        let n = 300
        let x = Tensor((0..<(n * n)).map { Float($0 % 97) }, shape: [n, n])
        let idx = Tensor((0..<(n * n)).map { Int64(($0 * 7919) % n) }, shape: [n, n])
        let serialG = try x.gather(1, idx).toDoubleArray(), serialS = try x.scatterAdd(1, idx, x).toDoubleArray()
        let serialS0 = try x.scatterAdd(0, idx, x).toDoubleArray()
        let saved = IndexKernels.parallelThreshold
        IndexKernels.parallelThreshold = 1
        defer { IndexKernels.parallelThreshold = saved }
        #expect(try x.gather(1, idx).toDoubleArray() == serialG)
        #expect(try x.scatterAdd(1, idx, x).toDoubleArray() == serialS)
        #expect(try x.scatterAdd(0, idx, x).toDoubleArray() == serialS0)
        var bad = (0..<(n * n)).map { Int64(($0 * 7919) % n) }
        bad[n * 200 + 5] = 999; bad[n * 250 + 1] = 777
        #expect(throws: rt("index 999 is out of bounds for dimension 1 with size 300")) { try x.gather(1, Tensor(bad, shape: [n, n])) }
    }

    // MARK: autograd (gather/08, scatter/10)

    @Test func gradients() throws {
        let x = F([1, 2, 3, 4], [2, 2])
        try x.setRequiresGrad(true)
        let y = try x.gather(1, L([1, 1, 0, 1], [2, 2]))
        #expect(y.gradFn?.name == "GatherBackward0")
        let src = F([1, 2, 3, 4], [2, 2])
        try src.setRequiresGrad(true)
        let out = try F([Float](repeating: 0, count: 6), [2, 3]).scatter(1, L([0, 2, 1, 0], [2, 2]), src)
        #expect(out.gradFn?.name == "ScatterBackward0")
        #expect(out.toDoubleArray() == [1, 0, 2, 4, 3, 0])
        #expect(try x.scatter(1, L([0], [1, 1]), value: .int(0)).gradFn?.name == "ScatterBackward1")
        #expect(try x.scatterAdd(1, L([0], [1, 1]), src).gradFn?.name == "ScatterAddBackward0")
        #expect(try x.indexSelect(1, I([0])).gradFn?.name == "IndexSelectBackward0")
        #expect(try x.takeAlongDim(L([0], [1, 1]), dim: 1).gradFn?.name == "GatherBackward0")
    }
}

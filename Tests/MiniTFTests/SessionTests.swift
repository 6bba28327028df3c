import Testing
@testable import MiniTF

// Expected values from TensorFlow 2.21 (conformance/tf.jsonl and Scripts/record_tf.py).

private func f32(_ shape: [Int], _ data: [Double]) -> TFArray { TFArray(dtype: .float32, shape: shape, data: data) }

@Test func runsOnlyTheNeededSubgraph() throws {
    // An unfed placeholder elsewhere in the graph does not matter.
    let g = Graph()
    let x = try g.placeholder(.float32, shape: TFShape([2]), name: "x")
    _ = try g.operatorBinary("AddV2", .tensor(x), .literal(TFArray(scalar: 1, dtype: .float32)), opName: "add")
    let a = g.constant(f32([2], [1, 2]))
    let b = try g.operatorBinary("Mul", .tensor(a), .literal(TFArray(scalar: 3, dtype: .int32)), opName: "mul")
    let s = Session(graph: g)
    #expect(try s.run([.tensor(b)])[0]?.data == [3, 6])
    // tf-static/03
    #expect(throws: TFError.invalidArgument("You must feed a value for placeholder tensor 'x' with dtype float and shape [2]")) {
        try s.run([.tensor(x)])
    }
    #expect(try s.run([.tensor(x)], feeds: [(x, f32([2], [3, 4]))])[0]?.data == [3, 4])
    #expect(throws: TFError.valueError("Cannot feed value of shape (3,) for Tensor x:0, which has shape (2,)")) {
        try s.run([.tensor(x)], feeds: [(x, f32([3], [1, 2, 3]))])
    }
}

@Test func variablesAssignAndUninitialised() throws {
    // tf-static/05, tf-static/06
    let g = Graph()
    let v = try g.variable(.operand(.literal(TFArray(scalar: 1, dtype: .float32))))
    let inc = try g.assign(v, .literal(TFArray(scalar: 2, dtype: .float32)), kind: "AssignAdd")
    let s = Session(graph: g)
    #expect(throws: TFError.failedPrecondition("Attempting to use uninitialized value Variable")) { try s.run([.tensor(v.ref)]) }
    _ = try s.run([.operation(try g.globalVariablesInitializer())])
    _ = try s.run([.tensor(inc)])
    _ = try s.run([.tensor(inc)])
    #expect(try s.run([.tensor(v.ref)])[0]?.data == [5])
}

@Test func convolutionValues() throws {
    // tf-conv/01: arange(16) 4x4 with a 2x2 ones kernel
    let g = Graph()
    let x = g.constant(f32([1, 4, 4, 1], (0..<16).map(Double.init)))
    let k = g.constant(.filled(1, shape: [2, 2, 1, 1], dtype: .float32))
    let valid = try g.conv2d(.tensor(x), .tensor(k), strides: [1, 1, 1, 1], padding: "VALID")
    let same = try g.conv2d(.tensor(x), .tensor(k), strides: [1, 2, 2, 1], padding: "SAME")
    let r = try Session(graph: g).run([.tensor(valid), .tensor(same)])
    #expect(r[0]?.data == [10, 14, 18, 26, 30, 34, 42, 46, 50])
    #expect(r[1]?.data == [10, 18, 42, 50])
}

@Test func samePaddingSplitsLikeTensorFlow() throws {
    // tf-extra/ops/conv-same: 2x2 kernel, stride 2 on 5x5 -> pad 0 before, 1 after
    let g = Graph()
    let x = g.constant(f32([1, 5, 5, 1], (0..<25).map(Double.init)))
    let k = g.constant(.filled(1, shape: [2, 2, 1, 1], dtype: .float32))
    let d = try g.conv2d(.tensor(x), .tensor(k), strides: [1, 2, 2, 1], padding: "SAME")
    #expect(try Session(graph: g).run([.tensor(d)])[0]?.data == [12, 20, 13, 52, 60, 33, 41, 45, 24])
}

@Test func extractPatchesMatchesConv() throws {
    // tf-conv/02 and tf-extra/ops/patches-same
    let g = Graph()
    let x = g.constant(f32([1, 3, 3, 2], (0..<18).map(Double.init)))
    let p = try g.extractPatches(.tensor(x), sizes: [1, 2, 2, 1], strides: [1, 1, 1, 1], rates: [1, 1, 1, 1], padding: "VALID")
    let k = g.constant(f32([2, 2, 2, 2], (0..<16).map(Double.init)))
    let c = try g.conv2d(.tensor(x), .tensor(k), strides: [1, 1, 1, 1], padding: "VALID")
    let r = try Session(graph: g).run([.tensor(p), .tensor(c)])
    #expect(r[0]?.shape == [1, 2, 2, 8])
    #expect(Array(r[0]!.data[0..<8]) == [0, 1, 2, 3, 6, 7, 8, 9])
    #expect(stride(from: 1, to: 8, by: 2).map { r[1]!.data[$0] } == [404, 532, 788, 916])

    let g2 = Graph()
    let y = g2.constant(f32([1, 3, 3, 1], (0..<9).map(Double.init)))
    let q = try g2.extractPatches(.tensor(y), sizes: [1, 2, 2, 1], strides: [1, 2, 2, 1], rates: [1, 1, 1, 1], padding: "SAME")
    #expect(try Session(graph: g2).run([.tensor(q)])[0]?.data == [0, 1, 3, 4, 2, 0, 5, 0, 6, 7, 0, 0, 8, 0, 0, 0])
}

@Test func gatherWithAxisAndBatchDims() throws {
    // tf-gather/01 and tf-extra/ops/gather-more
    let g = Graph()
    let p = g.constant(TFArray(dtype: .int32, shape: [2, 3], data: [1, 2, 3, 4, 5, 6]))
    let a = try g.gather(.tensor(p), .literal(.int32s([2, 0])), axis: .literal(TFArray(scalar: 1, dtype: .int32)))
    let b = try g.gather(.tensor(p), .literal(.int32s([0, 0, 1, 0], shape: [2, 2])), axis: .literal(TFArray(scalar: 1, dtype: .int32)), batchDims: 1)
    let c = try g.gather(.tensor(p), .literal(.int32s([1])), axis: nil)
    let r = try Session(graph: g).run([.tensor(a), .tensor(b), .tensor(c)])
    #expect(r[0]?.data == [3, 1, 6, 4] && r[1]?.data == [1, 1, 5, 4] && r[2]?.data == [4, 5, 6] && r[2]?.shape == [1, 3])
    let p3 = g.constant(TFArray(dtype: .int32, shape: [2, 2, 2], data: (1...8).map(Double.init)))
    let g2 = try g.gather(.tensor(p3), .literal(.int32s([1, 0], shape: [2, 1])), axis: .literal(TFArray(scalar: 1, dtype: .int32)), batchDims: 1)
    #expect(g2.shape.description == "(2, 1, 2)")
    #expect(try Session(graph: g).run([.tensor(g2)])[0]?.data == [3, 4, 5, 6])
    let bad = try g.gather(.tensor(g.constant(.int32s([1, 2, 3]))), .literal(.int32s([5])), axis: nil)
    #expect(throws: TFError.invalidArgument("indices[0] = 5 is not in [0, 3)")) { try Session(graph: g).run([.tensor(bad)]) }
}

@Test func planCacheKeepsFeedsAndFetchOrder() throws {
    // tf-extra/static/feed-dtype-int: fetching a fed placeholder returns the fed value (no "must feed" error).
    let g = Graph()
    let x = try g.placeholder(.int32, shape: TFShape([3]), name: "ids")
    let y = try g.operatorBinary("Mul", .tensor(x), .literal(TFArray(scalar: 2, dtype: .int32)), opName: "mul")
    let s = Session(graph: g)
    for v in [[1.0, 2, 3], [4, 5, 6]] {
        let r = try s.run([.tensor(x), .tensor(y)], feeds: [(x, TFArray(dtype: .int32, shape: [3], data: v))])
        #expect(r[0]?.data == v && r[1]?.data == v.map { $0 * 2 })
    }
}

@Test func dotExportListsNodesAndEdges() throws {
    let g = Graph()
    let a = g.constant(TFArray(scalar: 2, dtype: .float32))
    let b = try g.placeholder(.float32, name: "b")
    _ = try g.operatorBinary("AddV2", .tensor(a), .tensor(b), opName: "add")
    let dot = g.toDOT()
    #expect(dot.hasPrefix("digraph \"G\" {"))
    #expect(dot.contains("\"add\" [label=\"add\\nAddV2\"]"))
    #expect(dot.contains("\"Const\" -> \"add\" [label=\"()\"]"))
    #expect(dot.contains("\"b\" -> \"add\" [label=\"<unknown>\"]"))
}

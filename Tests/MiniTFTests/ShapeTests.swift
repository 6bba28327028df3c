import Testing
@testable import MiniTF

// Expected shapes/messages from TensorFlow 2.21 (Scripts/record_tf.py, ids tf-extra/ops/*).

@Test func shapeInference() throws {
    // x = tf.placeholder(tf.float32, shape=[None, 4]); y = tf.matmul(x, tf.zeros([4, 2])); r = tf.reshape(y, [-1]) ...
    let g = Graph()
    let x = try g.placeholder(.float32, shape: TFShape([nil, 4]))
    let y = try g.matmul(.tensor(x), .tensor(try g.zeros([4, 2])))
    let r = try g.reshape(.tensor(y), .literal(.int32s([-1])))
    let s = try g.reduce("Sum", .tensor(x), axis: .literal(TFArray(scalar: 1, dtype: .int32)))
    let m = try g.reduce("Mean", .tensor(x), axis: nil)
    let k = try g.reduce("Sum", .tensor(x), axis: .literal(TFArray(scalar: 0, dtype: .int32)), keepDims: true)
    #expect([y, r, s, m, k].map(\.description) == [
        "Tensor(\"MatMul:0\", shape=(?, 2), dtype=float32)", "Tensor(\"Reshape:0\", shape=(?,), dtype=float32)",
        "Tensor(\"Sum:0\", shape=(?,), dtype=float32)", "Tensor(\"Mean:0\", shape=(), dtype=float32)",
        "Tensor(\"Sum_1:0\", shape=(1, 4), dtype=float32)"])
    let u = try g.placeholder(.float32)
    #expect(u.description == "Tensor(\"Placeholder_1:0\", dtype=float32)")
    #expect(try g.operatorBinary("AddV2", .tensor(u), .tensor(x), opName: "add").description == "Tensor(\"add:0\", dtype=float32)")
}

@Test func shapeErrors() throws {
    let g = Graph()
    let a = g.constant(TFArray(dtype: .float32, shape: [1, 2], data: [1, 2]))
    let b = g.constant(TFArray(dtype: .float32, shape: [1, 2], data: [1, 2]))
    #expect(throws: TFError.valueError("Dimensions must be equal, but are 2 and 1 for '{{node MatMul}} = MatMul[T=DT_FLOAT, grad_a=false, grad_b=false, transpose_a=false, transpose_b=false](Const, Const_1)' with input shapes: [1,2], [1,2].")) {
        try g.matmul(.tensor(a), .tensor(b))
    }
    let c = g.constant(TFArray(dtype: .float32, shape: [2], data: [1, 2]), name: "c2")
    let d = g.constant(TFArray(dtype: .float32, shape: [3], data: [1, 2, 3]), name: "c3")
    #expect(throws: TFError.valueError("Dimensions must be equal, but are 2 and 3 for '{{node add}} = AddV2[T=DT_FLOAT](c2, c3)' with input shapes: [2], [3].")) {
        try g.operatorBinary("AddV2", .tensor(c), .tensor(d), opName: "add")
    }
    let i = g.constant(TFArray(dtype: .int32, shape: [2], data: [1, 2]))
    #expect(throws: TFError.typeError("Input 'y' of 'AddV2' Op has type int32 that does not match type float32 of argument 'x'.")) {
        try g.operatorBinary("AddV2", .tensor(c), .tensor(i), opName: "add")
    }
}

@Test func convAndPatchShapes() throws {
    // tf-extra/ops/conv-same: 5x5 input, 3x3x1x2 filter
    let g = Graph()
    let x = g.constant(TFArray(dtype: .float32, shape: [1, 5, 5, 1], data: (0..<25).map(Double.init)))
    let k = g.constant(.filled(1, shape: [3, 3, 1, 2], dtype: .float32))
    #expect(try g.conv2d(.tensor(x), .tensor(k), strides: [1, 1, 1, 1], padding: "SAME").shape.description == "(1, 5, 5, 2)")
    #expect(try g.conv2d(.tensor(x), .tensor(k), strides: [1, 2, 2, 1], padding: "SAME").shape.description == "(1, 3, 3, 2)")
    #expect(try g.conv2d(.tensor(x), .tensor(k), strides: [1, 2, 2, 1], padding: "VALID", name: "myconv").description
            == "Tensor(\"myconv:0\", shape=(1, 2, 2, 2), dtype=float32)")
    let p = try g.extractPatches(.tensor(x), sizes: [1, 2, 2, 1], strides: [1, 2, 2, 1], rates: [1, 1, 1, 1], padding: "SAME")
    #expect(p.description == "Tensor(\"ExtractImagePatches:0\", shape=(1, 3, 3, 4), dtype=float32)")
}

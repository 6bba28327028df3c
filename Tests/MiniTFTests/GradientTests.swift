import Testing
@testable import MiniTF

// Op lists recorded from TensorFlow 2.21 with Scripts/record_tf.py (ids tf-extra/grad/*); values checked
// against finite differences computed with the engine itself.

private func f32(_ shape: [Int], _ data: [Double]) -> TFArray { TFArray(dtype: .float32, shape: shape, data: data) }
private func lit(_ v: Double) -> TFOperand { .literal(TFArray(scalar: v, dtype: .float32)) }

@Test func gradientOpsOfAProduct() throws {
    // x = tf.constant(3.0); y = x * x + 2.0 * x; (dy,) = tf.gradients(y, [x])  -> gradients/AddN:0, 8.0  (tf-static/07)
    let g = Graph()
    let x = g.constant(TFArray(scalar: 3, dtype: .float32))
    let xx = try g.operatorBinary("Mul", .tensor(x), .tensor(x), opName: "mul")
    let tx = try g.operatorBinary("Mul", lit(2), .tensor(x), opName: "mul")
    let y = try g.operatorBinary("AddV2", .tensor(xx), .tensor(tx), opName: "add")
    let dy = try g.gradients([y], [x])[0]!
    #expect(dy.description == "Tensor(\"gradients/AddN:0\", shape=(), dtype=float32)")
    #expect(try Session(graph: g).run([.tensor(dy)])[0]?.data == [8])
}

@Test func gradientOpsMatchTensorFlow() throws {
    // x = tf.constant(3.0); y = tf.constant(2.0); z = x * y + x - y; tf.gradients(z, [x, y])
    let g = Graph()
    let x = g.constant(TFArray(scalar: 3, dtype: .float32))
    let y = g.constant(TFArray(scalar: 2, dtype: .float32))
    let m = try g.operatorBinary("Mul", .tensor(x), .tensor(y), opName: "mul")
    let a = try g.operatorBinary("AddV2", .tensor(m), .tensor(x), opName: "add")
    let z = try g.operatorBinary("Sub", .tensor(a), .tensor(y), opName: "sub")
    let gr = try g.gradients([z], [x, y])
    #expect(g.operations.map(\.name) == ["Const", "Const_1", "mul", "add", "sub", "gradients/Shape", "gradients/grad_ys_0/Const",
                                         "gradients/grad_ys_0", "gradients/sub_grad/Neg", "gradients/mul_grad/Mul",
                                         "gradients/mul_grad/Mul_1", "gradients/AddN", "gradients/AddN_1"])
    #expect(try Session(graph: g).run(gr.map { .tensor($0!) }).map { $0?.data } == [[3], [2]])
}

@Test func meanSquareMatmulGradients() throws {
    // tf-extra/grad/ops-list: loss = reduce_mean(square(matmul(x, w) + b)) with x: [None, 2]
    let g = Graph()
    let x = try g.placeholder(.float32, shape: TFShape([nil, 2]))
    let w = try g.variable(.operand(.literal(f32([2, 1], [1, 2]))), name: "w")
    let b = try g.variable(.operand(lit(0.5)), name: "b")
    let mm = try g.matmul(.tensor(x), .tensor(w.snapshot))
    let y = try g.operatorBinary("AddV2", .tensor(mm), .tensor(b.snapshot), opName: "add")
    let loss = try g.reduce("Mean", .tensor(try g.unary("Square", .tensor(y))), axis: nil)
    let grads = try g.gradients([loss], [w.ref, b.ref])
    #expect(grads.map { $0!.repr } == ["<tf.Tensor 'gradients/MatMul_grad/MatMul_1:0' shape=(2, 1) dtype=float32>",
                                        "<tf.Tensor 'gradients/add_grad/Reshape:0' shape=() dtype=float32>"])
    #expect(g.operations.map(\.name).filter { $0.hasPrefix("gradients") } == [
        "gradients/Shape", "gradients/grad_ys_0/Const", "gradients/grad_ys_0", "gradients/Mean_grad/Reshape/shape",
        "gradients/Mean_grad/Reshape", "gradients/Mean_grad/Shape", "gradients/Mean_grad/Tile", "gradients/Mean_grad/Shape_1",
        "gradients/Mean_grad/Size", "gradients/Mean_grad/add", "gradients/Mean_grad/mod", "gradients/Mean_grad/GatherV2/axis",
        "gradients/Mean_grad/GatherV2", "gradients/Mean_grad/Const", "gradients/Mean_grad/Prod", "gradients/Mean_grad/Cast",
        "gradients/Mean_grad/truediv", "gradients/Square_grad/Const", "gradients/Square_grad/Mul", "gradients/Square_grad/Mul_1",
        "gradients/add_grad/Shape", "gradients/add_grad/Shape_1", "gradients/add_grad/Sum/reduction_indices",
        "gradients/add_grad/Sum", "gradients/add_grad/Reshape", "gradients/MatMul_grad/MatMul", "gradients/MatMul_grad/MatMul_1"])
    let s = Session(graph: g)
    _ = try s.run([.operation(try g.globalVariablesInitializer())])
    let r = try s.run(grads.map { .tensor($0!) }, feeds: [(x, f32([2, 2], [1, 2, 3, 4]))])
    #expect(r[0]?.data == [40, 57] && r[1]?.data == [17])
}

@Test func minimizeBuildsTensorFlowsUpdateOps() throws {
    // tf-extra/grad/minimize-ops: w = tf.Variable([0.5], name='w'); loss = reduce_mean(square(w * x - 1.0))
    let g = Graph()
    let x = g.constant(f32([2], [1, 2]))
    let w = try g.variable(.operand(.literal(f32([1], [0.5]))), name: "w")
    let wx = try g.operatorBinary("Mul", .tensor(w.snapshot), .tensor(x), opName: "mul")
    let d = try g.operatorBinary("Sub", .tensor(wx), lit(1), opName: "sub")
    let loss = try g.reduce("Mean", .tensor(try g.unary("Square", .tensor(d))), axis: nil)
    let n0 = g.operations.count
    let train = try GradientDescentOptimizer(learningRate: lit(0.1)).minimize(loss)
    #expect(n0 == 11 && g.operations.count == 45 && train.name == "GradientDescent" && train.type == "NoOp")
    #expect(g.operations[n0...].map(\.name) == [
        "gradients/Shape", "gradients/grad_ys_0/Const", "gradients/grad_ys_0", "gradients/Mean_grad/Reshape/shape",
        "gradients/Mean_grad/Reshape", "gradients/Mean_grad/Const", "gradients/Mean_grad/Tile", "gradients/Mean_grad/Const_1",
        "gradients/Mean_grad/truediv", "gradients/Square_grad/Const", "gradients/Square_grad/Mul", "gradients/Square_grad/Mul_1",
        "gradients/sub_grad/Neg", "gradients/sub_grad/Shape", "gradients/sub_grad/Shape_1", "gradients/sub_grad/Sum/reduction_indices",
        "gradients/sub_grad/Sum", "gradients/sub_grad/Reshape", "gradients/sub_grad/tuple/group_deps",
        "gradients/sub_grad/tuple/control_dependency", "gradients/sub_grad/tuple/control_dependency_1", "gradients/mul_grad/Mul",
        "gradients/mul_grad/Mul_1", "gradients/mul_grad/Shape", "gradients/mul_grad/Shape_1", "gradients/mul_grad/Sum/reduction_indices",
        "gradients/mul_grad/Sum", "gradients/mul_grad/Reshape", "gradients/mul_grad/tuple/group_deps",
        "gradients/mul_grad/tuple/control_dependency", "gradients/mul_grad/tuple/control_dependency_1",
        "GradientDescent/learning_rate", "GradientDescent/update_w/ApplyGradientDescent", "GradientDescent"])
}

@Test func q11TrainingConverges() throws {
    // tf-static/04 (seed Q11 with placeholders): weight 0.5, bias 0, y = 2x + 1, lr 0.05; TF prints 0 [1.875] [0.475] ... 200 [2.007] [0.979]
    let g = Graph()
    let xd = try g.placeholder(.float32), yd = try g.placeholder(.float32)
    let w = try g.variable(.operand(.literal(f32([1], [0.5]))))
    let b = try g.variable(.operand(.tensor(try g.zeros([1]))))
    let wx = try g.operatorBinary("Mul", .tensor(w.snapshot), .tensor(xd), opName: "mul")
    let pred = try g.operatorBinary("AddV2", .tensor(wx), .tensor(b.snapshot), opName: "add")
    let diff = try g.operatorBinary("Sub", .tensor(pred), .tensor(yd), opName: "sub")
    let loss = try g.reduce("Mean", .tensor(try g.unary("Square", .tensor(diff))), axis: nil)
    let train = try GradientDescentOptimizer(learningRate: .literal(TFArray(scalar: 0.05, dtype: .float32))).minimize(loss)
    #expect(g.operations.contains { $0.name == "gradients/Mean_grad/DynamicStitch" })
    let s = Session(graph: g)
    _ = try s.run([.operation(try g.globalVariablesInitializer())])
    let xs = f32([4], [1, 2, 3, 4]), ys = f32([4], [3, 5, 7, 9])
    var seen: [(Double, Double)] = []
    for step in 0...200 {
        _ = try s.run([.operation(train)], feeds: [(xd, xs), (yd, ys)])
        if step % 50 == 0 { seen.append((s.value(of: w)!.data[0], s.value(of: b)!.data[0])) }
    }
    let rounded = seen.map { (($0.0 * 1000).rounded() / 1000, ($0.1 * 1000).rounded() / 1000) }
    #expect(rounded.map(\.0) == [1.875, 2.069, 2.033, 2.015, 2.007])
    #expect(rounded.map(\.1) == [0.475, 0.797, 0.904, 0.955, 0.979])
}

@Test func gradientsMatchFiniteDifferences() throws {
    // d/dk and d/dx of reduce_sum(relu(conv2d(x, k, SAME))) vs central differences in float64.
    let g = Graph()
    let xv = TFArray(dtype: .float64, shape: [1, 4, 4, 1], data: (0..<16).map { Double($0) * 0.37 - 2.5 })
    let kv = TFArray(dtype: .float64, shape: [2, 2, 1, 2], data: [0.3, -0.2, 0.5, 0.1, -0.4, 0.7, 0.2, -0.6])
    let x = try g.placeholder(.float64, shape: TFShape(known: [1, 4, 4, 1]))
    let k = try g.placeholder(.float64, shape: TFShape(known: [2, 2, 1, 2]))
    let conv = try g.conv2d(.tensor(x), .tensor(k), strides: [1, 2, 1, 1], padding: "SAME")
    let y = try g.reduce("Sum", .tensor(try g.operatorBinary("Mul", .tensor(try g.unary("Relu", .tensor(conv))), .tensor(conv), opName: "mul")), axis: nil)
    let grads = try g.gradients([y], [x, k])
    let s = Session(graph: g)
    let analytic = try s.run(grads.map { .tensor($0!) }, feeds: [(x, xv), (k, kv)])
    func f(_ xa: TFArray, _ ka: TFArray) throws -> Double { try s.run([.tensor(y)], feeds: [(x, xa), (k, ka)])[0]!.data[0] }
    let eps = 1e-6
    for i in 0..<kv.count {
        var p = kv, m = kv
        p.data[i] += eps; m.data[i] -= eps
        let num = (try f(xv, p) - f(xv, m)) / (2 * eps)
        #expect(abs(num - analytic[1]!.data[i]) < 1e-5)
    }
    for i in 0..<xv.count {
        var p = xv, m = xv
        p.data[i] += eps; m.data[i] -= eps
        let num = (try f(p, kv) - f(m, kv)) / (2 * eps)
        #expect(abs(num - analytic[0]!.data[i]) < 1e-5)
    }
}

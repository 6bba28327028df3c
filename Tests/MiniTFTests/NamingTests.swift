import Testing
@testable import MiniTF

// Expected names come from TensorFlow 2.21 (tf.compat.v1, graph mode), recorded with Scripts/record_tf.py;
// each test quotes the snippet that produced them.

private func lit(_ v: Double) -> TFOperand { .literal(TFArray(scalar: v, dtype: .float32)) }

@Test func uniqueNamesAndOperatorScopes() throws {
    // x = tf.placeholder(tf.float32, shape=[None, 3]); y = x * 2.0 + 1.0; z = 3.0 - x; w = tf.add(x, 5.0)
    let g = Graph()
    let x = try g.placeholder(.float32, shape: TFShape([nil, 3]))
    let m = try g.operatorBinary("Mul", .tensor(x), lit(2), opName: "mul")
    let y = try g.operatorBinary("AddV2", .tensor(m), lit(1), opName: "add")
    let z = try g.operatorBinary("Sub", lit(3), .tensor(x), opName: "sub")
    let w = try g.binary("AddV2", .tensor(x), lit(5), defaultName: "Add")
    #expect(g.operations.map(\.name) == ["Placeholder", "mul/y", "mul", "add/y", "add", "sub/x", "sub", "Add_1/y", "Add_1"])
    #expect(g.operations.map(\.type) == ["Placeholder", "Const", "Mul", "Const", "AddV2", "Const", "Sub", "Const", "AddV2"])
    #expect(y.description == "Tensor(\"add:0\", shape=(?, 3), dtype=float32)")
    #expect(z.description == "Tensor(\"sub:0\", shape=(?, 3), dtype=float32)")
    #expect(w.name == "Add_1:0")
    #expect(x.repr == "<tf.Tensor 'Placeholder:0' shape=(?, 3) dtype=float32>")
}

@Test func caseInsensitiveUniquification() throws {
    // a = tf.constant(1.0, name='Foo'); b = ...'foo'; c = ...'foo_1'; d = ...'foo'  ->  Foo:0 foo_1:0 foo_1_1:0 foo_2:0
    let g = Graph()
    let one = TFArray(scalar: 1, dtype: .float32)
    let names = ["Foo", "foo", "foo_1", "foo"].map { g.constant(one, name: $0).name }
    #expect(names == ["Foo:0", "foo_1:0", "foo_1_1:0", "foo_2:0"])
}

@Test func nameScopesAndVariableScopes() throws {
    // with tf.name_scope('a'): c = tf.constant(1.0) ... -> a/Const:0 a_1/c:0 a_2:0 vs/Const:0 vs_1/Const:0 vs_2/Const:0
    let g = Graph()
    let one = TFArray(scalar: 1, dtype: .float32)
    let c = try g.withNameScope("a") { _ in g.constant(one) }
    let d = try g.withNameScope("a") { _ in g.constant(one, name: "c") }
    let a = g.constant(TFArray(scalar: 2, dtype: .float32), name: "a")
    var names: [String] = []
    for reuse in [ReuseMode?.none, nil, .reuse] {
        let t = try g.enterVariableScope(name: "vs", reuse: reuse)
        names.append(g.constant(one).name)
        g.exitVariableScope(t)
    }
    #expect([c.name, d.name, a.name] + names == ["a/Const:0", "a_1/c:0", "a_2:0", "vs/Const:0", "vs_1/Const:0", "vs_2/Const:0"])
}

@Test func variableNaming() throws {
    // tf-var/01, tf-var/02, tf-var/07 of conformance/tf.jsonl
    let g = Graph()
    let a = try g.variable(.operand(lit(1)), name: "weight")
    let b = try g.variable(.operand(lit(2)), name: "weight")
    #expect([a.name, b.name] == ["weight:0", "weight_1:0"])
    #expect(a.repr == "<tf.Variable 'weight:0' shape=() dtype=float32_ref>")
    let (old, _) = try g.pushNameScope("ns")
    let v = try g.variable(.operand(lit(1)), name: "v")
    let gv = try g.getVariable("g", shape: [2])
    g.popNameScope(to: old)
    let t = try g.enterVariableScope(name: "vs")
    let w = try g.variable(.operand(lit(1)), name: "w")
    let h = try g.getVariable("h", shape: [2, 3])
    g.exitVariableScope(t)
    #expect([v.name, gv.name, w.name, h.name] == ["ns/v:0", "g:0", "vs/w:0", "vs/h:0"])
    #expect(h.shape.description == "(2, 3)")

    let outer = try g.enterVariableScope(name: "outer")
    let (o2, _) = try g.pushNameScope("inner")
    let x = try g.variable(.operand(lit(1)), name: "x")
    let y = try g.getVariable("y", shape: [])
    let z = try g.binary("AddV2", .tensor(x.snapshot), .tensor(y.snapshot), name: "z")
    g.popNameScope(to: o2)
    g.exitVariableScope(outer)
    #expect([x.name, y.name, z.name] == ["outer/inner/x:0", "outer/y:0", "outer/inner/z:0"])
}

@Test func variableOpsMatchTensorFlow() throws {
    // v = tf.Variable(1.0, name='weight'); w = tf.Variable(tf.zeros([3]), name='kernel'); u = tf.Variable([1, 2])
    let g = Graph()
    _ = try g.variable(.operand(lit(1)), name: "weight")
    _ = try g.variable(.operand(.tensor(try g.zeros([3]))), name: "kernel")
    let u = try g.variable(.operand(.literal(TFArray(dtype: .int32, shape: [2], data: [1, 2]))))
    #expect(g.operations.map(\.name) == ["weight/initial_value", "weight", "weight/Assign", "weight/read", "zeros", "kernel",
                                         "kernel/Assign", "kernel/read", "Variable/initial_value", "Variable", "Variable/Assign", "Variable/read"])
    #expect(u.repr == "<tf.Variable 'Variable:0' shape=(2,) dtype=int32_ref>")
}

@Test func getVariableInitializerOps() throws {
    // with tf.variable_scope('layer'): a = tf.get_variable('a', shape=[2, 3]); b (zeros); c (ones); d (constant 0.5)
    let g = Graph()
    let t = try g.enterVariableScope(name: "layer")
    _ = try g.getVariable("a", shape: [2, 3])
    _ = try g.getVariable("b", shape: [3], initializer: .zeros)
    _ = try g.getVariable("c", shape: [2], initializer: .ones)
    _ = try g.getVariable("d", shape: [2], initializer: .constant(TFArray(scalar: 0.5, dtype: .float32)))
    g.exitVariableScope(t)
    #expect(g.operations.map(\.name) == [
        "layer/a/Initializer/random_uniform/shape", "layer/a/Initializer/random_uniform/min", "layer/a/Initializer/random_uniform/max",
        "layer/a/Initializer/random_uniform/RandomUniform", "layer/a/Initializer/random_uniform/sub", "layer/a/Initializer/random_uniform/mul",
        "layer/a/Initializer/random_uniform", "layer/a", "layer/a/Assign", "layer/a/read",
        "layer/b/Initializer/zeros", "layer/b", "layer/b/Assign", "layer/b/read",
        "layer/c/Initializer/ones", "layer/c", "layer/c/Assign", "layer/c/read",
        "layer/d/Initializer/Const", "layer/d", "layer/d/Assign", "layer/d/read"])
}

@Test func reuseErrors() throws {
    // tf-var/03..06 of conformance/tf.jsonl and tf-extra/var/reuse-shape
    let g = Graph()
    var t = try g.enterVariableScope(name: "layer")
    let w1 = try g.getVariable("w", shape: [1])
    g.exitVariableScope(t)
    t = try g.enterVariableScope(name: "layer", reuse: .reuse)
    let w2 = try g.getVariable("w", shape: [1])
    #expect(throws: TFError.valueError("Trying to share variable layer/w, but specified shape (3,) and found shape (1,).")) {
        try g.getVariable("w", shape: [3])
    }
    #expect(throws: TFError.valueError("Variable layer/missing does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?")) {
        try g.getVariable("missing", shape: [1])
    }
    g.exitVariableScope(t)
    #expect(w1 === w2)
    t = try g.enterVariableScope(name: "layer")
    #expect(throws: TFError.valueError("Variable layer/w already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")) {
        try g.getVariable("w", shape: [1])
    }
    g.exitVariableScope(t)
    var got: [Variable] = []
    for _ in 0..<2 {
        let s = try g.enterVariableScope(name: "dense", reuse: .auto)
        got.append(try g.getVariable("kernel", shape: [3], initializer: .zeros))
        g.exitVariableScope(s)
    }
    #expect(got[0] === got[1] && got[0].name == "dense/kernel:0")
}

@Test func lookupErrors() throws {
    // tf-extra/graph/lookup-missing, lookup-missing-t
    let g = Graph()
    g.constant(TFArray(scalar: 1, dtype: .float32), name: "a")
    #expect(throws: TFError.keyError("\"The name 'nope' refers to an Operation not in the graph.\"")) { try g.operation(named: "nope") }
    #expect(throws: TFError.keyError("\"The name 'a:1' refers to a Tensor which does not exist. The operation, 'a', exists but only has 1 outputs.\"")) {
        try g.tensor(named: "a:1")
    }
    #expect(try g.tensor(named: "a:0").name == "a:0")
}

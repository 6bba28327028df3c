import Foundation
import MiniTF

/// The `tensorflow` module: tf.compat.v1 in graph mode.
enum TFModule {
    static func load(_ ctx: Interpreter) throws -> PyModule {
        // Each run starts with a fresh default graph.
        Graph.resetDefaultGraph()
        ctx.errorTranslators.append(TFErrors.translate)
        let m = PyModule(name: "tensorflow")
        m.set("__version__", .str("2.21.0"))
        define(ctx, m)
        let compat = PyModule(name: "tensorflow.compat")
        compat.set("v1", .object(m))
        compat.set("v2", .object(m))
        m.set("compat", .object(compat))
        return m
    }

    static func g() -> Graph { Graph.defaultGraph }
    static func st(_ ctx: Interpreter) -> TFState { TFState.of(ctx) }
    static func wrap(_ ctx: Interpreter, _ t: TFTensor) -> Value { TFState.of(ctx).wrap(t) }
    static func operand(_ ctx: Interpreter, _ v: Value) throws -> TFOperand { try TFValues.operand(ctx, v) }
    static func call<T>(_ body: () throws -> T) throws -> T { try TFBinding.tfCall(body) }
    static func name(_ a: BoundArguments) throws -> String? { try a.optionalString("name") }
    static func axisOperand(_ ctx: Interpreter, _ v: Value) throws -> TFOperand? {
        if v.isNone { return nil }
        return try operand(ctx, v)
    }

    static func define(_ ctx: Interpreter, _ m: PyModule) {
        // dtypes
        for d in TFDType.allCases where d != .string { m.set(d.name, .object(PyTFDType(d))) }
        m.set("float", .object(PyTFDType(.float32)))
        m.set("double", .object(PyTFDType(.float64)))
        m.set("DType", .object(TFTypes.dtype))
        m.set("AUTO_REUSE", TFBinding.autoReuse(ctx))
        m.set("Tensor", .object(TFTypes.tensor))
        m.set("Operation", .object(TFTypes.operation))
        m.set("Graph", .object(TFTypes.graph))
        m.set("Session", .object(TFTypes.session))
        m.set("InteractiveSession", .object(TFTypes.interactiveSession))
        m.set("TensorShape", .object(TFTypes.tensorShape))
        m.set("Dimension", .object(TFTypes.dimension))
        m.set("VariableScope", .object(TFTypes.variableScope))

        for n in ["disable_v2_behavior", "disable_eager_execution", "disable_resource_variables", "disable_v2_tensorshape",
                  "set_random_seed", "enable_resource_variables"] {
            m.defineFunction(n) { _, _ in .none }
        }
        m.defineFunction("executing_eagerly") { _, _ in .bool(false) }

        // errors
        let errors = PyModule(name: "tensorflow.errors")
        for t in [TFErrors.opError, TFErrors.invalidArgument, TFErrors.failedPrecondition, TFErrors.unimplemented,
                  TFErrors.resourceExhausted, TFErrors.notFound] { errors.defineClass(t) }
        m.set("errors", .object(errors))

        defineGraphFunctions(m)
        defineVariables(m)
        defineMath(m)
        defineArrays(m)
        defineNN(m)
        defineTrain(m)
    }

    // MARK: graph, scopes, gradients

    static func defineGraphFunctions(_ m: PyModule) {
        m.defineFunction("get_default_graph") { ctx, args in
            try args.expectNone("get_default_graph")
            return st(ctx).wrap(g())
        }
        m.defineFunction("reset_default_graph") { ctx, args in
            try args.expectNone("reset_default_graph")
            Graph.resetDefaultGraph()
            return .none
        }
        m.defineFunction("get_default_session") { ctx, _ in
            guard let s = st(ctx).defaultSessions.last else { return .none }
            return .object(PyTFSession(s))
        }
        let nameScopeSig = Signature("name_scope(name, default_name=None, values=None)")
        m.defineFunction("name_scope") { ctx, args in
            let a = try nameScopeSig.bind(args)
            let n = a["name"].isNone ? a["default_name"] : a["name"]
            return try TFBinding.nameScopeContext(ctx, g(), n)
        }
        let vsSig = Signature("variable_scope(name_or_scope, default_name=None, values=None, initializer=None, regularizer=None, caching_device=None, partitioner=None, custom_getter=None, reuse=None, dtype=None, use_resource=None, constraint=None, auxiliary_name_scope=True)")
        m.defineFunction("variable_scope") { ctx, args in
            let a = try vsSig.bind(args)
            let graph = g()
            let scopeObj = a["name_or_scope"].as(PyTFVariableScope.self)?.scope
            let nameStr: String? = scopeObj == nil && !a["name_or_scope"].isNone ? try a["name_or_scope"].asString() : nil
            let defaultName = try a.optionalString("default_name")
            let reuse = try TFBinding.reuseArg(ctx, a["reuse"])
            let ini = a["initializer"].as(PyTFInitializer.self)?.initializer
            let dt = try TFBinding.dtypeArg(ctx, a["dtype"])
            let auxiliary = try a.bool("auxiliary_name_scope")
            var token: VariableScopeToken?
            return .object(PyTFContext(enter: { ctx in
                let t = try call { try graph.enterVariableScope(name: nameStr, scope: scopeObj, defaultName: defaultName,
                                                                reuse: reuse, initializer: ini, dtype: dt,
                                                                auxiliaryNameScope: auxiliary) }
                token = t
                return st(ctx).wrap(t.scope)
            }, exit: { _ in if let t = token { graph.exitVariableScope(t) } }))
        }
        m.defineFunction("get_variable_scope") { ctx, args in
            try args.expectNone("get_variable_scope")
            return st(ctx).wrap(g().currentVariableScope)
        }
        m.defineFunction("control_dependencies") { ctx, args in
            try TFBinding.controlDependencies(ctx, g(), args[0] ?? .none)
        }
        let gradSig = Signature("gradients(ys, xs, grad_ys=None, name='gradients', colocate_gradients_with_ops=False, gate_gradients=False, aggregation_method=None, stop_gradients=None, unconnected_gradients=None)")
        m.defineFunction("gradients") { ctx, args in
            let a = try gradSig.bind(args)
            func list(_ v: Value) throws -> [Value] {
                if v.as(PyList.self) != nil || v.as(PyTuple.self) != nil { return try ctx.toArray(v) }
                return [v]
            }
            let ys = try list(a["ys"]).map { try TFBinding.tensorArg(ctx, $0, "ys") }
            let xs = try list(a["xs"]).map { x -> TFTensor in
                if let w = x.as(PyTFVariable.self) { return w.variable.ref }
                return try TFBinding.tensorArg(ctx, x, "xs")
            }
            var gy: [TFTensor?]?
            if !a["grad_ys"].isNone {
                gy = try list(a["grad_ys"]).map { $0.isNone ? nil : try TFBinding.tensorArg(ctx, $0, "grad_ys") }
            }
            let graph = ys.first?.graph ?? g()
            let r = try call { try graph.gradients(ys, xs, gradYs: gy, gateGradients: try a.bool("gate_gradients"), name: try a.optionalString("name")) }
            return .list(r.map { st(ctx).wrap($0) })
        }
        let groupSig = Signature("group(*inputs, name=None)")
        m.defineFunction("group") { ctx, args in
            let a = try groupSig.bind(args)
            var ops: [MiniTF.Operation] = []
            for x in a.varargs {
                let items = (x.as(PyList.self) != nil || x.as(PyTuple.self) != nil) ? try ctx.toArray(x) : [x]
                for i in items {
                    if let o = i.as(PyTFOperation.self) { ops.append(o.op) } else if let t = i.as(PyTFTensor.self) { ops.append(t.tensor.op) } else if let v = i.as(PyTFVariable.self) { ops.append(v.variable.op) }
                }
            }
            return st(ctx).wrap(try call { try g().group(ops, name: try name(a)) })
        }
        m.defineFunction("no_op") { ctx, args in
            let a = try Signature("no_op(name=None)").bind(args)
            return st(ctx).wrap(try call { try g().group([], name: try name(a), defaultName: "NoOp") })
        }
    }

    // MARK: variables

    static func defineVariables(_ m: PyModule) {
        let varSig = Signature("Variable(initial_value=None, trainable=None, validate_shape=True, caching_device=None, name=None, variable_def=None, dtype=None, expected_shape=None, import_scope=None, constraint=None, use_resource=None, synchronization=None, aggregation=None, shape=None)")
        let varType = TFTypes.variable
        m.set("Variable", .object(varType))
        m.set("RefVariable", .object(varType))
        varType.constructor = { ctx, _, args in
            let a = try varSig.bind(args)
            if a["initial_value"].isNone { throw PyError.valueError("initial_value must be specified.") }
            let trainable = a["trainable"].isNone ? true : try ctx.isTruthy(a["trainable"])
            let dt = try TFBinding.dtypeArg(ctx, a["dtype"])
            let initial: InitialValue
            if let ini = a["initial_value"].as(PyTFInitializer.self) {
                throw PyError.typeError("initial_value must be a Tensor or a value, not \(ini.className)")
            } else {
                initial = .operand(try operand(ctx, a["initial_value"]))
            }
            let v = try call { try g().variable(initial, name: try name(a), dtype: dt, trainable: trainable,
                                                 validateShape: try a.bool("validate_shape")) }
            return st(ctx).wrap(v)
        }
        let getVarSig = Signature("get_variable(name, shape=None, dtype=None, initializer=None, regularizer=None, trainable=None, collections=None, caching_device=None, partitioner=None, validate_shape=True, use_resource=None, custom_getter=None, constraint=None, synchronization=None, aggregation=None)")
        m.defineFunction("get_variable") { ctx, args in
            let a = try getVarSig.bind(args)
            let n = try a.string("name")
            let shape: [Int]? = a["shape"].isNone ? nil : try TFBinding.knownShape(ctx, a["shape"], "shape")
            let dt = try TFBinding.dtypeArg(ctx, a["dtype"])
            var ini: Initializer?
            var tensorInit: TFOperand?
            let iv = a["initializer"]
            if let i = iv.as(PyTFInitializer.self) { ini = i.initializer } else if !iv.isNone {
                let o = try operand(ctx, iv)
                if case .tensor = o { tensorInit = o } else if let arr = o.staticValueForBinding {
                    if shape == nil { tensorInit = o } else { ini = .constant(arr) }
                }
            }
            let trainable = a["trainable"].isNone ? true : try ctx.isTruthy(a["trainable"])
            let v = try call { try g().getVariable(n, shape: shape, dtype: dt, initializer: ini, initialTensor: tensorInit, trainable: trainable) }
            return st(ctx).wrap(v)
        }
        for (fn, key) in [("global_variables", "variables"), ("all_variables", "variables"),
                          ("trainable_variables", "trainable_variables"), ("local_variables", "local_variables")] {
            let sig = Signature("\(fn)(scope=None)")
            m.defineFunction(fn) { ctx, args in
                .list(try TFBinding.collection(ctx, g(), key, scope: try sig.bind(args).optionalString("scope")))
            }
        }
        m.defineFunction("get_collection") { ctx, args in
            let a = try Signature("get_collection(key, scope=None)").bind(args)
            return .list(try TFBinding.collection(ctx, g(), try a.string("key"), scope: try a.optionalString("scope")))
        }
        m.set("GraphKeys", .object(TFBinding.graphKeys))
        let initSig = Signature("global_variables_initializer()")
        for n in ["global_variables_initializer", "initialize_all_variables"] {
            m.defineFunction(n) { ctx, args in
                _ = try initSig.bind(args)
                return st(ctx).wrap(try call { try g().globalVariablesInitializer() })
            }
        }
        for n in ["local_variables_initializer", "initialize_local_variables", "tables_initializer"] {
            m.defineFunction(n) { ctx, _ in st(ctx).wrap(try call { try g().group([], name: n == "tables_initializer" ? "init_all_tables" : "init") }) }
        }
        m.defineFunction("is_variable_initialized") { ctx, args in
            let a = try Signature("is_variable_initialized(variable)").bind(args)
            guard let v = a["variable"].as(PyTFVariable.self)?.variable else {
                throw PyError.typeError("is_variable_initialized requires a tf.Variable, got \(try ctx.repr(a["variable"]))")
            }
            return st(ctx).wrap(try call { try v.graph.isVariableInitialized(v) })
        }
        m.defineFunction("variables_initializer") { ctx, args in
            let a = try Signature("variables_initializer(var_list, name='init')").bind(args)
            let vars = try TFBinding.variableList(ctx, a["var_list"]) ?? []
            return st(ctx).wrap(try call { try g().variablesInitializer(vars, name: try a.string("name")) })
        }
        for (fn, kind) in [("assign", "Assign"), ("assign_add", "AssignAdd"), ("assign_sub", "AssignSub")] {
            m.defineFunction(fn) { ctx, args in
                let a = try Signature("\(fn)(ref, value, validate_shape=None, use_locking=None, name=None)").bind(args)
                guard let v = a["ref"].as(PyTFVariable.self)?.variable else {
                    throw PyError.typeError("\(fn) requires a tf.Variable as `ref`, got \(try ctx.repr(a["ref"]))")
                }
                let value = try operand(ctx, a["value"])
                let validate = a["validate_shape"].isNone ? true : try a.bool("validate_shape")
                return st(ctx).wrap(try call { try v.graph.assign(v, value, kind: kind, validateShape: validate, name: try name(a)) })
            }
        }
        // initializers
        func ini(_ n: String, _ cls: String, _ spec: String, _ make: @escaping (Interpreter, BoundArguments) throws -> Initializer) {
            let sig = Signature(spec)
            let f: (Interpreter, Arguments) throws -> Value = { ctx, args in
                .object(PyTFInitializer(try make(ctx, try sig.bind(args)), className: cls))
            }
            m.defineFunction(n, f)
        }
        ini("zeros_initializer", "Zeros", "zeros_initializer(dtype=None)") { _, _ in .zeros }
        ini("ones_initializer", "Ones", "ones_initializer(dtype=None)") { _, _ in .ones }
        ini("constant_initializer", "Constant", "constant_initializer(value=0, dtype=None, verify_shape=False)") { ctx, a in
            .constant(try TFValues.concrete(ctx, a["value"]))
        }
        ini("glorot_uniform_initializer", "GlorotUniform", "glorot_uniform_initializer(seed=None, dtype=None)") { _, a in .glorotUniform(seed: try a.optionalInt("seed")) }
        ini("random_uniform_initializer", "RandomUniform", "random_uniform_initializer(minval=0.0, maxval=None, seed=None, dtype=None)") { _, a in
            .randomUniform(minval: try a.double("minval"), maxval: try a.optionalDouble("maxval") ?? 1, seed: try a.optionalInt("seed"))
        }
        ini("truncated_normal_initializer", "TruncatedNormal", "truncated_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=None)") { _, a in
            .truncatedNormal(mean: try a.double("mean"), stddev: try a.double("stddev"), seed: try a.optionalInt("seed"))
        }
        ini("random_normal_initializer", "RandomNormal", "random_normal_initializer(mean=0.0, stddev=1.0, seed=None, dtype=None)") { _, a in
            .randomNormal(mean: try a.double("mean"), stddev: try a.double("stddev"), seed: try a.optionalInt("seed"))
        }
        let initializers = PyModule(name: "tensorflow.initializers")
        for (k, v) in [("zeros", "zeros_initializer"), ("ones", "ones_initializer"), ("constant", "constant_initializer"),
                       ("glorot_uniform", "glorot_uniform_initializer"), ("random_uniform", "random_uniform_initializer"),
                       ("truncated_normal", "truncated_normal_initializer"), ("random_normal", "random_normal_initializer")] {
            if let f = m[v] { initializers.set(k, f) }
        }
        m.set("initializers", .object(initializers))
    }

    // MARK: math

    static func defineMath(_ m: PyModule) {
        let binaries: [(String, String, String)] = [
            ("add", "AddV2", "Add"), ("subtract", "Sub", "Sub"), ("multiply", "Mul", "Mul"), ("maximum", "Maximum", "Maximum"),
            ("minimum", "Minimum", "Minimum"), ("pow", "Pow", "Pow"), ("floordiv", "FloorDiv", "FloorDiv"), ("mod", "FloorMod", "FloorMod"),
            ("floormod", "FloorMod", "FloorMod"), ("squared_difference", "SquaredDifference", "SquaredDifference"),
            ("equal", "Equal", "Equal"), ("not_equal", "NotEqual", "NotEqual"), ("less", "Less", "Less"),
            ("less_equal", "LessEqual", "LessEqual"), ("greater", "Greater", "Greater"), ("greater_equal", "GreaterEqual", "GreaterEqual"),
        ]
        for (fn, type, defaultName) in binaries {
            let sig = Signature("\(fn)(x, y, name=None)")
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let x = try operand(ctx, a["x"]), y = try operand(ctx, a["y"])
                return wrap(ctx, try call { try TFBinding.graphOf([x, y]).binary(type, x, y, name: try name(a), defaultName: defaultName) })
            }
        }
        for fn in ["divide", "truediv", "div"] {
            let sig = Signature("\(fn)(x, y, name=None)")
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let x = try operand(ctx, a["x"]), y = try operand(ctx, a["y"])
                return wrap(ctx, try call { try TFBinding.graphOf([x, y]).trueDivide(x, y, name: try name(a)) })
            }
        }
        let unaries: [(String, String, String)] = [
            ("square", "Square", "x"), ("sqrt", "Sqrt", "x"), ("exp", "Exp", "x"), ("log", "Log", "x"), ("abs", "Abs", "x"),
            ("negative", "Neg", "x"), ("sigmoid", "Sigmoid", "x"), ("tanh", "Tanh", "x"), ("sign", "Sign", "x"),
            ("reciprocal", "Reciprocal", "x"), ("floor", "Floor", "x"), ("rsqrt", "Rsqrt", "x"), ("stop_gradient", "StopGradient", "input"),
        ]
        for (fn, type, arg) in unaries {
            let sig = Signature("\(fn)(\(arg), name=None)")
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let x = try operand(ctx, a[arg])
                return wrap(ctx, try call { try TFBinding.graphOf([x]).unary(type, x, name: try name(a), argName: arg) })
            }
        }
        m.set("math", .object(m))
        let reductions: [(String, String)] = [("reduce_sum", "Sum"), ("reduce_mean", "Mean"), ("reduce_max", "Max"),
                                              ("reduce_min", "Min"), ("reduce_prod", "Prod")]
        for (fn, type) in reductions {
            let sig = Signature("\(fn)(input_tensor, axis=None, keepdims=None, name=None, reduction_indices=None, keep_dims=None)")
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let x = try operand(ctx, a["input_tensor"])
                let axisV = a["axis"].isNone ? a["reduction_indices"] : a["axis"]
                let axis = try axisOperand(ctx, axisV)
                let kd = a["keepdims"].isNone ? a["keep_dims"] : a["keepdims"]
                let keep = kd.isNone ? false : try ctx.isTruthy(kd)
                return wrap(ctx, try call { try TFBinding.graphOf([x]).reduce(type, x, axis: axis, keepDims: keep, name: try name(a)) })
            }
        }
        for (fn, type) in [("argmax", "ArgMax"), ("argmin", "ArgMin")] {
            let sig = Signature("\(fn)(input, axis=None, name=None, dimension=None, output_type=None)")
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let x = try operand(ctx, a["input"])
                let axisV = a["axis"].isNone ? (a["dimension"].isNone ? Value.int(0) : a["dimension"]) : a["axis"]
                return wrap(ctx, try call { try TFBinding.graphOf([x]).argMax(x, axis: try operand(ctx, axisV), type: type, name: try name(a)) })
            }
        }
        let matmulSig = Signature("matmul(a, b, transpose_a=False, transpose_b=False, adjoint_a=False, adjoint_b=False, a_is_sparse=False, b_is_sparse=False, output_type=None, grad_a=False, grad_b=False, name=None)")
        m.defineFunction("matmul") { ctx, args in
            let a = try matmulSig.bind(args)
            let x = try operand(ctx, a["a"]), y = try operand(ctx, a["b"])
            let ta = try a.bool("transpose_a") || a.bool("adjoint_a"), tb = try a.bool("transpose_b") || a.bool("adjoint_b")
            return wrap(ctx, try call { try TFBinding.graphOf([x, y]).matmul(x, y, transposeA: ta, transposeB: tb, name: try name(a)) })
        }
        m.defineFunction("add_n") { ctx, args in
            let a = try Signature("add_n(inputs, name=None)").bind(args)
            let xs = try ctx.toArray(a["inputs"]).map { try TFBinding.tensorArg(ctx, $0, "inputs") }
            return wrap(ctx, try call { try (xs.first?.graph ?? g()).addN(xs, name: try name(a)) })
        }
        m.defineFunction("cast") { ctx, args in
            let a = try Signature("cast(x, dtype, name=None)").bind(args)
            let x = try TFBinding.tensorArg(ctx, a["x"], "x")
            guard let dt = try TFBinding.dtypeArg(ctx, a["dtype"]) else { throw PyError.typeError("cast() needs a dtype") }
            return wrap(ctx, try call { try x.graph.cast(x, to: dt, name: try name(a)) })
        }
    }

    // MARK: arrays

    static func defineArrays(_ m: PyModule) {
        let constSig = Signature("constant(value, dtype=None, shape=None, name='Const', verify_shape=False)")
        m.defineFunction("constant") { ctx, args in
            let a = try constSig.bind(args)
            var v = try TFValues.concrete(ctx, a["value"])
            if let dt = try TFBinding.dtypeArg(ctx, a["dtype"]) {
                // Like TensorFlow, any Python float (even 2.0) is refused for an integer dtype.
                if dt.isInteger && v.dtype.isFloating, let bad = v.data.first {
                    if try TFValues.numpyArray(ctx, a["value"]) == nil {
                        throw PyError.typeError("Expected \(dt.name), but got \(Formatting.floatRepr(bad)) of type 'float'.")
                    }
                }
                v = v.cast(to: dt)
            }
            if !a["shape"].isNone {
                let shape = try TFBinding.knownShape(ctx, a["shape"], "shape")
                let n = shape.safeProduct
                if v.count > n { throw PyError.typeError("Too many elements provided. Takes at most \(n), but got \(v.count)") }
                var data = v.data
                if data.isEmpty { data = [0] }
                if data.count < n { data += Array(repeating: data[data.count - 1], count: n - data.count) }
                v = TFArray(dtype: v.dtype, shape: shape, data: data)
            }
            try ctx.checkAllocation(elements: v.count)
            return wrap(ctx, g().constant(v, name: try a.string("name")))
        }
        let phSig = Signature("placeholder(dtype, shape=None, name=None)")
        m.defineFunction("placeholder") { ctx, args in
            let a = try phSig.bind(args)
            guard let dt = try TFBinding.dtypeArg(ctx, a["dtype"]) else { throw PyError.typeError("placeholder() needs a dtype") }
            let shape = try TFBinding.shapeArg(ctx, a["shape"])
            return wrap(ctx, try call { try g().placeholder(dt, shape: shape, name: try name(a)) })
        }
        let phdSig = Signature("placeholder_with_default(input, shape, name=None)")
        m.defineFunction("placeholder_with_default") { ctx, args in
            let a = try phdSig.bind(args)
            let x = try operand(ctx, a["input"])
            let shape = try TFBinding.shapeArg(ctx, a["shape"])
            return wrap(ctx, try call { try TFBinding.graphOf([x]).placeholderWithDefault(x, shape: shape, name: try name(a)) })
        }
        for (fn, value) in [("zeros", 0.0), ("ones", 1.0)] {
            let sig = Signature("\(fn)(shape, dtype=tf.float32, name=None)")
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let shape = try TFBinding.knownShape(ctx, a["shape"], "shape")
                try ctx.checkAllocation(elements: shape.safeProduct)
                let dt = try TFBinding.dtypeArg(ctx, a["dtype"]) ?? .float32
                return wrap(ctx, try call { try g().filled(value, shape: shape, dtype: dt, name: try name(a), defaultName: fn) })
            }
        }
        for fn in ["zeros_like", "ones_like"] {
            let sig = Signature("\(fn)(tensor, dtype=None, name=None, optimize=True)")
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let x = try TFBinding.tensorArg(ctx, a["tensor"], "tensor")
                return wrap(ctx, try call { fn == "zeros_like" ? try x.graph.zerosLike(x, name: try name(a)) : try x.graph.onesLike(x, name: try name(a)) })
            }
        }
        m.defineFunction("fill") { ctx, args in
            let a = try Signature("fill(dims, value, name=None)").bind(args)
            return wrap(ctx, try call { try g().fill(try operand(ctx, a["dims"]), value: try operand(ctx, a["value"]), name: try name(a)) })
        }
        m.defineFunction("identity") { ctx, args in
            let a = try Signature("identity(input, name=None)").bind(args)
            let x = try operand(ctx, a["input"])
            return wrap(ctx, try call { try TFBinding.graphOf([x]).identity(x, name: try name(a)) })
        }
        m.defineFunction("reshape") { ctx, args in
            let a = try Signature("reshape(tensor, shape, name=None)").bind(args)
            let x = try operand(ctx, a["tensor"])
            return wrap(ctx, try call { try TFBinding.graphOf([x]).reshape(x, try operand(ctx, a["shape"]), name: try name(a)) })
        }
        m.defineFunction("transpose") { ctx, args in
            let a = try Signature("transpose(a, perm=None, name='transpose', conjugate=False)").bind(args)
            let x = try operand(ctx, a["a"])
            let perm: [Int]? = a["perm"].isNone ? nil : try ctx.toArray(a["perm"]).map { try $0.asIndex() }
            return wrap(ctx, try call { try TFBinding.graphOf([x]).transpose(x, perm: perm, name: try name(a)) })
        }
        for (fn, kind) in [("shape", 0), ("size", 1), ("rank", 2)] {
            m.defineFunction(fn) { ctx, args in
                let a = try Signature("\(fn)(input, name=None, out_type=None)").bind(args)
                let x = try TFBinding.tensorArg(ctx, a["input"], "input")
                return wrap(ctx, try call {
                    switch kind {
                    case 0: return try x.graph.shape(x, name: try name(a))
                    case 1: return try x.graph.size(x, name: try name(a))
                    default: return try x.graph.rank(x, name: try name(a))
                    }
                })
            }
        }
        m.defineFunction("range") { ctx, args in
            let a = try Signature("range(start, limit=None, delta=1, dtype=None, name='range')").bind(args)
            var start = a["start"], limit = a["limit"]
            if limit.isNone { limit = start; start = .int(0) }
            let dt = try TFBinding.dtypeArg(ctx, a["dtype"])
            return wrap(ctx, try call { try g().range(start: try operand(ctx, start), limit: try operand(ctx, limit), delta: try operand(ctx, a["delta"]), dtype: dt, name: try name(a)) })
        }
        m.defineFunction("tile") { ctx, args in
            let a = try Signature("tile(input, multiples, name=None)").bind(args)
            let x = try operand(ctx, a["input"])
            return wrap(ctx, try call { try TFBinding.graphOf([x]).tile(x, try operand(ctx, a["multiples"]), name: try name(a)) })
        }
        m.defineFunction("broadcast_to") { ctx, args in
            let a = try Signature("broadcast_to(input, shape, name=None)").bind(args)
            let x = try operand(ctx, a["input"])
            return wrap(ctx, try call { try TFBinding.graphOf([x]).broadcastTo(x, try operand(ctx, a["shape"]), name: try name(a)) })
        }
        let gatherSig = Signature("gather(params, indices, validate_indices=None, name=None, axis=None, batch_dims=0)")
        m.defineFunction("gather") { ctx, args in
            let a = try gatherSig.bind(args)
            let p = try operand(ctx, a["params"])
            let i = try operand(ctx, a["indices"])
            let axis = try axisOperand(ctx, a["axis"])
            return wrap(ctx, try call { try TFBinding.graphOf([p, i]).gather(p, i, axis: axis, batchDims: try a.int("batch_dims"), name: try name(a)) })
        }
        for (fn, trunc, defaultStd) in [("random_uniform", -1, 0.0), ("random_normal", 0, 1.0), ("truncated_normal", 1, 1.0)] {
            let spec = trunc < 0 ? "\(fn)(shape, minval=0, maxval=None, dtype=tf.float32, seed=None, name=None)"
                                 : "\(fn)(shape, mean=0.0, stddev=1.0, dtype=tf.float32, seed=None, name=None)"
            let sig = Signature(spec)
            m.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let shape = try TFBinding.knownShape(ctx, a["shape"], "shape")
                try ctx.checkAllocation(elements: shape.safeProduct)
                let dt = try TFBinding.dtypeArg(ctx, a["dtype"]) ?? .float32
                let seed = try a.optionalInt("seed")
                return wrap(ctx, try call {
                    if trunc < 0 {
                        return try g().randomUniform(shape, minval: try a.double("minval"), maxval: try a.optionalDouble("maxval") ?? 1, dtype: dt, seed: seed, name: try name(a))
                    }
                    return try g().randomNormal(shape, mean: try a.double("mean"), stddev: a["stddev"].isNone ? defaultStd : try a.double("stddev"),
                                                truncated: trunc == 1, dtype: dt, seed: seed, name: try name(a))
                })
            }
        }
        m.defineFunction("concat") { ctx, args in
            let a = try Signature("concat(values, axis, name='concat')").bind(args)
            let vs = try ctx.toArray(a["values"]).map { try operand(ctx, $0) }
            guard !vs.isEmpty else { throw PyError.valueError("List argument 'values' to 'ConcatV2' Op with length 0 shorter than minimum length 2.") }
            return wrap(ctx, try call { try TFBinding.graphOf(vs).concat(vs, axis: try a.int("axis"), name: try name(a)) })
        }
        m.defineFunction("stack") { ctx, args in
            let a = try Signature("stack(values, axis=0, name='stack')").bind(args)
            let vs = try ctx.toArray(a["values"]).map { try operand(ctx, $0) }
            return wrap(ctx, try call { try TFBinding.graphOf(vs).stack(vs, axis: try a.int("axis"), name: try name(a)) })
        }
        m.defineFunction("expand_dims") { ctx, args in
            let a = try Signature("expand_dims(input, axis=None, name=None, dim=None)").bind(args)
            let x = try operand(ctx, a["input"])
            let axis = a["axis"].isNone ? try a.int("dim") : try a.int("axis")
            return wrap(ctx, try call { try TFBinding.graphOf([x]).expandDims(x, axis: axis, name: try name(a)) })
        }
        m.defineFunction("squeeze") { ctx, args in
            let a = try Signature("squeeze(input, axis=None, name=None, squeeze_dims=None)").bind(args)
            let x = try operand(ctx, a["input"])
            let av = a["axis"].isNone ? a["squeeze_dims"] : a["axis"]
            var axes: [Int] = []
            if case .int(let i) = av { axes = [i] } else if !av.isNone { axes = try ctx.toArray(av).map { try $0.asIndex() } }
            return wrap(ctx, try call { try TFBinding.graphOf([x]).squeeze(x, axis: axes, name: try name(a)) })
        }
        m.defineFunction("gather_nd") { ctx, args in
            let a = try Signature("gather_nd(params, indices, name=None, batch_dims=0)").bind(args)
            if try a.int("batch_dims") != 0 { throw PyError.notImplementedError("MiniTF: gather_nd with batch_dims") }
            let p = try operand(ctx, a["params"]), i = try operand(ctx, a["indices"])
            return wrap(ctx, try call { try TFBinding.graphOf([p, i]).gatherND(p, i, name: try name(a)) })
        }
        let random = PyModule(name: "tensorflow.random")
        if let f = m["random_uniform"] { random.set("uniform", f) }
        if let f = m["random_normal"] { random.set("normal", f) }
        if let f = m["truncated_normal"] { random.set("truncated_normal", f) }
        random.defineFunction("set_seed") { _, _ in .none }
        m.set("random", .object(random))

        let image = PyModule(name: "tensorflow.image")
        let patchSig = Signature("extract_patches(images, sizes, strides, rates, padding, name=None)")
        let patches: (Interpreter, Arguments) throws -> Value = { ctx, args in
            let a = try patchSig.bind(args)
            let x = try operand(ctx, a["images"])
            let sizes = try TFBinding.intList(ctx, a["sizes"], name: "sizes")
            let strides = try TFBinding.intList(ctx, a["strides"], name: "strides")
            let rates = try TFBinding.intList(ctx, a["rates"], name: "rates")
            return wrap(ctx, try call { try TFBinding.graphOf([x]).extractPatches(x, sizes: sizes, strides: strides, rates: rates, padding: try a.string("padding"), name: try name(a)) })
        }
        image.defineFunction("extract_patches", patches)
        let eipSig = Signature("extract_image_patches(images, ksizes=None, strides=None, rates=None, padding=None, name=None, sizes=None)")
        image.defineFunction("extract_image_patches") { ctx, args in
            let a = try eipSig.bind(args)
            let sizes = a["ksizes"].isNone ? a["sizes"] : a["ksizes"]
            return try patches(ctx, Arguments([a["images"], sizes, a["strides"], a["rates"], a["padding"]], keywords: a["name"].isNone ? [] : [("name", a["name"])]))
        }
        m.set("image", .object(image))
        m.defineFunction("extract_image_patches") { ctx, args in try ctx.call(image["extract_image_patches"]!, args) }
    }

    // MARK: nn

    static func defineNN(_ m: PyModule) {
        let nn = PyModule(name: "tensorflow.nn")
        for (fn, type, arg) in [("relu", "Relu", "features"), ("sigmoid", "Sigmoid", "x"), ("tanh", "Tanh", "x")] {
            let sig = Signature("\(fn)(\(arg), name=None)")
            nn.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let x = try operand(ctx, a[arg])
                return wrap(ctx, try call { try TFBinding.graphOf([x]).unary(type, x, name: try name(a), argName: arg) })
            }
        }
        nn.defineFunction("softmax") { ctx, args in
            let a = try Signature("softmax(logits, axis=None, name=None, dim=None)").bind(args)
            let x = try operand(ctx, a["logits"])
            return wrap(ctx, try call { try TFBinding.graphOf([x]).softmax(x, name: try name(a)) })
        }
        let convSig = Signature("conv2d(input, filter=None, strides=None, padding=None, use_cudnn_on_gpu=True, data_format='NHWC', dilations=[1, 1, 1, 1], name=None, filters=None)")
        nn.defineFunction("conv2d") { ctx, args in
            let a = try convSig.bind(args)
            let x = try operand(ctx, a["input"])
            let fv = a["filter"].isNone ? a["filters"] : a["filter"]
            if fv.isNone { throw PyError.valueError("`filters` and `filter` cannot both be None.") }
            let f = try operand(ctx, fv)
            if a["strides"].isNone { throw PyError.typeError("conv2d() missing required argument 'strides'") }
            let strides = try TFBinding.intList(ctx, a["strides"], count: 4, name: "strides")
            let pad = try a.string("padding")
            if try a.string("data_format") != "NHWC" { throw PyError.notImplementedError("MiniTF supports data_format='NHWC' only") }
            let dil = a["dilations"].as(PyList.self) == nil && a["dilations"].as(PyTuple.self) == nil && a["dilations"].isNone
                ? [1, 1, 1, 1] : try TFBinding.intList(ctx, a["dilations"].isNone ? .list([.int(1)]) : a["dilations"], count: 4, name: "dilations")
            return wrap(ctx, try call { try TFBinding.graphOf([x, f]).conv2d(x, f, strides: strides, padding: pad, dilations: dil, name: try name(a)) })
        }
        for (fn, type) in [("max_pool", "MaxPool"), ("avg_pool", "AvgPool"), ("max_pool2d", "MaxPool"), ("avg_pool2d", "AvgPool")] {
            let sig = Signature("\(fn)(value=None, ksize=None, strides=None, padding=None, data_format='NHWC', name=None, input=None)")
            nn.defineFunction(fn) { ctx, args in
                let a = try sig.bind(args)
                let xv = a["value"].isNone ? a["input"] : a["value"]
                let x = try operand(ctx, xv)
                let k = try TFBinding.intList(ctx, a["ksize"], count: 4, name: "ksize")
                let st = try TFBinding.intList(ctx, a["strides"], count: 4, name: "strides")
                return wrap(ctx, try call { try TFBinding.graphOf([x]).pool(type, x, ksize: k, strides: st, padding: try a.string("padding"), name: try name(a)) })
            }
        }
        m.set("nn", .object(nn))
    }

    // MARK: train

    static func defineTrain(_ m: PyModule) {
        let train = PyModule(name: "tensorflow.train")
        train.set("GradientDescentOptimizer", .object(TFTypes.optimizer))
        train.set("Optimizer", .object(TFTypes.optimizer))
        m.set("train", .object(train))
    }
}

extension TFOperand {
    /// The concrete value of a literal or array operand.
    var staticValueForBinding: TFArray? {
        switch self {
        case .literal(let a), .array(let a): return a
        case .tensor: return nil
        }
    }
}

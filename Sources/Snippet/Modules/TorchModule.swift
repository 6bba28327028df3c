import Foundation
import MiniTorch

extension ModuleHooks {
    /// `import torch`, `import torch.nn as nn`, `import torch.nn.functional as F`, `from torch import optim`, ...
    public static var torch: ModuleLoader? { TorchModule.load }
}

/// The `torch` module: dtypes, creation, the op table's function forms, random numbers, grad mode,
/// and the submodules `nn`, `nn.functional`, `optim`, `autograd`, `cuda`, `return_types`.
enum TorchModule {
    static func load(_ ctx: Interpreter) throws -> PyModule {
        // Process-wide engine state starts fresh for every run (a run is one Python process).
        try? DType.setDefault(.float32)
        PrintOptions.current = PrintOptions()
        Generator.default.manualSeed(Generator.defaultSeed)
        ctx.errorTranslators.append(TorchConvert.translate)
        TorchOps.ensureRegistered()

        let m = PyModule(name: "torch")
        // Function forms of the op table (torch.add, torch.gather, torch.sum, ...); classes and the
        // bindings below replace table entries of the same name (torch.Tensor must be a class).
        for (name, spec) in OpTable.specs where spec.isFunction {
            m.defineFunction(name) { ctx, args in try TorchOps.call(ctx, name, args) }
        }
        m.set("__version__", .str("2.15.0"))
        // Python floats, as in torch/__init__.py (`from math import e, nan, inf, pi`).
        for (name, v) in [("e", M_E), ("pi", Double.pi), ("inf", Double.infinity), ("nan", Double.nan)] { m.set(name, .float(v)) }
        m.defineClass(TorchTypes.tensor)
        m.set("Size", .object(TorchTypes.size))
        m.set("dtype", .object(TorchTypes.dtypeType))
        m.set("device", .object(TorchTypes.deviceType))
        for d in DType.allCases { m.set(d.shortName, PyDTypeObject.of(d)) }
        m.set("float", PyDTypeObject.of(.float32))
        m.set("double", PyDTypeObject.of(.float64))
        m.set("long", PyDTypeObject.of(.int64))
        m.set("int", PyDTypeObject.of(.int32))

        defineCreation(m)
        defineRandom(m)
        // The random factories are the engine's op-table entries (Random/RandomTable.swift).
        for name in ["manual_seed", "rand", "randn", "randint", "randperm", "rand_like", "randn_like"] {
            m.defineFunction(name) { ctx, args in try TorchOps.call(ctx, name, args) }
        }
        defineGradMode(m)
        defineMisc(m)

        let returnTypes = PyModule(name: "torch.return_types")
        for n in ["max", "min", "sort", "topk", "kthvalue", "mode", "median", "nanmedian"] { returnTypes.set(n, .object(TorchTypes.returnType(n))) }
        m.set("return_types", .object(returnTypes))
        m.set("autograd", .object(TorchAutograd.module(ctx)))
        m.set("cuda", .object(TorchCuda.module(ctx)))
        m.set("linalg", .object(TorchLinalg.module(ctx)))
        let nn = TorchNN.module(ctx)
        m.set("nn", .object(nn))
        m.set("optim", .object(TorchOptim.module(ctx)))
        return m
    }

    static func defineCreation(_ m: PyModule) {
        // `torch.tensor`: numpy arrays and tensors keep their dtype (the table's version sees nested numbers).
        let tensorSig = Signature("tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False)")
        m.defineFunction("tensor") { ctx, args in
            let a = try tensorSig.bind(args)
            let dtype = try TorchConvert.dtype(a["dtype"])
            let device = try TorchConvert.device(a["device"]) ?? .cpu
            try TorchDevices.check(ctx, device)
            let data = a["data"]
            var t: Tensor
            if let src = data.as(PyTensor.self)?.tensor ?? data.as(PyNDArray.self)?.tensor {
                t = src.detach().to(dtype ?? src.dtype, copy: true)
            } else {
                let n = try TorchConvert.nested(ctx, data)
                t = try Tensor.fromNested(n, dtype: dtype)
            }
            if device != .cpu { t = t.to(device: device) }
            if try a.bool("requires_grad") {
                // Factory functions word this check differently from `requires_grad_()`.
                guard t.dtype.isFloatingPoint else { throw PyError.runtimeError("Only Tensors of floating point and complex dtype can require gradients") }
                try t.setRequiresGrad(true)
            }
            return TorchConvert.tensorValue(t)
        }
        m.defineFunction("as_tensor") { ctx, args in
            let a = try Signature("as_tensor(data, dtype=None, device=None)").bind(args)
            let dtype = try TorchConvert.dtype(a["dtype"])
            if let src = a["data"].as(PyTensor.self)?.tensor, dtype == nil || dtype == src.dtype { return a["data"] }
            if let arr = a["data"].as(PyNDArray.self)?.tensor, dtype == nil || dtype == arr.dtype {
                return TorchConvert.tensorValue(Tensor(storage: arr.storage, layout: arr.layout))
            }
            return try ctx.call(m["tensor"] ?? .none, Arguments([a["data"]], keywords: [("dtype", a["dtype"])]))
        }
        m.defineFunction("from_numpy") { ctx, args in
            let a = try Signature("from_numpy(ndarray)").bind(args)
            guard let arr = a["ndarray"].as(PyNDArray.self)?.tensor else {
                throw PyError.typeError("expected np.ndarray (got \(a["ndarray"].typeName))")
            }
            return TorchConvert.tensorValue(Tensor(storage: arr.storage, layout: arr.layout))
        }
        // Legacy typed constructors: torch.FloatTensor(2, 3) / torch.LongTensor([1, 2]).
        let legacy: [(String, DType)] = [("FloatTensor", .float32), ("DoubleTensor", .float64), ("LongTensor", .int64),
                                         ("IntTensor", .int32), ("BoolTensor", .bool)]
        for (name, d) in legacy {
            let t = PyType(name: name, module: "torch", bases: [TorchTypes.tensor])
            t.constructor = { ctx, _, args in try TorchTensorType.legacyConstructor(ctx, args, dtype: d, name: name) }
            m.set(name, .object(t))
        }
    }

    // MARK: random numbers (PyTorch's CPU generator, bit-compatible)

    /// The generator functions the op table does not declare; `rand`, `randn`, `randint`, `randperm`, their
    /// `_like` forms and `manual_seed` are the table's (bound in `define` above).
    static func defineRandom(_ m: PyModule) {
        m.defineFunction("seed") { _, _ in
            let s = Int64.random(in: 0..<Int64.max)
            Generator.default.manualSeed(s)
            return .int(Int(s))
        }
        m.defineFunction("initial_seed") { _, _ in .int(Int(truncatingIfNeeded: Generator.default.initialSeed)) }
    }

    // MARK: grad mode

    /// `torch.no_grad()` etc.: context managers that set the thread's grad mode and restore it on exit.
    static let gradModeType: PyType = {
        let t = PyType(name: "set_grad_enabled", module: "torch.autograd.grad_mode")
        t.defineMethod("__enter__") { _, this, _ in
            guard let g = this.as(PyGradModeContext.self) else { return .none }
            // set_grad_enabled(mode) switched already when it was created; exit restores what it saved.
            if g.appliedAtCreation { g.appliedAtCreation = false; return .none }
            g.previous.append(GradMode.isEnabled)
            GradMode.isEnabled = g.enabled
            return .none
        }
        t.defineMethod("__exit__") { _, this, _ in
            guard let g = this.as(PyGradModeContext.self), let p = g.previous.popLast() else { return .bool(false) }
            GradMode.isEnabled = p
            return .bool(false)
        }
        t.defineMethod("__call__") { ctx, this, args in
            // Used as a decorator: wrap the function so it runs in this mode.
            guard let g = this.as(PyGradModeContext.self), let f = args[0] else { throw PyError.typeError("expected a function") }
            let enabled = g.enabled
            return .object(PyBuiltinFunction(name: "decorated") { ctx, a in
                try GradMode.with(enabled: enabled) { try ctx.call(f, a) }
            })
        }
        return t
    }()

    static func defineGradMode(_ m: PyModule) {
        for (name, enabled) in [("no_grad", false), ("enable_grad", true), ("inference_mode", false)] {
            let t = PyType(name: name, module: "torch.autograd.grad_mode", bases: [gradModeType])
            t.constructor = { _, type, args in
                let ctxObj = PyGradModeContext(type: type, enabled: enabled)
                if name == "inference_mode", let v = args[0], case .bool(let b) = v { ctxObj.enabled = !b }
                return .object(ctxObj)
            }
            m.set(name, .object(t))
        }
        let setT = gradModeType
        setT.constructor = { ctx, type, args in
            let a = try Signature("set_grad_enabled(mode)").bind(args)
            let mode = try a.bool("mode")
            // Takes effect immediately (also usable as a context manager that restores on exit).
            let c = PyGradModeContext(type: type, enabled: mode)
            c.previous.append(GradMode.isEnabled)
            GradMode.isEnabled = mode
            c.appliedAtCreation = true
            return .object(c)
        }
        m.set("set_grad_enabled", .object(setT))
        m.defineFunction("is_grad_enabled") { _, args in try args.expectNone("is_grad_enabled"); return .bool(GradMode.isEnabled) }
        m.defineFunction("is_inference_mode_enabled") { _, _ in .bool(false) }
    }

    // MARK: dtype helpers, printing, misc

    static func defineMisc(_ m: PyModule) {
        m.defineFunction("get_default_dtype") { _, args in try args.expectNone("get_default_dtype"); return PyDTypeObject.of(DType.defaultFloat) }
        m.defineFunction("set_default_dtype") { _, args in
            let a = try Signature("set_default_dtype(d)").bind(args)
            guard let d = try TorchConvert.dtype(a["d"]) else { throw PyError.typeError("only floating-point types are supported as the default type") }
            try DType.setDefault(d)
            return .none
        }
        m.defineFunction("is_tensor") { _, args in .bool(args[0]?.as(PyTensor.self) != nil) }
        m.defineFunction("is_floating_point") { _, args in
            .bool(try TorchConvert.tensor(args[0] ?? .none).dtype.isFloatingPoint)
        }
        m.defineFunction("promote_types") { _, args in
            let a = try Signature("promote_types(type1, type2)").bind(args)
            guard let x = try TorchConvert.dtype(a["type1"]), let y = try TorchConvert.dtype(a["type2"]) else { throw PyError.typeError("expected dtypes") }
            return PyDTypeObject.of(DType.promote(x, y))
        }
        m.defineFunction("can_cast") { _, args in
            let a = try Signature("can_cast(from_, to)").bind(args)
            guard let x = try TorchConvert.dtype(a["from_"]), let y = try TorchConvert.dtype(a["to"]) else { throw PyError.typeError("expected dtypes") }
            return .bool(DType.canCast(from: x, to: y))
        }
        m.defineFunction("einsum") { ctx, args in
            // torch.einsum(equation, *operands) or torch.einsum(equation, [operands]).
            guard args.positional.count >= 2, let first = args.positional.first else {
                throw PyError(.valueError, "einsum(): must specify the equation string and at least one operand, or at least one operand and its subscripts list")
            }
            let eq = try first.asString()
            var rest = Array(args.positional.dropFirst())
            if rest.count == 1, rest[0].as(PyTensor.self) == nil { rest = try ctx.toArray(rest[0]) }
            let ts = try rest.enumerated().map { i, v -> Tensor in
                guard let t = v.as(PyTensor.self)?.tensor else {
                    throw PyError.typeError("einsum(): argument 'tensors' (position 2) must be tuple of Tensors, not \(v.typeName)")
                }
                return t
            }
            return TorchConvert.tensorValue(try Tensor.einsum(eq, ts))
        }
        m.defineFunction("broadcast_tensors") { ctx, args in
            // Every tensor expanded to the common shape (ExpandBackward0), as a tuple.
            let ts = try args.positional.enumerated().map { i, v -> Tensor in
                guard let t = v.as(PyTensor.self)?.tensor else {
                    throw PyError.typeError("expected Tensor as element \(i) in argument 0, but got \(v.typeName)")
                }
                return t
            }
            let shape = try ts.dropFirst().reduce(ts.first?.shape ?? []) { try broadcastShapes($0, $1.shape) }
            return .tuple(try ts.map { TorchConvert.tensorValue(try $0.expand(shape)) })
        }
        m.defineFunction("result_type") { ctx, args in
            let a = try Signature("result_type(tensor1, tensor2)").bind(args)
            func operand(_ v: Value) throws -> PromotionOperand {
                if let t = v.as(PyTensor.self)?.tensor { return t.promotionOperand }
                if let s = TorchConvert.scalar(v) { return Tensor.wrappedScalar(s).promotionOperand }
                throw PyError.typeError("result_type() expects tensors or numbers")
            }
            return PyDTypeObject.of(DType.resultType([try operand(a["tensor1"]), try operand(a["tensor2"])]))
        }
        m.defineFunction("broadcast_shapes") { ctx, args in
            // torch._refs._broadcast_shapes: ints count as 1-D shapes, None is skipped, right-aligned merge.
            if let kw = args.keywords.first {
                throw PyError.typeError("broadcast_shapes() got an unexpected keyword argument '\(kw.name)'")
            }
            var shapes: [(shown: String, dims: [Int])] = []
            for v in args.positional where !v.isNone {
                if case .int(let i) = v { shapes.append(("(\(i),)", [i])); continue }
                guard case .object(let o) = v, o is PyTuple || o is PyList else {
                    throw PyError.runtimeError("Input shapes should be of type ints, a tuple of ints, or a list of ints, got \(try ctx.repr(v))")
                }
                let dims = try ctx.toArray(v).map { item -> Int in
                    guard case .int(let i) = item else {
                        throw PyError.typeError("'<' not supported between instances of '\(item.typeName)' and 'int'")
                    }
                    return i
                }
                shapes.append((try ctx.repr(v), dims))
            }
            var common = [Int](repeating: 1, count: shapes.map(\.dims.count).max() ?? 0)
            for (argIndex, shape) in shapes.enumerated() {
                for back in stride(from: 1, through: shape.dims.count, by: 1) {
                    let size = shape.dims[shape.dims.count - back], c = common.count - back
                    if size == common[c] { continue }
                    if common[c] == 1 {
                        if size < 0 { throw PyError.valueError("Attempting to broadcast a dimension with negative length!") }
                        common[c] = size
                    }
                    if size == 1 { continue }
                    guard common[c] == size else {
                        throw PyError.runtimeError("Attempting to broadcast a dimension of length \(size) at \(-back)! Mismatching argument at index \(argIndex) had \(shape.shown); but expected shape should be broadcastable to [\(common.map(String.init).joined(separator: ", "))]")
                    }
                }
            }
            return TorchConvert.sizeValue(common)
        }
        m.defineFunction("set_printoptions") { ctx, args in
            let a = try Signature("set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)").bind(args)
            var o = PrintOptions.current
            if let p = try a.optionalString("profile") {
                guard let po = PrintOptions.profile(p) else { throw PyError.keyError(.str(p)) }
                o = po
            }
            if let p = try a.optionalInt("precision") { o.precision = p }
            if let p = try a.optionalDouble("threshold") { o.threshold = p }
            if let p = try a.optionalInt("edgeitems") { o.edgeitems = p }
            if let p = try a.optionalInt("linewidth") { o.linewidth = p }
            if !a["sci_mode"].isNone { o.sciMode = try a.bool("sci_mode") }
            PrintOptions.current = o
            return .none
        }
        m.defineFunction("numel") { _, args in .int(try TorchConvert.tensor(args[0] ?? .none).numel) }
    }
}

/// A `torch.no_grad()` / `enable_grad()` / `set_grad_enabled(mode)` object.
final class PyGradModeContext: PyObject {
    var enabled: Bool
    var previous: [Bool] = []
    var appliedAtCreation = false
    init(type: PyType, enabled: Bool) { self.enabled = enabled; super.init(type: type) }
}

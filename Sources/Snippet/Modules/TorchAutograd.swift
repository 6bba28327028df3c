import Foundation
import MiniTorch

/// `torch.autograd` (Variable, grad, backward) and `torch.cuda` (the simulated GPUs).
enum TorchAutograd {
    static func module(_ ctx: Interpreter) -> PyModule {
        let m = PyModule(name: "torch.autograd")
        let variable = PyType(name: "Variable", module: "torch.autograd.variable")
        variable.constructor = { ctx, _, args in
            let a = try Signature("Variable(data, requires_grad=False, volatile=False)").bind(args)
            let t = try TorchConvert.tensor(a["data"], what: "data")
            return TorchConvert.tensorValue(try Autograd.variable(t, requiresGrad: a.bool("requires_grad")))
        }
        m.set("Variable", .object(variable))

        func tensorList(_ ctx: Interpreter, _ v: Value) throws -> [Tensor] {
            if let t = v.as(PyTensor.self)?.tensor { return [t] }
            return try ctx.toArray(v).map { try TorchConvert.tensor($0) }
        }
        func optionalTensorList(_ ctx: Interpreter, _ v: Value) throws -> [Tensor?]? {
            if v.isNone { return nil }
            if let t = v.as(PyTensor.self)?.tensor { return [t] }
            return try ctx.toArray(v).map { $0.isNone ? nil : try TorchConvert.tensor($0) }
        }
        m.defineFunction("grad") { ctx, args in
            let a = try Signature("grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False)").bind(args)
            let outs = try tensorList(ctx, a["outputs"]), ins = try tensorList(ctx, a["inputs"])
            let retain: Bool? = a["retain_graph"].isNone ? nil : try a.bool("retain_graph")
            let allowUnused = a["allow_unused"].isNone ? false : try a.bool("allow_unused")
            let gs = try Autograd.grad(outputs: outs, inputs: ins, gradOutputs: optionalTensorList(ctx, a["grad_outputs"]),
                                       retainGraph: retain, createGraph: a.bool("create_graph"), allowUnused: allowUnused)
            return .tuple(gs.map { $0.map(TorchConvert.tensorValue) ?? .none })
        }
        m.defineFunction("backward") { ctx, args in
            let a = try Signature("backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None)").bind(args)
            let retain: Bool? = a["retain_graph"].isNone ? nil : try a.bool("retain_graph")
            try Autograd.backward(tensorList(ctx, a["tensors"]), gradTensors: optionalTensorList(ctx, a["grad_tensors"]),
                                  retainGraph: retain, createGraph: a.bool("create_graph"))
            return .none
        }
        return m
    }
}

enum TorchCuda {
    static let outOfMemory = PyType(name: "OutOfMemoryError", module: "torch.cuda", bases: [.runtimeError])

    static func module(_ ctx: Interpreter) -> PyModule {
        let m = PyModule(name: "torch.cuda")
        m.defineFunction("is_available") { ctx, _ in .bool(TorchDevices.count(ctx) > 0) }
        m.defineFunction("device_count") { ctx, _ in .int(TorchDevices.count(ctx)) }
        m.defineFunction("current_device") { ctx, _ in
            guard TorchDevices.count(ctx) > 0 else { throw PyError.runtimeError("Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx") }
            return .int(0)
        }
        m.defineFunction("get_device_name") { _, _ in .str("tensorprep simulated GPU") }
        for name in ["synchronize", "empty_cache", "manual_seed", "manual_seed_all", "set_device"] {
            m.defineFunction(name) { _, _ in .none }
        }
        // The simulated caching allocator's counters (MiniTorch's CUDAMemory): live CUDA storages, rounded to
        // PyTorch's 512-byte blocks.
        m.defineFunction("memory_allocated") { ctx, args in
            .int(CUDAMemory.allocated(device: try memoryDevice(ctx, args, "memory_allocated")))
        }
        m.defineFunction("max_memory_allocated") { ctx, args in
            .int(CUDAMemory.peak(device: try memoryDevice(ctx, args, "max_memory_allocated")))
        }
        m.defineFunction("reset_peak_memory_stats") { ctx, args in
            CUDAMemory.resetPeak(device: try memoryDevice(ctx, args, "reset_peak_memory_stats"))
            return .none
        }
        m.set("OutOfMemoryError", .object(outOfMemory))
        return m
    }

    /// The `device=None` argument of the memory statistics: an index, `'cuda:1'`, a `torch.device`, or the
    /// current device (0); PyTorch's errors for a CPU device and for an index with no GPU behind it.
    static func memoryDevice(_ ctx: Interpreter, _ args: Arguments, _ name: String) throws -> Int {
        let a = try Signature("\(name)(device=None)").bind(args)
        let n = TorchDevices.count(ctx)
        guard n > 0 else {
            throw PyError.runtimeError("Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx")
        }
        let index: Int
        switch try TorchConvert.device(a["device"]) {
        case nil: index = 0
        case .cpu?: throw PyError.valueError("Expected a cuda device, but got: cpu")
        case .cuda(let i)?: index = i
        }
        guard index >= 0, index < n else {
            throw PyError.runtimeError("Invalid device argument \(index): did you call init?")
        }
        return index
    }
}

/// `torch.optim`: SGD and Adam over the engine's optimizers.
final class PyOptimizer: PyObject {
    let optimizer: Optimizer
    init(_ o: Optimizer, type: PyType) { optimizer = o; super.init(type: type, hasDict: true) }
}

enum TorchOptim {
    static func params(_ ctx: Interpreter, _ v: Value) throws -> [Tensor] {
        var out: [Tensor] = []
        for item in try ctx.toArray(v) {
            if let t = item.as(PyTensor.self)?.tensor { out.append(t); continue }
            if let d = item.as(PyDict.self), let ps = d[string: "params"] { out += try params(ctx, ps); continue }
            throw PyError.typeError("optimizer can only optimize Tensors, but one of the params is \(item.typeName)")
        }
        return out
    }

    static let optimizerType: PyType = {
        let t = PyType(name: "Optimizer", module: "torch.optim.optimizer")
        func opt(_ v: Value) throws -> Optimizer {
            guard let o = v.as(PyOptimizer.self)?.optimizer else { throw PyError.typeError("expected an optimizer") }
            return o
        }
        t.defineMethod("step") { ctx, this, args in
            let a = try Signature("step(closure=None)").bind(args)
            var loss: Value = .none
            if !a["closure"].isNone { loss = try GradMode.with(enabled: true) { try ctx.call(a["closure"], Arguments()) } }
            try GradMode.with(enabled: false) { try opt(this).step() }
            return loss
        }
        t.defineMethod("zero_grad") { ctx, this, args in
            let a = try Signature("zero_grad(set_to_none=True)").bind(args)
            try opt(this).zeroGrad(setToNone: a.bool("set_to_none"))
            return .none
        }
        t.defineProperty("param_groups") { ctx, this in
            .list(try opt(this).paramGroups.map { g in
                let d = PyDict()
                d[string: "params"] = .list(g.params.map(TorchConvert.tensorValue))
                for k in g.keys {
                    switch g[k] {
                    case .number(let x)?: d[string: k] = (x == x.rounded() && abs(x) < 1e15 && !["lr", "eps"].contains(k)) ? .int(Int(x)) : .float(x)
                    case .bool(let b)?: d[string: k] = .bool(b)
                    case .pair(let x, let y)?: d[string: k] = .tuple([.float(x), .float(y)])
                    default: d[string: k] = .none
                    }
                }
                return .object(d)
            })
        }
        t.defineMethod("__repr__") { ctx, this, _ in
            let o = try opt(this)
            var lines = ["\(o.typeName) ("]
            for (i, g) in o.paramGroups.enumerated() {
                lines.append("Parameter Group \(i)")
                for k in g.keys.sorted() {
                    let v: String
                    switch g[k] {
                    case .number(let x)?: v = (x == x.rounded() && abs(x) < 1e15 && !["lr", "eps"].contains(k)) ? String(Int(x)) : formatPythonFloat(x)
                    case .bool(let b)?: v = b ? "True" : "False"
                    case .pair(let x, let y)?: v = "(\(formatPythonFloat(x)), \(formatPythonFloat(y)))"
                    default: v = "None"
                    }
                    lines.append("    \(k): \(v)")
                }
            }
            lines.append(")")
            return .str(lines.joined(separator: "\n"))
        }
        return t
    }()

    static func module(_ ctx: Interpreter) -> PyModule {
        let m = PyModule(name: "torch.optim")
        m.set("Optimizer", .object(optimizerType))
        let sgd = PyType(name: "SGD", module: "torch.optim.sgd", bases: [optimizerType])
        sgd.constructor = { ctx, type, args in
            let a = try Signature("SGD(params, lr=0.001, momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False, foreach=None, differentiable=False, fused=None)").bind(args)
            let o = try SGD(params(ctx, a["params"]), lr: a.double("lr"), momentum: a.double("momentum"), dampening: a.double("dampening"),
                            weightDecay: a.double("weight_decay"), nesterov: a.bool("nesterov"), maximize: a.bool("maximize"))
            return .object(PyOptimizer(o, type: type))
        }
        m.set("SGD", .object(sgd))
        for name in ["Adam", "AdamW"] {
            let adam = PyType(name: name, module: "torch.optim.\(name.lowercased())", bases: [optimizerType])
            let wd = name == "AdamW" ? "0.01" : "0"
            adam.constructor = { ctx, type, args in
                let a = try Signature("\(name)(params, lr=0.001, betas=None, eps=1e-08, weight_decay=\(wd), amsgrad=False, *, foreach=None, maximize=False, capturable=False, differentiable=False, fused=None)").bind(args)
                var betas = (0.9, 0.999)
                if !a["betas"].isNone {
                    let b = try ctx.toArray(a["betas"]).map { try $0.asDouble() }
                    guard b.count == 2 else { throw PyError.valueError("betas must be a pair") }
                    betas = (b[0], b[1])
                }
                let o = try Adam(params(ctx, a["params"]), lr: a.double("lr"), betas: betas, eps: a.double("eps"),
                                 weightDecay: a.double("weight_decay"), amsgrad: a.bool("amsgrad"), maximize: a.bool("maximize"),
                                 decoupledWeightDecay: name == "AdamW", typeName: name)
                return .object(PyOptimizer(o, type: type))
            }
            m.set(name, .object(adam))
        }
        return m
    }
}

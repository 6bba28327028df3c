import Foundation
import MiniTorch

/// `torch.nn`: `Module` (subclassable from a snippet), the layers, containers and losses of the engine,
/// `Parameter`, and `torch.nn.functional`.
public final class PyNNModule: PyObject {
    public let module: Module
    public init(_ m: Module, type: PyType) { module = m; super.init(type: type, hasDict: true) }
}

/// Loss modules: two inputs, so they are called from the binding rather than through `Module.forward`.
final class BindingLoss: Module {
    let compute: (Tensor, Tensor) throws -> Tensor
    let extra: String
    init(_ name: String, extra: String = "", _ compute: @escaping (Tensor, Tensor) throws -> Tensor) {
        self.compute = compute; self.extra = extra
        super.init(typeName: name)
    }
    override func extraRepr() -> String { extra }
}

/// Per-run registry: the Python object of each engine module (so `model[0] is model[0]`, and Python `forward`s run).
final class NNState {
    var wrappers: [ObjectIdentifier: PyNNModule] = [:]
    static func of(_ ctx: Interpreter) -> NNState {
        if let s = ctx.extensionState["torch.nn"] as? NNState { return s }
        let s = NNState()
        ctx.extensionState["torch.nn"] = s
        return s
    }
}

enum TorchNN {
    static func wrap(_ ctx: Interpreter, _ m: Module) -> Value {
        let st = NNState.of(ctx)
        if let w = st.wrappers[ObjectIdentifier(m)] { return .object(w) }
        let w = PyNNModule(m, type: layerTypes[m.typeName] ?? moduleType)
        st.wrappers[ObjectIdentifier(m)] = w
        return .object(w)
    }
    static func register(_ ctx: Interpreter, _ w: PyNNModule) -> Value {
        NNState.of(ctx).wrappers[ObjectIdentifier(w.module)] = w
        if w.type.isUserDefined, w.module.forwardOverride == nil {
            // A Python `forward` stands in for the engine's (so Sequential and hooks reach it).
            w.module.forwardOverride = { [weak ctx, unowned w] x in
                guard let ctx else { throw TensorError.runtime("interpreter gone") }
                return try TorchConvert.tensor(try ctx.callMethod(.object(w), "forward", Arguments([TorchConvert.tensorValue(x)])))
            }
        }
        return .object(w)
    }
    static func mod(_ v: Value) throws -> Module {
        guard let m = v.as(PyNNModule.self)?.module else { throw PyError.typeError("expected an nn.Module, got \(v.typeName)") }
        return m
    }
    static func tensor(_ v: Value) throws -> Tensor { try TorchConvert.tensor(v, what: "input") }

    static func attributeValue(_ v: Value) -> Module.AttributeValue {
        if v.isNone { return .none }
        if let t = v.as(PyTensor.self)?.tensor { return t.isParameter ? .parameter(t) : .tensor(t) }
        if let m = v.as(PyNNModule.self)?.module { return .module(m) }
        return .other(typeName: v.typeName)
    }

    static func closure(_ items: [Value]) -> () throws -> Value? {
        var i = 0
        return { guard i < items.count else { return nil }; defer { i += 1 }; return items[i] }
    }
    static func iterator(_ items: [Value]) -> Value { .object(PyIterator(type: PyType.generator, Self.closure(items))) }

    /// `collections.OrderedDict` as `state_dict()` returns it (prints `OrderedDict([('weight', tensor(...))])`).
    static let orderedDictType: PyType = {
        let t = PyType(name: "OrderedDict", module: "collections", bases: [PyType.dict])
        t.defineMethod("__repr__") { ctx, this, _ in
            guard let d = this.as(PyDict.self), d.count > 0 else { return .str("OrderedDict()") }
            let items = try d.entries.map { "(" + (try ctx.repr($0.key)) + ", " + (try ctx.repr($0.value)) + ")" }
            return .str("OrderedDict([" + items.joined(separator: ", ") + "])")
        }
        return t
    }()

    // MARK: nn.Module

    static let moduleType: PyType = {
        let t = PyType(name: "Module", module: "torch.nn.modules.module")
        t.allocator = { subtype in PyNNModule(Module(typeName: subtype.name), type: subtype) }
        t.defineMethod("__init__") { ctx, this, _ in
            if let w = this.as(PyNNModule.self) { _ = register(ctx, w) }
            return .none
        }
        t.defineMethod("__setattr__") { ctx, this, args in
            guard case .str(let name)? = args[0], let w = this.as(PyNNModule.self) else { throw PyError.typeError("attribute name must be string") }
            let v = args[1] ?? .none
            if name == "training" { w.module.training = try ctx.isTruthy(v); return .none }
            if w.type.isUserDefined { _ = register(ctx, w) }
            if let sub = v.as(PyNNModule.self) { _ = register(ctx, sub) }
            if try w.module.setAttribute(name, attributeValue(v)) {
                w.dict?[name] = nil
            } else {
                w.dict?[name] = v
            }
            return .none
        }
        t.defineMethod("__getattr__") { ctx, this, args in
            guard case .str(let name)? = args[0], let w = this.as(PyNNModule.self) else { throw PyError.typeError("attribute name must be string") }
            switch w.module.attribute(name) {
            case .parameter(let p)?: return p.map(TorchConvert.tensorValue) ?? .none
            case .buffer(let b)?: return b.map(TorchConvert.tensorValue) ?? .none
            case .module(let m)?: return m.map { wrap(ctx, $0) } ?? .none
            case nil: throw PyError.attributeError("'\(w.type.name)' object has no attribute '\(name)'")
            }
        }
        t.defineMethod("__delattr__") { ctx, this, args in
            guard case .str(let name)? = args[0], let w = this.as(PyNNModule.self) else { return .none }
            if !w.module.deleteAttribute(name) { w.dict?[name] = nil }
            return .none
        }
        t.defineProperty("training", get: { _, this in .bool(try mod(this).training) }, set: { ctx, this, v in
            try mod(this).training = ctx.isTruthy(v)
        })
        t.defineMethod("__call__") { ctx, this, args in
            guard let w = this.as(PyNNModule.self) else { throw PyError.typeError("expected a module") }
            if let f = w.type.lookup("forward"), f.as(PyFunction.self) != nil {
                _ = register(ctx, w)
                return try ctx.callAttribute(f, receiver: this, args)
            }
            if let loss = w.module as? BindingLoss {
                guard args.positional.count == 2 else { throw PyError.typeError("forward() missing 1 required positional argument: 'target'") }
                return TorchConvert.tensorValue(try loss.compute(try tensor(args.positional[0]), try tensor(args.positional[1])))
            }
            if let dp = w.module as? PyDataParallelHook { return try dp.call(ctx, args) }
            guard args.positional.count == 1, args.keywords.isEmpty else {
                throw PyError.typeError("forward() takes 2 positional arguments but \(args.positional.count + 1) were given")
            }
            return TorchConvert.tensorValue(try w.module(try tensor(args.positional[0])))
        }
        t.defineMethod("forward") { ctx, this, args in
            let m = try mod(this)
            if let loss = m as? BindingLoss, args.positional.count == 2 {
                return TorchConvert.tensorValue(try loss.compute(try tensor(args.positional[0]), try tensor(args.positional[1])))
            }
            guard let x = args[0] else { throw PyError.typeError("forward() missing 1 required positional argument: 'input'") }
            return TorchConvert.tensorValue(try m.forward(try tensor(x)))
        }
        t.defineMethod("__repr__") { ctx, this, _ in .str(try mod(this).repr) }
        t.defineMethod("extra_repr") { _, this, _ in .str(try mod(this).extraRepr()) }
        t.defineMethod("_get_name") { _, this, _ in .str(try mod(this).typeName) }
        t.defineMethod("parameters") { ctx, this, args in
            let a = try Signature("parameters(recurse=True)").bind(args)
            return iterator(try mod(this).parameters(recurse: a.bool("recurse")).map(TorchConvert.tensorValue))
        }
        t.defineMethod("named_parameters") { ctx, this, args in
            let a = try Signature("named_parameters(prefix='', recurse=True)").bind(args)
            return iterator(try mod(this).namedParameters(prefix: a.string("prefix"), recurse: a.bool("recurse"))
                .map { .tuple([.str($0.0), TorchConvert.tensorValue($0.1)]) })
        }
        t.defineMethod("buffers") { ctx, this, args in
            let a = try Signature("buffers(recurse=True)").bind(args)
            return iterator(try mod(this).buffers(recurse: a.bool("recurse")).map(TorchConvert.tensorValue))
        }
        t.defineMethod("named_buffers") { ctx, this, args in
            let a = try Signature("named_buffers(prefix='', recurse=True)").bind(args)
            return iterator(try mod(this).namedBuffers(prefix: a.string("prefix"), recurse: a.bool("recurse"))
                .map { .tuple([.str($0.0), TorchConvert.tensorValue($0.1)]) })
        }
        t.defineMethod("children") { ctx, this, _ in iterator(try mod(this).children().map { wrap(ctx, $0) }) }
        t.defineMethod("named_children") { ctx, this, _ in
            iterator(try mod(this).namedChildren().map { .tuple([.str($0.0), wrap(ctx, $0.1)]) })
        }
        t.defineMethod("modules") { ctx, this, _ in iterator(try mod(this).modules().map { wrap(ctx, $0) }) }
        t.defineMethod("named_modules") { ctx, this, _ in
            iterator(try mod(this).namedModules().map { .tuple([.str($0.0), wrap(ctx, $0.1)]) })
        }
        t.defineMethod("train") { ctx, this, args in
            let a = try Signature("train(mode=True)").bind(args)
            _ = try mod(this).train(a.bool("mode"))
            return this
        }
        t.defineMethod("eval") { _, this, _ in _ = try mod(this).eval(); return this }
        t.defineMethod("zero_grad") { ctx, this, args in
            let a = try Signature("zero_grad(set_to_none=True)").bind(args)
            try mod(this).zeroGrad(setToNone: a.bool("set_to_none"))
            return .none
        }
        t.defineMethod("requires_grad_") { ctx, this, args in
            let a = try Signature("requires_grad_(requires_grad=True)").bind(args)
            _ = try mod(this).requiresGrad_(a.bool("requires_grad"))
            return this
        }
        t.defineMethod("to") { ctx, this, args in
            let m = try mod(this)
            for v in args.positional + args.keywords.map({ $0.value }) {
                if v.as(PyDTypeObject.self) != nil { _ = try m.to(dtype: TorchConvert.dtype(v) ?? .float32) }
                else if let t = v.as(PyTensor.self)?.tensor { _ = try m.to(device: t.device); _ = try m.to(dtype: t.dtype) }
                else if let d = try TorchConvert.device(v) { try TorchDevices.check(ctx, d); _ = try m.to(device: d) }
            }
            return this
        }
        t.defineMethod("cuda") { ctx, this, args in
            let a = try Signature("cuda(device=None)").bind(args)
            let d: Device = try a["device"].isNone ? .cuda(0) : (TorchConvert.device(a["device"]) ?? .cuda(0))
            try TorchDevices.check(ctx, d)
            _ = try mod(this).to(device: d)
            return this
        }
        t.defineMethod("cpu") { _, this, _ in _ = try mod(this).cpu(); return this }
        t.defineMethod("float") { _, this, _ in _ = try mod(this).to(dtype: .float32); return this }
        t.defineMethod("double") { _, this, _ in _ = try mod(this).to(dtype: .float64); return this }
        t.defineMethod("state_dict") { ctx, this, _ in
            let d = PyDict(type: orderedDictType)
            for (k, v) in try mod(this).stateDict() { d[string: k] = TorchConvert.tensorValue(v) }
            return .object(d)
        }
        t.defineMethod("load_state_dict") { ctx, this, args in
            let a = try Signature("load_state_dict(state_dict, strict=True)").bind(args)
            guard let d = a["state_dict"].as(PyDict.self) else { throw PyError.typeError("Expected state_dict to be dict-like, got \(a["state_dict"].typeName).") }
            var sd: [(String, Tensor)] = []
            for (k, v) in d.entries { sd.append((try k.asString(), try TorchConvert.tensor(v))) }
            try mod(this).loadStateDict(sd, strict: a.bool("strict"))
            return .none
        }
        t.defineMethod("add_module") { ctx, this, args in
            let a = try Signature("add_module(name, module)").bind(args)
            let sub = a["module"].isNone ? nil : try mod(a["module"])
            try mod(this).registerModule(a.string("name"), sub)
            return .none
        }
        t.attributes["register_module"] = t.attributes["add_module"]
        t.defineMethod("register_buffer") { ctx, this, args in
            let a = try Signature("register_buffer(name, tensor, persistent=True)").bind(args)
            let tt = a["tensor"].isNone ? nil : try TorchConvert.tensor(a["tensor"])
            try mod(this).registerBuffer(a.string("name"), tt, persistent: a.bool("persistent"))
            return .none
        }
        t.defineMethod("register_parameter") { ctx, this, args in
            let a = try Signature("register_parameter(name, param)").bind(args)
            let p = a["param"].isNone ? nil : try TorchConvert.tensor(a["param"])
            try mod(this).registerParameter(a.string("name"), p)
            return .none
        }
        t.defineMethod("apply") { ctx, this, args in
            guard let f = args[0] else { throw PyError.typeError("apply() missing 1 required positional argument: 'fn'") }
            for m in try mod(this).modules().reversed() { _ = try ctx.call(f, Arguments([wrap(ctx, m)])) }
            return this
        }
        // Containers: seq[i], seq[a:b], len(seq), iter(seq), append.
        t.defineMethod("__getitem__") { ctx, this, args in
            let m = try mod(this)
            let kids = m.children()
            guard let k = args[0] else { throw PyError.typeError("expected an index") }
            if let s = k.as(PySlice.self) {
                guard let seq = m as? Sequential else { throw PyError.typeError("'\(m.typeName)' object is not subscriptable") }
                let r = try ctx.sliceIndices(s, length: seq.count)
                var pos: [Int] = [], i = r.start
                for _ in 0..<r.count { pos.append(i); i += r.step }
                return wrap(ctx, try seq.slice(pos))
            }
            guard m is Sequential || m is ModuleList else { throw PyError.typeError("'\(m.typeName)' object is not subscriptable") }
            var i = try k.asIndex()
            if i < -kids.count || i >= kids.count { throw PyError.indexError("index \(i) is out of range") }
            if i < 0 { i += kids.count }
            return wrap(ctx, kids[i])
        }
        t.defineMethod("__len__") { _, this, _ in .int(try mod(this).children().count) }
        t.defineMethod("__iter__") { ctx, this, _ in .object(PyIterator(try mod(this).children().map { wrap(ctx, $0) })) }
        t.defineMethod("append") { ctx, this, args in
            let m = try mod(this)
            guard let v = args[0] else { throw PyError.typeError("append() missing 1 required positional argument: 'module'") }
            let sub = try mod(v)
            if let s = m as? Sequential { try s.append(sub) } else if let l = m as? ModuleList { try l.append(sub) }
            else { throw PyError.attributeError("'\(m.typeName)' object has no attribute 'append'") }
            return this
        }
        return t
    }()

    /// Python classes of the engine's layers, by `typeName` (filled by `module(_:)`).
    nonisolated(unsafe) static var layerTypes: [String: PyType] = [:]

    static func layer(_ name: String, _ sig: String, _ make: @escaping (Interpreter, BoundArguments) throws -> Module) -> PyType {
        let t = PyType(name: name, module: "torch.nn.modules", bases: [moduleType])
        let s = Signature(sig)
        t.constructor = { ctx, type, args in
            let m = try make(ctx, try s.bind(args))
            let w = PyNNModule(m, type: type)
            return register(ctx, w)
        }
        return t
    }

    static let layersOnce: [PyType] = {
        var out: [PyType] = []
        out.append(layer("Linear", "Linear(in_features, out_features, bias=True, device=None, dtype=None)") { ctx, a in
            try Linear(a.int("in_features"), a.int("out_features"), bias: a.bool("bias"), dtype: TorchConvert.dtype(a["dtype"]))
        })
        out.append(layer("Conv2d", "Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode='zeros', device=None, dtype=None)") { ctx, a in
            try Conv2d(a.int("in_channels"), a.int("out_channels"), kernelSize: TorchConvert.pair(ctx, a["kernel_size"], "kernel_size"),
                       stride: TorchConvert.pair(ctx, a["stride"], "stride"),
                       paddingMode: TorchConvert.convPadding(ctx, a["padding"], invalid: { PyError.valueError("Invalid padding string '\($0)', should be one of {'same', 'valid'}") }),
                       dilation: TorchConvert.pair(ctx, a["dilation"], "dilation"), groups: a.int("groups"), bias: a.bool("bias"),
                       dtype: TorchConvert.dtype(a["dtype"]))
        })
        out.append(layer("MaxPool2d", "MaxPool2d(kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False)") { ctx, a in
            guard try !a.bool("return_indices") else {
                throw PyError.notImplementedError("nn.MaxPool2d(return_indices=True) is not supported here; use F.max_pool2d(..., return_indices=True)")
            }
            return MaxPool2d(kernelSize: try TorchConvert.poolSize(ctx, a["kernel_size"], "kernel_size"),
                             stride: a["stride"].isNone ? nil : try TorchConvert.poolSize(ctx, a["stride"], "stride"),
                             padding: try TorchConvert.poolSize(ctx, a["padding"], "padding"),
                             dilation: try TorchConvert.poolSize(ctx, a["dilation"], "dilation"), ceilMode: try a.bool("ceil_mode"))
        })
        out.append(layer("AvgPool2d", "AvgPool2d(kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True, divisor_override=None)") { ctx, a in
            AvgPool2d(kernelSize: try TorchConvert.poolSize(ctx, a["kernel_size"], "kernel_size"),
                      stride: a["stride"].isNone ? nil : try TorchConvert.poolSize(ctx, a["stride"], "stride"),
                      padding: try TorchConvert.poolSize(ctx, a["padding"], "padding"), ceilMode: try a.bool("ceil_mode"),
                      countIncludePad: try a.bool("count_include_pad"), divisorOverride: try a.optionalInt("divisor_override"))
        })
        out.append(layer("Unfold", "Unfold(kernel_size, dilation=1, padding=0, stride=1)") { ctx, a in
            let size = { (n: String) in try TorchConvert.poolSize(ctx, a[n], n) }
            return Unfold(kernelSize: try size("kernel_size"), dilation: try size("dilation"), padding: try size("padding"),
                          stride: try size("stride"))
        })
        out.append(layer("Fold", "Fold(output_size, kernel_size, dilation=1, padding=0, stride=1)") { ctx, a in
            let size = { (n: String) in try TorchConvert.poolSize(ctx, a[n], n) }
            return Fold(outputSize: try size("output_size"), kernelSize: try size("kernel_size"), dilation: try size("dilation"),
                        padding: try size("padding"), stride: try size("stride"))
        })
        out.append(layer("ReLU", "ReLU(inplace=False)") { _, a in ReLU(inplace: try a.bool("inplace")) })
        out.append(layer("LeakyReLU", "LeakyReLU(negative_slope=0.01, inplace=False)") { ctx, a in
            LeakyReLU(negativeSlope: try a.double("negative_slope"), written: try ctx.repr(a["negative_slope"]), inplace: try a.bool("inplace"))
        })
        out.append(layer("Embedding", "Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False, _weight=None, _freeze=False, device=None, dtype=None)") { _, a in
            let n = try a.int("num_embeddings")
            var pad = try a.optionalInt("padding_idx")
            if let p = pad {
                guard p < n && p >= -n else { throw PyError(.assertionError, "Padding_idx must be within num_embeddings") }
                pad = p < 0 ? p + n : p
            }
            guard a["max_norm"].isNone, try !a.bool("scale_grad_by_freq"), try !a.bool("sparse"), a["_weight"].isNone else {
                throw PyError.notImplementedError("nn.Embedding: max_norm, scale_grad_by_freq, sparse and _weight are not supported here")
            }
            return try Embedding(n, a.int("embedding_dim"), paddingIdx: pad, dtype: TorchConvert.dtype(a["dtype"]))
        })
        out.append(layer("LayerNorm", "LayerNorm(normalized_shape, eps=1e-05, elementwise_affine=True, bias=True, device=None, dtype=None)") { ctx, a in
            try LayerNorm(TorchConvert.normalizedShape(ctx, a["normalized_shape"]), eps: a.double("eps"),
                          elementwiseAffine: a.bool("elementwise_affine"), bias: a.bool("bias"), dtype: TorchConvert.dtype(a["dtype"]))
        })
        out.append(layer("GELU", "GELU(approximate='none')") { _, a in GELU(approximate: try a.string("approximate")) })
        out.append(layer("Sigmoid", "Sigmoid()") { _, _ in Sigmoid() })
        out.append(layer("Tanh", "Tanh()") { _, _ in Tanh() })
        out.append(layer("Softmax", "Softmax(dim=None)") { _, a in Softmax(dim: try a.optionalInt("dim")) })
        out.append(layer("LogSoftmax", "LogSoftmax(dim=None)") { _, a in Softmax(dim: try a.optionalInt("dim"), log: true) })
        out.append(layer("Dropout", "Dropout(p=0.5, inplace=False)") { _, a in try Dropout(p: a.double("p"), inplace: a.bool("inplace")) })
        out.append(layer("Flatten", "Flatten(start_dim=1, end_dim=-1)") { _, a in Flatten(startDim: try a.int("start_dim"), endDim: try a.int("end_dim")) })
        out.append(layer("Identity", "Identity(*args, **kwargs)") { _, _ in Identity() })
        for (name, dims) in [("BatchNorm1d", 1), ("BatchNorm2d", 2)] {
            out.append(layer(name, "\(name)(num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None)") { _, a in
                try BatchNorm(a.int("num_features"), spatialDims: dims, eps: a.double("eps"), momentum: a.optionalDouble("momentum"),
                              affine: a.bool("affine"), trackRunningStats: a.bool("track_running_stats"), dtype: TorchConvert.dtype(a["dtype"]))
            })
        }
        out.append(layer("Sequential", "Sequential(*args)") { ctx, a in
            if a.varargs.count == 1, let d = a.varargs[0].as(PyDict.self) {
                return try Sequential(named: d.entries.map { (try $0.key.asString(), try mod($0.value)) })
            }
            return try Sequential(a.varargs.map { try mod($0) })
        })
        out.append(layer("ModuleList", "ModuleList(modules=None)") { ctx, a in
            try ModuleList(a["modules"].isNone ? [] : ctx.toArray(a["modules"]).map { try mod($0) })
        })
        out.append(layer("MSELoss", "MSELoss(size_average=None, reduce=None, reduction='mean')") { _, a in
            let r = try Reduction(parsing: a.string("reduction"))
            return BindingLoss("MSELoss") { try Functional.mseLoss($0, $1, reduction: r) }
        })
        out.append(layer("L1Loss", "L1Loss(size_average=None, reduce=None, reduction='mean')") { _, a in
            let r = try Reduction(parsing: a.string("reduction"))
            return BindingLoss("L1Loss") { try Functional.l1Loss($0, $1, reduction: r) }
        })
        out.append(layer("CrossEntropyLoss", "CrossEntropyLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean', label_smoothing=0.0)") { _, a in
            let r = try Reduction(parsing: a.string("reduction"))
            let w = a["weight"].isNone ? nil : try TorchConvert.tensor(a["weight"])
            let ii = Int64(try a.int("ignore_index")), ls = try a.double("label_smoothing")
            return BindingLoss("CrossEntropyLoss") { try Functional.crossEntropy($0, $1, weight: w, ignoreIndex: ii, reduction: r, labelSmoothing: ls) }
        })
        out.append(layer("NLLLoss", "NLLLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')") { _, a in
            let r = try Reduction(parsing: a.string("reduction"))
            let w = a["weight"].isNone ? nil : try TorchConvert.tensor(a["weight"])
            let ii = Int64(try a.int("ignore_index"))
            return BindingLoss("NLLLoss") { try Functional.nllLoss($0, $1, weight: w, ignoreIndex: ii, reduction: r) }
        })
        for t in out { layerTypes[t.name] = t }
        return out
    }()

    static let parameterType: PyType = {
        let t = TorchTypes.parameter
        t.constructor = { ctx, _, args in
            let a = try Signature("Parameter(data=None, requires_grad=True)").bind(args)
            let data = a["data"].isNone ? try Tensor.zeros([0]) : try TorchConvert.tensor(a["data"], what: "data")
            return TorchConvert.tensorValue(try MiniTorch.Parameter.make(data, requiresGrad: a.bool("requires_grad")))
        }
        return t
    }()

    static func module(_ ctx: Interpreter) -> PyModule {
        let nn = PyModule(name: "torch.nn")
        nn.set("Module", .object(moduleType))
        nn.set("Parameter", .object(parameterType))
        for t in layersOnce { nn.set(t.name, .object(t)) }
        nn.set("DataParallel", .object(TorchParallel.type))
        layerTypes["DataParallel"] = TorchParallel.type
        let f = TorchFunctional.module(ctx)
        nn.set("functional", .object(f))
        let initM = PyModule(name: "torch.nn.init")
        func tt(_ v: Value) throws -> Tensor { try TorchConvert.tensor(v, what: "tensor") }
        initM.defineFunction("constant_") { ctx, args in
            let a = try Signature("constant_(tensor, val)").bind(args)
            try Init.constant_(tt(a["tensor"]), a.double("val")); return a["tensor"]
        }
        initM.defineFunction("zeros_") { ctx, args in let a = try Signature("zeros_(tensor)").bind(args); try Init.constant_(tt(a["tensor"]), 0); return a["tensor"] }
        initM.defineFunction("ones_") { ctx, args in let a = try Signature("ones_(tensor)").bind(args); try Init.constant_(tt(a["tensor"]), 1); return a["tensor"] }
        initM.defineFunction("uniform_") { ctx, args in
            let a = try Signature("uniform_(tensor, a=0.0, b=1.0, generator=None)").bind(args)
            try Init.uniform_(tt(a["tensor"]), a.double("a"), a.double("b")); return a["tensor"]
        }
        initM.defineFunction("normal_") { ctx, args in
            let a = try Signature("normal_(tensor, mean=0.0, std=1.0, generator=None)").bind(args)
            try Init.normal_(tt(a["tensor"]), mean: a.double("mean"), std: a.double("std")); return a["tensor"]
        }
        initM.defineFunction("xavier_uniform_") { ctx, args in
            let a = try Signature("xavier_uniform_(tensor, gain=1.0, generator=None)").bind(args)
            try Init.xavierUniform_(tt(a["tensor"]), gain: a.double("gain")); return a["tensor"]
        }
        initM.defineFunction("kaiming_uniform_") { ctx, args in
            let a = try Signature("kaiming_uniform_(tensor, a=0, mode='fan_in', nonlinearity='leaky_relu', generator=None)").bind(args)
            try Init.kaimingUniform_(tt(a["tensor"]), a: a.double("a"), fanOut: a.string("mode") == "fan_out", nonlinearity: a.string("nonlinearity"))
            return a["tensor"]
        }
        nn.set("init", .object(initM))
        return nn
    }
}

/// Hook for the devices helper's `nn.DataParallel` (a Module whose call the binding cannot express as one tensor).
protocol PyDataParallelHook: AnyObject {
    func call(_ ctx: Interpreter, _ args: Arguments) throws -> Value
}


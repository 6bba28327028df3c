import Foundation
import MiniTorch

/// The binding of the engine's op table (`MiniTorch.OpTable`, "declare each op once"): every entry becomes
/// `torch.NAME(...)` (function form) and `x.NAME(...)` (method form), so both forms bind through one
/// declaration with PyTorch's parameter names and defaults. Ops the engine has as Swift functions but not
/// yet as table entries are declared here, in the same `OpSpec` form, and registered into the table when
/// the engine lacks them (`TorchOps.glueOps`); an engine entry of the same name always wins.
enum TorchOps {
    private static let registerOnce: Void = {
        // Engine tables declared outside OpTable's built-in registry.
        OpTable.register(linalgOps + indexOps + randomOps + diagDistOps)
        let have = OpTable.specs
        OpTable.register(glueOps.filter { have[$0.name] == nil })
    }()

    static func ensureRegistered() { _ = registerOnce }

    static func spec(_ name: String) -> OpSpec? {
        ensureRegistered()
        return OpTable.specs[name]
    }

    /// Calls table op `name` with snippet arguments; `this` is the receiver for the method form.
    static func call(_ ctx: Interpreter, _ name: String, self this: Value? = nil, _ args: Arguments) throws -> Value {
        ensureRegistered()
        let selfTensor = try this.map { try TorchConvert.tensor($0, what: "self") }
        let pos = try args.positional.map { try TorchConvert.opValue(ctx, $0) }
        let kws = try args.keywords.map { ($0.name, try TorchConvert.opValue(ctx, $0.value)) }
        let r = try OpTable.call(name, self: selfTensor, args: pos, kwargs: kws)
        // A `device=` naming a simulated GPU that does not exist fails as a missing GPU does in PyTorch.
        if case .tensor(let t) = r, t.device.isCuda { try TorchDevices.check(ctx, t.device) }
        if case .tensor(let t) = r, let s = selfTensor, t === s, let this { return this }
        return TorchConvert.value(r)
    }

    // MARK: glue declarations (engine functions not yet in the table)

    static let selfP = opParam("input", .tensor)
    static func dimP(_ d: OpValue? = nil) -> OpParam { opParam("dim", .int, d) }

    static let glueOps: [OpSpec] = {
        var ops: [OpSpec] = []
        ops.append(OpSpec("gather", [selfP, dimP(), opParam("index", .tensor), opParam("sparse_grad", .bool, .bool(false), kw: true)]) { a in
            .tensor(try a.tensor("input").gather(a.int("dim"), a.tensor("index")))
        })
        func scatterBody(_ inplace: Bool) -> (OpArgs) throws -> OpValue {
            return { a in
                let x = try a.tensor("input"), dim = try a.int("dim"), index = try a.tensor("index")
                let reduce = try a.optionalString("reduce")
                var value: Scalar? = try a.optionalNumber("value")
                var src: Tensor?
                switch a.value("src") {
                case .tensor(let t): src = t
                case .none: break
                default: value = try a.number("src")
                }
                if let s = src {
                    if inplace { try x.scatter_(dim, index, s, reduce: reduce); return .tensor(x) }
                    return .tensor(try x.scatter(dim, index, s, reduce: reduce))
                }
                guard let v = value else {
                    throw TensorError.type("scatter() missing 1 required positional arguments: \"src\"")
                }
                if inplace { try x.scatter_(dim, index, value: v, reduce: reduce); return .tensor(x) }
                return .tensor(try x.scatter(dim, index, value: v, reduce: reduce))
            }
        }
        let scatterParams = [selfP, dimP(), opParam("index", .tensor), opParam("src", .tensorOrNumber, OpValue.none),
                             opParam("value", .optionalNumber, OpValue.none, kw: true), opParam("reduce", .optionalString, OpValue.none, kw: true)]
        ops.append(OpSpec("scatter", scatterParams, scatterBody(false)))
        ops.append(OpSpec("scatter_", function: false, scatterParams, scatterBody(true)))
        let addParams = [selfP, dimP(), opParam("index", .tensor), opParam("src", .tensor)]
        ops.append(OpSpec("scatter_add", addParams) { a in
            .tensor(try a.tensor("input").scatterAdd(a.int("dim"), a.tensor("index"), a.tensor("src")))
        })
        ops.append(OpSpec("scatter_add_", function: false, addParams) { a in
            let x = try a.tensor("input")
            try x.scatterAdd_(a.int("dim"), a.tensor("index"), a.tensor("src"))
            return .tensor(x)
        })
        let reduceParams = [selfP, dimP(), opParam("index", .tensor), opParam("src", .tensor), opParam("reduce", .string),
                            opParam("include_self", .bool, .bool(true), kw: true)]
        ops.append(OpSpec("scatter_reduce", reduceParams) { a in
            .tensor(try a.tensor("input").scatterReduce(a.int("dim"), a.tensor("index"), a.tensor("src"),
                                                        reduce: a.string("reduce"), includeSelf: a.bool("include_self")))
        })
        ops.append(OpSpec("scatter_reduce_", function: false, reduceParams) { a in
            let x = try a.tensor("input")
            try x.scatterReduce_(a.int("dim"), a.tensor("index"), a.tensor("src"), reduce: a.string("reduce"), includeSelf: a.bool("include_self"))
            return .tensor(x)
        })
        ops.append(OpSpec("index_select", [selfP, dimP(), opParam("index", .tensor)]) { a in
            .tensor(try a.tensor("input").indexSelect(a.int("dim"), a.tensor("index")))
        })
        ops.append(OpSpec("take_along_dim", [selfP, opParam("indices", .tensor), opParam("dim", .optionalInt, OpValue.none)]) { a in
            .tensor(try a.tensor("input").takeAlongDim(a.tensor("indices"), dim: a.optionalInt("dim")))
        })
        let indexAddParams = [selfP, dimP(), opParam("index", .tensor), opParam("source", .tensor), opParam("alpha", .number, .int(1), kw: true)]
        ops.append(OpSpec("index_add", indexAddParams) { a in
            .tensor(try a.tensor("input").indexAdd(a.int("dim"), a.tensor("index"), a.tensor("source"), alpha: a.number("alpha")))
        })
        ops.append(OpSpec("index_add_", function: false, indexAddParams) { a in
            let x = try a.tensor("input")
            try x.indexAdd_(a.int("dim"), a.tensor("index"), a.tensor("source"), alpha: a.number("alpha"))
            return .tensor(x)
        })
        ops.append(OpSpec("index_put_", function: false, [selfP, opParam("indices", .tensorList), opParam("values", .tensor),
                                                         opParam("accumulate", .bool, .bool(false))]) { a in
            let x = try a.tensor("input")
            try x.indexPut(a.tensors("indices").map { IndexItem.tensor($0) }, a.tensor("values"), accumulate: a.bool("accumulate"))
            return .tensor(x)
        })
        ops.append(OpSpec("repeat_interleave", [selfP, opParam("repeats", .tensorOrNumber, OpValue.none), opParam("dim", .optionalInt, OpValue.none),
                                                opParam("output_size", .optionalInt, OpValue.none, kw: true)]) { a in
            let x = try a.tensor("input")
            // `output_size` (the result's size along dim, a hint that saves a sync on GPUs) must be right.
            let size = try a.optionalInt("output_size")
            func checked(_ r: Tensor, _ mismatch: (Int, Int) -> String) throws -> OpValue {
                let d = try a.optionalInt("dim").map { try wrapDim($0, r.dim) } ?? 0
                if let s = size, r.dim > 0, s != r.shape[d] { throw TensorError.runtime(mismatch(r.shape[d], s)) }
                return .tensor(r)
            }
            let allocated = { (_: Int, _: Int) in "allocated size does not match required size" }
            switch a.value("repeats") {
            case .none:
                guard a.isNone("dim") else { throw TensorError.type("repeat_interleave() missing required argument 'repeats'") }
                return try checked(try repeatInterleavePositions(x), allocated)
            case .tensor(let r): return try checked(try repeatInterleave(x, tensor: r, dim: a.optionalInt("dim")), allocated)
            case .int(let r):
                return try checked(try repeatInterleave(x, Int(r), dim: a.optionalInt("dim"))) {
                    "repeat_interleave: Invalid output_size, expected \($0) but got \($1)"
                }
            case let v:
                throw TensorError.type("repeat_interleave() received an invalid combination of arguments - got (\(v.typeName)), but expected one of:\n * (Tensor repeats, int dim = None, *, int output_size = None)\n * (int repeats, int dim = None, *, int output_size = None)\n")
            }
        })
        // Activations with dims.
        ops.append(OpSpec("softmax", [selfP, opParam("dim", .int), opParam("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
            .tensor(try Functional.softmax(a.tensor("input"), dim: a.int("dim"), dtype: a.dtype("dtype")))
        })
        ops.append(OpSpec("log_softmax", [selfP, opParam("dim", .int), opParam("dtype", .optionalDType, OpValue.none, kw: true)]) { a in
            .tensor(try Functional.logSoftmax(a.tensor("input"), dim: a.int("dim"), dtype: a.dtype("dtype")))
        })
        for op in MiniTorch.UnaryOp.allCases {
            ops.append(OpSpec(op.rawValue, [selfP]) { a in .tensor(try Tensor.unary(op, a.tensor("input"))) })
            ops.append(OpSpec(op.rawValue + "_", [selfP]) { a in
                let x = try a.tensor("input")
                try x.unaryInplace(op)
                return .tensor(x)
            })
        }
        ops.append(OpSpec("negative", [selfP]) { a in .tensor(try a.tensor("input").neg()) })
        ops.append(OpSpec("absolute", [selfP]) { a in .tensor(try a.tensor("input").abs()) })
        ops.append(OpSpec("numel", method: false, [selfP]) { a in .int(Int64(try a.tensor("input").numel)) })
        return ops
    }()
}

extension TorchOps {
    /// `repeat_interleave` with an int: PyTorch's composition (Repeat.cpp), so the graph is the same —
    /// flatten when dim is None, then unsqueeze(dim + 1), expand, contiguous clone, flatten(dim, dim + 1).
    static func repeatInterleave(_ x: Tensor, _ repeats: Int, dim: Int?) throws -> Tensor {
        let input = dim == nil ? try x.flatten() : x
        let d = try wrapDim(dim ?? 0, x.dim)
        guard repeats >= 0 else { throw TensorError.runtime("Repeats must be non-negative") }
        let u = try input.unsqueeze(d + 1)
        var sizes = u.shape
        sizes[d + 1] = repeats
        return try u.expand(sizes).clone().flatten(d, d + 1)
    }

    /// `repeat_interleave` with a tensor of counts: `index_select` with the repeated positions (Repeat.cpp).
    static func repeatInterleave(_ x: Tensor, tensor repeats: Tensor, dim: Int?) throws -> Tensor {
        let input = dim == nil ? try x.flatten() : x
        let d = try wrapDim(dim ?? 0, input.dim)
        let size = input.dim == 0 ? 1 : input.shape[d]
        var counts = repeats
        if repeats.dim == 0 || (repeats.dim == 1 && repeats.shape[0] == 1) {
            counts = try repeats.reshape([1]).expand([size])
        } else if repeats.dim == 1 {
            guard repeats.shape[0] == size else {
                throw TensorError.runtime("repeats must have the same size as input along dim, but got repeats.size(0) = \(repeats.shape[0]) and input.size(\(dim ?? 0)) = \(size)")
            }
        } else {
            throw TensorError.runtime("repeats must be 0-dim or 1-dim tensor")
        }
        return try input.indexSelect(d, repeatInterleavePositions(counts))
    }

    /// `torch.repeat_interleave(repeats)`: position i repeated repeats[i] times (int64).
    static func repeatInterleavePositions(_ repeats: Tensor) throws -> Tensor {
        guard repeats.dim == 1 else { throw TensorError.runtime("repeat_interleave only accept 1D vector as repeat") }
        guard repeats.dtype == .int64 || repeats.dtype == .int32 else {
            throw TensorError.notImplemented("\"repeat_interleave_cpu\" not implemented for '\(repeats.dtype.scalarTypeName)'")
        }
        let counts = repeats.toInt64Array()
        guard counts.allSatisfy({ $0 >= 0 }) else { throw TensorError.runtime("repeats can not be negative") }
        var positions: [Int64] = []
        for (i, c) in counts.enumerated() { positions += [Int64](repeating: Int64(i), count: Int(c)) }
        return Tensor(positions, shape: [positions.count], device: repeats.device)
    }
}

/// Engine calls the bindings need with a little argument massaging.
enum TorchMath {
    /// `a @ b`: the table's `matmul` (dot / mv / mm / batched, PyTorch's node names and messages).
    static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if case .tensor(let r) = try OpTable.call("matmul", args: [.tensor(a), .tensor(b)]) { return r }
        throw TensorError.runtime("matmul returned no tensor")
    }
    static func convert(_ x: Tensor, _ d: DType) throws -> Tensor { x.to(d) }
    static func moveDevice(_ x: Tensor, _ d: Device) throws -> Tensor { x.to(device: d) }
}

/// The simulated GPUs (`--gpus N`, default 4): how many exist in this run.
enum TorchDevices {
    static func count(_ ctx: Interpreter) -> Int {
        if let n = ctx.extensionState["gpus"] as? Int { return n }
        if let s = ProcessInfo.processInfo.environment["TENSORPREP_GPUS"], let n = Int(s) { return n }
        return 4
    }
    static func check(_ ctx: Interpreter, _ d: Device) throws {
        guard case .cuda(let i) = d else { return }
        let n = count(ctx)
        if n == 0 { throw PyError.runtimeError("Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx") }
        if i >= n || i < 0 { throw PyError.runtimeError("CUDA error: invalid device ordinal\nCUDA kernel errors might be asynchronously reported at some other API call, so the stacktrace below might be incorrect.\nFor debugging consider passing CUDA_LAUNCH_BLOCKING=1\nCompile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.\n") }
    }
}

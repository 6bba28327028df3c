import Foundation
import MiniTorch

/// `torch.Tensor`'s Python face: attributes, conversions, operators, indexing, printing. The named ops
/// (`x.view`, `x.sum`, `x.gather`, ...) come from the op table (TorchOps.swift), shared with `torch.X`.
enum TorchTensorType {
    static func tensor(_ v: Value) throws -> Tensor { try TorchConvert.tensor(v, what: "self") }
    static func wrap(_ t: Tensor) -> Value { TorchConvert.tensorValue(t) }

    static func sizeList(_ xs: [Int]) -> String { "[" + xs.map(String.init).joined(separator: ", ") + "]" }
    static func tupleRepr(_ xs: [Int]) -> String {
        xs.count == 1 ? "(\(xs[0]),)" : "(" + xs.map(String.init).joined(separator: ", ") + ")"
    }

    /// A binary operand: a tensor, or a Python number wrapped as PyTorch does (nil: not ours → NotImplemented).
    static func operand(_ v: Value) -> Tensor? {
        if let t = v.as(PyTensor.self)?.tensor { return t }
        if let s = TorchConvert.scalar(v) { return Tensor.wrappedScalar(s) }
        return nil
    }

    static func define(_ t: PyType) {
        t.constructor = { ctx, _, args in try legacyConstructor(ctx, args, dtype: nil, name: "Tensor") }

        // MARK: printing
        t.defineMethod("__repr__") { _, this, _ in .str(TensorFormatter.repr(try tensor(this))) }
        t.defineMethod("__format__") { ctx, this, args in
            let x = try tensor(this)
            let spec = (try? args[0]?.asString()) ?? ""
            if x.dim == 0 { return .str(try ctx.format(TorchConvert.value(try x.item()), spec)) }
            if spec.isEmpty { return .str(TensorFormatter.repr(x)) }
            throw PyError.typeError("unsupported format string passed to Tensor.__format__")
        }

        // MARK: attributes
        t.defineProperty("shape", get: { _, this in TorchConvert.sizeValue(try tensor(this).shape) })
        t.defineProperty("dtype", get: { _, this in PyDTypeObject.of(try tensor(this).dtype) })
        t.defineProperty("device", get: { _, this in .object(PyDeviceObject(try tensor(this).device)) })
        t.defineProperty("is_cuda", get: { _, this in .bool(try tensor(this).isCuda) })
        t.defineProperty("ndim", get: { _, this in .int(try tensor(this).dim) })
        t.defineProperty("is_leaf", get: { _, this in .bool(try tensor(this).isLeaf) })
        t.defineProperty("T", get: { _, this in wrap(try tensor(this).T()) })
        t.defineProperty("mT", get: { _, this in wrap(try tensor(this).mT()) })
        t.defineProperty("itemsize", get: { _, this in .int(try tensor(this).dtype.itemSize) })
        t.defineProperty("_version", get: { _, this in .int(try tensor(this).version) })
        t.defineProperty("output_nr", get: { _, this in .int(try tensor(this).outputNr) })
        t.defineProperty("grad_fn", get: { _, this in try tensor(this).gradFn.map { .object(PyGradFn($0)) } ?? .none })
        t.defineProperty("requires_grad", get: { _, this in .bool(try tensor(this).requiresGrad) }, set: { _, this, v in
            guard case .bool(let b) = v else { throw PyError.typeError("requires_grad must be a bool") }
            try tensor(this).setRequiresGrad(b)
        })
        t.defineProperty("grad", get: { _, this in try tensor(this).grad.map(wrap) ?? .none }, set: { _, this, v in
            let x = try tensor(this)
            if v.isNone { x.grad = nil; return }
            let g = try TorchConvert.tensor(v)
            guard g.shape == x.shape else { throw PyError.runtimeError("assigned grad has data of a different size") }
            guard g.dtype == x.dtype else { throw PyError.runtimeError("assigned grad has data of a different type") }
            x.grad = g
        })
        t.defineProperty("data", get: { _, this in wrap(try tensor(this).data) }, set: { _, this, v in
            try tensor(this).setData(TorchConvert.tensor(v))
        })

        t.defineMethod("size") { ctx, this, args in
            let a = try Signature("size(dim=None)").bind(args)
            let x = try tensor(this)
            if let d = try a.optionalInt("dim") { return .int(try x.size(d)) }
            return TorchConvert.sizeValue(x.shape)
        }
        t.defineMethod("stride") { ctx, this, args in
            let a = try Signature("stride(dim=None)").bind(args)
            let x = try tensor(this)
            if let d = try a.optionalInt("dim") { return .int(try x.stride(d)) }
            return .tuple(x.strides.map { .int($0) })
        }
        t.defineMethod("dim") { _, this, args in try args.expectNone("dim"); return .int(try tensor(this).dim) }
        t.defineMethod("ndimension") { _, this, _ in .int(try tensor(this).dim) }
        t.defineMethod("numel") { _, this, _ in .int(try tensor(this).numel) }
        t.defineMethod("nelement") { _, this, _ in .int(try tensor(this).numel) }
        t.defineMethod("element_size") { _, this, _ in .int(try tensor(this).dtype.itemSize) }
        t.defineMethod("storage_offset") { _, this, _ in .int(try tensor(this).storageOffset) }
        t.defineMethod("is_contiguous") { _, this, _ in .bool(try tensor(this).isContiguous) }
        t.defineMethod("is_floating_point") { _, this, _ in .bool(try tensor(this).dtype.isFloatingPoint) }
        t.defineMethod("get_device") { _, this, _ in .int(try tensor(this).device.index ?? -1) }
        t.defineMethod("data_ptr") { _, this, _ in
            let x = try tensor(this)
            return .int(Int(bitPattern: UnsafeRawPointer(x.storage.raw)) + x.storageOffset * x.dtype.itemSize)
        }
        t.defineMethod("item") { _, this, _ in TorchConvert.value(try tensor(this).item()) }
        t.defineMethod("tolist") { _, this, _ in TorchConvert.value(try tensor(this).tolist()) }
        t.defineMethod("numpy") { _, this, args in
            let a = try Signature("numpy(*, force=False)").bind(args)
            let x = try tensor(this)
            let force = try a.bool("force")
            if x.requiresGrad && !force {
                throw PyError.runtimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            if x.isCuda && !force {
                throw PyError.typeError("can't convert \(x.device) device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.")
            }
            return .object(PyNDArray(Tensor(storage: x.storage, layout: x.layout)))
        }
        t.defineMethod("type") { ctx, this, args in
            let a = try Signature("type(dtype=None, non_blocking=False)").bind(args)
            let x = try tensor(this)
            if a["dtype"].isNone { return .str(typeString(x)) }
            var d: DType?
            if case .str(let s) = a["dtype"] { d = dtypeOfTypeString(s) } else { d = try TorchConvert.dtype(a["dtype"]) }
            guard let nd = d else { throw PyError.valueError("invalid type: '\(try ctx.str(a["dtype"]))'") }
            return nd == x.dtype ? this : wrap(try TorchMath.convert(x, nd))
        }
        for (name, d) in [("float", DType.float32), ("double", .float64), ("long", .int64), ("int", .int32), ("bool", .bool)] {
            t.defineMethod(name) { _, this, args in
                let x = try tensor(this)
                return x.dtype == d ? this : wrap(try TorchMath.convert(x, d))
            }
        }
        t.defineMethod("to") { ctx, this, args in try to(ctx, this, args) }
        t.defineMethod("cuda") { ctx, this, args in
            let a = try Signature("cuda(device=None, non_blocking=False)").bind(args)
            let dev: Device = try a["device"].isNone ? .cuda(0) : (TorchConvert.device(a["device"]) ?? .cuda(0))
            try TorchDevices.check(ctx, dev)
            let x = try tensor(this)
            return x.device == dev ? this : wrap(try TorchMath.moveDevice(x, dev))
        }
        t.defineMethod("cpu") { _, this, _ in
            let x = try tensor(this)
            return x.device == .cpu ? this : wrap(try TorchMath.moveDevice(x, .cpu))
        }
        t.defineMethod("requires_grad_") { _, this, args in
            let a = try Signature("requires_grad_(requires_grad=True)").bind(args)
            try tensor(this).requiresGrad_(a.bool("requires_grad"))
            return this
        }
        t.defineMethod("backward") { ctx, this, args in
            let a = try Signature("backward(gradient=None, retain_graph=None, create_graph=False, inputs=None)").bind(args)
            let x = try tensor(this)
            let g: Tensor? = a["gradient"].isNone ? nil : try TorchConvert.tensor(a["gradient"])
            let retain: Bool? = a["retain_graph"].isNone ? nil : try a.bool("retain_graph")
            try x.backward(gradient: g, retainGraph: retain, createGraph: a.bool("create_graph"))
            return .none
        }
        t.defineMethod("retain_grad") { _, this, _ in try tensor(this).retainGrad(); return .none }
        t.defineMethod("detach_") { _, this, _ in try tensor(this).detach_(); return this }
        t.defineMethod("numel") { _, this, _ in .int(try tensor(this).numel) }
        t.defineMethod("apply_") { ctx, this, args in
            guard let f = args[0] else { throw PyError.typeError("apply_() takes exactly one argument") }
            let x = try tensor(this)
            for i in 0..<x.numel {
                let r = try ctx.call(f, Arguments([TorchConvert.value(x.scalar(atLinear: i))]))
                guard let s = TorchConvert.scalar(r) else { throw PyError.typeError("apply_ function must return a number") }
                x.storage.write(s, at: x.layout.storageIndex(linear: i))
            }
            return this
        }

        // MARK: operators
        let binary: [(String, MiniTorch.BinaryOp)] = [("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div),
            ("floordiv", .floorDivide), ("mod", .remainder), ("pow", .pow)]
        for (name, op) in binary {
            t.defineMethod("__\(name)__") { _, this, args in
                guard let o = args[0].flatMap(operand) else { return .notImplemented }
                return wrap(try Tensor.binary(op, try tensor(this), o))
            }
            t.defineMethod("__r\(name)__") { _, this, args in
                guard let o = args[0].flatMap(operand) else { return .notImplemented }
                return wrap(try Tensor.binary(op, o, try tensor(this)))
            }
            t.defineMethod("__i\(name)__") { _, this, args in
                guard let o = args[0].flatMap(operand) else { return .notImplemented }
                try tensor(this).binaryInplace(op, o)
                return this
            }
        }
        let bitwise: [(String, MiniTorch.BinaryOp)] = [("and", .bitwiseAnd), ("or", .bitwiseOr), ("xor", .bitwiseXor)]
        for (name, op) in bitwise {
            t.defineMethod("__\(name)__") { _, this, args in
                guard let o = args[0].flatMap(operand) else { return .notImplemented }
                return wrap(try Tensor.binaryForward(op, try tensor(this), o))
            }
            t.defineMethod("__r\(name)__") { _, this, args in
                guard let o = args[0].flatMap(operand) else { return .notImplemented }
                return wrap(try Tensor.binaryForward(op, o, try tensor(this)))
            }
            t.defineMethod("__i\(name)__") { _, this, args in
                guard let o = args[0].flatMap(operand) else { return .notImplemented }
                try tensor(this).copy_(try Tensor.binaryForward(op, try tensor(this), o))
                return this
            }
        }
        let compare: [(String, MiniTorch.BinaryOp)] = [("eq", .eq), ("ne", .ne), ("lt", .lt), ("le", .le), ("gt", .gt), ("ge", .ge)]
        for (name, op) in compare {
            t.defineMethod("__\(name)__") { _, this, args in
                guard let o = args[0].flatMap(operand) else { return .notImplemented }
                return wrap(try Tensor.binaryForward(op, try tensor(this), o))
            }
        }
        t.defineMethod("__matmul__") { _, this, args in
            guard let o = args[0]?.as(PyTensor.self)?.tensor else { return .notImplemented }
            return wrap(try TorchMath.matmul(try tensor(this), o))
        }
        t.defineMethod("__rmatmul__") { _, this, args in
            guard let o = args[0]?.as(PyTensor.self)?.tensor else { return .notImplemented }
            return wrap(try TorchMath.matmul(o, try tensor(this)))
        }
        t.defineMethod("__neg__") { _, this, _ in wrap(try tensor(this).neg()) }
        t.defineMethod("__pos__") { _, this, _ in this }
        t.defineMethod("__abs__") { _, this, _ in wrap(try tensor(this).abs()) }
        t.defineMethod("__invert__") { _, this, _ in wrap(try tensor(this).invert()) }
        t.defineMethod("__hash__") { _, this, _ in .int(this.as(PyObject.self)?.identity ?? 0) }

        // MARK: Python protocols
        t.defineMethod("__len__") { _, this, _ in
            let x = try tensor(this)
            guard x.dim > 0 else { throw PyError.typeError("len() of a 0-d tensor") }
            return .int(x.shape[0])
        }
        t.defineMethod("__iter__") { _, this, _ in
            let x = try tensor(this)
            guard x.dim > 0 else { throw PyError.typeError("iteration over a 0-d tensor") }
            let parts = try x.unbind(0)
            return .object(PyIterator(parts.map(wrap)))
        }
        t.defineMethod("__bool__") { _, this, _ in
            let x = try tensor(this)
            guard x.numel == 1 else {
                if x.numel == 0 { throw PyError.runtimeError("Boolean value of Tensor with no values is ambiguous") }
                throw PyError.runtimeError("Boolean value of Tensor with more than one value is ambiguous")
            }
            return .bool(try x.item().asBool)
        }
        t.defineMethod("__float__") { _, this, _ in
            let x = try tensor(this)
            guard x.numel == 1 else { throw PyError.valueError("only one element tensors can be converted to Python scalars") }
            return .float(try x.item().asDouble)
        }
        t.defineMethod("__int__") { _, this, _ in
            let x = try tensor(this)
            guard x.numel == 1 else { throw PyError.valueError("only one element tensors can be converted to Python scalars") }
            return .int(Int(try x.item().asInt64))
        }
        t.defineMethod("__index__") { _, this, _ in
            let x = try tensor(this)
            guard x.numel == 1, !x.dtype.isFloatingPoint else {
                throw PyError.typeError("only integer tensors of a single element can be converted to an index")
            }
            return .int(Int(try x.item().asInt64))
        }
        t.defineMethod("__round__") { _, this, args in
            let x = try tensor(this)
            if let nd = args[0], !nd.isNone { return wrap(try x.round(decimals: nd.asIndex())) }
            return wrap(try x.round())
        }
        t.defineMethod("__contains__") { _, this, args in
            guard let o = args[0].flatMap(operand) else {
                throw PyError.runtimeError("Tensor.__contains__ only supports Tensor or scalar, but you passed in a \(args[0]?.typeName ?? "NoneType").")
            }
            return .bool(try Tensor.binaryForward(.eq, try tensor(this), o).any().item().asBool)
        }
        t.defineMethod("__getitem__") { ctx, this, args in
            let items = try TorchIndexing.items(ctx, args[0] ?? .none)
            return wrap(try tensor(this).index(items))
        }
        t.defineMethod("__setitem__") { ctx, this, args in
            let x = try tensor(this)
            let items = try TorchIndexing.items(ctx, args[0] ?? .none)
            let v = args[1] ?? .none
            if let s = TorchConvert.scalar(v) { try x.indexPut(items, s) }
            else if let src = v.as(PyTensor.self)?.tensor { try x.indexPut(items, src) }
            else { try x.indexPut(items, try Tensor.fromNested(TorchConvert.nested(ctx, v), dtype: x.dtype)) }
            return .none
        }
        // Named ops of the table not defined above (x.view, x.sum, x.gather, ...).
        t.defineMethod("__getattr__") { ctx, this, args in
            guard case .str(let name)? = args[0] else { throw PyError.typeError("attribute name must be string") }
            if let spec = TorchOps.spec(name), spec.isMethod {
                return .object(PyBuiltinFunction(name: name) { ctx, a in try TorchOps.call(ctx, name, self: this, a) })
            }
            throw PyError.attributeError("'Tensor' object has no attribute '\(name)'")
        }
    }

    static func typeString(_ x: Tensor) -> String {
        x.isCuda ? x.dtype.typeString.replacingOccurrences(of: "torch.", with: "torch.cuda.") : x.dtype.typeString
    }
    static func dtypeOfTypeString(_ s: String) -> DType? {
        let n = s.replacingOccurrences(of: "torch.cuda.", with: "torch.")
        for d in DType.allCases where d.typeString == n { return d }
        return DType(name: n.replacingOccurrences(of: "torch.", with: ""))
    }

    /// `x.to(dtype)`, `x.to(device)`, `x.to('cuda:0')`, `x.to(other)`, `x.to(device, dtype)`, keywords `dtype=`, `device=`.
    static func to(_ ctx: Interpreter, _ this: Value, _ args: Arguments) throws -> Value {
        let x = try tensor(this)
        var dtype: DType?, device: Device?
        var copy = false
        for v in args.positional {
            if let o = v.as(PyTensor.self)?.tensor { dtype = o.dtype; device = o.device }
            else if v.as(PyDTypeObject.self) != nil || v.as(PyType.self) != nil { dtype = try TorchConvert.dtype(v) }
            else { device = try TorchConvert.device(v) }
        }
        for (k, v) in args.keywords {
            switch k {
            case "dtype": dtype = try TorchConvert.dtype(v)
            case "device": device = try TorchConvert.device(v)
            case "copy": copy = try ctx.isTruthy(v)
            case "non_blocking", "memory_format": break
            default: throw PyError.typeError("to() got an unexpected keyword argument '\(k)'")
            }
        }
        var r = x
        if let d = device, d != r.device { try TorchDevices.check(ctx, d); r = try TorchMath.moveDevice(r, d) }
        if let d = dtype, d != r.dtype { r = try TorchMath.convert(r, d) }
        if r === x { return copy ? wrap(x.clone()) : this }
        return wrap(r)
    }

    /// `torch.Tensor(...)`, `torch.FloatTensor(...)`: sizes (ints, `torch.Size`) or data (a list, tuple, array).
    static func legacyConstructor(_ ctx: Interpreter, _ args: Arguments, dtype: DType?, name: String) throws -> Value {
        let d = dtype ?? DType.defaultFloat
        var device: Device = .cpu
        for (k, v) in args.keywords {
            if k == "device" { device = try TorchConvert.device(v) ?? .cpu }
            else { throw PyError.typeError("new() received an invalid combination of arguments - got unexpected keyword '\(k)'") }
        }
        let pos = args.positional
        if pos.isEmpty { return wrap(try Tensor.zeros([0], dtype: d, device: device)) }
        if pos.count == 1 {
            let v = pos[0]
            if let tup = v.as(PyTuple.self), tup.type === TorchTypes.size {
                return wrap(try Tensor.zeros(try tup.items.map { try $0.asIndex() }, dtype: d, device: device))
            }
            if case .object(let o) = v, !(o is PyTensor) {
                return wrap(try Tensor.fromNested(TorchConvert.nested(ctx, v), dtype: d, device: device))
            }
            if let t = v.as(PyTensor.self)?.tensor {
                guard t.dtype == d else {
                    throw PyError.typeError("expected \(d.typeString.replacingOccurrences(of: "torch.", with: "")) (got \(t.dtype.typeString))")
                }
                return wrap(t.detach())
            }
        }
        var shape: [Int] = []
        for v in pos {
            guard case .int(let i) = v else {
                throw PyError.typeError("new(): argument 'size' (position 1) must be tuple of ints, but found element of type \(v.typeName) at pos \(shape.count)")
            }
            shape.append(i)
        }
        try ctx.checkAllocation(elements: shape.reduce(1) { $0.multipliedReportingOverflow(by: max($1, 0)).overflow ? Int.max : $0 * max($1, 0) })
        return wrap(try Tensor.zeros(shape, dtype: d, device: device))
    }
}

/// Subscripts → engine index items.
enum TorchIndexing {
    static func items(_ ctx: Interpreter, _ key: Value) throws -> [IndexItem] {
        if let tup = key.as(PyTuple.self), tup.type !== TorchTypes.size { return try tup.items.map { try item(ctx, $0) } }
        return [try item(ctx, key)]
    }

    static func item(_ ctx: Interpreter, _ v: Value) throws -> IndexItem {
        switch v {
        case .none: return .none
        case .int(let i): return .int(i)
        case .bool(let b): return .tensor(Tensor.scalarTensor(.bool(b), dtype: .bool))
        case .float: throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got float)")
        case .str: throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got str)")
        case .object(let o):
            if o === PyEllipsis.shared { return .ellipsis }
            if let s = o as? PySlice {
                func opt(_ x: Value) throws -> Int? {
                    if x.isNone { return nil }
                    if let t = x.as(PyTensor.self)?.tensor, t.numel == 1, !t.dtype.isFloatingPoint { return Int(try t.item().asInt64) }
                    return try x.asIndex()
                }
                return .slice(try opt(s.start), try opt(s.stop), try opt(s.step))
            }
            if let t = o as? PyTensor {
                if t.tensor.dtype.isFloatingPoint {
                    throw PyError.indexError("tensors used as indices must be long, int, byte or bool tensors")
                }
                return .tensor(t.tensor)
            }
            if let a = o as? PyNDArray { return .tensor(a.tensor) }
            if o is PyList || o is PyTuple {
                let n = try TorchConvert.nested(ctx, v)
                let t = try Tensor.fromNested(n)
                if t.dtype.isFloatingPoint {
                    if t.numel == 0 { return .tensor(t.to(.int64)) }
                    throw PyError.indexError("tensors used as indices must be long, int, byte or bool tensors")
                }
                return .tensor(t)
            }
            if let f = o.type.lookup("__index__") { return .int(try ctx.callAttribute(f, receiver: v, Arguments()).asIndex()) }
            throw PyError.indexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
        }
    }
}

import Foundation
import MiniTorch

extension ModuleHooks {
    /// `import numpy as np`.
    public static var numpy: ModuleLoader? { NumpyModule.load }
}

/// numpy's arithmetic on engine tensors with numpy's result types.
enum NumpyMath {
    typealias Op = MiniTorch.BinaryOp

    /// numpy's result for `a op b` (nil: not a numpy operation → NotImplemented).
    static func binary(_ ctx: Interpreter, _ op: Op, _ lhs: Value, _ rhs: Value) throws -> Value? {
        guard let x = try NumpyConvert.operand(ctx, lhs), let y = try NumpyConvert.operand(ctx, rhs) else { return nil }
        var tx: Tensor, ty: Tensor
        var scalarResult = true
        func floatish(_ d: DType) -> Bool { d.isFloatingPoint }
        switch (x, y) {
        case (.array(let a, let sa), .array(let b, let sb)):
            scalarResult = sa && sb
            tx = a; ty = b
            if (a.dtype == .float32 && b.dtype.isIntegral) || (b.dtype == .float32 && a.dtype.isIntegral) {
                tx = a.to(.float64); ty = b.to(.float64)
            }
        case (.array(let a, let sa), .python(let s)):
            scalarResult = sa
            tx = (s.isFloatingPoint && !floatish(a.dtype)) ? a.to(.float64) : a
            ty = Tensor.wrappedScalar(s)
        case (.python(let s), .array(let b, let sb)):
            scalarResult = sb
            ty = (s.isFloatingPoint && !floatish(b.dtype)) ? b.to(.float64) : b
            tx = Tensor.wrappedScalar(s)
        case (.python, .python):
            return nil
        }
        if op == .div && !floatish(tx.dtype) && !floatish(ty.dtype) {
            tx = tx.isWrappedNumber ? tx : tx.to(.float64)
            ty = ty.isWrappedNumber ? ty : ty.to(.float64)
            if tx.isWrappedNumber && ty.isWrappedNumber { tx = tx.to(.float64) }
        }
        let r: Tensor
        if op.isComparisonOp || op == .bitwiseAnd || op == .bitwiseOr || op == .bitwiseXor {
            r = try Tensor.binaryForward(op, tx, ty)
        } else {
            r = try Tensor.binary(op, tx, ty)
        }
        return .object(PyNDArray(r, scalar: scalarResult && r.dim == 0))
    }

    static func inplace(_ ctx: Interpreter, _ op: Op, _ this: Value, _ rhs: Value) throws -> Value {
        guard let a = this.as(PyNDArray.self) else { return .notImplemented }
        guard let y = try NumpyConvert.operand(ctx, rhs) else { return .notImplemented }
        let other: Tensor
        switch y {
        case .array(let t, _): other = t
        case .python(let s): other = Tensor.wrappedScalar(s)
        }
        if op == .div && !a.tensor.dtype.isFloatingPoint {
            throw PyError(.typeError, "Cannot cast ufunc 'divide' output from dtype('float64') to dtype('\(a.tensor.dtype.shortName)') with casting rule 'same_kind'")
        }
        if !a.tensor.dtype.isFloatingPoint && other.dtype.isFloatingPoint {
            let name = op == .add ? "add" : op == .sub ? "subtract" : op == .mul ? "multiply" : op.rawValue
            throw PyError(.typeError, "Cannot cast ufunc '\(name)' output from dtype('float64') to dtype('\(a.tensor.dtype.shortName)') with casting rule 'same_kind'")
        }
        try a.tensor.binaryInplace(op, other)
        return this
    }

    /// `a.sum(axis)` etc.: a numpy scalar without an axis, an array with one.
    static func reduce(_ ctx: Interpreter, _ this: Value, _ args: Arguments, _ name: String) throws -> Value {
        guard let a = this.as(PyNDArray.self) else { throw PyError.typeError("expected an ndarray") }
        let sig = Signature("\(name)(axis=None, dtype=None, keepdims=False)")
        let b = try sig.bind(args)
        let dims = try TorchConvert.dims(ctx, b["axis"])
        let keep = try b.bool("keepdims")
        let outType = try NumpyConvert.dtype(b["dtype"])
        var t = a.tensor
        let r: Tensor
        switch name {
        case "sum":
            if t.dtype == .bool || t.dtype == .int32 { t = t.to(.int64) }
            r = try t.sum(dims: dims, keepdim: keep)
        case "mean":
            if !t.dtype.isFloatingPoint { t = t.to(.float64) }
            r = try t.mean(dims: dims, keepdim: keep)
        case "prod":
            if t.dtype == .bool || t.dtype == .int32 { t = t.to(.int64) }
            if let ds = dims, ds.count == 1 { r = try t.prod(dim: ds[0], keepdim: keep) } else { r = try t.reshape([-1]).prod(dim: 0) }
        case "max", "min":
            guard t.numel > 0 else {
                throw PyError.valueError("zero-size array to reduction operation \(name == "max" ? "maximum" : "minimum") which has no identity")
            }
            r = name == "max" ? try t.amax(dims: dims ?? [], keepdim: keep) : try t.amin(dims: dims ?? [], keepdim: keep)
        case "std", "var":
            if !t.dtype.isFloatingPoint { t = t.to(.float64) }
            r = try t.variance(dims: dims, correction: 0, keepdim: keep, std: name == "std")
        case "argmax", "argmin":
            r = name == "argmax" ? try t.argmax(dim: dims?.first) : try t.argmin(dim: dims?.first)
        case "all", "any":
            let bt = t.dtype == .bool ? t : try t.ne(.int(0))
            r = name == "all" ? try bt.all(dim: dims?.first) : try bt.any(dim: dims?.first)
        default:
            throw PyError.attributeError("'numpy.ndarray' object has no attribute '\(name)'")
        }
        let out = outType.map { r.to($0) } ?? r
        return .object(PyNDArray(out, scalar: out.dim == 0))
    }
}

extension MiniTorch.BinaryOp {
    var isComparisonOp: Bool { [.eq, .ne, .lt, .le, .gt, .ge].contains(self) }
}

enum NumpyArrayMethods {
    static func arr(_ v: Value) throws -> PyNDArray {
        guard let a = v.as(PyNDArray.self) else { throw PyError.typeError("descriptor requires a 'numpy.ndarray' object but received a '\(v.typeName)'") }
        return a
    }

    static func define(_ t: PyType) {
        t.defineMethod("__repr__") { _, this, _ in
            let a = try arr(this)
            if a.isScalar { return .str(NumpyFormatter.scalarRepr(a.tensor.scalar(atLinear: 0), a.tensor.dtype)) }
            return .str(NumpyFormatter.repr(a.tensor))
        }
        t.defineMethod("__str__") { _, this, _ in .str(NumpyFormatter.str(try arr(this).tensor)) }
        t.defineMethod("__format__") { ctx, this, args in
            let a = try arr(this)
            let spec = (try? args[0]?.asString()) ?? ""
            if a.tensor.numel == 1 && a.tensor.dim == 0 { return .str(try ctx.format(TorchConvert.value(try a.tensor.item()), spec)) }
            if spec.isEmpty { return .str(NumpyFormatter.str(a.tensor)) }
            throw PyError.typeError("unsupported format string passed to numpy.ndarray.__format__")
        }
        t.defineProperty("shape", get: { _, this in .tuple(try arr(this).tensor.shape.map { .int($0) }) })
        t.defineProperty("dtype", get: { _, this in PyNumpyDType.of(try arr(this).tensor.dtype) })
        t.defineProperty("ndim", get: { _, this in .int(try arr(this).tensor.dim) })
        t.defineProperty("size", get: { _, this in .int(try arr(this).tensor.numel) })
        t.defineProperty("itemsize", get: { _, this in .int(try arr(this).tensor.dtype.itemSize) })
        t.defineProperty("nbytes", get: { _, this in let x = try arr(this).tensor; return .int(x.numel * x.dtype.itemSize) })
        t.defineProperty("T", get: { _, this in
            let x = try arr(this).tensor
            return .object(PyNDArray(try x.permute(Array((0..<x.dim).reversed()))))
        })
        t.defineProperty("strides", get: { _, this in
            let x = try arr(this).tensor
            return .tuple(x.strides.map { .int($0 * x.dtype.itemSize) })
        })
        t.defineMethod("reshape") { ctx, this, args in
            let shape = try TorchConvert.sizes(ctx, args.positional, fn: "reshape")
            let x = try arr(this).tensor
            do { return .object(PyNDArray(try x.reshape(shape))) }
            catch is TensorError {
                throw PyError.valueError("cannot reshape array of size \(x.numel) into shape \(TorchTensorType.tupleRepr(shape))")
            }
        }
        t.defineMethod("astype") { ctx, this, args in
            let b = try Signature("astype(dtype, copy=True)").bind(args)
            guard let d = try NumpyConvert.dtype(b["dtype"]) else { throw PyError.typeError("Cannot interpret 'None' as a data type") }
            let a = try arr(this)
            return .object(PyNDArray(a.tensor.to(d, copy: true), scalar: a.isScalar))
        }
        t.defineMethod("copy") { _, this, _ in let a = try arr(this); return .object(PyNDArray(a.tensor.clone(), scalar: a.isScalar)) }
        t.defineMethod("flatten") { _, this, _ in .object(PyNDArray(try arr(this).tensor.reshape([-1]).clone())) }
        t.defineMethod("ravel") { _, this, _ in .object(PyNDArray(try arr(this).tensor.reshape([-1]))) }
        t.defineMethod("transpose") { ctx, this, args in
            let x = try arr(this).tensor
            let perm = args.positional.isEmpty ? Array((0..<x.dim).reversed()) : try TorchConvert.sizes(ctx, args.positional, fn: "transpose")
            return .object(PyNDArray(try x.permute(perm)))
        }
        t.defineMethod("tolist") { _, this, _ in TorchConvert.value(try arr(this).tensor.tolist()) }
        t.defineMethod("item") { _, this, _ in
            let x = try arr(this).tensor
            guard x.numel == 1 else { throw PyError.valueError("can only convert an array of size 1 to a Python scalar") }
            return TorchConvert.value(try x.item())
        }
        t.defineMethod("fill") { ctx, this, args in
            guard let v = args[0], let s = TorchConvert.scalar(v) else { throw PyError.typeError("fill() requires a number") }
            try arr(this).tensor.fill_(s)
            return .none
        }
        for name in ["sum", "mean", "prod", "max", "min", "std", "var", "argmax", "argmin", "all", "any"] {
            t.defineMethod(name) { ctx, this, args in try NumpyMath.reduce(ctx, this, args, name) }
        }
        t.defineMethod("round") { ctx, this, args in
            let b = try Signature("round(decimals=0)").bind(args)
            let a = try arr(this)
            return .object(PyNDArray(try a.tensor.round(decimals: b.int("decimals")), scalar: a.isScalar))
        }
        t.defineMethod("__round__") { ctx, this, args in
            let a = try arr(this)
            if let nd = args[0], !nd.isNone {
                return .object(PyNDArray(try a.tensor.round(decimals: nd.asIndex()), scalar: a.isScalar))
            }
            let v = try a.tensor.item().asDouble
            return .int(Int((v).rounded(.toNearestOrEven)))
        }

        let ops: [(String, MiniTorch.BinaryOp)] = [("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .div),
            ("floordiv", .floorDivide), ("mod", .remainder), ("pow", .pow), ("and", .bitwiseAnd), ("or", .bitwiseOr), ("xor", .bitwiseXor)]
        for (name, op) in ops {
            t.defineMethod("__\(name)__") { ctx, this, args in
                try NumpyMath.binary(ctx, op, this, args[0] ?? .none) ?? .notImplemented
            }
            t.defineMethod("__r\(name)__") { ctx, this, args in
                try NumpyMath.binary(ctx, op, args[0] ?? .none, this) ?? .notImplemented
            }
            t.defineMethod("__i\(name)__") { ctx, this, args in try NumpyMath.inplace(ctx, op, this, args[0] ?? .none) }
        }
        let cmps: [(String, MiniTorch.BinaryOp)] = [("eq", .eq), ("ne", .ne), ("lt", .lt), ("le", .le), ("gt", .gt), ("ge", .ge)]
        for (name, op) in cmps {
            t.defineMethod("__\(name)__") { ctx, this, args in
                try NumpyMath.binary(ctx, op, this, args[0] ?? .none) ?? .notImplemented
            }
        }
        t.defineMethod("__matmul__") { ctx, this, args in
            guard let o = args[0], let b = o.as(PyNDArray.self) else { return .notImplemented }
            var x = try arr(this).tensor, y = b.tensor
            if x.dtype != y.dtype { let d = DType.promote(x.dtype, y.dtype); x = x.to(d); y = y.to(d) }
            let r = try TorchMath.matmul(x, y)
            return .object(PyNDArray(r, scalar: r.dim == 0))
        }
        t.defineMethod("__neg__") { _, this, _ in let a = try arr(this); return .object(PyNDArray(try a.tensor.neg(), scalar: a.isScalar)) }
        t.defineMethod("__pos__") { _, this, _ in this }
        t.defineMethod("__abs__") { _, this, _ in let a = try arr(this); return .object(PyNDArray(try a.tensor.abs(), scalar: a.isScalar)) }
        t.defineMethod("__invert__") { _, this, _ in let a = try arr(this); return .object(PyNDArray(try a.tensor.invert(), scalar: a.isScalar)) }
        t.defineMethod("__len__") { _, this, _ in
            let x = try arr(this).tensor
            guard x.dim > 0 else { throw PyError.typeError("len() of unsized object") }
            return .int(x.shape[0])
        }
        t.defineMethod("__bool__") { _, this, _ in
            let x = try arr(this).tensor
            guard x.numel == 1 else {
                if x.numel == 0 { return .bool(false) }
                throw PyError.valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
            }
            return .bool(try x.item().asBool)
        }
        t.defineMethod("__float__") { _, this, _ in
            let x = try arr(this).tensor
            guard x.numel == 1 else { throw PyError.typeError("only length-1 arrays can be converted to Python scalars") }
            return .float(try x.item().asDouble)
        }
        t.defineMethod("__int__") { _, this, _ in
            let x = try arr(this).tensor
            guard x.numel == 1 else { throw PyError.typeError("only length-1 arrays can be converted to Python scalars") }
            return .int(Int(try x.item().asInt64))
        }
        t.defineMethod("__index__") { _, this, _ in
            let x = try arr(this).tensor
            guard x.numel == 1, !x.dtype.isFloatingPoint else { throw PyError.typeError("only integer scalar arrays can be converted to a scalar index") }
            return .int(Int(try x.item().asInt64))
        }
        t.defineMethod("__hash__") { _, this, _ in
            let a = try arr(this)
            guard a.isScalar else { throw PyError.typeError("unhashable type: 'numpy.ndarray'") }
            return .int(Int(try a.tensor.item().asInt64))
        }
        t.defineMethod("__iter__") { _, this, _ in
            let x = try arr(this).tensor
            guard x.dim > 0 else { throw PyError.typeError("iteration over a 0-d array") }
            var i = 0
            return .object(PyIterator {
                guard i < x.shape[0] else { return nil }
                defer { i += 1 }
                let r = try x.select(0, i)
                return .object(PyNDArray(r, scalar: r.dim == 0))
            })
        }
        t.defineMethod("__getitem__") { ctx, this, args in
            let a = try arr(this)
            let items = try TorchIndexing.items(ctx, args[0] ?? .none)
            let r = try a.tensor.index(items)
            return .object(PyNDArray(r, scalar: r.dim == 0))
        }
        t.defineMethod("__setitem__") { ctx, this, args in
            let a = try arr(this)
            let items = try TorchIndexing.items(ctx, args[0] ?? .none)
            let v = args[1] ?? .none
            if let s = TorchConvert.scalar(v) {
                try a.tensor.indexPut(items, Tensor.scalarTensor(s, dtype: a.tensor.dtype))
            } else {
                let src = try NumpyConvert.array(ctx, v, dtype: nil)
                try a.tensor.indexPut(items, src.to(a.tensor.dtype))
            }
            return .none
        }
    }
}

enum NumpyModule {
    static func load(_ ctx: Interpreter) throws -> PyModule {
        let m = PyModule(name: "numpy")
        m.defineClass(NumpyTypes.ndarray)
        m.set("dtype", .object(NumpyTypes.dtypeType))
        for d in DType.allCases { m.set(d == .bool ? "bool_" : d.shortName, .object(NumpyTypes.scalarType(d))) }
        m.set("bool", .object(NumpyTypes.scalarType(.bool)))
        m.set("float_", .object(NumpyTypes.scalarType(.float64)))
        m.set("double", .object(NumpyTypes.scalarType(.float64)))
        m.set("single", .object(NumpyTypes.scalarType(.float32)))
        m.set("int_", .object(NumpyTypes.scalarType(.int64)))
        m.set("pi", .float(Double.pi))
        m.set("e", .float(M_E))
        m.set("inf", .float(Double.infinity))
        m.set("nan", .float(Double.nan))
        m.set("newaxis", .none)
        ctx.errorTranslators.append(TorchConvert.translate)

        func arrayArg(_ ctx: Interpreter, _ v: Value) throws -> Tensor {
            if let a = v.as(PyNDArray.self) { return a.tensor }
            return try NumpyConvert.array(ctx, v, dtype: nil)
        }
        func wrap(_ t: Tensor) -> Value { .object(PyNDArray(t, scalar: false)) }

        m.defineFunction("array") { ctx, args in
            let a = try Signature("array(object, dtype=None, copy=True)").bind(args)
            return wrap(try NumpyConvert.array(ctx, a["object"], dtype: NumpyConvert.dtype(a["dtype"])))
        }
        m.defineFunction("asarray") { ctx, args in
            let a = try Signature("asarray(a, dtype=None)").bind(args)
            let d = try NumpyConvert.dtype(a["dtype"])
            if let x = a["a"].as(PyNDArray.self), d == nil || d == x.tensor.dtype { return a["a"] }
            return wrap(try NumpyConvert.array(ctx, a["a"], dtype: d))
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0), ("empty", 0.0)] {
            m.defineFunction(name) { ctx, args in
                let a = try Signature("\(name)(shape, dtype=None)").bind(args)
                let shape = try TorchConvert.sizes(ctx, [a["shape"]], fn: name)
                let d = try NumpyConvert.dtype(a["dtype"]) ?? .float64
                return wrap(try Tensor.full(shape, .double(fill), dtype: d))
            }
            m.defineFunction(name + "_like") { ctx, args in
                let a = try Signature("\(name)_like(a, dtype=None)").bind(args)
                let x = try arrayArg(ctx, a["a"])
                return wrap(try Tensor.full(x.shape, .double(fill), dtype: NumpyConvert.dtype(a["dtype"]) ?? x.dtype))
            }
        }
        m.defineFunction("full") { ctx, args in
            let a = try Signature("full(shape, fill_value, dtype=None)").bind(args)
            let shape = try TorchConvert.sizes(ctx, [a["shape"]], fn: "full")
            guard let s = TorchConvert.scalar(a["fill_value"]) else { throw PyError.typeError("fill_value must be a number") }
            let d = try NumpyConvert.dtype(a["dtype"]) ?? (s.isFloatingPoint ? .float64 : (s.isBool ? .bool : .int64))
            return wrap(try Tensor.full(shape, s, dtype: d))
        }
        m.defineFunction("arange") { ctx, args in
            let a = try Signature("arange(start, stop=None, step=1, dtype=None)").bind(args)
            guard var start = TorchConvert.scalar(a["start"]) else { throw PyError.typeError("arange() requires numbers") }
            var stop = TorchConvert.scalar(a["stop"])
            if stop == nil { stop = start; start = .int(0) }
            guard let end = stop, let step = TorchConvert.scalar(a["step"]) else { throw PyError.typeError("arange() requires numbers") }
            let anyFloat = start.isFloatingPoint || end.isFloatingPoint || step.isFloatingPoint
            let d = try NumpyConvert.dtype(a["dtype"]) ?? (anyFloat ? .float64 : .int64)
            return wrap(try Tensor.arange(start, end, step, dtype: d))
        }
        m.defineFunction("linspace") { ctx, args in
            let a = try Signature("linspace(start, stop, num=50, endpoint=True, dtype=None)").bind(args)
            let n = try a.int("num")
            let lo = try a.double("start"), hi = try a.double("stop")
            let endpoint = try a.bool("endpoint")
            let div = Double(endpoint ? max(n - 1, 1) : max(n, 1))
            let step = (hi - lo) / div
            var vals = (0..<max(n, 0)).map { lo + Double($0) * step }
            if endpoint && n > 1 { vals[n - 1] = hi }
            let t = Tensor(vals, shape: [vals.count])
            return wrap(t.to(try NumpyConvert.dtype(a["dtype"]) ?? .float64))
        }
        m.defineFunction("eye") { ctx, args in
            let a = try Signature("eye(N, M=None, k=0, dtype=None)").bind(args)
            return wrap(try Tensor.eye(a.int("N"), a.optionalInt("M"), dtype: NumpyConvert.dtype(a["dtype"]) ?? .float64))
        }
        m.defineFunction("round") { ctx, args in
            let a = try Signature("round(a, decimals=0)").bind(args)
            if let x = a["a"].as(PyNDArray.self) { return .object(PyNDArray(try x.tensor.round(decimals: a.int("decimals")), scalar: x.isScalar)) }
            if let s = TorchConvert.scalar(a["a"]) {
                let r = try Tensor.scalarTensor(s, dtype: s.isFloatingPoint ? .float64 : .int64).round(decimals: a.int("decimals"))
                return .object(PyNDArray(r, scalar: true))
            }
            return wrap(try arrayArg(ctx, a["a"]).round(decimals: a.int("decimals")))
        }
        m.set("around", m["round"] ?? .none)
        m.defineFunction("array_equal") { ctx, args in
            let a = try Signature("array_equal(a1, a2, equal_nan=False)").bind(args)
            let x = try arrayArg(ctx, a["a1"]), y = try arrayArg(ctx, a["a2"])
            guard x.shape == y.shape else { return .bool(false) }
            let d = DType.promote(x.dtype, y.dtype)
            return .bool(try x.to(d).equal(y.to(d)))
        }
        m.defineFunction("allclose") { ctx, args in
            let a = try Signature("allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)").bind(args)
            var x = try arrayArg(ctx, a["a"]), y = try arrayArg(ctx, a["b"])
            x = x.to(.float64); y = y.to(.float64)
            return .bool(try x.allclose(y, rtol: a.double("rtol"), atol: a.double("atol"), equalNan: a.bool("equal_nan")))
        }
        for name in ["sum", "mean", "prod", "max", "min", "std", "var", "argmax", "argmin", "all", "any"] {
            m.defineFunction(name) { ctx, args in
                guard let first = args.positional.first else { throw PyError.typeError("\(name)() missing required argument 'a' (pos 1)") }
                let arrV: Value = first.as(PyNDArray.self) != nil ? first : wrap(try arrayArg(ctx, first))
                return try NumpyMath.reduce(ctx, arrV, Arguments(Array(args.positional.dropFirst()), keywords: args.keywords), name)
            }
        }
        m.set("amax", m["max"] ?? .none)
        m.set("amin", m["min"] ?? .none)
        let unary: [(String, MiniTorch.UnaryOp)] = [("exp", .exp), ("log", .log), ("sqrt", .sqrt), ("abs", .abs), ("sin", .sin),
            ("cos", .cos), ("tanh", .tanh), ("floor", .floor), ("ceil", .ceil), ("sign", .sign), ("square", .square)]
        for (name, op) in unary {
            m.defineFunction(name) { ctx, args in
                guard let v = args[0] else { throw PyError.typeError("\(name)() takes from 1 to 2 positional arguments but 0 were given") }
                let isScalar = v.as(PyNDArray.self)?.isScalar ?? (TorchConvert.scalar(v) != nil)
                var x = try arrayArg(ctx, v)
                if op.needsFloatNumpy && !x.dtype.isFloatingPoint { x = x.to(.float64) }
                let r = try Tensor.unary(op, x)
                return .object(PyNDArray(r, scalar: isScalar && r.dim == 0))
            }
        }
        m.set("absolute", m["abs"] ?? .none)
        m.defineFunction("maximum") { ctx, args in
            guard let a = args[0], let b = args[1] else { throw PyError.typeError("maximum() takes 2 arguments") }
            return try NumpyMath.binary(ctx, .maximum, a.as(PyNDArray.self) != nil ? a : wrap(try arrayArg(ctx, a)), b) ?? .none
        }
        m.defineFunction("minimum") { ctx, args in
            guard let a = args[0], let b = args[1] else { throw PyError.typeError("minimum() takes 2 arguments") }
            return try NumpyMath.binary(ctx, .minimum, a.as(PyNDArray.self) != nil ? a : wrap(try arrayArg(ctx, a)), b) ?? .none
        }
        for (name, op) in [("add", MiniTorch.BinaryOp.add), ("subtract", .sub), ("multiply", .mul), ("divide", .div), ("power", .pow)] {
            m.defineFunction(name) { ctx, args in
                guard let a = args[0], let b = args[1] else { throw PyError.typeError("\(name)() takes 2 arguments") }
                return try NumpyMath.binary(ctx, op, a.as(PyNDArray.self) != nil ? a : wrap(try arrayArg(ctx, a)), b) ?? .none
            }
        }
        m.defineFunction("dot") { ctx, args in
            guard let a = args[0], let b = args[1] else { throw PyError.typeError("dot() takes 2 arguments") }
            var x = try arrayArg(ctx, a), y = try arrayArg(ctx, b)
            if x.dtype != y.dtype { let d = DType.promote(x.dtype, y.dtype); x = x.to(d); y = y.to(d) }
            let r = (x.dim == 0 || y.dim == 0) ? try x.mul(y) : try TorchMath.matmul(x, y)
            return .object(PyNDArray(r, scalar: r.dim == 0))
        }
        m.set("matmul", m["dot"] ?? .none)
        m.defineFunction("reshape") { ctx, args in
            let a = try Signature("reshape(a, newshape)").bind(args)
            return wrap(try arrayArg(ctx, a["a"]).reshape(TorchConvert.sizes(ctx, [a["newshape"]], fn: "reshape")))
        }
        m.defineFunction("transpose") { ctx, args in
            let a = try Signature("transpose(a, axes=None)").bind(args)
            let x = try arrayArg(ctx, a["a"])
            let perm = a["axes"].isNone ? Array((0..<x.dim).reversed()) : try TorchConvert.sizes(ctx, [a["axes"]], fn: "transpose")
            return wrap(try x.permute(perm))
        }
        m.defineFunction("concatenate") { ctx, args in
            let a = try Signature("concatenate(arrays, axis=0)").bind(args)
            var ts = try ctx.toArray(a["arrays"]).map { try arrayArg(ctx, $0) }
            if let d = ts.map({ $0.dtype }).max(by: { $0.rawValue < $1.rawValue }) { ts = ts.map { $0.to(d) } }
            return wrap(try Tensor.cat(ts, dim: a.int("axis")))
        }
        m.defineFunction("stack") { ctx, args in
            let a = try Signature("stack(arrays, axis=0)").bind(args)
            var ts = try ctx.toArray(a["arrays"]).map { try arrayArg(ctx, $0) }
            if let d = ts.map({ $0.dtype }).max(by: { $0.rawValue < $1.rawValue }) { ts = ts.map { $0.to(d) } }
            return wrap(try Tensor.stack(ts, dim: a.int("axis")))
        }
        m.defineFunction("where") { ctx, args in
            let a = try Signature("where(condition, x, y)").bind(args)
            var c = try arrayArg(ctx, a["condition"])
            if c.dtype != .bool { c = try c.ne(.int(0)) }
            var x = try arrayArg(ctx, a["x"]), y = try arrayArg(ctx, a["y"])
            if x.dtype != y.dtype { let d = DType.promote(x.dtype, y.dtype); x = x.to(d); y = y.to(d) }
            return wrap(try Tensor.whereSelect(c, x, y))
        }
        m.defineFunction("shape") { ctx, args in
            guard let v = args[0] else { throw PyError.typeError("shape() missing 1 required positional argument: 'a'") }
            return .tuple(try arrayArg(ctx, v).shape.map { .int($0) })
        }
        m.defineFunction("set_printoptions") { ctx, args in
            let a = try Signature("set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None)").bind(args)
            var o = NumpyPrintOptions.current
            if let p = try a.optionalInt("precision") { o.precision = p }
            if let p = try a.optionalInt("threshold") { o.threshold = p }
            if let p = try a.optionalInt("edgeitems") { o.edgeitems = p }
            if let p = try a.optionalInt("linewidth") { o.linewidth = p }
            if !a["suppress"].isNone { o.suppress = try a.bool("suppress") }
            NumpyPrintOptions.current = o
            return .none
        }
        NumpyPrintOptions.current = NumpyPrintOptions()
        return m
    }
}

extension MiniTorch.UnaryOp {
    /// Ops numpy computes in float64 for integer input.
    var needsFloatNumpy: Bool {
        switch self {
        case .exp, .log, .sqrt, .sin, .cos, .tanh: return true
        default: return false
        }
    }
}

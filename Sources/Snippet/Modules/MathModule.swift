import Foundation

/// `import math` — CPython's messages: `math domain error`, `math range error`.
enum MathModule {
    static func load(_ ctx: Interpreter) throws -> PyModule {
        let m = PyModule(name: "math")
        m.set("pi", .float(Double.pi))
        m.set("e", .float(M_E))
        m.set("tau", .float(2 * Double.pi))
        m.set("inf", .float(.infinity))
        m.set("nan", .float(.nan))
        func unary(_ name: String, _ f: @escaping (Double) -> Double, domain: ((Double) -> Bool)? = nil) {
            m.defineFunction(name) { _, args in
                let x = try oneNumber(name, args)
                if let domain, !domain(x) { throw PyError.valueError("math domain error") }
                let r = f(x)
                if r.isNaN && !x.isNaN { throw PyError.valueError("math domain error") }
                if r.isInfinite && x.isFinite { throw PyError(.overflowError, "math range error") }
                return .float(r)
            }
        }
        unary("sqrt", Foundation.sqrt, domain: { $0 >= 0 || $0.isNaN })
        unary("exp", Foundation.exp)
        unary("expm1", Foundation.expm1)
        unary("log2", Foundation.log2, domain: { $0 > 0 || $0.isNaN })
        unary("log10", Foundation.log10, domain: { $0 > 0 || $0.isNaN })
        unary("log1p", Foundation.log1p, domain: { $0 > -1 || $0.isNaN })
        unary("sin", Foundation.sin, domain: { !$0.isInfinite })
        unary("cos", Foundation.cos, domain: { !$0.isInfinite })
        unary("tan", Foundation.tan, domain: { !$0.isInfinite })
        unary("asin", Foundation.asin, domain: { ($0 >= -1 && $0 <= 1) || $0.isNaN })
        unary("acos", Foundation.acos, domain: { ($0 >= -1 && $0 <= 1) || $0.isNaN })
        unary("atan", Foundation.atan)
        unary("sinh", Foundation.sinh)
        unary("cosh", Foundation.cosh)
        unary("tanh", Foundation.tanh)
        unary("asinh", Foundation.asinh)
        unary("acosh", Foundation.acosh, domain: { $0 >= 1 || $0.isNaN })
        unary("atanh", Foundation.atanh, domain: { ($0 > -1 && $0 < 1) || $0.isNaN })
        unary("fabs", Swift.abs)
        unary("erf", Foundation.erf)
        unary("erfc", Foundation.erfc)
        unary("gamma", Foundation.tgamma, domain: { !($0 <= 0 && $0 == $0.rounded()) })
        unary("lgamma", { Foundation.lgamma($0) }, domain: { !($0 <= 0 && $0 == $0.rounded()) })
        unary("degrees", { $0 * 180 / Double.pi })
        unary("radians", { $0 * Double.pi / 180 })
        m.defineFunction("log") { _, args in
            guard (1...2).contains(args.positional.count), args.keywords.isEmpty else {
                throw PyError.typeError("log expected 1 or 2 arguments, got \(args.positional.count)")
            }
            let x = try number("log", args.positional[0])
            guard x > 0 || x.isNaN else { throw PyError.valueError("math domain error") }
            if args.positional.count == 2 {
                let b = try number("log", args.positional[1])
                guard b > 0 || b.isNaN else { throw PyError.valueError("math domain error") }
                if b == 1 { throw PyError(.zeroDivisionError, "float division by zero") }
                return .float(Foundation.log(x) / Foundation.log(b))
            }
            return .float(Foundation.log(x))
        }
        func toInt(_ d: Double) throws -> Value {
            if d.isNaN { throw PyError.valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw PyError(.overflowError, "cannot convert float infinity to integer") }
            guard let i = Int(exactly: d) else { throw overflow() }
            return .int(i)
        }
        for (name, rule) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            m.defineFunction(name) { ctx, args in
                guard args.positional.count == 1, args.keywords.isEmpty else {
                    throw PyError.typeError("math.\(name)() takes exactly one argument (\(args.positional.count) given)")
                }
                let v = args.positional[0]
                switch v {
                case .int, .bool: return v.asIntLike
                case .float(let d): return try toInt(d.rounded(rule))
                default:
                    if case .object = v, let f = v.type.lookup("__\(name)__") { return try ctx.callAttribute(f, receiver: v, Arguments()) }
                    throw PyError.typeError("must be real number, not \(v.typeName)")
                }
            }
        }
        let powSig = Signature("pow(x, y, /)")
        m.defineFunction("pow") { _, args in
            let b = try powSig.bind(args)
            let x = try number("pow", b["x"]), y = try number("pow", b["y"])
            if x == 0 && y < 0 { throw PyError.valueError("math domain error") }
            if x < 0 && y != y.rounded() && y.isFinite { throw PyError.valueError("math domain error") }
            let r = Foundation.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw PyError(.overflowError, "math range error") }
            return .float(r)
        }
        let atan2Sig = Signature("atan2(y, x, /)")
        m.defineFunction("atan2") { _, args in
            let b = try atan2Sig.bind(args)
            return .float(Foundation.atan2(try number("atan2", b["y"]), try number("atan2", b["x"])))
        }
        let copysignSig = Signature("copysign(x, y, /)")
        m.defineFunction("copysign") { _, args in
            let b = try copysignSig.bind(args)
            return .float(Foundation.copysign(try number("copysign", b["x"]), try number("copysign", b["y"])))
        }
        let fmodSig = Signature("fmod(x, y, /)")
        m.defineFunction("fmod") { _, args in
            let b = try fmodSig.bind(args)
            let x = try number("fmod", b["x"]), y = try number("fmod", b["y"])
            if y == 0 || x.isInfinite { throw PyError.valueError("math domain error") }
            return .float(Foundation.fmod(x, y))
        }
        m.defineFunction("modf") { _, args in
            let x = try oneNumber("modf", args)
            let ip = x.rounded(.towardZero)
            return .tuple([.float(x.isInfinite ? Foundation.copysign(0, x) : x - ip), .float(ip)])
        }
        m.defineFunction("hypot") { _, args in
            var s = 0.0
            for v in args.positional { let d = try number("hypot", v); s += d * d }
            return .float(Foundation.sqrt(s))
        }
        let iscloseSig = Signature("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)")
        m.defineFunction("isclose") { _, args in
            let b = try iscloseSig.bind(args)
            let x = try number("isclose", b["a"]), y = try number("isclose", b["b"])
            let rel = try number("isclose", b["rel_tol"]), abst = try number("isclose", b["abs_tol"])
            if rel < 0 || abst < 0 { throw PyError.valueError("tolerances must be non-negative") }
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = Swift.abs(y - x)
            return .bool(diff <= Swift.abs(rel * y) || diff <= Swift.abs(rel * x) || diff <= abst)
        }
        m.defineFunction("isnan") { _, args in .bool(try oneNumber("isnan", args).isNaN) }
        m.defineFunction("isinf") { _, args in .bool(try oneNumber("isinf", args).isInfinite) }
        m.defineFunction("isfinite") { _, args in .bool(try oneNumber("isfinite", args).isFinite) }
        m.defineFunction("factorial") { _, args in
            guard args.positional.count == 1 else { throw PyError.typeError("math.factorial() takes exactly one argument (\(args.positional.count) given)") }
            guard case .int(let n) = args.positional[0].asIntLike else {
                throw PyError.typeError("'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            if n < 0 { throw PyError.valueError("factorial() not defined for negative values") }
            var r = 1
            if n > 1 { for k in 2...n { r = try IntMath.mul(r, k) } }
            return .int(r)
        }
        m.defineFunction("gcd") { _, args in
            var g = 0
            for v in args.positional {
                let x = try v.asIndex()
                if x == Int.min { throw overflow() }
                var a = Swift.abs(x), b = g
                while b != 0 { (a, b) = (b, a % b) }
                g = a
            }
            return .int(g)
        }
        m.defineFunction("lcm") { _, args in
            var l = 1
            for v in args.positional {
                let value = try v.asIndex()
                if value == Int.min { throw overflow() }
                let a = Swift.abs(value)
                if a == 0 { return .int(0) }
                var x = l, y = a
                while y != 0 { (x, y) = (y, x % y) }
                l = try IntMath.mul(l / x, a)
            }
            return .int(l)
        }
        m.defineFunction("comb") { _, args in
            guard args.positional.count == 2 else { throw PyError.typeError("comb expected 2 arguments, got \(args.positional.count)") }
            let n = try args.positional[0].asIndex(), k = try args.positional[1].asIndex()
            if n < 0 || k < 0 { throw PyError.valueError("\(n < 0 ? "n" : "k") must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = 1
            let kk = Swift.min(k, n - k)
            if kk > 0 { for i in 1...kk { r = try IntMath.mul(r, n - kk + i) / i } }
            return .int(r)
        }
        m.defineFunction("perm") { _, args in
            let n = try (args[0] ?? .none).asIndex()
            let k = try args[1].map { try $0.asIndex() } ?? n
            if n < 0 || k < 0 { throw PyError.valueError("\(n < 0 ? "n" : "k") must be a non-negative integer") }
            if k > n { return .int(0) }
            var r = 1
            if k > 0 { for i in 0..<k { r = try IntMath.mul(r, n - i) } }
            return .int(r)
        }
        m.defineFunction("fsum") { ctx, args in
            guard let it = args[0] else { throw PyError.typeError("math.fsum() takes exactly one argument (0 given)") }
            // Neumaier compensated sum (close to CPython's exact fsum for ordinary inputs)
            var s = 0.0, c = 0.0
            for v in try ctx.toArray(it) {
                let x = try number("fsum", v)
                let t = s + x
                if Swift.abs(s) >= Swift.abs(x) { c += (s - t) + x } else { c += (x - t) + s }
                s = t
            }
            return .float(s + c)
        }
        m.defineFunction("prod") { ctx, args in
            guard let it = args[0] else { throw PyError.typeError("prod() missing required argument 'iterable' (pos 1)") }
            var acc = args.keyword("start") ?? .int(1)
            for v in try ctx.toArray(it) { acc = try ctx.binaryOp(.mul, acc, v) }
            return acc
        }
        return m
    }

    static func number(_ fn: String, _ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: throw PyError.typeError("must be real number, not \(v.typeName)")
        }
    }

    static func oneNumber(_ fn: String, _ args: Arguments) throws -> Double {
        guard args.positional.count == 1, args.keywords.isEmpty else {
            throw PyError.typeError("math.\(fn)() takes exactly one argument (\(args.positional.count) given)")
        }
        return try number(fn, args.positional[0])
    }
}

/// `import time` — `perf_counter`, `time`, `monotonic`, `sleep` (bounded by the run's time limit).
enum TimeModule {
    static func load(_ ctx: Interpreter) throws -> PyModule {
        let m = PyModule(name: "time")
        m.defineFunction("perf_counter") { _, args in
            try args.expectNone("perf_counter")
            return .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        }
        m.defineFunction("monotonic") { _, args in
            try args.expectNone("monotonic")
            return .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        }
        m.defineFunction("perf_counter_ns") { _, _ in .int(Int(truncatingIfNeeded: DispatchTime.now().uptimeNanoseconds)) }
        m.defineFunction("time") { _, args in
            try args.expectNone("time")
            return .float(Date().timeIntervalSince1970)
        }
        m.defineFunction("time_ns") { _, _ in .int(Int(Date().timeIntervalSince1970 * 1e9)) }
        m.defineFunction("sleep") { ctx, args in
            guard args.positional.count == 1 else { throw PyError.typeError("time.sleep() takes exactly one argument (\(args.positional.count) given)") }
            let s = try args.positional[0].asDouble()
            if s < 0 { throw PyError.valueError("sleep length must be non-negative") }
            if s.isNaN { throw PyError.valueError("Invalid value NaN (not a number)") }
            let remaining = ctx.remainingTime
            if s >= remaining {
                Thread.sleep(forTimeInterval: max(0, remaining))
                try ctx.checkDeadline()
                return .none
            }
            Thread.sleep(forTimeInterval: s)
            return .none
        }
        return m
    }
}

import Foundation
/// Creation ops: torch.tensor, zeros/ones/full/arange/linspace/eye/empty and the *_like forms.

extension Tensor {
    /// Builds a contiguous tensor from row-major Swift values.
    public convenience init<T: TensorElement>(_ values: [T], shape: [Int], device: Device = .cpu) {
        let l = Layout(contiguous: shape)
        let st = Storage(dtype: T.dtype, count: l.numel)
        let p = st.pointer(T.self)
        for i in 0..<Swift.min(values.count, l.numel) { p[i] = values[i] }
        self.init(storage: st, layout: l, device: device)
    }
    /// 1-D tensor from Swift values.
    public convenience init<T: TensorElement>(_ values: [T]) { self.init(values, shape: [values.count]) }

    /// A 0-dim tensor holding a Python number, flagged as a wrapped number for type promotion
    /// (what PyTorch does with the `2` in `x + 2`).
    public static func wrappedScalar(_ s: Scalar) -> Tensor {
        let t = Tensor(zeros: [], dtype: s.wrappedDType)
        t.storage.write(s, at: 0)
        t.isWrappedNumber = true
        return t
    }
    /// A 0-dim tensor of the given dtype holding `s`.
    public static func scalarTensor(_ s: Scalar, dtype: DType? = nil, device: Device = .cpu) -> Tensor {
        let d = dtype ?? inferDType(s)
        let t = Tensor(zeros: [], dtype: d, device: device)
        t.storage.write(s, at: 0)
        return t
    }

    /// `torch.tensor(data, dtype=)`: infers shape and dtype (ints→int64, any float→default float, bools→bool).
    public static func fromNested(_ data: NestedData, dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        var shape: [Int] = []
        var cur = data
        while case .list(let l) = cur {
            shape.append(l.count)
            guard let f = l.first else { break }
            cur = f
        }
        var flat: [Scalar] = []
        flat.reserveCapacity(shape.reduce(1, *))
        func walk(_ d: NestedData, _ depth: Int) throws {
            switch d {
            case .scalar(let s):
                if depth != shape.count {
                    throw TensorError.type("not a sequence")
                }
                flat.append(s)
            case .list(let l):
                guard depth < shape.count else {
                    // PyTorch converts the element with the dtype it inferred from the whole nest.
                    let d = dtype ?? scanDType(data)
                    if d.isFloatingPoint { throw TensorError.type("must be real number, not list") }
                    if d == .bool { throw TensorError.type("'list' object cannot be interpreted as a bool") }
                    throw TensorError.type("'list' object cannot be interpreted as an integer")
                }
                _ = l
                if l.count != shape[depth] {
                    throw TensorError.value("expected sequence of length \(shape[depth]) at dim \(depth) (got \(l.count))")
                }
                for x in l { try walk(x, depth + 1) }
            }
        }
        try walk(data, 0)
        var inferred: DType
        if flat.isEmpty { inferred = DType.defaultFloat }
        else {
            var sawFloat = false, sawInt = false
            for s in flat {
                switch s {
                case .double: sawFloat = true
                case .int: sawInt = true
                case .bool: break
                }
            }
            inferred = sawFloat ? DType.defaultFloat : (sawInt ? .int64 : .bool)
        }
        let t = Tensor(zeros: shape, dtype: dtype ?? inferred, device: device)
        for (i, s) in flat.enumerated() { t.storage.write(s, at: i) }
        return t
    }

    /// Legacy constructors `torch.Tensor(...)`, `torch.FloatTensor(...)`, ...: sizes (`Tensor(2, 3)`, zero-filled here
    /// where PyTorch leaves memory uninitialised) or data (`Tensor([1, 2])`, converted to `dtype`).
    public static func legacyConstructor(_ dtype: DType, sizes: [Int]?, data: NestedData?) throws -> Tensor {
        if let d = data {
            if case .scalar(let s) = d {
                throw TensorError.type("new(): data must be a sequence (got \(s.isFloatingPoint ? "float" : (s.isBool ? "bool" : "int")))")
            }
            return try fromNested(d, dtype: dtype)
        }
        let sz = sizes ?? [0]
        for s in sz where s < 0 {
            throw TensorError.runtime("Trying to create tensor with negative dimension \(s): \(shapeString(sz))")
        }
        return try zeros(sz.isEmpty ? [0] : sz, dtype: dtype)
    }

    /// The dtype torch.tensor infers from every number in a nest.
    static func scanDType(_ d: NestedData) -> DType {
        var sawFloat = false, sawInt = false, any = false
        func go(_ x: NestedData) {
            switch x {
            case .scalar(.double): sawFloat = true; any = true
            case .scalar(.int): sawInt = true; any = true
            case .scalar(.bool): any = true
            case .list(let l): l.forEach(go)
            }
        }
        go(d)
        if !any { return DType.defaultFloat }
        return sawFloat ? DType.defaultFloat : (sawInt ? .int64 : .bool)
    }

    /// The dtype `torch.full`/`torch.tensor` infer from one Python number.
    public static func inferDType(_ s: Scalar) -> DType {
        switch s {
        case .bool: return .bool
        case .int: return .int64
        case .double: return DType.defaultFloat
        }
    }

    static func checkSizes(_ shape: [Int]) throws {
        for s in shape where s < 0 {
            throw TensorError.runtime("Trying to create tensor with negative dimension \(s): \(shapeString(shape))")
        }
        let n = shape.reduce(1) { $0.multipliedReportingOverflow(by: $1).overflow ? Int.max : $0 * $1 }
        if n > Tensor.maxElements {
            throw TensorError.runtime("tensor of \(n) elements exceeds the engine's limit of \(Tensor.maxElements) elements")
        }
    }
    /// The sandbox's size limit (elements per tensor).
    nonisolated(unsafe) public static var maxElements = 1 << 28

    /// `torch.zeros` / `torch.empty` (empty is zero-filled here).
    public static func zeros(_ shape: [Int], dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        if shape.contains(where: { $0 < 0 }) { throw TensorError.runtime("zeros: Dimension size must be non-negative.") }
        try checkSizes(shape)
        return Tensor(zeros: shape, dtype: dtype ?? DType.defaultFloat, device: device)
    }
    public static func empty(_ shape: [Int], dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        try checkSizes(shape)
        return try zeros(shape, dtype: dtype, device: device)
    }
    public static func ones(_ shape: [Int], dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        try full(shape, .int(1), dtype: dtype ?? DType.defaultFloat, device: device)
    }
    /// `torch.full(size, fill_value)`: dtype inferred from the fill value when not given.
    public static func full(_ shape: [Int], _ value: Scalar, dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        try checkSizes(shape)
        let t = Tensor(zeros: shape, dtype: dtype ?? inferDType(value), device: device)
        t.fillStorage(value)
        return t
    }
    public static func zerosLike(_ t: Tensor, dtype: DType? = nil) -> Tensor {
        Tensor(zeros: t.shape, dtype: dtype ?? t.dtype, device: t.device)
    }
    public static func onesLike(_ t: Tensor, dtype: DType? = nil) -> Tensor {
        let o = Tensor(zeros: t.shape, dtype: dtype ?? t.dtype, device: t.device)
        o.fillStorage(.int(1))
        return o
    }
    public static func fullLike(_ t: Tensor, _ value: Scalar, dtype: DType? = nil) -> Tensor {
        let o = Tensor(zeros: t.shape, dtype: dtype ?? t.dtype, device: t.device)
        o.fillStorage(value)
        return o
    }
    /// `x.new_zeros(size)` etc.: same dtype and device as self unless given.
    public func newZeros(_ shape: [Int], dtype: DType? = nil) throws -> Tensor { try Tensor.zeros(shape, dtype: dtype ?? self.dtype, device: device) }
    public func newOnes(_ shape: [Int], dtype: DType? = nil) throws -> Tensor { try Tensor.ones(shape, dtype: dtype ?? self.dtype, device: device) }
    public func newFull(_ shape: [Int], _ v: Scalar, dtype: DType? = nil) throws -> Tensor { try Tensor.full(shape, v, dtype: dtype ?? self.dtype, device: device) }
    public func newEmpty(_ shape: [Int], dtype: DType? = nil) throws -> Tensor { try newZeros(shape, dtype: dtype) }
    /// `x.new_tensor(data)`: dtype of self unless given.
    public func newTensor(_ data: NestedData, dtype: DType? = nil) throws -> Tensor {
        try Tensor.fromNested(data, dtype: dtype ?? self.dtype, device: device)
    }

    /// Writes `value` into every element of this tensor's storage (contiguous fresh tensors only).
    func fillStorage(_ value: Scalar) {
        let n = storage.count
        switch dtype {
        case .float32: let v = Float(value.asDouble); let p = storage.floats; for i in 0..<n { p[i] = v }
        case .float64: let v = value.asDouble; let p = storage.doubles; for i in 0..<n { p[i] = v }
        case .int64: let v = value.asInt64; let p = storage.int64s; for i in 0..<n { p[i] = v }
        case .int32: let v = Int32(truncatingIfNeeded: value.asInt64); let p = storage.int32s; for i in 0..<n { p[i] = v }
        case .bool: let v = value.asBool; let p = storage.bools; for i in 0..<n { p[i] = v }
        }
    }

    /// `torch.arange(start, end, step)`: int64 when all bounds are ints, else the default float dtype;
    /// length ceil((end - start) / step) computed in double, values start + i * step.
    public static func arange(_ start: Scalar, _ end: Scalar, _ step: Scalar = .int(1), dtype: DType? = nil,
                              device: Device = .cpu) throws -> Tensor {
        let anyFloat = start.isFloatingPoint || end.isFloatingPoint || step.isFloatingPoint
        let dt = dtype ?? (anyFloat ? DType.defaultFloat : .int64)
        let s = start.asDouble, e = end.asDouble, st = step.asDouble
        guard st != 0 else { throw TensorError.runtime("step must be nonzero") }
        guard s.isFinite && e.isFinite else { throw TensorError.runtime("unsupported range: \(start) -> \(end)") }
        guard (st > 0 && e >= s) || (st < 0 && e <= s) else {
            throw TensorError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        let sizeD: Double
        if dt.isFloatingPoint || anyFloat { sizeD = ((e - s) / st).rounded(.up) }
        else {
            // Integral: PyTorch divides in int64 arithmetic when all are ints.
            let si = start.asInt64, ei = end.asInt64, sti = step.asInt64
            let num = ei - si
            sizeD = Double((num / sti) + ((num % sti) != 0 ? 1 : 0))
        }
        guard sizeD >= 0, sizeD < Double(Tensor.maxElements) else {
            throw TensorError.runtime("invalid size, possible overflow?")
        }
        let n = Int(sizeD)
        let t = try zeros([n], dtype: dt, device: device)
        if !anyFloat && !dt.isFloatingPoint {
            let si = start.asInt64, sti = step.asInt64
            for i in 0..<n { t.storage.write(.int(si &+ Int64(i) &* sti), at: i) }
        } else {
            for i in 0..<n { t.storage.write(.double(s + Double(i) * st), at: i) }
        }
        return t
    }
    public static func arange(_ end: Scalar, dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        try arange(.int(0), end, .int(1), dtype: dtype, device: device)
    }

    /// `torch.linspace(start, end, steps)`: PyTorch's symmetric formula (from both ends).
    public static func linspace(_ start: Scalar, _ end: Scalar, steps: Int, dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        guard steps >= 0 else { throw TensorError.runtime("number of steps must be non-negative") }
        let dt = dtype ?? DType.defaultFloat
        let t = try zeros([steps], dtype: dt, device: device)
        if steps == 0 { return t }
        if steps == 1 { t.storage.write(start, at: 0); return t }
        let halfway = steps / 2
        switch dt {
        case .float32:
            let a = Float(start.asDouble), b = Float(end.asDouble)
            let step = (b - a) / Float(steps - 1)
            let p = t.storage.floats
            for i in 0..<steps { p[i] = i < halfway ? a + step * Float(i) : b - step * Float(steps - i - 1) }
        default:
            let a = start.asDouble, b = end.asDouble
            let step = (b - a) / Double(steps - 1)
            for i in 0..<steps {
                let v = i < halfway ? a + step * Double(i) : b - step * Double(steps - i - 1)
                t.storage.write(.double(v), at: i)
            }
        }
        return t
    }

    /// `torch.logspace(start, end, steps, base=10.0)` as RangeFactories.cpp's logspace_out: start and end in the
    /// output dtype, exponents and `pow` in double (from the start for the first half, from the end for the rest).
    public static func logspace(_ start: Scalar, _ end: Scalar, steps: Int, base: Double = 10, dtype: DType? = nil,
                                device: Device = .cpu) throws -> Tensor {
        guard steps >= 0 else { throw TensorError.runtime("number of steps must be non-negative") }
        let dt = dtype ?? DType.defaultFloat
        let t = try zeros([steps], dtype: dt, device: device)
        if steps == 0 { return t }
        if steps == 1 { t.storage.write(.double(Foundation.pow(base, start.asDouble)), at: 0); return t }
        func cast(_ v: Double) -> Double {
            dt == .float32 ? Double(Float(v)) : (dt.isFloatingPoint ? v : Double(Int64(v)))
        }
        let a = cast(start.asDouble), b = cast(end.asDouble)
        let step = cast(b - a) / Double(steps - 1)
        let halfway = steps / 2
        for i in 0..<steps {
            let e = i < halfway ? a + step * Double(i) : b - step * Double(steps - i - 1)
            t.storage.write(.double(Foundation.pow(base, e)), at: i)
        }
        return t
    }

    /// `torch.eye(n, m)`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType? = nil, device: Device = .cpu) throws -> Tensor {
        guard n >= 0 else { throw TensorError.runtime("n must be greater or equal to 0, got \(n)") }
        let cols = m ?? n
        guard cols >= 0 else { throw TensorError.runtime("m must be greater or equal to 0, got \(cols)") }
        let t = try zeros([n, cols], dtype: dtype, device: device)
        for i in 0..<Swift.min(n, cols) { t.storage.write(.int(1), at: i * cols + i) }
        return t
    }
}

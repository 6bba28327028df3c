import Foundation

/// A double as C++'s default `ostream <<` prints it (%g, 6 significant digits): 2.0 -> "2", 1.5 -> "1.5".
func cppDouble(_ x: Double) -> String { String(format: "%g", x) }

/// Tensor-level random ops on PyTorch's CPU generator: manual_seed, rand, randn, randint, randperm, bernoulli,
/// and the in-place fills uniform_, normal_, random_, bernoulli_, with PyTorch's checks and messages.

extension Tensor {
    /// `torch.manual_seed(seed)`.
    public static func manualSeed(_ seed: Int64) { Generator.default.manualSeed(seed) }

    /// Fills this tensor's elements in memory order (PyTorch's TensorIterator order) from `values(count)`,
    /// which writes `count` values into a contiguous buffer of element type T.
    func fillInMemoryOrder<T>(_: T.Type, contiguousFill: (UnsafeMutablePointer<T>, Int) -> Void) {
        let n = numel
        guard n > 0 else { return }
        if isContiguous {
            contiguousFill(dataPointer(T.self), n)
            return
        }
        let tmp = UnsafeMutablePointer<T>.allocate(capacity: n)
        defer { tmp.deallocate() }
        contiguousFill(tmp, n)
        let order = layout.storageIndices().sorted()
        let base = storage.pointer(T.self)
        for (i, s) in order.enumerated() { base[s] = tmp[i] }
    }

    /// `uniform_(from=0, to=1)`.
    public func uniform_(from: Double = 0, to: Double = 1, generator: Generator = .default) throws {
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard from <= to else {
            throw TensorError.runtime("uniform_ expects to return a [from, to) range, but found from=\(cppDouble(from)) > to=\(cppDouble(to))")
        }
        if dtype == .float32 {
            fillInMemoryOrder(Float.self) { generator.fillUniform($0, count: $1, from: from, to: to) }
        } else {
            fillInMemoryOrder(Double.self) { generator.fillUniform($0, count: $1, from: from, to: to) }
        }
        bumpVersion()
    }

    /// `normal_(mean=0, std=1)`.
    public func normal_(mean: Double = 0, std: Double = 1, generator: Generator = .default) throws {
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        guard std >= 0 else {
            throw TensorError.runtime("normal expects std >= 0.0, but found std \(cppDouble(std))")
        }
        let contiguous = isContiguous
        if dtype == .float32 {
            fillInMemoryOrder(Float.self) { generator.fillNormal($0, count: $1, mean: mean, std: std, contiguous: contiguous) }
        } else {
            fillInMemoryOrder(Double.self) { generator.fillNormal($0, count: $1, mean: mean, std: std, contiguous: contiguous) }
        }
        bumpVersion()
    }

    /// `random_(from, to)`: integers in [from, to), stored in this tensor's dtype.
    public func random_(from: Int64, to: Int64, generator: Generator = .default) throws {
        guard from < to else {
            throw TensorError.runtime("random_ expects 'from' to be less than 'to', but got from=\(from) >= to=\(to)")
        }
        switch dtype {
        case .float32: fillInMemoryOrder(Float.self) { p, n in generator.fillRandom(count: n, from: from, to: to) { p[$0] = Float($1) } }
        case .float64: fillInMemoryOrder(Double.self) { p, n in generator.fillRandom(count: n, from: from, to: to) { p[$0] = Double($1) } }
        case .int64: fillInMemoryOrder(Int64.self) { p, n in generator.fillRandom(count: n, from: from, to: to) { p[$0] = $1 } }
        case .int32: fillInMemoryOrder(Int32.self) { p, n in generator.fillRandom(count: n, from: from, to: to) { p[$0] = Int32(truncatingIfNeeded: $1) } }
        case .bool: fillInMemoryOrder(Bool.self) { p, n in generator.fillRandom(count: n, from: from, to: to) { p[$0] = $1 != 0 } }
        }
        bumpVersion()
    }

    /// `bernoulli_(p)` with a scalar probability (what `dropout` uses).
    public func bernoulli_(p: Double, generator: Generator = .default) throws {
        guard p >= 0 && p <= 1 else {
            throw TensorError.runtime("bernoulli_ expects p to be in [0, 1], but got p=\(cppDouble(p))")
        }
        switch dtype {
        case .float32: fillInMemoryOrder(Float.self) { q, n in generator.fillBernoulli(count: n, p: p) { q[$0] = $1 ? 1 : 0 } }
        case .float64: fillInMemoryOrder(Double.self) { q, n in generator.fillBernoulli(count: n, p: p) { q[$0] = $1 ? 1 : 0 } }
        case .int64: fillInMemoryOrder(Int64.self) { q, n in generator.fillBernoulli(count: n, p: p) { q[$0] = $1 ? 1 : 0 } }
        case .int32: fillInMemoryOrder(Int32.self) { q, n in generator.fillBernoulli(count: n, p: p) { q[$0] = $1 ? 1 : 0 } }
        case .bool: fillInMemoryOrder(Bool.self) { q, n in generator.fillBernoulli(count: n, p: p) { q[$0] = $1 } }
        }
        bumpVersion()
    }

    /// `torch.bernoulli(probs)`: one draw per element with that element's probability; same dtype as probs.
    public static func bernoulli(_ probs: Tensor, generator: Generator = .default) throws -> Tensor {
        guard probs.dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\"bernoulli_tensor_cpu_p_\" not implemented for '\(probs.dtype.scalarTypeName)'")
        }
        let p = probs.toDoubleArray()
        for v in p where !(v >= 0 && v <= 1) {
            throw TensorError.runtime("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")
        }
        let out = Tensor(zeros: probs.shape, dtype: probs.dtype, device: probs.device)
        let isDouble = probs.dtype == .float64
        if isDouble {
            let o = out.dataPointer(Double.self)
            generator.fillBernoulli(count: p.count, probabilityIsDouble: true, probability: { p[$0] }) { o[$0] = $1 ? 1 : 0 }
        } else {
            let o = out.dataPointer(Float.self)
            generator.fillBernoulli(count: p.count, probabilityIsDouble: false, probability: { p[$0] }) { o[$0] = $1 ? 1 : 0 }
        }
        return out
    }

    /// `torch.rand(*size, dtype=None)`.
    public static func rand(_ shape: [Int], dtype: DType? = nil, requiresGrad: Bool = false, generator: Generator = .default) throws -> Tensor {
        let d = dtype ?? DType.defaultFloat
        guard d.isFloatingPoint else {
            try checkSizes(shape)
            throw TensorError.notImplemented("\"check_uniform_bounds\" not implemented for '\(d.scalarTypeName)'")
        }
        let t = try Tensor.empty(shape, dtype: d)
        try t.uniform_(generator: generator)
        if requiresGrad { try t.setRequiresGradForFactory(true) }
        return t
    }

    /// `torch.randn(*size, dtype=None)`.
    public static func randn(_ shape: [Int], dtype: DType? = nil, requiresGrad: Bool = false, generator: Generator = .default) throws -> Tensor {
        let d = dtype ?? DType.defaultFloat
        guard d.isFloatingPoint else {
            try checkSizes(shape)
            throw TensorError.notImplemented("\"normal_kernel_cpu\" not implemented for '\(d.scalarTypeName)'")
        }
        let t = try Tensor.empty(shape, dtype: d)
        try t.normal_(generator: generator)
        if requiresGrad { try t.setRequiresGradForFactory(true) }
        return t
    }

    /// `torch.randint(low=0, high, size, dtype=torch.int64)`.
    public static func randint(low: Int64 = 0, high: Int64, _ shape: [Int], dtype: DType? = nil, generator: Generator = .default) throws -> Tensor {
        let t = try Tensor.empty(shape, dtype: dtype ?? .int64)
        try t.random_(from: low, to: high, generator: generator)
        return t
    }

    /// `torch.randperm(n, dtype=torch.int64)`.
    public static func randperm(_ n: Int, dtype: DType? = nil, generator: Generator = .default) throws -> Tensor {
        try checkSizes([n])
        let p = generator.randperm(n)
        let t = Tensor(p, shape: [n])
        return t.to(dtype ?? .int64)
    }

    /// `torch.rand_like` / `torch.randn_like`.
    public static func randLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor { try rand(t.shape, dtype: dtype ?? t.dtype) }
    public static func randnLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor { try randn(t.shape, dtype: dtype ?? t.dtype) }
}

/// `nn.Sequential`, `nn.ModuleList`, BatchNorm and the loss modules.

/// `nn.Sequential(*modules)`: children named "0", "1", ...; indexable, sliceable, iterable; forward chains them.
public final class Sequential: Module {
    public init(_ modules: [Module]) throws {
        super.init(typeName: "Sequential")
        for (i, m) in modules.enumerated() { try registerModule(String(i), m) }
    }
    /// `Sequential(OrderedDict([...]))`: children under the given names.
    public init(named modules: [(String, Module)]) throws {
        super.init(typeName: "Sequential")
        for (n, m) in modules { try registerModule(n, m) }
    }
    public var count: Int { moduleEntries.count }
    /// `seq[i]` with Python's negative indices and IndexError.
    public func module(at i: Int) throws -> Module {
        let n = moduleEntries.count
        guard i >= -n && i < n else { throw TensorError.index("index \(i) is out of range") }
        guard let m = moduleEntries[i < 0 ? i + n : i].value else { throw TensorError.index("index \(i) is out of range") }
        return m
    }
    /// `seq[a:b:c]`: a Sequential of the selected children, keeping their names (positions given, already clamped).
    public func slice(_ positions: [Int]) throws -> Sequential {
        try Sequential(named: positions.compactMap { i in
            guard i >= 0 && i < moduleEntries.count, let m = moduleEntries[i].value else { return nil }
            return (moduleEntries[i].name, m)
        })
    }
    /// `seq.append(m)`.
    public func append(_ m: Module) throws { try registerModule(String(moduleEntries.count), m) }
    /// Iteration order (`for m in seq`).
    public var items: [Module] { moduleEntries.compactMap { $0.value } }
    public override func forward(_ input: Tensor) throws -> Tensor {
        var x = input
        for e in moduleEntries { if let m = e.value { x = try m(x) } }
        return x
    }
}

/// `nn.ModuleList(modules)`.
public final class ModuleList: Module {
    public init(_ modules: [Module] = []) throws {
        super.init(typeName: "ModuleList")
        for (i, m) in modules.enumerated() { try registerModule(String(i), m) }
    }
    public var items: [Module] { moduleEntries.compactMap { $0.value } }
    public func append(_ m: Module) throws { try registerModule(String(moduleEntries.count), m) }
    public func module(at i: Int) throws -> Module {
        let n = moduleEntries.count
        guard i >= -n && i < n, let m = moduleEntries[i < 0 ? i + n : i].value else {
            throw TensorError.index("index \(i) is out of range")
        }
        return m
    }
}

/// `nn.BatchNorm1d` / `nn.BatchNorm2d(num_features, eps=1e-5, momentum=0.1, affine=True, track_running_stats=True)`.
public final class BatchNorm: Module {
    public let numFeatures: Int, eps: Double, momentum: Double?, affine: Bool, trackRunningStats: Bool
    /// 1 for BatchNorm1d (2-D or 3-D input), 2 for BatchNorm2d (4-D input).
    public let spatialDims: Int
    public init(_ numFeatures: Int, spatialDims: Int, eps: Double = 1e-5, momentum: Double? = 0.1, affine: Bool = true,
                trackRunningStats: Bool = true, dtype: DType? = nil) throws {
        self.numFeatures = numFeatures; self.eps = eps; self.momentum = momentum; self.affine = affine
        self.trackRunningStats = trackRunningStats; self.spatialDims = spatialDims
        super.init(typeName: spatialDims == 1 ? "BatchNorm1d" : "BatchNorm2d")
        let dt = dtype ?? .defaultFloat
        if affine {
            let w = try Parameter.empty([numFeatures], dtype: dt)
            try Init.constant_(w, 1)
            try registerParameter("weight", w)
            try registerParameter("bias", try Parameter.empty([numFeatures], dtype: dt))
        } else {
            try registerParameter("weight", nil)
            try registerParameter("bias", nil)
        }
        if trackRunningStats {
            try registerBuffer("running_mean", Tensor(zeros: [numFeatures], dtype: dt))
            let rv = Tensor(zeros: [numFeatures], dtype: dt)
            try Init.constant_(rv, 1)
            try registerBuffer("running_var", rv)
            try registerBuffer("num_batches_tracked", Tensor(zeros: [], dtype: .int64))
        } else {
            try registerBuffer("running_mean", nil)
            try registerBuffer("running_var", nil)
            try registerBuffer("num_batches_tracked", nil)
        }
    }
    func param(_ n: String) -> Tensor? { if case .parameter(let t)? = attribute(n) { return t }; return nil }
    func buffer(_ n: String) -> Tensor? { if case .buffer(let t)? = attribute(n) { return t }; return nil }
    public var weight: Tensor? { param("weight") }
    public var bias: Tensor? { param("bias") }
    public var runningMean: Tensor? { buffer("running_mean") }
    public var runningVar: Tensor? { buffer("running_var") }
    public var numBatchesTracked: Tensor? { buffer("num_batches_tracked") }

    public override func forward(_ input: Tensor) throws -> Tensor {
        if spatialDims == 1 {
            guard input.dim == 2 || input.dim == 3 else {
                throw TensorError.value("expected 2D or 3D input (got \(input.dim)D input)")
            }
        } else {
            guard input.dim == 4 else { throw TensorError.value("expected 4D input (got \(input.dim)D input)") }
        }
        var factor = momentum ?? 0
        if training && trackRunningStats, let nbt = numBatchesTracked {
            try GradMode.with(enabled: false) { try nbt.add_(.int(1)) }
            if momentum == nil {
                factor = 1.0 / Double(try nbt.item().doubleValue)
            }
        }
        let useBatchStats = training || runningMean == nil
        return try Functional.batchNorm(input, runningMean: !training || trackRunningStats ? runningMean : nil,
                                        runningVar: !training || trackRunningStats ? runningVar : nil,
                                        weight: weight, bias: bias, training: useBatchStats, momentum: factor, eps: eps)
    }
    public override func extraRepr() -> String {
        "\(numFeatures), eps=\(formatPythonFloat(eps)), momentum=\(momentum.map(formatPythonFloat) ?? "None"), affine=\(affine ? "True" : "False"), bias=\(affine ? "True" : "False"), track_running_stats=\(trackRunningStats ? "True" : "False")"
    }
}

/// The loss modules: `nn.MSELoss`, `nn.L1Loss`, `nn.CrossEntropyLoss`, `nn.NLLLoss` (called with input and target).
public final class Loss: Module {
    public enum Kind: String { case mse = "MSELoss", l1 = "L1Loss", crossEntropy = "CrossEntropyLoss", nll = "NLLLoss" }
    public let kind: Kind
    public let reduction: Reduction
    public let weight: Tensor?
    public let ignoreIndex: Int64
    public let labelSmoothing: Double
    public init(_ kind: Kind, reduction: Reduction = .mean, weight: Tensor? = nil, ignoreIndex: Int64 = -100,
                labelSmoothing: Double = 0) throws {
        self.kind = kind; self.reduction = reduction; self.weight = weight
        self.ignoreIndex = ignoreIndex; self.labelSmoothing = labelSmoothing
        super.init(typeName: kind.rawValue)
        if let w = weight { try registerBuffer("weight", w) }
    }
    /// `loss(input, target)`.
    public func callAsFunction(_ input: Tensor, _ target: Tensor) throws -> Tensor {
        switch kind {
        case .mse: return try Functional.mseLoss(input, target, reduction: reduction)
        case .l1: return try Functional.l1Loss(input, target, reduction: reduction)
        case .crossEntropy:
            return try Functional.crossEntropy(input, target, weight: weight, ignoreIndex: ignoreIndex,
                                               reduction: reduction, labelSmoothing: labelSmoothing)
        case .nll:
            return try Functional.nllLoss(input, target, weight: weight, ignoreIndex: ignoreIndex, reduction: reduction)
        }
    }
}

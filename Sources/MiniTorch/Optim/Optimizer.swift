/// `torch.optim.Optimizer`: parameter groups with readable/writable hyper-parameters, per-parameter state,
/// `zero_grad(set_to_none=True)`. Updates run directly on the parameters' float buffers with the same
/// float32 operations (and fused multiply-adds) as PyTorch's single-tensor CPU path, so printed values match.

/// A hyper-parameter value as Python sees it in `param_groups[i][key]`.
public enum GroupValue: Equatable {
    case number(Double)
    case bool(Bool)
    case pair(Double, Double)
    case none
}

/// One entry of `optimizer.param_groups`.
public final class ParamGroup {
    public var params: [Tensor]
    /// Hyper-parameters in PyTorch's key order (`lr`, `momentum`, ...).
    public private(set) var keys: [String]
    var values: [String: GroupValue]
    init(params: [Tensor], defaults: [(String, GroupValue)], overrides: [String: GroupValue]) {
        self.params = params
        keys = defaults.map { $0.0 }
        values = [:]
        for (k, v) in defaults { values[k] = overrides[k] ?? v }
        for (k, v) in overrides where values[k] == nil { keys.append(k); values[k] = v }
    }
    /// `group[key]` (nil: KeyError).
    public subscript(key: String) -> GroupValue? {
        get { values[key] }
        set {
            if values[key] == nil { keys.append(key) }
            values[key] = newValue ?? GroupValue.none
        }
    }
    /// `group['lr']`.
    public var lr: Double {
        get { number("lr") }
        set { values["lr"] = .number(newValue) }
    }
    func number(_ k: String) -> Double { if case .number(let d)? = values[k] { return d }; return 0 }
    func flag(_ k: String) -> Bool { if case .bool(let b)? = values[k] { return b }; return false }
    func pair(_ k: String) -> (Double, Double) { if case .pair(let a, let b)? = values[k] { return (a, b) }; return (0, 0) }
}

open class Optimizer {
    public internal(set) var paramGroups: [ParamGroup] = []
    let defaults: [(String, GroupValue)]
    /// Python class name (`SGD`, `Adam`) for messages and repr.
    public let typeName: String

    init(typeName: String, params: [Tensor], defaults: [(String, GroupValue)]) throws {
        self.typeName = typeName
        self.defaults = defaults
        guard !params.isEmpty else { throw TensorError.value("optimizer got an empty parameter list") }
        try addParamGroup(params: params, options: [:])
    }

    /// `add_param_group({'params': ..., 'lr': ...})`.
    public func addParamGroup(params: [Tensor], options: [String: GroupValue]) throws {
        var seen = Set<ObjectIdentifier>()
        for g in paramGroups { for p in g.params { seen.insert(ObjectIdentifier(p)) } }
        for p in params {
            guard p.isLeaf else { throw TensorError.value("can't optimize a non-leaf Tensor") }
            guard seen.insert(ObjectIdentifier(p)).inserted else {
                throw TensorError.value("some parameters appear in more than one parameter group")
            }
        }
        paramGroups.append(ParamGroup(params: params, defaults: defaults, overrides: options))
    }

    /// `zero_grad(set_to_none=True)`.
    public func zeroGrad(setToNone: Bool = true) throws {
        for g in paramGroups { for p in g.params { try Optimizer.zeroGradient(of: p, setToNone: setToNone) } }
    }

    static func zeroGradient(of p: Tensor, setToNone: Bool) throws {
        guard let g = p.grad else { return }
        if setToNone { p.grad = nil; return }
        if g.gradFn != nil { try g.detach_() } else { g.requiresGrad = false }
        try GradMode.with(enabled: false) { try g.zero_() }
    }

    /// `step()`.
    open func step() throws {}

    /// Runs `body` over the parameter's data and gradient as contiguous buffers of `T`
    /// (non-contiguous tensors go through a copy that is written back).
    static func withBuffers<T: FloatElement>(_: T.Type, _ tensors: [Tensor],
                                             _ body: ([UnsafeMutablePointer<T>], Int) throws -> Void) throws {
        let work = tensors.map { $0.isContiguous ? $0 : $0.materialized() }
        try body(work.map { $0.dataPointer(T.self) }, tensors.first?.numel ?? 0)
        for (t, w) in zip(tensors, work) where t !== w { try t.assignElements(from: w) }
        withExtendedLifetime(work) {}
    }
}

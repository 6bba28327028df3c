/// The one place ops attach autograd nodes. Every differentiable op calls `recordAutograd` after its forward.

extension Tensor {
    /// The graph edge gradients for this tensor flow into: its grad_fn, or its AccumulateGrad if it is a
    /// leaf requiring grad, or nil.
    public var gradientEdge: (Node?, Int) {
        if let f = gradFn { return (f, outputNr) }
        if requiresGrad {
            if let acc = gradAccumulatorCache { return (acc, 0) }
            let acc = AccumulateGrad(variable: self)
            gradAccumulatorCache = acc
            return (acc, 0)
        }
        return (nil, 0)
    }
}

/// True when an op over `inputs` must record a node.
@inline(__always)
public func needsGrad(_ inputs: [Tensor]) -> Bool {
    guard GradMode.isEnabled else { return false }
    for t in inputs where t.requiresGrad { return true }
    return false
}

/// Records `name` (PyTorch's node name) as grad_fn of `outputs` when grad mode is on and an input requires grad.
/// `backward` maps output gradients to one gradient per input (nil = no gradient), and is written next to the forward.
@discardableResult
public func recordAutograd(_ name: String, inputs: [Tensor], outputs: [Tensor],
                           backward: @escaping FunctionNode.Backward) -> Node? {
    guard needsGrad(inputs) else { return nil }
    let node = FunctionNode(name: name, nextFunctions: inputs.map { $0.gradientEdge }, backward: backward)
    node.inputMeta = inputs.map { ($0.shape, $0.dtype) }
    for (i, o) in outputs.enumerated() {
        o.gradFn = node
        o.outputNr = i
        o.requiresGrad = true
    }
    return node
}

/// Sums a broadcast gradient back down to `shape` (the backward of broadcasting).
public func sumToShape(_ grad: Tensor, _ shape: [Int]) throws -> Tensor {
    if grad.shape == shape { return grad }
    let lead = grad.dim - shape.count
    var dims: [Int] = Array(0..<max(lead, 0))
    for (i, s) in shape.enumerated() where s == 1 && grad.shape[lead + i] != 1 { dims.append(lead + i) }
    var g = grad
    if !dims.isEmpty { g = try grad.sum(dims: dims, keepdim: true) }
    if lead > 0 || g.shape != shape { g = try g.reshape(shape) }
    return g
}

/// An op's own output as its backward reads it, without the strong cycle output → grad_fn → closure → output
/// that leaks a graph nobody backwards through. Like PyTorch's SavedVariable with is_output: the data (storage,
/// layout, version counter) is kept, and the grad_fn is re-attached on unpack from a weak reference to the node
/// (which is alive whenever its backward runs), so create_graph=True still differentiates through it.
/// Use: `let saved = SavedOutput(out)`; inside the backward `let out = saved.unpack()`; after recordAutograd
/// `saved.node = node`.
public final class SavedOutput {
    private let storage: Storage
    private let layout: Layout
    private let device: Device
    private let versionCounter: VersionCounter
    private let outputNr: Int
    public weak var node: Node?
    public init(_ t: Tensor, outputNr: Int = 0) {
        storage = t.storage; layout = t.layout; device = t.device; versionCounter = t.versionCounter
        self.outputNr = outputNr
    }
    public func unpack() -> Tensor {
        let t = Tensor(storage: storage, layout: layout, device: device, versionCounter: versionCounter)
        if let n = node { t.gradFn = n; t.outputNr = outputNr; t.requiresGrad = true }
        return t
    }
}

/// What `grad_fn` is: one backward step of the graph. Subclasses compute input gradients from output gradients.
open class Node: CustomStringConvertible {
    /// PyTorch's class name, e.g. "MulBackward0" (`grad_fn.name()`).
    public var name: String
    /// One edge per differentiable input: the node that produced it (or its AccumulateGrad) and the output number.
    public var nextFunctions: [(Node?, Int)]
    /// Shapes/dtypes of the forward inputs, for reducing broadcast gradients (set by the recorder).
    public var inputMeta: [(shape: [Int], dtype: DType)] = []
    /// Free slot for the autograd engine (hooks, saved-variable release flags, ...).
    public var engineInfo: AnyObject?

    public init(name: String, nextFunctions: [(Node?, Int)] = []) {
        self.name = name
        self.nextFunctions = nextFunctions
    }
    /// Gradients w.r.t. the forward inputs (one per `nextFunctions` edge) from gradients w.r.t. the outputs.
    open func apply(_ gradOutputs: [Tensor?]) throws -> [Tensor?] {
        throw TensorError.notImplemented("backward of \(name) is not implemented")
    }
    /// Called by the engine after a backward pass without `retain_graph`.
    open func releaseSavedTensors() {}
    /// `<MulBackward0 object>` style (the interpreter adds the address if it wants).
    public var description: String { name }
}

/// A node whose backward formula is a closure written next to the op's forward.
public final class FunctionNode: Node {
    public typealias Backward = (_ gradOutputs: [Tensor?]) throws -> [Tensor?]
    private var backward: Backward?
    public init(name: String, nextFunctions: [(Node?, Int)], backward: @escaping Backward) {
        self.backward = backward
        super.init(name: name, nextFunctions: nextFunctions)
    }
    public override func apply(_ gradOutputs: [Tensor?]) throws -> [Tensor?] {
        guard let b = backward else {
            throw TensorError.runtime("Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.")
        }
        return try b(gradOutputs)
    }
    /// Drops the saved tensors (the closure); a second backward then raises PyTorch's error.
    public override func releaseSavedTensors() { backward = nil }
}

/// The sink of a leaf tensor that requires grad: accumulates into `variable.grad`.
public final class AccumulateGrad: Node {
    public weak var variable: Tensor?
    public init(variable: Tensor) {
        self.variable = variable
        super.init(name: "AccumulateGrad", nextFunctions: [])
    }
    public override func apply(_ gradOutputs: [Tensor?]) throws -> [Tensor?] {
        guard let v = variable, let g0 = gradOutputs.first, let g = g0 else { return [] }
        if let old = v.grad {
            v.grad = try old.add(g)
        } else {
            v.grad = g.detach().clone()
        }
        return []
    }
}

/// `tf.train.GradientDescentOptimizer(learning_rate)`.
public final class GradientDescentOptimizer {
    public let learningRate: TFOperand
    public let name: String

    public init(learningRate: TFOperand, name: String = "GradientDescent") {
        self.learningRate = learningRate
        self.name = name
    }

    /// `compute_gradients(loss, var_list)`: gradients with respect to each variable's ref,
    /// gated per op (`GATE_OP`) as the v1 optimizers do.
    public func computeGradients(_ loss: TFTensor, varList: [Variable]? = nil) throws -> [(TFTensor?, Variable)] {
        let g = loss.graph
        let vars = varList ?? g.trainableVariables
        if vars.isEmpty { throw TFError.valueError("No variables to optimize.") }
        if !loss.dtype.isFloating {
            throw TFError.valueError("Invalid type tf.\(loss.dtype.name) for \(loss.op.name), expected: [tf.float32, tf.float64, tf.float16, tf.bfloat16].")
        }
        let grads = try g.gradients([loss], vars.map { $0.ref }, gateGradients: true)
        return Array(zip(grads, vars))
    }

    /// `apply_gradients(grads_and_vars)`: `GradientDescent/update_<var>/ApplyGradientDescent` per variable,
    /// grouped into a `NoOp` named `GradientDescent`.
    public func applyGradients(_ gv: [(TFTensor?, Variable)], name: String? = nil) throws -> Operation {
        guard let g = gv.first?.1.graph else { throw TFError.valueError("No variables provided.") }
        if !gv.contains(where: { $0.0 != nil }) {
            let vs = gv.map { $0.1.repr }.joined(separator: ", ")
            throw TFError.valueError("No gradients provided for any variable, check your graph for ops that do not support gradients, between variables [\(vs)] and loss.")
        }
        let (old, scope) = try g.pushNameScope(name ?? self.name)
        defer { g.popNameScope(to: old) }
        let lr = try g.convert(learningRate, dtype: nil, name: "learning_rate")
        var updates: [Operation] = []
        for (grad, v) in gv {
            guard let grad = grad else { continue }
            let (o2, _) = try g.pushNameScope("update_" + v.op.name)
            defer { g.popNameScope(to: o2) }
            let alpha = try g.cast(lr, to: v.dtype)
            let op = try g.apply("ApplyGradientDescent", name: nil,
                                 args: [("var", .tensor(v.ref), .T), ("alpha", .tensor(alpha), .T), ("delta", .tensor(grad), .T)],
                                 attrs: ["use_locking": .bool(false)]) { ctx in
                [(ctx.input(0).dtype, ctx.input(0).shape)]
            }
            updates.append(op)
        }
        return try g.group(updates, name: scope)
    }

    /// `minimize(loss, var_list=None)`.
    public func minimize(_ loss: TFTensor, varList: [Variable]? = nil, name: String? = nil) throws -> Operation {
        try applyGradients(try computeGradients(loss, varList: varList), name: name)
    }
}

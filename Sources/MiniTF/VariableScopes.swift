/// What `variable_scope.__enter__` saved, to restore on exit.
public struct VariableScopeToken {
    let previousNameStack: String
    let previousScope: VariableScope
    public let scope: VariableScope
}

extension Graph {
    /// `tf.get_variable_scope()`.
    public var currentVariableScope: VariableScope { variableScope }

    /// Enters `tf.variable_scope(name_or_scope, default_name=, reuse=, initializer=, dtype=)`.
    /// A string opens a name scope of the same name (uniquified like any name scope) and extends the
    /// variable-scope prefix; a `VariableScope` object re-enters that prefix (opening a name scope named
    /// after its last component); `reuse` nil inherits the enclosing scope's mode. With
    /// `auxiliaryNameScope` false no name scope is opened: op names keep the current one, which becomes the
    /// scope's `original_name_scope`.
    public func enterVariableScope(name: String?, scope: VariableScope? = nil, defaultName: String? = nil,
                                   reuse: ReuseMode? = nil, initializer: Initializer? = nil,
                                   dtype: TFDType? = nil, auxiliaryNameScope: Bool = true) throws -> VariableScopeToken {
        let old = variableScope
        let oldStack = nameStack
        let newName: String
        let nameScopeName: String
        var inheritedInit = old.initializer
        var inheritedDtype = old.dtype
        var newReuse: ReuseMode
        if let s = scope {
            newName = s.name
            nameScopeName = String(s.name.split(separator: "/").last ?? "")
            newReuse = (reuse == nil || reuse == ReuseMode.none) ? s.reuse : reuse!
            inheritedInit = s.initializer
            inheritedDtype = s.dtype
        } else if let n = name {
            newName = old.name.isEmpty ? n : old.name + "/" + n
            nameScopeName = n
            newReuse = (reuse == nil || reuse == ReuseMode.none) ? old.reuse : reuse!
        } else if let d = defaultName {
            // `_get_unique_variable_scope`: dense, dense_1, … by how often the full name was opened.
            let full = old.name.isEmpty ? d : old.name + "/" + d
            var unique = d
            if (variableScopesCount[full] ?? 0) > 0 {
                var idx = 1
                while (variableScopesCount[full + "_\(idx)"] ?? 0) > 0 { idx += 1 }
                unique = d + "_\(idx)"
            }
            newName = old.name.isEmpty ? unique : old.name + "/" + unique
            nameScopeName = d
            if reuse == .reuse { throw TFError.valueError("reuse=True cannot be used without a name_or_scope") }
            newReuse = (reuse == nil || reuse == ReuseMode.none) ? old.reuse : reuse!
        } else {
            throw TFError.valueError("If default_name is None then name_or_scope is required")
        }
        var original = ""
        if !auxiliaryNameScope {
            original = nameStack.isEmpty ? "" : nameStack + "/"
        } else if !nameScopeName.isEmpty {
            let (_, s) = try pushNameScope(nameScopeName)
            original = s
        }
        if let s = scope { original = s.originalNameScope }
        variableScopesCount[newName, default: 0] += 1
        let vs = VariableScope(name: newName, reuse: newReuse, originalNameScope: original,
                               initializer: initializer ?? inheritedInit, dtype: dtype ?? inheritedDtype)
        variableScope = vs
        return VariableScopeToken(previousNameStack: oldStack, previousScope: old, scope: vs)
    }

    /// Leaves a variable scope.
    public func exitVariableScope(_ token: VariableScopeToken) {
        variableScope = token.previousScope
        nameStack = token.previousNameStack
    }

    /// `tf.get_variable(name, shape=, dtype=, initializer=, trainable=)`: looks the full name
    /// (`scope/name`, ignoring name scopes) up in the store and applies the scope's reuse mode with
    /// TensorFlow's messages.
    public func getVariable(_ name: String, shape: [Int]?, dtype: TFDType? = nil, initializer: Initializer? = nil,
                            initialTensor: TFOperand? = nil, trainable: Bool = true) throws -> Variable {
        let vs = variableScope
        let full = vs.name.isEmpty ? name : vs.name + "/" + name
        let reuse = vs.reuse
        if let found = variableStore[full] {
            if reuse == .none {
                throw TFError.valueError("Variable \(full) already exists, disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:")
            }
            if let s = shape, !found.shape.isCompatible(with: s) {
                throw TFError.valueError("Trying to share variable \(full), but specified shape \(TFShape(known: s)) and found shape \(found.shape).")
            }
            if let d = dtype, d != found.dtype {
                throw TFError.valueError("Trying to share variable \(full), but specified dtype \(d.name) and found dtype \(found.dtype.name)_ref.")
            }
            return found
        }
        if reuse == .reuse {
            throw TFError.valueError("Variable \(full) does not exist, or was not created with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?")
        }
        // Variable names depend only on the variable scope: create under a reset name scope.
        let savedStack = nameStack
        nameStack = ""
        defer { nameStack = savedStack }
        let v: Variable
        if let t = initialTensor {
            if shape != nil {
                throw TFError.valueError("If initializer is a constant, do not specify shape.")
            }
            v = try variable(.operand(t), name: full, dtype: dtype, trainable: trainable)
        } else {
            guard let s = shape else {
                throw TFError.valueError("Variable \(full) did not get an initializer, so its `shape` argument must be specified.")
            }
            let dt = dtype ?? vs.dtype ?? .float32
            var ini = initializer ?? vs.initializer
            if ini == nil { ini = dt.isFloating ? .glorotUniform(seed: nil) : .zeros }
            v = try variable(.initializer(ini!, shape: s), name: full, dtype: dt, trainable: trainable)
        }
        variableStore[full] = v
        return v
    }
}

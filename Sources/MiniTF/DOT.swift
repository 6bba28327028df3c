import Foundation

extension Graph {
    /// The graph in Graphviz DOT: one node per operation (`name\ntype`), one edge per data input
    /// (labelled with the tensor's shape) and a dashed edge per control input.
    public func toDOT(name: String = "G") -> String {
        func q(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n") + "\""
        }
        var lines = ["digraph \(q(name)) {", "  rankdir=TB;", "  node [shape=box, fontname=\"Helvetica\"];"]
        for op in operations {
            let shape: String
            switch op.type {
            case "Placeholder": shape = ", shape=ellipse"
            case "VariableV2": shape = ", shape=box3d"
            case "Const": shape = ", shape=plaintext"
            case "NoOp": shape = ", shape=diamond"
            default: shape = ""
            }
            lines.append("  \(q(op.name)) [label=\(q(op.name + "\n" + op.type))\(shape)];")
        }
        for op in operations {
            for t in op.inputs {
                lines.append("  \(q(t.op.name)) -> \(q(op.name)) [label=\(q(t.shape.description))];")
            }
            for c in op.controlInputs {
                lines.append("  \(q(c.name)) -> \(q(op.name)) [style=dashed];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }
}

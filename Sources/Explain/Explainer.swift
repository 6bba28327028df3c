import MiniTorch
import Terminal

/// A computed walkthrough: the explanation, and the PyTorch snippet that reproduces its result.
public struct Walkthrough: Sendable {
    public var body: [String]
    public var snippet: [String]
    /// What the snippet prints, formatted from the engine's own results the way `tensorprep run` prints them
    /// (empty when the body states the results instead).
    public var output: [String] = []
    /// Whose code the snippet is, for its heading.
    public var framework = "PyTorch"

    /// The explanation followed by the snippet, indented, under a heading.
    public func rendered(language: ExplainLanguage, style: Style) -> String {
        let text = Text(language: language)
        var lines = body
        if !snippet.isEmpty {
            lines.append(text("The same in \(framework) (`tensorprep run` prints the same):",
                              "等價的 \(framework) 程式（`tensorprep run` 印出相同結果）："))
            lines += snippet.map { "    " + style.green($0) }
        }
        if !output.isEmpty {
            lines.append(text("It prints:", "輸出："))
            lines += output.map { "    " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Just the snippet, ready for `tensorprep run -`.
    public var snippetSource: String { snippet.joined(separator: "\n") + "\n" }
}

/// The walkthroughs of SPEC §6 by name.
public enum Explainer {
    /// Every walkthrough `explain` knows, in the order `--help` lists them.
    public static let available = ["gather", "scatter", "scatter_add", "index_select", "im2col", "conv2d", "dataparallel", "ddp", "backward",
                                   "tensor-vs-Tensor", "train-eval", "graph", "variable-scope"]
    /// Walkthroughs of SPEC §6 that this version does not have yet.
    public static let planned: [String] = []

    public static func explain(_ op: String, _ request: ExplainRequest) throws -> Walkthrough {
        let name = op.replacingOccurrences(of: "-", with: "_").lowercased()
        switch name {
        case "gather": return try IndexWalkthrough.render(.gather, request)
        case "scatter", "scatter_": return try IndexWalkthrough.render(.scatter, request)
        case "scatter_add", "scatter_add_": return try IndexWalkthrough.render(.scatterAdd, request)
        case "index_select": return try IndexWalkthrough.render(.indexSelect, request)
        case "im2col", "unfold": return try ConvWalkthrough.render(conv: false, request)
        case "conv2d", "conv": return try ConvWalkthrough.render(conv: true, request)
        case "dataparallel", "data_parallel", "dp": return try DataParallelWalkthrough.render(request)
        case "backward", "autograd": return try BackwardWalkthrough.render(request)
        case "ddp", "allreduce", "all_reduce", "ring_allreduce": return try RingAllReduceWalkthrough.render(request)
        case "tensor_vs_tensor": return try TensorVsTensorWalkthrough.render(request)
        case "train_eval": return try TrainEvalWalkthrough.render(request)
        case "graph", "static_graph": return try GraphWalkthrough.render(request)
        case "variable_scope", "get_variable": return try VariableScopeWalkthrough.render(request)
        default:
            if planned.contains(where: { $0.lowercased().replacingOccurrences(of: "-", with: "_") == name }) {
                throw ExplainError(.unavailable, "the '\(op)' walkthrough is not in this version yet; available: " +
                                   available.joined(separator: ", "))
            }
            throw ExplainError.usage("unknown walkthrough '\(op)'; available: " + available.joined(separator: ", "))
        }
    }
}

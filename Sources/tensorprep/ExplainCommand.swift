import ArgumentParser
import Explain
import Foundation
import QuestionBank

/// `tensorprep explain OP`: a step-by-step walkthrough computed by the engine (SPEC §6).
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Step-by-step walkthrough of an op, computed by the engine on your input or a small default.",
        discussion: """
            Walkthroughs: \(Explainer.available.joined(separator: ", ")).
            Example: tensorprep explain gather --dim 1 --input "[[1,2,3],[4,5,6]]" --index "[[0,0],[1,0]]"
            The walkthrough ends with the equivalent PyTorch snippet; --snippet prints only that, so
            `tensorprep explain gather --snippet | tensorprep run -` reproduces the result.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The walkthrough: \(Explainer.available.joined(separator: ", ")).")
    var op: String

    @Option(help: "The dim the op works along (negative counts from the end; default 1, or 0 for 1-D).")
    var dim: Int?

    @Option(help: ArgumentHelp("The input (gather, index_select), self (scatter) or the data (tensor-vs-Tensor) as a literal.", valueName: "[[...]]"))
    var input: String?

    @Option(help: ArgumentHelp("The index tensor as a literal.", valueName: "[[...]]"))
    var index: String?

    @Option(help: ArgumentHelp("scatter's src tensor as a literal (default 1, 2, 3, … in index's shape).", valueName: "[[...]]"))
    var src: String?

    @Option(help: ArgumentHelp("Shape of the default input, like 2x3 (train-eval: batch x features, default 4x3).", valueName: "AxB"))
    var shape: String?

    @Option(help: "Seed for the random defaults (gather's index, conv2d's filters, backward/graph's leaves, train-eval's batch and dropout mask).")
    var seed: UInt64 = 0

    @Option(help: "Convolution: kernel size (square).")
    var kernel: Int = 2

    @Option(help: "Convolution: stride.")
    var stride: Int = 1

    @Option(help: "Convolution: zero padding on each side.")
    var padding: Int = 0

    @Option(help: "Convolution: dilation.")
    var dilation: Int = 1

    @Option(help: "Convolution: input channels of the default input.")
    var channels: Int = 1

    @Option(help: "conv2d: number of filters (output channels).")
    var outChannels: Int = 2

    @Option(help: "dataparallel/ddp: rows in the batch (the number of GPUs is the global --gpus).")
    var batch: Int = 10

    @Option(help: "backward, graph: the expression, one of mul-add-sum (default), relu, mse.")
    var expr: String?

    @Option(name: .customLong("p"), help: "train-eval: the dropout probability, 0 ≤ p < 1.")
    var dropout: Double = 0.5

    @Flag(help: "backward: print the autograd graph as Graphviz DOT; graph: the TF1 graph.")
    var dot = false

    @Flag(help: "Print only the equivalent PyTorch snippet.")
    var snippet = false

    func run() throws {
        let request = self.request
        do {
            let walkthrough = try Explainer.explain(op, request)
            print(snippet ? walkthrough.snippetSource : walkthrough.rendered(language: request.language, style: request.style),
                  terminator: "")
        } catch let error as ExplainError {
            throw CLIFailure(error.message, status: error.kind == .usage ? 2 : 1)
        }
    }

    /// The walkthrough these options ask for (also used by `quiz` for a question's `explain:` line).
    var request: ExplainRequest {
        var request = ExplainRequest()
        request.dim = dim
        request.input = input
        request.index = index
        request.src = src
        request.shape = shape
        request.seed = seed
        request.kernel = kernel
        request.stride = stride
        request.padding = padding
        request.dilation = dilation
        request.channels = channels
        request.outChannels = outChannels
        request.gpus = global.gpuCount
        request.batch = batch
        request.expr = expr
        request.dot = dot
        request.p = dropout
        request.language = global.language == .zh ? .zh : .en
        request.style = global.style
        return request
    }
}

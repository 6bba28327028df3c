import MiniTorch
import Terminal

/// The language of a walkthrough's prose (the CLI maps `--lang` onto it).
public enum ExplainLanguage: String, Sendable { case en, zh }

/// Everything a walkthrough may be given on the command line (SPEC §6); each walkthrough reads what applies.
public struct ExplainRequest: Sendable {
    public var dim: Int?
    public var input: String?
    public var index: String?
    public var src: String?
    public var shape: String?
    public var seed: UInt64 = 0
    /// Convolution geometry (im2col, conv2d): square sizes.
    public var kernel: Int = 2
    public var stride: Int = 1
    public var padding: Int = 0
    public var dilation: Int = 1
    public var channels: Int = 1
    /// conv2d's number of filters.
    public var outChannels: Int = 2
    /// dataparallel / ddp: number of simulated GPUs (the CLI passes the global `--gpus`, default 4) and batch rows.
    public var gpus: Int = 4
    public var batch: Int = 10
    /// backward: which expression (`mul-add-sum`, `relu`, `mse`), and whether to print Graphviz DOT instead.
    public var expr: String?
    public var dot: Bool = false
    /// train-eval: the dropout probability.
    public var p: Double = 0.5
    public var language: ExplainLanguage = .en
    public var style: Style = Style(enabled: false)

    public init() {}
}

/// Why a walkthrough could not be built. `usage` errors are the user's options (exit 2, as for bad arguments);
/// the message of an engine check is PyTorch's own, prefixed with its Python exception name.
public struct ExplainError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case usage, unavailable }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }

    static func usage(_ m: String) -> ExplainError { ExplainError(.usage, m) }

    /// An engine error met while computing the walkthrough: the user's inputs broke one of PyTorch's checks.
    static func engine(_ e: Error) -> ExplainError {
        if let t = e as? TensorError { return .usage("\(t.kind.rawValue): \(t.message)") }
        return .usage(String(describing: e))
    }
}

/// Runs `body`, turning engine errors into usage errors with PyTorch's message.
func engine<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as ExplainError { throw e } catch { throw ExplainError.engine(error) }
}

/// Picks the English or Chinese text.
struct Text {
    let language: ExplainLanguage
    func callAsFunction(_ en: String, _ zh: String) -> String { language == .zh ? zh : en }
}

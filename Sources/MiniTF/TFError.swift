/// Errors with the Python exception type TensorFlow raises and its message text.
public enum TFError: Error, Equatable, CustomStringConvertible {
    /// Graph construction errors (`ValueError`), e.g. incompatible shapes, reuse violations.
    case valueError(String)
    case typeError(String)
    case keyError(String)
    case indexError(String)
    case notImplemented(String)
    case lookupError(String)
    /// Runtime errors raised by `Session.run`: `tf.errors.InvalidArgumentError` etc.
    /// `message` is the kernel's message (the line TensorFlow shows after `Node: '...'`).
    case invalidArgument(String)
    case failedPrecondition(String)
    case unimplemented(String)
    case resourceExhausted(String)
    case runtimeError(String)

    /// The Python class name (`ValueError`, `InvalidArgumentError`, …).
    public var pythonType: String {
        switch self {
        case .valueError: return "ValueError"
        case .typeError: return "TypeError"
        case .keyError: return "KeyError"
        case .indexError: return "IndexError"
        case .notImplemented: return "NotImplementedError"
        case .lookupError: return "LookupError"
        case .invalidArgument: return "InvalidArgumentError"
        case .failedPrecondition: return "FailedPreconditionError"
        case .unimplemented: return "UnimplementedError"
        case .resourceExhausted: return "ResourceExhaustedError"
        case .runtimeError: return "RuntimeError"
        }
    }
    public var message: String {
        switch self {
        case .valueError(let m), .typeError(let m), .keyError(let m), .indexError(let m), .notImplemented(let m), .lookupError(let m),
             .invalidArgument(let m), .failedPrecondition(let m), .unimplemented(let m),
             .resourceExhausted(let m), .runtimeError(let m):
            return m
        }
    }
    public var description: String { "\(pythonType): \(message)" }
}

/// An error raised by the engine, carrying PyTorch's message text and the Python exception type.
public struct TensorError: Error, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        case runtime = "RuntimeError"
        case index = "IndexError"
        case value = "ValueError"
        case type = "TypeError"
        case notImplemented = "NotImplementedError"
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    /// "RuntimeError: message".
    public var description: String { "\(kind.rawValue): \(message)" }

    public static func runtime(_ m: String) -> TensorError { TensorError(.runtime, m) }
    public static func index(_ m: String) -> TensorError { TensorError(.index, m) }
    public static func value(_ m: String) -> TensorError { TensorError(.value, m) }
    public static func type(_ m: String) -> TensorError { TensorError(.type, m) }
    public static func notImplemented(_ m: String) -> TensorError { TensorError(.notImplemented, m) }
}

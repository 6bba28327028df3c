/// A Python number: what `2`, `2.5` and `True` are in a snippet.
public enum Scalar: Equatable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case int(Int64)
    case double(Double)

    public var asDouble: Double {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .double(let d): return d
        }
    }
    /// Truncates floats toward zero (Python's `int()`); non-finite values map to Int64.min like C++ casts on x86.
    public var asInt64: Int64 {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        case .double(let d): return doubleToInt64(d)
        }
    }
    public var asBool: Bool {
        switch self {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        }
    }
    /// Aliases matching `TensorElement`'s names.
    public var doubleValue: Double { asDouble }
    public var int64Value: Int64 { asInt64 }
    public var isFloatingPoint: Bool { if case .double = self { return true } else { return false } }
    public var isBool: Bool { if case .bool = self { return true } else { return false } }
    /// The dtype of the tensor PyTorch wraps this number into (double for floats, long for ints).
    public var wrappedDType: DType {
        switch self {
        case .bool: return .bool
        case .int: return .int64
        case .double: return .float64
        }
    }
    /// Python's `repr`.
    public var description: String {
        switch self {
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return formatPythonFloat(d)
        }
    }
}

/// C++-style double → int64 conversion that never traps: truncation, and Int64.min for NaN / out of range.
@inline(__always)
public func doubleToInt64(_ d: Double) -> Int64 {
    if d.isNaN || d >= 9.223372036854775807e18 || d < -9.223372036854775808e18 { return Int64.min }
    return Int64(d)
}

@inline(__always)
func doubleToInt32(_ d: Double) -> Int32 {
    if d.isNaN || d >= 2147483648.0 || d < -2147483648.0 { return Int32.min }
    return Int32(d)
}

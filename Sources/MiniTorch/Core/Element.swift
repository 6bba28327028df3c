/// The Swift types stored in tensors, so kernels can be written once generically.
public protocol TensorElement {
    static var dtype: DType { get }
    var doubleValue: Double { get }
    var int64Value: Int64 { get }
    static func fromDouble(_ d: Double) -> Self
    static func fromInt64(_ i: Int64) -> Self
    static var zero: Self { get }
}

extension Float: TensorElement {
    public static var dtype: DType { .float32 }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { doubleToInt64(Double(self)) }
    @inline(__always) public static func fromDouble(_ d: Double) -> Float { Float(d) }
    @inline(__always) public static func fromInt64(_ i: Int64) -> Float { Float(i) }
}
extension Double: TensorElement {
    public static var dtype: DType { .float64 }
    @inline(__always) public var doubleValue: Double { self }
    @inline(__always) public var int64Value: Int64 { doubleToInt64(self) }
    @inline(__always) public static func fromDouble(_ d: Double) -> Double { d }
    @inline(__always) public static func fromInt64(_ i: Int64) -> Double { Double(i) }
}
extension Int64: TensorElement {
    public static var dtype: DType { .int64 }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { self }
    @inline(__always) public static func fromDouble(_ d: Double) -> Int64 { doubleToInt64(d) }
    @inline(__always) public static func fromInt64(_ i: Int64) -> Int64 { i }
}
extension Int32: TensorElement {
    public static var dtype: DType { .int32 }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public var int64Value: Int64 { Int64(self) }
    @inline(__always) public static func fromDouble(_ d: Double) -> Int32 { Int32(truncatingIfNeeded: doubleToInt64(d)) }
    @inline(__always) public static func fromInt64(_ i: Int64) -> Int32 { Int32(truncatingIfNeeded: i) }
}
extension Bool: TensorElement {
    public static var dtype: DType { .bool }
    public static var zero: Bool { false }
    @inline(__always) public var doubleValue: Double { self ? 1 : 0 }
    @inline(__always) public var int64Value: Int64 { self ? 1 : 0 }
    @inline(__always) public static func fromDouble(_ d: Double) -> Bool { d != 0 }
    @inline(__always) public static func fromInt64(_ i: Int64) -> Bool { i != 0 }
}

/// Converts between element types like a C++ static_cast (integers keep full precision).
@inline(__always)
func convertElement<S: TensorElement, D: TensorElement>(_ s: S, to: D.Type) -> D {
    if S.dtype.isFloatingPoint { return D.fromDouble(s.doubleValue) }
    return D.fromInt64(s.int64Value)
}

/// Calls `body` with the Swift element type of `dtype`.
@inline(__always)
public func withElementType<R>(_ dtype: DType, _ body: (any TensorElement.Type) throws -> R) rethrows -> R {
    switch dtype {
    case .float32: return try body(Float.self)
    case .float64: return try body(Double.self)
    case .int64: return try body(Int64.self)
    case .int32: return try body(Int32.self)
    case .bool: return try body(Bool.self)
    }
}

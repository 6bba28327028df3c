/// Element types of a tensor, with PyTorch's names and promotion rules.
public enum DType: Int, CaseIterable, Sendable, CustomStringConvertible {
    // Raw values follow PyTorch's promotion order among these five types: a larger raw value wins.
    case bool = 0, int32 = 1, int64 = 2, float32 = 3, float64 = 4

    /// `torch.float32` etc. (what `print(x.dtype)` shows).
    public var description: String { "torch." + shortName }
    /// `float32`, `int64`, ... (numpy's names too).
    public var shortName: String {
        switch self {
        case .float32: return "float32"
        case .float64: return "float64"
        case .int64: return "int64"
        case .int32: return "int32"
        case .bool: return "bool"
        }
    }
    /// `x.type()`: `torch.FloatTensor`, ...
    public var typeString: String {
        switch self {
        case .float32: return "torch.FloatTensor"
        case .float64: return "torch.DoubleTensor"
        case .int64: return "torch.LongTensor"
        case .int32: return "torch.IntTensor"
        case .bool: return "torch.BoolTensor"
        }
    }
    /// The C++ scalar type name used in error messages ("Float", "Long", ...).
    public var scalarTypeName: String {
        switch self {
        case .float32: return "Float"
        case .float64: return "Double"
        case .int64: return "Long"
        case .int32: return "Int"
        case .bool: return "Bool"
        }
    }
    /// The C type name c10 prints in some messages ("long int", "float", ...).
    public var cTypeName: String {
        switch self {
        case .float32: return "float"
        case .float64: return "double"
        case .int64: return "long int"
        case .int32: return "int"
        case .bool: return "bool"
        }
    }
    public var itemSize: Int {
        switch self {
        case .float32, .int32: return 4
        case .float64, .int64: return 8
        case .bool: return 1
        }
    }
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
    /// Integral types, bool excluded.
    public var isIntegral: Bool { self == .int32 || self == .int64 }

    /// Parses `float32`, `float`, `double`, `long`, `int`, ... (the attribute names of `torch`).
    public init?(name: String) {
        switch name {
        case "float32", "float": self = .float32
        case "float64", "double": self = .float64
        case "int64", "long": self = .int64
        case "int32", "int": self = .int32
        case "bool": self = .bool
        default: return nil
        }
    }

    /// `torch.promote_types(a, b)` for these five types (a total order).
    public static func promote(_ a: DType, _ b: DType) -> DType { a.rawValue >= b.rawValue ? a : b }

    // MARK: default dtype

    private static let defaultLock = SpinLock()
    nonisolated(unsafe) private static var _default: DType = .float32
    /// `torch.get_default_dtype()`.
    public static var defaultFloat: DType {
        get { defaultLock.withLock { _default } }
        set { defaultLock.withLock { _default = newValue } }
    }
    /// `torch.set_default_dtype(d)`: only float32 / float64 are accepted.
    public static func setDefault(_ d: DType) throws {
        guard d.isFloatingPoint else {
            throw TensorError.type("only floating-point types are supported as the default type")
        }
        defaultFloat = d
    }
}

/// One operand of a type-promoting op, for `DType.resultType`.
public enum PromotionOperand {
    /// A tensor with its dtype and number of dims (0-dim tensors rank below dimensioned ones).
    case tensor(DType, dim: Int)
    /// A Python number (`2`, `2.5`, `True`): participates by category only.
    case scalar(Scalar)
}

extension DType {
    fileprivate enum Category: Int { case bool = 0, integral = 1, floating = 2 }
    fileprivate var category: Category { isFloatingPoint ? .floating : (self == .bool ? .bool : .integral) }

    /// c10's `combine_categories(higher, lower)`.
    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let h = higher else { return lower }
        guard let l = lower else { return h }
        if h.isFloatingPoint { return h }
        if h == .bool || l.isFloatingPoint { return promote(h, l) }
        return h
    }

    /// `torch.result_type`: dimensioned tensors win over zero-dim tensors, which win over Python scalars,
    /// unless the lower priority operand is of a higher category (bool < integral < floating).
    public static func resultType(_ operands: [PromotionOperand]) -> DType {
        var dimResult: DType? = nil, zeroResult: DType? = nil, wrappedResult: DType? = nil
        func up(_ r: inout DType?, _ d: DType) { r = r.map { promote($0, d) } ?? d }
        for op in operands {
            switch op {
            case .tensor(let d, let dim):
                if dim > 0 { up(&dimResult, d) } else { up(&zeroResult, d) }
            case .scalar(let s):
                switch s {
                case .bool: up(&wrappedResult, .bool)
                case .int: up(&wrappedResult, .int64)
                case .double: up(&wrappedResult, DType.defaultFloat)
                }
            }
        }
        return combine(dimResult, combine(zeroResult, wrappedResult)) ?? DType.defaultFloat
    }

    /// `canCast(from, to)`: PyTorch refuses float → integral and non-bool → bool for in-place/out results.
    public static func canCast(from: DType, to: DType) -> Bool {
        if from.isFloatingPoint && !to.isFloatingPoint { return false }
        if from != .bool && to == .bool { return false }
        return true
    }
}

/// A tiny lock usable from any thread (Linux and macOS) without Foundation.
final class SpinLock: @unchecked Sendable {
    private var flag = ManagedAtomicFlag()
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        flag.lock(); defer { flag.unlock() }
        return try body()
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct ManagedAtomicFlag {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    init() {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }
    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
}

/// TensorFlow's element types, as far as MiniTF supports them.
public enum TFDType: String, CaseIterable, Sendable {
    case float32, float64, int32, int64, bool, string

    /// `tf.float32.name`.
    public var name: String { rawValue }
    /// The name TensorFlow's kernels use in messages (`DataTypeString`): `float`, `double`, `int32`.
    public var kernelName: String {
        switch self {
        case .float32: return "float"
        case .float64: return "double"
        default: return rawValue
        }
    }
    /// `DT_FLOAT`, as in a NodeDef's attribute listing.
    public var protoName: String {
        switch self {
        case .float32: return "DT_FLOAT"
        case .float64: return "DT_DOUBLE"
        case .int32: return "DT_INT32"
        case .int64: return "DT_INT64"
        case .bool: return "DT_BOOL"
        case .string: return "DT_STRING"
        }
    }
    public var isFloating: Bool { self == .float32 || self == .float64 }
    public var isInteger: Bool { self == .int32 || self == .int64 }
    /// `<dtype: 'float32'>`.
    public var repr: String { "<dtype: '\(rawValue)'>" }

    /// Rounds a computed value to what this dtype can hold.
    @inline(__always) public func normalize(_ v: Double) -> Double {
        switch self {
        case .float32: return Double(Float(v))
        case .float64: return v
        case .int32:
            if v.isNaN { return Double(Int32.min) }
            let t = v.rounded(.towardZero)
            if t >= 2147483647 { return 2147483647 }
            if t <= -2147483648 { return -2147483648 }
            return Double(Int32(t)) // wraps are not modelled; clamp like a saturating cast
        case .int64:
            if v.isNaN { return -9223372036854775808 }
            let t = v.rounded(.towardZero)
            if t >= 9223372036854775807 { return 9223372036854775807 }
            if t <= -9223372036854775808 { return -9223372036854775808 }
            return t
        case .bool: return v != 0 ? 1 : 0
        case .string: return v
        }
    }
}

/// A static shape: unknown rank (`nil`) or a list of dims, each known or unknown (`nil`).
public struct TFShape: Equatable, Sendable, CustomStringConvertible {
    public var dims: [Int?]?
    public init(_ dims: [Int?]?) { self.dims = dims }
    public init(known: [Int]) { self.dims = known.map { Optional($0) } }
    public static let unknown = TFShape(nil)
    public static let scalar = TFShape([])

    public var rank: Int? { dims?.count }
    public var isFullyDefined: Bool { dims.map { !$0.contains(where: { $0 == nil }) } ?? false }
    /// The dims when every one is known.
    public var known: [Int]? {
        guard let d = dims, !d.contains(where: { $0 == nil }) else { return nil }
        return d.map { $0 ?? 0 }
    }
    public var numElements: Int? { known.map { $0.safeProduct } }

    /// `(?, 3)`, `()`, `(2,)`, `<unknown>` — TensorShape's `str`.
    public var description: String {
        guard let d = dims else { return "<unknown>" }
        let parts = d.map { $0.map(String.init) ?? "?" }
        if parts.count == 1 { return "(\(parts[0]),)" }
        return "(" + parts.joined(separator: ", ") + ")"
    }
    /// `[?,3]` as in kernel and shape-function messages; `?` for unknown rank.
    public var kernelString: String {
        guard let d = dims else { return "?" }
        return "[" + d.map { $0.map(String.init) ?? "?" }.joined(separator: ",") + "]"
    }
    /// `[None, 3]` — `shape.as_list()`.
    public var asListString: String {
        guard let d = dims else { return "None" }
        return "[" + d.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + "]"
    }

    /// Whether a concrete shape can be fed into / stored in a tensor of this static shape.
    public func isCompatible(with concrete: [Int]) -> Bool {
        guard let d = dims else { return true }
        guard d.count == concrete.count else { return false }
        for (a, b) in zip(d, concrete) where a != nil && a != b { return false }
        return true
    }

    /// Most specific shape compatible with both (`merge_with`); nil when incompatible.
    /// TensorFlow's `Merge` error for two shapes that `merged(with:)` rejects (without the trailing " for '{{node ...}}'").
    func mergeError(with other: TFShape) -> String {
        let a = dims ?? [], b = other.dims ?? []
        guard a.count == b.count else { return "Shapes must be equal rank, but are \(a.count) and \(b.count)" }
        for (i, (x, y)) in zip(a, b).enumerated() {
            if let x = x, let y = y, x != y {
                return "Dimension \(i) in both shapes must be equal, but are \(x) and \(y). Shapes are \(kernelString) and \(other.kernelString)."
            }
        }
        return "Shapes \(kernelString) and \(other.kernelString) are not compatible"
    }

    public func merged(with other: TFShape) -> TFShape? {
        guard let a = dims else { return other }
        guard let b = other.dims else { return self }
        guard a.count == b.count else { return nil }
        var out: [Int?] = []
        for (x, y) in zip(a, b) {
            if let x = x, let y = y, x != y { return nil }
            out.append(x ?? y)
        }
        return TFShape(out)
    }
}

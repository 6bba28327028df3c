/// A concrete, dense, row-major value flowing through a running graph (what a `Session` feeds and fetches).
/// Elements are stored as `Double`, already rounded to what `dtype` holds (float32 results are rounded
/// to `Float` after every op, which is exact for + - * / because a double holds the exact float result).
public struct TFArray: Equatable, Sendable {
    public var dtype: TFDType
    public var shape: [Int]
    public var data: [Double]

    public init(dtype: TFDType, shape: [Int], data: [Double]) {
        self.dtype = dtype
        self.shape = shape
        self.data = data
    }
    public init(scalar: Double, dtype: TFDType) {
        self.init(dtype: dtype, shape: [], data: [dtype.normalize(scalar)])
    }
    public static func filled(_ v: Double, shape: [Int], dtype: TFDType) -> TFArray {
        TFArray(dtype: dtype, shape: shape, data: Array(repeating: dtype.normalize(v), count: shape.safeProduct))
    }
    public static func int32s(_ v: [Int], shape: [Int]? = nil) -> TFArray {
        TFArray(dtype: .int32, shape: shape ?? [v.count], data: v.map(Double.init))
    }

    public var count: Int { data.count }
    public var rank: Int { shape.count }
    /// Elements as integers (for shape/axis/index tensors).
    public var ints: [Int] { data.map(safeInt) }
    public var scalarValue: Double? { data.count == 1 ? data[0] : nil }

    public func cast(to t: TFDType) -> TFArray {
        if t == dtype { return self }
        return TFArray(dtype: t, shape: shape, data: data.map { t.normalize($0) })
    }
    public func reshaped(_ s: [Int]) -> TFArray { TFArray(dtype: dtype, shape: s, data: data) }

    /// Row-major strides of `shape`.
    public static func strides(_ shape: [Int]) -> [Int] {
        var s = Array(repeating: 1, count: shape.count)
        var acc = 1
        for i in stride(from: shape.count - 1, through: 0, by: -1) {
            s[i] = acc
            acc *= shape[i]
        }
        return s
    }
}

/// `Int(v)` without trapping: NaN becomes 0, out-of-range values clamp.
@inline(__always) public func safeInt(_ v: Double) -> Int {
    if v.isNaN { return 0 }
    if v >= 9.2e18 { return Int.max }  // (2^63 itself is not representable)
    if v <= -9.2e18 { return Int.min }
    return Int(v)
}

extension Sequence where Element == Int {
    /// The product of the elements, saturating at `Int.max` instead of trapping on overflow.
    public var safeProduct: Int {
        var p = 1
        for x in self {
            let (r, o) = p.multipliedReportingOverflow(by: x)
            if o { return x < 0 ? Int.min : Int.max }
            p = r
        }
        return p
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Per-type arithmetic with PyTorch's semantics (wrapping integers, Python-style floor division and remainder).
public protocol NumericElement: TensorElement, Comparable {
    static func add(_ a: Self, _ b: Self) -> Self
    static func sub(_ a: Self, _ b: Self) -> Self
    static func mul(_ a: Self, _ b: Self) -> Self
    static func div(_ a: Self, _ b: Self) -> Self
    static func floorDiv(_ a: Self, _ b: Self) -> Self
    static func rem(_ a: Self, _ b: Self) -> Self
    static func pow(_ a: Self, _ b: Self) -> Self
    static func maximum(_ a: Self, _ b: Self) -> Self
    static func minimum(_ a: Self, _ b: Self) -> Self
    var isNaNValue: Bool { get }
}

public protocol FloatElement: NumericElement, BinaryFloatingPoint {
    static func fexp(_ x: Self) -> Self
    static func flog(_ x: Self) -> Self
    static func fsqrt(_ x: Self) -> Self
    static func fsin(_ x: Self) -> Self
    static func fcos(_ x: Self) -> Self
    static func ftan(_ x: Self) -> Self
    static func ftanh(_ x: Self) -> Self
    static func flog1p(_ x: Self) -> Self
    static func fexpm1(_ x: Self) -> Self
    static func flog2(_ x: Self) -> Self
    static func flog10(_ x: Self) -> Self
    static func fpow(_ x: Self, _ y: Self) -> Self
    static func ffmod(_ x: Self, _ y: Self) -> Self
}

extension FloatElement {
    @inline(__always) public static func add(_ a: Self, _ b: Self) -> Self { a + b }
    @inline(__always) public static func sub(_ a: Self, _ b: Self) -> Self { a - b }
    @inline(__always) public static func mul(_ a: Self, _ b: Self) -> Self { a * b }
    @inline(__always) public static func div(_ a: Self, _ b: Self) -> Self { a / b }
    /// ATen's div_floor_floating.
    @inline(__always) public static func floorDiv(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return a / b }
        let mod = ffmod(a, b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        if div != 0 {
            var fl = div.rounded(.down)
            if div - fl > 0.5 { fl += 1 }
            return fl
        }
        return (a / b).sign == .minus ? -0.0 : 0.0
    }
    /// Python-sign remainder.
    @inline(__always) public static func rem(_ a: Self, _ b: Self) -> Self {
        var m = ffmod(a, b)
        if m != 0 && (b < 0) != (m < 0) { m += b }
        return m
    }
    @inline(__always) public static func pow(_ a: Self, _ b: Self) -> Self {
        if b == 2 { return a * a }
        if b == 1 { return a }
        if b == 0.5 { return fsqrt(a) }
        return fpow(a, b)
    }
    @inline(__always) public static func maximum(_ a: Self, _ b: Self) -> Self { (a.isNaN || b.isNaN) ? .nan : (a > b ? a : b) }
    @inline(__always) public static func minimum(_ a: Self, _ b: Self) -> Self { (a.isNaN || b.isNaN) ? .nan : (a < b ? a : b) }
    @inline(__always) public var isNaNValue: Bool { isNaN }
}

extension Float: NumericElement, FloatElement {
    @inline(__always) public static func fexp(_ x: Float) -> Float { expf(x) }
    @inline(__always) public static func flog(_ x: Float) -> Float { logf(x) }
    @inline(__always) public static func fsqrt(_ x: Float) -> Float { x.squareRoot() }
    @inline(__always) public static func fsin(_ x: Float) -> Float { sinf(x) }
    @inline(__always) public static func fcos(_ x: Float) -> Float { cosf(x) }
    @inline(__always) public static func ftan(_ x: Float) -> Float { tanf(x) }
    @inline(__always) public static func ftanh(_ x: Float) -> Float { tanhf(x) }
    @inline(__always) public static func flog1p(_ x: Float) -> Float { log1pf(x) }
    @inline(__always) public static func fexpm1(_ x: Float) -> Float { expm1f(x) }
    @inline(__always) public static func flog2(_ x: Float) -> Float { log2f(x) }
    @inline(__always) public static func flog10(_ x: Float) -> Float { log10f(x) }
    @inline(__always) public static func fpow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    @inline(__always) public static func ffmod(_ x: Float, _ y: Float) -> Float { fmodf(x, y) }
}
extension Double: NumericElement, FloatElement {
    @inline(__always) public static func fexp(_ x: Double) -> Double { exp(x) }
    @inline(__always) public static func flog(_ x: Double) -> Double { log(x) }
    @inline(__always) public static func fsqrt(_ x: Double) -> Double { x.squareRoot() }
    @inline(__always) public static func fsin(_ x: Double) -> Double { sin(x) }
    @inline(__always) public static func fcos(_ x: Double) -> Double { cos(x) }
    @inline(__always) public static func ftan(_ x: Double) -> Double { tan(x) }
    @inline(__always) public static func ftanh(_ x: Double) -> Double { tanh(x) }
    @inline(__always) public static func flog1p(_ x: Double) -> Double { log1p(x) }
    @inline(__always) public static func fexpm1(_ x: Double) -> Double { expm1(x) }
    @inline(__always) public static func flog2(_ x: Double) -> Double { log2(x) }
    @inline(__always) public static func flog10(_ x: Double) -> Double { log10(x) }
    @inline(__always) public static func fpow(_ x: Double, _ y: Double) -> Double { Glibc.pow(x, y) }
    @inline(__always) public static func ffmod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }
}

public protocol IntElement: NumericElement, FixedWidthInteger, SignedInteger {}
extension IntElement {
    @inline(__always) public static func add(_ a: Self, _ b: Self) -> Self { a &+ b }
    @inline(__always) public static func sub(_ a: Self, _ b: Self) -> Self { a &- b }
    @inline(__always) public static func mul(_ a: Self, _ b: Self) -> Self { a &* b }
    /// Truncating division (callers check for zero first).
    @inline(__always) public static func div(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return 0 }
        return a.dividedReportingOverflow(by: b).partialValue
    }
    @inline(__always) public static func floorDiv(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return 0 }
        let q = a.dividedReportingOverflow(by: b).partialValue
        let r = a.remainderReportingOverflow(dividingBy: b).partialValue
        return (r != 0 && ((a < 0) != (b < 0))) ? q &- 1 : q
    }
    @inline(__always) public static func rem(_ a: Self, _ b: Self) -> Self {
        if b == 0 { return 0 }
        var r = a.remainderReportingOverflow(dividingBy: b).partialValue
        if r != 0 && ((r < 0) != (b < 0)) { r = r &+ b }
        return r
    }
    /// Integer power by squaring; negative exponents give 0 except for bases 1 and -1 (ATen's powi).
    @inline(__always) public static func pow(_ a: Self, _ b: Self) -> Self {
        if b < 0 {
            if a == 1 { return 1 }
            if a == -1 { return (b & 1) == 0 ? 1 : -1 }
            return 0
        }
        var result: Self = 1, base = a, e = b
        while e > 0 {
            if e & 1 == 1 { result = result &* base }
            base = base &* base
            e >>= 1
        }
        return result
    }
    @inline(__always) public static func maximum(_ a: Self, _ b: Self) -> Self { Swift.max(a, b) }
    @inline(__always) public static func minimum(_ a: Self, _ b: Self) -> Self { Swift.min(a, b) }
    @inline(__always) public var isNaNValue: Bool { false }
}
extension Int64: IntElement {}
extension Int32: IntElement {}

extension Bool: @retroactive Comparable {}
extension Bool: NumericElement {
    public static func < (a: Bool, b: Bool) -> Bool { !a && b }
    @inline(__always) public static func add(_ a: Bool, _ b: Bool) -> Bool { a || b }
    @inline(__always) public static func sub(_ a: Bool, _ b: Bool) -> Bool { a != b }
    @inline(__always) public static func mul(_ a: Bool, _ b: Bool) -> Bool { a && b }
    @inline(__always) public static func div(_ a: Bool, _ b: Bool) -> Bool { a }
    @inline(__always) public static func floorDiv(_ a: Bool, _ b: Bool) -> Bool { a }
    @inline(__always) public static func rem(_ a: Bool, _ b: Bool) -> Bool { false }
    @inline(__always) public static func pow(_ a: Bool, _ b: Bool) -> Bool { a || !b }
    @inline(__always) public static func maximum(_ a: Bool, _ b: Bool) -> Bool { a || b }
    @inline(__always) public static func minimum(_ a: Bool, _ b: Bool) -> Bool { a && b }
    @inline(__always) public var isNaNValue: Bool { false }
}

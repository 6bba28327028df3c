#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// printf-style formatting of one double (`%.4f`, `%.4e`, `%.0f`), as Python's `format` does for finite values.
func cFormat(_ fmt: String, _ x: Double) -> String {
    var buf = [CChar](repeating: 0, count: 512)
    let n = withVaList([x]) { va in
        buf.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 512, fmt, va) }
    }
    if n < 0 { return "" }
    if n >= 512 {
        var big = [CChar](repeating: 0, count: Int(n) + 1)
        _ = withVaList([x]) { va in big.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, Int(n) + 1, fmt, va) } }
        return String(cString: big)
    }
    return String(cString: buf)
}

/// Python's `"{:.Pf}".format(x)`.
func pyFixed(_ x: Double, _ precision: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return cFormat("%.\(precision)f", x)
}
/// Python's `"{:.Pe}".format(x)`.
func pySci(_ x: Double, _ precision: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return cFormat("%.\(precision)e", x)
}
func leftPad(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
}

/// Python's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16.
public func formatPythonFloat(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    let (neg, digits, exp10) = shortestDigits(x)
    // Value = 0.d1d2d3... * 10^exp10  ->  scientific exponent = exp10 - 1
    let sciExp = exp10 - 1
    var out = neg ? "-" : ""
    if sciExp < -4 || sciExp >= 16 {
        out += String(digits.first!)
        if digits.count > 1 { out += "." + digits.dropFirst() }
        out += "e" + (sciExp < 0 ? "-" : "+") + (Swift.abs(sciExp) < 10 ? "0" : "") + String(Swift.abs(sciExp))
        return out
    }
    if exp10 <= 0 {
        out += "0." + String(repeating: "0", count: -exp10) + digits
    } else if exp10 >= digits.count {
        out += digits + String(repeating: "0", count: exp10 - digits.count) + ".0"
    } else {
        let i = digits.index(digits.startIndex, offsetBy: exp10)
        out += digits[..<i] + "." + digits[i...]
    }
    return out
}

/// Shortest round-trip decimal digits of a finite nonzero double: (negative, digits, exp10) with value 0.DIGITS × 10^exp10.
func shortestDigits(_ x: Double) -> (Bool, String, Int) { decomposeDescription(x.description) }
/// Same for float32 (numpy prints float32 arrays with the float's own shortest digits).
func shortestDigits(_ x: Float) -> (Bool, String, Int) { decomposeDescription(x.description) }

/// Parses Swift's shortest round-trip `description` ("1.5e-05", "123.25", "1e+16") into digits and exponent.
func decomposeDescription(_ s0: String) -> (Bool, String, Int) {
    var s = Substring(s0)
    var neg = false
    if s.hasPrefix("-") { neg = true; s = s.dropFirst() }
    var exp = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exp = Int(s[s.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
        s = s[..<e]
    }
    var intPart = s, frac: Substring = ""
    if let dot = s.firstIndex(of: ".") { intPart = s[..<dot]; frac = s[s.index(after: dot)...] }
    var digits = String(intPart) + String(frac)
    var exp10 = intPart.count + exp
    // strip leading zeros
    while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); exp10 -= 1 }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    return (neg, digits, exp10)
}

extension Substring {
    fileprivate func replacingOccurrences(of a: String, with b: String) -> String {
        String(self).split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}

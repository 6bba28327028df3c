/// numpy's array printing (numpy/_core/arrayprint.py, default options): `str` (`[1. 2.]`), `repr`
/// (`array([1., 2.], dtype=float32)`), float32 shown with its own shortest round-trip digits.

public struct NumpyPrintOptions: Equatable, Sendable {
    public var precision = 8
    public var threshold = 1000
    public var edgeitems = 3
    public var linewidth = 75
    public var suppress = false
    public init() {}
    nonisolated(unsafe) public static var current = NumpyPrintOptions()
}

public enum NumpyFormatter {
    /// numpy's dtype name: float32, float64, int64, int32, bool.
    public static func dtypeName(_ d: DType) -> String { d.shortName }

    /// `str(array)`.
    public static func str(_ t: Tensor, options: NumpyPrintOptions = .current) -> String {
        if t.dim == 0 { return scalarStr(t.storage.readScalar(t.layout.offset), t.dtype) }
        return array2string(t, separator: " ", prefix: "", suffix: "", options: options)
    }

    /// `repr(array)`.
    public static func repr(_ t: Tensor, options: NumpyPrintOptions = .current) -> String {
        let prefix = "array("
        let lst = array2string(t, separator: ", ", prefix: prefix, suffix: ")", options: options)
        var extras: [String] = []
        if (t.numel == 0 && t.shape != [0]) || t.numel > options.threshold {
            extras.append("shape=" + TensorFormatter.tupleString(t.shape))
        }
        let implied = t.dtype == .float64 || t.dtype == .int64 || t.dtype == .bool
        if !implied || t.numel == 0 { extras.append("dtype=" + dtypeName(t.dtype)) }
        if extras.isEmpty { return prefix + lst + ")" }
        let arrStr = prefix + lst + ","
        let extraStr = extras.joined(separator: ", ") + ")"
        let chars = Array(arrStr)
        let lastLineLen = chars.count - ((chars.lastIndex(of: "\n") ?? -1) + 1)
        var spacer = " "
        if lastLineLen + extraStr.count + 1 > options.linewidth {
            spacer = "\n" + String(repeating: " ", count: prefix.count)
        }
        return arrStr + spacer + extraStr
    }

    /// `str(np.float32(1.5))` → `1.5`, `str(np.int64(3))` → `3`, `str(np.True_)` → `True`.
    public static func scalarStr(_ s: Scalar, _ dtype: DType) -> String {
        switch s {
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d):
            if dtype == .float32 { return floatScalarRepr(Float(d)) }
            return formatPythonFloat(d)
        }
    }
    /// numpy 2's scalar repr: `np.float32(1.5)`, `np.int64(3)`, `np.True_`, `np.float64(0.1)`.
    public static func scalarRepr(_ s: Scalar, _ dtype: DType) -> String {
        switch s {
        case .bool(let b): return b ? "np.True_" : "np.False_"
        default: return "np.\(dtypeName(dtype))(\(scalarStr(s, dtype)))"
        }
    }
    /// Shortest round-trip repr of a float32 in Python style (`0.1`, `1e-05`, `1.0`).
    static func floatScalarRepr(_ f: Float) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        if f == 0 { return f.sign == .minus ? "-0.0" : "0.0" }
        let (neg, digits, exp10) = shortestDigits(f)
        return pythonStyle(neg, digits, exp10)
    }

    static func pythonStyle(_ neg: Bool, _ digits: String, _ exp10: Int) -> String {
        let sciExp = exp10 - 1
        var out = neg ? "-" : ""
        if sciExp < -4 || sciExp >= 16 {
            out += String(digits.first!)
            if digits.count > 1 { out += "." + digits.dropFirst() }
            out += "e" + (sciExp < 0 ? "-" : "+") + (Swift.abs(sciExp) < 10 ? "0" : "") + String(Swift.abs(sciExp))
            return out
        }
        if exp10 <= 0 { return out + "0." + String(repeating: "0", count: -exp10) + digits }
        if exp10 >= digits.count { return out + digits + String(repeating: "0", count: exp10 - digits.count) + ".0" }
        let i = digits.index(digits.startIndex, offsetBy: exp10)
        return out + digits[..<i] + "." + digits[i...]
    }

    // MARK: array2string

    static func array2string(_ t: Tensor, separator: String, prefix: String, suffix: String, options: NumpyPrintOptions) -> String {
        let summarize = t.numel > options.threshold
        let view = PrintView(storage: t.storage, layout: t.layout)
        let idx = summarize ? TensorFormatter.summarizedIndices(view, options.edgeitems) : t.layout.storageIndices()
        let fmt = ElementFormat(t, idx, options)
        if t.dim == 0 {
            if t.dtype == .bool { return t.storage.bools[t.layout.offset] ? "True" : "False" }
            return fmt.format(t.layout.offset)
        }
        if t.numel == 0 { return "[]" }
        let nextLinePrefix = " " + String(repeating: " ", count: prefix.count)
        let width = options.linewidth - suffix.count
        return formatArray(view, fmt, lineWidth: width, nextLinePrefix: nextLinePrefix, separator: separator,
                           edgeItems: options.edgeitems, summaryInsert: summarize ? "..." : "")
    }

    /// numpy's FloatingFormat / IntegerFormat / BoolFormat over the (summarised) values.
    struct ElementFormat {
        let storage: Storage
        let dtype: DType
        var expFormat = false
        var padLeft = 0, padRight = 0
        var precision: Int
        var maxIntWidth = 0
        let uniqueDigits = true

        init(_ t: Tensor, _ idx: [Int], _ o: NumpyPrintOptions) {
            storage = t.storage; dtype = t.dtype; precision = o.precision
            switch dtype {
            case .bool: return
            case .int64, .int32:
                for i in idx { maxIntWidth = Swift.max(maxIntWidth, String(storage.readInt64(i)).count) }
                return
            default: break
            }
            let vals = idx.map { storage.readDouble($0) }
            let finite = vals.filter { $0.isFinite }
            let absNZ = finite.filter { $0 != 0 }.map { Swift.abs($0) }
            if let mx = absNZ.max(), let mn = absNZ.min() {
                // NumPy 2 compares in the array's dtype (NEP 50: the Python-float bounds become float32 too).
                if dtype == .float32 {
                    let fx = Float(mx), fn = Float(mn)
                    if fx >= Float(1e8) || (!o.suppress && (fn < Float(0.0001) || fx / fn > Float(1000))) { expFormat = true }
                } else if mx >= 1e8 || (!o.suppress && (mn < 0.0001 || mx / mn > 1000)) { expFormat = true }
            }
            if finite.isEmpty {
                padLeft = 0; padRight = 0
            } else if expFormat {
                var maxFrac = 0, maxInt = 0
                for v in finite {
                    let (ip, fp, _) = sciParts(v, precision)
                    maxFrac = Swift.max(maxFrac, fp.count); maxInt = Swift.max(maxInt, ip.count)
                }
                precision = maxFrac
                padLeft = maxInt
                expDigits = (finite.map { sciParts($0, o.precision).2 }.map { $0.count }.max() ?? 3) - 1
                padRight = expDigits + 2 + precision
            } else {
                var maxFrac = 0, maxInt = 0
                for v in finite {
                    let (ip, fp) = positionalParts(v, precision)
                    maxFrac = Swift.max(maxFrac, fp.count); maxInt = Swift.max(maxInt, ip.count)
                }
                padLeft = maxInt; padRight = maxFrac
            }
            if finite.count != vals.count {
                let neginf = vals.contains { $0.isInfinite && $0 < 0 }
                let offset = padRight + 1
                padLeft = Swift.max(padLeft, 3 - offset, 3 + (neginf ? 1 : 0) - offset)
            }
        }
        var expDigits = 2

        /// Shortest digits in the array's own precision (float32 values use float32's shortest repr).
        func digits(_ v: Double) -> (Bool, String, Int) {
            dtype == .float32 ? shortestDigits(Float(v)) : shortestDigits(v)
        }

        /// dragon4_positional(unique, precision, trim='.') split at the point.
        func positionalParts(_ v: Double, _ prec: Int) -> (String, String) {
            if v == 0 { return (v.sign == .minus ? "-0" : "0", "") }
            let (neg, ds, e) = digits(v)
            var intPart: String, frac: String
            if e <= 0 { intPart = "0"; frac = String(repeating: "0", count: -e) + ds }
            else if e >= ds.count { intPart = ds + String(repeating: "0", count: e - ds.count); frac = "" }
            else { let i = ds.index(ds.startIndex, offsetBy: e); intPart = String(ds[..<i]); frac = String(ds[i...]) }
            if frac.count > prec {
                // Round the exact value to `prec` digits, then trim zeros.
                let s = cFormat("%.\(prec)f", Swift.abs(v))
                let parts = s.split(separator: ".", omittingEmptySubsequences: false)
                intPart = String(parts[0]); frac = parts.count > 1 ? String(parts[1]) : ""
                while frac.hasSuffix("0") { frac.removeLast() }
            }
            return ((neg ? "-" : "") + intPart, frac)
        }
        /// dragon4_scientific(unique, precision, trim='.') → (int part, fraction, exponent digits with sign).
        func sciParts(_ v: Double, _ prec: Int) -> (String, String, String) {
            if v == 0 { return ("0", "", "+00") }
            let (neg, ds, e) = digits(v)
            var lead = String(ds.first!), frac = String(ds.dropFirst())
            var ex = e - 1
            if frac.count > prec {
                let s = cFormat("%.\(prec)e", Swift.abs(v))
                let mant = s.split(separator: "e")[0], expS = s.split(separator: "e")[1]
                let mp = mant.split(separator: ".", omittingEmptySubsequences: false)
                lead = String(mp[0]); frac = mp.count > 1 ? String(mp[1]) : ""
                while frac.hasSuffix("0") { frac.removeLast() }
                ex = Int(expS) ?? ex
            }
            let expStr = (ex < 0 ? "-" : "+") + (Swift.abs(ex) < 10 ? "0" : "") + String(Swift.abs(ex))
            return ((neg ? "-" : "") + lead, frac, expStr)
        }

        func format(_ i: Int) -> String {
            switch dtype {
            case .bool: return storage.bools[i] ? " True" : "False"
            case .int64, .int32: return leftPad(String(storage.readInt64(i)), maxIntWidth)
            default: break
            }
            let v = storage.readDouble(i)
            if !v.isFinite {
                let ret = v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf")
                return leftPad(ret, padLeft + padRight + 1)
            }
            if expFormat {
                // Dragon4 with min_digits = precision prints the exact value's digits (not zero padding).
                let full = cFormat("%.\(precision)e", v)
                let mant = full.split(separator: "e")[0], expPart = full.split(separator: "e")[1]
                let mp = mant.split(separator: ".", omittingEmptySubsequences: false)
                let ip = String(mp[0]), fp = mp.count > 1 ? String(mp[1]) : ""
                let ev = Int(expPart) ?? 0
                var ex = (ev < 0 ? "-" : "+") + String(Swift.abs(ev))
                var e = String(ex.dropFirst())
                while e.count < expDigits { e = "0" + e }
                ex = String(ex.first!) + e
                return leftPad(ip, padLeft) + "." + fp + "e" + ex
            }
            let (ip, fp) = positionalParts(v, precision)
            return leftPad(ip, padLeft) + "." + fp + String(repeating: " ", count: padRight - fp.count)
        }
    }

    static func formatArray(_ v: PrintView, _ f: ElementFormat, lineWidth: Int, nextLinePrefix: String,
                            separator: String, edgeItems: Int, summaryInsert: String) -> String {
        func extendLine(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ prefix: String) {
            var needsWrap = line.count + word.count > width
            if line.count <= prefix.count { needsWrap = false }
            if needsWrap {
                var l = line
                while l.hasSuffix(" ") { l.removeLast() }
                s += l + "\n"
                line = prefix
            }
            line += word
        }
        func recurse(_ v: PrintView, _ hanging: String, _ currWidth: Int) -> String {
            if v.dim == 0 { return f.format(v.layout.offset) }
            let nextHanging = hanging + " "
            let nextWidth = currWidth - 1
            let n = v.size0
            let showSummary = !summaryInsert.isEmpty && 2 * edgeItems < n
            let leading = showSummary ? edgeItems : 0
            let trailing = showSummary ? edgeItems : n
            var s = ""
            let sepStripped = String(separator.reversed().drop(while: { $0 == " " }).reversed())
            if v.dim == 1 {
                let elemWidth = currWidth - Swift.max(sepStripped.count, 1)
                var line = hanging
                for i in 0..<leading {
                    extendLine(&s, &line, recurse(v.select(i), nextHanging, nextWidth), elemWidth, hanging)
                    line += separator
                }
                if showSummary {
                    extendLine(&s, &line, summaryInsert, elemWidth, hanging)
                    line += separator
                }
                if trailing >= 2 {
                    for i in stride(from: trailing, to: 1, by: -1) {
                        extendLine(&s, &line, recurse(v.select(n - i), nextHanging, nextWidth), elemWidth, hanging)
                        line += separator
                    }
                }
                extendLine(&s, &line, recurse(v.select(n - 1), nextHanging, nextWidth), elemWidth, hanging)
                s += line
            } else {
                let lineSep = sepStripped + String(repeating: "\n", count: v.dim - 1)
                for i in 0..<leading { s += hanging + recurse(v.select(i), nextHanging, nextWidth) + lineSep }
                if showSummary { s += hanging + summaryInsert + lineSep }
                if trailing >= 2 {
                    for i in stride(from: trailing, to: 1, by: -1) {
                        s += hanging + recurse(v.select(n - i), nextHanging, nextWidth) + lineSep
                    }
                }
                s += hanging + recurse(v.select(n - 1), nextHanging, nextWidth)
            }
            return "[" + String(s.dropFirst(hanging.count)) + "]"
        }
        return recurse(v, nextLinePrefix, lineWidth)
    }
}

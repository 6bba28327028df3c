/// PyTorch's tensor printing, ported from torch/_tensor_str.py (`_Formatter`, `_tensor_str`, `_str_intern`).

/// `torch.set_printoptions(...)`.
public struct PrintOptions: Equatable, Sendable {
    public var precision: Int = 4
    public var threshold: Double = 1000
    public var edgeitems: Int = 3
    public var linewidth: Int = 80
    /// nil = automatic (PyTorch's default).
    public var sciMode: Bool? = nil
    public init() {}

    nonisolated(unsafe) private static var _current = PrintOptions()
    private static let lock = SpinLock()
    /// The options in effect (process-wide, like PyTorch's).
    public static var current: PrintOptions {
        get { lock.withLock { _current } }
        set { lock.withLock { _current = newValue } }
    }
    /// `set_printoptions(profile="default"|"short"|"full")`.
    public static func profile(_ name: String) -> PrintOptions? {
        var o = PrintOptions()
        switch name {
        case "default": break
        case "short": o.precision = 2; o.threshold = 1000; o.edgeitems = 2; o.linewidth = 80
        case "full": o.threshold = Double.infinity
        default: return nil
        }
        return o
    }
}

/// A strided window over a tensor's storage used while printing (no autograd, no copies).
struct PrintView {
    let storage: Storage
    var layout: Layout
    var dim: Int { layout.shape.count }
    func select(_ i: Int) -> PrintView {
        var l = layout
        l.offset += i * l.strides[0]
        l.shape.removeFirst(); l.strides.removeFirst()
        return PrintView(storage: storage, layout: l)
    }
    var size0: Int { layout.shape[0] }
}

/// `_Formatter`: decides int_mode / sci_mode / max_width from the (summarised) values.
struct ElementFormatter {
    let floating: Bool
    var intMode = true
    var sciMode = false
    var maxWidth = 1
    let precision: Int
    let dtype: DType

    init(values: [Double], ints: [Int64], bools: [Bool], dtype: DType, options: PrintOptions) {
        self.dtype = dtype
        floating = dtype.isFloatingPoint
        precision = options.precision
        if !floating {
            if dtype == .bool {
                for b in bools { maxWidth = Swift.max(maxWidth, b ? 4 : 5) }
            } else {
                for v in ints { maxWidth = Swift.max(maxWidth, String(v).count) }
            }
        } else {
            let nz = values.filter { $0.isFinite && $0 != 0 }
            if !nz.isEmpty {
                let absv = nz.map { Swift.abs($0) }
                let mn = absv.min()!, mx = absv.max()!
                for v in nz where v != v.rounded(.up) { intMode = false; break }
                sciMode = options.sciMode ?? (mx / mn > 1000.0 || mx > 1.0e8 || mn < 1.0e-4)
                for v in nz {
                    if sciMode { maxWidth = Swift.max(maxWidth, pySci(v, precision).count) }
                    else if intMode { maxWidth = Swift.max(maxWidth, pyFixed(v, 0).count + 1) }
                    else { maxWidth = Swift.max(maxWidth, pyFixed(v, precision).count) }
                }
            }
        }
    }

    func format(_ storage: Storage, _ index: Int) -> String {
        let ret: String
        if floating {
            let v = storage.readDouble(index)
            if sciMode {
                ret = pySci(v, precision)
            } else if intMode {
                var r = pyFixed(v, 0)
                if !(v.isInfinite || v.isNaN) { r += "." }
                ret = r
            } else {
                ret = pyFixed(v, precision)
            }
        } else if dtype == .bool {
            ret = storage.bools[index] ? "True" : "False"
        } else {
            ret = String(storage.readInt64(index))
        }
        return leftPad(ret, maxWidth)
    }
}

public enum TensorFormatter {
    /// `repr(t)` / `str(t)`: `tensor([...], dtype=..., grad_fn=<...>)`.
    public static func repr(_ t: Tensor, options: PrintOptions = PrintOptions.current, prefix: String = "tensor(") -> String {
        let indent = prefix.count
        var suffixes: [String] = []
        if t.device != .cpu { suffixes.append("device='\(t.device)'") }
        let defaultFloat = DType.defaultFloat
        let hasDefaultDType = t.dtype == defaultFloat || t.dtype == .int64 || t.dtype == .bool
        var body: String
        if t.numel == 0 {
            if t.dim != 1 { suffixes.append("size=" + tupleString(t.shape)) }
            if t.dtype != defaultFloat { suffixes.append("dtype=\(t.dtype)") }
            body = "[]"
        } else {
            if options.edgeitems == 0 { suffixes.append("size=" + tupleString(t.shape)) }
            if !hasDefaultDType { suffixes.append("dtype=\(t.dtype)") }
            body = tensorString(t, indent: indent, options: options)
        }
        if let f = t.gradFn {
            suffixes.append("grad_fn=<\(f.name)>")
        } else if t.requiresGrad {
            suffixes.append("requires_grad=True")
        }
        return addSuffixes(prefix + body, suffixes, indent: indent, linewidth: options.linewidth)
    }

    /// `torch.Size([2, 3])`.
    public static func sizeString(_ shape: [Int]) -> String { "torch.Size(" + shapeString(shape) + ")" }
    /// Python tuple text: `(2, 3)`, `(4,)`, `()`.
    public static func tupleString(_ xs: [Int]) -> String {
        if xs.count == 1 { return "(\(xs[0]),)" }
        return "(" + xs.map(String.init).joined(separator: ", ") + ")"
    }

    static func addSuffixes(_ tensorStr: String, _ suffixes: [String], indent: Int, linewidth: Int) -> String {
        var parts = [tensorStr]
        let chars = Array(tensorStr)
        let lastNL = chars.lastIndex(of: "\n") ?? -1
        var lastLineLen = chars.count - lastNL + 1
        for s in suffixes {
            if lastLineLen + s.count + 2 > linewidth {
                parts.append(",\n" + String(repeating: " ", count: indent) + s)
                lastLineLen = indent + s.count
            } else {
                parts.append(", " + s)
                lastLineLen += s.count + 2
            }
        }
        parts.append(")")
        return parts.joined()
    }

    /// `_tensor_str`: the bracketed body (without prefix and suffixes).
    public static func tensorString(_ t: Tensor, indent: Int, options: PrintOptions = PrintOptions.current) -> String {
        if t.numel == 0 { return "[]" }
        let summarize = Double(t.numel) > options.threshold
        let view = PrintView(storage: t.storage, layout: t.layout)
        let idx = summarize ? summarizedIndices(view, options.edgeitems) : t.layout.storageIndices()
        var ds: [Double] = [], ints: [Int64] = [], bs: [Bool] = []
        switch t.dtype {
        case .float32, .float64: ds = idx.map { t.storage.readDouble($0) }
        case .int64, .int32: ints = idx.map { t.storage.readInt64($0) }
        case .bool: bs = idx.map { t.storage.bools[$0] }
        }
        let f = ElementFormatter(values: ds, ints: ints, bools: bs, dtype: t.dtype, options: options)
        return withFormatter(view, indent: indent, summarize: summarize, f, options)
    }

    /// Storage indices of `get_summarized_data(self)`.
    static func summarizedIndices(_ v: PrintView, _ edge: Int) -> [Int] {
        if v.dim == 0 { return [v.layout.offset] }
        if v.dim > 1 && edge == 0 { return [] }
        let n = v.size0
        let rows: [Int] = n > 2 * edge ? Array(0..<edge) + Array((n - edge)..<n) : Array(0..<n)
        if v.dim == 1 { return rows.map { v.layout.offset + $0 * v.layout.strides[0] } }
        return rows.flatMap { summarizedIndices(v.select($0), edge) }
    }

    static func withFormatter(_ v: PrintView, indent: Int, summarize: Bool, _ f: ElementFormatter, _ o: PrintOptions) -> String {
        let dim = v.dim
        if dim == 0 { return f.format(v.storage, v.layout.offset) }
        if dim == 1 { return vectorString(v, indent: indent, summarize: summarize, f, o) }
        var slices: [String] = []
        let n = v.size0
        if summarize && n > 2 * o.edgeitems {
            for i in 0..<o.edgeitems { slices.append(withFormatter(v.select(i), indent: indent + 1, summarize: summarize, f, o)) }
            slices.append("...")
            for i in (n - o.edgeitems)..<n { slices.append(withFormatter(v.select(i), indent: indent + 1, summarize: summarize, f, o)) }
        } else {
            for i in 0..<n { slices.append(withFormatter(v.select(i), indent: indent + 1, summarize: summarize, f, o)) }
        }
        let sep = "," + String(repeating: "\n", count: dim - 1) + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: sep) + "]"
    }

    static func vectorString(_ v: PrintView, indent: Int, summarize: Bool, _ f: ElementFormatter, _ o: PrintOptions) -> String {
        let elementLength = f.maxWidth + 2
        let perLine = Swift.max(1, (o.linewidth - indent) / elementLength)
        let n = v.size0
        let st = v.layout.strides[0], off = v.layout.offset
        var data: [String] = []
        if summarize && o.edgeitems == 0 {
            data = ["..."]
        } else if summarize && n > 2 * o.edgeitems {
            for i in 0..<o.edgeitems { data.append(f.format(v.storage, off + i * st)) }
            data.append(" ...")
            for i in (n - o.edgeitems)..<n { data.append(f.format(v.storage, off + i * st)) }
        } else {
            for i in 0..<n { data.append(f.format(v.storage, off + i * st)) }
        }
        var lines: [String] = []
        var i = 0
        while i < data.count {
            lines.append(data[i..<Swift.min(i + perLine, data.count)].joined(separator: ", "))
            i += perLine
        }
        return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
    }
}

extension Tensor: CustomStringConvertible {
    /// PyTorch's `repr`/`str` with the current print options.
    public var description: String { TensorFormatter.repr(self) }
}

extension ValuesIndices: CustomStringConvertible {
    /// `torch.return_types.max(\nvalues=tensor(...),\nindices=tensor(...))`.
    public var description: String {
        "torch.return_types.\(name)(\nvalues=\(values),\nindices=\(indices))"
    }
}

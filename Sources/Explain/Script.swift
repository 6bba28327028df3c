import MiniTorch

/// A snippet written alongside the computation it mirrors: each `print` records the code line and the text
/// `tensorprep run` will print for it, formatted from the engine's values (tensor reprs, numpy `str`, Python
/// booleans), so the walkthrough can state the snippet's output without running it.
struct Script {
    var code: [String]
    var output: [String] = []

    init(_ code: [String]) { self.code = code }

    mutating func line(_ s: String) { code.append(s) }

    /// `print(a, b, ...)`: each argument's code and its `str()`, joined by spaces like Python's print.
    mutating func print(_ items: (code: String, text: String)...) {
        code.append("print(" + items.map(\.code).joined(separator: ", ") + ")")
        output += items.map(\.text).joined(separator: " ").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func walkthrough(_ body: [String], framework: String = "PyTorch") -> Walkthrough {
        Walkthrough(body: body, snippet: code, output: output, framework: framework)
    }
}

/// Python's `str(bool)`.
func pyBool(_ b: Bool) -> String { b ? "True" : "False" }

/// `print(tensor)`.
func torchStr(_ t: Tensor) -> String { TensorFormatter.repr(t) }

/// Rows of cells aligned into columns by display width (colour codes excluded, Chinese counted double), each line
/// indented; the last column is not padded and trailing spaces are trimmed.
func alignedRows(_ rows: [[String]], indent: String = "  ", gap: Int = 2) -> [String] {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], visibleWidth(cell)) } }
    return rows.map { row in
        var line = indent
        for (i, cell) in row.enumerated() {
            line += cell
            if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - visibleWidth(cell) + gap) }
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}

/// A tensor's values as nested lists the way the walkthroughs write numbers (`[[1., 2.], [3., 4.]]`).
func nestedText(_ t: Tensor) -> String {
    func go(_ n: NestedData) -> String {
        switch n {
        case .scalar(let s): return formatScalar(s)
        case .list(let l): return "[" + l.map(go).joined(separator: ", ") + "]"
        }
    }
    return go(t.tolist())
}

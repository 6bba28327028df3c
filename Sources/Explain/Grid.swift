import MiniTorch
import Terminal

/// A rectangle of text lines with a known visible width (ANSI colour codes excluded), so blocks
/// can be laid side by side and stay aligned with colour on or off, and with Chinese titles.
struct Block {
    var lines: [String]
    var width: Int

    init(lines: [String], width: Int) { self.lines = lines; self.width = width }

    init(plain: [String]) {
        lines = plain
        width = plain.map(\.displayWidth).max() ?? 0
    }

    /// Blocks next to each other, top-aligned, `gap` spaces apart; trailing spaces trimmed.
    static func sideBySide(_ blocks: [Block], gap: Int = 4) -> [String] {
        let height = blocks.map(\.lines.count).max() ?? 0
        var out: [String] = []
        for row in 0..<height {
            var line = ""
            for (i, b) in blocks.enumerated() {
                let cell = row < b.lines.count ? b.lines[row] : ""
                line += cell
                if i < blocks.count - 1 {
                    line += String(repeating: " ", count: max(0, b.width - visibleWidth(cell)) + gap)
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out.append(line)
        }
        return out
    }
}

/// Display width of text that may hold ANSI escape sequences.
func visibleWidth(_ s: String) -> Int {
    var plain = ""
    var inEscape = false
    for ch in s {
        if inEscape { if ch == "m" { inEscape = false }; continue }
        if ch == "\u{1B}" { inEscape = true; continue }
        plain.append(ch)
    }
    return plain.displayWidth
}

/// One element as a learner reads it: integers plainly, floats with up to four decimals (`1.`, `0.25`), bools as Python does.
func formatScalar(_ s: Scalar) -> String {
    switch s {
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .double(let d):
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) + "." }
        var text = String(format: "%.4f", d)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// Coordinates of a row-major flat position in `shape`.
func coordinates(of flat: Int, in shape: [Int]) -> [Int] {
    var rest = flat
    var out = [Int](repeating: 0, count: shape.count)
    for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] > 0 {
        out[d] = rest % shape[d]
        rest /= shape[d]
    }
    return out
}

/// Row-major flat position of coordinates in `shape`.
func flatPosition(_ coords: [Int], in shape: [Int]) -> Int {
    var flat = 0
    for (c, n) in zip(coords, shape) { flat = flat * n + c }
    return flat
}

/// `[1][2]` — how the seed's formulas write a cell.
func subscriptText(_ coords: [Int]) -> String { coords.map { "[\($0)]" }.joined() }

enum Grid {
    /// A tensor as a titled grid: a 0-D tensor is one cell, 1-D one row, 2-D rows and columns, higher ranks one
    /// 2-D slice per leading coordinate (labelled `[i]`, `[i, j]`). Highlighted cells are coloured on a terminal
    /// and bracketed without colour; plain cells get a space on either side so both modes align.
    static func render(_ t: Tensor, title: String, highlight: Set<Int> = [], mark: Set<Int> = [], style: Style) -> Block {
        let shape = t.shape
        let count = t.numel
        let texts = t.toScalarArray().map(formatScalar)
        let cellWidth = texts.map(\.count).max() ?? 1
        func cell(_ flat: Int) -> String {
            let text = texts[flat].padded(to: cellWidth, alignment: .right)
            if highlight.contains(flat) {
                return style.enabled ? " " + style.highlight(text) + " " : "[" + text + "]"
            }
            if mark.contains(flat) {
                return style.enabled ? " " + style.cyan(text) + " " : "(" + text + ")"
            }
            return " " + text + " "
        }
        var lines: [String] = [title]
        let cols = shape.last ?? 1
        let rows = shape.count >= 2 ? shape[shape.count - 2] : 1
        let sliceSize = max(1, cols * rows)
        let slices = shape.count >= 3 ? count / sliceSize : 1
        for s in 0..<slices {
            if shape.count >= 3 {
                let lead = coordinates(of: s, in: Array(shape.dropLast(2)))
                lines.append("[" + lead.map(String.init).joined(separator: ", ") + "]")
            }
            for r in 0..<rows {
                let base = s * sliceSize + r * cols
                guard cols > 0 else { lines.append(""); continue }
                lines.append((0..<cols).map { cell(base + $0) }.joined())
            }
        }
        if count == 0 { lines.append("(empty)") }
        lines = lines.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }
        let width = lines.map(visibleWidth).max() ?? 0
        return Block(lines: lines, width: width)
    }
}

/// A plain text table whose columns line up by display width, so Chinese and English cells align.
///
///     var table = TextTable(columns: [.init("ID"), .init("DIFF", alignment: .right)])
///     table.append(["gather-scatter", "2"])
///     print(table.render(style: style))
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var header: String
        public var alignment: TextAlignment
        /// Cells wider than this are cut with `…` (nil: never cut).
        public var maxWidth: Int?
        public init(_ header: String, alignment: TextAlignment = .left, maxWidth: Int? = nil) {
            self.header = header
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []
    /// Spaces between columns.
    public var gap: Int = 2

    public init(columns: [Column]) { self.columns = columns }

    /// Adds a row; missing cells are empty, extra cells are ignored.
    public mutating func append(_ row: [String]) {
        var cells = Array(row.prefix(columns.count))
        while cells.count < columns.count { cells.append("") }
        rows.append(cells)
    }

    /// Renders header and rows, one line each, without a trailing newline; trailing spaces are trimmed.
    /// The header is bold when the style is enabled.
    public func render(style: Style = Style(enabled: false)) -> String {
        let cut: [[String]] = rows.map { row in
            row.enumerated().map { i, cell in
                let flat = cell.replacingOccurrences(of: "\n", with: " ")
                if let limit = columns[i].maxWidth { return flat.truncated(to: limit) }
                return flat
            }
        }
        var widths = columns.map { $0.header.displayWidth }
        for row in cut {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.displayWidth) }
        }
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let isLast = i == cells.count - 1
                let alignment = columns[i].alignment
                let padded = isLast && alignment == .left ? cell : cell.padded(to: widths[i], alignment: alignment)
                parts.append(header ? style.bold(padded) : padded)
            }
            var text = parts.joined(separator: String(repeating: " ", count: gap))
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(columns.map(\.header), header: true)]
        lines += cut.map { line($0, header: false) }
        return lines.joined(separator: "\n")
    }
}

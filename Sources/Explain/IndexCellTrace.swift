import MiniTorch
import Terminal

/// The explanation of ONE cell of a gather/scatter/scatter_add result, in the walkthrough's own words, for callers
/// outside `explain` (the quiz's feedback on a wrong answer). Like the walkthrough, the provenance is computed by the
/// engine: gathering a tensor of positions tells which input cell an output cell read; scattering positions tells
/// which write survived; scatter_add of ones counts the writes.
public enum IndexCellTrace {
    /// `out[1][0] = input[1][index[1][0]] = input[1][1] = 5` for the output cell at row-major position `cell`.
    public static func gather(input: Tensor, dim: Int, index: Tensor, cell: Int, style: Style) throws -> [String] {
        let d = dim < 0 ? dim + input.dim : dim
        let result = try input.gather(d, index)
        let sources = try IndexWalkthrough.positions(input.shape).gather(d, index).toInt64Array()
        guard cell >= 0, cell < result.numel, cell < sources.count else { return [] }
        let value = result.toScalarArray()[cell]
        return [IndexWalkthrough.gatherCellLine(coordinates(of: cell, in: result.shape), dim: d,
                                                source: coordinates(of: Int(sources[cell]), in: input.shape),
                                                value: value, style: style)]
    }

    /// Every write of `base.scatter(dim, index, src)` (or `scatter_add`) that lands on the cell of the result at
    /// row-major position `cell`, then what the cell ends up holding: the sum (scatter_add), the write that was kept
    /// (scatter), or the untouched value of `base`.
    public static func scatter(base: Tensor, dim: Int, index: Tensor, src: Tensor, add: Bool, cell: Int,
                               language: ExplainLanguage, style: Style) throws -> [String] {
        let text = Text(language: language)
        let d = dim < 0 ? dim + base.dim : dim
        let result = add ? try base.scatterAdd(d, index, src) : try base.scatter(d, index, src)
        guard cell >= 0, cell < result.numel else { return [] }
        let writer = try Tensor.full(base.shape, .int(-1), dtype: .int64)
            .scatter(d, index, IndexWalkthrough.positions(index.shape)).toInt64Array()[cell]
        let srcValues = src.toScalarArray()
        let target = coordinates(of: cell, in: base.shape)
        let writes = writes(to: cell, shape: base.shape, dim: d, index: index)
        let before = formatScalar(base.toScalarArray()[cell])
        let after = style.bold(formatScalar(result.toScalarArray()[cell]))
        let name = "self" + subscriptText(target)
        var lines = writes.map { p in
            IndexWalkthrough.scatterWriteLine(coordinates(of: p, in: index.shape), dim: d, target: target, add: add,
                                              srcValues: srcValues, srcShape: src.shape, style: style)
        }
        let sources = writes.map { "src" + subscriptText(coordinates(of: $0, in: index.shape)) }
        if writes.isEmpty {
            lines.append(untouched(name, before, text))
        } else if add {
            lines.append("\(name) = \(before) + " + sources.joined(separator: " + ") + " = " + after)
        } else if writes.count > 1, writer >= 0 {
            lines.append("\(name) ← " + sources.joined(separator: ", ") + "; " + text("kept: ", "留下：") + "src" +
                         subscriptText(coordinates(of: Int(writer), in: index.shape)) + " = " + after)
        }
        return lines
    }
}

extension IndexCellTrace {
    /// The same for `base.scatter(dim, index, value)`: every write of the scalar that lands on the cell, or the
    /// untouched value of `base`.
    public static func scatter(base: Tensor, dim: Int, index: Tensor, value: Scalar, cell: Int,
                               language: ExplainLanguage, style: Style) throws -> [String] {
        let text = Text(language: language)
        let d = dim < 0 ? dim + base.dim : dim
        let result = try base.scatter(d, index, value: value)
        guard cell >= 0, cell < result.numel else { return [] }
        let target = coordinates(of: cell, in: base.shape)
        let writes = writes(to: cell, shape: base.shape, dim: d, index: index)
        guard !writes.isEmpty else {
            return [untouched("self" + subscriptText(target), formatScalar(base.toScalarArray()[cell]), text)]
        }
        return writes.map { p in
            let c = coordinates(of: p, in: index.shape)
            let via = c.enumerated().map { $0.offset == d ? "[index\(subscriptText(c))]" : "[\($0.element)]" }.joined()
            return "self\(via) = self\(subscriptText(target)) = " + style.bold(formatScalar(value))
        }
    }

    static func untouched(_ name: String, _ before: String, _ text: Text) -> String {
        text("no entry of index points at \(name): it keeps its value \(before)", "index 沒有指向 \(name)：保持原值 \(before)")
    }

    /// Row-major positions of the index entries whose write lands on `cell` of a tensor of `shape`.
    static func writes(to cell: Int, shape: [Int], dim: Int, index: Tensor) -> [Int] {
        let values = index.toInt64Array()
        return (0..<index.numel).filter { p in
            IndexWalkthrough.targetOf(shape: shape, sourceIndex: p, values: values, dim: dim,
                                      coords: coordinates(of: p, in: index.shape)) == cell
        }
    }
}

/// Tensors as the walkthroughs draw them, for callers outside `explain`.
public enum TensorGrid {
    /// A titled grid of `t` (one 2-D slice per leading coordinate); highlighted cells (row-major positions) are
    /// coloured on a terminal and bracketed without colour.
    public static func lines(_ t: Tensor, title: String, highlight: Set<Int> = [], style: Style) -> [String] {
        Grid.render(t, title: title, highlight: highlight, style: style).lines
    }

    /// Grids next to each other, top-aligned (display width aware, colour codes excluded).
    public static func sideBySide(_ grids: [[String]], gap: Int = 4) -> [String] {
        Block.sideBySide(grids.map { Block(lines: $0, width: $0.map(visibleWidth).max() ?? 0) }, gap: gap)
    }

    /// `[1][0]`: the cell at row-major position `flat` of `shape`, as the walkthroughs' formulas write it.
    public static func cellName(_ flat: Int, in shape: [Int]) -> String { subscriptText(coordinates(of: flat, in: shape)) }

    /// One element as the walkthroughs write it: `5`, `1.`, `0.25`, `True`.
    public static func scalarText(_ s: Scalar) -> String { formatScalar(s) }
}

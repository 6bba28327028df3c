import MiniTorch
import Terminal

/// `explain gather | scatter | scatter_add | index_select`: the index formula for the chosen dim and rank, the
/// tensors as grids, and for every output (or written) cell where its value came from.
///
/// Nothing here recomputes the op: the values come from the engine's own `gather`/`scatter`/`scatter_add`/
/// `index_select`, and the provenance of each cell from running the same op on a tensor of positions
/// (`arange(n).view(shape)`): gathering positions tells which input cell each output cell read; scattering
/// positions tells which source cell's write survived; scatter_add of ones counts the writes per cell.
enum IndexWalkthrough {
    enum Op: String { case gather, scatter, scatterAdd = "scatter_add", indexSelect = "index_select" }

    static let letters = ["i", "j", "k", "l"]

    static func render(_ op: Op, _ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let generator = Generator(seed: req.seed)
        // 1. The inputs: given, or small seeded defaults.
        let given = try req.input.map { try literal($0, option: "--input") }
        var givenIndex = try req.index.map { try literal($0, option: "--index") }
        let givenSrc = try req.src.map { try literal($0, option: "--src") }
        let shapeOption = try req.shape.map { try parseShape($0) }
        let defaultShape = shapeOption ?? given?.shape ?? givenIndex?.shape ?? [3, 4]
        let rank = given?.dim ?? (op == .indexSelect ? defaultShape.count : (givenIndex?.dim ?? defaultShape.count))
        guard (1...4).contains(rank) else {
            throw ExplainError.usage(text("walkthroughs show tensors of rank 1 to 4; got rank \(rank)",
                                          "逐步說明支援 1 到 4 維的張量；收到 \(rank) 維"))
        }
        let dimArg = req.dim ?? (rank >= 2 ? 1 : 0)
        guard (-rank..<rank).contains(dimArg) else {
            throw ExplainError.usage("IndexError: Dimension out of range (expected to be in range of [\(-rank), \(rank - 1)], but got \(dimArg))")
        }
        let dim = dimArg < 0 ? dimArg + rank : dimArg

        // The tensor indexed into (gather/index_select: input; scatter*: self).
        let base: Tensor
        if let given {
            base = given
        } else if op == .scatter || op == .scatterAdd, shapeOption != nil || givenIndex == nil {
            base = try engine { try Tensor.zeros(defaultShape, dtype: givenSrc?.dtype ?? .int64) }
        } else if let idx = givenIndex, op != .indexSelect {
            // Big enough for the index: the index's shape, and along dim one past its largest entry.
            var shape = idx.shape
            let largest = idx.numel > 0 ? Int(clamping: idx.toInt64Array().max() ?? 0) : 0
            if dim < shape.count { shape[dim] = max(shape[dim], min(largest + 1, 16)) }
            base = try engine {
                op == .gather ? try positions(shape, offset: 1) : try Tensor.zeros(shape, dtype: givenSrc?.dtype ?? .int64)
            }
        } else {
            base = try engine { try positions(defaultShape, offset: 1) }
        }
        if givenIndex == nil {
            let size = Int64(max(base.shape.count > dim ? base.shape[dim] : 1, 1))
            // index_select: a short 1-D index (2 or 3 entries); the others: one entry per cell of the base.
            let shape = op == .indexSelect ? [max(2, min(Int(size), 3))] : base.shape
            givenIndex = try engine { try Tensor.randint(low: 0, high: size, shape, generator: generator) }
        }
        guard let index = givenIndex else { throw ExplainError.usage("--index is required") }

        switch op {
        case .gather: return try gather(base, dim, index, text, style)
        case .indexSelect: return try indexSelect(base, dim, index, text, style)
        case .scatter, .scatterAdd:
            let src = try givenSrc ?? engine { try positions(index.shape, offset: 1).to(base.dtype) }
            return try scatter(op, base, dim, index, src, text, style)
        }
    }

    /// `arange(offset, offset + n).view(shape)`: distinct values, so every cell's origin is visible.
    static func positions(_ shape: [Int], offset: Int64 = 0) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try Tensor.arange(.int(offset), .int(offset + Int64(n))).view(shape)
    }

    static func literal(_ text: String, option: String) throws -> Tensor {
        do {
            let t = try TensorLiteral.tensor(text)
            guard t.numel <= 256 else {
                throw ExplainError.usage("\(option) has \(t.numel) elements; walkthroughs show at most 256")
            }
            return t
        } catch let e as TensorLiteral.ParseError {
            throw ExplainError.usage("\(option) '\(text)': \(e.message)")
        } catch let e as ExplainError {
            throw e
        } catch {
            throw ExplainError.engine(error)
        }
    }

    // MARK: formulas

    /// `out[i][j] = input[i][index[i][j]]` for rank 2, dim 1: the dim's coordinate is replaced by the index entry.
    static func gatherFormula(rank: Int, dim: Int, out: String = "out", input: String = "input") -> String {
        let idx = (0..<rank).map { letters[$0] }
        let indexed = "index" + idx.map { "[\($0)]" }.joined()
        let source = idx.enumerated().map { $0.offset == dim ? "[\(indexed)]" : "[\($0.element)]" }.joined()
        return "\(out)\(idx.map { "[\($0)]" }.joined()) = \(input)\(source)"
    }

    /// `self[i][index[i][j]] = src[i][j]` (scatter) or `+=` (scatter_add).
    static func scatterFormula(rank: Int, dim: Int, op: Op) -> String {
        let idx = (0..<rank).map { letters[$0] }
        let plain = idx.map { "[\($0)]" }.joined()
        let indexed = "index" + plain
        let target = idx.enumerated().map { $0.offset == dim ? "[\(indexed)]" : "[\($0.element)]" }.joined()
        return "self\(target) \(op == .scatterAdd ? "+=" : "=") src\(plain)"
    }

    static func indexSelectFormula(rank: Int, dim: Int) -> String {
        let idx = (0..<rank).map { letters[$0] }
        let source = idx.enumerated().map { $0.offset == dim ? "[index[\($0.element)]]" : "[\($0.element)]" }.joined()
        return "out\(idx.map { "[\($0)]" }.joined()) = input\(source)"
    }

    static func shapeText(_ shape: [Int]) -> String { shape.isEmpty ? "scalar" : shape.map(String.init).joined(separator: "×") }

    static func header(_ title: String, _ style: Style) -> String { style.bold(title) }

    // MARK: gather

    static func gather(_ input: Tensor, _ dim: Int, _ index: Tensor, _ text: Text, _ style: Style) throws -> Walkthrough {
        let result = try engine { try input.gather(dim, index) }
        let sources = try engine { try positions(input.shape).gather(dim, index) }.toInt64Array()
        let rank = input.dim
        var out: [String] = []
        out.append(header("torch.gather(input, dim=\(dim), index)", style) + "  " +
                   style.dim(text("rank \(rank), dim \(dim)", "\(rank) 維，dim = \(dim)")))
        out.append("")
        out.append(text("Formula (the index entry replaces coordinate \(dim); every other coordinate is copied):",
                        "公式（index 的值取代第 \(dim) 維的座標，其餘座標照抄）："))
        out.append("  " + style.cyan(gatherFormula(rank: rank, dim: dim)))
        if rank == 3 {
            out.append(text("  All three dims of a 3-D tensor:", "  三維張量的三種 dim："))
            for d in 0..<3 { out.append("    " + gatherFormula(rank: 3, dim: d) + "  # dim = \(d)") }
        }
        out.append("")
        out += Block.sideBySide([
            Grid.render(input, title: "input (\(shapeText(input.shape)))", style: style),
            Grid.render(index, title: "index (\(shapeText(index.shape)))", style: style),
            Grid.render(result, title: "out (\(shapeText(result.shape)))", style: style),
        ])
        out.append("")
        out.append(text("Where each output cell comes from:", "每個輸出格子的來源："))
        let values = result.toScalarArray()
        let indexValues = index.toInt64Array()
        for p in 0..<result.numel {
            out.append("  " + gatherCellLine(coordinates(of: p, in: result.shape), dim: dim,
                                             source: coordinates(of: Int(sources[p]), in: input.shape),
                                             value: values[p], style: style))
        }
        if let focus = interestingCell(sources: sources, outShape: result.shape, inShape: input.shape, dim: dim) {
            let c = coordinates(of: focus, in: result.shape)
            let s = Int(sources[focus])
            out.append("")
            out.append(text("For example out\(subscriptText(c)) (highlighted): index\(subscriptText(c)) = \(indexValues[focus]) picks row \(indexValues[focus]) of dim \(dim):",
                            "例如 out\(subscriptText(c))（標記處）：index\(subscriptText(c)) = \(indexValues[focus])，即第 \(dim) 維取 \(indexValues[focus])："))
            out += Block.sideBySide([
                Grid.render(input, title: "input", highlight: [s], style: style),
                Grid.render(index, title: "index", highlight: [focus], style: style),
                Grid.render(result, title: "out", highlight: [focus], style: style),
            ])
        }
        out.append("")
        out.append(text("What PyTorch checks:", "PyTorch 的檢查："))
        out.append(text("  index.dim() == input.dim()  (\(index.dim) == \(input.dim)); index must be int64",
                        "  index.dim() == input.dim()（\(index.dim) == \(input.dim)）；index 必須是 int64"))
        out.append(text("  index.size(d) <= input.size(d) for every d != \(dim)",
                        "  除了第 \(dim) 維，每一維 index.size(d) <= input.size(d)"))
        out.append(text("  0 <= index < input.size(\(dim)) = \(input.shape[dim]);  out.shape == index.shape = \(TensorFormatter.sizeString(index.shape))",
                        "  0 <= index < input.size(\(dim)) = \(input.shape[dim])；out.shape == index.shape = \(TensorFormatter.sizeString(index.shape))"))
        out.append("")
        return Walkthrough(body: out, snippet: [
            "import torch",
            "input = torch.tensor(\(pythonLiteral(input))\(dtypeArgument(input)))",
            "index = torch.tensor(\(pythonLiteral(index)))",
            "out = torch.gather(input, \(dim), index)",
            "print(out)",
        ])
    }

    // MARK: index_select

    static func indexSelect(_ input: Tensor, _ dim: Int, _ index: Tensor, _ text: Text, _ style: Style) throws -> Walkthrough {
        let result = try engine { try input.indexSelect(dim, index) }
        let sources = try engine { try positions(input.shape).indexSelect(dim, index) }.toInt64Array()
        let rank = input.dim
        var out: [String] = []
        out.append(header("torch.index_select(input, dim=\(dim), index)", style) + "  " +
                   style.dim(text("rank \(rank), dim \(dim); index is 1-D", "\(rank) 維，dim = \(dim)；index 是一維")))
        out.append("")
        out.append(text("Formula (whole slices along dim \(dim) are copied, in the order index lists them):",
                        "公式（沿第 \(dim) 維按 index 的順序整片複製）："))
        out.append("  " + style.cyan(indexSelectFormula(rank: rank, dim: dim)))
        out.append(text("  Compare gather, whose index has input's rank: ", "  對比 gather（index 與 input 同維數）：") +
                   gatherFormula(rank: rank, dim: dim))
        out.append("")
        out += Block.sideBySide([
            Grid.render(input, title: "input (\(shapeText(input.shape)))", style: style),
            Grid.render(index, title: "index (\(shapeText(index.shape)))", style: style),
            Grid.render(result, title: "out (\(shapeText(result.shape)))", style: style),
        ])
        out.append("")
        out.append(text("Where each output cell comes from:", "每個輸出格子的來源："))
        let idx = index.toInt64Array()
        let values = result.toScalarArray()
        for p in 0..<result.numel {
            let c = coordinates(of: p, in: result.shape)
            let s = coordinates(of: Int(sources[p]), in: input.shape)
            let via = c.enumerated().map { $0.offset == dim ? "[index[\($0.element)]]" : "[\($0.element)]" }.joined()
            out.append("  out\(subscriptText(c)) = input\(via) = input\(subscriptText(s)) = " +
                       style.bold(formatScalar(values[p])) + style.dim("   (index[\(c[dim])] = \(idx[c[dim]]))"))
        }
        out.append("")
        out.append(text("What PyTorch checks: index is 1-D (or 0-D), int64 or int32, and 0 <= index < input.size(\(dim)) = \(input.shape[dim]).",
                        "PyTorch 的檢查：index 是一維（或零維）的 int64/int32，且 0 <= index < input.size(\(dim)) = \(input.shape[dim])。"))
        out.append("")
        return Walkthrough(body: out, snippet: [
            "import torch",
            "input = torch.tensor(\(pythonLiteral(input))\(dtypeArgument(input)))",
            "index = torch.tensor(\(pythonLiteral(index)))",
            "out = torch.index_select(input, \(dim), index)",
            "print(out)",
        ])
    }

    // MARK: scatter / scatter_add

    static func scatter(_ op: Op, _ base: Tensor, _ dim: Int, _ index: Tensor, _ src: Tensor,
                        _ text: Text, _ style: Style) throws -> Walkthrough {
        let isAdd = op == .scatterAdd
        let result = try engine { isAdd ? try base.scatterAdd(dim, index, src) : try base.scatter(dim, index, src) }
        // Which write survived in each cell (-1: untouched), and how many writes each cell received.
        let writers = try engine {
            try Tensor.full(base.shape, .int(-1), dtype: .int64).scatter(dim, index, positions(index.shape))
        }.toInt64Array()
        let counts = try engine {
            try Tensor.zeros(base.shape, dtype: .int64).scatterAdd(dim, index, Tensor.full(index.shape, .int(1), dtype: .int64))
        }.toInt64Array()
        let rank = base.dim
        let name = isAdd ? "scatter_add_" : "scatter_"
        var out: [String] = []
        out.append(header("self.\(name)(dim=\(dim), index, src)", style) + "  " +
                   style.dim(text("rank \(rank), dim \(dim)", "\(rank) 維，dim = \(dim)")))
        out.append("")
        out.append(isAdd
            ? text("Formula (the reverse of gather: src's cells are added into the cell the index names along dim \(dim)):",
                   "公式（gather 的反方向：src 的每格沿第 \(dim) 維加到 index 指定的位置）：")
            : text("Formula (the reverse of gather: src's cells are written to the cell the index names along dim \(dim)):",
                   "公式（gather 的反方向：src 的每格沿第 \(dim) 維寫到 index 指定的位置）："))
        out.append("  " + style.cyan(scatterFormula(rank: rank, dim: dim, op: op)))
        if rank == 3 {
            out.append(text("  All three dims of a 3-D tensor:", "  三維張量的三種 dim："))
            for d in 0..<3 { out.append("    " + scatterFormula(rank: 3, dim: d, op: op) + "  # dim = \(d)") }
        }
        out.append("")
        let written = Set((0..<counts.count).filter { counts[$0] > 0 })
        out += Block.sideBySide([
            Grid.render(base, title: "self " + text("before", "之前") + " (\(shapeText(base.shape)))", style: style),
            Grid.render(index, title: "index (\(shapeText(index.shape)))", style: style),
            Grid.render(src, title: "src (\(shapeText(src.shape)))", style: style),
            Grid.render(result, title: "self " + text("after", "之後"), highlight: written, style: style),
        ])
        out.append(style.dim(text("  (written cells are highlighted; the rest keep their values)",
                                  "  （被寫入的格子已標記；其餘保持原值）")))
        out.append("")
        out.append(text("Every write, in memory order of index:", "依 index 的記憶體順序列出每次寫入："))
        let srcValues = src.toScalarArray()
        let srcShape = src.shape
        var targetsOf: [Int: [Int]] = [:]
        let indexValues = index.toInt64Array()
        for p in 0..<index.numel {
            let c = coordinates(of: p, in: index.shape)
            guard let t = targetOf(shape: base.shape, sourceIndex: p, values: indexValues, dim: dim, coords: c) else { continue }
            targetsOf[t, default: []].append(p)
            out.append("  " + scatterWriteLine(c, dim: dim, target: coordinates(of: t, in: base.shape), add: isAdd,
                                               srcValues: srcValues, srcShape: srcShape, style: style))
        }
        let collisions = targetsOf.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
        if !collisions.isEmpty {
            out.append("")
            out.append(text("Cells written more than once:", "被寫入多次的格子："))
            let resultValues = result.toScalarArray()
            let baseValues = base.toScalarArray()
            for (cell, writes) in collisions {
                let cc = subscriptText(coordinates(of: cell, in: base.shape))
                let srcTexts = writes.map { "src" + subscriptText(coordinates(of: $0, in: index.shape)) }
                if isAdd {
                    out.append("  self\(cc) = \(formatScalar(baseValues[cell])) + " + srcTexts.joined(separator: " + ") +
                               " = " + style.bold(formatScalar(resultValues[cell])))
                } else {
                    let winner = Int(writers[cell])
                    out.append("  self\(cc) ← " + srcTexts.joined(separator: ", ") + "; " +
                               text("kept: ", "留下：") + "src" + subscriptText(coordinates(of: winner, in: index.shape)) +
                               " = " + style.bold(formatScalar(resultValues[cell])))
                }
            }
            if !isAdd {
                out.append(style.yellow(text(
                    "  PyTorch does not specify which colliding write wins (here, on the CPU, the last one in memory order). Use scatter_add_ or scatter_reduce_ to combine them.",
                    "  多次寫入同一格時，PyTorch 不保證哪一次留下（此處在 CPU 上是記憶體順序的最後一次）。要合併請用 scatter_add_ 或 scatter_reduce_。")))
            }
        }
        out.append("")
        out.append(text("What PyTorch checks:", "PyTorch 的檢查："))
        out.append(text("  index, src and self have the same number of dims; index is int64; self.dtype == src.dtype",
                        "  index、src、self 維數相同；index 是 int64；self.dtype == src.dtype"))
        out.append(text("  index.size(d) <= src.size(d) for every d, and <= self.size(d) for every d != \(dim)",
                        "  每一維 index.size(d) <= src.size(d)；除第 \(dim) 維外 index.size(d) <= self.size(d)"))
        out.append(text("  0 <= index < self.size(\(dim)) = \(base.shape[dim]); only index's shape of src is read",
                        "  0 <= index < self.size(\(dim)) = \(base.shape[dim])；只讀取 src 中 index 形狀的部分"))
        out.append("")
        return Walkthrough(body: out, snippet: [
            "import torch",
            "x = torch.tensor(\(pythonLiteral(base))\(dtypeArgument(base)))",
            "index = torch.tensor(\(pythonLiteral(index)))",
            "src = torch.tensor(\(pythonLiteral(src))\(dtypeArgument(src)))",
            "x.\(name)(\(dim), index, src)",
            "print(x)",
        ])
    }

    /// `out[1][0] = input[1][index[1][0]] = input[1][1] = 5`: where gather's output cell `c` read its value.
    static func gatherCellLine(_ c: [Int], dim: Int, source s: [Int], value: Scalar, style: Style) -> String {
        let viaIndex = c.enumerated().map { $0.offset == dim ? "[index\(subscriptText(c))]" : "[\($0.element)]" }.joined()
        return "out\(subscriptText(c)) = input\(viaIndex) = input\(subscriptText(s)) = " + style.bold(formatScalar(value))
    }

    /// `self[0][index[0][1]] = self[0][2] += src[0][1] = 4`: one write of scatter (`=`) or scatter_add (`+=`).
    static func scatterWriteLine(_ c: [Int], dim: Int, target: [Int], add: Bool, srcValues: [Scalar], srcShape: [Int],
                                 style: Style) -> String {
        let via = c.enumerated().map { $0.offset == dim ? "[index\(subscriptText(c))]" : "[\($0.element)]" }.joined()
        let sflat = flatPosition(c, in: srcShape)
        let value = sflat < srcValues.count ? formatScalar(srcValues[sflat]) : "?"
        return "self\(via) = self\(subscriptText(target)) \(add ? "+=" : "=") src\(subscriptText(c)) = " + style.bold(value)
    }

    /// The cell of `self` that source position `p` writes to: `coords` with coordinate `dim` replaced by index[p].
    /// (Read from the index; the engine's scatter above has already validated every entry.)
    static func targetOf(shape: [Int], sourceIndex p: Int, values: [Int64], dim: Int, coords: [Int]) -> Int? {
        guard p < values.count else { return nil }
        var target = coords
        var v = Int(values[p])
        if v < 0 { v += shape[dim] }
        guard v >= 0, v < shape[dim] else { return nil }
        target[dim] = v
        return flatPosition(target, in: shape)
    }

    /// An output cell whose source differs from its own coordinates (the instructive kind), else the first.
    static func interestingCell(sources: [Int64], outShape: [Int], inShape: [Int], dim: Int) -> Int? {
        guard !sources.isEmpty else { return nil }
        for p in 0..<sources.count {
            let c = coordinates(of: p, in: outShape)
            let s = coordinates(of: Int(sources[p]), in: inShape)
            if c != s { return p }
        }
        return 0
    }

    /// `, dtype=torch.float64` when `torch.tensor` of the literal would infer another dtype.
    static func dtypeArgument(_ t: Tensor) -> String {
        switch t.dtype {
        case .int64, .bool: return ""
        case .float32: return DType.defaultFloat == .float32 ? "" : ", dtype=torch.float32"
        default: return ", dtype=\(t.dtype.description)"
        }
    }

}

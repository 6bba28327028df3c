import MiniTorch
import Terminal

/// `explain im2col` and `explain conv2d`: how a convolution becomes one matrix product. The column matrix is the
/// engine's own `unfold` (F.unfold, Caffe/PyTorch layout: rows = C·kh·kw, columns = output positions); which input
/// cell fed each entry is read from unfolding a tensor of positions (1-based, so 0 marks padding); the conv2d
/// output is the engine's GEMM of the kernel matrix with those columns, checked against its direct convolution.
enum ConvWalkthrough {
    static func render(conv: Bool, _ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let (k, s, p, d, c) = (req.kernel, req.stride, req.padding, req.dilation, req.channels)
        for (name, v, range) in [("--kernel", k, 1...5), ("--stride", s, 1...4), ("--padding", p, 0...3),
                                 ("--dilation", d, 1...3), ("--channels", c, 1...3), ("--out-channels", req.outChannels, 1...4)] {
            guard range.contains(v) else {
                throw ExplainError.usage("\(name) must be from \(range.lowerBound) to \(range.upperBound) for a walkthrough, got \(v)")
            }
        }
        // The input: given ([C, H, W] or [H, W] or [1, C, H, W]), or 1, 2, 3, … in --channels × --shape (default 4x4).
        var input: Tensor
        if let literal = req.input {
            input = try IndexWalkthrough.literal(literal, option: "--input")
            input = try engine { input.dtype.isFloatingPoint ? input : input.to(.float32) }
            switch input.dim {
            case 2: input = try engine { try input.view([1, 1] + input.shape) }
            case 3: input = try engine { try input.view([1] + input.shape) }
            case 4 where input.shape[0] == 1: break
            default:
                throw ExplainError.usage(text("--input must be [H, W], [C, H, W] or [1, C, H, W]; got shape \(input.shape)",
                                              "--input 的形狀須為 [H, W]、[C, H, W] 或 [1, C, H, W]；收到 \(input.shape)"))
            }
        } else {
            let hw = try req.shape.map { try parseShape($0) } ?? [4, 4]
            guard hw.count == 2 else { throw ExplainError.usage("--shape takes H×W for a convolution, like 4x4") }
            input = try engine { try IndexWalkthrough.positions([1, c] + hw, offset: 1).to(.float32) }
        }
        let (C, H, W) = (input.shape[1], input.shape[2], input.shape[3])
        guard C * H * W <= 64 else {
            throw ExplainError.usage(text("a walkthrough shows inputs of at most 64 values; this one has \(C * H * W)",
                                          "逐步說明最多顯示 64 個輸入值；此輸入有 \(C * H * W) 個"))
        }
        let cols = try engine { try input.unfold2d(kernel: (k, k), dilation: (d, d), padding: (p, p), stride: (s, s)) }
        let sources = try engine {
            try IndexWalkthrough.positions([1, C, H, W], offset: 1).to(.float32)
                .unfold2d(kernel: (k, k), dilation: (d, d), padding: (p, p), stride: (s, s))
        }.toInt64Array()
        let Ho = (H + 2 * p - d * (k - 1) - 1) / s + 1
        let Wo = (W + 2 * p - d * (k - 1) - 1) / s + 1
        let L = Ho * Wo
        let rows = C * k * k
        let cv = cols.toScalarArray()

        var out: [String] = []
        let title = conv ? "F.conv2d = im2col (F.unfold) + GEMM" : "im2col (F.unfold)"
        out.append(style.bold(title) + "  " + style.dim("input 1×\(C)×\(H)×\(W), kernel \(k)×\(k), stride \(s), padding \(p), dilation \(d)"))
        out.append("")
        out.append(text("Output size (each spatial dim):", "輸出大小（每個空間維度）："))
        out.append("  " + style.cyan("H_out = ⌊(H + 2·padding − dilation·(k − 1) − 1) / stride⌋ + 1"))
        out.append("        = ⌊(\(H) + 2·\(p) − \(d)·(\(k) − 1) − 1) / \(s)⌋ + 1 = \(Ho)")
        out.append("  W_out = ⌊(\(W) + 2·\(p) − \(d)·(\(k) − 1) − 1) / \(s)⌋ + 1 = \(Wo)")
        out.append(text("  → L = H_out·W_out = \(L) patches, each C·kh·kw = \(C)·\(k)·\(k) = \(rows) values",
                        "  → L = H_out·W_out = \(L) 個視窗，每個 C·kh·kw = \(C)·\(k)·\(k) = \(rows) 個值"))
        out.append("")
        // The input, with the first patch highlighted.
        let firstPatch = Set((0..<rows).compactMap { r -> Int? in
            let v = sources[r * L]
            return v > 0 ? Int(v - 1) : nil
        })
        var blocks: [Block] = []
        for ch in 0..<C {
            let plane = try engine { try input.select(1, ch).select(0, 0).contiguous() }
            let marks = Set(firstPatch.filter { $0 / (H * W) == ch }.map { $0 % (H * W) })
            blocks.append(Grid.render(plane, title: "input[0][\(ch)]", highlight: marks, style: style))
        }
        out += Block.sideBySide(blocks)
        out.append(style.dim(text("  (highlighted: the first patch, column 0)", "  （標記處：第一個視窗，即第 0 欄）")))
        out.append("")
        out.append(text("Patches (column l is the window at output position (l ÷ W_out, l mod W_out)):",
                        "各視窗（第 l 欄是輸出位置 (l ÷ W_out, l mod W_out) 的視窗）："))
        for l in 0..<L {
            let (oh, ow) = (l / Wo, l % Wo)
            let values = (0..<rows).map { formatScalar(cv[$0 * L + l]) }
            let top = oh * s - p, left = ow * s - p
            let span = "rows \(top)…\(top + d * (k - 1)), cols \(left)…\(left + d * (k - 1))"
            out.append("  l=\(l) (\(oh),\(ow)): \(span)" + (d > 1 ? " step \(d)" : "") + " → [" + values.joined(separator: ", ") + "]")
        }
        if p > 0 { out.append(style.dim(text("  (positions outside the input are padding and read as 0)", "  （超出輸入的位置是 padding，讀作 0）"))) }
        out.append("")
        // The column matrix with row labels (c, i, j).
        out.append(text("Column matrix, Caffe/PyTorch layout: \(rows) rows (c, i, j) × \(L) columns (patches):",
                        "欄矩陣（Caffe/PyTorch 佈局）：\(rows) 列 (c, i, j) × \(L) 欄（視窗）："))
        let colTensor = try engine { try cols.select(0, 0).contiguous() }
        let grid = Grid.render(colTensor, title: "", highlight: Set((0..<rows).map { $0 * L }), style: style)
        let labels = Block(plain: [""] + (0..<rows).map { r in "(\(r / (k * k)),\(r / k % k),\(r % k))" })
        out += Block.sideBySide([labels, grid], gap: 1).filter { !$0.isEmpty }
        out.append("")
        out.append(text("TensorFlow (NHWC, tf.image.extract_patches) keeps each patch as one row of length kh·kw·C in (i, j, c) order:",
                        "TensorFlow（NHWC，tf.image.extract_patches）把每個視窗存成一列，長度 kh·kw·C，順序為 (i, j, c)："))
        for l in 0..<min(L, 3) {
            var tf: [String] = []
            for i in 0..<k { for j in 0..<k { for ch in 0..<C { tf.append(formatScalar(cv[(ch * k * k + i * k + j) * L + l])) } } }
            out.append("  patches[0][\(l / Wo)][\(l % Wo)] = [" + tf.joined(separator: ", ") + "]")
        }
        if L > 3 { out.append("  …") }
        out.append(text("  Same numbers, transposed and reordered: the layout decides which reads are contiguous in memory.",
                        "  數字相同，只是轉置並重排：佈局決定哪些讀取在記憶體中連續。"))

        var snippet = [
            "import torch",
            "import torch.nn.functional as F",
            "x = torch.tensor(\(pythonLiteral(input)))",
            "cols = F.unfold(x, kernel_size=\(k), dilation=\(d), padding=\(p), stride=\(s))",
            "print(cols.shape)",
            "print(cols)",
        ]
        if conv {
            let O = req.outChannels
            let weight = try engine {
                try Tensor.randint(low: -1, high: 2, [O, C, k, k], generator: Generator(seed: req.seed)).to(.float32)
            }
            let kernelMatrix = try engine { try weight.view([O, rows]) }
            let product = try engine { try kernelMatrix.mm(colTensor) }
            let output = try engine { try product.view([1, O, Ho, Wo]) }
            let direct = try engine {
                try Tensor.conv2dReference(input, weight, stride: (s, s), padding: (p, p), dilation: (d, d))
            }
            let same = try engine { try output.allclose(direct) }
            out.append("")
            out.append(text("Kernel matrix: the \(O) filters, each flattened to a row of C·kh·kw = \(rows) (Caffe: one row per output channel):",
                            "卷積核矩陣：\(O) 個濾波器各攤平成一列，長 C·kh·kw = \(rows)（Caffe：每個輸出通道一列）："))
            out += Grid.render(kernelMatrix, title: "W (\(O)×\(rows))", style: style).lines
            out.append("")
            out.append(text("GEMM: W (\(O)×\(rows)) · cols (\(rows)×\(L)) = out (\(O)×\(L)); row o reshaped to H_out×W_out is output channel o:",
                            "矩陣乘法：W (\(O)×\(rows)) · cols (\(rows)×\(L)) = out (\(O)×\(L))；第 o 列重塑成 H_out×W_out 就是第 o 個輸出通道："))
            out += Grid.render(product, title: "W · cols", style: style).lines
            out.append("")
            var outBlocks: [Block] = []
            for o in 0..<O {
                outBlocks.append(Grid.render(try engine { try output.select(1, o).select(0, 0).contiguous() }, title: "out[0][\(o)]", style: style))
            }
            out += Block.sideBySide(outBlocks)
            out.append(text("  The direct (seven-loop) convolution gives the same: \(same ? "yes" : "NO")",
                            "  直接的（七層迴圈）卷積結果相同：\(same ? "是" : "否")"))
            out.append("")
            let macs = O * rows * L
            out.append(text("Cost: both ways do O·C·kh·kw·L = \(O)·\(C)·\(k)·\(k)·\(L) = \(macs) multiply-adds; im2col trades memory for one big GEMM:",
                            "成本：兩種做法都是 O·C·kh·kw·L = \(O)·\(C)·\(k)·\(k)·\(L) = \(macs) 次乘加；im2col 用記憶體換來一次大矩陣乘法："))
            let expansion = Double(rows * L) / Double(C * H * W)
            out.append(text("  the column matrix holds \(rows)·\(L) = \(rows * L) values for an input of \(C * H * W) (×\(String(format: "%.2f", expansion))), but the GEMM runs on contiguous memory with blocked SIMD kernels.",
                            "  欄矩陣有 \(rows)·\(L) = \(rows * L) 個值，輸入只有 \(C * H * W) 個（×\(String(format: "%.2f", expansion))），但 GEMM 在連續記憶體上以分塊 SIMD 核心執行。"))
            snippet = [
                "import torch",
                "import torch.nn.functional as F",
                "x = torch.tensor(\(pythonLiteral(input)))",
                "w = torch.tensor(\(pythonLiteral(weight)))",
                "cols = F.unfold(x, kernel_size=\(k), dilation=\(d), padding=\(p), stride=\(s))",
                "out = (w.view(\(O), -1) @ cols).view(1, \(O), \(Ho), \(Wo))",
                "print(out)",
                "print(torch.allclose(out, F.conv2d(x, w, stride=\(s), padding=\(p), dilation=\(d))))",
            ]
        } else {
            out.append("")
            out.append(text("Memory: \(rows)·\(L) = \(rows * L) values in the column matrix for an input of \(C * H * W); every input value appears once per window that covers it.",
                            "記憶體：欄矩陣有 \(rows)·\(L) = \(rows * L) 個值，輸入只有 \(C * H * W) 個；每個輸入值在每個覆蓋它的視窗中各出現一次。"))
        }
        out.append("")
        return Walkthrough(body: out, snippet: snippet)
    }
}

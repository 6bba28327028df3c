import Foundation
import MiniTorch
import Terminal

/// `explain tensor-vs-Tensor`: the dtype each constructor gives the same data and which results share memory
/// with a numpy array. Every result is made by the engine with the calls the snippet module makes for the
/// constructor (`torch.tensor`/`as_tensor` on a list: `Tensor.fromNested` inferring the dtype; `torch.Tensor`: the
/// same with the default float dtype; `torch.from_numpy`/`as_tensor` on an array: a tensor over the array's own
/// storage; `torch.tensor(a)`: a copy), then the array is written in place and each tensor is read again.
enum TensorVsTensorWalkthrough {
    /// Larger inputs make the tables unreadable.
    static let maxElements = 24

    static func render(_ req: ExplainRequest) throws -> Walkthrough {
        let text = Text(language: req.language)
        let style = req.style
        let source = req.input ?? "[1, 2, 3]"
        let data: NestedData
        do { data = try TensorLiteral.parse(source) } catch {
            throw ExplainError.usage("--input: \(error) in '\(source)'")
        }
        guard case .list(let top) = data, !top.isEmpty else {
            throw ExplainError.usage("--input must be a non-empty list like [1, 2, 3], got '\(source)'")
        }

        // 1. From the list.
        let fromTensor = try engine { try Tensor.fromNested(data) }
        guard fromTensor.numel > 0, fromTensor.numel <= maxElements else {
            throw ExplainError.usage("--input must have 1 to \(maxElements) numbers, got \(fromTensor.numel)")
        }
        let fromLegacy = try engine { try Tensor.fromNested(data, dtype: DType.defaultFloat) }
        let fromAsTensor = try engine { try Tensor.fromNested(data) }
        // The rule behind the dtype the engine's own inference (torch.tensor's) just chose.
        let rule: String
        if fromTensor.dtype.isFloatingPoint {
            rule = text("a float among the data → the default float dtype", "資料中有浮點數 → 預設浮點 dtype")
        } else if fromTensor.dtype == .bool {
            rule = text("all bools → bool", "全是布林 → bool")
        } else {
            rule = text("all integers → int64", "全是整數 → int64")
        }

        var out: [String] = []
        out.append(style.bold(text("torch.tensor vs torch.Tensor (and torch.as_tensor, torch.from_numpy) on data = \(source)",
                                   "torch.tensor 與 torch.Tensor（以及 torch.as_tensor、torch.from_numpy），data = \(source)")))
        out.append("")
        out.append(text("1. From the Python list: each constructor's result, made by the engine",
                        "1. 從 Python list 建立：引擎實際產生的結果"))
        out += alignedRows([
            ["torch.tensor(data)", nestedText(fromTensor), style.cyan(fromTensor.dtype.description),
             text("infers the dtype from the data: ", "從資料推斷 dtype：") + rule],
            ["torch.Tensor(data)", nestedText(fromLegacy), style.cyan(fromLegacy.dtype.description),
             text("the legacy constructor of the default tensor type (\(fromLegacy.dtype.typeString)): always \(DType.defaultFloat.shortName)",
                  "預設張量型別（\(fromLegacy.dtype.typeString)）的舊式建構子：一律 \(DType.defaultFloat.shortName)")],
            ["torch.as_tensor(data)", nestedText(fromAsTensor), style.cyan(fromAsTensor.dtype.description),
             text("a list has no memory to share: a new tensor, inferred like torch.tensor",
                  "list 沒有可共用的記憶體：建立新張量，dtype 推斷同 torch.tensor")],
        ])
        out.append(text("  torch.tensor's rule: all integers → int64; any float → \(DType.defaultFloat.shortName) (the default dtype); all bools → bool.",
                        "  torch.tensor 的規則：全是整數 → int64；有浮點數 → \(DType.defaultFloat.shortName)（預設 dtype）；全是布林 → bool。"))
        out.append("")

        // 2. From a numpy array: numpy keeps float64 where torch.tensor would pick float32.
        let inferred = fromTensor.dtype
        let numpyDType: DType = inferred.isFloatingPoint ? .float64 : inferred
        let a = try engine { try Tensor.fromNested(data, dtype: numpyDType) }
        let fromNumpy = Tensor(storage: a.storage, layout: a.layout)
        let asTensor = Tensor(storage: a.storage, layout: a.layout)
        let copied = a.detach().to(a.dtype, copy: true)
        let legacyCopy = a.detach().to(DType.defaultFloat, copy: true)
        let made: [(code: String, tensor: Tensor, why: String)] = [
            ("torch.from_numpy(a)", fromNumpy, text("always shares; keeps numpy's dtype", "一定共用；保留 numpy 的 dtype")),
            ("torch.as_tensor(a)", asTensor, text("shares when dtype and device already match (they do here)",
                                                  "dtype 與裝置都相符時共用（此處相符）")),
            ("torch.tensor(a)", copied, text("always copies; keeps a's dtype", "一定複製；保留 a 的 dtype")),
            ("torch.Tensor(a)", legacyCopy, text("copies, converting to \(DType.defaultFloat.shortName)", "複製並轉成 \(DType.defaultFloat.shortName)")),
        ]
        let numpyNote = inferred.isFloatingPoint
            ? text("numpy's default float is float64, not float32", "numpy 的預設浮點是 float64，不是 float32")
            : text("numpy infers \(numpyDType.shortName) like torch.tensor", "numpy 推斷為 \(numpyDType.shortName)，與 torch.tensor 相同")
        out.append(text("2. From a numpy array a = np.array(data), dtype \(numpyDType.shortName) (\(numpyNote)):",
                        "2. 從 numpy 陣列 a = np.array(data) 建立，dtype \(numpyDType.shortName)（\(numpyNote)）："))
        func shares(_ t: Tensor) -> Bool { t.storage === a.storage }
        out += alignedRows(made.map { m in
            [m.code, style.cyan(m.tensor.dtype.description),
             shares(m.tensor) ? style.bold(text("shares a's memory", "與 a 共用記憶體")) : text("copy", "複製"), m.why]
        })
        out.append("")

        // 3. Write into the array in place and read every tensor again.
        let before = made.map { nestedText($0.tensor) }
        let newValue = replacement(for: a)
        try engine { try a.indexPut([.int(0)], newValue) }
        out.append(text("3. a[0] = \(formatPython(newValue)) writes into the array's memory. Read every tensor again:",
                        "3. a[0] = \(formatPython(newValue)) 直接寫入陣列的記憶體。重新讀取每個張量："))
        out.append("  a = " + NumpyFormatter.str(a).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "))
        out += alignedRows(made.enumerated().map { i, m in
            let now = nestedText(m.tensor)
            let changed = now != before[i]
            return [m.code, changed && style.enabled ? style.highlight(now) : now,  // the text says "changed" without colour
                    changed ? text("changed: it is a's memory", "改變了：它就是 a 的記憶體")
                            : text("unchanged: its own copy", "沒變：它有自己的副本")]
        })
        out.append(text("  Sharing works both ways: an in-place op on torch.from_numpy(a) changes a as well.",
                        "  共用是雙向的：對 torch.from_numpy(a) 做原地運算，a 也會跟著變。"))
        out.append("")

        // 4. One integer.
        let sized = Tensor(zeros: [3], dtype: DType.defaultFloat)
        let scalar = try engine { try Tensor.fromNested(.scalar(.int(3))) }
        out.append(text("4. One integer: torch.Tensor(3) vs torch.tensor(3)", "4. 只給一個整數：torch.Tensor(3) 與 torch.tensor(3)"))
        out += alignedRows([
            ["torch.Tensor(3)", "shape \(TensorFormatter.sizeString(sized.shape))", "dim \(sized.dim)", sized.dtype.description,
             text("the integer is a size: 3 uninitialised elements", "整數是形狀：3 個未初始化的元素")],
            ["torch.tensor(3)", torchStr(scalar), "dim \(scalar.dim)", scalar.dtype.description,
             text("the integer is the data: a 0-d tensor", "整數是資料：0 維張量")],
        ])
        out.append(text("  Prefer torch.tensor(data) for data, torch.zeros/empty(size) for sizes; torch.Tensor is the legacy spelling of both.",
                        "  資料用 torch.tensor(data)，形狀用 torch.zeros/empty(size)；torch.Tensor 是兩者的舊式寫法。"))
        out.append("")

        var s = Script(["import numpy as np", "import torch", "data = \(data)"])
        s.print(("torch.tensor(data).dtype", fromTensor.dtype.description), ("torch.Tensor(data).dtype", fromLegacy.dtype.description),
                ("torch.as_tensor(data).dtype", fromAsTensor.dtype.description))
        s.line("a = np.array(data)")
        let names = ["t_from", "t_as", "t_copy", "t_legacy"]
        for (name, m) in zip(names, made) { s.line("\(name) = \(m.code)") }
        s.print(("a.dtype", numpyDType.shortName), ("t_from.dtype", fromNumpy.dtype.description), ("t_as.dtype", asTensor.dtype.description),
                ("t_copy.dtype", copied.dtype.description), ("t_legacy.dtype", legacyCopy.dtype.description))
        s.line("a[0] = \(formatPython(newValue))")
        for (name, m) in zip(names, made) { s.print((name, torchStr(m.tensor))) }
        s.print(("torch.Tensor(3).shape", TensorFormatter.sizeString(sized.shape)), ("torch.tensor(3)", torchStr(scalar)),
                ("torch.tensor(3).dim()", String(scalar.dim)))
        return s.walkthrough(out)
    }

    /// The value written into `a[0]`: one that differs from the first element, so the change shows.
    static func replacement(for a: Tensor) -> Scalar {
        let first = a.toScalarArray().first ?? .int(0)
        switch (a.dtype, first) {
        case (.bool, .bool(let b)): return .bool(!b)
        case (_, _) where a.dtype.isFloatingPoint: return .double(first.asDouble == 100 ? -100 : 100)
        default: return .int(first.asDouble == 100 ? -100 : 100)
        }
    }

    /// A Python literal for a scalar (`100`, `100.0`, `True`).
    static func formatPython(_ s: Scalar) -> String {
        switch s {
        case .bool(let b): return pyBool(b)
        case .int(let i): return String(i)
        case .double(let d): return NestedData.scalar(.double(d)).description
        }
    }
}

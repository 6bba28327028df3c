import Testing
@testable import MiniTorch

/// Runs the cases recorded by Scripts/record_format_cases.py (PyTorch 2.15.0 / numpy 2.4.6 output).
@Suite(.serialized) struct FormatRecordedRunnerTests {
    static func tensor(_ c: RecordedFormatCase) -> Tensor {
        let dt = DType(name: c.dtype) ?? .float32
        let t = Tensor(zeros: c.shape, dtype: dt)
        for (i, v) in c.values.enumerated() { t.storage.write(dt.isFloatingPoint ? .double(v) : .int(Int64(v)), at: i) }
        return t
    }

    @Test(arguments: recordedFormatCases.indices)
    func torchRepr(_ i: Int) {
        let c = recordedFormatCases[i]
        var o = PrintOptions()
        if let p = c.precision { o.precision = p }
        if let s = c.sciMode { o.sciMode = s }
        if let l = c.linewidth { o.linewidth = l }
        if let t = c.threshold { o.threshold = t }
        if let e = c.edgeitems { o.edgeitems = e }
        #expect(TensorFormatter.repr(Self.tensor(c), options: o) == c.torch, "case \(i)")
    }

    @Test(arguments: recordedFormatCases.indices)
    func numpy(_ i: Int) {
        let c = recordedFormatCases[i]
        guard let s = c.npStr, let r = c.npRepr else { return }
        let t = Self.tensor(c)
        #expect(NumpyFormatter.str(t) == s, "case \(i)")
        #expect(NumpyFormatter.repr(t) == r, "case \(i)")
    }
}

import Testing
import Terminal
@testable import Explain

/// dataparallel, ddp, backward, tensor-vs-Tensor, train-eval, graph and variable-scope with colour on carry the same text as without: stripping the escapes from the
/// coloured rendering and the bracket markers from the plain one gives the same characters on every line.
struct NewWalkthroughColourTests {
    func strip(_ s: String) -> [String] {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var out = ""
            var escape = false
            for ch in line {
                if escape { if ch == "m" { escape = false }; continue }
                if ch == "\u{1B}" { escape = true; continue }
                out.append(ch)
            }
            return out
        }
    }

    @Test(arguments: ["dataparallel", "ddp", "backward", "tensor-vs-Tensor", "train-eval", "graph", "variable-scope"])
    func colourMatchesPlain(_ op: String) throws {
        for language in [ExplainLanguage.en, .zh] {
            var plainRequest = ExplainRequest()
            plainRequest.language = language
            var colourRequest = plainRequest
            colourRequest.style = Style(enabled: true)
            let plain = try Explainer.explain(op, plainRequest).rendered(language: language, style: Style(enabled: false))
            let coloured = try Explainer.explain(op, colourRequest).rendered(language: language, style: Style(enabled: true))
            #expect(coloured.contains("\u{1B}["))
            let a = strip(coloured), b = plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(a.count == b.count)
            func squeeze(_ s: String) -> String { s.filter { !"[] ".contains($0) } }
            for (x, y) in zip(a, b) { #expect(squeeze(x) == squeeze(y), "\(op) \(language): \(y)") }
        }
    }
}

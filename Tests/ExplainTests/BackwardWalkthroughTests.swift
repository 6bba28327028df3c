import Testing
import Terminal
@testable import Explain

/// `explain backward`. Expected gradients and node names were checked against real PyTorch 2.15 by running the
/// walkthroughs' snippets (seed 0) under /work/venv/bin/python:
///   mul-add-sum: y = tensor(11., grad_fn=<SumBackward0>), w.grad = tensor([ 1.,  0., -3.]), b.grad = tensor(3.),
///                z.grad = tensor([1., 1., 1.])
///   mse:         y = tensor(8., grad_fn=<MseLossBackward0>), w.grad = tensor([ 1.3333,  0.0000, -8.0000]),
///                b.grad = tensor(5.3333)
/// The tree and prose are the walkthrough's own, reviewed by hand.
struct BackwardWalkthroughTests {
    func request(_ configure: (inout ExplainRequest) -> Void) -> ExplainRequest {
        var r = ExplainRequest()
        configure(&r)
        return r
    }

    @Test func mulAddSumGraphAndGrads() throws {
        let w = try Explainer.explain("backward", ExplainRequest())
        let text = w.rendered(language: .en, style: Style(enabled: false))
        #expect(text.contains("""
              SumBackward0  (made y)
              └─ AddBackward0  (made z)
                 ├─ MulBackward0  (made u)
                 │  ├─ None  (an input that does not require grad)
                 │  └─ AccumulateGrad  → accumulates into w.grad
                 └─ AccumulateGrad  → accumulates into b.grad
            """))
        #expect(w.body.contains("  w.is_leaf = True   w.grad = [1., 0., -3.]"))
        #expect(w.body.contains("  b.is_leaf = True   b.grad = 3."))
        #expect(w.body.contains("  u.is_leaf = False  u.grad = None  (non-leaf: .grad is not kept; reading it warns)"))
        #expect(w.body.contains("  z.is_leaf = False  z.grad = [1., 1., 1.]  (non-leaf, kept by retain_grad())"))
        #expect(w.body.contains("  w.grad: [1., 0., -3.] → [2., 0., -6.]"))
        #expect(w.body.contains("  b.grad: 3. → 6."))
        #expect(w.snippet.contains("w = torch.tensor([-1.0, -2.0, -1.0], requires_grad=True)"))
        #expect(w.snippet.contains("y.backward()"))
    }

    @Test func mseAndReluNodes() throws {
        let mse = try Explainer.explain("backward", request { $0.expr = "mse" }).body
        #expect(mse.contains("  MseLossBackward0  (made y)"))
        #expect(mse.contains("  w.is_leaf = True   w.grad = [1.3333, 0., -8.]"))
        let relu = try Explainer.explain("backward", request { $0.expr = "relu"; $0.seed = 3 }).body
        #expect(relu.contains("  └─ ReluBackward0  (made r)"))
    }

    @Test func dot() throws {
        let w = try Explainer.explain("backward", request { $0.dot = true })
        #expect(w.snippet.isEmpty)
        #expect(w.body.first == "digraph autograd {")
        #expect(w.body.contains("  n3 [label=\"AccumulateGrad\\n(w)\", style=filled, fillcolor=lightblue];"))
        #expect(w.body.contains("  n1 -> n0;"))
        #expect(w.body.last == "}")
    }

    @Test func chinese() throws {
        let b = try Explainer.explain("backward", request { $0.language = .zh }).body
        #expect(b.contains("  z.is_leaf = False  z.grad = [1., 1., 1.]（非葉節點，因 retain_grad() 而保留）"))
        #expect(b.contains("     │  └─ AccumulateGrad  → 累加到 w.grad"))
    }

    @Test func badExpr() {
        #expect(throws: ExplainError.self) { try Explainer.explain("backward", request { $0.expr = "x**2" }) }
    }
}

import Testing
import Terminal
@testable import Explain

/// im2col / conv2d walkthroughs. Expected numbers were checked against real PyTorch 2.15:
///   F.unfold(torch.arange(1., 10.).reshape(1, 1, 3, 3), kernel_size=2, padding=1, stride=2)
///   -> tensor([[[0., 0., 0., 5.], [0., 0., 4., 6.], [0., 2., 0., 8.], [1., 3., 7., 9.]]])
/// and the conv2d snippet's output (-13, -14, -16, -17 / zeros; allclose True) under `/work/venv/bin/python`.
struct ConvWalkthroughTests {
    func request(_ configure: (inout ExplainRequest) -> Void) -> ExplainRequest {
        var r = ExplainRequest()
        configure(&r)
        return r
    }

    @Test func im2colColumnsWithPaddingAndStride() throws {
        let w = try Explainer.explain("im2col", request { $0.shape = "3x3"; $0.padding = 1; $0.stride = 2 })
        let body = w.body
        #expect(body.contains("        = ⌊(3 + 2·1 − 1·(2 − 1) − 1) / 2⌋ + 1 = 2"))
        #expect(body.contains("  l=0 (0,0): rows -1…0, cols -1…0 → [0., 0., 0., 1.]"))
        #expect(body.contains("  l=3 (1,1): rows 1…2, cols 1…2 → [5., 6., 8., 9.]"))
        // The column matrix, Caffe layout, first column highlighted (brackets without colour).
        #expect(body.contains("(0,0,0) [0.] 0.  0.  5."))
        #expect(body.contains("(0,1,1) [1.] 3.  7.  9."))
        #expect(w.snippet.contains("cols = F.unfold(x, kernel_size=2, dilation=1, padding=1, stride=2)"))
    }

    @Test func conv2dIsTheGemmOfKernelAndColumns() throws {
        let w = try Explainer.explain("conv2d", request { $0.channels = 2; $0.shape = "3x3" })
        #expect(w.body.contains("  The direct (seven-loop) convolution gives the same: yes"))
        #expect(w.body.contains(" -13.  -14.  -16.  -17."))
        #expect(w.body.contains("Cost: both ways do O·C·kh·kw·L = 2·2·2·2·4 = 64 multiply-adds; im2col trades memory for one big GEMM:"))
        #expect(w.snippet.last == "print(torch.allclose(out, F.conv2d(x, w, stride=1, padding=0, dilation=1)))")
    }

    @Test func chineseTextAndTFLayout() throws {
        let w = try Explainer.explain("im2col", request { $0.channels = 2; $0.shape = "3x3"; $0.language = .zh })
        #expect(w.body.contains("  → L = H_out·W_out = 4 個視窗，每個 C·kh·kw = 2·2·2 = 8 個值"))
        // TF keeps (i, j, c) order: channel values interleave.
        #expect(w.body.contains("  patches[0][0][0] = [1., 10., 2., 11., 4., 13., 5., 14.]"))
    }

    @Test func badGeometryIsAUsageError() {
        for r in [request { $0.kernel = 9 }, request { $0.stride = 0 }, request { $0.input = "[1, 2, 3]" },
                  request { $0.shape = "9x9" }] {
            #expect(throws: ExplainError.self) { try Explainer.explain("conv2d", r) }
        }
        // A kernel larger than the padded input: PyTorch's own message.
        do {
            _ = try Explainer.explain("im2col", request { $0.shape = "2x2"; $0.kernel = 3 })
            Issue.record("expected an error")
        } catch let e as ExplainError {
            #expect(e.kind == .usage)
            #expect(e.message.hasPrefix("RuntimeError: "))
        } catch { Issue.record("unexpected \(error)") }
    }
}

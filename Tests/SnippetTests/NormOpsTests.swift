import Foundation
import Testing
@testable import Snippet

/// nn.LayerNorm / F.layer_norm, nn.GELU / F.gelu, torch.einsum, torch.diag, torch.dist. Every case of
/// Fixtures/norm_ops_cases.json: stdout and the final `Type: message` line must equal what PyTorch 2.15.0 (CPU)
/// printed for the same code, recorded by Fixtures/record_norm_ops.py.
@Suite(.serialized) struct NormOpsTests {
    @Test func recordedPyTorchCases() throws {
        guard let url = Bundle.module.url(forResource: "norm_ops_cases", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let cases = try JSONDecoder().decode(RecordedFile.self, from: Data(contentsOf: url)).cases
        #expect(cases.count >= 3)
        for c in cases {
            let r = runSnippet(c.code, timeout: 30)
            #expect(r.out == c.stdout, "stdout differs for:\n\(c.code)")
            #expect(r.error == c.error, "error differs for:\n\(c.code)")
        }
    }
}

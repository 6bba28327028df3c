import Foundation
import Testing
@testable import Snippet

/// median / nanmedian / kthvalue / mode (tie-breaking of indices, NaN, namedtuple printing, autograd nodes),
/// norm / torch.linalg.norm (vector, 1/inf/fro, spectral and nuclear norms) / F.normalize, diff, count_nonzero, Tensor.unfold and unique. Every case of
/// Fixtures/reduce_extra_cases.json: stdout and the final `Type: message` line must equal what PyTorch 2.15.0
/// (CPU) printed for the same code, recorded by Fixtures/record_reduce_extra.py.
@Suite(.serialized) struct ReduceExtraTests {
    static func cases() throws -> [RecordedCase] {
        guard let url = Bundle.module.url(forResource: "reduce_extra_cases", withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(RecordedFile.self, from: Data(contentsOf: url)).cases
    }

    @Test func recordedPyTorchCases() throws {
        let cases = try Self.cases()
        #expect(cases.count >= 19)
        for c in cases {
            let r = runSnippet(c.code, timeout: 30)
            #expect(r.out == c.stdout, "stdout differs for:\n\(c.code)")
            #expect(r.error == c.error, "error differs for:\n\(c.code)")
        }
    }
}

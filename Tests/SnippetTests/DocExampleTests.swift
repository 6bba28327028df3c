import Foundation
import Testing
@testable import Snippet

/// PyTorch's own documentation examples (the `>>>` blocks of the docstrings of every SPEC §4 function, method
/// and module), recorded from real PyTorch 2.15.0 (CPU) by Scripts/doc_examples.py into
/// Fixtures/doc_examples.jsonl. Every example listed in `DocExamples.passing` must keep printing exactly what
/// PyTorch printed and end with the same error; the others are listed with the reason in the script's report
/// (dtypes outside SPEC §4 such as int8 / complex, and modules other helpers own).
struct DocExample: Decodable {
    struct RecordedError: Decodable { let type: String; let message: String }
    let id: String
    let code: String
    let stdout: String
    let error: RecordedError?
}

enum DocExamples {
    static let all: [DocExample] = {
        guard let url = Bundle.module.url(forResource: "doc_examples", withExtension: "jsonl", subdirectory: "Fixtures"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(DocExample.self, from: Data($0.utf8)) }
    }()

    /// The examples the engine reproduces exactly (regenerate with `Scripts/doc_examples.py --check BIN`).
    static let passing: Set<String> = [
        "doc/F.conv2d/1",
        "doc/nn.BatchNorm1d/1",
        "doc/nn.BatchNorm2d/1",
        "doc/nn.Dropout/1",
        "doc/nn.Flatten/1",
        "doc/nn.Linear/1",
        "doc/nn.MSELoss/1",
        "doc/nn.Module.to/1",
        "doc/nn.ReLU/1",
        "doc/nn.ReLU/2",
        "doc/nn.Sigmoid/1",
        "doc/nn.Tanh/1",
        "doc/torch.Tensor.expand/1",
        "doc/torch.Tensor.is_leaf/1",
        "doc/torch.Tensor.item/1",
        "doc/torch.Tensor.new_full/1",
        "doc/torch.Tensor.new_ones/1",
        "doc/torch.Tensor.new_zeros/1",
        "doc/torch.Tensor.permute/1",
        "doc/torch.Tensor.repeat/1",
        "doc/torch.Tensor.scatter_/1",
        "doc/torch.Tensor.scatter_/2",
        "doc/torch.Tensor.scatter_add_/1",
        "doc/torch.Tensor.scatter_reduce_/1",
        "doc/torch.Tensor.size/1",
        "doc/torch.Tensor.stride/1",
        "doc/torch.Tensor.to/1",
        "doc/torch.Tensor.tolist/1",
        "doc/torch.Tensor.view/1",
        "doc/torch.abs/1",
        "doc/torch.add/1",
        "doc/torch.allclose/1",
        "doc/torch.arange/1",
        "doc/torch.argmax/1",
        "doc/torch.argmax/2",
        "doc/torch.argmin/1",
        "doc/torch.cat/1",
        "doc/torch.chunk/1",
        "doc/torch.clamp/1",
        "doc/torch.div/1",
        "doc/torch.enable_grad/1",
        "doc/torch.eq/1",
        "doc/torch.exp/1",
        "doc/torch.eye/1",
        "doc/torch.flatten/1",
        "doc/torch.floor_divide/1",
        "doc/torch.from_numpy/1",
        "doc/torch.full/1",
        "doc/torch.full_like/1",
        "doc/torch.gather/1",
        "doc/torch.ge/1",
        "doc/torch.get_default_dtype/1",
        "doc/torch.gt/1",
        "doc/torch.index_select/1",
        "doc/torch.le/1",
        "doc/torch.linspace/1",
        "doc/torch.log/1",
        "doc/torch.lt/1",
        "doc/torch.matmul/1",
        "doc/torch.max/1",
        "doc/torch.max/2",
        "doc/torch.mean/1",
        "doc/torch.mean/2",
        "doc/torch.min/1",
        "doc/torch.min/2",
        "doc/torch.mm/1",
        "doc/torch.mul/1",
        "doc/torch.ne/1",
        "doc/torch.no_grad/1",
        "doc/torch.numel/1",
        "doc/torch.ones/1",
        "doc/torch.ones_like/1",
        "doc/torch.permute/1",
        "doc/torch.pow/1",
        "doc/torch.pow/2",
        "doc/torch.prod/1",
        "doc/torch.prod/2",
        "doc/torch.rand/1",
        "doc/torch.randint/1",
        "doc/torch.randn/1",
        "doc/torch.remainder/1",
        "doc/torch.reshape/1",
        "doc/torch.set_grad_enabled/1",
        "doc/torch.split/1",
        "doc/torch.sqrt/1",
        "doc/torch.squeeze/1",
        "doc/torch.stack/1",
        "doc/torch.stack/2",
        "doc/torch.stack/3",
        "doc/torch.stack/4",
        "doc/torch.std/1",
        "doc/torch.sub/1",
        "doc/torch.sum/1",
        "doc/torch.sum/2",
        "doc/torch.t/1",
        "doc/torch.take_along_dim/1",
        "doc/torch.tanh/1",
        "doc/torch.tensor/1",
        "doc/torch.transpose/1",
        "doc/torch.unsqueeze/1",
        "doc/torch.var/1",
        "doc/torch.where/1",
        "doc/torch.zeros/1",
        "doc/torch.zeros_like/1",
    ]
}

// The engine's default generator, default dtype and print options are process-wide (as in PyTorch), so the
// examples run one at a time.
@Suite(.serialized) struct DocExampleTests {
    @Test func fixtureHoldsEveryPassingExample() {
        let ids = Set(DocExamples.all.map(\.id))
        #expect(DocExamples.all.count >= DocExamples.passing.count)
        #expect(DocExamples.passing.subtracting(ids).isEmpty, "passing ids missing from doc_examples.jsonl")
    }

    @Test(arguments: DocExamples.passing.sorted())
    func docExample(_ id: String) throws {
        let c = try #require(DocExamples.all.first { $0.id == id })
        let (out, error) = runSnippet(c.code, timeout: 60)
        #expect(out == c.stdout, "stdout of \(id)")
        #expect(error == c.error.map { "\($0.type): \($0.message)" }, "error of \(id)")
    }
}

import Testing
@testable import Snippet

// End-to-end runs of the torch and numpy bindings through the interpreter. Expected outputs were recorded from
// real PyTorch 2.15.0 / numpy (CPU) by Scripts/record_snippets.py into TorchRecordedCases.swift; the snippets are
// new ones (other values and shapes than ../shared/conformance), so they exercise the bindings on unseen cases.

// The engine's default generator, default dtype and print options are process-wide (as in PyTorch), so these
// snippets run one at a time.
@Suite(.serialized) struct TorchSnippetTests {
    /// Cases that fail for reasons outside the bindings, with the owner of the fix.
    static let knownIssues: [String: Comment] = [:]

    @Test(arguments: recordedTorchSnippets.map { $0.name })
    func recordedTorchSnippet(_ name: String) throws {
        let c = try #require(recordedTorchSnippets.first { $0.name == name })
        let check = {
            let r = SnippetRunner.capture(c.code)
            #expect(r.output == c.stdout, "stdout of \(name)")
            let last = r.traceback?.split(separator: "\n").last.map(String.init)
            if let t = c.errorType, let m = c.errorMessage {
                #expect(last == "\(t): \(m)", "error of \(name)")
            } else {
                #expect(last == nil, "unexpected error in \(name)")
            }
        }
        if let why = Self.knownIssues[name] { withKnownIssue(why, isIntermittent: true) { check() } } else { check() }
    }

    // Behaviour of the binding layer itself (values from PyTorch 2.15 on the same snippets).

    @Test func functionAndMethodFormsAgree() {
        let code = """
        import torch
        x = torch.tensor([[3., 1.], [2., 5.]])
        i = torch.tensor([[1, 0], [0, 0]])
        print(torch.equal(torch.gather(x, 1, i), x.gather(1, i)), torch.equal(torch.sum(x, 0), x.sum(0)))
        print(torch.equal(torch.scatter(x, 0, i, x), x.scatter(0, i, x)), torch.equal(x.softmax(1), torch.softmax(x, 1)))
        """
        #expect(runSnippet(code).out == "True True\nTrue True\n")
    }

    @Test func wrongArgumentsAreTypeErrors() {
        let r = runSnippet("import torch\ntorch.gather(torch.zeros(2), 0)\n")
        #expect(r.error?.hasPrefix("TypeError: ") == true)
        let r2 = runSnippet("import torch\ntorch.zeros(2).sum(dim=0, bogus=1)\n")
        #expect(r2.error?.hasPrefix("TypeError: ") == true)
    }

    @Test func sizeIsATuple() {
        // PyTorch 2.15: torch.Size([2, 3]) (2, 3) True 2 6 torch.Size([3])
        let code = "import torch\ns = torch.zeros(2, 3).shape\na, b = s\nprint(s, (a, b), s == (2, 3), len(s), s.numel())\n"
        #expect(runSnippet(code).out == "torch.Size([2, 3]) (2, 3) True 2 6\n")
    }

    @Test func tensorIdentityAndInPlaceReturnSelf() {
        // PyTorch 2.15: True True
        let code = "import torch\nx = torch.zeros(2)\nprint(x.add_(1) is x, x.dtype is torch.float)\n"
        #expect(runSnippet(code).out == "True True\n")
    }
}

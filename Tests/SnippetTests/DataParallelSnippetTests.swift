import Testing
@testable import Snippet

// nn.DataParallel with several inputs, keyword arguments and structured outputs (torch/nn/parallel/
// scatter_gather.py: scatter_map / scatter_kwargs / gather_map, and data_parallel.py's forward).
// This machine has no GPU: the expected numbers are the single-device computation recorded from PyTorch 2.15 on
// the CPU with the same seed (DataParallel's chunk → replica → gather must reproduce it; per-replica results are
// the same computation on `x.chunk(4)`), e.g.
//   torch.manual_seed(0); fc = nn.Linear(3, 2); x = torch.arange(24.).reshape(8, 3); out = fc(x) * 2 + 1
//   print(out[:2]); print(torch.stack([o.sum() for o in out.chunk(4)]))
// The structural behaviours (padding of scatter_kwargs, non-iterable outputs, no Gather with one device id) follow
// PyTorch's source line by line.
@Suite(.serialized) struct DataParallelSnippetTests {
    static let twoInputs = """
        import torch
        import torch.nn as nn
        class Two(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(3, 2)
            def forward(self, x, y, scale=1.0):
                out = self.fc(x) * scale + y
                return out, {'sum': out.sum()}, None
        torch.manual_seed(0)
        m = Two().cuda()
        dp = nn.DataParallel(m)
        x = torch.arange(24.).reshape(8, 3)

        """

    @Test func severalInputsKeywordsAndStructuredOutputs() {
        let r = runSnippet(Self.twoInputs + """
            out, extra, none = dp(x, torch.ones(8, 2), scale=2.0)
            print(out[:2])
            print(extra['sum'].detach().cpu(), none)

            """)
        #expect(r.error == nil)
        #expect(r.out == """
            tensor([[-0.3042,  2.0901],
                    [-1.3229, -0.8646]], device='cuda:0', grad_fn=<SliceBackward0>)
            tensor([ -0.4016, -16.2952, -32.1889, -48.0825]) None

            """)
    }

    @Test func scalarOutputsBecomeOneElementPerReplica() {
        let r = runSnippet("""
            import torch
            import torch.nn as nn
            class L(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(3, 1)
                def forward(self, x, t):
                    return ((self.fc(x) - t) ** 2).mean()
            torch.manual_seed(0)
            dp = nn.DataParallel(L().cuda())
            loss = dp(torch.arange(24.).reshape(8, 3), torch.zeros(8, 1))
            print(loss.detach().cpu(), loss.shape)
            loss.sum().backward()
            print(dp.module.fc.weight.grad.cpu())

            """)
        #expect(r.error == nil)
        #expect(r.out == "tensor([ 1.8079,  5.5357, 11.3393, 19.2186]) torch.Size([4])\ntensor([[-303.4441, -326.2310, -349.0180]])\n")
    }

    @Test func keywordsPadTheShortBatch() {
        // 5 rows on 4 GPUs give 3 chunks, but the keyword is handed to all 4 replicas: scatter_kwargs pads the
        // inputs with an empty tuple and the fourth replica's forward lacks its positional arguments.
        let r = runSnippet(Self.twoInputs + "dp(torch.ones(5, 3), torch.ones(5, 2), scale=2.0)\n")
        #expect(r.error == "TypeError: Two.forward() missing 2 required positional arguments: 'x' and 'y'")
    }

    @Test func nonTensorOutputsCannotBeGathered() {
        let r = runSnippet("""
            import torch
            import torch.nn as nn
            class N(nn.Module):
                def __init__(self):
                    super().__init__()
                    self.fc = nn.Linear(3, 2)
                def forward(self, x):
                    return self.fc(x) if x.shape[0] == 1 else x.shape[0]
            dp = nn.DataParallel(N().cuda())
            out = dp(torch.ones(2, 3))
            print(out.shape)
            dp(torch.ones(8, 3))

            """)
        // Each replica returns an int; gather_map calls int(map(gather_map, zip(*outputs))), and zip fails.
        #expect(r.out == "torch.Size([2, 2])\n")
        #expect(r.error == "TypeError: 'int' object is not iterable")
    }

    @Test func oneDeviceIdCallsTheModuleDirectly() {
        let r = runSnippet("""
            import torch
            import torch.nn as nn
            m = nn.Linear(3, 2).cuda(1)
            dp = nn.DataParallel(m, device_ids=[1], output_device=0)
            out = dp(torch.ones(4, 3))
            print(out.device, out.grad_fn.name())

            """)
        #expect(r.error == nil)
        #expect(r.out == "cuda:1 AddmmBackward0\n")
    }
}

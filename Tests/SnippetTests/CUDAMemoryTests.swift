import Testing
@testable import Snippet

// `torch.cuda.memory_allocated` / `max_memory_allocated` / `reset_peak_memory_stats` on the simulated GPUs.
// This machine has no GPU, so the expected numbers come from PyTorch's caching allocator rule rather than a
// recording: every live CUDA storage counts as a block of round_size(bytes) = 512 * ceil(bytes / 512) (at least
// 512; an empty tensor allocates nothing) — c10/cuda/CUDACachingAllocator.cpp, `round_size` and `kMinBlockSize`.
// Views share their base's block; `del` of the last reference frees it. The error texts are PyTorch's:
// `Invalid device argument N: did you call init?` (CUDACachingAllocator) and `Expected a cuda device, but got: cpu`
// (torch.cuda._utils._get_device_index).
@Suite(.serialized) struct CUDAMemoryTests {
    @Test func allocatedFollowsLiveStorages() {
        let code = """
            import torch
            base0 = torch.cuda.memory_allocated(0)
            base1 = torch.cuda.memory_allocated(1)
            x = torch.ones(1000, device='cuda')
            print(torch.cuda.memory_allocated() - base0)
            y = torch.ones(3, 4).cuda(1)
            print(torch.cuda.memory_allocated(1) - base1, torch.cuda.memory_allocated('cuda:1') - base1, torch.cuda.memory_allocated(torch.device('cuda', 1)) - base1)
            z = x * 2
            print(torch.cuda.memory_allocated() - base0)
            del z
            print(torch.cuda.memory_allocated() - base0)
            v = x.view(10, 100)
            e = torch.empty(0, device='cuda')
            print(torch.cuda.memory_allocated() - base0)
            torch.cuda.reset_peak_memory_stats()
            w = torch.zeros(129, device='cuda:0')
            del w
            print(torch.cuda.max_memory_allocated() - torch.cuda.memory_allocated())
            del x, v, y
            print(torch.cuda.memory_allocated() - base0, torch.cuda.memory_allocated(1) - base1)
            c = torch.ones(4)
            print(torch.cuda.memory_allocated() - base0)
            torch.cuda.memory_allocated(7)

            """
        let r = runSnippet(code)
        // 1000 float32 = 4000 B → 4096; 12 float32 = 48 B → 512; a second 4000 B tensor → 8192; a view and an
        // empty tensor add nothing; 129 float32 = 516 B → 1024 at the peak; a CPU tensor counts nowhere.
        #expect(r.out == "4096\n512 512 512\n8192\n4096\n4096\n1024\n0 0\n0\n")
        #expect(r.error == "RuntimeError: Invalid device argument 7: did you call init?")
    }

    @Test func cpuDeviceIsRejected() {
        let r = runSnippet("import torch\ntorch.cuda.memory_allocated('cpu')\n")
        #expect(r.error == "ValueError: Expected a cuda device, but got: cpu")
    }

    @Test func dataParallelAttributes() {
        let r = runSnippet("""
            import torch
            import torch.nn as nn
            m = nn.Linear(3, 2).cuda()
            dp = nn.DataParallel(m, device_ids=[0, 2], output_device=2, dim=1)
            print(dp.module is m, dp.device_ids, dp.output_device, dp.dim)

            """)
        #expect(r.out == "True [0, 2] 2 1\n")
        #expect(r.error == nil)
    }

    /// A result whose backward reads the result itself (prod, max, amax, std, scatter_reduce) must not keep itself
    /// alive through its own grad_fn: once the program drops it, its block is freed (as in PyTorch, whose saved
    /// outputs do not own their grad_fn).
    @Test func resultsSavedForBackwardAreFreedWithTheirTensor() {
        let r = runSnippet("""
            import torch
            x = torch.randn(64, 64, device='cuda', requires_grad=True)
            idx = torch.zeros(64, 64, dtype=torch.long, device='cuda')
            for f in [lambda t: t.prod(1), lambda t: t.max(), lambda t: t.amax(1), lambda t: t.std(1), lambda t: t.var(),
                      lambda t: t.scatter_reduce(1, idx, t, 'amax'), lambda t: t.softmax(1), lambda t: t.exp()]:
                before = torch.cuda.memory_allocated()
                y = f(x)
                del y
                print(torch.cuda.memory_allocated() - before, end=' ')

            """)
        #expect(r.error == nil)
        #expect(r.out == "0 0 0 0 0 0 0 0 ")
    }

    /// `device=` of the random factories places the tensor (numbers from the CPU generator: a real GPU's Philox
    /// stream depends on its launch configuration); `_like` forms follow the input's device; a missing GPU fails.
    @Test func randomFactoriesTakeADevice() {
        let r = runSnippet("""
            import torch
            torch.manual_seed(0)
            a = torch.randn(2, device='cuda:1')
            b = torch.randint(0, 5, (3,), device='cuda')
            c = torch.rand_like(torch.ones(2, device='cuda:3'))
            print(a.device, b.device, b.dtype, c.device, torch.randperm(3, device='cuda:2').device)
            torch.randn(2, device='cuda:9')

            """)
        #expect(r.out == "cuda:1 cuda:0 torch.int64 cuda:3 cuda:2\n")
        // PyTorch's message spans several lines ("CUDA error: invalid device ordinal", …); the traceback ends with its last.
        #expect(r.error == "Compile with `TORCH_USE_CUDA_DSA` to enable device-side assertions.")
    }
}

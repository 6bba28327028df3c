#!/usr/bin/env python3
"""Times the workloads of `tensorprep bench` with PyTorch on the CPU limited to 2 threads, for comparison.

Usage:
  /work/venv/bin/python Scripts/bench_torch.py                 # table
  /work/venv/bin/python Scripts/bench_torch.py --json          # JSON, same shape as `tensorprep bench --json`
  /work/venv/bin/python Scripts/bench_torch.py --compare out.json   # ratios against a `tensorprep bench --json` file
"""
import argparse
import json
import time

import torch
import torch.nn.functional as F


def median_ms(fn, repeats):
    fn()
    ts = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t)
    ts.sort()
    return ts[len(ts) // 2] * 1000


def run(repeats):
    torch.set_num_threads(2)
    torch.manual_seed(0)
    out = []
    for n in (256, 512, 1024):
        a, b = torch.randn(n, n), torch.randn(n, n)
        out.append((f"matmul {n}x{n}x{n} f32", median_ms(lambda: a @ b, repeats), 2.0 * n ** 3))
    x = torch.randn(8, 32, 32, 32)
    w = torch.randn(64, 32, 3, 3)
    conv_flops = 2.0 * 8 * 64 * 32 * 32 * 32 * 9
    out.append(("conv2d im2col+GEMM [8,32,32,32]*[64,32,3,3]", median_ms(lambda: F.conv2d(x, w, padding=1), repeats), conv_flops))
    out.append(("unfold [8,32,32,32] k3 p1", median_ms(lambda: F.unfold(x, 3, padding=1), repeats), None))
    x2 = torch.randn(1000, 1000)
    idx = torch.randint(0, 1000, (1000, 1000))
    src = torch.randn(1000, 1000)
    out.append(("gather 1M (dim 1 of [1000,1000])", median_ms(lambda: torch.gather(x2, 1, idx), repeats), None))
    out.append(("scatter_add 1M (dim 1 of [1000,1000])", median_ms(lambda: x2.scatter_add(1, idx, src), repeats), None))
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    xb, yb = torch.randn(32, 64), torch.randint(0, 10, (32,))

    def train_step():
        opt.zero_grad()
        F.cross_entropy(model(xb), yb).backward()
        opt.step()
    out.append(("train step MLP 64-128-10, batch 32, SGD", median_ms(train_step, repeats), None))
    return [{"name": n, "median_ms": ms, "gflops": (f / (ms / 1000) / 1e9) if f else None} for n, ms, f in out]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--json", action="store_true")
    p.add_argument("--repeats", type=int, default=15)
    p.add_argument("--compare", help="a `tensorprep bench --json` output file")
    args = p.parse_args()
    results = run(args.repeats)
    if args.json:
        print(json.dumps({"threads": torch.get_num_threads(), "torch": torch.__version__, "results": results}, indent=2))
        return
    ours = {}
    if args.compare:
        with open(args.compare) as fh:
            ours = {r["name"]: r for r in json.load(fh)["results"]}
    print(f"{'kernel':46} {'torch ms':>10} {'GFLOP/s':>9}" + (f" {'ours ms':>10} {'ours/torch':>10}" if ours else ""))
    for r in results:
        gf = f"{r['gflops']:9.1f}" if r["gflops"] else "        -"
        line = f"{r['name']:46} {r['median_ms']:10.3f} {gf}"
        if r["name"] in ours:
            o = ours[r["name"]]["median_ms"]
            line += f" {o:10.3f} {o / r['median_ms']:10.2f}"
        print(line)
    if "conv2d naive loop [8,32,32,32]*[64,32,3,3]" in ours and "conv2d im2col+GEMM [8,32,32,32]*[64,32,3,3]" in ours:
        nv = ours["conv2d naive loop [8,32,32,32]*[64,32,3,3]"]["median_ms"]
        gm = ours["conv2d im2col+GEMM [8,32,32,32]*[64,32,3,3]"]["median_ms"]
        print(f"ours: im2col+GEMM is {nv / gm:.1f}x faster than the naive loop")
    print(f"torch {torch.__version__}, threads={torch.get_num_threads()}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Make variants of the visible PyTorch conformance cases and diff real PyTorch against tensorprep.

Each case in torch.jsonl gets several mechanical variants (other literal values: negative, float, large,
small; other sizes; negative dims; other dtypes). Every variant runs in real PyTorch (in-process, fresh
globals, default state restored between runs) and through `<bin> run -`; stdout and the final
"ErrorType: message" line are compared. Variants whose PyTorch run and whose tensorprep run agree are
dropped; the rest are listed (and written to --out as JSONL with the PyTorch result, ready to become
regression cases).

Usage: /work/venv/bin/python Scripts/vary_conformance.py --bin .build/debug/tensorprep \
           /work/shared/conformance/torch.jsonl [--topic arith,reduce] [--out mismatches.jsonl]
"""
import argparse
import contextlib
import io
import json
import re
import subprocess
import sys

SKIP_TOPICS = {"dataparallel"}


def scale_ints(code, f):
    """Apply f to integer literals that stand alone (not part of floats, names, dims or dtypes)."""
    def rep(m):
        before = code[max(0, m.start() - 12):m.start()]
        if re.search(r"(dim|dims|axis|seed|manual_seed\(|range\(|epoch|step)\s*=?\s*\(?$", before):
            return m.group(0)
        return str(f(int(m.group(0))))
    return re.sub(r"(?<![\w.])\d+(?![\w.])", rep, code)


def scale_floats(code, f):
    return re.sub(r"(?<![\w.])(\d+\.\d*)(?![\w])", lambda m: repr(f(float(m.group(1)))), code)


def variants(code):
    out = []
    # larger sizes / values: every free integer literal + 1
    out.append(("int+1", scale_ints(code, lambda n: n + 1 if n >= 2 else n)))
    # large integers
    out.append(("int*1000", scale_ints(code, lambda n: n * 1000 if 2 <= n <= 9 else n)))
    # negative values: float literals negated and scaled
    out.append(("float*-3.7", scale_floats(code, lambda x: round(x * -3.7, 4))))
    # small floats (scientific notation in print)
    out.append(("float/1e4", scale_floats(code, lambda x: x / 1e4)))
    # negative dims
    neg = re.sub(r"\bdim\s*=\s*1\b", "dim=-1", code)
    neg = re.sub(r"\bdim\s*=\s*0\b", "dim=-2", neg)
    out.append(("negdim", neg))
    # other dims
    out.append(("dim+1", re.sub(r"\bdim\s*=\s*(\d)\b", lambda m: f"dim={int(m.group(1)) + 1}", code)))
    # other dtypes
    dt = code.replace("torch.float32", "torch.float64").replace("torch.long", "torch.int32") \
        .replace("torch.int64", "torch.int16").replace("torch.float)", "torch.float16)")
    out.append(("dtype", dt))
    dt2 = re.sub(r"torch\.tensor\((\[[^()]*\])\)", r"torch.tensor(\1, dtype=torch.float64)", code)
    out.append(("tensor-f64", dt2))
    dt3 = re.sub(r"torch\.tensor\((\[[^()]*\])\)", r"torch.tensor(\1, dtype=torch.int32)", code)
    out.append(("tensor-i32", dt3))
    # other kwargs of the same functions
    out.append(("keepdim", re.sub(r"\bdim\s*=\s*(-?\d)\)", r"dim=\1, keepdim=True)", code)))
    out.append(("reduction", code.replace("reduction='none'", "reduction='sum'").replace("reduction='mean'", "reduction='none'")
                .replace("nn.MSELoss()", "nn.MSELoss(reduction='sum')").replace("nn.CrossEntropyLoss()", "nn.CrossEntropyLoss(reduction='none')")))
    # sibling functions
    sib = code
    for a, b in [(".sum(", ".mean("), (".max(", ".min("), ("torch.max(", "torch.argmin("), (".argmax(", ".argmin("),
                 ("torch.cat(", "torch.stack("), (".gather(", ".scatter_add(0, "), ("F.relu(", "F.leaky_relu(")]:
        sib = sib.replace(a, b)
    out.append(("sibling", sib))
    # higher rank
    out.append(("rank3", re.sub(r"torch\.arange\((\d+)\.?\)\.reshape\((\d+), (\d+)\)",
                                lambda m: f"torch.arange({int(m.group(1)) * 2}.).reshape(2, {m.group(2)}, {m.group(3)})", code)))
    seen, uniq = {code}, []
    for name, v in out:
        if v not in seen:
            seen.add(v)
            uniq.append((name, v))
    return uniq


def run_torch(code):
    import torch
    buf = io.StringIO()
    err = None
    g = {"__name__": "__main__"}
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(code, "<snippet>", "exec"), g)
    except BaseException as e:  # noqa: BLE001 - we record whatever the snippet raised
        msg = str(e).split("\n")[0]
        if isinstance(e, KeyError):
            msg = repr(e.args[0]) if e.args else ""
        err = f"{type(e).__name__}: {msg}"
    finally:
        torch.set_default_dtype(torch.float32)
        torch.set_printoptions(profile="default", sci_mode=None)
        torch.set_grad_enabled(True)
    return buf.getvalue(), err


def run_ours(binary, code):
    try:
        p = subprocess.run([binary, "run", "-"], input=code, capture_output=True, text=True, timeout=20)
    except subprocess.TimeoutExpired:
        return "", "TIMEOUT"
    if p.returncode < 0 or p.returncode > 128:
        return p.stdout, f"CRASH {p.returncode}"
    last = p.stderr.rstrip("\n").split("\n")[-1] if p.stderr.strip() else ""
    return p.stdout, (last if p.returncode != 0 else None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--bin", required=True)
    ap.add_argument("--topic", default="")
    ap.add_argument("--only", default="")
    ap.add_argument("--out", default="")
    args = ap.parse_args()
    topics = set(args.topic.split(",")) if args.topic else None
    tried = bad = 0
    found = []
    for path in args.files:
        for line in open(path, encoding="utf-8"):
            case = json.loads(line)
            if case["topic"] in SKIP_TOPICS or (topics and case["topic"] not in topics):
                continue
            if not case["id"].startswith(args.only):
                continue
            for name, code in variants(case["code"]):
                tried += 1
                want = run_torch(code)
                got = run_ours(args.bin, code)
                if want == got:
                    continue
                bad += 1
                found.append({"id": f"{case['id']}~{name}", "code": code, "stdout": want[0], "error": want[1],
                              "got_stdout": got[0], "got_error": got[1]})
                print(f"MISMATCH {case['id']}~{name}")
                print("  code:\n    " + code.rstrip().replace("\n", "\n    "))
                wl, gl = want[0].splitlines(), got[0].splitlines()
                for i in range(max(len(wl), len(gl))):
                    a = wl[i] if i < len(wl) else "<none>"
                    b = gl[i] if i < len(gl) else "<none>"
                    if a != b:
                        print(f"  stdout line {i + 1}: torch {a!r}\n                  ours  {b!r}")
                        break
                if want[1] != got[1]:
                    print(f"  error: torch {want[1]!r}\n         ours  {got[1]!r}")
                sys.stdout.flush()
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for r in found:
                f.write(json.dumps(r) + "\n")
    print(f"{tried} variants tried, {bad} mismatches")


if __name__ == "__main__":
    main()

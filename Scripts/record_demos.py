#!/usr/bin/env python3
"""Record (or verify) the expected output of every demo in the question bank.

Each `Content/**/*.md` file has a `## Demo` section holding fenced ```python blocks, each a doctest
transcript (SPEC §2). This script runs every block's source with real PyTorch / TensorFlow, doctest-style
(one interpreter session per block, expression statements echo their repr), and either

  * verifies that the expected output written in the file is what the framework prints (default), or
  * rewrites the expected output in place (`--write`), so the files are never typed by hand.

Conventions (the same the `tensorprep check` command follows):
  * `>>> ` / `... ` lines are source; the lines after them up to the next `>>>`, a blank line or the end of
    the block are the expected output; `<BLANKLINE>` stands for an empty output line.
  * An uncaught error is written `Traceback (most recent call last):`, `  ...`, `ErrorType: message`;
    only that last line is compared. The type is the bare class name, the message its first line.
  * `import tensorflow as tf` means TF1 graph mode: it is recorded as
    `import tensorflow.compat.v1 as tf; tf.disable_v2_behavior()` with TensorFlow 2.21.

GPU-only blocks (DataParallel on a 4-GPU machine) cannot run on this CPU-only machine. Such a block must be,
line for line, the code of a case of the shared conformance file (`--conformance`, default
/work/shared/conformance/torch.jsonl), whose `dataparallel` cases were recorded for a simulated 4-GPU machine.
Its expected output is then taken from that case: in `--write` mode the case's stdout is split over the
block's statements by running the block once on the CPU with `.cuda()` made a no-op, only to count how many
lines each statement prints; the case's error goes to the last statement.

Usage:
  /work/venv/bin/python Scripts/record_demos.py [--write] [-v] [-j N] [--python PY] [FILE_OR_DIR ...]
  (default: Content)
Exit status 0 when every block matches (or was written), 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PY = "/work/venv/bin/python"
DEFAULT_CONFORMANCE = "/work/shared/conformance/torch.jsonl"
TF_IMPORT = "import tensorflow as tf"
TF_COMPAT = "import tensorflow.compat.v1 as tf; tf.disable_v2_behavior()"
GPU_MARKERS = re.compile(r"\.cuda\(|DataParallel|device=['\"]cuda|torch\.cuda\.")


# --------------------------------------------------------------------------- parsing

@dataclass
class Example:
    source: list[str]              # source lines without the prompts
    out_start: int                 # index (in the file's lines) of the first expected-output line
    out_end: int                   # one past the last expected-output line
    expected: list[str] = field(default_factory=list)


@dataclass
class Block:
    path: Path
    line: int                      # 1-based line of the opening fence
    examples: list[Example]

    def code(self) -> str:
        return "".join("\n".join(e.source) + "\n" for e in self.examples)

    def uses_tf(self) -> bool:
        return any(TF_IMPORT == s.strip() for e in self.examples for s in e.source)


def parse_blocks(path: Path, lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    in_demo = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            in_demo = line.strip() == "## Demo"
        if in_demo and line.strip() == "```python":
            start = i
            j = i + 1
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            if j >= len(lines):
                raise SystemExit(f"{path}:{start + 1}: unterminated ```python block")
            blocks.append(Block(path, start + 1, parse_examples(path, lines, start + 1, j)))
            i = j + 1
            continue
        i += 1
    return blocks


def parse_examples(path: Path, lines: list[str], lo: int, hi: int) -> list[Example]:
    examples: list[Example] = []
    i = lo
    while i < hi:
        line = lines[i]
        if line.startswith(">>>"):
            if not (line == ">>>" or line.startswith(">>> ")):
                raise SystemExit(f"{path}:{i + 1}: '>>>' must be followed by a space")
            source = [line[4:]]
            i += 1
            while i < hi and (lines[i] == "..." or lines[i].startswith("... ")):
                source.append(lines[i][4:])
                i += 1
            out_start = i
            while i < hi and lines[i].strip() != "" and not lines[i].startswith(">>>"):
                i += 1
            ex = Example(source, out_start, i, lines[out_start:i])
            examples.append(ex)
        elif line.strip() == "":
            i += 1
        else:
            raise SystemExit(f"{path}:{i + 1}: text in a demo block outside an example: {line!r}")
    return examples


# --------------------------------------------------------------------------- the child: one doctest session

CHILD = r'''
import io, json, sys, contextlib, traceback
examples = json.loads(sys.stdin.read())
shim = "--shim" in sys.argv
if shim:
    import torch, torch.nn as nn
    # only line counts matter here; torch.cuda.* is left alone so that DataParallel stays a CPU pass-through
    torch.Tensor.cuda = lambda self, *a, **k: self
    nn.Module.cuda = lambda self, *a, **k: self
globs = {"__name__": "__demo__"}
results = []
# TensorFlow keeps the creation stack of every graph op and reads its frames when a session error is
# formatted: the code objects of earlier statements must stay alive, or the error is a C++ crash.
codes = []
for src in examples:
    buf = io.StringIO()
    err = None
    try:
        code = compile(src, "<demo>", "single")
        codes.append(code)
        with contextlib.redirect_stdout(buf):
            exec(code, globs)
    except BaseException as e:  # the demo's own error is part of the transcript
        msg = str(e)
        lines = [l for l in msg.splitlines()]
        first = lines[0] if lines else ""
        if first.startswith("Graph execution error") and len(lines) > 1:
            # the line stating the failure, after "Detected at node ... defined at" and its frames, "Node: ..."
            first = next((l for l in lines[1:] if l.strip() and not l.startswith((" ", "\t", "Detected at node", "Node: "))),
                         first)
        err = type(e).__name__ + (": " + first if first else "")
    results.append({"stdout": buf.getvalue(), "error": err})
sys.stdout.write(json.dumps(results))
'''


def run_session(py: str, sources: list[str], shim: bool = False) -> list[dict]:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0", CUDA_VISIBLE_DEVICES="",
               PYTHONWARNINGS="ignore")
    args = [py, "-c", CHILD] + (["--shim"] if shim else [])
    proc = subprocess.run(args, input=json.dumps(sources), capture_output=True, text=True, env=env, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"demo runner failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def render(stdout: str, error: str | None) -> list[str]:
    """Expected-output lines for one example, doctest conventions."""
    out: list[str] = []
    if stdout:
        text = stdout[:-1] if stdout.endswith("\n") else stdout
        out = [l if l.strip() != "" else "<BLANKLINE>" for l in text.split("\n")]
    if error:
        out += ["Traceback (most recent call last):", "  ...", error]
    return out


def sources_of(block: Block) -> list[str]:
    srcs = []
    for e in block.examples:
        s = "\n".join(e.source) + "\n"
        if block.uses_tf():
            s = "\n".join(TF_COMPAT if l.strip() == TF_IMPORT else l for l in s.split("\n"))
        srcs.append(s)
    return srcs


# --------------------------------------------------------------------------- conformance-backed (GPU) blocks

def normalized(code: str) -> list[str]:
    return [l.rstrip() for l in code.split("\n") if l.strip() != ""]


def load_conformance(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(l) for l in f if l.strip()]
    except FileNotFoundError:
        return []


def conformance_outputs(py: str, block: Block, case: dict) -> list[list[str]]:
    """Split a recorded case's stdout over the block's statements (line counts from a CPU shim run)."""
    counts = []
    for r in run_session(py, sources_of(block), shim=True):
        s = r["stdout"]
        counts.append(0 if not s else len((s[:-1] if s.endswith("\n") else s).split("\n")))
    recorded = case["stdout"]
    rec_lines = (recorded[:-1] if recorded.endswith("\n") else recorded).split("\n") if recorded else []
    if sum(counts) != len(rec_lines):
        raise RuntimeError(f"case {case['id']}: the CPU shim printed {sum(counts)} lines, the case has {len(rec_lines)}")
    outs, k = [], 0
    for c in counts:
        chunk = rec_lines[k:k + c]
        k += c
        outs.append(render("\n".join(chunk) + "\n" if chunk else "", None))
    if case.get("error"):
        if counts and counts[-1] != 0:
            raise RuntimeError(f"case {case['id']}: the failing statement also prints")
        outs[-1] = render("", f"{case['error']['type']}: {case['error']['message']}")
    return outs


# --------------------------------------------------------------------------- compare / write

def matches(expected: list[str], actual: list[str]) -> bool:
    if actual[:1] == ["Traceback (most recent call last):"] or expected[:1] == ["Traceback (most recent call last):"]:
        # only the last line (ErrorType: message) is compared; output printed before the error must match
        return bool(expected) and bool(actual) and expected[-1] == actual[-1] and \
            _before_tb(expected) == _before_tb(actual)
    return expected == actual


def _before_tb(lines: list[str]) -> list[str]:
    return lines[:lines.index("Traceback (most recent call last):")] if "Traceback (most recent call last):" in lines else lines


def record_block(b: Block, args, cases: list[dict]) -> tuple[list[list[str]] | None, str]:
    """The outputs a block's examples really print, and where they come from (or None and the reason)."""
    code = b.code()
    case = next((c for c in cases if normalized(c["code"]) == normalized(code)), None)
    try:
        if case is not None:
            return conformance_outputs(args.python, b, case), f"conformance {case['id']}"
        if GPU_MARKERS.search(code):
            return None, "GPU-only code that is not a conformance case: cannot be recorded here"
        actual = [render(r["stdout"], r["error"]) for r in run_session(args.python, sources_of(b))]
        return actual, ("tensorflow 2.21" if b.uses_tf() else "pytorch")
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        return None, str(e)


def process_file(path: Path, args, cases: list[dict], pool: ThreadPoolExecutor) -> tuple[int, int]:
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    blocks = parse_blocks(path, lines)
    failures = 0
    replacements: list[tuple[int, int, list[str]]] = []
    results = list(pool.map(lambda b: record_block(b, args, cases), blocks))
    for b, (actual, origin) in zip(blocks, results):
        if actual is None:
            print(f"{path}:{b.line}: ERROR {origin}")
            failures += 1
            continue
        unstable = [l for a in actual for l in a if re.search(r" at 0x[0-9a-f]+", l)]
        if unstable:
            print(f"{path}:{b.line}: ERROR output depends on memory addresses: {unstable[0]!r}")
            failures += 1
            continue
        bad = [(e, a) for e, a in zip(b.examples, actual) if not matches(e.expected, a)]
        for e, a in zip(b.examples, actual):
            replacements.append((e.out_start, e.out_end, a))
        if bad and not args.write:
            failures += 1
            e, a = bad[0]
            print(f"{path}:{b.line}: MISMATCH ({origin}) at `{e.source[0]}`")
            print("  expected:\n" + "\n".join("    " + l for l in e.expected))
            print("  actual:\n" + "\n".join("    " + l for l in a))
        elif args.verbose:
            print(f"{path}:{b.line}: ok ({origin}, {len(b.examples)} examples)")
    if args.write and replacements:
        for start, end, new in sorted(replacements, key=lambda r: r[0], reverse=True):
            old = lines[start:end]
            # keep the written lines when they already match (an error's text before its last line is free)
            if old and matches(old, new):
                continue
            lines[start:end] = new
        new_text = "\n".join(lines)
        if new_text != text:
            path.write_text(new_text, encoding="utf-8")
            print(f"{path}: rewritten")
    return len(blocks), failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "Content")])
    ap.add_argument("--write", action="store_true", help="rewrite expected outputs in place")
    ap.add_argument("--python", default=DEFAULT_PY, help="interpreter with torch and tensorflow")
    ap.add_argument("--conformance", default=DEFAULT_CONFORMANCE)
    ap.add_argument("-j", "--jobs", type=int, default=2, help="blocks recorded at once (default 2)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    files: list[Path] = []
    for p in map(Path, args.paths):
        files += sorted(p.rglob("*.md")) if p.is_dir() else [p]
    cases = load_conformance(args.conformance)
    total = failed = 0
    pool = ThreadPoolExecutor(max_workers=max(1, args.jobs))
    for f in files:
        n, bad = process_file(f, args, cases, pool)
        total += n
        failed += bad
    print(f"{total} blocks in {len(files)} files, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Records PyTorch's own documentation examples for the engine surface of SPEC §4 and writes them to
Tests/SnippetTests/Fixtures/doc_examples.jsonl (one case a line: id, topic, code, stdout, error — the format of
/work/shared/conformance/*.jsonl, so `conformance.py` runs it too).

Run with the virtualenv that has torch:  /work/venv/bin/python Scripts/doc_examples.py [--check BIN]

For every function / method / module below, the `>>>` examples of its docstring (torch/_torch_docs.py,
_tensor_docs.py, nn/functional.py, nn/modules/*.py, nn/parallel/data_parallel.py, optim/*.py,
autograd/*.py — read through `__doc__`, as Sphinx does) become one snippet per example block:
  - imports the block uses (torch, torch.nn as nn, torch.nn.functional as F, numpy as np) come first;
  - `torch.manual_seed(0)` follows when the block draws random numbers (the outputs printed in the docs are
    random; recorded here under that seed, which the engine reproduces bit for bit);
  - an expression statement whose value the interactive prompt would echo becomes `print(expr)`
    (decided by evaluating it with real PyTorch; None and `<... at 0x...>` values stay plain statements);
  - the block stops at its first uncaught error, which is recorded as {"type", "message"} (the first line of
    the message, what `tensorprep run` prints as the last line of its traceback).
Literal `Example::` blocks of plain Python (nn.Module, nn.Sequential) count as examples too.
Skipped: blocks that need CUDA, files or other modules, blocks that print uninitialised memory (`empty`),
blocks whose error is a NameError (fragments using names defined elsewhere in the prose), blocks whose output
differs between two runs.
Each snippet runs in a forked child of one process that imported torch once (CPU, 1 thread), so every case
starts from torch's defaults (default dtype, grad mode, print options, seed).

--check BIN additionally runs every case through `BIN run -` and lists the ones that differ; with
--update-test it also rewrites the list of passing ids in Tests/SnippetTests/DocExampleTests.swift.
"""
import argparse
import ast
import contextlib
import doctest
import io
import json
import os
import re
import subprocess
import sys
import textwrap
import traceback

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.set_num_threads(1)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Tests", "SnippetTests", "Fixtures", "doc_examples.jsonl")

def both(*names):
    """torch.X and torch.Tensor.X."""
    return [f"torch.{n}" for n in names] + [f"torch.Tensor.{n}" for n in names]

# SPEC §4, topic by topic. Names whose docstring has no `>>>` example contribute nothing.
SURFACE = {
    "creation": ["torch.tensor", "torch.zeros", "torch.ones", "torch.full", "torch.arange", "torch.linspace",
                 "torch.eye", "torch.empty", "torch.zeros_like", "torch.ones_like", "torch.full_like",
                 "torch.from_numpy", "torch.manual_seed", "torch.rand", "torch.randn", "torch.randint",
                 "torch.get_default_dtype", "torch.set_default_dtype", "torch.Tensor.new_tensor",
                 "torch.Tensor.new_zeros", "torch.Tensor.new_ones", "torch.Tensor.new_full",
                 "torch.Tensor.new_empty"],
    "attributes": ["torch.Tensor." + n for n in (
        "size dim ndim numel dtype type device is_cuda requires_grad requires_grad_ grad grad_fn is_leaf data "
        "item tolist numpy stride is_contiguous T float double long int bool to").split()] + ["torch.numel"],
    "movement": both(*"view reshape permute transpose t unsqueeze squeeze flatten contiguous expand repeat "
                      "clone detach chunk split cat stack".split()),
    "math": both(*"add sub mul div floor_divide remainder pow abs exp log sqrt clamp relu sigmoid tanh softmax "
                  "log_softmax where masked_fill equal allclose eq ne lt le gt ge bitwise_and bitwise_or "
                  "matmul mm".split())
            + ["torch.Tensor." + n for n in "add_ mul_ zero_ fill_ copy_ masked_fill_ clamp_".split()],
    "reduction": both(*"sum mean prod max min argmax argmin std var".split()),
    "indexing": both(*"gather scatter scatter_add scatter_reduce index_select take_along_dim".split())
                + ["torch.Tensor.scatter_", "torch.Tensor.scatter_add_", "torch.Tensor.scatter_reduce_"],
    "conv": ["F.unfold", "F.fold", "F.conv2d", "F.max_pool2d", "F.avg_pool2d", "nn.Unfold", "nn.Fold",
             "nn.MaxPool2d", "nn.AvgPool2d", "nn.Conv2d"],
    "autograd": ["torch.autograd.grad", "torch.autograd.backward", "torch.Tensor.backward",
                 "torch.Tensor.retain_grad", "torch.no_grad", "torch.enable_grad", "torch.is_grad_enabled",
                 "torch.set_grad_enabled", "torch.autograd.Variable"],
    "nn": ["nn.Module", "nn.Parameter", "nn.Linear", "nn.ReLU", "nn.Sigmoid", "nn.Tanh", "nn.Dropout",
           "nn.BatchNorm1d", "nn.BatchNorm2d", "nn.Flatten", "nn.Sequential", "nn.MSELoss",
           "nn.CrossEntropyLoss", "nn.DataParallel"]
          + ["nn.Module." + n for n in "train eval parameters named_parameters children zero_grad to cuda cpu".split()]
          + ["F." + n for n in "linear relu softmax log_softmax dropout batch_norm mse_loss cross_entropy".split()],
    "optim": ["optim.SGD", "optim.Adam", "optim.Optimizer.step", "optim.Optimizer.zero_grad"],
    # Beyond SPEC §4: other ops the engine's op table declares (same rules, topic "more").
    "more": both(*"cumsum flip roll tril triu narrow unbind unflatten nonzero logsumexp amax amin all any isclose "
                  "index_add bmm outer repeat_interleave broadcast_to expand_as view_as reshape_as select "
                  "movedim swapaxes addmm round trunc floor ceil sign neg reciprocal rsqrt square log1p "
                  "expm1 maximum minimum count_nonzero diag diagonal trace dot mv einsum norm".split())
            + ["torch.broadcast_shapes", "torch.broadcast_tensors", "torch.result_type", "torch.promote_types",
               "torch.can_cast", "torch.is_tensor", "torch.is_floating_point", "torch.set_printoptions",
               "F.one_hot", "F.pad", "F.nll_loss", "F.l1_loss", "F.gelu", "F.leaky_relu", "F.normalize",
               "nn.Softmax", "nn.LogSoftmax", "nn.Identity", "nn.ModuleList", "nn.L1Loss", "nn.NLLLoss",
               "nn.LeakyReLU", "nn.GELU", "nn.Embedding", "nn.LayerNorm"],
}

# Fragments whose prose defines their free names ("some function", "model"): the names they need, given
# before the block, and what to print after it (these examples print nothing themselves).
CONTEXT = {
    "optim.SGD": ("model = nn.Linear(3, 2)\ninput = torch.randn(4, 3)\ntarget = torch.randn(4, 2)\nloss_fn = nn.MSELoss()\n",
                  "print(model.weight)\nprint(model.bias)\nprint(optimizer)\n"),
    "nn.Module.parameters": ("model = nn.Conv2d(1, 20, 5)\n", ""),
    "torch.Tensor.requires_grad_": ("def preprocess(t):\n    return t * 2 - 1\n", ""),
}

ENV = {"torch": torch, "nn": nn, "F": F, "optim": optim}

def resolve(name):
    obj = ENV[name.split(".")[0]]
    for part in name.split(".")[1:]:
        obj = getattr(obj, part)
    return obj

RANDOM = re.compile(r"\b(rand|randn|randint|randperm|rand_like|randn_like|normal|normal_|uniform_|bernoulli|"
                    r"multinomial|dropout|Dropout|nn\.[A-Z]\w*\(|DataParallel)\b|nn\.[A-Z]")
SKIP = re.compile(r"cuda|device_ids|OrderedDict|\bopen\(|\bos\.|torch\.load|torch\.save|"
                  r"torchvision|scipy|distributed|dataset|\bDataLoader\b|lr_scheduler|\.pt\b")

def blocks(doc):
    """The doctest examples of a docstring, grouped into blocks: a new block starts wherever prose (not an
    example or its output) separates two examples."""
    parser = doctest.DocTestParser()
    parts = parser.parse(doc)
    out, cur = [], []
    for p in parts:
        if isinstance(p, doctest.Example):
            cur.append(p.source)
        elif p.strip() and cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out + literal_blocks(doc)

def literal_blocks(doc):
    """Examples written as reST literal blocks (`Example::` followed by indented code, as nn.Module and
    nn.Sequential do), when they are Python without `>>>` prompts."""
    lines, out = doc.splitlines(), []
    for n, line in enumerate(lines):
        if not re.match(r"\s*Examples?::\s*$", line):
            continue
        indent = len(line) - len(line.lstrip())
        body = []
        for l in lines[n + 1:]:
            if l.strip() and len(l) - len(l.lstrip()) <= indent:
                break
            body.append(l)
        code = textwrap.dedent("\n".join(body)).strip("\n") + "\n"
        if ">>>" in code or not code.strip():
            continue
        try:
            ast.parse(code)
        except SyntaxError:
            continue
        out.append([code])
    return out

def clean(src):
    lines = [l for l in src.splitlines() if not re.match(r"\s*#\s*(xdoctest|doctest)", l)]
    return "\n".join(lines).rstrip() + "\n" if any(l.strip() for l in lines) else ""

def without_skipped(src, truncate=False):
    """The block without its top-level statements that need CUDA, files or other modules (or, with truncate,
    up to the first of them); None if not Python, "" for a template."""
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return None
    if any(isinstance(n, ast.Constant) and n.value is Ellipsis for n in ast.walk(tree)):
        return ""  # a template with `...` placeholders
    lines, kept = src.splitlines(), []
    for stmt in tree.body:
        first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])
        text = "\n".join(lines[first - 1:stmt.end_lineno]) + "\n"
        if not SKIP.search(text) and not shows_uninitialised(stmt):
            kept.append(text)
        elif truncate:
            break
    return "".join(kept)

def shows_uninitialised(stmt):
    """An echoed `torch.empty(...)` / `x.new_empty(...)` / `torch.empty_like(...)`: memory PyTorch never wrote."""
    if not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return False
    f = stmt.value.func
    return (f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")) in ("empty", "new_empty", "empty_like")

def prelude(code):
    head = ["import torch"]
    if re.search(r"\bnn\.", code):
        head.append("import torch.nn as nn")
    if re.search(r"\bF\.", code):
        head.append("import torch.nn.functional as F")
    if re.search(r"\bnp\.", code):
        head.append("import numpy as np")
    if re.search(r"\bnumpy\.", code):
        head.append("import numpy")
    if re.search(r"\bmath\.", code):
        head.append("import math")
    if RANDOM.search(code):
        head.append("torch.manual_seed(0)")
    return "\n".join(head) + "\n"

def in_child(fn):
    """Runs fn() in a forked child; returns what it sends back (a JSON-able value)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            result = fn()
        except BaseException as e:  # noqa: BLE001 — report anything to the parent
            result = {"crash": repr(e)}
        with os.fdopen(w, "w") as f:
            json.dump(result, f)
        os._exit(0)
    os.close(w)
    with os.fdopen(r) as f:
        data = f.read()
    os.waitpid(pid, 0)
    return json.loads(data) if data else {"crash": "no result"}

def error_of(e):
    msg = str(e).split("\n")[0] if str(e) else ""
    name = type(e).__name__
    if type(e).__module__ not in ("builtins", "__main__"):
        name = f"{type(e).__module__}.{name}"
    return {"type": name, "message": msg}

def transform(statements_code):
    """Executes the block statement by statement with real torch and returns the snippet (with `print(expr)`
    for echoed expressions), its stdout and its error."""
    def go():
        ns = {"__name__": "__main__"}
        out = io.StringIO()
        code = prelude(statements_code)
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(code, "<prelude>", "exec"), ns)
            except BaseException as e:  # noqa: BLE001
                return {"code": code, "stdout": out.getvalue(), "error": error_of(e)}
        tree = ast.parse(statements_code)
        lines = statements_code.splitlines()
        for stmt in tree.body:
            first = min([stmt.lineno] + [d.lineno for d in getattr(stmt, "decorator_list", [])])
            src = "\n".join(lines[first - 1:stmt.end_lineno]) + "\n"
            with contextlib.redirect_stdout(out):
                try:
                    if isinstance(stmt, ast.Expr):
                        value = eval(compile(ast.Expression(stmt.value), "<doc>", "eval"), ns)
                        if value is not None and " at 0x" not in repr(value) and not src.lstrip().startswith("print("):
                            print(value)
                            tail = lines[stmt.end_lineno - 1][stmt.end_col_offset:].strip()  # a comment
                            src = f"print({ast.get_source_segment(statements_code, stmt.value)})"
                            src += f"  {tail}\n" if tail else "\n"
                    else:
                        exec(compile(ast.Module([stmt], []), "<doc>", "exec"), ns)
                except BaseException as e:  # noqa: BLE001
                    code += src
                    return {"code": code, "stdout": out.getvalue(), "error": error_of(e)}
            code += src
        last = next((s.targets[0].id for s in reversed(tree.body)
                     if isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name)), None)
        if not out.getvalue() and last and isinstance(ns.get(last), (torch.Tensor, nn.Module)):
            with contextlib.redirect_stdout(out):
                print(ns[last])  # the block shows nothing: show its result
            code += f"print({last})\n"
        return {"code": code, "stdout": out.getvalue(), "error": None}
    return in_child(go)

def replay(code):
    def go():
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(code, "<snippet>", "exec"), {"__name__": "__main__"})
            except BaseException as e:  # noqa: BLE001
                return {"stdout": out.getvalue(), "error": error_of(e)}
        return {"stdout": out.getvalue(), "error": None}
    return in_child(go)

def record():
    cases, skipped, seen = [], {}, set()
    for topic, names in SURFACE.items():
        for name in names:
            try:
                doc = resolve(name).__doc__ or ""
            except AttributeError:
                skipped[name] = "no such name"
                continue
            earlier = ""
            for k, block in enumerate(blocks(doc), 1):
                src = without_skipped(clean("".join(block)))
                if src is None:
                    skipped[f"{name}/{k}"] = "not Python"
                    continue
                if not src:
                    skipped[f"{name}/{k}"] = "needs CUDA, files or other modules, or is a template"
                    continue
                if src in seen:  # torch.X and Tensor.X sharing one docstring
                    continue
                seen.add(src)
                got = transform(src)
                if got.get("error") and got["error"]["type"] == "NameError" and earlier:
                    got = transform(earlier + src)  # the block continues an earlier one of the same docstring
                if got.get("error") and got["error"]["type"] == "NameError" and name in CONTEXT:
                    setup, show = CONTEXT[name]
                    got = transform(setup + src + show)
                if got.get("error") and got["error"]["type"] == "NameError":
                    head = without_skipped(clean("".join(block)), truncate=True)
                    if head and head != src:  # a later statement used a value the skipped statement made
                        got = transform(head)
                earlier += src
                if "crash" in got:
                    skipped[f"{name}/{k}"] = got["crash"]
                    continue
                if got["error"] and "builtin_function_or_method" in got["error"]["message"]:
                    got["error"] = {"type": "NameError", "message": "the builtin `input` stands for a tensor"}
                if got["error"] and got["error"]["type"] in ("NameError", "ModuleNotFoundError"):
                    skipped[f"{name}/{k}"] = f"{got['error']['type']}: {got['error']['message']}"
                    continue
                again, third = replay(got["code"]), replay(got["code"])
                if again != third or again.get("stdout") != got["stdout"] or again.get("error") != got["error"]:
                    skipped[f"{name}/{k}"] = "output not reproducible"
                    continue
                cases.append({"id": f"doc/{name}/{k}", "topic": topic, "code": got["code"],
                              "stdout": got["stdout"], "error": got["error"]})
    with open(OUT, "w", encoding="utf-8") as f:
        for c in cases:
            f.write(json.dumps(c) + "\n")
    print(f"{len(cases)} cases written to {os.path.relpath(OUT, ROOT)}; {len(skipped)} blocks skipped:")
    for k, why in skipped.items():
        print(f"  skip {k}: {why}")
    return cases

TEST = os.path.join(ROOT, "Tests", "SnippetTests", "DocExampleTests.swift")

def update_test(ids):
    text = open(TEST, encoding="utf-8").read()
    head, rest = text.split("static let passing: Set<String> = [\n", 1)
    tail = rest[rest.index("    ]\n"):]
    body = "".join(f'        "{i}",\n' for i in sorted(ids))
    with open(TEST, "w", encoding="utf-8") as f:
        f.write(head + "static let passing: Set<String> = [\n" + body + tail)

def check(binary, cases):
    bad, passing = 0, []
    for c in cases:
        p = subprocess.run([binary, "run", "-"], input=c["code"], capture_output=True, text=True, timeout=30)
        last = p.stderr.rstrip("\n").split("\n")[-1] if p.stderr.strip() else ""
        want = f"{c['error']['type']}: {c['error']['message']}" if c["error"] else ""
        ok = p.stdout == c["stdout"] and (p.returncode == 0) == (c["error"] is None) and last == want
        if ok:
            passing.append(c["id"])
        else:
            bad += 1
            print(f"FAIL {c['id']}\n  want: {(c['stdout'] + want)[-300:]!r}\n  got:  {(p.stdout + last)[-300:]!r}")
    print(f"{len(cases) - bad} of {len(cases)} pass")
    return passing

if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", metavar="BIN")
    ap.add_argument("--update-test", action="store_true")
    args = ap.parse_args()
    recorded = record()
    if args.check:
        ok = check(args.check, recorded)
        if args.update_test:
            update_test(ok)

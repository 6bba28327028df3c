#!/bin/sh
# Runs the snippet of each explain walkthrough that states its output under real PyTorch 2.15 / TensorFlow 2.21
# (/work/venv) and under `tensorprep run`, and diffs the two. TF snippets are written for tensorprep's TF1-style
# `import tensorflow as tf`; for real TensorFlow that line becomes tf.compat.v1 with v2 behaviour disabled.
# Usage: Scripts/check_explain_snippets.sh path/to/tensorprep [op ...]
set -u
bin=${1:?usage: $0 path/to/tensorprep [op ...]}
shift
python=${PYTHON:-/work/venv/bin/python}
[ $# -gt 0 ] || set -- tensor-vs-Tensor train-eval graph variable-scope
status=0
tmp=$(mktemp -d)
for op in "$@"; do
    "$bin" explain "$op" --snippet > "$tmp/snippet.py" || { echo "$op: explain failed"; status=1; continue; }
    sed 's/^import tensorflow as tf$/import tensorflow.compat.v1 as tf; tf.disable_v2_behavior()/' "$tmp/snippet.py" > "$tmp/real.py"
    "$bin" run "$tmp/snippet.py" > "$tmp/ours.txt" 2>&1
    TF_CPP_MIN_LOG_LEVEL=3 "$python" "$tmp/real.py" > "$tmp/real.txt" 2>/dev/null
    if diff "$tmp/real.txt" "$tmp/ours.txt"; then echo "$op: same output"; else echo "$op: DIFFERENT"; status=1; fi
done
rm -rf "$tmp"
exit $status

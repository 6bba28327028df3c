#!/usr/bin/env python3
"""Records what CPython 3.11 prints for the snippets of cpython_cases.py (cases separated by lines '#---').
Run from this directory:  python3 record_cpython.py > cpython_cases.json
Each case: code, stdout, error (the last line of the traceback, 'Type: message'), or null."""
import json, subprocess, sys
src = open('cpython_cases.py').read()
out = []
for code in src.split('\n#---\n'):
    code = code.strip('\n') + '\n'
    p = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=60)
    err = None
    if p.returncode != 0:
        lines = [l for l in p.stderr.strip().splitlines() if l.strip()]
        err = lines[-1] if lines else ''
    out.append({'code': code, 'stdout': p.stdout, 'error': err})
json.dump({'python': sys.version.split()[0], 'cases': out}, sys.stdout, indent=1, ensure_ascii=False)
print()

"""Compares notebooks executed by Jupyter (nbconvert/nbclient through the ReturnMonitor kernel) with the committed
ones written by the headless runner: same streams, same tables and values, same charts (by Plotly spec hash), no errors.

Usage: python3 compare_outputs.py COMMITTED_DIR EXECUTED_DIR
"""
import glob
import json
import os
import sys

PLOTLY = "application/vnd.plotly.v1+json"


def text(value):
    return "".join(value) if isinstance(value, list) else value


def normalize(outputs, executed):
    items = []
    for o in outputs:
        kind = o["output_type"]
        if kind == "error":
            items.append(("error", o["ename"], o["evalue"]))
            continue
        if kind == "stream":
            if items and items[-1][0] == "stream" and items[-1][1] == o["name"]:
                items[-1] = ("stream", o["name"], items[-1][2] + text(o["text"]))
            else:
                items.append(("stream", o["name"], text(o["text"])))
            continue
        data = o.get("data", {})
        chart_hash = o.get("metadata", {}).get("returnmonitor", {}).get("plotly_spec_sha256")
        if chart_hash and (PLOTLY in data or not executed):
            items.append(("chart", chart_hash))
            continue
        items.append(("display", text(data.get("text/html", "")), text(data.get("text/plain", "")), text(data.get("text/markdown", ""))))
    return items


committed_dir, executed_dir = sys.argv[1], sys.argv[2]
failed = False
for committed_path in sorted(glob.glob(os.path.join(committed_dir, "*.ipynb"))):
    name = os.path.basename(committed_path)
    committed = json.load(open(committed_path, encoding="utf-8"))
    executed = json.load(open(os.path.join(executed_dir, name), encoding="utf-8"))
    if executed["metadata"]["kernelspec"]["name"] != "returnmonitor-csharp":
        print(f"FAIL {name}: executed with kernel {executed['metadata']['kernelspec']['name']}")
        failed = True
        continue
    a = [c for c in committed["cells"] if c["cell_type"] == "code"]
    b = [c for c in executed["cells"] if c["cell_type"] == "code"]
    counts = {"cells": len(a), "tables": 0, "charts": 0}
    for i, (x, y) in enumerate(zip(a, b), start=1):
        nx, ny = normalize(x["outputs"], False), normalize(y["outputs"], True)
        errors = [o for o in ny if o[0] == "error"]
        if errors:
            print(f"FAIL {name}: cell {i}: error output {errors[0]}")
            failed = True
            break
        if nx != ny:
            for k in range(max(len(nx), len(ny))):
                p = nx[k] if k < len(nx) else None
                q = ny[k] if k < len(ny) else None
                if p != q:
                    print(f"FAIL {name}: cell {i}, output {k + 1}: committed {str(p)[:300]} / executed {str(q)[:300]}")
                    break
            failed = True
            break
        counts["charts"] += sum(1 for o in ny if o[0] == "chart")
        counts["tables"] += sum(1 for o in ny if o[0] == "display" and "<table" in o[1])
    else:
        if len(a) != len(b):
            print(f"FAIL {name}: {len(a)} code cells committed, {len(b)} executed")
            failed = True
        else:
            print(f"ok {name}: {counts['cells']} code cells, {counts['tables']} tables, {counts['charts']} charts as committed")
sys.exit(1 if failed else 0)

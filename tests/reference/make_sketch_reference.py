#!/usr/bin/python3
"""Reference KS statistics for continuous (6-decimal) samples, for tests/ReturnMonitor.Tests/Summaries/ContinuousSummaryTests.cs.

Writes tests/ReturnMonitor.Tests/Summaries/Reference/continuous_ks.json. Each sample is described, not listed:
  {"seed": s, "n": n, "scale": S, "offset": O}  ->  x_i = (floor(u_i * u_i * S) + O) / 1e6,
with u_i = (SplitMix64(seed + (i+1)*0x9E3779B97F4A7C15) >> 11) * 2^-53 (the generator of make_drift_reference.py).
Only IEEE-exact operations (multiply, floor, integer add, correctly rounded division), so C# rebuilds identical doubles.
The expected values are scipy.stats.ks_2samp(reference, current) (method='auto', two-sided).
Run: /usr/bin/python3 tests/reference/make_sketch_reference.py
"""
import json
import math
import os
import sys

import numpy
import scipy
from scipy import stats

MASK = (1 << 64) - 1


def splitmix(seed, n):
    out = []
    for i in range(n):
        z = (seed + (i + 1) * 0x9E3779B97F4A7C15) & MASK
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        out.append((z >> 11) * 2.0 ** -53)
    return out


def sample(spec):
    return [(math.floor(u * u * spec["scale"]) + spec["offset"]) / 1e6 for u in splitmix(spec["seed"], spec["n"])]


def case(name, ref, cur):
    a, b = sample(ref), sample(cur)
    result = stats.ks_2samp(a, b)
    return {"name": name, "reference": ref, "current": cur,
            "distinct_reference": len(set(a)), "distinct_current": len(set(b)),
            "ks_statistic": float(result.statistic), "ks_pvalue": float(result.pvalue),
            "call": "scipy.stats.ks_2samp(reference, current)"}


def main():
    cases = [
        case("same shape, 20000 vs 20000", dict(seed=11, n=20000, scale=500_000_000, offset=0),
             dict(seed=12, n=20000, scale=500_000_000, offset=0)),
        case("shifted by 2.5, 30000 vs 10000", dict(seed=21, n=30000, scale=500_000_000, offset=0),
             dict(seed=22, n=10000, scale=500_000_000, offset=2_500_000)),
        case("wider scale, 15000 vs 25000", dict(seed=31, n=15000, scale=100_000_000, offset=1_000_000),
             dict(seed=32, n=25000, scale=120_000_000, offset=1_000_000)),
    ]
    doc = {"generator": "tests/reference/make_sketch_reference.py", "python": sys.version.split()[0],
           "scipy": scipy.__version__, "numpy": numpy.__version__,
           "description": "Two-sample KS on continuous 6-decimal samples (SplitMix64, see the generator's docstring).",
           "cases": cases}
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ReturnMonitor.Tests", "Summaries", "Reference")
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "continuous_ks.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

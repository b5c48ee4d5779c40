#!/usr/bin/env python3
"""scipy.special.smirnov(n, x) at large n, where ReturnMonitor sums in logarithms (Drift/SmirnovLogSum.cs).

Writes tests/ReturnMonitor.Tests/Drift/Reference/smirnov_large_n.json. The points are the region a KS test of
10^4 .. 10^6 observations per side reaches through kstwo.sf = 2*smirnov (n*x^2 >= 2.2), including the n of the
1M vs 1M benchmark (500,000) and its measured statistics. Each call is an O(n) double-double sum in scipy:
about a minute in all.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special

OUT = os.path.join(os.path.dirname(__file__), "..", "ReturnMonitor.Tests", "Drift", "Reference", "smirnov_large_n.json")


def main():
    points = []
    for n in [10001, 20000, 123457, 500000, 999999]:
        for z2 in [2.2, 3.0, 8.0, 30.0, 120.0, 250.0, 369.0]:
            x = math.sqrt(z2 / n)
            points.append({"n": n, "x": float(x), "sf": float(special.smirnov(n, x))})
    # The statistics of the 1M vs 1M continuous benchmark (docs/continuous-numbers.md) at n_eff = 500,000.
    for x in [0.010002999999999984, 0.013933, 0.004079]:
        points.append({"n": 500000, "x": x, "sf": float(special.smirnov(500000, x))})
    doc = {
        "generator": "tests/reference/make_smirnov_large_reference.py",
        "python": sys.version.split()[0],
        "scipy": scipy.__version__,
        "numpy": np.__version__,
        "description": "The one-sided Smirnov survival function at large n (the log-space sum's range).",
        "calls": {"smirnov": "scipy.special.smirnov(n, x)"},
        "smirnov": points,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The seed system's drift computation on the same files, as the Python stack does it:
pandas.read_csv, then per feature numpy PSI over reference deciles, scipy ks_2samp + wasserstein_distance
for the 7 numeric features, chi2_contingency for the 2 categorical ones. Prints one line per feature.

Usage: /usr/bin/python3 bench/drift_python.py REFERENCE.csv CURRENT.csv
"""
import sys

import numpy as np
import pandas as pd
from scipy import stats

NUMERIC = ["product_price", "customer_purchase_history", "review_rating", "delivery_time_days",
           "discount_percentage", "previous_returns", "days_since_purchase"]
CATEGORICAL = ["product_category", "size_ordered"]


def psi(reference, current, bins=10):
    edges = np.unique(np.percentile(reference, np.linspace(0, 100, bins + 1)))
    if len(edges) < 2:
        return 0.0
    inner = edges[1:-1]
    ref = np.bincount(np.searchsorted(inner, reference, side="right"), minlength=len(edges) - 1) / len(reference)
    cur = np.bincount(np.searchsorted(inner, current, side="right"), minlength=len(edges) - 1) / len(current)
    ref = np.maximum(ref, 1e-4)
    cur = np.maximum(cur, 1e-4)
    return float(np.sum((cur - ref) * np.log(cur / ref)))


def main(reference_path, current_path):
    # keep_default_na=False: 'NA' is a size, not a missing value (as ReturnMonitor reads it).
    reference = pd.read_csv(reference_path, keep_default_na=False)
    current = pd.read_csv(current_path, keep_default_na=False)
    for name in NUMERIC:
        r = reference[name].to_numpy(dtype=float)
        c = current[name].to_numpy(dtype=float)
        ks = stats.ks_2samp(r, c)
        w = stats.wasserstein_distance(r, c)
        print(f"{name}: psi={psi(r, c):.6g} ks={ks.statistic!r} p={ks.pvalue!r} wasserstein={w:.6g}")
    for name in CATEGORICAL:
        r = reference[name].value_counts()
        c = current[name].value_counts()
        categories = sorted(set(r.index) | set(c.index))
        table = np.array([[r.get(k, 0) for k in categories], [c.get(k, 0) for k in categories]])
        chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
        rp = np.maximum(table[0] / table[0].sum(), 1e-4)
        cp = np.maximum(table[1] / table[1].sum(), 1e-4)
        cat_psi = float(np.sum((cp - rp) * np.log(cp / rp)))
        print(f"{name}: psi={cat_psi:.6g} chi2={chi2:.6g} p={p:.3g} dof={dof}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

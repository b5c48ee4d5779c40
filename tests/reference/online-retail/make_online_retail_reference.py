#!/usr/bin/python3
"""Reference drift values for the Online Retail sample (data/online-retail/SOURCE.md), month against month.

Run with Debian's python3 (scipy 1.10.1, numpy 1.24.2, pandas 1.5.3), from the repository root, on the file that
data/online-retail/prepare.py writes:

    /usr/bin/python3 tests/reference/online-retail/make_online_retail_reference.py SAMPLE.csv

and it writes tests/reference/online-retail/drift_by_month.json: the input's SHA-256 (the values hold for that file
only), the versions, the exact calls, and for the reference month REFERENCE against each later month:
  numeric columns      scipy.stats.ks_2samp(reference, current, alternative='two-sided', method='auto'): statistic,
                       p-value and the method that 'auto' used (exact while both samples have at most 10,000 values,
                       checked by recomputing with method='exact' and requiring the same p-value);
  categorical columns  scipy.stats.chi2_contingency(table, correction=False) on the 2 x k table of counts, in two
                       bucketings: "values" (every value its own category; categories absent from both months do not
                       exist) and "schema" (the MAX_CATEGORIES most frequent values of the WHOLE sample file kept,
                       ties broken by ordinal order of the value, every other value counted as "(other)": what
                       SchemaInference records with its default limit of 50); statistic, p-value, degrees of freedom.
Months are the calendar month of InvoiceDate (month first, 12/1/2010 8:26). Values are read as the file has them:
numbers with float(), categories as the exact text (no trimming). Deterministic: no randomness.
"""
import hashlib
import json
import os
import sys

import numpy as np
import pandas as pd
import scipy
from scipy import stats

REFERENCE = "2011-03"
NUMERIC = ["Quantity", "UnitPrice", "line_amount", "invoice_lines", "previous_orders", "previous_returns"]
CATEGORICAL = ["StockCode", "Country"]
MAX_CATEGORIES = 50
OTHER = "(other)"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drift_by_month.json")


def ks(a, b):
    result = stats.ks_2samp(a, b, alternative="two-sided", method="auto")
    exact = max(len(a), len(b)) <= 10_000
    if exact and stats.ks_2samp(a, b, alternative="two-sided", method="exact").pvalue != result.pvalue:
        sys.exit("method='auto' did not use the exact distribution")
    return {"statistic": float(result.statistic), "pvalue": float(result.pvalue), "method": "exact" if exact else "asymp",
            "n_reference": len(a), "n_current": len(b)}


def chi2(reference, current):
    categories = sorted(set(reference) | set(current))
    table = np.array([[reference.get(c, 0) for c in categories], [current.get(c, 0) for c in categories]])
    if len(categories) < 2:
        return {"statistic": 0.0, "pvalue": 1.0, "dof": 0, "categories": len(categories)}
    statistic, pvalue, dof, _ = stats.chi2_contingency(table, correction=False)
    return {"statistic": float(statistic), "pvalue": float(pvalue), "dof": int(dof), "categories": len(categories)}


def main():
    path = sys.argv[1]
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    month = pd.to_datetime(frame["InvoiceDate"], format="%m/%d/%Y %H:%M").dt.strftime("%Y-%m")
    kept = {}
    for column in CATEGORICAL:
        counts = frame[column].value_counts()
        ranked = sorted(counts.items(), key=lambda p: (-p[1], p[0]))
        kept[column] = [value for value, _ in ranked[:MAX_CATEGORIES]] if len(ranked) > MAX_CATEGORIES else None

    def counts(column, rows, bucketed):
        values = rows[column]
        if bucketed and kept[column] is not None:
            values = values.where(values.isin(kept[column]), OTHER)
        return values.value_counts().to_dict()

    reference = frame[month == REFERENCE]
    comparisons = []
    for current_month in sorted(m for m in month.unique() if m > REFERENCE):
        current = frame[month == current_month]
        comparisons.append({
            "reference": REFERENCE,
            "current": current_month,
            "numeric": {c: ks(reference[c].astype(float).to_numpy(), current[c].astype(float).to_numpy()) for c in NUMERIC},
            "categorical": {c: {"values": chi2(counts(c, reference, False), counts(c, current, False)),
                                "schema": chi2(counts(c, reference, True), counts(c, current, True))} for c in CATEGORICAL},
        })

    document = {
        "generator": "tests/reference/online-retail/make_online_retail_reference.py",
        "input": "data/online-retail/online_retail_sample.csv (written by data/online-retail/prepare.py)",
        "input_sha256": digest,
        "python": sys.version.split()[0], "scipy": scipy.__version__, "numpy": np.__version__, "pandas": pd.__version__,
        "calls": {
            "ks": "scipy.stats.ks_2samp(reference, current, alternative='two-sided', method='auto')",
            "chi2": "scipy.stats.chi2_contingency([[reference counts], [current counts]], correction=False)",
            "month": "pandas.to_datetime(InvoiceDate, format='%m/%d/%Y %H:%M').dt.strftime('%Y-%m')",
        },
        "bucketing": {
            "values": "every distinct text its own category; the table's columns are the categories seen in either month",
            "schema": f"the {MAX_CATEGORIES} most frequent values of the whole file (count descending, then ordinal "
                      f"order) kept, every other value counted as '{OTHER}'; null in 'kept' when the column has at "
                      f"most {MAX_CATEGORIES} values (then no bucketing)",
            "kept": kept,
        },
        "comparisons": comparisons,
    }
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        json.dump(document, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()

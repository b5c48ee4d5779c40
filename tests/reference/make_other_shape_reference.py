"""Reference values for OtherShapeDriftTests: a table of another shape than the demo's.

Writes the two fixture CSV files the test writes (same integer formulas, so byte-identical; their SHA-256 is stored and
checked by the test) and the drift statistics scipy gives on the columns that inference keeps:
  numeric:     scipy.stats.ks_2samp(reference, current)            (alternative='two-sided', method='auto')
  categorical: scipy.stats.chi2_contingency(table, correction=False) over the categories of both samples
Run: /usr/bin/python3 tests/reference/make_other_shape_reference.py > tests/ReturnMonitor.Tests/Drift/Reference/other_shape.json
"""
import hashlib
import json
import platform

import numpy
import scipy
from scipy import stats

METHODS = ["card", "card", "card", "card", "card", "paypal", "paypal", "paypal", "invoice", "cash"]
METHODS_NOW = ["card", "card", "card", "paypal", "paypal", "paypal", "paypal", "paypal", "invoice", "cash"]
HEADER = ",order_id,Product_Price,payment_method,customer_tenure_days,InvoiceDate,Description,Return_Status"


def rows(reference):
    n = 400 if reference else 300
    out = []
    for i in range(n):
        if reference:
            cents = 500 + (i * 3731) % 20000
            method = METHODS[(i * 7) % 10]
            tenure = (i * 97) % 2000
            month, day = 1 + (i % 3), 1 + (i * 5) % 28
        else:
            cents = 800 + (i * 4177) % 22000
            method = METHODS_NOW[(i * 3) % 10]
            tenure = 100 + (i * 89) % 1500
            month, day = 4 + (i % 3), 1 + (i * 3) % 28
        price = f"{cents // 100}.{cents % 100:02d}"
        date = f"{month}/{day}/2024 {8 + i % 10}:{(i * 7) % 60:02d}"
        text = f"Item {i % 7} in a gift box"
        status = "Returned" if (i * 11) % 9 == 0 else "Not Returned"
        out.append((i, f"ORD-{100000 + i}", price, method, tenure, date, text, status))
    return out


def csv_text(reference):
    lines = [HEADER] + [",".join(str(c) for c in r) for r in rows(reference)]
    return "\n".join(lines) + "\n"


def main():
    a, b = rows(True), rows(False)
    result = {
        "generator": "tests/reference/make_other_shape_reference.py",
        "python": platform.python_version(),
        "scipy": scipy.__version__,
        "numpy": numpy.__version__,
        "referenceSha256": hashlib.sha256(csv_text(True).encode()).hexdigest(),
        "currentSha256": hashlib.sha256(csv_text(False).encode()).hexdigest(),
        "numeric": [],
        "categorical": [],
    }
    for name, index in (("Product_Price", 2), ("customer_tenure_days", 4)):
        x = [float(r[index]) for r in a]
        y = [float(r[index]) for r in b]
        ks = stats.ks_2samp(x, y)
        result["numeric"].append({"name": name, "ksStatistic": float(ks.statistic), "ksPValue": float(ks.pvalue)})
    x = [r[3] for r in a]
    y = [r[3] for r in b]
    categories = sorted(set(x) | set(y))
    table = [[x.count(c) for c in categories], [y.count(c) for c in categories]]
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    result["categorical"].append({"name": "payment_method", "chiSquare": float(chi2), "chiSquarePValue": float(p), "dof": int(dof)})
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()

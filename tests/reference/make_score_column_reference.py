#!/usr/bin/python3
"""Generates the fixtures and reference values of the score-column tests
(tests/ReturnMonitor.Tests/Modeling/Scoring/Reference/): a model trained OUTSIDE ReturnMonitor, by scikit-learn, whose
scores are monitored from its score column alone.

Run with Debian's python3 (numpy 1.24.2, pandas 1.5.3, scikit-learn 1.2.1), from the repository root:

    /usr/bin/python3 tests/reference/make_score_column_reference.py

The model: sklearn.linear_model.LogisticRegression(max_iter=5000) on the seven numeric columns of data/train.csv,
fitted on a stratified 60% split (train_test_split(test_size=0.4, random_state=0, stratify=returned)). Its scores
(predict_proba[:, 1], written with Python's shortest round-trip repr) and decisions (predict) are added as the columns
`proba` and `pred` to
  reference_scored.csv  the 40% split it was not fitted on (its validation output: the monitoring's reference)
  batch_scored.csv      data/batch_2_flash_sale.csv (a labelled batch that drifted)
Expected values, per file (expected.json):
  rocAuc, accuracy, precision, recall, f1   sklearn.metrics.roc_auc_score(y, p), accuracy_score(y, p >= 0.5),
                                            precision_score / recall_score / f1_score(y, p >= 0.5, zero_division=0)
  ece, binCounts                            numpy: 10 equal-width bins, bin = min(floor(p * 10), 9);
                                            ECE = sum over non-empty bins of n_b / n * |mean(y_b) - mean(p_b)|
Output is deterministic.
"""
import json
import os

import numpy as np
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import train_test_split

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "tests", "ReturnMonitor.Tests", "Modeling", "Scoring", "Reference")
NUMERIC = ["product_price", "customer_purchase_history", "review_rating", "delivery_time_days",
           "discount_percentage", "previous_returns", "days_since_purchase"]


def read(name):
    # keep_default_na=False: "NA" in size_ordered is a category, not a gap.
    return pd.read_csv(os.path.join(ROOT, "data", name), keep_default_na=False)


def expected(frame):
    y = frame["returned"].to_numpy().astype(int)
    p = frame["proba"].to_numpy()
    decided = (p >= 0.5).astype(int)
    bins = np.minimum(np.floor(p * 10).astype(int), 9)
    ece = 0.0
    counts = []
    for b in range(10):
        mask = bins == b
        counts.append(int(mask.sum()))
        if mask.any():
            ece += mask.sum() / len(p) * abs(y[mask].mean() - p[mask].mean())
    return {
        "orders": int(len(y)),
        "rocAuc": float(roc_auc_score(y, p)),
        "accuracy": float(accuracy_score(y, decided)),
        "precision": float(precision_score(y, decided, zero_division=0)),
        "recall": float(recall_score(y, decided, zero_division=0)),
        "f1": float(f1_score(y, decided, zero_division=0)),
        "ece": float(ece),
        "binCounts": counts,
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    train = read("train.csv")
    fit, validation = train_test_split(train, test_size=0.4, random_state=0, stratify=train["returned"])
    model = LogisticRegression(max_iter=5000).fit(fit[NUMERIC], fit["returned"])
    result = {
        "provenance": {
            "script": "tests/reference/make_score_column_reference.py",
            "numpy": np.__version__, "pandas": pd.__version__, "sklearn": sklearn.__version__,
            "model": "LogisticRegression(max_iter=5000) on the numeric columns of data/train.csv, 60% stratified split, random_state=0",
        },
    }
    for name, frame in (("reference_scored.csv", validation.copy()), ("batch_scored.csv", read("batch_2_flash_sale.csv"))):
        frame["proba"] = model.predict_proba(frame[NUMERIC])[:, 1]
        frame["pred"] = model.predict(frame[NUMERIC])
        frame.to_csv(os.path.join(OUT, name), index=False, float_format=None)
        result[name] = expected(frame)
    with open(os.path.join(OUT, "expected.json"), "w") as out:
        json.dump(result, out, indent=2, sort_keys=True)
        out.write("\n")


if __name__ == "__main__":
    main()

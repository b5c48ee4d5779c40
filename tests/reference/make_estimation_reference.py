#!/usr/bin/python3
"""Generates the reference values of the importance-weighting tests
(tests/ReturnMonitor.Tests/Monitoring/Estimation/Reference/weighted_metrics.json).

Run with Debian's python3 (numpy 1.24.2, scikit-learn 1.2.1), from the repository root:

    /usr/bin/python3 tests/reference/make_estimation_reference.py

Each case stores its inputs (labels, scores rounded to 2 decimals so that ties occur, positive weights) drawn from a
seeded numpy Generator, and the expected values with the call that produced them:
  weighted accuracy/precision/recall/F1  sklearn.metrics.*_score(y, s >= 0.5, sample_weight=w, zero_division=0)
  weighted confusion matrix              sklearn.metrics.confusion_matrix(y, s >= 0.5, sample_weight=w)
  weighted ROC-AUC                       sklearn.metrics.roc_auc_score(y, s, sample_weight=w)
  effective sample size                  numpy: w.sum()**2 / (w**2).sum()
  weighted isotonic calibration          sklearn.isotonic.IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip")
                                         .fit(s, y, sample_weight=w).predict(query)
Output is deterministic.
"""
import json
import os
import sys

import numpy as np
import sklearn
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_score, recall_score, roc_auc_score

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ReturnMonitor.Tests", "Monitoring", "Estimation", "Reference")


def case(name, seed, n, weight_sigma):
    rng = np.random.default_rng(seed)
    s = np.round(rng.uniform(0, 1, n), 2)
    y = rng.uniform(0, 1, n) < s ** 1.5
    w = np.round(rng.lognormal(0.0, weight_sigma, n), 4)
    pred = s >= 0.5
    query = [0.0, 0.03, 0.2, 0.37, 0.5, 0.64, 0.81, 0.99, 1.0]
    iso = IsotonicRegression(y_min=0, y_max=1, out_of_bounds="clip").fit(s, y.astype(float), sample_weight=w)
    tn, fp, fn, tp = confusion_matrix(y, pred, sample_weight=w).ravel()
    return {
        "name": name,
        "numpy": f"default_rng({seed}): s = round(uniform(0,1,{n}), 2); y = uniform(0,1,{n}) < s**1.5; w = round(lognormal(0, {weight_sigma}, {n}), 4)",
        "labels": [int(v) for v in y],
        "scores": [float(v) for v in s],
        "weights": [float(v) for v in w],
        "accuracy": accuracy_score(y, pred, sample_weight=w),
        "precision": precision_score(y, pred, sample_weight=w, zero_division=0),
        "recall": recall_score(y, pred, sample_weight=w, zero_division=0),
        "f1": f1_score(y, pred, sample_weight=w, zero_division=0),
        "confusion": {"tn": tn, "fp": fp, "fn": fn, "tp": tp},
        "rocAuc": roc_auc_score(y, s, sample_weight=w),
        "effectiveSampleSize": float(w.sum() ** 2 / (w ** 2).sum()),
        "isotonicQuery": query,
        "isotonicPredicted": [float(v) for v in iso.predict(query)],
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    document = {
        "generator": "tests/reference/make_estimation_reference.py",
        "python": sys.version.split()[0],
        "numpy": np.__version__,
        "sklearn": sklearn.__version__,
        "cases": [
            case("small_mild_weights", 11, 40, 0.3),
            case("medium_heavy_weights", 23, 200, 1.2),
            case("large_moderate_weights", 37, 1000, 0.7),
        ],
    }
    with open(os.path.join(OUT, "weighted_metrics.json"), "w") as f:
        json.dump(document, f, indent=1, default=float)
        f.write("\n")


if __name__ == "__main__":
    main()

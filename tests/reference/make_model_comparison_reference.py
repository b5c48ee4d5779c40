#!/usr/bin/python3
"""Scores scikit-learn models on the SAME outer folds as `returnmonitor models` (ModelComparison in
lib/ReturnMonitor/Modeling/Selection/), as the outside reference of the model table.

Run with Debian's python3 (scikit-learn 1.2.1, numpy 1.24.2, pandas 1.5.3), from the repository root, after writing
the fold files with the CLI:

    dotnet run --project lib/ReturnMonitor.Cli -- models --data data/train.csv --folds-out tests/ReturnMonitor.Tests/Modeling/Reference/folds_demo.csv
    dotnet run --project lib/ReturnMonitor.Cli -- models --data tests/ReturnMonitor.Tests/Fixtures/original/train.csv --folds-out tests/ReturnMonitor.Tests/Modeling/Reference/folds_original.csv
    OMP_NUM_THREADS=1 /usr/bin/python3 tests/reference/make_model_comparison_reference.py

(one OpenMP thread: HistGradientBoosting then runs the same on any machine and does not spin on a shared one).

For each data set it reads the training CSV and the fold file (`row,fold`, row = 0-based data row in file order),
and for every outer fold k fits on the other folds and scores fold k. Written to
tests/ReturnMonitor.Tests/Modeling/Reference/model_comparison_<name>.json with the library versions, the SHA-256 of
the data and fold files it read (the C# tests check the fold file's hash against their own assignment), each model's
call, and per fold ROC-AUC (sklearn.metrics.roc_auc_score), Brier score (sklearn.metrics.brier_score_loss) and ECE
(10 equal-width bins on [0, 1], the last closed; sum of n_b/n * |observed rate - mean probability|, computed here
with numpy). Deterministic: every model has random_state, and no early stopping (fewer than 10,000 orders).
"""
import hashlib
import json
import os
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.metrics import brier_score_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
REFERENCE = os.path.join("tests", "ReturnMonitor.Tests", "Modeling", "Reference")
DATASETS = [
    ("demo", os.path.join("data", "train.csv")),
    ("original", os.path.join("tests", "ReturnMonitor.Tests", "Fixtures", "original", "train.csv")),
]
NUMERIC = ["product_price", "customer_purchase_history", "review_rating", "delivery_time_days",
           "discount_percentage", "previous_returns", "days_since_purchase"]
CATEGORICAL = ["product_category", "size_ordered"]
# The boosted trainers' grid of HyperParameterGrid.For (leaves x (iterations, learning rate)), min 20 per leaf.
GRID = {"max_leaf_nodes": [8, 16, 31], "min_samples_leaf": [20]}
SCHEDULES = [(100, 0.1), (300, 0.03)]


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def ece(y, p, bins=10):
    b = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for k in range(bins):
        m = b == k
        if m.any():
            total += m.sum() / len(y) * abs(y[m].mean() - p[m].mean())
    return float(total)


def one_hot(frame, categories):
    parts = [frame[NUMERIC].astype(float)]
    for c in CATEGORICAL:
        parts.append(pd.DataFrame({f"{c}={v}": (frame[c] == v).astype(float) for v in categories[c]}, index=frame.index))
    return pd.concat(parts, axis=1).to_numpy()


def ordinal(frame, categories):
    # Category codes from the training fold; a category unseen there becomes missing (HGB sends it to a learned side).
    cols = [frame[NUMERIC].astype(float).to_numpy()]
    for c in CATEGORICAL:
        codes = {v: i for i, v in enumerate(categories[c])}
        cols.append(frame[c].map(codes).astype(float).to_numpy()[:, None])
    return np.hstack(cols)


def native_mask():
    return [False] * len(NUMERIC) + [True] * len(CATEGORICAL)


def tuned_hgb(k):
    grid = [dict(max_leaf_nodes=[leaves], min_samples_leaf=[20], max_iter=[it], learning_rate=[lr])
            for leaves in GRID["max_leaf_nodes"] for it, lr in SCHEDULES]
    return GridSearchCV(HistGradientBoostingClassifier(categorical_features=native_mask(), random_state=0), grid,
                        scoring="roc_auc", cv=StratifiedKFold(3, shuffle=True, random_state=k), refit=True)


MODELS = [
    ("HistGradientBoosting (defaults, one-hot)",
     "HistGradientBoostingClassifier(random_state=0) on the 7 numeric + one-hot category columns (as ML.NET sees them)",
     one_hot, lambda k: HistGradientBoostingClassifier(random_state=0)),
    ("HistGradientBoosting (defaults, native categories)",
     "HistGradientBoostingClassifier(categorical_features=<the 2 category columns>, random_state=0) on ordinal codes",
     ordinal, lambda k: HistGradientBoostingClassifier(categorical_features=native_mask(), random_state=0)),
    ("HistGradientBoosting (tuned, native categories)",
     "GridSearchCV(HistGradientBoostingClassifier(categorical_features=..., random_state=0), max_leaf_nodes in {8,16,31} x "
     "(max_iter, learning_rate) in {(100, 0.1), (300, 0.03)}, min_samples_leaf=20, scoring='roc_auc', "
     "cv=StratifiedKFold(3, shuffle=True, random_state=k)) on the outer fold's training orders only",
     ordinal, tuned_hgb),
    ("RandomForest (the original system's)",
     "RandomForestClassifier(n_estimators=100, max_depth=10, min_samples_split=20, min_samples_leaf=10, random_state=42) "
     "on ordinal category codes (the original label-encodes)",
     ordinal, lambda k: RandomForestClassifier(n_estimators=100, max_depth=10, min_samples_split=20,
                                               min_samples_leaf=10, random_state=42, n_jobs=1)),
]


def mean_se(values):
    v = np.asarray(values)
    return float(v.mean()), float(v.std(ddof=1) / np.sqrt(len(v)))


def run(name, data_path):
    folds_path = os.path.join(REFERENCE, f"folds_{name}.csv")
    frame = pd.read_csv(os.path.join(ROOT, data_path), dtype={c: str for c in CATEGORICAL}, keep_default_na=False)
    folds = pd.read_csv(os.path.join(ROOT, folds_path))
    assert list(folds["row"]) == list(range(len(frame))), "fold file rows do not match the data rows"
    fold = folds["fold"].to_numpy()
    y = frame["returned"].astype(int).to_numpy()
    models = []
    for title, call, encode, make in MODELS:
        auc, brier, cal, chosen = [], [], [], []
        for k in sorted(set(fold)):
            train, test = frame[fold != k], frame[fold == k]
            categories = {c: sorted(train[c].unique()) for c in CATEGORICAL}
            model = make(k).fit(encode(train, categories), y[fold != k])
            p = model.predict_proba(encode(test, categories))[:, 1]
            auc.append(float(roc_auc_score(y[fold == k], p)))
            brier.append(float(brier_score_loss(y[fold == k], p)))
            cal.append(ece(y[fold == k], p))
            if hasattr(model, "best_params_"):
                chosen.append({key: model.best_params_[key] for key in sorted(model.best_params_)})
        entry = {"name": title, "call": call,
                 "rocAuc": {"perFold": auc, "mean": mean_se(auc)[0], "standardError": mean_se(auc)[1]},
                 "brier": {"perFold": brier, "mean": mean_se(brier)[0], "standardError": mean_se(brier)[1]},
                 "ece": {"perFold": cal, "mean": mean_se(cal)[0], "standardError": mean_se(cal)[1]}}
        if chosen:
            entry["chosen"] = chosen
        models.append(entry)
        print(f"{name:9s} {title:52s} auc {entry['rocAuc']['mean']:.4f} ± {entry['rocAuc']['standardError']:.4f}"
              f"  brier {entry['brier']['mean']:.4f}  ece {entry['ece']['mean']:.4f}")
    doc = {
        "generator": "tests/reference/make_model_comparison_reference.py",
        "python": sys.version.split()[0], "sklearn": sklearn.__version__, "numpy": np.__version__, "pandas": pd.__version__,
        "data": data_path.replace(os.sep, "/"), "dataSha256": sha256(os.path.join(ROOT, data_path)),
        "folds": folds_path.replace(os.sep, "/"), "foldsSha256": sha256(os.path.join(ROOT, folds_path)),
        "orders": int(len(frame)), "foldCount": int(len(set(fold))),
        "standardError": "sample standard deviation of the fold values (ddof=1) / sqrt(folds)",
        "models": models,
    }
    with open(os.path.join(ROOT, REFERENCE, f"model_comparison_{name}.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    for name, path in DATASETS:
        run(name, path)

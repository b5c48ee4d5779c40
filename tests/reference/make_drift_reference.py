#!/usr/bin/python3
"""Generates the reference values of the drift-kernel tests (tests/ReturnMonitor.Tests/Drift/Reference/*.json).

Run with Debian's python3 (scipy 1.10.1, numpy 1.24.2), from the repository root:

    /usr/bin/python3 tests/reference/make_drift_reference.py

Every JSON file records the generator, the library versions and, per case, the inputs, the expected outputs
and the scipy/numpy call that produced them. Output is deterministic (seeded numpy Generators).

Samples are stored in one of three forms (the C# tests rebuild the same sample):
  {"values": [...]}                        the observations themselves;
  {"counts": [[value, count], ...]}        value counts (for millions of observations);
  {"splitmix": {"seed": s, "n": n, "kind": "uniform", "lo": a, "hi": b}}  or  kind "int" with "k" and "offset":
      x_i = SplitMix64(seed + (i+1)·0x9E3779B97F4A7C15) for i = 0..n-1, u_i = (x_i >> 11)·2^-53 in [0, 1),
      value = lo + (hi - lo)·u_i  ("uniform")  or  floor(u_i·k) + offset  ("int").
      Computed here with numpy uint64 arithmetic; the C# tests compute the identical doubles.
Statistics that scipy/statsmodels do not provide (PSI, open-ended decile bins, BH without statsmodels) are computed
with plain numpy from their definitions, independently of the C# code path (searchsorted/bincount instead of
ECDF differences).
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import stats, special
from scipy.spatial.distance import jensenshannon
from scipy.stats._stats_py import _compute_prob_outside_square
from scipy.stats._stats_pythran import _compute_outer_prob_inside_method

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ReturnMonitor.Tests", "Drift", "Reference")
HEADER = {
    "generator": "tests/reference/make_drift_reference.py",
    "python": sys.version.split()[0],
    "scipy": scipy.__version__,
    "numpy": np.__version__,
}
Q_GRID = [0, 1, 2.5, 10, 12.5, 25, 100 / 3, 50, 200 / 3, 75, 90, 97.5, 99, 100]

MASK = np.uint64(0xFFFFFFFFFFFFFFFF)


def splitmix(seed, n):
    with np.errstate(over="ignore"):
        i = np.arange(1, n + 1, dtype=np.uint64)
        z = np.uint64(seed) + i * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


def build(spec):
    if "values" in spec:
        return np.asarray(spec["values"], dtype=np.float64)
    if "counts" in spec:
        return np.repeat(np.asarray([v for v, _ in spec["counts"]], dtype=np.float64),
                         np.asarray([c for _, c in spec["counts"]], dtype=np.int64))
    g = spec["splitmix"]
    u = splitmix(g["seed"], g["n"])
    if g["kind"] == "uniform":
        return g["lo"] + (g["hi"] - g["lo"]) * u
    if g["kind"] == "int":
        return np.floor(u * g["k"]) + g["offset"]
    raise ValueError(g)


def values(x):
    return {"values": [float(v) for v in x]}


def counts(x):
    v, c = np.unique(x, return_counts=True)
    return {"counts": [[float(a), int(b)] for a, b in zip(v, c)]}


def split(seed, n, kind="uniform", **kw):
    return {"splitmix": dict(seed=seed, n=n, kind=kind, **kw)}


def psi_bins(ref, x):
    edges = np.unique(np.percentile(ref, np.linspace(0, 100, 11)))
    if len(edges) == 1:
        c = edges[0]
        props = np.array([np.sum(x < c), np.sum(x == c), np.sum(x > c)]) / len(x)
    else:
        idx = np.searchsorted(edges[1:-1], x, side="right")
        props = np.bincount(idx, minlength=len(edges) - 1) / len(x)
    return edges, props


def psi(r, c):
    r = np.maximum(np.asarray(r, dtype=float), 1e-4)
    c = np.maximum(np.asarray(c, dtype=float), 1e-4)
    return float(np.sum((c - r) * np.log(c / r)))


def numeric_case(name, ref_spec, cur_spec, note=""):
    a = build(ref_spec)
    b = build(cur_spec)
    ks = stats.ks_2samp(a, b, alternative="two-sided", method="auto")
    exact = max(len(a), len(b)) <= 10000
    edges, rp = psi_bins(a, a)
    _, cp = psi_bins(a, b)
    w = stats.wasserstein_distance(a, b)
    std = float(np.std(a))
    # A constant reference has std 0 (numpy gives ~1e-17 for e.g. 50 x 0.1 through the rounded mean): divide by 1.
    divisor = 1.0 if np.all(a == a[0]) or std == 0 else std
    return {
        "name": name,
        "note": note,
        "reference": ref_spec,
        "current": cur_spec,
        "calls": {
            "ks": "scipy.stats.ks_2samp(reference, current, alternative='two-sided', method='auto')",
            "ks_exact": "'auto' chooses exact iff max(n1, n2) <= 10000 (no fallback observed for these cases)",
            "wasserstein": "scipy.stats.wasserstein_distance(reference, current)",
            "wasserstein_normed": "wasserstein / numpy.std(reference), or / 1 when the reference is constant",
            "decile_edges": "numpy.unique(numpy.percentile(reference, numpy.linspace(0, 100, 11)))",
            "bins": "numpy.bincount(numpy.searchsorted(edges[1:-1], x, side='right')) / len(x); one edge c: (x<c, x==c, x>c)",
            "psi": "sum((max(c,1e-4) - max(r,1e-4)) * log(max(c,1e-4)/max(r,1e-4)))",
            "js_numeric": "scipy.spatial.distance.jensenshannon(ref_bins, cur_bins, base=2)",
            "percentiles": "numpy.percentile(reference, q)",
            "mean_std": "numpy.mean(x), numpy.std(x) (ddof=0)",
        },
        "expected": {
            "n1": int(len(a)),
            "n2": int(len(b)),
            "ks_statistic": float(ks.statistic),
            "ks_pvalue": float(ks.pvalue),
            "ks_exact": exact,
            "wasserstein": float(w),
            "wasserstein_normed": float(w / divisor),
            "decile_edges": [float(e) for e in edges],
            "reference_bins": [float(p) for p in rp],
            "current_bins": [float(p) for p in cp],
            "psi": psi(rp, cp),
            "js_numeric": float(jensenshannon(rp, cp, base=2)),
            "percentile_q": Q_GRID,
            "reference_percentiles": [float(v) for v in np.percentile(a, Q_GRID)],
            "current_percentiles": [float(v) for v in np.percentile(b, Q_GRID)],
            "reference_mean": float(np.mean(a)),
            "reference_std": std,
            "current_mean": float(np.mean(b)),
            "current_std": float(np.std(b)),
        },
    }


def numeric_cases():
    rng = np.random.default_rng(20240601)
    cases = []
    cases.append(numeric_case("small normal 20 vs 25, shifted", values(rng.normal(0, 1, 20)), values(rng.normal(0.8, 1, 25))))
    cases.append(numeric_case("small normal 30 vs 30 (n1 == n2)", values(rng.normal(0, 1, 30)), values(rng.normal(0.3, 1.2, 30))))
    x = rng.normal(0, 1, 40)
    cases.append(numeric_case("identical samples 40", values(x), values(rng.permutation(x)), "p = 1, D = 0"))
    cases.append(numeric_case("n1 = n2 = 1, equal", values([3.5]), values([3.5])))
    cases.append(numeric_case("n1 = n2 = 1, different", values([3.5]), values([-1.0])))
    cases.append(numeric_case("n = 1 vs 30", values([0.25]), values(rng.normal(0, 1, 30))))
    cases.append(numeric_case("30 vs n = 1", values(rng.normal(0, 1, 30)), values([2.0])))
    cases.append(numeric_case("constant vs constant, same", values([7.0] * 15), values([7.0] * 22)))
    cases.append(numeric_case("constant vs constant, different", values([7.0] * 15), values([8.0] * 22)))
    cases.append(numeric_case("constant reference vs spread current", values([0.1] * 50), values(np.round(rng.normal(0.1, 0.05, 60), 2)),
                              "one decile edge: bins (-inf,c), [c,c], (c,inf); std 0 so Wasserstein normed divides by 1"))
    cases.append(numeric_case("ties: rounded normals 50 vs 50", values(np.round(rng.normal(0, 1, 50), 1)), values(np.round(rng.normal(0.2, 1, 50), 1))))
    cases.append(numeric_case("integer counts 0..30, 300 vs 400", values(np.minimum(rng.poisson(6, 300), 30)), values(np.minimum(rng.poisson(6.5, 400), 30))))
    cases.append(numeric_case("integer counts 0..30, 1000 vs 1000 same law", values(np.minimum(rng.poisson(4, 1000), 30)), values(np.minimum(rng.poisson(4, 1000), 30))))
    cases.append(numeric_case("binary 0/1, 500 vs 700", values(rng.binomial(1, 0.3, 500)), values(rng.binomial(1, 0.36, 700))))
    cases.append(numeric_case("medium 800 vs 1200 lognormal", values(rng.lognormal(3, 0.7, 800)), values(rng.lognormal(3.05, 0.7, 1200))))
    cases.append(numeric_case("medium 2000 vs 2000 shifted (tiny p)", values(rng.normal(0, 1, 2000)), values(rng.normal(0.4, 1, 2000))))
    cases.append(numeric_case("medium 1500 vs 1000 same law (p near 1)", values(rng.normal(50, 10, 1500)), values(rng.normal(50, 10, 1000))))
    cases.append(numeric_case("current far outside reference range", values(rng.uniform(10, 20, 200)), values(rng.uniform(100, 120, 150)),
                              "every current value above the top edge: last open bin gets 1"))
    cases.append(numeric_case("current partly below and above reference range", values(rng.uniform(0, 1, 300)), values(rng.uniform(-0.5, 1.5, 300))))
    cases.append(numeric_case("negative prices 3 decimals", values(np.round(rng.normal(-20, 5, 400), 3)), values(np.round(rng.normal(-21, 6, 350), 3))))
    cases.append(numeric_case("exact, 10000 vs 9999 uniform, small shift", split(1, 10000, lo=0.0, hi=1.0), split(2, 9999, lo=0.02, hi=1.02)))
    cases.append(numeric_case("exact, 10000 vs 10000 uniform, n1 == n2", split(3, 10000, lo=0.0, hi=1.0), split(4, 10000, lo=0.01, hi=1.01)))
    cases.append(numeric_case("exact, 6000 vs 4000 ints 0..30", split(5, 6000, "int", k=31, offset=0.0), split(6, 4000, "int", k=31, offset=0.0)))
    cases.append(numeric_case("asymptotic, 12000 vs 15000 same law", split(7, 12000, lo=0.0, hi=5.0), split(8, 15000, lo=0.0, hi=5.0)))
    cases.append(numeric_case("asymptotic, 12000 vs 15000 shifted (tiny p)", split(9, 12000, lo=0.0, hi=5.0), split(10, 15000, lo=0.15, hi=5.15)))
    cases.append(numeric_case("asymptotic, 12000 vs 15000 slight shift", split(11, 12000, lo=0.0, hi=5.0), split(12, 15000, lo=0.04, hi=5.04)))
    cases.append(numeric_case("asymptotic, 200000 vs 300000 slight shift", split(13, 200000, lo=0.0, hi=1.0), split(14, 300000, lo=0.003, hi=1.003)))
    cases.append(numeric_case("asymptotic, 200000 vs 300000 same law", split(15, 200000, lo=0.0, hi=1.0), split(16, 300000, lo=0.0, hi=1.0)))
    big1 = np.minimum(rng.poisson(5.0, 1_000_000), 30)
    big2 = np.minimum(rng.poisson(5.0, 1_000_000), 30)
    cases.append(numeric_case("asymptotic, 1e6 vs 1e6 integer counts (value counts)", counts(big1), counts(big2),
                              "n_eff = 500000 > 100000: Pelz-Good branch of kstwo"))
    cases.append(numeric_case("asymptotic small n_eff: 50 vs 20000", values(rng.normal(0.3, 1, 50)), split(17, 20000, lo=-2.0, hi=2.0),
                              "round(n1 n2/(n1+n2)) = 50 <= 140: Durbin/Pomeranz/Smirnov branches of kstwo"))
    cases.append(numeric_case("asymptotic small n_eff: 120 vs 11000, near 1", values(rng.uniform(0, 1, 120)), split(18, 11000, lo=0.0, hi=1.0)))
    cases.append(numeric_case("asymptotic small n_eff: 1 vs 20000", values([0.5]), split(19, 20000, lo=0.0, hi=1.0)))
    cases.append(numeric_case("asymptotic small n_eff: 8 vs 15000", values(rng.uniform(0.5, 1.0, 8)), split(20, 15000, lo=0.0, hi=1.0)))
    cases.append(numeric_case("asymptotic n_eff 500: 505 vs 50000", values(rng.uniform(0.05, 1.05, 505)), split(21, 50000, lo=0.0, hi=1.0)))
    cases.append(numeric_case("asymptotic n_eff 300: 303 vs 30000 near 1", values(rng.uniform(0, 1, 303)), split(22, 30000, lo=0.0, hi=1.0)))
    return cases


def categorical_case(name, ref, cur):
    cats = sorted(set(ref) | set(cur))
    r = np.array([ref.get(c, 0) for c in cats], dtype=float)
    c = np.array([cur.get(k, 0) for k in cats], dtype=float)
    table = np.vstack([r, c])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    rp, cp = r / r.sum(), c / c.sum()
    return {
        "name": name,
        "reference": ref,
        "current": cur,
        "calls": {
            "chi2": "scipy.stats.chi2_contingency([ref_counts, cur_counts], correction=False) over the sorted union of categories",
            "psi": "sum((max(c,1e-4) - max(r,1e-4)) * log(max(c,1e-4)/max(r,1e-4))) over proportions",
            "js": "scipy.spatial.distance.jensenshannon(ref_counts, cur_counts, base=2)",
        },
        "expected": {
            "categories": cats,
            "chi2_statistic": float(chi2),
            "chi2_pvalue": float(p),
            "chi2_dof": int(dof),
            "psi": psi(rp, cp),
            "js": float(jensenshannon(r, c, base=2)),
        },
    }


def categorical_cases():
    return [
        categorical_case("three channels, mild shift", {"web": 500, "app": 300, "store": 200}, {"web": 480, "app": 340, "store": 180}),
        categorical_case("same proportions", {"a": 10, "b": 20, "c": 30}, {"a": 20, "b": 40, "c": 60}),
        categorical_case("category only in current", {"S": 40, "M": 50, "L": 30}, {"S": 35, "M": 45, "L": 30, "XL": 12}),
        categorical_case("category only in reference", {"S": 40, "M": 50, "L": 30, "XXS": 3}, {"S": 35, "M": 45, "L": 30}),
        categorical_case("two categories, dof 1", {"yes": 120, "no": 880}, {"yes": 150, "no": 850}),
        categorical_case("disjoint supports", {"x": 5}, {"y": 7}),
        categorical_case("tiny p-value, large counts", {"a": 50000, "b": 30000, "c": 20000}, {"a": 40000, "b": 35000, "c": 25000}),
        categorical_case("p near 1", {"a": 1000, "b": 1000, "c": 1000, "d": 1000}, {"a": 1001, "b": 999, "c": 1000, "d": 1000}),
        categorical_case("many categories", {f"c{i:02d}": 10 + 3 * i for i in range(25)}, {f"c{i:02d}": 12 + 2 * i + (i % 4) for i in range(25)}),
        categorical_case("ordinal order of names", {"b": 3, "B": 4, "a": 5, "é": 6}, {"b": 2, "B": 6, "a": 5, "é": 1}),
        categorical_case("extreme p underflow region", {"a": 1_000_000, "b": 10}, {"a": 10, "b": 1_000_000}),
    ]


def kolmogorov_cases():
    # The one-sided Smirnov sum costs O(n) for large n (about 0.5 s per call at n = 1e5 in a Debug build, as slow
    # in scipy): for n > 50000 only one point per n goes through it (2.2 <= n x^2 < 370), the rest hit the
    # Durbin / Pelz-Good / closed-form / zero branches.
    ns = [1, 2, 3, 5, 10, 20, 50, 100, 140, 141, 200, 500, 1000, 6667, 20000, 100000, 100001, 150000, 600000, 2000000]
    points = []
    for n in ns:
        xs = set()
        for z in [0.05, 0.2, 0.4, 0.6, 0.8, 0.87, 1.0, 1.2, 1.48, 1.6, 2.0, 3.0, 5.0, 10.0, 19.0, 20.0]:
            if n > 50000 and 2.2 <= z * z < 370 and not (n == 100001 and z == 1.6):
                continue
            xs.add(min(z / math.sqrt(n), 0.999))
        for x in [0.5 / n, 0.6 / n, 0.9 / n, 1.0 / n, 1.5 / n, 0.3, 0.5, 0.7, 1 - 1.0 / n, 1 - 0.5 / n, 0.999]:
            if 0 < x < 1:
                xs.add(x)
        for x in sorted(xs):
            points.append({"n": n, "x": float(x), "sf": float(stats.kstwo.sf(x, n))})
    smirnov = []
    for n in [1, 2, 5, 9, 10, 11, 50, 140, 1000, 1013, 5000, 100000, 1000000, 1000001, 3000000]:
        for z in [0.01, 0.1, 0.5, 0.9, 1.0, 1.5, 2.5, 5.0, 8.0]:
            if 50000 < n <= 1000000 and not (n == 100000 and z == 5.0):
                continue  # O(n) sums: keep the test suite fast (see above)
            x = min(z / math.sqrt(n), 1.0)
            smirnov.append({"n": n, "x": float(x), "sf": float(special.smirnov(n, x))})
        for x in [0.5 / n, 1.0 / n, 0.5, 0.75, 1 - 1.0 / n]:
            if 0 <= x <= 1:
                smirnov.append({"n": n, "x": float(x), "sf": float(special.smirnov(n, x))})
    square = []
    for n, h in [(1, 1), (2, 1), (5, 2), (10, 3), (50, 5), (50, 30), (300, 17), (1000, 60), (1000, 400), (10000, 100), (10000, 2000)]:
        square.append({"n": n, "h": h, "p": float(_compute_prob_outside_square(n, h))})
    inside = []
    for m, n, h_frac in [(2, 1, 0.5), (5, 3, 0.4), (10, 7, 0.3), (20, 30, 0.25), (100, 80, 0.2), (130, 1000, 0.1),
                         (999, 1000, 0.05), (2500, 4000, 0.04), (5000, 9999, 0.03), (9999, 10000, 0.08), (40, 10000, 0.5), (3000, 6000, 0.02)]:
        g = math.gcd(m, n)
        lcm = m // g * n
        h = max(1, int(round(h_frac * lcm)))
        inside.append({"m": m, "n": n, "g": g, "h": h, "p": float(_compute_outer_prob_inside_method(m, n, g, h))})
    return {
        **HEADER,
        "description": "The one-sample Kolmogorov distribution and the two-sample exact probabilities used by ks_2samp.",
        "calls": {
            "kstwo": "scipy.stats.kstwo.sf(x, n)",
            "smirnov": "scipy.special.smirnov(n, x)",
            "square": "scipy.stats._stats_py._compute_prob_outside_square(n, h)",
            "inside": "scipy.stats._stats_pythran._compute_outer_prob_inside_method(m, n, g, h)",
        },
        "kstwo": points,
        "smirnov": smirnov,
        "square": square,
        "inside": inside,
    }


def bh(p):
    p = np.asarray(p, dtype=float)
    m = len(p)
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out


def multiple_testing_cases():
    rng = np.random.default_rng(7)
    vectors = [
        [0.01, 0.04, 0.03, 0.005, 0.5],
        [0.2],
        [0.0, 1.0, 0.5, 0.5, 0.5],
        [0.049, 0.049, 0.049, 0.001],
        [1e-12, 3e-8, 0.02, 0.9, 0.999, 0.04, 0.041],
        list(rng.uniform(0, 1, 40) ** 3),
    ]
    cases = []
    for v in vectors:
        v = [float(x) for x in v]
        cases.append({
            "p": v,
            "bh": [float(x) for x in bh(v)],
            "bonferroni": [float(x) for x in np.minimum(np.asarray(v) * len(v), 1.0)],
        })
    return {
        **HEADER,
        "description": "Benjamini-Hochberg and Bonferroni adjusted p-values.",
        "calls": {
            "bh": "statsmodels multipletests(p, method='fdr_bh') re-implemented in numpy (statsmodels absent): "
                  "sorted p * m / rank, reversed cumulative minimum, capped at 1, back to input order",
            "bonferroni": "numpy.minimum(p * m, 1)",
        },
        "cases": cases,
    }


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=None, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes")


def main():
    os.makedirs(OUT, exist_ok=True)
    write("numeric_cases.json", {**HEADER, "description": "Numeric drift kernels on pairs of samples (reference, current).",
                                 "cases": numeric_cases()})
    write("categorical_cases.json", {**HEADER, "description": "Categorical drift kernels on pairs of category counts.",
                                     "cases": categorical_cases()})
    write("kolmogorov_distribution.json", kolmogorov_cases())
    write("multiple_testing.json", multiple_testing_cases())


if __name__ == "__main__":
    main()

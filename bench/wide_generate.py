#!/usr/bin/python3
"""A wide order table for bench/wide.sh: 20 numeric and 20 categorical features (one of 5,000 distinct values) and a
0/1 label, as a reference file and a current file (the same shop with a few features drifted), plus its schema.json.

    python3 bench/wide_generate.py --rows 1000000 --out bench/out/wide-1000000

Seeded (numpy PCG64, --seed, default 20): the same arguments give byte-identical files on any machine with the same
numpy. Numbers are written with the few decimals a shop's data has (whole counts, cents, one-decimal ratings), not
inflated by float noise: about 190 bytes per row. Written in chunks of 100,000 rows: memory stays small whatever
--rows is.
"""
import argparse
import json
import os

import numpy as np

NUMERIC = 20
CATEGORICAL = 20
WIDE_CATEGORY_VALUES = 5000
CHUNK = 100_000


def numeric_column(rng, j, n, drift):
    """Column j: one of four shapes (prices, counts, ratings, durations) so the value sets differ as in real data."""
    shape = j % 4
    shift = 1.15 if drift and j in (0, 5) else 1.0
    if shape == 0:  # a price in cents, log-normal
        return np.round(rng.lognormal(3.5, 0.8, n) * shift, 2)
    if shape == 1:  # a count (earlier orders, items)
        return rng.poisson(3.0 * shift, n).astype(np.int64)
    if shape == 2:  # a one-decimal rating between 1 and 5
        return np.round(np.clip(rng.normal(3.9, 0.7, n), 1, 5), 1)
    return np.round(rng.gamma(2.0, 2.5 * shift, n)).astype(np.int64)  # whole days


def categorical_column(rng, j, n, drift):
    """Column 0 has 5,000 values (a product code, Zipf-like); the others 3 to 60 values."""
    if j == 0:
        weights = 1.0 / np.arange(1, WIDE_CATEGORY_VALUES + 1) ** 0.8
        codes = rng.choice(WIDE_CATEGORY_VALUES, size=n, p=weights / weights.sum())
        return np.char.add("P", np.char.zfill(codes.astype(str), 5))
    k = 3 + (j * 7) % 58
    p = np.linspace(2.0, 1.0, k)
    if drift and j in (1, 2):
        p = p[::-1]
    values = np.array([f"c{j}_{i}" for i in range(k)])
    return values[rng.choice(k, size=n, p=p / p.sum())]


def write(path, rows, seed, drift):
    rng = np.random.default_rng(seed)
    names = [f"num_{j + 1:02d}" for j in range(NUMERIC)] + [f"cat_{j + 1:02d}" for j in range(CATEGORICAL)] + ["returned"]
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write(",".join(names) + "\n")
        for start in range(0, rows, CHUNK):
            n = min(CHUNK, rows - start)
            columns = [numeric_column(rng, j, n, drift).astype(str) for j in range(NUMERIC)]
            columns += [categorical_column(rng, j, n, drift) for j in range(CATEGORICAL)]
            columns.append((rng.random(n) < (0.14 if drift else 0.12)).astype(np.int64).astype(str))
            table = np.stack(columns, axis=1)
            out.write("\n".join(",".join(row) for row in table.tolist()) + "\n")
    return names


def schema(names):
    columns = [{"name": n, "role": "numeric"} for n in names if n.startswith("num_")]
    columns += [{"name": n, "role": "categorical"} for n in names if n.startswith("cat_")]
    columns.append({"name": "returned", "role": "target", "positive": "1"})
    return {"version": 1, "columns": columns}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    names = write(os.path.join(args.out, "train.csv"), args.rows, args.seed, drift=False)
    write(os.path.join(args.out, "current.csv"), args.rows, args.seed + 1, drift=True)
    with open(os.path.join(args.out, "schema.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(schema(names), f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()

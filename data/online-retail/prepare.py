#!/usr/bin/python3
"""Builds the small Online Retail order file (data/online-retail/SOURCE.md says where the source comes from).

Input: the UCI "Online Retail" data set (Chen, Sain & Guo 2012; UCI id 352; CC BY 4.0), 541,909 lines, either as the
Parquet copy named in SOURCE.md or as a CSV with the UCI header. This machine's python has no Parquet reader, so a
Parquet source is converted to CSV first with DuckDB's C library (the one the DuckDB.NET package ships), through
ctypes; give its path with --libduckdb.

    /usr/bin/python3 data/online-retail/prepare.py --source online_retail.parquet \
        --libduckdb ~/.nuget/packages/duckdb.net.bindings.full/1.5.6.1/runtimes/linux-x64/native/libduckdb.so \
        --out data/online-retail

Output (deterministic: a seeded numpy Generator over sorted invoice numbers, fixed number formats):
  online_retail_sample.csv   one row per order line of a seeded sample of invoices, 2010-12 .. 2011-11
and a summary (JSON) on stdout with the counts that SOURCE.md quotes.

What it does, in order (the label is derived on the FULL data, then invoices are sampled):
 1. Product lines only: StockCode starting with five digits (drops POST, D, M, C2, DOT, BANK CHARGES, AMAZONFEE,
    CRUK, PADS, S, B, gift_*, DCGS*: postage, discounts, fees and manual adjustments, not goods).
 2. Purchases: InvoiceNo not starting with 'C', CustomerID present, Quantity > 0, UnitPrice > 0.
    Cancellations: InvoiceNo starting with 'C', CustomerID present, Quantity < 0.
 3. returned: each cancellation's quantity |Quantity| is matched to purchase lines of the same CustomerID and
    StockCode whose InvoiceDate is at or before the cancellation's, most recent first (a cancellation most likely
    undoes the latest purchase), each purchase line taking at most its own Quantity less what earlier cancellations
    took. A purchase line with any quantity matched gets returned = 1, else 0. Quantity left unmatched (the purchase
    was before 2010-12-01, or was not a product line of that customer) is counted in the summary.
 4. Derived columns, from the full data and known when the order was placed: line_amount = Quantity x UnitPrice;
    invoice_lines = product lines in the same invoice; previous_orders = the customer's purchase invoices strictly
    earlier; previous_returns = the customer's product cancellation lines strictly earlier (counts start at
    2010-12-01: the data set has nothing earlier).
 5. Months 2010-12 .. 2011-11 (2011-12 has only 9 days and its returns are not yet seen); each invoice kept with
    probability FRACTION, drawn in sorted-InvoiceNo order from numpy.random.default_rng(SEED).
 6. Written with the original column names and InvoiceDate in its original form, month first (12/1/2010 8:26).
"""
import argparse
import ctypes
import hashlib
import json
import os
import sys
import tempfile

import numpy as np
import pandas as pd

SEED = 20_101_201
FRACTION = 0.05
FIRST_MONTH, LAST_MONTH = "2010-12", "2011-11"
COLUMNS = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country",
           "line_amount", "invoice_lines", "previous_orders", "previous_returns", "returned"]
UCI_COLUMNS = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]


def parquet_to_csv(parquet, libduckdb, csv):
    """Converts with DuckDB's C API (duckdb_open/connect/query); the result struct is opaque here, so a buffer larger
    than it is passed and only the state and error message are read."""
    lib = ctypes.CDLL(libduckdb)
    lib.duckdb_result_error.restype = ctypes.c_char_p
    db, con = ctypes.c_void_p(), ctypes.c_void_p()
    if lib.duckdb_open(None, ctypes.byref(db)) != 0 or lib.duckdb_connect(db, ctypes.byref(con)) != 0:
        sys.exit(f"{libduckdb}: cannot open DuckDB")
    result = ctypes.create_string_buffer(256)
    quoted = lambda p: "'" + p.replace("'", "''") + "'"
    sql = f"COPY (SELECT * FROM read_parquet({quoted(parquet)})) TO {quoted(csv)} (HEADER)"
    if lib.duckdb_query(con, sql.encode(), result) != 0:
        sys.exit(f"{parquet}: {lib.duckdb_result_error(result).decode()}")
    lib.duckdb_destroy_result(result)
    lib.duckdb_disconnect(ctypes.byref(con))
    lib.duckdb_close(ctypes.byref(db))


def read_source(path, libduckdb):
    if path.endswith(".parquet"):
        if not libduckdb:
            sys.exit(f"{path}: a Parquet source needs --libduckdb (this python has no Parquet reader)")
        with tempfile.TemporaryDirectory() as tmp:
            csv = os.path.join(tmp, "source.csv")
            parquet_to_csv(path, libduckdb, csv)
            return read_source(csv, None)
    # Text stays text (StockCode "85123A", InvoiceNo "C536379"); only empty cells are missing ("NA" is not).
    frame = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "Description": str, "Country": str},
                        keep_default_na=False, na_values=[""])
    if list(frame.columns) != UCI_COLUMNS:
        sys.exit(f"{path}: header {list(frame.columns)} is not the UCI Online Retail header {UCI_COLUMNS}")
    frame["InvoiceDate"] = pd.to_datetime(frame["InvoiceDate"])
    frame["row"] = np.arange(len(frame))
    return frame


def label_returns(purchases, cancellations):
    """Returns (matched quantity per purchase row, unmatched cancelled quantity); see step 3 of the module doc."""
    matched = pd.Series(0, index=purchases.index, dtype=np.int64)
    unmatched = 0
    # Only the (customer, stock code) pairs that have a cancellation need their purchases in time order.
    keys = pd.MultiIndex.from_frame(cancellations[["CustomerID", "StockCode"]]).unique()
    candidates = purchases[pd.MultiIndex.from_frame(purchases[["CustomerID", "StockCode"]]).isin(keys)]
    by_key = {key: group.sort_values(["InvoiceDate", "row"]) for key, group in candidates.groupby(["CustomerID", "StockCode"])}
    left = purchases["Quantity"].astype(np.int64).copy()
    for cancel in cancellations.sort_values(["InvoiceDate", "InvoiceNo", "row"]).itertuples():
        quantity = -int(cancel.Quantity)
        group = by_key.get((cancel.CustomerID, cancel.StockCode))
        if group is not None:
            earlier = group[group["InvoiceDate"] <= cancel.InvoiceDate]
            for index in reversed(earlier.index):
                if quantity == 0:
                    break
                take = min(quantity, int(left[index]))
                left[index] -= take
                matched[index] += take
                quantity -= take
        unmatched += quantity
    return matched, unmatched


def month_first(stamp):
    return f"{stamp.month}/{stamp.day}/{stamp.year} {stamp.hour}:{stamp.minute:02d}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", required=True, help="the UCI Online Retail data, .parquet or .csv")
    parser.add_argument("--libduckdb", help="path of libduckdb.so, for a .parquet source")
    parser.add_argument("--out", required=True, help="folder to write online_retail_sample.csv into")
    args = parser.parse_args()

    source = read_source(args.source, args.libduckdb)
    product = source["StockCode"].str.match(r"^\d{5}")
    cancelled = source["InvoiceNo"].str.startswith("C")
    has_customer = source["CustomerID"].notna()
    purchases = source[product & ~cancelled & has_customer & (source["Quantity"] > 0) & (source["UnitPrice"] > 0)].copy()
    cancellations = source[product & cancelled & has_customer & (source["Quantity"] < 0)].copy()
    purchases["CustomerID"] = purchases["CustomerID"].astype(np.int64)
    cancellations["CustomerID"] = cancellations["CustomerID"].astype(np.int64)

    matched, unmatched = label_returns(purchases, cancellations)
    purchases["returned"] = (matched > 0).astype(np.int64)
    purchases["line_amount"] = (purchases["Quantity"] * purchases["UnitPrice"]).round(2)
    purchases["invoice_lines"] = purchases.groupby("InvoiceNo")["InvoiceNo"].transform("size")

    # Strictly earlier counts per customer: searchsorted on each customer's sorted invoice and cancellation times.
    invoice_times = purchases.groupby("InvoiceNo").agg(CustomerID=("CustomerID", "first"), InvoiceDate=("InvoiceDate", "min"))
    orders_before = {c: np.sort(g["InvoiceDate"].values) for c, g in invoice_times.groupby("CustomerID")}
    returns_before = {c: np.sort(g["InvoiceDate"].values) for c, g in cancellations.groupby("CustomerID")}
    empty = np.array([], dtype="datetime64[ns]")
    purchases["previous_orders"] = [int(np.searchsorted(orders_before[c], t, side="left"))
                                    for c, t in zip(purchases["CustomerID"], purchases["InvoiceDate"].values)]
    purchases["previous_returns"] = [int(np.searchsorted(returns_before.get(c, empty), t, side="left"))
                                     for c, t in zip(purchases["CustomerID"], purchases["InvoiceDate"].values)]

    month = purchases["InvoiceDate"].dt.strftime("%Y-%m")
    window = purchases[(month >= FIRST_MONTH) & (month <= LAST_MONTH)]
    invoices = np.array(sorted(window["InvoiceNo"].unique()))
    keep = invoices[np.random.default_rng(SEED).random(len(invoices)) < FRACTION]
    sample = window[window["InvoiceNo"].isin(set(keep))].sort_values("row")

    out = sample.copy()
    out["InvoiceDate"] = out["InvoiceDate"].map(month_first)
    out["UnitPrice"] = out["UnitPrice"].map(lambda v: f"{v:.10g}")
    out["line_amount"] = out["line_amount"].map(lambda v: f"{v:.2f}")
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "online_retail_sample.csv")
    out[COLUMNS].to_csv(path, index=False, lineterminator="\n")

    sample_month = sample["InvoiceDate"].dt.strftime("%Y-%m")
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    summary = {
        "source_lines": int(len(source)),
        "source_first": str(source["InvoiceDate"].min()), "source_last": str(source["InvoiceDate"].max()),
        "purchase_lines": int(len(purchases)), "cancellation_lines": int(len(cancellations)),
        "cancelled_quantity": int(-cancellations["Quantity"].sum()),
        "matched_quantity": int(matched.sum()), "unmatched_quantity": int(unmatched),
        "full_return_rate": round(float(purchases["returned"].mean()), 6),
        "window_invoices": int(len(invoices)), "sampled_invoices": int(len(keep)),
        "sample_lines": int(len(sample)), "sample_customers": int(sample["CustomerID"].nunique()),
        "sample_returned": int(sample["returned"].sum()),
        "sample_return_rate": round(float(sample["returned"].mean()), 6),
        "file_bytes": os.path.getsize(path), "file_sha256": digest,
        "months": {m: {"lines": int(len(g)), "invoices": int(g["InvoiceNo"].nunique()), "returned": int(g["returned"].sum()),
                       "return_rate": round(float(g["returned"].mean()), 4)}
                   for m, g in sample.groupby(sample_month)},
        "full_months": {m: round(float(g["returned"].mean()), 4) for m, g in purchases.groupby(month)},
    }
    json.dump(summary, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()

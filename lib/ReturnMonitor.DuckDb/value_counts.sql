-- ReturnMonitor value counts: the exact summary of an order table in one pass, as a long table feature,value,count.
-- Written by `returnmonitor profile --emit-sql --schema schema.json --table NAME --dialect duckdb`.
--
-- What it computes
--   One GROUP BY GROUPING SETS query: for each numeric and categorical feature of the schema, and for the target,
--   the number of orders having each distinct value, plus the number of orders (the empty grouping set, written as
--   feature 'rows', value 'all'). ReturnMonitor's reference profile is nothing but these counts, so
--       returnmonitor profile --counts counts.csv --out profile.json
--   builds exactly the profile that `returnmonitor profile --data orders.csv` builds from the rows.
--   Counts merge by addition: run the query per partition, per day or per worker and concatenate the outputs;
--   records of the same feature and value are added up on import. The row count lets the import detect a missing
--   feature: every feature's counts must add up to it.
--
-- Input: the table named in FROM, with the schema's columns under their exact names (every name is quoted).
--   Numeric features: any numeric type (keep values exact: DOUBLE, DECIMAL or integer).
--   Categorical features: any type; the value is its text ('NA' is a category, not a NULL).
--   Target: 0/1 or boolean when the schema's positive value is 1 or true; otherwise the text equal to the positive
--   value (trimmed, either case) counts as 1 and any other value as 0. Unlabelled data: drop the target's three lines.
--   A NULL is rejected on import when building a profile (every reference order needs every value), as our CSV
--   reader rejects an empty cell there; for a batch a NULL is counted as missing, as our reader counts a gap.
--   GROUPING() tells a NULL value from the grouping sets' NULLs, so the query needs no change for gaps.
--
-- Output: feature, value, count. value is the value as text; any round-trip exact text form works
--   (46, 46.0 and 4.6E1 are read as the same number). count is an integer. Write it as CSV with a header line
--   (feature,value,count) or as Parquet (string, string, integer); many part files are fine:
--   `returnmonitor profile --counts part-*.csv` adds them up.
--
-- Dialect: DuckDB. `returnmonitor --engine duckdb` runs this statement after a WITH reading the files
--   (tested in CI: byte-identical profiles with our own reader).
SELECT
    CASE
        WHEN GROUPING("product_price") = 0 THEN 'product_price'
        WHEN GROUPING("customer_purchase_history") = 0 THEN 'customer_purchase_history'
        WHEN GROUPING("review_rating") = 0 THEN 'review_rating'
        WHEN GROUPING("delivery_time_days") = 0 THEN 'delivery_time_days'
        WHEN GROUPING("discount_percentage") = 0 THEN 'discount_percentage'
        WHEN GROUPING("previous_returns") = 0 THEN 'previous_returns'
        WHEN GROUPING("days_since_purchase") = 0 THEN 'days_since_purchase'
        WHEN GROUPING("product_category") = 0 THEN 'product_category'
        WHEN GROUPING("size_ordered") = 0 THEN 'size_ordered'
        WHEN GROUPING("returned") = 0 THEN 'returned'
        ELSE 'rows'
    END AS feature,
    CASE
        WHEN GROUPING("product_price") = 0 THEN CAST("product_price" AS VARCHAR)
        WHEN GROUPING("customer_purchase_history") = 0 THEN CAST("customer_purchase_history" AS VARCHAR)
        WHEN GROUPING("review_rating") = 0 THEN CAST("review_rating" AS VARCHAR)
        WHEN GROUPING("delivery_time_days") = 0 THEN CAST("delivery_time_days" AS VARCHAR)
        WHEN GROUPING("discount_percentage") = 0 THEN CAST("discount_percentage" AS VARCHAR)
        WHEN GROUPING("previous_returns") = 0 THEN CAST("previous_returns" AS VARCHAR)
        WHEN GROUPING("days_since_purchase") = 0 THEN CAST("days_since_purchase" AS VARCHAR)
        WHEN GROUPING("product_category") = 0 THEN CAST("product_category" AS VARCHAR)
        WHEN GROUPING("size_ordered") = 0 THEN CAST("size_ordered" AS VARCHAR)
        WHEN GROUPING("returned") = 0 THEN CAST("returned" AS VARCHAR)
        ELSE 'all'
    END AS value,
    COUNT(*) AS count
FROM "orders"
GROUP BY GROUPING SETS (
    ("product_price"),
    ("customer_purchase_history"),
    ("review_rating"),
    ("delivery_time_days"),
    ("discount_percentage"),
    ("previous_returns"),
    ("days_since_purchase"),
    ("product_category"),
    ("size_ordered"),
    ("returned"),
    ()
);

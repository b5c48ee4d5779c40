-- ReturnMonitor value counts: the exact summary of an order table in one pass, as a long table feature,value,count.
--
-- What it computes
--   One GROUP BY GROUPING SETS query: for each feature the number of orders having each distinct value, plus the
--   number of orders (the empty grouping set, written as feature 'rows', value 'all'). ReturnMonitor's reference
--   profile is nothing but these counts, so
--       returnmonitor profile --counts counts.csv --out profile.json
--   builds exactly the profile that `returnmonitor profile --data orders.csv` builds from the rows.
--   Counts merge by addition: run the query per partition, per day or per worker and concatenate the outputs;
--   records of the same feature and value are added up on import. The row count lets the import detect a missing
--   feature: every feature's counts must add up to it.
--
-- Input: a table or view named orders with the columns of the order CSV format:
--   product_price, customer_purchase_history, review_rating, delivery_time_days, discount_percentage,
--   previous_returns, days_since_purchase   numbers (any numeric type; keep the values exact: DOUBLE or DECIMAL)
--   product_category, size_ordered           text ('NA' in size_ordered is the "no size" category, not a NULL)
--   returned                                 0/1 or boolean; for unlabelled data drop its three lines below
--                                            (the GROUPING(returned) branch of both CASEs and the (returned) set)
--   A NULL is rejected on import when building a profile (every reference order needs every value), as our CSV reader
--   rejects an empty cell there; for a batch (`drift --engine duckdb`) a NULL feature value is counted as missing, as
--   our reader counts a gap in a batch. The query itself needs no change: GROUPING() tells a NULL value from the
--   grouping sets' NULLs.
--
-- Output: feature, value, count. value is the value as text; any round-trip exact text form works
--   (46, 46.0 and 4.6E1 are read as the same number). count is an integer.
--
-- Dialects. The query is ANSI SQL (GROUPING SETS, GROUPING(), CASE, CAST, COUNT(*)); no engine-specific function.
--   DuckDB      runs as is; `returnmonitor --engine duckdb` runs this file unchanged after a WITH orders AS (…) reading the files
--               (tested in CI: byte-identical profiles with our own reader).
--   Trino       runs as is. CAST(DOUBLE AS VARCHAR) gives scientific notation ('2.8E0'); the import reads it.
--   Spark SQL   runs as is on Spark 3.1+ (VARCHAR(n) in a CAST is read as STRING); on older versions or if the parser
--               rejects it, write STRING for VARCHAR(64). Column names: none of feature, value, count needs quoting.
--   BigQuery    write STRING for VARCHAR(64) (BigQuery has no VARCHAR). CAST(FLOAT64 AS STRING) may round to fewer
--               digits than a double holds; values of order data (prices, days, one-decimal ratings) are unaffected,
--               but for arbitrary doubles use FORMAT('%.17g', x), which is BigQuery-specific.
--   Spark SQL, Trino and BigQuery are NOT run in CI here: the notes above come from their documentation.
--   Write the result as CSV with a header line (feature,value,count) or as Parquet (string, string, integer);
--   many part files are fine: `returnmonitor profile --counts part-*.csv` adds them up.
--
-- Numbers: GROUP BY on the typed column groups 46 and 46.0 together; the text form only needs to read back to the
-- same number. Aggregating a DOUBLE column through text in a non-round-trip format (fewer than 17 significant
-- digits) would merge distinct values; check with the rows total and a spot comparison when moving to a new engine.
SELECT
    CASE
        WHEN GROUPING(product_price) = 0 THEN 'product_price'
        WHEN GROUPING(customer_purchase_history) = 0 THEN 'customer_purchase_history'
        WHEN GROUPING(review_rating) = 0 THEN 'review_rating'
        WHEN GROUPING(delivery_time_days) = 0 THEN 'delivery_time_days'
        WHEN GROUPING(discount_percentage) = 0 THEN 'discount_percentage'
        WHEN GROUPING(previous_returns) = 0 THEN 'previous_returns'
        WHEN GROUPING(days_since_purchase) = 0 THEN 'days_since_purchase'
        WHEN GROUPING(product_category) = 0 THEN 'product_category'
        WHEN GROUPING(size_ordered) = 0 THEN 'size_ordered'
        WHEN GROUPING(returned) = 0 THEN 'returned'
        ELSE 'rows'
    END AS feature,
    CASE
        WHEN GROUPING(product_price) = 0 THEN CAST(product_price AS VARCHAR(64))
        WHEN GROUPING(customer_purchase_history) = 0 THEN CAST(customer_purchase_history AS VARCHAR(64))
        WHEN GROUPING(review_rating) = 0 THEN CAST(review_rating AS VARCHAR(64))
        WHEN GROUPING(delivery_time_days) = 0 THEN CAST(delivery_time_days AS VARCHAR(64))
        WHEN GROUPING(discount_percentage) = 0 THEN CAST(discount_percentage AS VARCHAR(64))
        WHEN GROUPING(previous_returns) = 0 THEN CAST(previous_returns AS VARCHAR(64))
        WHEN GROUPING(days_since_purchase) = 0 THEN CAST(days_since_purchase AS VARCHAR(64))
        WHEN GROUPING(product_category) = 0 THEN product_category
        WHEN GROUPING(size_ordered) = 0 THEN size_ordered
        WHEN GROUPING(returned) = 0 THEN CAST(returned AS VARCHAR(64))
        ELSE 'all'
    END AS value,
    COUNT(*) AS count
FROM orders
GROUP BY GROUPING SETS (
    (product_price),
    (customer_purchase_history),
    (review_rating),
    (delivery_time_days),
    (discount_percentage),
    (previous_returns),
    (days_since_purchase),
    (product_category),
    (size_ordered),
    (returned),
    ()
);

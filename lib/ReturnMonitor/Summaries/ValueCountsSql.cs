using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Writes the value-count query for a <see cref="DatasetSchema"/>: one <c>GROUP BY GROUPING SETS</c> over a table,
/// giving the long table <c>feature,value,count</c> that <see cref="ValueCountsBuilder"/> (and <c>profile --counts</c>)
/// turns into the exact summary — one grouping set per numeric and categorical feature, one for the target, and the
/// empty set for the row count (<c>rows,all,N</c>). The demo's <c>value_counts.sql</c> is this query for
/// <c>data/schema.json</c>, table <c>orders</c>, dialect DuckDB.
/// </summary>
/// <remarks>
/// Order of the sets: numeric features, categorical features (each in schema order), then the target. Every value is
/// written as text (<see cref="SqlText.TextType"/>; numbers by a round-trip form), so one result type serves every
/// column. The target: when its <c>positive</c> value is <c>1</c> or <c>true</c> its values are written as they are
/// (0/1 or booleans; the import refuses anything else); otherwise a value equal to <c>positive</c> (trimmed,
/// upper-cased by the engine on both sides) is written <c>1</c>, any other non-NULL value <c>0</c>. A NULL stays NULL:
/// the import counts it as a gap or refuses it, never as 0. Every name is quoted (<see cref="SqlText"/>) and no name
/// appears in a comment, so no header can change the query.
/// </remarks>
public static class ValueCountsSql
{
    /// <summary>The query as a script: a comment saying what it computes and how to run it, the statement and <c>;</c>.</summary>
    /// <param name="schema">The table's columns; its numeric and categorical features and its target are counted.</param>
    /// <param name="table">The table or view to read, optionally qualified with dots (see <see cref="SqlText.TableName"/>).</param>
    /// <param name="dialect">The engine.</param>
    /// <exception cref="ArgumentException">The schema has neither feature nor target, a column is named like the row-count record, or a name cannot be quoted.</exception>
    public static string Script(DatasetSchema schema, string table, SqlDialect dialect) =>
        Header(dialect) + Statement(schema, table, dialect) + ";\n";

    /// <summary>The statement alone, without comments or the final <c>;</c>, to be run or wrapped (<c>COPY (…) TO</c>, a CTE).</summary>
    /// <exception cref="ArgumentException">As for <see cref="Script"/>.</exception>
    public static string Statement(DatasetSchema schema, string table, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var columns = schema.NumericFeatures.Concat(schema.CategoricalFeatures)
            .Concat(schema.Target is { } target ? [target] : [])
            .ToArray();
        if (columns.Length == 0)
        {
            throw new ArgumentException("the schema has no numeric or categorical feature and no target: there is nothing to count");
        }

        if (columns.FirstOrDefault(c => c.Name == ValueCountsBuilder.RowsFeature) is { } clash)
        {
            throw new ArgumentException($"column '{TerminalText.Escape(clash.Name)}' has the name of the row-count record: rename it or mark it ignored in the schema");
        }

        var from = SqlText.TableName(table, dialect);
        var sql = new StringBuilder();
        sql.Append("SELECT\n    CASE\n");
        foreach (var c in columns)
        {
            sql.Append($"        WHEN GROUPING({Name(c, dialect)}) = 0 THEN {SqlText.Literal(c.Name, dialect)}\n");
        }

        sql.Append($"        ELSE {SqlText.Literal(ValueCountsBuilder.RowsFeature, dialect)}\n    END AS feature,\n    CASE\n");
        foreach (var c in columns)
        {
            sql.Append($"        WHEN GROUPING({Name(c, dialect)}) = 0 THEN {Value(c, dialect)}\n");
        }

        sql.Append($"        ELSE {SqlText.Literal(ValueCountsBuilder.RowsValue, dialect)}\n    END AS value,\n    COUNT(*) AS count\n");
        sql.Append($"FROM {from}\nGROUP BY GROUPING SETS (\n");
        foreach (var c in columns)
        {
            sql.Append($"    ({Name(c, dialect)}),\n");
        }

        sql.Append("    ()\n)");
        return sql.ToString();
    }

    /// <summary>Whether the target's values are written as they are (positive <c>1</c> or <c>true</c>) rather than mapped to 1/0.</summary>
    public static bool TargetWrittenAsIs(SchemaColumn target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var positive = target.Positive?.Trim() ?? "";
        return positive == "1" || positive.Equals("true", StringComparison.OrdinalIgnoreCase);
    }

    private static string Name(SchemaColumn column, SqlDialect dialect) => SqlText.Identifier(column.Name, dialect);

    private static string Value(SchemaColumn column, SqlDialect dialect)
    {
        var name = Name(column, dialect);
        var text = $"CAST({name} AS {SqlText.TextType(dialect)})";
        if (column.Role == ColumnRole.Numeric && dialect == SqlDialect.BigQuery)
        {
            // BigQuery's CAST(FLOAT64 AS STRING) may drop digits; 17 significant digits read back to the same double.
            return $"FORMAT('%.17g', CAST({name} AS FLOAT64))";
        }

        if (column.Role != ColumnRole.Target || TargetWrittenAsIs(column))
        {
            return text;
        }

        var positive = SqlText.Literal(column.Positive!.Trim(), dialect);
        return $"CASE WHEN {name} IS NULL THEN NULL WHEN UPPER(TRIM({text})) = UPPER({positive}) THEN '1' ELSE '0' END";
    }

    private static string Header(SqlDialect dialect) => $"""
        -- ReturnMonitor value counts: the exact summary of an order table in one pass, as a long table feature,value,count.
        -- Written by `returnmonitor profile --emit-sql --schema schema.json --table NAME --dialect {SqlText.DialectNames[(int)dialect]}`.
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
        -- Dialect: {DialectNote(dialect)}

        """;

    private static string DialectNote(SqlDialect dialect) => dialect switch
    {
        SqlDialect.DuckDb => """
            DuckDB. `returnmonitor --engine duckdb` runs this statement after a WITH reading the files
            --   (tested in CI: byte-identical profiles with our own reader).
            """,
        SqlDialect.Postgres => """
            PostgreSQL 12 or later (tested in CI on a PostgreSQL server: the counts give a profile byte-identical
            --   to our own reader's). Before 12, DOUBLE PRECISION is written with 15 digits unless SET extra_float_digits = 3.
            --   A literal holding a backslash is written E'…', so standard_conforming_strings does not matter.
            """,
        SqlDialect.Spark => """
            Spark SQL 3 (not run in CI here; from its documentation). Names in backticks; literals use backslash
            --   escapes (keep spark.sql.parser.escapedStringLiterals at its default, false).
            """,
        _ => """
            BigQuery GoogleSQL (not run in CI here; from its documentation). Names in backticks; numbers are written
            --   with FORMAT('%.17g', …) because CAST(FLOAT64 AS STRING) may drop digits.
            """,
    };
}

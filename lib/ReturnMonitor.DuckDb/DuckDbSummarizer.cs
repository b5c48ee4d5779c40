using DuckDB.NET.Data;
using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// Summarises order data with DuckDB embedded: many CSV or Parquet files at once (a glob such as <c>lake/*.csv</c> or
/// <c>lake/**/*.parquet</c>, hive-partitioned folders <c>day=…/part-0.parquet</c> included), through the shipped
/// <see cref="ValueCountsQuery"/> over a view named <c>orders</c>. The result (a few records per distinct value) is
/// streamed into a <see cref="ValueCountsBuilder"/>: no copy of the data is made, DuckDB aggregates on all cores.
/// The summary equals the one <see cref="OrderFile.Summarize"/> builds from the same rows.
/// </summary>
/// <remarks>
/// Files are matched by column name (<c>union_by_name</c>), so column order may differ between files; a file lacking a
/// column gives NULLs there, which the import rejects like an empty cell. Parquet is chosen by the extension
/// <c>.parquet</c> of the pattern. Bad input is one <see cref="DataFormatException"/>: a number that does not parse names
/// file, line and column (CSV, from DuckDB's message); a NULL or out-of-range value names the column and the value but
/// no line, since DuckDB has already aggregated.
/// </remarks>
public static class DuckDbSummarizer
{
    /// <summary>The exact summary of all rows matched by <paramref name="data"/>.</summary>
    /// <param name="data">A file or a DuckDB glob pattern (<c>*</c>, <c>**</c>, <c>?</c>) of CSV files, or of Parquet files (<c>.parquet</c>).</param>
    /// <param name="displayName">Source name of the summary and name used in errors; defaults to <paramref name="data"/>.</param>
    /// <exception cref="DataFormatException">No file matches, a required column is missing, or a value is bad.</exception>
    public static DatasetSummary Summarize(string data, string? displayName = null)
    {
        var name = displayName ?? data;
        var builder = new ValueCountsBuilder();
        using var connection = Open();
        try
        {
            var labelled = CreateOrdersView(connection, data, name);
            using var command = connection.CreateCommand();
            command.CommandText = ValueCountsQuery.Statement;
            command.UseStreamingMode = true;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var feature = reader.GetString(0);
                if (!labelled && feature == OrderSchema.Target)
                {
                    // The view's stand-in NULL label: unlabelled data has no 'returned' counts.
                    continue;
                }

                builder.Add(feature, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), name, null);
            }
        }
        catch (DuckDBException e)
        {
            throw DuckDbErrors.Map(e, name);
        }

        return builder.Build(name, name);
    }

    /// <summary>
    /// Writes the counts of the rows matched by <paramref name="data"/> as a CSV count file (header feature,value,count),
    /// as any engine would with the shipped query: DuckDB's own <c>COPY (…) TO</c>, no value passes through .NET.
    /// </summary>
    /// <exception cref="DataFormatException">As for <see cref="Summarize"/> (only DuckDB's own errors: values are checked on import).</exception>
    public static void WriteCounts(string data, string countsPath)
    {
        using var connection = Open();
        try
        {
            var labelled = CreateOrdersView(connection, data, data);
            var query = labelled ? ValueCountsQuery.Statement : $"SELECT * FROM ({ValueCountsQuery.Statement}) WHERE feature <> '{OrderSchema.Target}'";
            Execute(connection, $"COPY ({query}) TO {Literal(countsPath)} (FORMAT csv, HEADER true, DELIMITER ',')");
        }
        catch (DuckDBException e)
        {
            throw DuckDbErrors.Map(e, data);
        }
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Creates the view <c>orders</c> the shipped SQL reads: the schema's columns as DOUBLE (numbers and the label) and
    /// VARCHAR (categories), whatever the file types. Returns whether the data has the <c>returned</c> column; when not,
    /// the view has a NULL stand-in so that the same SQL runs unchanged.
    /// </summary>
    private static bool CreateOrdersView(DuckDBConnection connection, string data, string name)
    {
        var source = Source(data);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"DESCRIBE SELECT * FROM {source}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0));
            }
        }

        foreach (var feature in OrderSchema.Features)
        {
            if (!columns.Contains(feature.Name))
            {
                throw new DataFormatException(name, null, feature.Name, "required column is missing (in every file matched)");
            }
        }

        var labelled = columns.Contains(OrderSchema.Target);
        var select = OrderSchema.Features
            .Select(f => f.Kind == FeatureKind.Numeric ? $"CAST({f.Name} AS DOUBLE) AS {f.Name}" : $"CAST({f.Name} AS VARCHAR) AS {f.Name}")
            .Append(labelled ? $"CAST({OrderSchema.Target} AS DOUBLE) AS {OrderSchema.Target}" : $"CAST(NULL AS DOUBLE) AS {OrderSchema.Target}");
        Execute(connection, $"CREATE TEMP VIEW orders AS SELECT {string.Join(", ", select)} FROM {source}");
        return labelled;
    }

    private static string Source(string data)
    {
        if (OrderFile.IsParquet(data))
        {
            return $"read_parquet({Literal(data)}, union_by_name = true)";
        }

        // Types are given for the schema's columns so that a bad cell fails in the CSV reader, which names file and line;
        // 'returned' is left to detection because unlabelled files lack it (a bad label then fails in the view's CAST).
        var types = string.Join(", ", OrderSchema.Features.Select(f => $"'{f.Name}': '{(f.Kind == FeatureKind.Numeric ? "DOUBLE" : "VARCHAR")}'"));
        return $"read_csv({Literal(data)}, header = true, delim = ',', quote = '\"', escape = '\"', union_by_name = true, types = {{{types}}})";
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}

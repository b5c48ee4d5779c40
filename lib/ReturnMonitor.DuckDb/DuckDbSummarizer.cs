using DuckDB.NET.Data;
using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// Summarises order data with DuckDB embedded: many CSV or Parquet files at once (a glob such as <c>lake/*.csv</c> or
/// <c>lake/**/*.parquet</c>, hive-partitioned folders <c>day=…/part-0.parquet</c> included), through the shipped
/// <see cref="ValueCountsQuery"/> over <c>orders</c> (a CTE reading the files). The result (a few records per distinct value) is
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
    /// <param name="missing">
    /// <see cref="MissingCells.Allow"/> for a batch: a NULL feature value (an empty CSV cell, a Parquet null) is counted
    /// as missing, as our reader counts gaps; the default rejects it.
    /// </param>
    /// <param name="allowRemote">
    /// Read remote data (<c>https://</c>, <c>s3://</c>, …) through DuckDB's <c>httpfs</c> extension, which must be installed
    /// already; without it a remote path is refused (<see cref="RemotePaths"/>).
    /// </param>
    /// <exception cref="DataFormatException">No file matches, a required column is missing, a value is bad, or a remote path is not allowed.</exception>
    public static DatasetSummary Summarize(string data, string? displayName = null, MissingCells missing = MissingCells.Reject, bool allowRemote = false)
    {
        var name = displayName ?? data;
        RemotePaths.Check(data, allowRemote);
        using var connection = Open(allowRemote);
        return WithLabelOrWithout(name, labelled => SummarizeOnce(connection, data, name, labelled, missing));
    }

    /// <summary>
    /// Writes the counts of the rows matched by <paramref name="data"/> as a CSV count file (header feature,value,count),
    /// as any engine would with the shipped query: DuckDB's own <c>COPY (…) TO</c>, no value passes through .NET.
    /// </summary>
    /// <exception cref="DataFormatException">As for <see cref="Summarize"/> (only DuckDB's own errors: values are checked on import); remote paths are refused.</exception>
    public static void WriteCounts(string data, string countsPath)
    {
        RemotePaths.Check(data, allowRemote: false);
        RemotePaths.Check(countsPath, allowRemote: false);
        using var connection = Open(allowRemote: false);
        WithLabelOrWithout(data, labelled =>
        {
            var query = labelled ? Query(data, labelled) : $"SELECT * FROM ({Query(data, labelled)}) WHERE feature <> '{OrderSchema.Target}'";
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({query}) TO {Literal(countsPath)} (FORMAT csv, HEADER true, DELIMITER ',')";
            command.ExecuteNonQuery();
            return true;
        });
    }

    private static DatasetSummary SummarizeOnce(DuckDBConnection connection, string data, string name, bool labelled, MissingCells missing)
    {
        var builder = new ValueCountsBuilder { MissingCells = missing };
        using var command = connection.CreateCommand();
        command.CommandText = Query(data, labelled);
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var feature = reader.GetString(0);
            if (!labelled && feature == OrderSchema.Target)
            {
                // The stand-in NULL label: unlabelled data has no 'returned' counts.
                continue;
            }

            builder.Add(feature, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), name, null);
        }

        return builder.Build(name, name);
    }

    /// <summary>
    /// Runs <paramref name="body"/> for labelled data and, when DuckDB finds no <c>returned</c> column, again for unlabelled
    /// data. Trying first is cheaper than asking: a DESCRIBE would sniff every file of a glob once more.
    /// </summary>
    private static T WithLabelOrWithout<T>(string name, Func<bool, T> body)
    {
        try
        {
            try
            {
                return body(true);
            }
            catch (DuckDBException e) when (DuckDbErrors.IsMissingColumn(e, OrderSchema.Target))
            {
                return body(false);
            }
        }
        catch (DuckDBException e)
        {
            throw DuckDbErrors.Map(e, name);
        }
    }

    internal static DuckDBConnection Open(bool allowRemote)
    {
        // Set when the database is created, before any statement: no query can make DuckDB fetch or load code.
        var connection = new DuckDBConnection($"DataSource=:memory:;{RemotePaths.ConnectionSettings}");
        connection.Open();
        if (allowRemote)
        {
            try
            {
                using var load = connection.CreateCommand();
                load.CommandText = "LOAD httpfs;";
                load.ExecuteNonQuery();
            }
            catch (DuckDBException)
            {
                connection.Dispose();
                throw new DataFormatException("httpfs", null, null,
                    "remote data needs DuckDB's httpfs extension installed beforehand (e.g. duckdb -c \"INSTALL httpfs\"); ReturnMonitor never downloads extensions");
            }
        }

        return connection;
    }

    /// <summary>
    /// The shipped statement, unchanged, after a <c>WITH orders AS (…)</c> that reads the files: the schema's columns as
    /// DOUBLE (numbers and the label) and VARCHAR (categories), whatever the file types. For unlabelled data the label is a
    /// NULL stand-in, so that the same SQL runs; its records are dropped. A CTE rather than a view: the files are bound once.
    /// </summary>
    private static string Query(string data, bool labelled)
    {
        var select = OrderSchema.Features
            .Select(f => f.Kind == FeatureKind.Numeric ? $"CAST(files.{f.Name} AS DOUBLE) AS {f.Name}" : $"CAST(files.{f.Name} AS VARCHAR) AS {f.Name}")
            .Append(labelled ? $"CAST(files.{OrderSchema.Target} AS DOUBLE) AS {OrderSchema.Target}" : $"CAST(NULL AS DOUBLE) AS {OrderSchema.Target}");
        return $"WITH orders AS (SELECT {string.Join(", ", select)} FROM {Source(data, labelled)} AS files)\n{ValueCountsQuery.Statement}";
    }

    private static string Source(string data, bool labelled)
    {
        if (OrderFile.IsParquet(data))
        {
            return $"read_parquet({Literal(data)}, union_by_name = true)";
        }

        // Types are given for the schema's columns so that a bad cell fails in the CSV reader, which names file and line,
        // and a missing column fails at once, named.
        var types = string.Join(", ", OrderSchema.Features.Select(f => $"'{f.Name}': '{(f.Kind == FeatureKind.Numeric ? "DOUBLE" : "VARCHAR")}'")
            .Concat(labelled ? [$"'{OrderSchema.Target}': 'DOUBLE'"] : []));
        return $"read_csv({Literal(data)}, header = true, delim = ',', quote = '\"', escape = '\"', union_by_name = true, types = {{{types}}})";
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}

using DuckDB.NET.Data;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// Summarises order data with DuckDB embedded: many CSV or Parquet files at once (a glob such as <c>lake/*.csv</c> or
/// <c>lake/**/*.parquet</c>, hive-partitioned folders <c>day=…/part-0.parquet</c> included), through the value-count query
/// <see cref="ValueCountsSql"/> writes for the schema (the demo's by default) over <c>orders</c> (a CTE reading the files). The result (a few records per distinct value) is
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
    /// <param name="schema">The columns to count; null: the demo's (<see cref="DemoSchema"/>).</param>
    /// <exception cref="DataFormatException">No file matches, a required column is missing, a value is bad, or a remote path is not allowed.</exception>
    public static DatasetSummary Summarize(string data, string? displayName = null, MissingCells missing = MissingCells.Reject, bool allowRemote = false, DatasetSchema? schema = null)
    {
        var name = displayName ?? data;
        schema ??= DemoSchema.Schema;
        RemotePaths.Check(data, allowRemote);
        using var connection = Open(allowRemote);
        return WithLabelOrWithout(name, schema, labelled =>
        {
            try
            {
                return SummarizeOnce(connection, data, schema, name, labelled, missing, new HashSet<string>());
            }
            catch (DuckDBException e) when (missing == MissingCells.Allow && DuckDbErrors.IsMissingAnyColumn(e)
                && Absent(connection, data, schema) is { Count: > 0 } absent)
            {
                // A batch may lack a feature column: its values are all missing, which data quality reports by name
                // (as our reader reads it). Asked only after the failure: DESCRIBE sniffs every file of a glob again.
                return SummarizeOnce(connection, data, schema, name, labelled, missing, absent);
            }
        });
    }

    /// <summary>
    /// Writes the counts of the rows matched by <paramref name="data"/> as a CSV count file (header feature,value,count),
    /// as any engine would with the generated query: DuckDB's own <c>COPY (…) TO</c>, no value passes through .NET.
    /// </summary>
    /// <param name="schema">The columns to count; null: the demo's (<see cref="DemoSchema"/>).</param>
    /// <exception cref="DataFormatException">As for <see cref="Summarize"/> (only DuckDB's own errors: values are checked on import); remote paths are refused.</exception>
    public static void WriteCounts(string data, string countsPath, DatasetSchema? schema = null)
    {
        schema ??= DemoSchema.Schema;
        RemotePaths.Check(data, allowRemote: false);
        RemotePaths.Check(countsPath, allowRemote: false);
        using var connection = Open(allowRemote: false);
        WithLabelOrWithout(data, schema, labelled =>
        {
            var query = labelled || schema.Target is not { } target
                ? Query(data, schema, labelled, new HashSet<string>())
                : $"SELECT * FROM ({Query(data, schema, labelled, new HashSet<string>())}) WHERE feature <> {Literal(target.Name)}";
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY ({query}) TO {Literal(countsPath)} (FORMAT csv, HEADER true, DELIMITER ',')";
            command.ExecuteNonQuery();
            return true;
        });
    }

    private static DatasetSummary SummarizeOnce(DuckDBConnection connection, string data, DatasetSchema schema, string name, bool labelled, MissingCells missing, IReadOnlySet<string> absent)
    {
        // The schema's features and target (the SQL writes the target's values as 1/0), so any table is counted.
        var builder = new ValueCountsBuilder(schema.FeatureDefinitions(), schema.Target?.Name ?? OrderSchema.Target) { MissingCells = missing };
        using var command = connection.CreateCommand();
        command.CommandText = Query(data, schema, labelled, absent);
        command.UseStreamingMode = true;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var feature = reader.GetString(0);
            if (!labelled && feature == schema.Target?.Name)
            {
                // The stand-in NULL label: unlabelled data has no 'returned' counts.
                continue;
            }

            builder.Add(feature, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), name, null);
        }

        return builder.Build(name, name);
    }

    /// <summary>
    /// Runs <paramref name="body"/> for labelled data and, when DuckDB finds no target column, again for unlabelled
    /// data. Trying first is cheaper than asking: a DESCRIBE would sniff every file of a glob once more.
    /// </summary>
    private static T WithLabelOrWithout<T>(string name, DatasetSchema schema, Func<bool, T> body)
    {
        try
        {
            try
            {
                return body(schema.Target is not null);
            }
            catch (DuckDBException e) when (schema.Target is { } target && DuckDbErrors.IsMissingColumn(e, target.Name))
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
    /// The generated statement (<see cref="ValueCountsSql"/>, dialect DuckDB) after a <c>WITH orders AS (…)</c> that reads
    /// the files: numeric features as DOUBLE and categorical ones as VARCHAR, whatever the file types; the target as DOUBLE
    /// when it is 0/1 (so that a bad label fails in the CSV reader, which names file and line), else as VARCHAR. For
    /// unlabelled data the target is a NULL stand-in, so that the same SQL runs; its records are dropped. A CTE rather
    /// than a view: the files are bound once.
    /// </summary>
    private static string Query(string data, DatasetSchema schema, bool labelled, IReadOnlySet<string> absent)
    {
        var select = Typed(schema, labelled, absent)
            .Select(c => c.Read ? $"CAST(files.{Name(c.Name)} AS {c.Type}) AS {Name(c.Name)}" : $"CAST(NULL AS {c.Type}) AS {Name(c.Name)}");
        return $"WITH {Name(Table)} AS (SELECT {string.Join(", ", select)} FROM {Source(data, schema, labelled, absent)} AS files)\n"
            + ValueCountsSql.Statement(schema, Table, SqlDialect.DuckDb);
    }

    private const string Table = "orders";

    /// <summary>
    /// Each counted column with the DuckDB type it is read as, and whether it is read from the files (not for the
    /// <paramref name="absent"/> features of a batch, nor for the target of unlabelled data: a NULL stand-in then).
    /// </summary>
    private static IEnumerable<(string Name, string Type, bool Read)> Typed(DatasetSchema schema, bool labelled, IReadOnlySet<string> absent) =>
        schema.NumericFeatures.Select(c => (c.Name, "DOUBLE", !absent.Contains(c.Name)))
            .Concat(schema.CategoricalFeatures.Select(c => (c.Name, "VARCHAR", !absent.Contains(c.Name))))
            .Concat(schema.Target is { } t ? [(t.Name, ValueCountsSql.TargetWrittenAsIs(t) ? "DOUBLE" : "VARCHAR", labelled)] : []);

    /// <summary>The schema's features that no file of <paramref name="data"/> has (DuckDB's own reading of the header).</summary>
    private static HashSet<string> Absent(DuckDBConnection connection, string data, DatasetSchema schema)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {Source(data, null, false, new HashSet<string>())}";
        using var reader = command.ExecuteReader();
        var present = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            present.Add(reader.GetString(0));
        }

        return schema.Features.Select(f => f.Name).Where(n => !present.Contains(n)).ToHashSet(StringComparer.Ordinal);
    }

    private static string Source(string data, DatasetSchema? schema, bool labelled, IReadOnlySet<string> absent)
    {
        if (OrderFile.IsParquet(data))
        {
            return $"read_parquet({Literal(data)}, union_by_name = true)";
        }

        // Types are given for the schema's columns so that a bad cell fails in the CSV reader, which names file and line,
        // and a missing column fails at once, named.
        var options = $"header = true, delim = ',', quote = '\"', escape = '\"', union_by_name = true";
        if (schema is null)
        {
            // The header alone (DESCRIBE): no types asked for, so no column is required.
            return $"read_csv({Literal(data)}, {options})";
        }

        var types = string.Join(", ", Typed(schema, labelled, absent).Where(c => c.Read).Select(c => $"{Literal(c.Name)}: '{c.Type}'"));
        return $"read_csv({Literal(data)}, {options}, types = {{{types}}})";
    }

    private static string Name(string name) => SqlText.Identifier(name, SqlDialect.DuckDb);

    private static string Literal(string text) => SqlText.Literal(text, SqlDialect.DuckDb);
}

namespace ReturnMonitor.Data.Schema;

/// <summary>
/// Which schema a command reads a data file against, decided the same way by every command (<c>train</c>,
/// <c>profile</c>, <c>drift</c>, <c>report</c>, <c>monitor</c>): a schema file when one is given; otherwise, when no
/// override is given and the file has every column of the demo's table, the demo's schema (<see cref="DemoSchema"/>,
/// so the demo's files read exactly as before); otherwise the inference of the <c>schema</c> command with the overrides,
/// whose decisions the caller prints. A Parquet file is inferred by the same rules, its column types taken from the
/// Parquet schema (<see cref="SchemaInference.Infer(string, SchemaInferenceOptions?)"/>).
/// </summary>
public static class SchemaChoice
{
    /// <summary>The schema for <paramref name="path"/>, and the inference's result when it ran (to print its decisions).</summary>
    /// <param name="path">The data file (CSV or Parquet).</param>
    /// <param name="schemaFile">A <c>schema.json</c> to read, or null.</param>
    /// <param name="overrides">The inference's overrides (target, positive, roles by name, timestamp).</param>
    /// <exception cref="DataFormatException">The schema file or the data file is unreadable or invalid.</exception>
    /// <exception cref="ArgumentException">Overrides given with a schema file.</exception>
    public static (DatasetSchema Schema, SchemaInferenceResult? Inferred) For(string path, string? schemaFile, SchemaInferenceOptions overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var overridden = HasOverrides(overrides);
        if (schemaFile is not null)
        {
            return overridden
                ? throw new ArgumentException("the schema file decides every column: edit it instead of giving --target, --positive, --numeric, --categorical, --ignore or --timestamp")
                : (SchemaFile.Read(schemaFile), null);
        }

        var header = ParquetColumnScanner.IsParquet(path) ? ParquetColumnScanner.Names(path) : OrderCsv.ReadHeader(path);
        if (!overridden && DemoSchema.Fits(header))
        {
            return (DemoSchema.Schema, null);
        }

        var result = SchemaInference.Infer(path, overrides);
        return (result.Schema, result);
    }

    /// <summary>Whether any override is given (then the demo's columns are not assumed).</summary>
    public static bool HasOverrides(SchemaInferenceOptions options) =>
        options.Target is not null || options.Positive is not null || options.Timestamp is not null || options.TimestampFormat is not null
        || options.Numeric.Count > 0 || options.Categorical.Count > 0 || options.Ignore.Count > 0;
}

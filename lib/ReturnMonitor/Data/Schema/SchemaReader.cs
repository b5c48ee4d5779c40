namespace ReturnMonitor.Data.Schema;

/// <summary>
/// Reads any order table against its <see cref="DatasetSchema"/>. Per role: numeric and categorical columns are the
/// table's features (numeric first, each in file order); the target becomes true/false by the schema's
/// <c>positive</c> value (a <c>1</c> reads the column as a 0/1 number, as the demo's files; any other value is compared
/// trimmed, ignoring case, every other label meaning not returned); id, ignored, timestamp, score and prediction columns
/// are read past (the timestamp's values are read again by <see cref="TimestampPeriods"/> when a file is cut into
/// periods); a categorical column with <c>categories</c> counts every other value as <see cref="DatasetSchema.OtherCategory"/>;
/// a value outside <c>min</c>/<c>max</c> is an error naming file, line and column. The schema of the demo's columns reads
/// through exactly the demo's path (<see cref="ReadPlan.Demo"/>), so its results and speed are unchanged.
/// </summary>
public static class SchemaReader
{
    /// <summary>The readers' plan for <paramref name="schema"/>; <see cref="ReadPlan.Demo"/> for the demo's schema.</summary>
    public static ReadPlan Plan(DatasetSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var features = schema.FeatureDefinitions();
        var target = schema.Target;
        var others = schema.Columns.Where(c => !c.IsFeature && c.Role != ColumnRole.Target).Select(c => c.Name).ToArray();
        var kept = schema.CategoricalFeatures
            .Where(c => c.Categories is not null)
            .ToDictionary(c => c.Name, c => c.Categories!, StringComparer.Ordinal);
        if (features.SequenceEqual(OrderSchema.Features) && target is { Name: OrderSchema.Target, Positive: "1" } && others.Length == 0 && kept.Count == 0)
        {
            return ReadPlan.Demo;
        }

        return new ReadPlan(features, target?.Name, target?.Positive, others, kept);
    }

    /// <summary>Reads a CSV or Parquet file (by the extension <c>.parquet</c>) whole against <paramref name="schema"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="schema">Its columns.</param>
    /// <param name="missing">
    /// Whether an empty feature cell is an error (training and reference data with <c>--strict</c>) or a missing value;
    /// with <see cref="MissingCells.Allow"/> a feature column absent from the file reads as all missing.
    /// </param>
    /// <param name="displayName">Name used in messages and as the table's source; defaults to <paramref name="path"/>.</param>
    /// <exception cref="DataFormatException">The file is missing, empty, or has a bad header or cell (file, line and column named).</exception>
    public static OrderTable Read(string path, DatasetSchema schema, MissingCells missing = MissingCells.Reject, string? displayName = null) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)
            ? OrderParquet.Read(path, displayName, missing, Plan(schema))
            : OrderCsv.Read(path, displayName, missing, Plan(schema));

    /// <summary>Parses CSV text against <paramref name="schema"/> (for tests and notebooks).</summary>
    public static OrderTable Parse(string csv, DatasetSchema schema, MissingCells missing = MissingCells.Reject, string name = "<text>") =>
        OrderCsv.Parse(csv, name, missing, Plan(schema));
}

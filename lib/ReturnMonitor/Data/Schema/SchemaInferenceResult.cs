namespace ReturnMonitor.Data.Schema;

/// <summary>An inferred schema, each column with its <see cref="SchemaColumn.Reason"/>, and how much was read to infer it.</summary>
/// <param name="Schema">The schema, in the file's column order.</param>
/// <param name="Rows">Data rows read (the whole file).</param>
public sealed record SchemaInferenceResult(DatasetSchema Schema, long Rows)
{
    /// <summary>One line per column: <c>name: role, reason</c> (an empty header shows as <c>(empty header)</c>).</summary>
    public IEnumerable<string> Lines() =>
        Schema.Columns.Select(c => $"{(c.Name.Length == 0 ? "(empty header)" : c.Name)}: {SchemaNames.Name(c.Role)}, {c.Reason}");
}

using System.Reflection;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// The shipped example <c>value_counts.sql</c> (next to the assembly and embedded in it): the script
/// <see cref="ValueCountsSql.Script"/> writes for the demo's schema, table <c>orders</c>, dialect DuckDB — kept as a file
/// for people who run SQL without the CLI; a test checks that it equals the generator's output byte for byte. For any
/// other schema or engine: <c>returnmonitor profile --emit-sql --schema schema.json --table NAME --dialect …</c>.
/// </summary>
public static class ValueCountsQuery
{
    /// <summary>The file's text as shipped, comments included.</summary>
    public static string Text { get; } = Load();

    /// <summary>The statement alone, without the comments and the final semicolon.</summary>
    public static string Statement { get; } = ValueCountsSql.Statement(DemoSchema.Schema, "orders", SqlDialect.DuckDb);

    private static string Load()
    {
        using var stream = typeof(ValueCountsQuery).Assembly.GetManifestResourceStream("ReturnMonitor.DuckDb.value_counts.sql")
            ?? throw new InvalidOperationException("value_counts.sql is not embedded in " + typeof(ValueCountsQuery).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

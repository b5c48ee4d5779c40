using System.Reflection;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// The shipped SQL (<c>value_counts.sql</c>, next to the assembly and embedded in it): one ANSI <c>GROUP BY GROUPING SETS</c>
/// query over a table named <c>orders</c> producing the long table <c>feature,value,count</c> that
/// <see cref="ReturnMonitor.Summaries.ValueCountsBuilder"/> turns into the exact summary. The same text runs in DuckDB here and,
/// with the dialect notes in the file, in Spark SQL, Trino or BigQuery.
/// </summary>
public static class ValueCountsQuery
{
    /// <summary>The file's text as shipped, comments included.</summary>
    public static string Text { get; } = Load();

    /// <summary>The statement alone, without the final semicolon, to be run or wrapped (<c>COPY (…) TO</c>).</summary>
    public static string Statement { get; } = Text.TrimEnd().TrimEnd(';');

    private static string Load()
    {
        using var stream = typeof(ValueCountsQuery).Assembly.GetManifestResourceStream("ReturnMonitor.DuckDb.value_counts.sql")
            ?? throw new InvalidOperationException("value_counts.sql is not embedded in " + typeof(ValueCountsQuery).Assembly.GetName().Name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

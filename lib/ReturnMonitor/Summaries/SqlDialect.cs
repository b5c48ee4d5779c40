namespace ReturnMonitor.Summaries;

/// <summary>
/// The SQL engines <see cref="ValueCountsSql"/> writes for. They differ only in how a name and a text are quoted, the
/// name of the text type, and (BigQuery) how a number is written as text.
/// </summary>
public enum SqlDialect
{
    /// <summary>DuckDB: <c>"name"</c>, <c>'text'</c>, <c>VARCHAR</c>. Run in the tests.</summary>
    DuckDb,

    /// <summary>PostgreSQL 12 or later: <c>"name"</c>, <c>'text'</c> (<c>E'…'</c> when it holds a backslash), <c>VARCHAR</c>. Run in the tests.</summary>
    Postgres,

    /// <summary>Spark SQL 3: <c>`name`</c>, <c>'text'</c> with backslash escapes, <c>STRING</c>. Not run here.</summary>
    Spark,

    /// <summary>BigQuery GoogleSQL: <c>`name`</c>, <c>'text'</c> with backslash escapes, <c>STRING</c>, numbers through <c>FORMAT('%.17g', …)</c>. Not run here.</summary>
    BigQuery,
}

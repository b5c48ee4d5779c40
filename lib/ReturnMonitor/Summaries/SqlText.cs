using System.Globalization;
using System.Text;
using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Quoting for <see cref="ValueCountsSql"/>: every name the SQL holds comes from a user's header or command line, so
/// every name is always quoted and every text always a literal, whatever it contains — a column named
/// <c>x") FROM t; DROP TABLE t; --</c> is one identifier, never SQL. Rules per dialect (from each engine's lexical
/// reference): DuckDB and PostgreSQL double the quote character; Spark doubles the backtick in a name and escapes with
/// backslashes in a text (it joins adjacent literals, so <c>''</c> would not be a quote); BigQuery escapes with
/// backslashes in both and allows no raw line break in a literal, so control characters are written as <c>\uXXXX</c>.
/// </summary>
public static class SqlText
{
    /// <summary>All dialect words accepted by <see cref="ParseDialect"/>, in order.</summary>
    public static IReadOnlyList<string> DialectNames { get; } = ["duckdb", "postgres", "spark", "bigquery"];

    /// <summary>The dialect named <paramref name="name"/> (one of <see cref="DialectNames"/>, case-insensitive), or null.</summary>
    public static SqlDialect? ParseDialect(string name) => name.ToLowerInvariant() switch
    {
        "duckdb" => SqlDialect.DuckDb,
        "postgres" or "postgresql" => SqlDialect.Postgres,
        "spark" => SqlDialect.Spark,
        "bigquery" => SqlDialect.BigQuery,
        _ => null,
    };

    /// <summary>
    /// <paramref name="name"/> as one quoted identifier of <paramref name="dialect"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or holds a NUL character (no engine can name it).</exception>
    public static string Identifier(string name, SqlDialect dialect)
    {
        Check(name, "a name");
        return dialect switch
        {
            SqlDialect.Spark => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`",
            SqlDialect.BigQuery => "`" + Backslashed(name, '`') + "`",
            _ => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        };
    }

    /// <summary>
    /// A table name for <c>FROM</c>: dots separate catalog, schema and table (<c>analytics.orders</c>,
    /// <c>project.dataset.orders</c>), each part quoted on its own; there is no way to write a dot inside a part.
    /// </summary>
    /// <exception cref="ArgumentException">An empty part (<c>a..b</c>, a leading or trailing dot) or a NUL character.</exception>
    public static string TableName(string table, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(table);
        var parts = table.Split('.');
        if (parts.Any(p => p.Length == 0))
        {
            throw new ArgumentException($"table name '{TerminalText.Escape(table)}' has an empty part (dots separate schema and table)");
        }

        return string.Join('.', parts.Select(p => Identifier(p, dialect)));
    }

    /// <summary><paramref name="text"/> as one string literal of <paramref name="dialect"/>.</summary>
    /// <exception cref="ArgumentException">The text holds a NUL character.</exception>
    public static string Literal(string text, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("a text holds a NUL character");
        }

        return dialect switch
        {
            SqlDialect.Spark or SqlDialect.BigQuery => "'" + Backslashed(text, '\'') + "'",
            // With standard_conforming_strings off (a server setting) a backslash would escape in '…'; E'…' escapes
            // the same way whatever the setting, so a backslash can never end the literal.
            SqlDialect.Postgres when text.Contains('\\', StringComparison.Ordinal) =>
                "E'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'",
            _ => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
        };
    }

    /// <summary>The unbounded text type: <c>VARCHAR</c> (DuckDB, PostgreSQL) or <c>STRING</c> (Spark, BigQuery).</summary>
    public static string TextType(SqlDialect dialect) => dialect is SqlDialect.Spark or SqlDialect.BigQuery ? "STRING" : "VARCHAR";

    private static void Check(string name, string what)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0)
        {
            throw new ArgumentException($"{what} is empty: an engine cannot name an empty column or table");
        }

        if (name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{what} holds a NUL character");
        }
    }

    // Backslash escapes shared by Spark literals and BigQuery names and literals: the quote and the backslash escaped,
    // control characters as \uXXXX (BigQuery refuses a raw line break in a literal; both read \uXXXX).
    private static string Backslashed(string text, char quote)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == quote || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

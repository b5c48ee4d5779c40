using System.Data.Common;
using System.Globalization;
using System.Text;

namespace ReturnMonitor.Tests.Sql;

/// <summary>Runs a value-count statement on any ADO.NET connection (DuckDB, PostgreSQL) and handles its rows.</summary>
internal static class EngineCounts
{
    /// <summary>The rows (feature, value, count) of <paramref name="sql"/>, in the engine's order.</summary>
    public static List<(string Feature, string? Value, long Count)> Run(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string?, long)>();
        Assert.Equal(["feature", "value", "count"], Enumerable.Range(0, reader.FieldCount).Select(reader.GetName));
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>Executes statements that return nothing.</summary>
    public static void Execute(DbConnection connection, params string[] statements)
    {
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Writes <paramref name="rows"/> as a count file (every field quoted, a NULL value as an empty field).</summary>
    public static void WriteCsv(IEnumerable<(string Feature, string? Value, long Count)> rows, string path)
    {
        static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var text = new StringBuilder("feature,value,count\n");
        foreach (var (feature, value, count) in rows)
        {
            text.Append(Quote(feature)).Append(',').Append(value is null ? "" : Quote(value)).Append(',')
                .Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }
}

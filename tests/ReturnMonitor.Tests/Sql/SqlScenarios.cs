using System.Data.Common;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Sql;

/// <summary>The two checks every engine gets: hostile names counted exactly, and the demo's profile byte-identical.</summary>
internal static class SqlScenarios
{
    private static readonly string Train = Path.Combine(TestPaths.Data, "train.csv");

    /// <summary>
    /// Loads <see cref="HostileTable"/>, runs the script generated for it, and checks the counts against the ones computed
    /// in C# — and that the canary table survived.
    /// </summary>
    public static void HostileNames(DbConnection connection, SqlDialect dialect, string doubleType)
    {
        HostileTable.Load(connection, dialect, doubleType);

        var rows = EngineCounts.Run(connection, ValueCountsSql.Script(HostileTable.Schema, HostileTable.Table, dialect));

        static string Key(KeyValuePair<(string Feature, string? Value), long> e) => e.Key.Feature + "\u0001" + (e.Key.Value ?? "\u0002NULL");
        Assert.Equal(HostileTable.Expected().OrderBy(Key, StringComparer.Ordinal), HostileTable.Normalize(rows).OrderBy(Key, StringComparer.Ordinal));
        Assert.Empty(EngineCounts.Run(connection, $"SELECT 'x' AS feature, 'y' AS value, x AS count FROM {SqlText.Identifier(HostileTable.Canary, dialect)}"));
    }

    /// <summary>
    /// Creates table <c>orders</c> with data/train.csv's columns (numbers as <paramref name="doubleType"/>, categories
    /// as text, the label as INTEGER), lets <paramref name="copy"/> load the file, runs the script emitted for
    /// data/schema.json, writes the rows as a count file and checks that <c>profile --counts</c> of it is byte-identical
    /// to <c>profile --data data/train.csv</c>.
    /// </summary>
    public static void DemoProfile(DbConnection connection, SqlDialect dialect, string doubleType, Action<string> copy)
    {
        var schema = SchemaFile.Read(Path.Combine(TestPaths.Data, "schema.json"));
        var header = File.ReadLines(Train).First().Split(',');
        var columns = header.Select(name => schema.Find(name)!.Role switch
        {
            ColumnRole.Numeric => $"{SqlText.Identifier(name, dialect)} {doubleType}",
            ColumnRole.Target => $"{SqlText.Identifier(name, dialect)} INTEGER",
            _ => $"{SqlText.Identifier(name, dialect)} {SqlText.TextType(dialect)}",
        });
        EngineCounts.Execute(connection, $"CREATE TABLE orders ({string.Join(", ", columns)})");
        copy(Train);

        var script = ValueCountsSql.Script(schema, "orders", dialect);
        var rows = EngineCounts.Run(connection, script);

        var folder = CliRunner.TempDirectory();
        var counts = Path.Combine(folder, "counts.csv");
        EngineCounts.WriteCsv(rows, counts);
        var fromCounts = Path.Combine(folder, "counts.json");
        var fromReader = Path.Combine(folder, "reader.json");
        var run = CliRunner.Run("profile", "--counts", counts, "--source", Train, "--out", fromCounts);
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Equal(0, CliRunner.Run("profile", "--data", Train, "--out", fromReader).ExitCode);
        Assert.Equal(File.ReadAllText(fromReader), File.ReadAllText(fromCounts));
        Assert.Equal(File.ReadLines(Train).Count() - 1, rows.Single(r => r.Feature == ValueCountsBuilder.RowsFeature).Count);
    }
}

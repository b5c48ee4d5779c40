using System.Text.Json.Nodes;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.DuckDb;

/// <summary>
/// <c>--engine duckdb</c> on a table of another shape (data/second-shop: inferred schema, text target, gaps, a free-text
/// column): the same profile and drift JSON as our reader, byte for byte, and the same one-line errors naming the same
/// column for a missing column and an empty cell. Before, DuckDB refused any schema but the demo's.
/// </summary>
public sealed class DuckDbOtherSchemaTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Data, "second-shop");
    private static readonly string Reference = Path.Combine(Folder, "reference.csv");
    private static readonly string Current = Path.Combine(Folder, "current.csv");

    [Fact]
    public void Drift_and_profile_through_duckdb_equal_our_readers_byte_for_byte()
    {
        string[] drift = ["drift", "--reference", Reference, "--current", Current, "--target", "Return_Status", "--format", "json"];
        var builtin = CliRunner.Run(drift);
        var duckdb = CliRunner.Run([.. drift, "--engine", "duckdb"]);
        Assert.True(builtin.ExitCode == 0, builtin.Err);
        Assert.Equal(builtin, duckdb);
        Assert.Equal(6, JsonNode.Parse(duckdb.Out)!["features"]!.AsArray().Count);

        var directory = CliRunner.TempDirectory();
        var ours = CliRunner.Run("profile", "--data", Reference, "--target", "Return_Status", "--source", "ref", "--out", Path.Combine(directory, "ours.json"));
        var counted = CliRunner.Run("profile", "--engine", "duckdb", "--data", Reference, "--target", "Return_Status", "--source", "ref", "--out", Path.Combine(directory, "duckdb.json"));
        Assert.True(ours.ExitCode == 0, ours.Err);
        Assert.Equal(0, counted.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(directory, "ours.json")), File.ReadAllBytes(Path.Combine(directory, "duckdb.json")));
        Assert.Contains("\"schema\"", File.ReadAllText(Path.Combine(directory, "duckdb.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_without_a_column_is_monitored_the_same_through_duckdb()
    {
        var batch = Path.Combine(CliRunner.TempDirectory(), "current.csv");
        File.WriteAllLines(batch, WithoutColumns(File.ReadAllLines(Current), "channel"));

        string[] drift = ["drift", "--reference", Reference, "--current", batch, "--target", "Return_Status", "--format", "json"];
        var builtin = CliRunner.Run(drift);
        var duckdb = CliRunner.Run([.. drift, "--engine", "duckdb"]);
        Assert.True(builtin.ExitCode == 0, builtin.Err);
        Assert.Equal(builtin, duckdb);
        Assert.Contains("channel", JsonNode.Parse(duckdb.Out)!["dataQuality"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_and_an_empty_cell_give_the_same_line_on_both_engines()
    {
        var directory = CliRunner.TempDirectory();
        var schema = Path.Combine(directory, "schema.json");
        var (code, _, stderr) = CliRunner.Run("schema", "--data", Reference, "--target", "Return_Status", "--out", schema);
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(Reference);

        // Two columns missing, with --strict (without it a reference's absent column is read as all missing, on both
        // engines): both name the first our reader checks (numeric features first).
        var missing = Path.Combine(directory, "missing.csv");
        File.WriteAllLines(missing, WithoutColumns(lines, "channel", "Quantity"));
        // An empty quantity on line 8, with --strict (without it a reference's gaps are counted).
        var empty = Path.Combine(directory, "empty.csv");
        File.WriteAllLines(empty, lines.Select((l, i) => i == 7 ? Blank(lines[0], l, "Quantity") : l));

        foreach (var (file, strict, expected) in new[]
        {
            (missing, true, $"error: {missing}:1: column 'Quantity': required column is missing from the header"),
            (empty, true, $"error: {empty}:8: column 'Quantity': empty value"),
        })
        {
            string[] profile = ["profile", "--data", file, "--schema", schema, "--out", Path.Combine(directory, "p.json"), .. strict ? ["--strict"] : Array.Empty<string>()];
            var builtin = CliRunner.Run(profile);
            var duckdb = CliRunner.Run([.. profile, "--engine", "duckdb"]);
            Assert.Equal(1, builtin.ExitCode);
            Assert.StartsWith(expected, builtin.Err, StringComparison.Ordinal);
            Assert.Single(builtin.Err.TrimEnd('\n').Split('\n'));
            Assert.Equal(builtin, duckdb);
        }
    }

    private static IEnumerable<string> WithoutColumns(string[] lines, params string[] columns)
    {
        var drop = columns.Select(c => Array.IndexOf(lines[0].Split(','), c)).ToHashSet();
        return lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => !drop.Contains(i))));
    }

    private static string Blank(string header, string line, string column)
    {
        var cells = line.Split(',');
        cells[Array.IndexOf(header.Split(','), column)] = "";
        return string.Join(',', cells);
    }
}

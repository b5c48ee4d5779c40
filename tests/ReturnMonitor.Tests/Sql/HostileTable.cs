using System.Data.Common;
using System.Globalization;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Sql;

/// <summary>
/// A small table whose names try to break the generated SQL: spaces, both quote characters, a backslash, a line break,
/// unicode, names that close the quote and append a statement dropping another table, and columns named like the
/// query's own output columns (<c>feature</c>, <c>value</c>, <c>count</c>). The expected counts are computed here, in C#,
/// from the same rows, independently of any SQL.
/// </summary>
internal static class HostileTable
{
    /// <summary>The table's name: it closes the quote and appends a DROP.</summary>
    public const string Table = "orders\"; DROP TABLE canary; --";

    /// <summary>A table that must still exist after the query.</summary>
    public const string Canary = "canary";

    private static readonly string[] Numeric = ["a b", "we\"ird", "x\") FROM t; DROP TABLE canary; --", "value"];
    private static readonly string[] Categorical = ["it's", "ünïcødé 名前 🙂", "back\\slash", "line\nbreak", "feature", "co`unt"];
    private const string Target = "Return `Status`'\"";

    /// <summary>The schema: four numeric, six categorical features, a text target whose positive value is <c>Returned</c>.</summary>
    public static DatasetSchema Schema { get; } = new(
        Numeric.Select(n => new SchemaColumn(n, ColumnRole.Numeric))
            .Concat(Categorical.Select(n => new SchemaColumn(n, ColumnRole.Categorical)))
            .Append(new SchemaColumn(Target, ColumnRole.Target) { Positive = "Returned" })
            .Append(new SchemaColumn("ignored \" id", ColumnRole.Id)));

    private static readonly string?[] Labels = ["Returned", "Kept", " returned ", "RETURNED", "Exchanged", null, "Kept"];
    private static readonly string?[] Words = ["O'Brien", "a\\b", "x\"y", "line\nbreak", "ü名", "", null, "'; DROP TABLE canary; --"];
    private static readonly double[] Numbers = [1.5, 0.1, -2, 1e-7, 123456789.125, 46, 0];

    /// <summary>Row r: numeric column j is Numbers[(r + j) % 7], categorical j is Words[(r * 3 + j) % 8], the target Labels[r % 7].</summary>
    public static int Rows => 40;

    private static double NumberAt(int row, int column) => Numbers[(row + column) % Numbers.Length];

    private static string? WordAt(int row, int column) => Words[((row * 3) + column) % Words.Length];

    private static string? LabelAt(int row) => Labels[row % Labels.Length];

    /// <summary>Creates the canary and the table (names quoted by <see cref="SqlText"/>) and inserts the rows.</summary>
    public static void Load(DbConnection connection, SqlDialect dialect, string doubleType)
    {
        string Name(string n) => SqlText.Identifier(n, dialect);
        string Text(string? t) => t is null ? "NULL" : SqlText.Literal(t, dialect);
        var columns = Numeric.Select(n => $"{Name(n)} {doubleType}")
            .Concat(Categorical.Select(n => $"{Name(n)} {SqlText.TextType(dialect)}"))
            .Append($"{Name(Target)} {SqlText.TextType(dialect)}")
            .Append($"{Name("ignored \" id")} INTEGER");
        var rows = Enumerable.Range(0, Rows).Select(r => "(" + string.Join(", ",
            Numeric.Select((_, j) => NumberAt(r, j).ToString("R", CultureInfo.InvariantCulture))
                .Concat(Categorical.Select((_, j) => Text(WordAt(r, j))))
                .Append(Text(LabelAt(r)))
                .Append(r.ToString(CultureInfo.InvariantCulture))) + ")");
        EngineCounts.Execute(connection,
            $"CREATE TABLE {Name(Canary)} (x INTEGER)",
            $"CREATE TABLE {SqlText.TableName(Table, dialect)} ({string.Join(", ", columns)})",
            $"INSERT INTO {SqlText.TableName(Table, dialect)} VALUES {string.Join(", ", rows)}");
    }

    /// <summary>The counts the query must give, keyed by feature and value (numbers as their shortest round-trip text).</summary>
    public static Dictionary<(string Feature, string? Value), long> Expected()
    {
        var expected = new Dictionary<(string, string?), long>();
        void Add(string feature, string? value) => expected[(feature, value)] = expected.GetValueOrDefault((feature, value)) + 1;
        for (var r = 0; r < Rows; r++)
        {
            for (var j = 0; j < Numeric.Length; j++)
            {
                Add(Numeric[j], Canonical(NumberAt(r, j)));
            }

            for (var j = 0; j < Categorical.Length; j++)
            {
                Add(Categorical[j], WordAt(r, j));
            }

            var label = LabelAt(r);
            Add(Target, label is null ? null : label.Trim().Equals("Returned", StringComparison.OrdinalIgnoreCase) ? "1" : "0");
            Add(ValueCountsBuilder.RowsFeature, ValueCountsBuilder.RowsValue);
        }

        return expected;
    }

    /// <summary>An engine's rows summed by feature and value, numeric values re-written in the canonical form.</summary>
    public static Dictionary<(string Feature, string? Value), long> Normalize(IEnumerable<(string Feature, string? Value, long Count)> rows)
    {
        var result = new Dictionary<(string, string?), long>();
        foreach (var (feature, value, count) in rows)
        {
            var key = (feature, Numeric.Contains(feature) && value is not null ? Canonical(double.Parse(value, CultureInfo.InvariantCulture)) : value);
            result[key] = result.GetValueOrDefault(key) + count;
        }

        return result;
    }

    private static string Canonical(double value) => (value == 0 ? 0.0 : value).ToString("R", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.DuckDb;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Sql;

/// <summary>The emitted DuckDB script, run on tables loaded into DuckDB as a user would (not through the engine option).</summary>
public class EmittedSqlDuckDbTests
{
    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:;autoinstall_known_extensions=false;autoload_known_extensions=false");
        connection.Open();
        return connection;
    }

    [Fact]
    public void Hostile_names_are_quoted_and_counted_exactly_on_duckdb()
    {
        using var connection = Open();
        SqlScenarios.HostileNames(connection, SqlDialect.DuckDb, "DOUBLE");
    }

    [Fact]
    public void Emitted_script_over_the_demo_table_loaded_with_copy_gives_the_byte_identical_profile_on_duckdb()
    {
        using var connection = Open();
        SqlScenarios.DemoProfile(connection, SqlDialect.DuckDb, "DOUBLE",
            file => EngineCounts.Execute(connection, $"COPY orders FROM {SqlText.Literal(file, SqlDialect.DuckDb)} (FORMAT csv, HEADER true)"));
    }

    [Fact]
    public void The_engine_reads_files_with_hostile_headers_through_the_generated_sql()
    {
        // The engine's own CTE and read_csv types name the columns too: a header that closes a quote stays a header.
        string[] numeric = ["a b", "we\"ird", "x\") FROM t; --"];
        string[] categorical = ["it's", "ünï 名前"];
        const string target = "Return Status";
        var schema = new DatasetSchema(numeric.Select(n => new SchemaColumn(n, ColumnRole.Numeric))
            .Concat(categorical.Select(n => new SchemaColumn(n, ColumnRole.Categorical)))
            .Append(new SchemaColumn(target, ColumnRole.Target) { Positive = "Returned" }));
        static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var csv = new StringBuilder(string.Join(',', numeric.Concat(categorical).Append(target).Select(Quote)) + "\n");
        var expected = new Dictionary<(string, string), long>();
        void Count(string feature, string value) => expected[(feature, value)] = expected.GetValueOrDefault((feature, value)) + 1;
        for (var r = 0; r < 12; r++)
        {
            var numbers = numeric.Select((_, j) => (double)((r + j) % 4) / 2).ToArray();
            var words = categorical.Select((_, j) => (r + j) % 3 == 0 ? "x,y" : "z").ToArray();
            var label = r % 4 == 0 ? "returned" : "Kept";
            csv.Append(string.Join(',', numbers.Select(n => n.ToString("R", CultureInfo.InvariantCulture)).Concat(words.Select(Quote)).Append(label))).Append('\n');
            foreach (var (n, j) in numbers.Select((n, j) => (n, j)))
            {
                Count(numeric[j], n.ToString("R", CultureInfo.InvariantCulture));
            }

            foreach (var (w, j) in words.Select((w, j) => (w, j)))
            {
                Count(categorical[j], w);
            }

            Count(target, label == "returned" ? "1" : "0");
            Count(ValueCountsBuilder.RowsFeature, ValueCountsBuilder.RowsValue);
        }

        var folder = CliRunner.TempDirectory();
        var data = Path.Combine(folder, "orders.csv");
        File.WriteAllText(data, csv.ToString(), new UTF8Encoding(false));
        var counts = Path.Combine(folder, "counts.csv");
        DuckDbSummarizer.WriteCounts(data, counts, schema);

        using var connection = Open();
        var rows = EngineCounts.Run(connection, $"SELECT feature, value, CAST(count AS BIGINT) AS count FROM read_csv({SqlText.Literal(counts, SqlDialect.DuckDb)}, header = true, all_varchar = true)");
        var actual = new Dictionary<(string, string), long>();
        foreach (var (feature, value, count) in rows)
        {
            var key = (feature, numeric.Contains(feature) ? double.Parse(value!, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) : value!);
            actual[key] = actual.GetValueOrDefault(key) + count;
        }

        Assert.Equal(expected.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal), actual.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal));
    }

    [Fact]
    public void The_engine_with_the_committed_demo_schema_gives_the_summary_of_our_reader()
    {
        var train = Path.Combine(TestPaths.Data, "train.csv");
        var schema = SchemaFile.Read(Path.Combine(TestPaths.Data, "schema.json"));
        Assert.Equal(new ReferenceProfile(OrderFile.Summarize(train)).ToJson(), new ReferenceProfile(DuckDbSummarizer.Summarize(train, schema: schema)).ToJson());
    }
}

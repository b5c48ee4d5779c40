using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReturnMonitor.Data;
using ReturnMonitor.DuckDb;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.DuckDb;

/// <summary>
/// The shipped SQL run by DuckDB (one file, a glob of partitions, hive folders, Parquet, per-partition count files)
/// gives the profile our own reader gives, byte for byte; bad input through DuckDB is still one line with exit code 1.
/// </summary>
public partial class DuckDbTests
{
    private static readonly string Train = Path.Combine(TestPaths.Data, "train.csv");

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    /// <summary>data/train.csv cut into 4 CSV files of every 4th order, each with the header, in a fresh folder.</summary>
    private static string[] TrainPartitions(string folder, Func<int, string>? relativePath = null)
    {
        var rows = File.ReadAllLines(Train);
        return Enumerable.Range(0, 4).Select(p =>
        {
            var path = Path.Combine(folder, relativePath?.Invoke(p) ?? $"part-{p}.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Lines(rows.Skip(1).Where((_, i) => i % 4 == p).Prepend(rows[0])), new UTF8Encoding(false));
            return path;
        }).ToArray();
    }

    private static string BuiltinProfile()
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "builtin.json");
        Assert.Equal(0, CliRunner.Run("profile", "--data", Train, "--out", path).ExitCode);
        return File.ReadAllText(path);
    }

    private static string Profile(params string[] arguments)
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "profile.json");
        var (code, _, stderr) = CliRunner.Run([.. arguments, "--out", path]);
        Assert.True(code == 0, stderr);
        return File.ReadAllText(path);
    }

    [Fact]
    public void Shipped_sql_over_train_csv_gives_the_byte_identical_profile()
    {
        Assert.Equal(BuiltinProfile(), Profile("profile", "--engine", "duckdb", "--data", Train));
    }

    [Fact]
    public void Glob_over_four_partition_files_gives_the_byte_identical_profile()
    {
        var folder = CliRunner.TempDirectory();
        TrainPartitions(folder);
        Assert.Equal(BuiltinProfile(), Profile("profile", "--engine", "duckdb", "--data", Path.Combine(folder, "*.csv"), "--source", Train));
    }

    [Fact]
    public void Four_count_files_written_by_duckdb_give_the_byte_identical_profile_separately_or_concatenated()
    {
        var folder = CliRunner.TempDirectory();
        var counts = TrainPartitions(folder).Select(part =>
        {
            var path = Path.ChangeExtension(part, ".counts");
            DuckDbSummarizer.WriteCounts(part, path);
            return path;
        }).ToArray();
        var expected = BuiltinProfile();

        Assert.Equal(expected, Profile(["profile", "--counts", .. counts, "--source", Train]));
        var concatenated = Path.Combine(folder, "all.counts");
        File.WriteAllText(concatenated, string.Concat(counts.Select(File.ReadAllText)));
        Assert.Equal(expected, Profile("profile", "--counts", concatenated, "--source", Train));
    }

    [Fact]
    public void Hive_partitioned_parquet_folders_give_the_byte_identical_profile()
    {
        var folder = CliRunner.TempDirectory();
        foreach (var (part, p) in TrainPartitions(CliRunner.TempDirectory()).Select((part, p) => (part, p)))
        {
            OrderParquet.Write(OrderCsv.Read(part), Path.Combine(folder, $"day={p}", "orders.parquet"));
        }

        Assert.Equal(BuiltinProfile(), Profile("profile", "--engine", "duckdb", "--data", Path.Combine(folder, "*", "*.parquet"), "--source", Train));
    }

    [Theory]
    [InlineData("batch_1_normal.csv")]
    [InlineData("batch_3_supply_crisis.csv")]
    public void Drift_against_the_duckdb_profile_equals_drift_against_train_csv_apart_from_the_reference_name(string batch)
    {
        var folder = CliRunner.TempDirectory();
        TrainPartitions(folder);
        var profile = Path.Combine(folder, "profile.json");
        Assert.Equal(0, CliRunner.Run("profile", "--engine", "duckdb", "--data", Path.Combine(folder, "*.csv"), "--out", profile).ExitCode);
        var current = Path.Combine(TestPaths.Data, batch);

        var fromProfile = CliRunner.Run("drift", "--reference", profile, "--current", current, "--format", "json");
        var fromCsv = CliRunner.Run("drift", "--reference", Train, "--current", current, "--format", "json");
        Assert.Equal(0, fromProfile.ExitCode);
        Assert.Equal(Path.Combine(folder, "*.csv"), (string?)JsonNode.Parse(fromProfile.Out)!["reference"]);
        Assert.Equal(WithoutReference(fromCsv.Out), WithoutReference(fromProfile.Out));
    }

    [Fact]
    public void Drift_with_engine_duckdb_equals_the_builtin_reader_on_an_unlabelled_batch()
    {
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv"));
        var target = Array.IndexOf(lines[0].Split(','), OrderSchema.Target);
        var unlabelled = Path.Combine(CliRunner.TempDirectory(), "batch.csv");
        File.WriteAllText(unlabelled, Lines(lines.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != target)))));

        var builtin = CliRunner.Run("drift", "--reference", Train, "--current", unlabelled, "--format", "json");
        var duckdb = CliRunner.Run("drift", "--engine", "duckdb", "--reference", Train, "--current", unlabelled, "--format", "json");
        Assert.Equal(0, builtin.ExitCode);
        Assert.Equal(builtin, duckdb);
    }

    [Fact]
    public void A_batch_with_gaps_through_duckdb_gives_the_same_drift_and_data_quality_as_our_reader()
    {
        // Every 10th delivery time and every 25th category left empty: NULLs in DuckDB, gaps for our reader.
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv"));
        var header = lines[0].Split(',');
        var delivery = Array.IndexOf(header, OrderSchema.DeliveryTimeDays);
        var category = Array.IndexOf(header, OrderSchema.ProductCategory);
        var gappy = Path.Combine(CliRunner.TempDirectory(), "gappy.csv");
        File.WriteAllText(gappy, Lines(lines.Select((line, i) =>
        {
            var cells = line.Split(',');
            if (i > 0 && i % 10 == 0)
            {
                cells[delivery] = "";
            }

            if (i > 0 && i % 25 == 0)
            {
                cells[category] = "";
            }

            return string.Join(',', cells);
        })));

        var builtin = CliRunner.Run("drift", "--reference", Train, "--current", gappy, "--format", "json");
        var duckdb = CliRunner.Run("drift", "--engine", "duckdb", "--reference", Train, "--current", gappy, "--format", "json");
        Assert.Equal(0, builtin.ExitCode);
        Assert.Equal(builtin, duckdb);
        var quality = JsonNode.Parse(duckdb.Out)!["dataQuality"]!;
        Assert.Equal(100 + 40, (long)quality["missingCells"]!);
        Assert.True((bool)quality["alarm"]!);

        // A reference's gaps are counted through DuckDB as by our reader (its missing rate is the batches' baseline) ...
        var profiles = CliRunner.TempDirectory();
        var counted = CliRunner.Run("profile", "--engine", "duckdb", "--data", gappy, "--source", "gappy", "--out", Path.Combine(profiles, "duckdb.json"));
        var ours = CliRunner.Run("profile", "--data", gappy, "--source", "gappy", "--out", Path.Combine(profiles, "ours.json"));
        Assert.Equal(0, counted.ExitCode);
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(profiles, "ours.json")), File.ReadAllText(Path.Combine(profiles, "duckdb.json")));

        // ... and --strict refuses them through DuckDB too, with our reader's line (file, line, column of the first gap).
        var profile = CliRunner.Run("profile", "--engine", "duckdb", "--strict", "--data", gappy, "--out", Path.Combine(CliRunner.TempDirectory(), "s.json"));
        var strict = CliRunner.Run("profile", "--strict", "--data", gappy, "--out", Path.Combine(CliRunner.TempDirectory(), "s.json"));
        Assert.Equal(1, profile.ExitCode);
        Assert.Equal(strict, profile);
        Assert.Contains($"{gappy}:11: column '{OrderSchema.DeliveryTimeDays}': empty value", profile.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlabelled_parquet_batch_through_duckdb_gives_the_same_drift_report_as_our_reader()
    {
        var table = OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_3_supply_crisis.csv"));
        var unlabelled = new OrderTable(table.Source,
            OrderSchema.NumericFeatures.ToDictionary(f => f.Name, f => table.Numeric(f.Name).ToArray()),
            OrderSchema.CategoricalFeatures.ToDictionary(f => f.Name, f => table.Categorical(f.Name).ToArray()),
            null);
        var path = Path.Combine(CliRunner.TempDirectory(), "batch.parquet");
        OrderParquet.Write(unlabelled, path);

        var builtin = CliRunner.Run("drift", "--reference", Train, "--current", path, "--format", "json");
        var duckdb = CliRunner.Run("drift", "--engine", "duckdb", "--reference", Train, "--current", path, "--format", "json");
        Assert.Equal(0, builtin.ExitCode);
        Assert.Equal(builtin, duckdb);
    }

    [Fact]
    public async Task A_parquet_file_missing_a_column_is_one_line_naming_it()
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "orders.parquet");
        var price = new Parquet.Schema.DataField<double>(OrderSchema.ProductPrice, false);
        await using (var stream = File.Create(path))
        {
            await using var writer = await Parquet.ParquetWriter.CreateAsync(new Parquet.Schema.ParquetSchema(price), stream);
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(price, new double[] { 12 }.AsMemory());
            group.CompleteValidate();
        }

        // The demo's schema file (a file of other columns is otherwise inferred as a table of its own, by either engine).
        string[] args = ["profile", "--schema", Path.Combine(TestPaths.Data, "schema.json"), "--strict", "--data", path, "--out", Path.Combine(CliRunner.TempDirectory(), "p.json")];
        var (code, _, stderr) = CliRunner.Run([.. args, "--engine", "duckdb"]);
        Assert.Equal(1, code);
        // Our reader's line, as without --engine: the first missing column in the schema's order.
        Assert.Equal($"error: {path}: column '{OrderSchema.CustomerPurchaseHistory}': required column is missing from the Parquet schema\n", stderr);
        Assert.Equal(CliRunner.Run(args), (code, "", stderr));
    }

    private static string WithoutReference(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("reference");
        return node.ToJsonString();
    }

    private const string Header = "product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,returned,product_category,size_ordered";
    private const string Good = "12,0,3.2,6,31,10,1,0,Clothing,L";

    // One local file: DuckDB's error is replaced by our reader's (file, line and column of the first problem), so both
    // engines give the same line; the expected start is that line.
    public static TheoryData<string, string, string> BadInput => new()
    {
        { "unparsable number", Lines([Header, Good, "13,0,abc,6,31,10,1,0,Clothing,L"]), "{0}:3: column 'review_rating': " },
        { "value out of range", Lines([Header, Good, "13,0,7,6,31,10,1,0,Clothing,L"]), "{0}:3: column 'review_rating': " },
        { "empty number", Lines([Header, Good, "13,0,,6,31,10,1,0,Clothing,L"]), "{0}:3: column 'review_rating': empty value" },
        { "empty category", Lines([Header, Good, "13,0,3,6,31,10,1,0,,L"]), "{0}:3: column 'product_category': empty value" },
        { "bad label", Lines([Header, Good, "13,0,3,6,31,10,1,x,Clothing,L"]), "{0}:3: column 'returned': " },
        { "missing column", Lines([Header.Replace("review_rating", "rating"), Good]), "{0}:1: column 'review_rating': required column is missing from the header" },
        { "wrong field count", Lines([Header, Good, "13,0,3,6,31,10,1,0,Clothing"]), "{0}:3: " },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_through_duckdb_is_one_line_and_exit_code_1(string problem, string content, string expected)
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "orders.csv");
        File.WriteAllText(path, content);
        // --strict: a reference's empty cells are refused (without it they are counted as its missing rate).
        // The demo's schema file: a header lacking a demo column would otherwise be inferred as a table of its own.
        string[] args = ["profile", "--schema", Path.Combine(TestPaths.Data, "schema.json"), "--strict", "--data", path, "--out", Path.Combine(CliRunner.TempDirectory(), "p.json")];
        var (code, stdout, stderr) = CliRunner.Run([.. args, "--engine", "duckdb"]);
        Assert.True(code == 1, problem);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: " + string.Format(expected, path), stderr);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(CliRunner.Run(args), (code, stdout, stderr));
    }

    [Fact]
    public void A_glob_matching_nothing_is_one_line_and_exit_code_1()
    {
        var pattern = Path.Combine(CliRunner.TempDirectory(), "*.csv");
        var (code, _, stderr) = CliRunner.Run("drift", "--engine", "duckdb", "--reference", Train, "--current", pattern);
        Assert.Equal(1, code);
        Assert.Equal($"error: {pattern}: file not found (no file matches)\n", stderr);
    }

    [Fact]
    public void Shipped_sql_uses_only_ansi_grouping_sets_functions()
    {
        // Every word followed by '(' in the statement: the ANSI constructs the file promises, nothing engine-specific.
        var calls = FunctionCall().Matches(StripComments(ValueCountsQuery.Statement)).Select(m => m.Groups[1].Value.ToUpperInvariant()).ToHashSet();
        Assert.Subset(new HashSet<string> { "GROUPING", "CAST", "COUNT", "SETS", "VARCHAR" }, calls);
        Assert.Contains("GROUP BY GROUPING SETS", ValueCountsQuery.Statement);
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "value_counts.sql")), ValueCountsQuery.Text);
    }

    private static string StripComments(string sql) => Regex.Replace(sql, "--[^\n]*", "");

    [GeneratedRegex(@"\b([A-Za-z_]+)\s*\(")]
    private static partial Regex FunctionCall();
}

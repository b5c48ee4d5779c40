using ReturnMonitor.DuckDb;

namespace ReturnMonitor.Tests.Cli;

/// <summary><c>profile --emit-sql</c>: the SQL on stdout or in a file, and every wrong use one line with exit code 1.</summary>
public class EmitSqlCliTests
{
    private static readonly string Schema = Path.Combine(TestPaths.Data, "schema.json");

    [Fact]
    public void Emit_sql_for_the_demo_schema_prints_the_shipped_value_counts_sql()
    {
        var (code, stdout, stderr) = CliRunner.Run("profile", "--emit-sql", "--schema", Schema, "--table", "orders");
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
        Assert.Equal(ValueCountsQuery.Text, stdout);
    }

    [Fact]
    public void Emit_sql_with_out_writes_the_file_for_the_dialect()
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "counts.sql");
        var (code, stdout, _) = CliRunner.Run("profile", "--emit-sql", "--schema", Schema, "--table", "shop.orders", "--dialect", "spark", "--out", path);
        Assert.Equal(0, code);
        Assert.Equal($"{path}: value-count SQL (spark) for 9 features and the target\n", stdout);
        Assert.Contains("FROM `shop`.`orders`\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("--emit-sql needs --table NAME (the table or view holding the orders)", "profile", "--emit-sql", "--schema", "{schema}")]
    [InlineData("--emit-sql needs --schema FILE (a schema.json, e.g. from 'returnmonitor schema --data FILE --out schema.json')", "profile", "--emit-sql", "--table", "t")]
    [InlineData("--emit-sql writes SQL and reads no data: drop --data and --counts", "profile", "--emit-sql", "--schema", "{schema}", "--table", "t", "--data", "x.csv")]
    [InlineData("table name 'a..b' has an empty part (dots separate schema and table)", "profile", "--emit-sql", "--schema", "{schema}", "--table", "a..b")]
    [InlineData("Option '--out' is required.", "profile", "--data", "x.csv")]
    [InlineData("--table applies with --emit-sql only", "profile", "--data", "x.csv", "--out", "p.json", "--table", "t")]
    public void Wrong_use_is_one_line_and_exit_code_1(string expected, params string[] arguments)
    {
        var (code, stdout, stderr) = CliRunner.Run(arguments.Select(a => a.Replace("{schema}", Schema, StringComparison.Ordinal)).ToArray());
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {expected}\n", stderr);
    }

    [Fact]
    public void A_schema_that_cannot_be_counted_names_the_schema_file()
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "schema.json");
        File.WriteAllText(path, """{ "version": 1, "columns": [ { "name": "rows", "role": "numeric" } ] }""");
        var (code, _, stderr) = CliRunner.Run("profile", "--emit-sql", "--schema", path, "--table", "t");
        Assert.Equal(1, code);
        Assert.Equal($"error: {path}: column 'rows' has the name of the row-count record: rename it or mark it ignored in the schema\n", stderr);
    }
}

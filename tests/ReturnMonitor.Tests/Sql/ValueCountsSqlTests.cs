using ReturnMonitor.Data.Schema;
using ReturnMonitor.DuckDb;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Sql;

/// <summary>
/// The generator's text: the shipped <c>value_counts.sql</c> is its output for the demo, names are quoted per dialect
/// (expected strings written from each engine's lexical rules), a text label becomes 1/0, and impossible input is
/// refused with a message naming the problem. Running the text: <see cref="EmittedSqlDuckDbTests"/>, <see cref="PostgresValueCountsTests"/>.
/// </summary>
public class ValueCountsSqlTests
{
    private static DatasetSchema Demo => SchemaFile.Read(Path.Combine(TestPaths.Data, "schema.json"));

    [Fact]
    public void Shipped_value_counts_sql_is_the_generator_output_for_the_demo_schema_byte_for_byte()
    {
        var shipped = File.ReadAllText(Path.Combine(TestPaths.Repository, "lib", "ReturnMonitor.DuckDb", "value_counts.sql"));
        Assert.Equal(shipped, ValueCountsSql.Script(Demo, "orders", SqlDialect.DuckDb));
        Assert.Equal(shipped, ValueCountsQuery.Text);
        // The schema the engine uses when given none is the committed demo schema's counting part.
        Assert.Equal(ValueCountsSql.Script(DemoSchema.Schema, "orders", SqlDialect.DuckDb), shipped);
    }

    [Theory]
    [InlineData(SqlDialect.DuckDb, "we\"ird name", "\"we\"\"ird name\"")]
    [InlineData(SqlDialect.Postgres, "x\") FROM t; --", "\"x\"\") FROM t; --\"")]
    [InlineData(SqlDialect.Spark, "a`b c", "`a``b c`")]
    [InlineData(SqlDialect.BigQuery, "a`b\\c\nd", "`a\\`b\\\\c\\u000Ad`")]
    [InlineData(SqlDialect.Postgres, "ünï 名前", "\"ünï 名前\"")]
    public void Identifiers_are_always_quoted_with_the_dialect_escapes(SqlDialect dialect, string name, string expected) =>
        Assert.Equal(expected, SqlText.Identifier(name, dialect));

    [Theory]
    [InlineData(SqlDialect.DuckDb, "it's", "'it''s'")]
    [InlineData(SqlDialect.DuckDb, "a\\b", "'a\\b'")]
    [InlineData(SqlDialect.Postgres, "it's", "'it''s'")]
    [InlineData(SqlDialect.Postgres, "a\\'b", "E'a\\\\''b'")]
    [InlineData(SqlDialect.Spark, "it's \\", "'it\\'s \\\\'")]
    [InlineData(SqlDialect.BigQuery, "l1\nl2'", "'l1\\u000Al2\\''")]
    public void Literals_escape_quotes_and_backslashes_per_dialect(SqlDialect dialect, string text, string expected) =>
        Assert.Equal(expected, SqlText.Literal(text, dialect));

    [Theory]
    [InlineData(SqlDialect.DuckDb, "analytics.orders", "\"analytics\".\"orders\"")]
    [InlineData(SqlDialect.BigQuery, "project.dataset.orders", "`project`.`dataset`.`orders`")]
    [InlineData(SqlDialect.Postgres, "o\"; DROP TABLE t; --", "\"o\"\"; DROP TABLE t; --\"")]
    public void Table_names_are_quoted_part_by_part(SqlDialect dialect, string table, string expected) =>
        Assert.Contains($"FROM {expected}\n", ValueCountsSql.Statement(Demo, table, dialect));

    [Fact]
    public void Dialects_differ_only_in_quoting_text_type_and_bigquery_numbers()
    {
        var spark = ValueCountsSql.Statement(Demo, "orders", SqlDialect.Spark);
        var bigQuery = ValueCountsSql.Statement(Demo, "orders", SqlDialect.BigQuery);
        var duck = ValueCountsSql.Statement(Demo, "orders", SqlDialect.DuckDb);

        Assert.Equal(duck, ValueCountsSql.Statement(Demo, "orders", SqlDialect.Postgres));
        Assert.Equal(duck.Replace('"', '`').Replace("VARCHAR", "STRING", StringComparison.Ordinal), spark);
        Assert.Contains("WHEN GROUPING(`product_price`) = 0 THEN FORMAT('%.17g', CAST(`product_price` AS FLOAT64))", bigQuery);
        Assert.Contains("WHEN GROUPING(`product_category`) = 0 THEN CAST(`product_category` AS STRING)", bigQuery);
    }

    [Fact]
    public void A_text_label_is_counted_as_1_when_it_equals_the_positive_value_and_null_stays_null()
    {
        var schema = new DatasetSchema([new SchemaColumn("Return_Status", ColumnRole.Target) { Positive = "Returned" }, new SchemaColumn("country", ColumnRole.Categorical)]);
        var sql = ValueCountsSql.Statement(schema, "t", SqlDialect.Postgres);
        Assert.Contains("""WHEN GROUPING("Return_Status") = 0 THEN CASE WHEN "Return_Status" IS NULL THEN NULL WHEN UPPER(TRIM(CAST("Return_Status" AS VARCHAR))) = UPPER('Returned') THEN '1' ELSE '0' END""", sql);
        // Categorical first, the target last, whatever the file order.
        Assert.True(sql.IndexOf("(\"country\"),", StringComparison.Ordinal) < sql.IndexOf("(\"Return_Status\"),", StringComparison.Ordinal));
    }

    [Fact]
    public void Columns_that_are_not_features_or_the_target_are_not_counted()
    {
        var schema = new DatasetSchema([new SchemaColumn("order_id", ColumnRole.Id), new SchemaColumn("InvoiceDate", ColumnRole.Timestamp), new SchemaColumn("note", ColumnRole.Ignored), new SchemaColumn("qty", ColumnRole.Numeric)]);
        var sql = ValueCountsSql.Statement(schema, "t", SqlDialect.DuckDb);
        Assert.Contains("(\"qty\")", sql);
        Assert.DoesNotContain("order_id", sql);
        Assert.DoesNotContain("InvoiceDate", sql);
        Assert.DoesNotContain("note", sql);
    }

    [Fact]
    public void No_name_reaches_a_comment_so_a_line_break_in_a_name_cannot_end_one()
    {
        var schema = new DatasetSchema([new SchemaColumn("x\n; DROP TABLE t; --", ColumnRole.Numeric)]);
        var script = ValueCountsSql.Script(schema, "t", SqlDialect.DuckDb);
        var comments = string.Join('\n', script.Split('\n').TakeWhile(line => line.StartsWith("--", StringComparison.Ordinal)));
        Assert.DoesNotContain("DROP", comments);
        Assert.StartsWith("SELECT\n", script[(comments.Length + 1)..]);
    }

    public static TheoryData<string, DatasetSchema, string> Refusals => new()
    {
        { "no feature", new DatasetSchema([new SchemaColumn("id", ColumnRole.Id)]), "the schema has no numeric or categorical feature and no target: there is nothing to count" },
        { "named rows", new DatasetSchema([new SchemaColumn("rows", ColumnRole.Numeric)]), "column 'rows' has the name of the row-count record: rename it or mark it ignored in the schema" },
        { "NUL", new DatasetSchema([new SchemaColumn("a\0b", ColumnRole.Numeric)]), "a name holds a NUL character" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Impossible_schemas_are_refused_with_the_reason(string problem, DatasetSchema schema, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ValueCountsSql.Statement(schema, "t", SqlDialect.DuckDb));
        Assert.True(error.Message == expected, problem + ": " + error.Message);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData(".orders")]
    [InlineData("orders.")]
    [InlineData("")]
    public void A_table_name_with_an_empty_part_is_refused(string table) =>
        Assert.Throws<ArgumentException>(() => ValueCountsSql.Statement(Demo, table, SqlDialect.DuckDb));
}

using System.Globalization;
using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;

namespace ReturnMonitor.Tests.Data.Schema;

/// <summary>
/// Each inference rule on small generated files of shapes other than the demo's (as the public return files have:
/// a pandas index, an invoice number, a text label, month-first dates), and the demo's own training file.
/// </summary>
public sealed class SchemaInferenceTests
{
    private static readonly string[] Payments = ["card", "paypal", "invoice", "cash"];

    /// <summary>A file shaped like the public ones: 400 rows, fixed seed.</summary>
    private static string OtherShape(int rows = 400, Func<int, string>? date = null)
    {
        var random = new Random(20);
        var text = new StringBuilder(",order_ref,InvoiceNo,Product_Price,payment_method,customer_tenure_days,InvoiceDate,Description,Country,Notes,StockCode,Return_Status\n");
        date ??= i => $"{1 + (i % 12)}/{1 + (i % 28)}/2011 {i % 24}:{i % 60:00}";
        for (var i = 0; i < rows; i++)
        {
            var price = Math.Round(random.NextDouble() * 100, 2).ToString(CultureInfo.InvariantCulture);
            var status = random.NextDouble() < 0.2 ? "Returned" : "Not Returned";
            text.Append(CultureInfo.InvariantCulture,
                $"{i},R-{i:00000},{536365 + (i / 3)},{price},{Payments[random.Next(4)]},{(i * 5) % 2000},{date(i)},\"soft cotton shirt, long sleeves, item {i % 7}\",United Kingdom,,SKU{(i * 7) % 120},{status}\n");
        }

        return Write(text.ToString());
    }

    private static string Write(string text)
    {
        var path = Path.Combine(Cli.CliRunner.TempDirectory(), "orders.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static SchemaColumn Column(SchemaInferenceResult result, string name) => result.Schema.Find(name)!;

    [Fact]
    public void A_file_of_another_shape_gets_one_checkable_decision_per_column()
    {
        var result = SchemaInference.Infer(OtherShape());

        Assert.Equal(400, result.Rows);
        Assert.Equal(
        [
            "(empty header): ignored, empty header (an index column)",
            "order_ref: id, unique per row",
            "InvoiceNo: id, named like an id",
            "payment_method: categorical, 4 values",
            "customer_tenure_days: numeric, numbers from 0 to 1995",
            "InvoiceDate: timestamp, dates, M/d/yyyy",
            "Description: ignored, free text: 7 words on average, up to 39 characters",
            "Country: ignored, constant: every value is 'United Kingdom'",
            "Notes: ignored, entirely empty",
            "StockCode: categorical, 120 values: the 50 most frequent kept, the rest counted as (other)",
            "Return_Status: target, named like a target, 'Not Returned'/'Returned', positive 'Returned' by its word",
        ], result.Lines().Where(l => !l.StartsWith("Product_Price", StringComparison.Ordinal)));
        var price = Column(result, "Product_Price");
        Assert.Equal(ColumnRole.Numeric, price.Role);
        Assert.Equal(ColumnMeaning.Price, price.Meaning);
        Assert.EndsWith("; meaning price from the name", price.Reason);
        Assert.Equal("Returned", result.Schema.Target!.Positive);
        var stock = Column(result, "StockCode");
        Assert.Equal(50, stock.MaxCategories);
        Assert.Equal(50, stock.Categories!.Count);
    }

    [Fact]
    public void The_demo_training_file_gives_the_demo_schema_kinds_target_and_meanings()
    {
        var inferred = SchemaInference.Infer(Path.Combine(TestPaths.Data, "train.csv")).Schema;
        var demo = SchemaFile.Read(Path.Combine(TestPaths.Data, SchemaFile.FileName));

        Assert.Equal(demo.Columns.Select(c => (c.Name, c.Role, c.Meaning)), inferred.Columns.Select(c => (c.Name, c.Role, c.Meaning)));
        Assert.Equal("1", inferred.Target!.Positive);
        Assert.Equal(OrderSchema.Features.Select(f => (f.Name, f.Kind)), inferred.FeatureDefinitions().Select(f => (f.Name, f.Kind)));
    }

    [Fact]
    public void Day_first_dates_are_recognised_and_ambiguous_ones_are_left_to_the_person()
    {
        var dayFirst = SchemaInference.Infer(OtherShape(date: i => $"{1 + (i % 28)}/{1 + (i % 12)}/2011")).Schema.Find("InvoiceDate")!;
        Assert.Equal((ColumnRole.Timestamp, "d/M/yyyy"), (dayFirst.Role, dayFirst.Format));

        var iso = SchemaInference.Infer(OtherShape(date: i => $"2011-{1 + (i % 12):00}-{1 + (i % 28):00}T10:00:00")).Schema.Find("InvoiceDate")!;
        Assert.Equal((ColumnRole.Timestamp, "iso"), (iso.Role, iso.Format));

        var path = OtherShape(date: i => $"{1 + (i % 12)}/{1 + (i % 12)}/2011");
        var open = SchemaInference.Infer(path).Schema.Find("InvoiceDate")!;
        Assert.Equal(ColumnRole.Ignored, open.Role);
        Assert.Contains("does not settle", open.Reason);
        Assert.Contains("--timestamp-format", open.Reason);

        var decided = SchemaInference.Infer(path, new SchemaInferenceOptions { Timestamp = "InvoiceDate", TimestampFormat = "d/M/yyyy" }).Schema.Timestamp!;
        Assert.Equal(("InvoiceDate", "d/M/yyyy", "--timestamp, d/M/yyyy"), (decided.Name, decided.Format, decided.Reason));
    }

    [Fact]
    public void Flags_override_every_rule()
    {
        var result = SchemaInference.Infer(OtherShape(), new SchemaInferenceOptions
        {
            Numeric = ["InvoiceNo"],
            Categorical = ["Description"],
            Ignore = ["payment_method"],
            Target = "Return_Status",
            Positive = "not returned",
        });

        Assert.Equal(ColumnRole.Numeric, Column(result, "InvoiceNo").Role);
        Assert.Equal(ColumnRole.Categorical, Column(result, "Description").Role);
        Assert.Equal("--ignore", Column(result, "payment_method").Reason);
        Assert.Equal("Not Returned", result.Schema.Target!.Positive);
        Assert.Contains("(--positive)", result.Schema.Target.Reason);
    }

    [Theory]
    [InlineData("is_returned\nyes\nno\nYes\n", "yes")]
    [InlineData("LABEL\ntrue\nfalse\n", "true")]
    [InlineData("target\n0\n1\n1\n", "1")]
    public void Common_target_names_and_labels_are_found(string csv, string positive)
    {
        var target = SchemaInference.Infer(Write(csv)).Schema.Target!;
        Assert.Equal(positive, target.Positive, ignoreCase: true);
    }

    [Fact]
    public void A_target_whose_labels_say_nothing_needs_positive()
    {
        var path = Write("label,x\nA,1\nB,2\nA,3\n");

        var guessed = SchemaInference.Infer(path).Schema;
        Assert.Null(guessed.Target);
        Assert.Contains("named like a target but has labels whose meaning is not clear (give --positive)", guessed.Find("label")!.Reason);

        var error = Assert.Throws<DataFormatException>(() => SchemaInference.Infer(path, new SchemaInferenceOptions { Target = "label" }));
        Assert.Contains("column 'label': --target: two labels 'A'/'B': say which means returned with --positive", error.Message);

        Assert.Equal("B", SchemaInference.Infer(path, new SchemaInferenceOptions { Target = "label", Positive = "b" }).Schema.Target!.Positive);
    }

    [Theory]
    [InlineData("Numeric", "payment_method", "column 'payment_method': --numeric: 400 of 400 values are not numbers")]
    [InlineData("Ignore", "nope", ":1: column 'nope': --ignore: no such column in the header")]
    public void Flags_that_do_not_fit_the_data_are_one_clear_error(string flag, string column, string expected)
    {
        var options = flag == "Numeric" ? new SchemaInferenceOptions { Numeric = [column] } : new SchemaInferenceOptions { Ignore = [column] };
        var error = Assert.Throws<DataFormatException>(() => SchemaInference.Infer(OtherShape(), options));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_row_number_column_and_a_row_with_missing_fields_are_told_apart()
    {
        var rowNumber = SchemaInference.Infer(Write("n,price\n1,5.5\n2,5.5\n3,7\n")).Schema.Find("n")!;
        Assert.Equal((ColumnRole.Id, "unique per row, whole numbers 1 to 3 (a row number)"), (rowNumber.Role, rowNumber.Reason));

        var error = Assert.Throws<DataFormatException>(() => SchemaInference.Infer(Write("a,b\n1,2\n3\n")));
        Assert.Contains("orders.csv:3: has 1 fields, the header has 2", error.Message);
    }

    [Fact]
    public void Values_beyond_the_distinct_cap_are_counted_in_bounded_memory()
    {
        // 5,000 codes, tracked only up to 1,000: still categorical with the top 50 kept, the reason says "over".
        var text = new StringBuilder("code,y\n");
        for (var i = 0; i < 20_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{i % 5000},{i % 2}\n");
        }

        var column = SchemaInference.Infer(Write(text.ToString()), new SchemaInferenceOptions { DistinctCap = 1000 }).Schema.Find("code")!;
        Assert.Equal(ColumnRole.Categorical, column.Role);
        Assert.StartsWith("over 1000 values: the 50 most frequent kept", column.Reason);
    }

    [Fact]
    public void Score_and_prediction_columns_get_their_roles_and_are_never_features()
    {
        var path = Write("price,proba,pred,returned\n5.5,0.2,0,0\n7,0.8,1,1\n6,0.6,1,0\n9,0.1,0,0\n");

        var plain = SchemaInference.Infer(path).Schema;
        // Without the flags a score is just a number: taken as a feature.
        Assert.Contains("proba", plain.Features.Select(f => f.Name));

        var result = SchemaInference.Infer(path, new SchemaInferenceOptions { Score = "proba", Prediction = "pred" }).Schema;
        Assert.Equal(["price"], result.Features.Select(f => f.Name));
        Assert.Equal((ColumnRole.Score, "proba"), (result.Score!.Role, result.Score.Name));
        Assert.Equal((ColumnRole.Prediction, "pred"), (result.Prediction!.Role, result.Prediction.Name));
        Assert.Equal("--score-column: the model's score, not a feature", result.Score.Reason);
        // The roles survive the schema file, and a file with two score columns is refused.
        var file = Path.Combine(Cli.CliRunner.TempDirectory(), "schema.json");
        SchemaFile.Write(result, file);
        Assert.Equal(ColumnRole.Score, SchemaFile.Read(file).Find("proba")!.Role);
        var twice = Assert.Throws<ArgumentException>(() => new DatasetSchema([new SchemaColumn("a", ColumnRole.Score), new SchemaColumn("b", ColumnRole.Score)]));
        Assert.Contains("are both score", twice.Message);
        var unknown = Assert.Throws<DataFormatException>(() => SchemaInference.Infer(path, new SchemaInferenceOptions { Score = "probability" }));
        Assert.Contains("--score-column: no such column in the header", unknown.Message);
    }
}

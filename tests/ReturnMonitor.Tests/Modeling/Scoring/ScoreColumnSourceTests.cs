using ReturnMonitor.Data;
using ReturnMonitor.Modeling.Scoring;

namespace ReturnMonitor.Tests.Modeling.Scoring;

/// <summary>
/// A score column is read row for row with the table, and every bad score — NaN, outside [0, 1], empty, not a number,
/// the column missing — or a prediction that is not the threshold rule is one error naming file, line and column.
/// </summary>
public sealed class ScoreColumnSourceTests
{
    private const string Header = "product_price,customer_purchase_history,review_rating,delivery_time_days,discount_percentage,previous_returns,days_since_purchase,returned,product_category,size_ordered,proba,pred";

    private static (OrderTable Orders, string Path) Write(params string[] rows)
    {
        var path = System.IO.Path.Combine(Tests.Cli.CliRunner.TempDirectory(), "scored.csv");
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return (OrderCsv.Read(path), path);
    }

    private static string Row(string proba, string pred = "0") => $"50,1,4.0,3,10,0,20,0,Beauty,NA,{proba},{pred}";

    [Fact]
    public void Reads_the_scores_in_row_order_and_decides_at_the_threshold()
    {
        var (orders, path) = Write(Row("0.25"), Row("1"), Row("0"), Row("0.7500000000000001", "1"));

        var source = new ScoreColumnSource("proba", threshold: 0.3);

        Assert.Equal([0.25, 1, 0, 0.7500000000000001], source.Score(orders, path));
        Assert.Equal(0.3, source.Threshold);
        Assert.False(source.UsesFeatures);
    }

    [Theory]
    [InlineData("1.2", "score 1.2 is not a probability")]
    [InlineData("-0.01", "score -0.01 is not a probability")]
    [InlineData("NaN", "score NaN is not a probability")]
    [InlineData("", "empty score")]
    [InlineData("high", "'high' is not a number")]
    public void A_bad_score_names_file_line_and_column(string proba, string problem)
    {
        var (orders, path) = Write(Row("0.1"), Row("0.2"), Row(proba));

        var e = Assert.Throws<DataFormatException>(() => new ScoreColumnSource("proba").Score(orders, path));

        Assert.Equal(4, e.Line);
        Assert.Equal("proba", e.Column);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith(path + ":4: column 'proba': ", e.Message);
    }

    [Fact]
    public void A_missing_score_column_is_named_with_the_columns_the_file_has()
    {
        var (orders, path) = Write(Row("0.1"));

        var e = Assert.Throws<DataFormatException>(() => new ScoreColumnSource("probability").Score(orders, path));

        Assert.Equal("probability", e.Column);
        Assert.Contains("score column is missing", e.Message);
        Assert.Contains("proba", e.Message);
    }

    [Fact]
    public void Predictions_fix_the_threshold_from_the_reference_and_a_batch_breaking_it_is_named()
    {
        // The reference predicts 1 from 0.3 on: not the default 0.5, and consistent, so 0.3 is the model's threshold.
        var (reference, referencePath) = Write(Row("0.1", "0"), Row("0.29", "0"), Row("0.3", "1"), Row("0.45", "1"), Row("0.9", "1"));
        var source = new ScoreColumnSource("proba", "pred");
        source.Score(reference, referencePath);
        Assert.Equal(0.3, source.Threshold);

        var (batch, batchPath) = Write(Row("0.5", "1"), Row("0.35", "0"));
        var e = Assert.Throws<DataFormatException>(() => source.Score(batch, batchPath));

        Assert.Equal(3, e.Line);
        Assert.Equal("pred", e.Column);
        Assert.Contains("prediction 0 but score 0.35 in 'proba' is at or above the threshold 0.3", e.Message);
    }

    [Fact]
    public void Predictions_that_are_no_threshold_of_the_score_are_refused()
    {
        var (reference, path) = Write(Row("0.2", "1"), Row("0.6", "0"));

        var e = Assert.Throws<DataFormatException>(() => new ScoreColumnSource("proba", "pred").Score(reference, path));

        Assert.Equal(2, e.Line);
        Assert.Contains("the predictions must be score ≥ threshold", e.Message);
    }

    [Fact]
    public void Scores_attached_to_a_table_cut_from_the_file_are_its_rows_scores()
    {
        var (orders, path) = Write(Row("0.1"), Row("0.2"), Row("0.3"));
        var source = new ScoreColumnSource("proba");
        var part = orders.Select([0, 2], "part");

        source.Attach(part, [0.1, 0.3]);

        Assert.Equal([0.1, 0.3], source.Score(part, null));
        Assert.Throws<ArgumentException>(() => source.Score(orders.Select([1], "other"), null));
        Assert.Equal(3, source.Score(orders, path).Length);
    }

    [Fact]
    public void A_file_with_fewer_scores_than_orders_read_is_an_error()
    {
        var (orders, _) = Write(Row("0.1"), Row("0.2"));
        var (_, shorter) = Write(Row("0.1"));

        var e = Assert.Throws<DataFormatException>(() => new ScoreColumnSource("proba").Score(orders, shorter));

        Assert.Contains("1 scores for 2 orders", e.Message);
    }
}

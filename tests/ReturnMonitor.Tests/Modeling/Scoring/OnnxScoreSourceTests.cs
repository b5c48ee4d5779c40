using System.Diagnostics;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling.Scoring;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Modeling.Scoring;

/// <summary>
/// Small ONNX models written by python3-onnx in the test (tests/reference/make_onnx_models.py: a logistic regression as
/// MatMul + Add + Sigmoid, its category weights by LabelEncoder, in the output shapes of skl2onnx) score the demo batch
/// through ONNX Runtime exactly as the formula with the same weights computed here; inputs that do not match the file
/// give one error listing what the model wants and what the file has.
/// </summary>
public sealed class OnnxScoreSourceTests : IClassFixture<OnnxScoreSourceTests.Models>
{
    private readonly Models models;

    public OnnxScoreSourceTests(Models models) => this.models = models;

    private static OrderTable Batch => OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_1_normal.csv"));

    [Theory]
    [InlineData("probabilities.onnx", null, "probabilities")]
    [InlineData("zipmap.onnx", null, "output_probability")]
    [InlineData("single.onnx", null, "return_probability")]
    [InlineData("two_outputs.onnx", "p", "p")]
    public void Scores_equal_the_same_logistic_regression_computed_in_csharp(string file, string? output, string expectedOutput)
    {
        using var source = new OnnxScoreSource(models.Path(file), output);
        var batch = Batch;

        var scores = source.Score(batch, null);

        Assert.Equal(expectedOutput, source.Output);
        Assert.Equal(batch.Count, scores.Length);
        var expected = models.Formula(batch);
        for (var i = 0; i < scores.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - scores[i]) <= 1e-6, $"order {i + 1}: ONNX {scores[i]}, formula {expected[i]}");
        }

        // The batch holds categories with and without a weight, so the string input really feeds the score.
        Assert.Contains(batch.Categorical("product_category"), c => c == "Sports");
        Assert.Contains(batch.Categorical("product_category"), c => c == "Clothing");
    }

    [Fact]
    public void Inputs_that_do_not_match_the_file_are_one_error_listing_both_sides()
    {
        using var source = new OnnxScoreSource(models.Path("wrong_inputs.onnx"));

        var e = Assert.Throws<DataFormatException>(() => source.Score(Batch, null));

        Assert.DoesNotContain('\n', e.Message);
        Assert.Contains("customer_age (float [n,1]) missing", e.Message);
        Assert.Contains("product_category (float [n,1]) is categorical in the file", e.Message);
        Assert.Contains("the model wants customer_age (float [n,1]), discount_percentage (float [n,1]), delivery_time_days (double [n,1]), product_category (float [n,1])", e.Message);
        Assert.Contains("the file has product_price (numeric)", e.Message);
    }

    [Fact]
    public void Outputs_that_cannot_be_told_apart_or_are_not_probabilities_are_refused()
    {
        var ambiguous = Assert.Throws<DataFormatException>(() => new OnnxScoreSource(models.Path("two_outputs.onnx")));
        Assert.Contains("its outputs: logit, p", ambiguous.Message);
        Assert.Contains("--onnx-output", ambiguous.Message);

        var unknown = Assert.Throws<DataFormatException>(() => new OnnxScoreSource(models.Path("single.onnx"), "probabilities"));
        Assert.Contains("no output 'probabilities'", unknown.Message);

        using var logit = new OnnxScoreSource(models.Path("out_of_range.onnx"));
        var e = Assert.Throws<DataFormatException>(() => logit.Score(Batch, null));
        Assert.Equal("z", e.Column);
        Assert.Contains("a probability of return must be from 0 to 1", e.Message);

        var notOnnx = Path.Combine(Tests.Cli.CliRunner.TempDirectory(), "model.onnx");
        File.WriteAllText(notOnnx, "not a model");
        Assert.Contains("not an ONNX model", Assert.Throws<DataFormatException>(() => new OnnxScoreSource(notOnnx)).Message);
    }

    [Fact]
    public void An_onnx_model_feeds_the_monitoring_like_our_own_model()
    {
        using var source = new OnnxScoreSource(models.Path("zipmap.onnx"));
        var referenceFile = Path.Combine(TestPaths.Data, "train.csv");
        var reference = OrderCsv.Read(referenceFile);
        var monitor = new BatchMonitor(ReferenceProfile.Fit(reference), ModelMonitor.FromScores(source, reference, referenceFile)) { Multivariate = false };
        var batch = OrderCsv.Read(Path.Combine(TestPaths.Data, "batch_3_supply_crisis.csv"));

        var check = monitor.Check(batch, null);

        var model = check.Model!;
        Assert.Equal(models.Formula(batch), model.Scores, (a, b) => Math.Abs(a - b) <= 1e-6);
        // ONNX computes in float: scores within 1e-6 of the double formula can still swap the order of near-ties,
        // so the ranks (and the ROC-AUC) agree to about 1e-5, not to the scores' 1e-6.
        Assert.Equal(ReturnMonitor.Modeling.ClassificationMetrics.Compute(batch.Returned, models.Formula(batch)).RocAuc, model.Realized!.RocAuc, 1e-4);
        Assert.StartsWith("ONNX model zipmap.onnx", model.ScoreSource);
        Assert.NotNull(check.Money);
    }

    /// <summary>The models, written once per test class into a temporary folder by python3-onnx.</summary>
    public sealed class Models
    {
        private readonly string folder = Tests.Cli.CliRunner.TempDirectory();
        private readonly JsonNode weights;

        public Models()
        {
            var script = System.IO.Path.Combine(TestPaths.Repository, "tests", "reference", "make_onnx_models.py");
            using var python = Process.Start(new ProcessStartInfo("/usr/bin/python3", [script, folder]) { RedirectStandardError = true })!;
            var error = python.StandardError.ReadToEnd();
            python.WaitForExit();
            Assert.True(python.ExitCode == 0, $"make_onnx_models.py failed (needs Debian's python3-onnx: apt-get install python3-onnx): {error}");
            weights = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(folder, "weights.json")))!;
        }

        public string Path(string file) => System.IO.Path.Combine(folder, file);

        /// <summary>sigmoid(w·x + category weight + b), in double, with the weights the models hold.</summary>
        public double[] Formula(OrderTable orders)
        {
            var price = orders.Numeric("product_price");
            var discount = orders.Numeric("discount_percentage");
            var delivery = orders.Numeric("delivery_time_days");
            var category = orders.Categorical("product_category");
            var result = new double[orders.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var z = W("product_price") * price[i] + W("discount_percentage") * discount[i] + W("delivery_time_days") * delivery[i] + W("bias")
                    + ((double?)weights["categories"]![category[i]] ?? 0);
                result[i] = 1 / (1 + Math.Exp(-z));
            }

            return result;
        }

        private double W(string name) => (double)weights[name]!;
    }
}

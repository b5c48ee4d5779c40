using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling.Scoring;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.Tests.Modeling.Scoring;

/// <summary>
/// A model trained outside ReturnMonitor (scikit-learn's logistic regression, tests/reference/make_score_column_reference.py)
/// is monitored from its score column alone: a labelled, scored reference (its validation output) and a scored batch
/// give everything a model folder gives — realized metrics equal to scikit-learn's, the measured calibration equal to
/// numpy's, estimates with their reliability, prediction drift and money.
/// </summary>
public sealed class ScoredMonitoringTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Repository, "tests", "ReturnMonitor.Tests", "Modeling", "Scoring", "Reference");
    private static readonly JsonNode Expected = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json")))!;
    private static readonly Lazy<(BatchMonitor Monitor, BatchCheck Check)> Checked = new(() =>
    {
        var referencePath = Path.Combine(Folder, "reference_scored.csv");
        var batchPath = Path.Combine(Folder, "batch_scored.csv");
        var reference = OrderCsv.Read(referencePath);
        var monitor = new BatchMonitor(ReferenceProfile.Fit(reference), ModelMonitor.FromScores(new ScoreColumnSource("proba", "pred"), reference, referencePath));
        return (monitor, monitor.Check(OrderCsv.Read(batchPath, missing: MissingCells.Allow), batchPath));
    });

    private static double Value(string file, string name) => (double)Expected[file]![name]!;

    [Fact]
    public void Realized_and_reference_metrics_equal_scikit_learns()
    {
        var model = Checked.Value.Check.Model!;

        foreach (var (file, metrics) in new[] { ("batch_scored.csv", model.Realized!), ("reference_scored.csv", model.Reference) })
        {
            Assert.Equal(Value(file, "rocAuc"), metrics.RocAuc, 1e-9);
            Assert.Equal(Value(file, "accuracy"), metrics.Accuracy, 1e-9);
            Assert.Equal(Value(file, "precision"), metrics.Precision, 1e-9);
            Assert.Equal(Value(file, "recall"), metrics.Recall, 1e-9);
            Assert.Equal(Value(file, "f1"), metrics.F1, 1e-9);
        }

        Assert.Equal("score column 'proba', prediction column 'pred'", model.ScoreSource);
        Assert.Equal(0.5, model.DecisionThreshold);
    }

    [Fact]
    public void The_reference_calibration_is_measured_as_numpy_measures_it()
    {
        var calibration = Checked.Value.Check.Model!.ScoreCalibration!;

        Assert.Equal(Value("reference_scored.csv", "ece"), calibration.Scores.ExpectedCalibrationError, 1e-12);
        var counts = Expected["reference_scored.csv"]!["binCounts"]!.AsArray().Select(c => (long)c!).ToArray();
        Assert.Equal(counts.Where(c => c > 0), calibration.Scores.Bins.Select(b => b.Count));
        Assert.Equal(2000, calibration.Orders);
        // The fitted calibration the estimates use is the one chosen by cross-validation, and it is in the JSON.
        var json = JsonNode.Parse(BatchCheckJson.Serialize(Checked.Value.Check))!["performance"]!;
        Assert.Equal(calibration.Scores.ExpectedCalibrationError, (double)json["calibration"]!["scores"]!["expectedCalibrationError"]!, 15);
        Assert.Equal(calibration.Selection.Calibrator.Method.ToString().ToLowerInvariant(), (string)json["calibration"]!["fitted"]!["method"]!);
        Assert.Equal(counts.Where(c => c > 0).Count(), json["calibration"]!["scores"]!["reliability"]!.AsArray().Count);
        Assert.Equal("score column 'proba', prediction column 'pred'", (string)json["scores"]!["source"]!);
    }

    [Fact]
    public void Every_section_of_a_model_folder_check_is_there()
    {
        var check = Checked.Value.Check;
        var model = check.Model!;

        // The flash sale moved the scores and the estimate sees the drop without labels.
        Assert.True(model.Prediction.Drifted);
        Assert.Contains("estimated accuracy", model.Alerts);
        Assert.True(model.Estimated[PerformanceMetric.Accuracy] < model.Reference.Accuracy);
        Assert.NotNull(model.Assessment);
        Assert.Null(model.AssessmentSkipped);
        Assert.NotNull(model.Multivariate);
        Assert.NotNull(check.Money);
        Assert.Equal(1000, model.Scores.Count);
        Assert.Equal(0.5, check.Money!.Threshold.CurrentThreshold);
    }

    [Fact]
    public void A_threshold_given_for_the_scores_is_the_threshold_of_every_metric_and_of_the_money()
    {
        var referencePath = Path.Combine(Folder, "reference_scored.csv");
        var batchPath = Path.Combine(Folder, "batch_scored.csv");
        var reference = OrderCsv.Read(referencePath);
        var monitor = new BatchMonitor(ReferenceProfile.Fit(reference), ModelMonitor.FromScores(new ScoreColumnSource("proba", threshold: 0.3), reference, referencePath)) { Multivariate = false };

        var check = monitor.Check(OrderCsv.Read(batchPath), batchPath);

        // Accuracy at 0.3 counted straight from the file's columns.
        var rows = File.ReadLines(batchPath).Skip(1).Select(l => l.Split(',')).ToArray();
        var correct = rows.Count(r => (double.Parse(r[10], System.Globalization.CultureInfo.InvariantCulture) >= 0.3) == (r[7] == "1"));
        Assert.Equal((double)correct / rows.Length, check.Model!.Realized!.Accuracy, 12);
        Assert.NotEqual(Value("batch_scored.csv", "accuracy"), check.Model.Realized.Accuracy);
        Assert.Equal(0.3, check.Model.DecisionThreshold);
        Assert.Equal(0.3, check.Money!.Threshold.CurrentThreshold);
    }
}

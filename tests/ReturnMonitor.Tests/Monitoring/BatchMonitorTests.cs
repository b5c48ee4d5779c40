using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using ReturnMonitor.Summaries;
using ReturnMonitor.Tests.Cli;

namespace ReturnMonitor.Tests.Monitoring;

public class BatchMonitorTests
{
    [Fact]
    public void Every_model_section_derives_from_the_one_scoring_the_check_carries()
    {
        var folder = SmallModel.Folder;
        var batch = SmallModel.FlashSale;

        var check = SmallModel.Monitor.Check(batch);

        var model = check.Model!;
        // The check scored the batch with the folder's model, once; the scores it carries are those scores...
        Assert.Equal(folder.Model.PredictProbabilities(batch), model.Scores);
        Assert.Equal(folder.Monitor.Calibration.Calibrator.Apply(model.Scores.ToArray()), model.Probabilities);
        // ...and the realized metrics, the label-free estimate and the prediction drift are all computed from them.
        Assert.Equal(ClassificationMetrics.Compute(batch.Returned, model.Scores.ToArray()), model.Realized);
        Assert.Equal(ReliabilityCurve.Compute(batch.Returned, model.Probabilities.ToArray()).ExpectedCalibrationError, model.RealizedCalibration!.ExpectedCalibrationError);
        var estimate = PerformanceEstimator.Estimate(model.Scores.ToArray(), model.Probabilities.ToArray());
        Assert.All(PerformanceMetrics.All, m => Assert.Equal(estimate[m], model.Estimated[m]));
        Assert.Equal(model.Scores.Average(), model.Prediction.CurrentMeanScore, 12);
        Assert.Equal(folder.Monitor.Reference, model.Reference);
        Assert.Equal(folder.Training.Test, model.Reference); // the degradation rule's yardstick is the training report's
    }

    [Fact]
    public void The_drift_section_is_the_profiles_comparison_and_a_summary_gives_the_same_check_without_the_model()
    {
        var batch = SmallModel.FlashSale;
        var withModel = SmallModel.Monitor.Check(batch);
        var driftOnly = new BatchMonitor(SmallModel.Folder.Profile).Check(DatasetSummary.Of(batch));

        Assert.Null(driftOnly.Model);
        Assert.Equal(DriftJson.Serialize(SmallModel.Folder.Profile.Compare(batch)), DriftJson.Serialize(withModel.Drift));
        Assert.Equal(DriftJson.Serialize(withModel.Drift), DriftJson.Serialize(driftOnly.Drift));
        Assert.Equal(withModel.Overview, driftOnly.Overview);
        Assert.Equal(BatchOverview.Of(DatasetSummary.Of(batch)), withModel.Overview);
        Assert.Equal(batch.Source, withModel.Name);
    }

    [Fact]
    public void A_monitor_of_a_saved_model_folder_gives_the_same_document_as_the_trained_one()
    {
        var directory = CliRunner.TempDirectory();
        SmallModel.Folder.Save(directory);

        var loaded = new BatchMonitor(ModelDirectory.Load(directory)) { Multivariate = false };

        Assert.Equal(SmallModel.Folder.Profile.Summary.Rows, loaded.Profile.Summary.Rows);
        Assert.NotNull(loaded.Model);
        var expected = BatchCheckJson.Serialize(SmallModel.Monitor.Check(SmallModel.FlashSale));
        Assert.Equal(expected, BatchCheckJson.Serialize(loaded.Check(SmallModel.FlashSale)));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void The_domain_classifier_runs_only_when_asked_and_a_sample_is_there()
    {
        var batch = SmallModel.Normal;
        Assert.Null(SmallModel.Monitor.Check(batch).Model!.Multivariate);
        var multivariate = new BatchMonitor(SmallModel.Folder).Check(batch).Model!.Multivariate;
        Assert.NotNull(multivariate);
        Assert.False(multivariate.Drifted);
    }

    [Fact]
    public void An_empty_batch_is_refused_with_its_name()
    {
        var empty = SmallModel.Normal.Select([], "empty.csv");
        var error = Assert.Throws<ArgumentException>(() => SmallModel.Monitor.Check(empty));
        Assert.StartsWith($"{empty.Source} has no orders", error.Message);
    }

    [Theory]
    [InlineData("remove", "calibration.plattA", "missing 'plattA'")]
    [InlineData("remove", "heldOut", "missing 'heldOut'")]
    [InlineData("text", "heldOut.scores", "'scores' must be an array of numbers")]
    [InlineData("text", "calibration.folds", "'folds' must be an integer")]
    [InlineData("text", "calibration.method", "unknown calibration method 'x'")]
    [InlineData("text", "calibration", "'calibration' must be an object")]
    public void A_damaged_monitoring_file_is_one_clear_error_naming_the_field(string change, string field, string expected)
    {
        var directory = CliRunner.TempDirectory();
        SmallModel.Folder.Save(directory);
        var path = Path.Combine(directory, ModelMonitor.FileName);
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var parts = field.Split('.');
        var parent = parts.Length == 1 ? root : root[parts[0]]!.AsObject();
        if (change == "remove")
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = "x";
        }

        File.WriteAllText(path, root.ToJsonString());

        var error = Assert.Throws<DataFormatException>(() => ModelDirectory.Load(directory));
        Assert.Equal($"{path}: not a ReturnMonitor monitoring file: {expected}", error.Message);
    }

    [Fact]
    public void A_truncated_monitoring_file_is_a_format_error()
    {
        var directory = CliRunner.TempDirectory();
        SmallModel.Folder.Save(directory);
        var path = Path.Combine(directory, ModelMonitor.FileName);
        File.WriteAllText(path, File.ReadAllText(path)[..200]);

        var error = Assert.Throws<DataFormatException>(() => ModelDirectory.Load(directory));
        Assert.StartsWith($"{path}: not a ReturnMonitor monitoring file: ", error.Message);
    }
}

using ReturnMonitor.Modeling;

namespace ReturnMonitor.Tests.Modeling;

public class ClassificationMetricsTests
{
    [Fact]
    public void Matches_sklearn_on_a_sample_with_tied_scores()
    {
        // Expected values from scikit-learn 1.2.1 (Debian python3-sklearn): roc_auc_score, accuracy_score,
        // precision_score(zero_division=0), recall_score, f1_score, confusion_matrix, threshold 0.5 (score >= 0.5 → returned).
        bool[] labels = "0,0,0,1,1,0,0,1,1,0,0,1,0,0,0,0,0,0,0,1,0,1,0,1,0,0,1,0,0,1,0,1,0,0,1,0,0,0,1,0".Split(',').Select(v => v == "1").ToArray();
        double[] scores = "0.2,0.4,0.1,0.5,0.7,0.3,0.3,0.4,0.3,0.5,0.0,0.7,0.2,0.5,0.2,0.5,0.3,0.1,0.4,0.6,0.3,0.5,0.1,0.6,0.1,0.3,0.6,0.2,0.4,0.4,0.2,0.7,0.2,0.4,0.6,0.5,0.5,0.4,0.7,0.1"
            .Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var m = ClassificationMetrics.Compute(labels, scores);

        Assert.Equal(0.9074074074074074, m.RocAuc, 12);
        Assert.Equal(0.8, m.Accuracy, 12);
        Assert.Equal(0.6666666666666666, m.Precision, 12);
        Assert.Equal(0.7692307692307693, m.Recall, 12);
        Assert.Equal(0.7142857142857142, m.F1, 12);
        Assert.Equal(new ConfusionMatrix(22, 5, 3, 10), m.Confusion);
    }

    [Fact]
    public void Auc_is_one_for_perfect_ranking_half_for_constant_scores_and_nan_for_one_class()
    {
        Assert.Equal(1.0, ClassificationMetrics.ComputeRocAuc([false, false, true, true], [0.1, 0.2, 0.8, 0.9]));
        Assert.Equal(0.0, ClassificationMetrics.ComputeRocAuc([true, true, false, false], [0.1, 0.2, 0.8, 0.9]));
        Assert.Equal(0.5, ClassificationMetrics.ComputeRocAuc([false, true, false, true], [0.3, 0.3, 0.3, 0.3]));
        Assert.True(double.IsNaN(ClassificationMetrics.ComputeRocAuc([true, true], [0.1, 0.9])));
    }

    [Fact]
    public void Nothing_predicted_positive_gives_zero_precision_and_f1_not_nan()
    {
        var m = ClassificationMetrics.Compute([true, false, false], [0.1, 0.2, 0.3]);
        Assert.Equal(0, m.Precision);
        Assert.Equal(0, m.Recall);
        Assert.Equal(0, m.F1);
        Assert.Equal(2.0 / 3, m.Accuracy, 12);
    }
}

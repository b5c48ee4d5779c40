using ReturnMonitor.Modeling;

namespace ReturnMonitor.Tests.Modeling;

public class RocCurveTests
{
    [Fact]
    public void Matches_sklearn_roc_curve_without_dropping_points()
    {
        bool[] labels = "0,0,0,1,1,0,0,1,1,0,0,1,0,0,0,0,0,0,0,1,0,1,0,1,0,0,1,0,0,1,0,1,0,0,1,0,0,0,1,0".Split(',').Select(v => v == "1").ToArray();
        double[] scores = "0.2,0.4,0.1,0.5,0.7,0.3,0.3,0.4,0.3,0.5,0.0,0.7,0.2,0.5,0.2,0.5,0.3,0.1,0.4,0.6,0.3,0.5,0.1,0.6,0.1,0.3,0.6,0.2,0.4,0.4,0.2,0.7,0.2,0.4,0.6,0.5,0.5,0.4,0.7,0.1"
            .Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var curve = RocCurve.Compute(labels, scores);

        // scikit-learn 1.2.1: roc_curve(y, s, drop_intermediate=False); its first threshold (max + 1) is +∞ here.
        double[] fpr = [0.0, 0.0, 0.0, 0.18518518518518517, 0.37037037037037035, 0.5555555555555556, 0.7777777777777778, 0.9629629629629629, 1.0];
        double[] tpr = [0.0, 0.3076923076923077, 0.6153846153846154, 0.7692307692307693, 0.9230769230769231, 1.0, 1.0, 1.0, 1.0];
        Assert.Equal(fpr, curve.FalsePositiveRate.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(tpr, curve.TruePositiveRate.ToArray(), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal([double.PositiveInfinity, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.0], curve.Thresholds);
    }

    [Fact]
    public void Area_under_the_curve_equals_the_rank_auc()
    {
        var random = new Random(3);
        var labels = Enumerable.Range(0, 500).Select(_ => random.NextDouble() < 0.3).ToArray();
        var scores = labels.Select(l => Math.Round(random.NextDouble() * 0.7 + (l ? 0.3 : 0), 2)).ToArray();
        var curve = RocCurve.Compute(labels, scores);

        double area = 0;
        for (var i = 1; i < curve.FalsePositiveRate.Count; i++)
        {
            area += (curve.FalsePositiveRate[i] - curve.FalsePositiveRate[i - 1]) * (curve.TruePositiveRate[i] + curve.TruePositiveRate[i - 1]) / 2;
        }

        Assert.Equal(ClassificationMetrics.ComputeRocAuc(labels, scores), area, 12);
    }
}

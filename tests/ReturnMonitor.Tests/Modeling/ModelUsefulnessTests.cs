using ReturnMonitor.Modeling;

namespace ReturnMonitor.Tests.Modeling;

/// <summary>
/// The Hanley–McNeil ROC-AUC interval against an independent computation, and the warnings of a model no better than
/// chance or that never predicts a return (the demo's model gets none).
/// </summary>
public sealed class ModelUsefulnessTests
{
    /// <summary>
    /// Reference: python3 (math only), the formula of Hanley &amp; McNeil 1982 eq. 2 written out independently:
    /// q1=a/(2-a); q2=2a²/(1+a); se=sqrt((a(1-a)+(n1-1)(q1-a²)+(n2-1)(q2-a²))/(n1·n2)); a ± 1.959963984540054·se.
    /// </summary>
    [Theory]
    [InlineData(0.75, 175, 825, 0.7059500288291528, 0.7940499711708472)]
    [InlineData(0.496, 82, 918, 0.4309031667862384, 0.5610968332137616)]
    [InlineData(0.954, 175, 825, 0.9320945975972712, 0.9759054024027287)]
    public void The_interval_matches_the_reference(double auc, long positives, long negatives, double lower, double upper)
    {
        var (l, u) = ModelUsefulness.RocAucInterval(auc, positives, negatives);
        Assert.Equal(lower, l, 1e-12);
        Assert.Equal(upper, u, 1e-12);
    }

    [Fact]
    public void A_chance_model_that_flags_nothing_gets_both_warnings()
    {
        // The trial's model: held-out ROC-AUC 0.496, never predicting a return.
        var metrics = ClassificationMetrics.FromConfusion(new ConfusionMatrix(918, 0, 82, 0), 0.496);

        var warnings = ModelUsefulness.Warnings(metrics);

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("The model is no better than chance: held-out ROC-AUC 0.496 (95% interval 0.431–0.561) includes 0.5", warnings[0]);
        Assert.StartsWith("The model never predicts a return at threshold 0.5 on the 1000 held-out orders (82 of them returned)", warnings[1]);
    }

    [Fact]
    public void A_useful_model_gets_none()
    {
        Assert.Empty(ModelUsefulness.Warnings(ClassificationMetrics.FromConfusion(new ConfusionMatrix(800, 25, 50, 125), 0.954)));
        // Good ranking but nothing flagged at 0.5 is still said.
        Assert.Single(ModelUsefulness.Warnings(ClassificationMetrics.FromConfusion(new ConfusionMatrix(825, 0, 175, 0), 0.9)));
    }
}

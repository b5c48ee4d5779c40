using ReturnMonitor.Evaluation;

namespace ReturnMonitor.Tests.Evaluation;

public class EstimateTargetsTests
{
    private static EstimateQuality Quality(string name, double chosenMae, long unreliable, long covered, long reliable, double iwMae = 0.02) =>
        new(name, 1000, 20, 1, 0.01, iwMae, 0, chosenMae, chosenMae, new Proportion(unreliable, 20), new Proportion(covered, reliable), new Proportion(covered, reliable), new Proportion(0, 20), 500, 0, 0.9);

    private static CostAccuracy Cost(double expected, double realized, long covered) =>
        new("normal", 1000, 20, "EUR", expected, realized, (expected - realized) / realized, new Proportion(covered, 20), 0, 0, 0, 0, 0.5);

    [Fact]
    public void A_large_error_is_excused_only_when_at_least_90_percent_of_batches_are_flagged()
    {
        var met = EstimateTargets.Check([Quality("normal", 0.01, 0, 20, 20), Quality("flash_sale", 0.1, 18, 2, 2, iwMae: 0.04)], [Cost(101, 100, 19)]);
        Assert.All(met, t => Assert.True(t.Met, t.Name + ": " + t.Measured));

        var missed = EstimateTargets.Check([Quality("normal", 0.01, 2, 18, 18), Quality("flash_sale", 0.1, 17, 3, 3, iwMae: 0.06)], [Cost(97, 100, 17)]);
        Assert.False(missed.Single(t => t.Name == "estimateLimits").Met);
        Assert.False(missed.Single(t => t.Name == "estimateFalseFlags").Met);
        Assert.False(missed.Single(t => t.Name == "importanceWeightedFlashSale").Met);
        Assert.False(missed.Single(t => t.Name == "expectedCostBias").Met);
        Assert.False(missed.Single(t => t.Name == "expectedCostCoverage").Met);
        Assert.True(missed.Single(t => t.Name == "estimateCoverage").Met);
    }

    [Fact]
    public void The_supply_crisis_is_concept_drift_and_not_held_to_the_covariate_shift_target()
    {
        var checks = EstimateTargets.Check([Quality("normal", 0.01, 0, 20, 20), Quality("supply_crisis", 0.16, 0, 0, 20)], []);
        Assert.True(checks.Single(t => t.Name == "estimateLimits").Met);
        Assert.False(checks.Single(t => t.Name == "estimateCoverage").Met);
    }
}

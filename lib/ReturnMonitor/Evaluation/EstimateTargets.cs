using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Text;

namespace ReturnMonitor.Evaluation;

/// <summary>The targets for the estimates with known limits and the money estimate.</summary>
public static class EstimateTargets
{
    /// <summary>Largest accuracy MAE for a covariate-shift case that is not flagged.</summary>
    public const double MaxAccuracyError = 0.03;

    /// <summary>Smallest share of flagged batches that excuses a larger error.</summary>
    public const double MinUnreliableShare = 0.90;

    /// <summary>Largest share of normal batches flagged unreliable.</summary>
    public const double MaxNormalUnreliable = 0.05;

    /// <summary>Smallest band coverage on batches flagged reliable.</summary>
    public const double MinCoverage = 0.90;

    /// <summary>Largest importance-weighted accuracy MAE on the full flash sale.</summary>
    public const double MaxFlashSaleError = 0.05;

    /// <summary>Largest relative bias of the expected return cost on normal batches.</summary>
    public const double MaxCostBias = 0.02;

    /// <summary>The targets, one check each; none when nothing was measured.</summary>
    public static IReadOnlyList<TargetCheck> Check(IReadOnlyList<EstimateQuality> estimates, IReadOnlyList<CostAccuracy> costs)
    {
        var checks = new List<TargetCheck>();
        if (estimates.Count == 0)
        {
            return checks;
        }

        // Covariate shift: every case but the concept drift (supply crisis's wrong items).
        var covariate = estimates.Where(e => e.Scenario != Scenario.SupplyCrisis.Name).ToArray();
        var failing = covariate.Where(e => !(e.ChosenAccuracyMae <= MaxAccuracyError || e.Unreliable.Rate >= MinUnreliableShare)).ToArray();
        checks.Add(new TargetCheck(
            "estimateLimits",
            $"every covariate-shift case: reported accuracy MAE ≤ {MaxAccuracyError} or ≥ {MinUnreliableShare * 100:0}% of batches flagged unreliable",
            failing.Length == 0,
            string.Join("; ", covariate.Select(e => $"{e.Scenario} {F(e.ChosenAccuracyMae)} / {e.Unreliable.Rate * 100:0}% flagged"))));
        if (estimates.FirstOrDefault(e => e.Scenario == Scenario.Normal.Name) is { } normal)
        {
            checks.Add(new TargetCheck(
                "estimateFalseFlags",
                $"≤ {MaxNormalUnreliable * 100:0}% of normal batches flagged unreliable",
                normal.Unreliable.Rate <= MaxNormalUnreliable,
                $"{normal.Unreliable.Rate * 100:0.0}% ({normal.Unreliable.Hits}/{normal.Unreliable.Trials})"));
        }

        var worstCoverage = estimates.Where(e => e.AccuracyCoverage.Trials > 0).MinBy(e => e.AccuracyCoverage.Rate);
        if (worstCoverage is not null)
        {
            checks.Add(new TargetCheck(
                "estimateCoverage",
                $"accuracy band contains the realized value in ≥ {MinCoverage * 100:0}% of batches flagged reliable, every case",
                worstCoverage.AccuracyCoverage.Rate >= MinCoverage,
                $"lowest {worstCoverage.AccuracyCoverage.Rate * 100:0.0}% ({worstCoverage.Scenario}, {worstCoverage.AccuracyCoverage.Hits}/{worstCoverage.AccuracyCoverage.Trials})"));
        }

        if (estimates.FirstOrDefault(e => e.Scenario == Scenario.FlashSale.Name) is { } flash)
        {
            checks.Add(new TargetCheck(
                "importanceWeightedFlashSale",
                $"importance-weighted accuracy MAE on the full flash sale < {MaxFlashSaleError}",
                flash.ImportanceWeightedAccuracyMae < MaxFlashSaleError,
                $"{F(flash.ImportanceWeightedAccuracyMae)} (CBPE {F(flash.CbpeAccuracyMae)})"));
        }

        if (costs.FirstOrDefault(c => c.Scenario == Scenario.Normal.Name) is { } cost)
        {
            checks.Add(new TargetCheck(
                "expectedCostBias",
                $"expected return cost on normal batches of {cost.Size:N0}: mean bias within {MaxCostBias * 100:0}% of realized",
                Math.Abs(cost.RelativeBias) <= MaxCostBias,
                $"{cost.RelativeBias * 100:+0.0;-0.0}% ({NumberText.Money(cost.Currency, cost.MeanExpected)} expected vs {NumberText.Whole(cost.MeanRealized)} realized per batch)"));
            checks.Add(new TargetCheck(
                "expectedCostCoverage",
                $"realized return cost inside the 95% band in ≥ {MinCoverage * 100:0}% of normal batches",
                cost.BandCoverage.Rate >= MinCoverage,
                $"{cost.BandCoverage.Rate * 100:0.0}% ({cost.BandCoverage.Hits}/{cost.BandCoverage.Trials})"));
        }

        return checks;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

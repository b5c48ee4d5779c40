using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Whether the model's output moved: the distribution of its scores (KS test and PSI over reference deciles, as for a
/// numeric feature) and the share of orders it predicts returned (two-proportion test). It drifts when the score
/// distribution does (KS p &lt; 0.05 and PSI ≥ 0.1) or the predicted return rate changes significantly (p &lt; 0.05) by
/// at least 5 percentage points. Prediction drift needs no labels, so it is the first sign the model's world changed.
/// </summary>
/// <param name="ReferenceMeanScore">Mean score on the reference (held-out orders).</param>
/// <param name="CurrentMeanScore">Mean score on the batch.</param>
/// <param name="KsStatistic">KS distance between the score distributions.</param>
/// <param name="KsPValue">Its p-value.</param>
/// <param name="Psi">PSI of the scores over the reference's deciles.</param>
/// <param name="PredictedReturnRate">Share of orders predicted returned (score ≥ 0.5): reference vs batch, with the test.</param>
/// <param name="Drifted">The rule above.</param>
public sealed record PredictionDrift(
    double ReferenceMeanScore,
    double CurrentMeanScore,
    double KsStatistic,
    double KsPValue,
    double Psi,
    TwoProportionResult PredictedReturnRate,
    bool Drifted)
{
    /// <summary>Smallest change of the predicted return rate that counts, in rate units.</summary>
    public const double MinimumRateChange = 0.05;

    /// <summary>Compares the scores of a batch with the reference scores.</summary>
    /// <exception cref="ArgumentException">Either side is empty.</exception>
    public static PredictionDrift Compare(ReadOnlySpan<double> referenceScores, ReadOnlySpan<double> currentScores, double threshold = 0.5, DriftOptions? options = null)
    {
        options ??= DriftOptions.Default;
        var reference = EmpiricalDistribution.FromSample(referenceScores);
        var current = EmpiricalDistribution.FromSample(currentScores);
        var ks = KolmogorovSmirnovTest.TwoSample(reference, current);
        var psi = PopulationStabilityIndex.Numeric(reference, current);
        var rate = TwoProportionTest.Compare(CountAtLeast(referenceScores, threshold), referenceScores.Length, CountAtLeast(currentScores, threshold), currentScores.Length);
        var drifted = (ks.PValue < options.Alpha && psi >= options.ModeratePsi)
                      || (rate.PValue < options.Alpha && Math.Abs(rate.Difference) >= MinimumRateChange);
        return new PredictionDrift(reference.Mean, current.Mean, ks.Statistic, ks.PValue, psi, rate, drifted);
    }

    private static long CountAtLeast(ReadOnlySpan<double> scores, double threshold)
    {
        long count = 0;
        foreach (var s in scores)
        {
            count += s >= threshold ? 1 : 0;
        }

        return count;
    }
}

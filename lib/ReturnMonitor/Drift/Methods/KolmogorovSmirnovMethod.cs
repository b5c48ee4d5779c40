using ReturnMonitor.Summaries;
using ReturnMonitor.Text;

namespace ReturnMonitor.Drift;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test as a drift method for numeric features: D = sup |F_ref − F_cur| in [0, 1]
/// and its two-sided p-value, exact up to 10,000 observations per side and asymptotic beyond
/// (<see cref="KolmogorovSmirnovTest.TwoSample(EmpiricalDistribution, EmpiricalDistribution)"/>; reference
/// <c>scipy.stats.ks_2samp(method='auto')</c>). The decision's test for numeric features.
/// Fitted state: the reference distribution itself (the test needs every distinct value).
/// Limit: made for continuous data; on heavily tied columns the test is conservative.
/// </summary>
/// <param name="threshold">Alert when the uncorrected p-value is below it; default 0.05.</param>
public sealed class KolmogorovSmirnovMethod(double threshold = 0.05) : IDriftMethod<EmpiricalDistribution>
{
    /// <inheritdoc/>
    public string Key => DriftMethodKeys.KolmogorovSmirnov;

    /// <inheritdoc/>
    public double? Threshold => threshold;

    /// <inheritdoc/>
    public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference)
    {
        RequireNonEmpty(reference);
        return new FittedDriftMethod<EmpiricalDistribution>(current =>
        {
            var ks = KolmogorovSmirnovTest.TwoSample(reference, current);
            return DriftMethodResult.Test(Key, ks.Statistic, ks.PValue, threshold, ks) with { Display = Show(ks) };
        });
    }

    /// <inheritdoc/>
    public DriftMethodResult NotComputed() => new(Key, null, null, false) { Threshold = threshold, Display = Show(null) };

    internal static void RequireNonEmpty(EmpiricalDistribution reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.Count == 0)
        {
            throw new ArgumentException("reference sample is empty", nameof(reference));
        }
    }

    // JSON ksStatistic and ksPValue; "KS D=0.123" in the table's Test column.
    private static StatisticDisplay Show(KolmogorovSmirnovResult? ks) =>
        new([new("ksStatistic", ks?.Statistic), new("ksPValue", ks?.PValue)], StatisticColumn.Test, $"KS D={NumberText.Fixed(ks?.Statistic, 3)}");
}

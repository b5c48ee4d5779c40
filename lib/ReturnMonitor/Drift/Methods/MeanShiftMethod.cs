using System.Globalization;
using ReturnMonitor.Summaries;
using ReturnMonitor.Text;

namespace ReturnMonitor.Drift;

/// <summary>
/// The relative change of the mean as a drift method for numeric features: 100·(current − reference)/|reference| in
/// percent, range (−∞, +∞) (<see cref="MeanShift.Percent"/>); the detail is a <see cref="MeanShiftResult"/>.
/// Descriptive (it explains the direction of a drift the tests found), so it has no threshold by default.
/// Fitted state: the reference mean.
/// Limit: undefined (null) when the reference mean is 0 and the current one is not; blind to changes of spread.
/// </summary>
/// <param name="threshold">Alert when |shift| in percent reaches it; default none.</param>
public sealed class MeanShiftMethod(double? threshold = null) : IDriftMethod<EmpiricalDistribution>
{
    /// <inheritdoc/>
    public string Key => DriftMethodKeys.MeanShift;

    /// <inheritdoc/>
    public double? Threshold => threshold;

    /// <inheritdoc/>
    public IFittedDriftMethod<EmpiricalDistribution> Fit(EmpiricalDistribution reference)
    {
        KolmogorovSmirnovMethod.RequireNonEmpty(reference);
        var referenceMean = reference.Mean;
        return new FittedDriftMethod<EmpiricalDistribution>(current =>
        {
            var result = new MeanShiftResult(referenceMean, current.Mean, MeanShift.Percent(referenceMean, current.Mean));
            return new DriftMethodResult(Key, result.Percent, null, Math.Abs(result.Percent ?? 0) >= threshold, result) { Threshold = threshold, Display = Show(result) };
        });
    }

    /// <inheritdoc/>
    public DriftMethodResult NotComputed() => new(Key, null, null, false) { Threshold = threshold, Display = Show(null) };

    // JSON referenceMean, currentMean and meanShiftPercent; "12.30 → 14.10 (+14.6%)" in the table's Change column.
    private static StatisticDisplay Show(MeanShiftResult? m) => new(
        [new("referenceMean", m?.ReferenceMean), new("currentMean", m?.CurrentMean), new("meanShiftPercent", m?.Percent)],
        StatisticColumn.Change,
        $"{NumberText.Fixed(m?.ReferenceMean, 2)} → {NumberText.Fixed(m?.CurrentMean, 2)} ({Shift(m?.Percent)})");

    private static string Shift(double? percent) =>
        percent is { } p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "from 0";
}

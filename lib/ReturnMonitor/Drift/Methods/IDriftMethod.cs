namespace ReturnMonitor.Drift;

/// <summary>
/// One drift statistic as a unit (NannyML's drift "method", Evidently's "stattest"): a key, its own alert threshold,
/// and — through <see cref="IDriftMethod{TSummary}"/> — the feature kinds it applies to: numeric when it fits an
/// <see cref="Summaries.EmpiricalDistribution"/>, categorical when it fits a <see cref="Summaries.CategoryCounts"/>.
/// Registered by kind and key in a <see cref="DriftMethodRegistry"/>.
/// </summary>
public interface IDriftMethod
{
    /// <summary>Registry key, unique within a feature kind (see <see cref="DriftMethodKeys"/>).</summary>
    string Key { get; }

    /// <summary>
    /// The method's own alert threshold, or null when it has none: for a test, a p-value (alert when p is below it);
    /// for a distance, a value (alert when the distance reaches it). The batch's decision (multiple-testing correction
    /// and the PSI floor, <see cref="DriftAnalysis"/>) does not use it: it is the per-statistic view.
    /// </summary>
    double? Threshold { get; }

    /// <summary>
    /// The result when the batch has no value of the feature (an empty or missing column): every number null, with the
    /// method's usual display so that the JSON keeps its fields (as nulls). Methods with a <see cref="StatisticDisplay"/>
    /// of their own override it.
    /// </summary>
    DriftMethodResult NotComputed() => new(Key, null, null, false) { Threshold = Threshold };
}

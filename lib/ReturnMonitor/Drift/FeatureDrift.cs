using ReturnMonitor.Data;

namespace ReturnMonitor.Drift;

/// <summary>
/// The drift of one feature between the reference and a batch, built once by the decision (<see cref="DriftAnalysis"/>):
/// every registered method's result, the decision's corrected p-value and severity, the new categories and the chart
/// bins. Renderers (JSON, feature table, dashboard) iterate <see cref="Statistics"/> and show each result's
/// <see cref="DriftMethodResult.Shown"/>, so a registered statistic needs no code of its own in them. The named
/// statistics (<see cref="KsStatistic"/>, <see cref="Wasserstein"/>, …) are conveniences for the decision, the findings and
/// the history, which reason about those built-in methods; those whose method does not apply to the feature's kind are
/// null (KS, Wasserstein and means for numeric features; chi-square and Jensen–Shannon for categorical ones).
/// </summary>
/// <param name="Name">Feature (column) name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Severity">None, moderate or severe (see <see cref="DriftOptions"/>).</param>
/// <param name="Test">Key of the method whose p-value the decision corrected (<see cref="DriftMethodRegistry.TestKey"/>: KS for numeric, chi-square for categorical by default).</param>
/// <param name="AdjustedPValue">That p-value after the batch's multiple-testing correction, in [0, 1]; compared with alpha.</param>
/// <param name="Statistics">Every registered method's result for this feature, in registration order.</param>
/// <param name="NewCategories">Categories present in the batch but never seen in the reference (drift, not an error); empty for numeric features.</param>
/// <param name="Distribution">Reference and current shares over common bins, for charts.</param>
public sealed record FeatureDrift(
    string Name,
    FeatureKind Kind,
    DriftSeverity Severity,
    string Test,
    double AdjustedPValue,
    IReadOnlyList<DriftMethodResult> Statistics,
    IReadOnlyList<string> NewCategories,
    DistributionComparison Distribution)
{
    /// <summary>
    /// True when both sides of a numeric feature were summarised exactly (always for categorical features); false when
    /// either is the bounded sketch (<see cref="ReturnMonitor.Summaries.EmpiricalDistribution.IsExact"/>).
    /// </summary>
    public bool Exact { get; init; } = true;

    /// <summary>
    /// Largest possible difference between the reported KS statistic and the exact one: the sum of both sides'
    /// <see cref="ReturnMonitor.Summaries.EmpiricalDistribution.CdfErrorBound"/>; 0 when <see cref="Exact"/>.
    /// </summary>
    public double KsErrorBound { get; init; }

    /// <summary>
    /// Largest possible error of one PSI bin share (reference or current, for the bins used) from the sketch: the larger
    /// ECDF bound of the two sides — a share is a difference of two ECDF values whose errors have the same sign (see
    /// <see cref="ReturnMonitor.Summaries.EmpiricalDistribution.CdfErrorBound"/>), so they partly cancel; 0 when <see cref="Exact"/>.
    /// </summary>
    public double PsiShareErrorBound { get; init; }

    /// <summary>
    /// True when the KS statistic is within <see cref="KsErrorBound"/> of the decision's threshold: the severity at the
    /// statistic's lowest possible value differs from the one at its highest, so the sketch cannot decide.
    /// </summary>
    public bool Inconclusive { get; init; }

    /// <summary>
    /// Why this feature's drift could not be computed — the batch has no value of it (an entirely empty or missing
    /// column) — or null when it was. Then every statistic is null, <see cref="AdjustedPValue"/> is NaN, the severity is
    /// none and the feature is left out of the multiple-testing correction; the data-quality check names the column.
    /// </summary>
    public string? NotComputable { get; init; }

    /// <summary>Population stability index, ≥ 0.</summary>
    public double Psi => Statistic(DriftMethodKeys.PopulationStabilityIndex)?.Value ?? double.NaN;

    /// <summary>p-value of the feature's test (KS for numeric, chi-square for categorical), uncorrected, in [0, 1].</summary>
    public double PValue => Statistic(Test)?.PValue ?? double.NaN;

    /// <summary>Two-sample KS statistic D in [0, 1].</summary>
    public double? KsStatistic => Detail<KolmogorovSmirnovResult>(DriftMethodKeys.KolmogorovSmirnov)?.Statistic;

    /// <summary>Two-sided KS p-value, uncorrected, in [0, 1].</summary>
    public double? KsPValue => Detail<KolmogorovSmirnovResult>(DriftMethodKeys.KolmogorovSmirnov)?.PValue;

    /// <summary>Wasserstein-1 distance in the feature's units, ≥ 0.</summary>
    public double? Wasserstein => Detail<WassersteinResult>(DriftMethodKeys.Wasserstein)?.Distance;

    /// <summary>Wasserstein distance divided by the reference standard deviation, ≥ 0.</summary>
    public double? WassersteinNormed => Detail<WassersteinResult>(DriftMethodKeys.Wasserstein)?.Normed;

    /// <summary>Mean in the reference.</summary>
    public double? ReferenceMean => Detail<MeanShiftResult>(DriftMethodKeys.MeanShift)?.ReferenceMean;

    /// <summary>Mean in the batch.</summary>
    public double? CurrentMean => Detail<MeanShiftResult>(DriftMethodKeys.MeanShift)?.CurrentMean;

    /// <summary>100·(current − reference)/|reference| in percent; null when the reference mean is 0 and the current is not.</summary>
    public double? MeanShiftPercent => Detail<MeanShiftResult>(DriftMethodKeys.MeanShift)?.Percent;

    /// <summary>Chi-square statistic of the 2×k homogeneity test, ≥ 0.</summary>
    public double? ChiSquare => Detail<ChiSquareResult>(DriftMethodKeys.ChiSquare)?.Statistic;

    /// <summary>Its p-value, uncorrected, in [0, 1].</summary>
    public double? ChiSquarePValue => Detail<ChiSquareResult>(DriftMethodKeys.ChiSquare)?.PValue;

    /// <summary>k − 1 over the union of categories.</summary>
    public int? DegreesOfFreedom => Detail<ChiSquareResult>(DriftMethodKeys.ChiSquare)?.DegreesOfFreedom;

    /// <summary>Jensen–Shannon distance (base 2) in [0, 1].</summary>
    public double? JensenShannon => Statistic(DriftMethodKeys.JensenShannon)?.Value;

    /// <summary>The result of the method registered as <paramref name="key"/>, or null when none ran on this feature.</summary>
    public DriftMethodResult? Statistic(string key) => Statistics.FirstOrDefault(s => s.Key == key);

    /// <summary>The detail of method <paramref name="key"/>'s result (e.g. <see cref="KolmogorovSmirnovResult"/>), or null.</summary>
    public TDetail? Detail<TDetail>(string key)
        where TDetail : class => Statistic(key)?.Detail as TDetail;
}

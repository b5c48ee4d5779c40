using ReturnMonitor.Data;

namespace ReturnMonitor.Drift;

/// <summary>
/// The drift of one feature between the reference and a batch. Fields that do not apply to the feature's kind are null
/// (KS, Wasserstein and means for numeric features; chi-square and Jensen–Shannon for categorical ones).
/// </summary>
/// <param name="Name">Feature (column) name.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Severity">None, moderate or severe (see <see cref="DriftOptions"/>).</param>
/// <param name="Psi">Population stability index, ≥ 0.</param>
/// <param name="PValue">p-value of the feature's test (KS for numeric, chi-square for categorical), uncorrected.</param>
/// <param name="AdjustedPValue">The p-value after the batch's multiple-testing correction; compared with alpha.</param>
/// <param name="KsStatistic">Two-sample KS statistic D in [0, 1].</param>
/// <param name="KsPValue">Two-sided KS p-value.</param>
/// <param name="Wasserstein">Wasserstein-1 distance in the feature's units.</param>
/// <param name="WassersteinNormed">Wasserstein distance divided by the reference standard deviation.</param>
/// <param name="ReferenceMean">Mean in the reference.</param>
/// <param name="CurrentMean">Mean in the batch.</param>
/// <param name="MeanShiftPercent">100·(current − reference)/|reference|; null when the reference mean is 0 and the current is not.</param>
/// <param name="ChiSquare">Chi-square statistic of the 2×k homogeneity test.</param>
/// <param name="ChiSquarePValue">Its p-value.</param>
/// <param name="DegreesOfFreedom">k − 1 over the union of categories.</param>
/// <param name="JensenShannon">Jensen–Shannon distance (base 2) in [0, 1].</param>
/// <param name="NewCategories">Categories present in the batch but never seen in the reference (drift, not an error).</param>
/// <param name="Distribution">Reference and current shares over common bins, for charts.</param>
public sealed record FeatureDrift(
    string Name,
    FeatureKind Kind,
    DriftSeverity Severity,
    double Psi,
    double PValue,
    double AdjustedPValue,
    double? KsStatistic,
    double? KsPValue,
    double? Wasserstein,
    double? WassersteinNormed,
    double? ReferenceMean,
    double? CurrentMean,
    double? MeanShiftPercent,
    double? ChiSquare,
    double? ChiSquarePValue,
    int? DegreesOfFreedom,
    double? JensenShannon,
    IReadOnlyList<string> NewCategories,
    DistributionComparison Distribution);

namespace ReturnMonitor.Drift;

/// <summary>Result of <see cref="TwoProportionTest.Compare"/>.</summary>
/// <param name="ReferenceRate">Rate in the reference, [0, 1].</param>
/// <param name="CurrentRate">Rate in the batch, [0, 1].</param>
/// <param name="Difference">CurrentRate − ReferenceRate.</param>
/// <param name="ZStatistic">Pooled two-proportion z statistic (positive when the batch rate is higher).</param>
/// <param name="PValue">Two-sided p-value of equal rates.</param>
/// <param name="DifferenceLower">Lower end of the 95% interval of the difference (Newcombe hybrid score).</param>
/// <param name="DifferenceUpper">Upper end of that interval.</param>
public sealed record TwoProportionResult(
    double ReferenceRate,
    double CurrentRate,
    double Difference,
    double ZStatistic,
    double PValue,
    double DifferenceLower,
    double DifferenceUpper);

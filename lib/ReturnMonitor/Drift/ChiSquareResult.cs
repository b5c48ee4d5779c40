namespace ReturnMonitor.Drift;

/// <summary>Result of a chi-square test of homogeneity.</summary>
/// <param name="Statistic">Pearson's χ², ≥ 0.</param>
/// <param name="PValue">Upper-tail probability of χ² with <paramref name="DegreesOfFreedom"/>, in [0, 1].</param>
/// <param name="DegreesOfFreedom">(rows − 1)·(categories − 1) = categories − 1 for two samples.</param>
public sealed record ChiSquareResult(double Statistic, double PValue, int DegreesOfFreedom);

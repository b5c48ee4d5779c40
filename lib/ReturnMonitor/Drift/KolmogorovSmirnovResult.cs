namespace ReturnMonitor.Drift;

/// <summary>Result of a two-sample KS test.</summary>
/// <param name="Statistic">D = sup |F_ref − F_cur|, in [0, 1].</param>
/// <param name="PValue">Two-sided p-value, in [0, 1].</param>
/// <param name="Exact">True when the p-value comes from the exact distribution, false for the asymptotic one.</param>
public sealed record KolmogorovSmirnovResult(double Statistic, double PValue, bool Exact);

namespace ReturnMonitor.Monitoring;

/// <summary>The sequential detector after one period.</summary>
/// <param name="Evidence">The period's drift evidence (summed PSI of all features, see <see cref="DriftEvidence"/>).</param>
/// <param name="Standardized">(evidence − in-control mean) / in-control standard deviation.</param>
/// <param name="Statistic">The CUSUM statistic after the period, ≥ 0, in standard deviations; 0 again after an alarm.</param>
/// <param name="Alarm">True when the statistic reached the threshold in this period (the detector then restarts).</param>
/// <param name="Peak">The statistic's value before the restart: equal to <see cref="Statistic"/> except in an alarm period.</param>
public sealed record CusumStep(double Evidence, double Standardized, double Statistic, bool Alarm, double Peak);

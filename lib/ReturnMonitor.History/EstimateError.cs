namespace ReturnMonitor.History;

/// <summary>How good one metric's label-free estimate was over the labelled periods of a history.</summary>
/// <param name="Metric">JSON name of the metric (rocAuc, accuracy, precision, recall, f1).</param>
/// <param name="Periods">Periods with both an estimate and a realized value.</param>
/// <param name="MeanError">Mean of (estimated − realized) over those periods; positive: the estimate was too optimistic. NaN without periods.</param>
/// <param name="MeanAbsoluteError">Mean of |estimated − realized|; NaN without periods.</param>
/// <param name="BandHeld">Periods whose sampling band [lower, upper] (bounds included) held the realized value.</param>
public sealed record EstimateError(string Metric, int Periods, double MeanError, double MeanAbsoluteError, int BandHeld)
{
    /// <summary>Share of the labelled periods whose band held the realized value, in [0, 1]; NaN without periods.</summary>
    public double BandHeldShare => Periods == 0 ? double.NaN : (double)BandHeld / Periods;
}

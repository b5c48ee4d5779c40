using ReturnMonitor.Data;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.History;

/// <summary>A period that a labels file touched, after the labels were joined.</summary>
/// <param name="BatchId">The batch's row id in the history.</param>
/// <param name="Period">The period.</param>
/// <param name="Source">The batch's name.</param>
/// <param name="Orders">Orders kept for the period.</param>
/// <param name="Labelled">Orders of them labelled now.</param>
/// <param name="NewLabels">Labels this file added to the period (0 when it only repeated known ones).</param>
/// <param name="Realized">Realized metrics on the labelled orders when the labelled share reached the minimum; else null ("waiting").</param>
/// <param name="ReturnRate">Share of the labelled orders returned, with <paramref name="Realized"/>; else null.</param>
/// <param name="RealizedReturnCost">Σ y_i·c_i over the labelled orders (the money's realized return cost), with <paramref name="Realized"/>; else null.</param>
/// <param name="EstimatedAccuracy">The label-free accuracy estimated when the period was checked (never changed), or null.</param>
public sealed record PeriodLabelling(
    long BatchId,
    BatchPeriod Period,
    string Source,
    long Orders,
    long Labelled,
    long NewLabels,
    ClassificationMetrics? Realized,
    double? ReturnRate,
    double? RealizedReturnCost,
    double? EstimatedAccuracy)
{
    /// <summary>Labelled share in [0, 1].</summary>
    public double Share => Orders == 0 ? 0 : (double)Labelled / Orders;
}

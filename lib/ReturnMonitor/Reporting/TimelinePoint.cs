namespace ReturnMonitor.Reporting;

/// <summary>One period of a monitoring timeline, as <see cref="TimelineCharts.Periods"/> draws it.</summary>
/// <param name="Period">The period's label (<c>2024-10</c>, <c>2026-W14</c>).</param>
/// <param name="Orders">Orders in the period.</param>
/// <param name="Score">Drift score, 0–100.</param>
/// <param name="ReturnRate">Share of orders returned (0–1), or null when the period has no labels.</param>
/// <param name="EstimatedAccuracy">The model's accuracy estimated without labels, or null without a model.</param>
/// <param name="Alarm">Whether the period raised an alert (a status change, a sequential alarm or a data-quality alarm).</param>
/// <param name="RealizedAccuracy">The accuracy measured on the period's labels (at check time or from late labels), or null while they are missing.</param>
public sealed record TimelinePoint(string Period, long Orders, double Score, double? ReturnRate, double? EstimatedAccuracy, bool Alarm, double? RealizedAccuracy = null);

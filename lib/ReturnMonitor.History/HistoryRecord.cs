using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>
/// What the history keeps of one checked batch: plain data, so any check result maps onto it and the store does not
/// depend on how the check is computed. A batch is identified by its period and the SHA-256 of its file's content:
/// recording the same pair twice keeps one record.
/// </summary>
/// <param name="Period">The period the batch belongs to.</param>
/// <param name="Source">Batch name as the user gave it (file name).</param>
/// <param name="ContentHash">SHA-256 of the batch file's bytes, 64 lower-case hex digits (see <see cref="ContentHash"/>).</param>
/// <param name="Rows">Orders in the batch.</param>
/// <param name="Status">The batch verdict.</param>
/// <param name="Score">Drift score in [0, 100).</param>
/// <param name="WarningScore">Score threshold of warning in force when the batch was checked.</param>
/// <param name="CriticalScore">Score threshold of critical in force when the batch was checked.</param>
/// <param name="ReturnRate">Share of orders returned, when labelled; else null.</param>
/// <param name="Features">Per feature: PSI, severity and p-values, in schema order.</param>
/// <param name="ModelHealth">Per metric: estimated and realized value, band and alert range; empty when no model was given.</param>
/// <param name="Money">Money figures by name (e.g. expected return cost), or null when the check had none.</param>
/// <param name="Alerts">The alerts raised for the batch.</param>
public sealed record HistoryRecord(
    BatchPeriod Period,
    string Source,
    string ContentHash,
    long Rows,
    DriftStatus Status,
    double Score,
    double WarningScore,
    double CriticalScore,
    double? ReturnRate,
    IReadOnlyList<HistoryFeature> Features,
    IReadOnlyList<HistoryMetric> ModelHealth,
    IReadOnlyDictionary<string, double>? Money,
    IReadOnlyList<HistoryAlert> Alerts)
{
    /// <summary>The sequential detector after this batch, as computed when it was recorded; null when none ran.</summary>
    public HistorySequential? Sequential { get; init; }

    /// <summary>
    /// Each order's id, score, decision and return cost, kept so late labels can be joined (<see cref="HistoryStore.AddLabels"/>);
    /// null when the batch had no id column. Written by <see cref="HistoryStore.Record"/>; not read back by
    /// <see cref="HistoryStore.Batches"/> (a period's orders are many rows; <see cref="Labelled"/> says how far they are labelled).
    /// </summary>
    public PeriodOrders? Orders { get; init; }

    /// <summary>Orders of the period with a label so far (at check time or joined later); null when the period kept no order ids.</summary>
    public long? Labelled { get; init; }

    /// <summary>The id column the period's orders were kept under; null when none were kept.</summary>
    public string? IdColumn { get; init; }

    /// <summary>The drift evidence the sequential detector accumulates: Σ PSI over all features (see <see cref="DriftEvidence"/>).</summary>
    public double Evidence => Features.Sum(f => f.Psi);

    /// <summary>The metric called <paramref name="metric"/> (JSON name), or null.</summary>
    public HistoryMetric? Metric(string metric) => ModelHealth.FirstOrDefault(m => m.Metric == metric);

    /// <summary>Names of the features that drifted (moderate or severe), in schema order.</summary>
    public IReadOnlyList<string> DriftingFeatures => Features.Where(f => f.Severity != DriftSeverity.None).Select(f => f.Name).ToArray();
}

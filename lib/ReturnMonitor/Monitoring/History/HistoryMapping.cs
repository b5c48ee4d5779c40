using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;

namespace ReturnMonitor.Monitoring;

/// <summary>Maps a batch's check results onto the plain <see cref="HistoryRecord"/> the history keeps.</summary>
public static class HistoryMapping
{
    /// <summary>The record of a checked batch (drift, and model health when the check has it).</summary>
    public static HistoryRecord From(BatchPeriod period, string contentHash, BatchCheck check, IReadOnlyDictionary<string, double>? money = null) =>
        From(period, check.Name, contentHash, check.Drift, check.Model, money);

    /// <summary>
    /// The record of a batch: the drift report always; per metric the estimate, band, alert range and realized value when
    /// a model check was made; money figures when given. Alerts: <c>drift</c> when the status is not healthy (with the
    /// drifting features), one <c>model</c> alert per breached metric.
    /// </summary>
    public static HistoryRecord From(BatchPeriod period, string source, string contentHash, DriftReport drift, ModelCheck? model = null, IReadOnlyDictionary<string, double>? money = null)
    {
        var features = drift.Features.Select(f => new HistoryFeature(f.Name, f.Psi, f.Severity, f.PValue, f.AdjustedPValue)).ToArray();
        var health = model is null ? [] : PerformanceMetrics.All.Select(metric =>
        {
            var band = model.Estimated.Bands[metric];
            var thresholds = model.Thresholds[metric];
            double? realized = model.Realized is null ? null : metric.Of(model.Realized);
            return new HistoryMetric(metric.JsonName(), model.Estimated[metric], band.Lower, band.Upper, thresholds.Lower, thresholds.Upper,
                realized is { } r && double.IsFinite(r) ? r : null);
        }).ToArray();
        var alerts = new List<HistoryAlert>();
        if (drift.Status != DriftStatus.Healthy)
        {
            var drifting = features.Where(f => f.Severity != DriftSeverity.None).Select(f => f.Name);
            alerts.Add(new HistoryAlert("drift", $"{HistoryNames.Of(drift.Status)}: score {drift.Score.ToString("0.0", CultureInfo.InvariantCulture)} ({string.Join(", ", drifting)})"));
        }

        if (model is not null)
        {
            alerts.AddRange(model.Alerts.Select(a => new HistoryAlert("model", a)));
        }

        return new HistoryRecord(
            period,
            source,
            contentHash,
            drift.CurrentRows,
            drift.Status,
            drift.Score,
            drift.Options.WarningScore,
            drift.Options.CriticalScore,
            drift.Target?.CurrentRate,
            features,
            health,
            money,
            alerts);
    }
}

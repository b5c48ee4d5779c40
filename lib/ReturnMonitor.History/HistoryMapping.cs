using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>Maps a batch's check results onto the plain <see cref="HistoryRecord"/> the history keeps.</summary>
public static class HistoryMapping
{
    /// <summary>The kind of the alert a data-quality alarm adds to the record (and that makes <see cref="Alerts.AlertPolicy"/> notify).</summary>
    public const string DataQualityAlertKind = "dataQuality";

    /// <summary>
    /// The record of a checked batch (drift, and model health when the check has it). A data-quality alarm adds a
    /// <c>dataQuality</c> alert naming each alarmed feature with its missing (or unseen) share and the reference's.
    /// </summary>
    public static HistoryRecord From(BatchPeriod period, string contentHash, BatchCheck check, IReadOnlyDictionary<string, double>? money = null)
    {
        var record = From(period, check.Name, contentHash, check.Drift, check.Model, money ?? MoneyOf(check));
        return check.Quality is { Alarm: true } quality
            ? record with { Alerts = [.. record.Alerts, new HistoryAlert(DataQualityAlertKind, QualityAlert(quality))] }
            : record;
    }

    /// <summary>"delivery_time_days 12.5% missing (reference 0.0%); product_category 4.0% unseen categories".</summary>
    private static string QualityAlert(DataQuality quality) => string.Join("; ", quality.Alarmed.Select(f =>
    {
        var parts = new List<string>();
        if (f.MissingAlarm)
        {
            parts.Add($"{PercentText.Of(f.MissingRate)} missing (reference {PercentText.Of(f.ReferenceMissingRate)})");
        }

        if (f.UnseenAlarm)
        {
            parts.Add($"{PercentText.Of(f.UnseenRate)} unseen categories");
        }

        return $"{f.Name} {string.Join(", ", parts)}";
    }));


    /// <summary>The check's money figures as named amounts for the history's <c>money</c> table; null without a money section.</summary>
    public static IReadOnlyDictionary<string, double>? MoneyOf(BatchCheck check)
    {
        if (check.Money?.ReturnCost is not { } cost)
        {
            return null;
        }

        var items = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["expectedReturnCost"] = cost.ExpectedTotal,
            ["expectedReturnCostLower"] = cost.Lower,
            ["expectedReturnCostUpper"] = cost.Upper,
            ["referenceCostPerOrder"] = cost.ReferencePerOrder,
            ["extraCost"] = cost.ExtraTotal,
        };
        if (cost.RealizedTotal is { } realized)
        {
            items["realizedReturnCost"] = realized;
        }

        if (cost.ImportanceWeightedPerOrder is { } weighted)
        {
            items["importanceWeightedCostPerOrder"] = weighted;
        }

        return items;
    }

    /// <summary>
    /// The record of a batch: the drift report always; per metric the estimate, band, alert range and realized value when
    /// a model check was made; money figures when given. Alerts: <c>drift</c> when the status is not healthy (with the
    /// drifting features), one <c>model</c> alert per breached metric.
    /// </summary>
    public static HistoryRecord From(BatchPeriod period, string source, string contentHash, DriftReport drift, ModelCheck? model = null, IReadOnlyDictionary<string, double>? money = null)
    {
        // A feature whose drift was not computable (no value in the batch) has no numbers to store: it is left out of
        // the batch's feature rows (the timeline shows a gap) and its data-quality alarm is in the batch's findings.
        var features = drift.Features.Where(f => f.NotComputable is null).Select(f => new HistoryFeature(f.Name, f.Psi, f.Severity, f.PValue, f.AdjustedPValue)).ToArray();
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

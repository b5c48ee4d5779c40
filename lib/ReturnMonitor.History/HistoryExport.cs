using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Drift;
using ReturnMonitor.Json;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.History;

/// <summary>
/// The history as JSON (one object per batch, every section, and the estimate's error over the labelled periods,
/// <see cref="EstimateErrorSummary"/>) and as CSV (one row per batch: the columns a spreadsheet or Grafana's CSV source
/// plots — period, status, score, evidence, CUSUM, accuracy, return rate, orders labelled, the other metrics estimated
/// and realized, PSI per feature).
/// </summary>
public static class HistoryExport
{
    /// <summary><c>{format, version, batches: [...]}</c>.</summary>
    public static string Json(IReadOnlyList<HistoryEntry> entries)
    {
        var root = new JsonObject
        {
            ["format"] = "returnmonitor-history",
            ["version"] = HistoryStore.SchemaVersion,
            ["batches"] = new JsonArray(entries.Select(e => (JsonNode?)Batch(e)).ToArray()),
            ["estimateError"] = EstimateErrorSummary.Json(EstimateErrorSummary.Of(entries)),
        };
        return root.ToJsonString(JsonDefaults.Options) + "\n";
    }

    /// <summary>
    /// RFC 4180 CSV with a header; PSI columns named <c>psi_&lt;feature&gt;</c> for the features of the first batch. Text
    /// cells that a spreadsheet would run as a formula are neutralised (<see cref="SpreadsheetCsv"/>).
    /// </summary>
    public static string Csv(IReadOnlyList<HistoryEntry> entries)
    {
        var features = entries.Count == 0 ? [] : entries[0].Record.Features.Select(f => f.Name).ToArray();
        var text = new StringBuilder();
        text.Append("id,period,period_start,source,rows,status,score,evidence,cusum,cusum_threshold,cusum_alarm,estimated_accuracy,realized_accuracy,return_rate,alerts,labelled");
        foreach (var (_, column) in OtherMetrics)
        {
            text.Append(",estimated_").Append(column).Append(",realized_").Append(column);
        }

        foreach (var f in features)
        {
            text.Append(",psi_").Append(f);
        }

        text.Append('\n');
        foreach (var (id, r) in entries.Select(e => (e.Id, e.Record)))
        {
            var accuracy = r.Metric("accuracy");
            string[] cells =
            [
                id.ToString(CultureInfo.InvariantCulture), r.Period.Label, r.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Source,
                r.Rows.ToString(CultureInfo.InvariantCulture), Name(r.Status), Number(r.Score), Number(r.Evidence), Number(r.Sequential?.Statistic),
                Number(r.Sequential?.Threshold), r.Sequential is null ? "" : r.Sequential.Alarm ? "1" : "0", Number(accuracy?.Estimated), Number(accuracy?.Realized),
                Number(r.ReturnRate), string.Join("; ", r.Alerts.Select(a => $"{a.Kind}: {a.Message}")), r.Labelled?.ToString(CultureInfo.InvariantCulture) ?? "",
                .. OtherMetrics.SelectMany(m => new[] { Number(r.Metric(m.Metric)?.Estimated), Number(r.Metric(m.Metric)?.Realized) }),
                .. features.Select(f => Number(r.Features.FirstOrDefault(x => x.Name == f)?.Psi)),
            ];
            text.AppendJoin(',', cells.Select(SpreadsheetCsv.Cell)).Append('\n');
        }

        return text.ToString();
    }

    private static JsonObject Batch(HistoryEntry entry)
    {
        var r = entry.Record;
        return new JsonObject
        {
            ["id"] = entry.Id,
            ["period"] = r.Period.Label,
            ["periodStart"] = r.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["source"] = r.Source,
            ["contentHash"] = r.ContentHash,
            ["rows"] = r.Rows,
            ["status"] = Name(r.Status),
            ["score"] = r.Score,
            ["thresholds"] = new JsonObject { ["warning"] = r.WarningScore, ["critical"] = r.CriticalScore },
            ["evidence"] = r.Evidence,
            ["sequential"] = r.Sequential is { } s ? new JsonObject { ["statistic"] = s.Statistic, ["threshold"] = s.Threshold, ["alarm"] = s.Alarm } : null,
            ["returnRate"] = r.ReturnRate,
            ["idColumn"] = r.IdColumn,
            ["labelled"] = r.Labelled,
            ["features"] = new JsonArray(r.Features.Select(f => (JsonNode?)new JsonObject
            {
                ["name"] = f.Name,
                ["psi"] = f.Psi,
                ["severity"] = f.Severity.ToString().ToLowerInvariant(),
                ["pValue"] = f.PValue,
                ["adjustedPValue"] = f.AdjustedPValue,
            }).ToArray()),
            ["modelHealth"] = new JsonArray(r.ModelHealth.Select(m => (JsonNode?)new JsonObject
            {
                ["metric"] = m.Metric,
                ["estimated"] = m.Estimated,
                ["band"] = new JsonArray(m.BandLower, m.BandUpper),
                ["alertRange"] = new JsonArray(m.AlertLower, m.AlertUpper),
                ["realized"] = m.Realized,
            }).ToArray()),
            ["money"] = r.Money is null ? null : new JsonObject(r.Money.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["alerts"] = new JsonArray(r.Alerts.Select(a => (JsonNode?)new JsonObject { ["kind"] = a.Kind, ["message"] = a.Message }).ToArray()),
        };
    }

    // The metrics besides accuracy (whose columns come first, as before), by JSON name and CSV column name.
    private static readonly (string Metric, string Column)[] OtherMetrics = [("rocAuc", "roc_auc"), ("precision", "precision"), ("recall", "recall"), ("f1", "f1")];

    private static string Name(DriftStatus status) => status.ToString().ToLowerInvariant();

    private static string Number(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}

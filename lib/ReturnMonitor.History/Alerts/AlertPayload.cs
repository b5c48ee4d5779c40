using System.Globalization;
using System.Text.Json.Nodes;
using ReturnMonitor.Drift;
using ReturnMonitor.Json;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>
/// The JSON bodies of a webhook alert. <see cref="AlertFormat.Json"/>: <c>{format, version, reason, period, batch,
/// status, previousStatus, score, driftingFeatures, alerts[{kind, message}], money, report}</c> (money and report null
/// when absent). <see cref="AlertFormat.Slack"/>: Slack's incoming-webhook body, <c>{text, blocks}</c> with a header, a
/// section of fields and a context line with the report. Every text that comes from data (file name, features, alert
/// messages, money names, report link) is escaped for Slack (<c>&amp; &lt; &gt;</c> → <c>&amp;amp; &amp;lt; &amp;gt;</c>),
/// so a file named <c>&lt;!channel&gt;.csv</c> cannot notify a channel or forge a link.
/// </summary>
public static class AlertPayload
{
    /// <summary>The body for <paramref name="message"/> in <paramref name="format"/>.</summary>
    public static string Build(AlertMessage message, AlertFormat format) =>
        (format == AlertFormat.Slack ? Slack(message) : Document(message)).ToJsonString(JsonDefaults.Options);

    private static JsonObject Document(AlertMessage m) => new()
    {
        ["format"] = "returnmonitor-alert",
        ["version"] = 1,
        ["reason"] = m.Reason switch
        {
            AlertReason.StatusChange => "statusChange",
            AlertReason.SequentialAlarm => "sequentialAlarm",
            _ => "dataQuality",
        },
        ["period"] = m.Period,
        ["batch"] = m.Batch,
        ["status"] = Name(m.Status),
        ["previousStatus"] = m.PreviousStatus is { } p ? Name(p) : null,
        ["score"] = Math.Round(m.Score, 2),
        ["driftingFeatures"] = new JsonArray(m.DriftingFeatures.Select(f => (JsonNode?)f).ToArray()),
        ["alerts"] = new JsonArray(m.Alerts.Select(a => (JsonNode?)new JsonObject { ["kind"] = a.Kind, ["message"] = a.Message }).ToArray()),
        ["money"] = m.Money is null ? null : new JsonObject(m.Money.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => KeyValuePair.Create(x.Key, (JsonNode?)x.Value))),
        ["report"] = m.Report,
    };

    private static JsonObject Slack(AlertMessage m)
    {
        // Escape the data once, then build from the escaped message: no field can be forgotten.
        m = m with
        {
            Period = SlackText.Escape(m.Period),
            Batch = SlackText.Escape(m.Batch),
            DriftingFeatures = m.DriftingFeatures.Select(SlackText.Escape).ToArray(),
            Alerts = m.Alerts.Select(a => new HistoryAlert(SlackText.Escape(a.Kind), SlackText.Escape(a.Message))).ToArray(),
            Money = m.Money?.ToDictionary(x => SlackText.Escape(x.Key), x => x.Value, StringComparer.Ordinal),
            Report = m.Report is null ? null : SlackText.Escape(m.Report),
        };
        var headline = Headline(m);
        var fields = new List<string>
        {
            $"*Status*\n{Name(m.Status)}" + (m.PreviousStatus is { } p ? $" (was {Name(p)})" : ""),
            $"*Drift score*\n{m.Score.ToString("0.0", CultureInfo.InvariantCulture)}",
            $"*Drifting features*\n{(m.DriftingFeatures.Count == 0 ? "none" : string.Join(", ", m.DriftingFeatures))}",
        };
        if (m.Alerts.Count > 0)
        {
            fields.Add($"*Alerts*\n{string.Join("; ", m.Alerts.Select(a => a.Message))}");
        }

        if (m.Money is { Count: > 0 } money)
        {
            fields.Add($"*Money*\n{string.Join(", ", money.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => $"{x.Key} {x.Value.ToString("N0", CultureInfo.InvariantCulture)}"))}");
        }

        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = headline } },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)new JsonObject { ["type"] = "mrkdwn", ["text"] = f }).ToArray()),
            },
        };
        if (m.Report is not null)
        {
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = $"Report: {m.Report}" }),
            });
        }

        return new JsonObject { ["text"] = headline, ["blocks"] = blocks };
    }

    /// <summary>One line: <c>ReturnMonitor 2026-W14: critical (score 43.1) — batch.csv</c>.</summary>
    public static string Headline(AlertMessage m)
    {
        var what = m.Reason switch
        {
            AlertReason.SequentialAlarm => $"persistent drift (sequential alarm), status {Name(m.Status)}",
            AlertReason.DataQuality => $"data-quality alarm (gaps or unseen values), status {Name(m.Status)}",
            _ => m.Status == DriftStatus.Healthy ? "back to healthy" : Name(m.Status),
        };
        return $"ReturnMonitor {m.Period}: {what} (score {m.Score.ToString("0.0", CultureInfo.InvariantCulture)}) — {m.Batch}";
    }

    private static string Name(DriftStatus status) => HistoryNames.Of(status);
}

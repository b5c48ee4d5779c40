using System.Diagnostics;
using System.Text.Json.Nodes;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.History.Alerts;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Tests.History;

namespace ReturnMonitor.Tests.History.Alerts;

public sealed class WebhookTests
{
    // Generous per-attempt timeout where the listener answers (a loaded CI machine must not turn a 200 into a retry);
    // a short one where it never does.
    private static readonly WebhookOptions Fast = new(TimeSpan.FromSeconds(5), 3, TimeSpan.FromMilliseconds(50), 2);

    private static readonly WebhookOptions Impatient = new(TimeSpan.FromMilliseconds(400), 3, TimeSpan.FromMilliseconds(50), 2);

    private static AlertMessage Message(IReadOnlyDictionary<string, double>? money = null) => new(
        AlertReason.StatusChange, "2026-W14", "week14.csv", DriftStatus.Critical, DriftStatus.Healthy, 43.14,
        ["discount_percentage", "delivery_time_days"], [new HistoryAlert("drift", "critical: score 43.1"), new HistoryAlert("model", "estimated accuracy")], money, "artifacts/report.html");

    [Fact]
    public void The_JSON_alert_carries_status_score_drifting_features_money_and_the_report()
    {
        using var hook = new LocalWebhook(_ => 200);
        var result = new WebhookNotifier(Fast).Send(hook.Url, Message(new Dictionary<string, double> { ["expectedReturnCost"] = 1250.5 }), AlertFormat.Json);

        Assert.True(result.Delivered);
        Assert.Equal([200], result.Attempts.Select(a => a.HttpStatus ?? 0));
        Assert.Equal(hook.Url.GetLeftPart(UriPartial.Authority) + "/…", result.Target);
        Assert.DoesNotContain("secret-token", result.Target);
        var (contentType, body) = Assert.Single(hook.Requests);
        Assert.Equal("application/json; charset=utf-8", contentType);
        Assert.Equal(result.Payload, body);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("returnmonitor-alert", (string?)json["format"]);
        Assert.Equal("statusChange", (string?)json["reason"]);
        Assert.Equal(("2026-W14", "week14.csv", "critical", "healthy"), ((string?)json["period"], (string?)json["batch"], (string?)json["status"], (string?)json["previousStatus"]));
        Assert.Equal(43.14, (double)json["score"]!);
        Assert.Equal(["discount_percentage", "delivery_time_days"], json["driftingFeatures"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("estimated accuracy", (string?)json["alerts"]![1]!["message"]);
        Assert.Equal(1250.5, (double)json["money"]!["expectedReturnCost"]!);
        Assert.Equal("artifacts/report.html", (string?)json["report"]);

        // Without money the field is there and null, so consumers need not guess.
        var bare = JsonNode.Parse(AlertPayload.Build(Message(), AlertFormat.Json))!.AsObject();
        Assert.True(bare.ContainsKey("money"));
        Assert.Null(bare["money"]);
    }

    [Fact]
    public void The_slack_alert_has_the_incoming_webhook_shape()
    {
        using var hook = new LocalWebhook(_ => 200);
        new WebhookNotifier(Fast).Send(hook.Url, Message(), AlertFormat.Slack);
        var json = JsonNode.Parse(Assert.Single(hook.Requests).Body)!.AsObject();
        Assert.Equal(["text", "blocks"], json.Select(p => p.Key));
        Assert.Equal("ReturnMonitor 2026-W14: critical (score 43.1) — week14.csv", (string?)json["text"]);
        var blocks = json["blocks"]!.AsArray();
        Assert.Equal(["header", "section", "context"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("plain_text", (string?)blocks[0]!["text"]!["type"]);
        var fields = blocks[1]!["fields"]!.AsArray();
        Assert.All(fields, f => Assert.Equal("mrkdwn", (string?)f!["type"]));
        Assert.Contains(fields, f => ((string?)f!["text"])!.Contains("discount_percentage, delivery_time_days"));
        Assert.Equal("Report: artifacts/report.html", (string?)blocks[2]!["elements"]![0]!["text"]);
    }

    [Fact]
    public void A_500_is_retried_with_backoff_until_it_is_delivered()
    {
        using var hook = new LocalWebhook(n => n <= 2 ? 500 : 200);
        var clock = Stopwatch.StartNew();
        var result = new WebhookNotifier(Fast).Send(hook.Url, Message(), AlertFormat.Json);
        Assert.True(result.Delivered);
        Assert.Equal([500, 500, 200], result.Attempts.Select(a => a.HttpStatus ?? 0));
        Assert.Equal(["HTTP 500 Internal Server Error", "HTTP 500 Internal Server Error", null], result.Attempts.Select(a => a.Error));
        Assert.Equal(3, hook.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(50 + 100), "the backoff pauses were skipped");
    }

    [Fact]
    public void A_client_error_is_not_retried()
    {
        using var hook = new LocalWebhook(_ => 404);
        var result = new WebhookNotifier(Fast).Send(hook.Url, Message(), AlertFormat.Json);
        Assert.False(result.Delivered);
        Assert.Equal([404], result.Attempts.Select(a => a.HttpStatus ?? 0));
    }

    [Fact]
    public void A_listener_that_never_answers_times_out_on_every_attempt_within_the_bound()
    {
        using var hook = new LocalWebhook(_ => null);
        var clock = Stopwatch.StartNew();
        var result = new WebhookNotifier(Impatient).Send(hook.Url, Message(), AlertFormat.Json);
        clock.Stop();
        Assert.False(result.Delivered);
        Assert.Equal(3, result.Attempts.Count);
        Assert.All(result.Attempts, a => Assert.Equal((null, "no response within 0.4 s"), (a.HttpStatus, a.Error)));
        // 3 × 0.4 s + 0.05 s + 0.1 s = 1.35 s at most, plus scheduling slack; never the HttpClient default of 100 s.
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.2, 5);
    }

    [Fact]
    public void A_refused_connection_is_a_failed_delivery_not_an_exception()
    {
        var result = new WebhookNotifier(Fast with { MaxAttempts = 2 }).Send(new Uri("http://127.0.0.1:9/hook"), Message(), AlertFormat.Json);
        Assert.False(result.Delivered);
        Assert.Equal(2, result.Attempts.Count);
        Assert.All(result.Attempts, a => Assert.Null(a.HttpStatus));
    }

    [Fact]
    public void An_unchanged_status_sends_nothing_and_a_change_is_sent_and_stored_even_when_delivery_fails()
    {
        using var hook = new LocalWebhook(_ => 503);
        using var notifier = new WebhookNotifier(Fast);
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());

        HistoryRecord Week(int w, DriftStatus status) => HistoryFixtures.Record($"2026-W{w:00}", HistoryFixtures.Hash(w), status);
        NotificationRecord? Check(HistoryRecord r, bool sequential = false) =>
            StatusNotifications.Notify(store, store.Record(r), r, sequential, notifier, hook.Url, AlertFormat.Json, "report.html");

        Assert.Null(Check(Week(1, DriftStatus.Healthy)));   // first batch, healthy: nothing to say
        Assert.Null(Check(Week(2, DriftStatus.Healthy)));   // unchanged
        Assert.Empty(hook.Requests);
        var failed = Check(Week(3, DriftStatus.Critical));
        Assert.NotNull(failed);
        Assert.False(failed.Delivered);
        Assert.Equal(3, hook.Requests.Count);
        Assert.Null(Check(Week(4, DriftStatus.Critical)));  // still critical: no repeat
        Assert.Null(Check(Week(3, DriftStatus.Critical)));  // the same batch again: already recorded, no second alert
        Assert.Equal(AlertReason.SequentialAlarm, AlertPolicy.Decide(DriftStatus.Healthy, DriftStatus.Healthy, sequentialAlarm: true));
        Assert.Equal(AlertReason.DataQuality, AlertPolicy.Decide(DriftStatus.Healthy, DriftStatus.Healthy, sequentialAlarm: false, dataQualityAlarm: true));
        Assert.Equal(AlertReason.StatusChange, AlertPolicy.Decide(DriftStatus.Healthy, DriftStatus.Warning, sequentialAlarm: true, dataQualityAlarm: true));
        Assert.Null(AlertPolicy.Decide(DriftStatus.Warning, DriftStatus.Warning, sequentialAlarm: false, dataQualityAlarm: false));
        Assert.NotNull(Check(Week(5, DriftStatus.Healthy))); // back to healthy is news
        Assert.Equal(6, hook.Requests.Count);

        // Every batch is in the history whatever happened to the alerts; both failures are stored with their attempts.
        Assert.Equal(5, store.Batches().Count);
        var stored = store.Notifications();
        Assert.Equal(["2026-W03", "2026-W05"], stored.Select(n => n.Period));
        Assert.All(stored, n => Assert.Equal([503, 503, 503], n.Notification.Attempts.Select(a => a.HttpStatus ?? 0)));
        Assert.Equal((DriftStatus.Critical, DriftStatus.Healthy), (stored[1].Notification.PreviousStatus, stored[1].Notification.Status));
    }

    [Fact]
    public void A_data_quality_alarm_alerts_on_an_unchanged_healthy_status()
    {
        using var hook = new LocalWebhook(_ => 200);
        using var notifier = new WebhookNotifier(Fast);
        using var store = HistoryStore.Open(HistoryFixtures.TempFile());
        NotificationRecord? Check(HistoryRecord r) =>
            StatusNotifications.Notify(store, store.Record(r), r, sequentialAlarm: false, notifier, hook.Url, AlertFormat.Slack, null);

        Assert.Null(Check(HistoryFixtures.Record("2026-W01", HistoryFixtures.Hash(1), DriftStatus.Healthy)));
        var gappy = HistoryFixtures.Record("2026-W02", HistoryFixtures.Hash(2), DriftStatus.Healthy) with
        {
            Alerts = [new HistoryAlert(HistoryMapping.DataQualityAlertKind, "delivery_time_days 12.5% missing (reference 0.0%)")],
        };

        var sent = Check(gappy);

        Assert.NotNull(sent);
        Assert.True(sent.Delivered);
        var json = JsonNode.Parse(Assert.Single(hook.Requests).Body)!;
        Assert.StartsWith("ReturnMonitor 2026-W02: data-quality alarm (gaps or unseen values), status healthy (score ", (string?)json["text"]);
        Assert.Contains("delivery_time_days 12.5% missing", json.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("dataQuality", (string?)JsonNode.Parse(AlertPayload.Build(AlertMessage.From(gappy, AlertReason.DataQuality, DriftStatus.Healthy, null), AlertFormat.Json))!["reason"]);
    }
}

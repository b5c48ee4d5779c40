using System.Net;
using System.Text.Json.Nodes;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.History.Alerts;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.History.Alerts;

/// <summary>Hostile or broken endpoints: redirects are never followed, bodies are read bounded, Slack text is escaped.</summary>
public sealed class WebhookSafetyTests
{
    private static readonly WebhookOptions Fast = new(TimeSpan.FromSeconds(5), 3, TimeSpan.FromMilliseconds(50), 2);

    private static AlertMessage Message(string batch = "week14.csv") => new(
        AlertReason.StatusChange, "2026-W14", batch, DriftStatus.Critical, DriftStatus.Healthy, 43.14, ["discount_percentage"], [new HistoryAlert("drift", "critical: score 43.1")], null, null);

    private static LocalWebhook Redirecting(int status, string location) => new((_, context) =>
    {
        context.Response.StatusCode = status;
        context.Response.RedirectLocation = location;
        context.Response.Close();
        return Task.FromResult(true);
    });

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public void A_redirect_is_a_failed_delivery_naming_only_the_targets_scheme_and_host_and_is_never_followed(int status)
    {
        // The place the redirect names answers 200 to anything: following the redirect would "deliver" there.
        using var elsewhere = new LocalWebhook(_ => 200);
        using var hook = Redirecting(status, elsewhere.Url + "?token=redirect-secret");
        using var notifier = new WebhookNotifier(Fast);

        var result = notifier.Send(hook.Url, Message(), AlertFormat.Json);

        Assert.False(result.Delivered);
        var attempt = Assert.Single(result.Attempts); // final: a redirect is not retried
        Assert.Equal(status, attempt.HttpStatus);
        Assert.Contains($"redirect to {elsewhere.Url.GetLeftPart(UriPartial.Authority)}/… not followed", attempt.Error);
        Assert.DoesNotContain("redirect-secret", attempt.Error);
        Assert.DoesNotContain("secret-token", attempt.Error);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(hook.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file:///…")]
    [InlineData("/relative/path?token=x", "/…")]
    [InlineData("ht!tp://[bad", "")]
    public void A_redirect_to_a_file_URL_or_garbage_is_a_failed_delivery_not_a_crash(string location, string shown)
    {
        using var hook = Redirecting(302, location);
        using var notifier = new WebhookNotifier(Fast);

        var result = notifier.Send(hook.Url, Message(), AlertFormat.Json);

        Assert.False(result.Delivered);
        var error = Assert.Single(result.Attempts).Error!;
        Assert.StartsWith("HTTP 302 Found: redirect to ", error);
        Assert.Contains(shown, error);
        Assert.DoesNotContain("passwd", error);
        Assert.DoesNotContain("token=x", error);
    }

    [Fact]
    public void An_endless_response_body_is_read_only_up_to_the_bound()
    {
        long written = 0;
        using var hook = new LocalWebhook(async (_, context) =>
        {
            context.Response.StatusCode = 200;
            context.Response.SendChunked = true;
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            // Endless: until the client goes away (the write then throws, which LocalWebhook expects).
            while (true)
            {
                await context.Response.OutputStream.WriteAsync(chunk);
                Interlocked.Add(ref written, chunk.Length);
            }
        });
        using var notifier = new WebhookNotifier(Fast);

        var result = notifier.Send(hook.Url, Message(), AlertFormat.Json);

        // Delivered, so not cut off by the 5 s timeout: the body was not read to its (non-existent) end. (Read whole, as
        // before, it was not delivered: "no response within 5 s", with GBs received and held in memory.)
        Assert.True(result.Delivered, result.Attempts[^1].Error);
        Assert.Equal([200], result.Attempts.Select(a => a.HttpStatus ?? 0));
        // 64 KiB read; the server got only as far as the socket buffers let it (4 MB measured), against 1.1 GB unbounded.
        Thread.Sleep(200);
        Assert.True(Interlocked.Read(ref written) < 64L << 20, $"{Interlocked.Read(ref written):N0} bytes sent before the client stopped reading");
    }

    [Fact]
    public void A_slack_alert_escapes_every_text_from_data_so_a_file_name_cannot_notify_the_channel()
    {
        var message = Message("<!channel> & <https://evil.example|click>.csv") with
        {
            DriftingFeatures = ["<!here>"],
            Alerts = [new HistoryAlert("drift<", "a <@U123> b")],
            Money = new Dictionary<string, double> { ["<!everyone>"] = 1 },
            Report = "https://x.example/?a=1&b=<2>",
        };

        var json = JsonNode.Parse(AlertPayload.Build(message, AlertFormat.Slack))!;

        var texts = Strings(json).ToArray();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.False(t.Contains('<') || t.Contains('>'), $"unescaped: {t}"));
        Assert.Equal("ReturnMonitor 2026-W14: critical (score 43.1) — &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;.csv", (string?)json["text"]);
        Assert.Contains(texts, t => t.Contains("&lt;!here&gt;", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("a &lt;@U123&gt; b", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("&lt;!everyone&gt; 1", StringComparison.Ordinal));
        Assert.Contains("Report: https://x.example/?a=1&amp;b=&lt;2&gt;", texts);
        // The JSON format is data for programs: JSON-encoded, not Slack-escaped.
        Assert.Equal("<!channel> & <https://evil.example|click>.csv", (string?)JsonNode.Parse(AlertPayload.Build(message, AlertFormat.Json))!["batch"]);
    }

    [Fact]
    public void Slack_escaping_replaces_exactly_ampersand_and_angle_brackets()
    {
        Assert.Equal("a &amp;lt; b &lt; c &gt; d \"e' *f*", SlackText.Escape("a &lt; b < c > d \"e' *f*"));
        Assert.Equal("", SlackText.Escape(""));
    }

    [Fact]
    public void A_reason_phrase_quoting_the_secret_path_is_scrubbed_before_it_is_stored()
    {
        using var hook = new LocalWebhook((_, context) =>
        {
            context.Response.StatusCode = 404;
            context.Response.StatusDescription = $"No hook at {context.Request.RawUrl}";
            context.Response.Close();
            return Task.FromResult(true);
        });
        using var notifier = new WebhookNotifier(Fast);

        var error = Assert.Single(notifier.Send(hook.Url, Message(), AlertFormat.Json).Attempts).Error;

        Assert.Equal("HTTP 404 No hook at /…", error);
    }

    [Fact]
    public void A_non_http_URL_is_refused_with_the_URL_redacted()
    {
        using var notifier = new WebhookNotifier(Fast);
        var error = Assert.Throws<ArgumentException>(() => notifier.Send(new Uri("ftp://alice:s3cretPW@files.example/T0/B0/XXXXsecret"), Message(), AlertFormat.Json));
        Assert.StartsWith("webhook URL ftp://files.example/… is not an http(s) URL", error.Message);
        Assert.DoesNotContain("s3cretPW", error.Message);
        Assert.DoesNotContain("XXXXsecret", error.Message);
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ReturnMonitor.Drift;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// POSTs alerts to a webhook with a timeout per attempt and bounded retries with exponential backoff. Retries on no
/// response (timeout, refused connection), 408, 429 and 5xx; any other 4xx is final (the request itself is wrong, e.g. a
/// revoked Slack hook: retrying would not help). Never throws for a delivery failure: every attempt is returned in the
/// <see cref="NotificationRecord"/>, which the caller stores in the history.
/// </summary>
public sealed class WebhookNotifier(HttpClient client, WebhookOptions? options = null)
{
    private readonly WebhookOptions limits = options ?? WebhookOptions.Default;

    /// <summary>Sends <paramref name="message"/> to <paramref name="url"/> in <paramref name="format"/>.</summary>
    public async Task<NotificationRecord> SendAsync(Uri url, AlertMessage message, AlertFormat format, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxAttempts, 1);
        var payload = AlertPayload.Build(message, format);
        var attempts = new List<DeliveryAttempt>();
        for (var attempt = 1; attempt <= limits.MaxAttempts; attempt++)
        {
            var (result, retry) = await Attempt(url, payload, attempt, cancellation).ConfigureAwait(false);
            attempts.Add(result);
            if (result.Succeeded || !retry || attempt == limits.MaxAttempts)
            {
                break;
            }

            await Task.Delay(limits.BackoffAfter(attempt), cancellation).ConfigureAwait(false);
        }

        return new NotificationRecord(Redact(url), format == AlertFormat.Slack ? "slack" : "json", message.PreviousStatus, message.Status, payload, attempts);
    }

    /// <summary>Synchronous <see cref="SendAsync"/> for the command line.</summary>
    public NotificationRecord Send(Uri url, AlertMessage message, AlertFormat format) => SendAsync(url, message, format).GetAwaiter().GetResult();

    /// <summary>Scheme, host and port only: webhook paths and queries carry secrets (Slack's do) and must not be stored.</summary>
    public static string Redact(Uri url) => url.GetLeftPart(UriPartial.Authority);

    private async Task<(DeliveryAttempt Attempt, bool Retry)> Attempt(Uri url, string payload, int attempt, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(limits.Timeout);
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            // The body is read to the end inside the timeout too: a server that sends headers and then stalls is a timeout.
            using var response = await client.PostAsync(url, content, timeout.Token).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                return (new DeliveryAttempt(attempt, code, null, elapsed), false);
            }

            var retry = code is 408 or 429 || code >= 500;
            return (new DeliveryAttempt(attempt, code, $"HTTP {code} {response.ReasonPhrase}".TrimEnd(), elapsed), retry);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return (new DeliveryAttempt(attempt, null, $"no response within {limits.Timeout.TotalSeconds:0.###} s", clock.Elapsed.TotalMilliseconds), true);
        }
        catch (HttpRequestException e)
        {
            return (new DeliveryAttempt(attempt, null, e.Message.Replace('\n', ' '), clock.Elapsed.TotalMilliseconds), true);
        }
    }
}

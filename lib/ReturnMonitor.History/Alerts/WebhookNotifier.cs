using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>
/// POSTs alerts to a webhook with a timeout per attempt and bounded retries with exponential backoff. Retries on no
/// response (timeout, refused connection), 408, 429 and 5xx; any other 4xx is final (the request itself is wrong, e.g. a
/// revoked Slack hook: retrying would not help). A redirect (3xx) is never followed and is a final failure: following
/// it would turn the POST into a body-less GET reported as delivered (302) or re-send the payload wherever the endpoint
/// names (307); a webhook endpoint that redirects is misconfigured or hostile (Slack's never does). At most
/// <see cref="WebhookOptions.MaxResponseBytes"/> of a response body are read. Never throws for a delivery failure: every
/// attempt is returned in the <see cref="NotificationRecord"/>, which the caller stores in the history. No URL leaves
/// this class unredacted (<see cref="UrlRedaction"/>).
/// </summary>
public sealed class WebhookNotifier : IDisposable
{
    private readonly WebhookOptions limits;
    private readonly HttpClient client;

    /// <summary>A notifier with its own HTTP client (redirects off, response buffering bounded).</summary>
    public WebhookNotifier(WebhookOptions? options = null)
    {
        limits = options ?? WebhookOptions.Default;
        // The notifier owns its handler so no caller can hand it one that follows redirects.
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxResponseHeadersLength = 64 };
        client = new HttpClient(handler, disposeHandler: true) { MaxResponseContentBufferSize = limits.MaxResponseBytes };
    }

    /// <summary>Sends <paramref name="message"/> to <paramref name="url"/> in <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https URL (the message shows it redacted).</exception>
    public async Task<NotificationRecord> SendAsync(Uri url, AlertMessage message, AlertFormat format, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxAttempts, 1);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"webhook URL {UrlRedaction.Redact(url)} is not an http(s) URL", nameof(url));
        }

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

    /// <summary>Scheme, host and port only (<see cref="UrlRedaction.Redact(Uri)"/>): webhook paths, queries and user info carry secrets.</summary>
    public static string Redact(Uri url) => UrlRedaction.Redact(url);

    /// <summary>Closes the HTTP client.</summary>
    public void Dispose() => client.Dispose();

    private async Task<(DeliveryAttempt Attempt, bool Retry)> Attempt(Uri url, string payload, int attempt, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(limits.Timeout);
        try
        {
            using var content = new StringContent(payload, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            // Headers only: the body is read below, bounded, and inside the timeout (a server that sends headers and
            // then stalls is a timeout; one that sends an endless body is cut off).
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            await ReadBounded(response.Content, limits.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            var elapsed = clock.Elapsed.TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                return (new DeliveryAttempt(attempt, code, null, elapsed), false);
            }

            // The reason phrase is the server's text: it could quote the request, so it is scrubbed like an error.
            var status = UrlRedaction.Scrub($"HTTP {code} {Printable(response.ReasonPhrase)}".TrimEnd(), url);
            if (code is >= 300 and < 400)
            {
                return (new DeliveryAttempt(attempt, code, $"{status}: redirect to {Location(response, url)} not followed (a webhook endpoint must not redirect)", elapsed), false);
            }

            var retry = code is 408 or 429 || code >= 500;
            return (new DeliveryAttempt(attempt, code, status, elapsed), retry);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return (new DeliveryAttempt(attempt, null, $"no response within {limits.Timeout.TotalSeconds:0.###} s", clock.Elapsed.TotalMilliseconds), true);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return (new DeliveryAttempt(attempt, null, UrlRedaction.Scrub(Printable(e.Message), url), clock.Elapsed.TotalMilliseconds), true);
        }
    }

    /// <summary>Reads and drops at most <paramref name="limit"/> bytes of the body; the rest is never read (disposing the response closes the connection).</summary>
    private static async Task ReadBounded(HttpContent content, int limit, CancellationToken cancellation)
    {
        var stream = await content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[Math.Min(limit, 8192)];
            for (var total = 0; total < limit;)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, limit - total)), cancellation).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                total += read;
            }
        }
    }

    /// <summary>Where a redirect points, redacted; the raw header is parsed here (never by the handler), so any value is safe.</summary>
    private static string Location(HttpResponseMessage response, Uri requested)
    {
        if (!response.Headers.NonValidated.TryGetValues("Location", out var values) || values.FirstOrDefault() is not { Length: > 0 } location)
        {
            return "(no Location header)";
        }

        return Uri.TryCreate(requested, location, out var target) ? UrlRedaction.Redact(target) : UrlRedaction.Redact(location);
    }

    // Text from the network goes into one line of the terminal and the history: no control characters, bounded.
    private static string Printable(string? text)
    {
        var line = new string((text ?? "").Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}

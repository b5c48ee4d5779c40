using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>
/// Delivery limits of a webhook alert. The worst case — every attempt timing out — takes
/// MaxAttempts × Timeout + the backoffs (InitialBackoff × (1 + Factor + … + Factor^(MaxAttempts − 2))): 5 × 3 + 0.5 + 1 = 16.5 s
/// with the defaults, so a dead endpoint never hangs a run.
/// </summary>
/// <param name="Timeout">Longest wait for one response.</param>
/// <param name="MaxAttempts">Tries in all (first try included), ≥ 1.</param>
/// <param name="InitialBackoff">Pause before the first retry.</param>
/// <param name="BackoffFactor">Each further pause is this many times the one before.</param>
public sealed record WebhookOptions(TimeSpan Timeout, int MaxAttempts, TimeSpan InitialBackoff, double BackoffFactor)
{
    /// <summary>5 s timeout, 3 attempts, 0.5 s then 1 s between them.</summary>
    public static WebhookOptions Default { get; } = new(TimeSpan.FromSeconds(5), 3, TimeSpan.FromMilliseconds(500), 2);

    /// <summary>
    /// Most bytes of a response body read, 64 KiB by default: a webhook answers "ok" or a short error; an endless or huge
    /// body is cut off there instead of filling memory (the status line alone decides delivery).
    /// </summary>
    public int MaxResponseBytes { get; init; } = 64 * 1024;

    /// <summary>The pause after attempt <paramref name="attempt"/> (1-based) failed.</summary>
    public TimeSpan BackoffAfter(int attempt) => TimeSpan.FromTicks((long)(InitialBackoff.Ticks * Math.Pow(BackoffFactor, attempt - 1)));
}

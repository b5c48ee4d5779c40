using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>One attempt to deliver a webhook alert.</summary>
/// <param name="Attempt">1 for the first try, 2 for the first retry, …</param>
/// <param name="HttpStatus">The HTTP status code received, or null when no response came (timeout, refused connection).</param>
/// <param name="Error">What went wrong, one line; null when the attempt succeeded (2xx).</param>
/// <param name="ElapsedMilliseconds">Time from sending to the response or the failure, milliseconds.</param>
public sealed record DeliveryAttempt(int Attempt, int? HttpStatus, string? Error, double ElapsedMilliseconds)
{
    /// <summary>Whether the attempt got a 2xx response.</summary>
    public bool Succeeded => Error is null;
}

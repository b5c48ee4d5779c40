namespace ReturnMonitor.Drift;

/// <summary>
/// Everything the drift check found for one batch: per-feature results, the batch score and status, and the return
/// rates. Pure data: text, JSON, tables, charts and HTML are rendered from it and never recompute it.
/// </summary>
/// <param name="Reference">Name of the reference (training file or profile).</param>
/// <param name="Current">Name of the batch.</param>
/// <param name="ReferenceRows">Orders in the reference.</param>
/// <param name="CurrentRows">Orders in the batch.</param>
/// <param name="Score">Batch drift score in [0, 100): 100·T/(T + 1) with T the summed PSI of the features whose drift is significant and at least moderate.</param>
/// <param name="Status">Healthy, warning or critical from the score.</param>
/// <param name="Features">One result per feature, in schema order.</param>
/// <param name="Target">Return rates, when both sides are labelled.</param>
/// <param name="Options">The thresholds used.</param>
public sealed record DriftReport(
    string Reference,
    string Current,
    long ReferenceRows,
    long CurrentRows,
    double Score,
    DriftStatus Status,
    IReadOnlyList<FeatureDrift> Features,
    TargetDrift? Target,
    DriftOptions Options)
{
    /// <summary>The result for feature <paramref name="name"/>.</summary>
    public FeatureDrift Feature(string name) =>
        Features.FirstOrDefault(f => f.Name == name) ?? throw new ArgumentException($"no drift result for '{name}'", nameof(name));

    /// <summary>The result for feature <paramref name="name"/>, or null when the table has no such feature (another schema).</summary>
    public FeatureDrift? Find(string name) => Features.FirstOrDefault(f => f.Name == name);

    /// <summary>Number of features with the given severity.</summary>
    public int CountWith(DriftSeverity severity) => Features.Count(f => f.Severity == severity);
}

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The data-quality section of a batch's check (<see cref="BatchCheck.Quality"/>): per feature, the missing, out-of-range
/// and unseen values against the reference, and the alarm on a significant jump of missing or unseen values. Built by
/// <see cref="DataQualityCheck.Compare"/>; the rule and its constants are documented there.
/// </summary>
/// <param name="Rows">Orders in the batch.</param>
/// <param name="Features">One entry per feature of the schema, in schema order.</param>
/// <param name="Imputed">
/// Missing cells that were filled in (numeric: the reference median; categorical: the reference's most common category)
/// so that the model could score the batch; 0 when the check ran without a model. The drift statistics never see them:
/// they describe each feature's present values.
/// </param>
public sealed record DataQuality(long Rows, IReadOnlyList<DataQualityFeature> Features, long Imputed = 0)
{
    /// <summary>Whether any feature's missing or unseen share jumped significantly above the reference's.</summary>
    public bool Alarm => Features.Any(f => f.Alarm);

    /// <summary>Missing cells over all features.</summary>
    public long MissingCells => Features.Sum(f => f.Missing);

    /// <summary>
    /// Whether the section has something to show a person: a missing or unseen value, or an alarm. Out-of-range values
    /// alone do not count — every batch has a few in the continuous features' tails — so a clean batch's text and
    /// dashboard stay as they were.
    /// </summary>
    public bool Notable => Features.Any(f => f.Notable);

    /// <summary>The features with something to show (<see cref="DataQualityFeature.Notable"/>), in schema order.</summary>
    public IEnumerable<DataQualityFeature> NotableFeatures => Features.Where(f => f.Notable);

    /// <summary>The alarmed features, in schema order.</summary>
    public IEnumerable<DataQualityFeature> Alarmed => Features.Where(f => f.Alarm);

    /// <summary>The entry of feature <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not a feature of the schema.</exception>
    public DataQualityFeature Feature(string name) =>
        Features.FirstOrDefault(f => f.Name == name) ?? throw new KeyNotFoundException($"no data-quality entry for '{name}'");
}

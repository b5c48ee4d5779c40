using ReturnMonitor.Data;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The data quality of one feature of a batch, against the reference: how many values are missing, outside the range the
/// reference saw, or categories the reference never saw, and whether the missing or unseen share is significantly above
/// what the reference leads one to expect (the rule is in <see cref="DataQualityCheck"/>).
/// </summary>
/// <param name="Name">The feature.</param>
/// <param name="Kind">Numeric or categorical.</param>
/// <param name="Rows">Orders in the batch.</param>
/// <param name="Missing">Orders of the batch whose value is missing (an empty cell).</param>
/// <param name="ReferenceRows">Orders in the reference.</param>
/// <param name="ReferenceMissing">Orders of the reference whose value is missing (0 for training data read strictly).</param>
/// <param name="ExpectedMissingRate">
/// The missing rate the test allows without alarm: the upper end of the reference rate's Wilson 95% interval plus
/// <see cref="DataQualityCheck.MinimumEffect"/>.
/// </param>
/// <param name="MissingPValue">One-sided exact binomial p-value of <paramref name="Missing"/> of <paramref name="Rows"/> against <paramref name="ExpectedMissingRate"/> (not corrected).</param>
/// <param name="OutOfRange">
/// Numeric features: present values below the reference's minimum or above its maximum. Reported, not alarmed on: a
/// continuous feature's tails put about 2/(n+1) of any batch outside the range of n reference values. 0 for categorical features.
/// </param>
/// <param name="ExpectedOutOfRangeRate">Numeric features: 2/(n+1) for n present reference values, the chance that a new value from the same continuous distribution lies outside their range; 0 for categorical features.</param>
/// <param name="Unseen">Categorical features: present values whose category the reference never saw (a missing value is not unseen); 0 for numeric features.</param>
/// <param name="ExpectedUnseenRate">
/// Categorical features: the unseen rate the test allows — the Good–Turing chance of a new category (the share of reference
/// categories seen once), at the upper end of its Wilson 95% interval, plus <see cref="DataQualityCheck.MinimumEffect"/>; null for numeric features.
/// </param>
/// <param name="UnseenPValue">Categorical features: one-sided exact binomial p-value of <paramref name="Unseen"/> of the present values against <paramref name="ExpectedUnseenRate"/>; null for numeric features.</param>
/// <param name="PValue">The feature's smallest Holm-adjusted p-value (over all the batch's data-quality tests).</param>
/// <param name="MissingAlarm">Whether the missing-value test's Holm-adjusted p-value is at most <see cref="DataQualityCheck.Alpha"/>: a significant jump of gaps.</param>
/// <param name="UnseenAlarm">Whether the unseen-category test's Holm-adjusted p-value is at most <see cref="DataQualityCheck.Alpha"/> (always false for numeric features).</param>
public sealed record DataQualityFeature(
    string Name,
    FeatureKind Kind,
    long Rows,
    long Missing,
    long ReferenceRows,
    long ReferenceMissing,
    double ExpectedMissingRate,
    double MissingPValue,
    long OutOfRange,
    double ExpectedOutOfRangeRate,
    long Unseen,
    double? ExpectedUnseenRate,
    double? UnseenPValue,
    double PValue,
    bool MissingAlarm,
    bool UnseenAlarm)
{
    /// <summary>Whether the feature's missing or unseen share jumped significantly.</summary>
    public bool Alarm => MissingAlarm || UnseenAlarm;

    /// <summary>Whether a person should see this feature's line: a missing or unseen value, or an alarm (out-of-range values alone are normal).</summary>
    public bool Notable => Missing > 0 || Unseen > 0 || Alarm;

    /// <summary>Orders of the batch whose value is present.</summary>
    public long Present => Rows - Missing;

    /// <summary>Missing share of the batch's orders; 0 for an empty batch.</summary>
    public double MissingRate => Rows == 0 ? 0 : (double)Missing / Rows;

    /// <summary>Missing share of the reference's orders; 0 for an empty reference.</summary>
    public double ReferenceMissingRate => ReferenceRows == 0 ? 0 : (double)ReferenceMissing / ReferenceRows;

    /// <summary>Out-of-range share of the present values; 0 when none is present.</summary>
    public double OutOfRangeRate => Present == 0 ? 0 : (double)OutOfRange / Present;

    /// <summary>Unseen share of the present values; 0 when none is present.</summary>
    public double UnseenRate => Present == 0 ? 0 : (double)Unseen / Present;
}

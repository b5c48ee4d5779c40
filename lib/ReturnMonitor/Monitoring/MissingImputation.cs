using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Fills the gaps of a batch so that the model sections can run on it: a numeric gap gets the reference's median, a
/// categorical gap the reference's most common category (ties: the first in ordinal order). For scoring only — the
/// drift and data-quality sections are computed from the batch as read, on each feature's present values.
/// <para>
/// Why impute rather than pass the gaps on: the forest was trained on complete data, so a NaN is sent down each split's
/// "greater" branch (NaN ≤ threshold is false) — a missing delivery time would be scored like a very late one — and an
/// empty category one-hot encodes as "none of the known ones". The median and the mode are the values that move a
/// score least on average. The domain classifiers see the imputed values too, so a batch with many gaps can show some
/// multivariate drift (a spike at the median); the data-quality section is where the gaps themselves are reported.
/// </para>
/// </summary>
public static class MissingImputation
{
    /// <summary>The batch with every gap filled from <paramref name="reference"/>, and the number of cells filled (the batch itself when it has no gap).</summary>
    public static (OrderTable Table, long Imputed) ForScoring(OrderTable batch, DatasetSummary reference)
    {
        var table = batch;
        long imputed = 0;
        foreach (var feature in batch.Features)
        {
            var missing = batch.MissingCount(feature.Name);
            if (missing == 0)
            {
                continue;
            }

            imputed += missing;
            if (feature.Kind == FeatureKind.Numeric)
            {
                var fill = Median(reference, feature.Name);
                var values = batch.Numeric(feature.Name).ToArray();
                for (var i = 0; i < values.Length; i++)
                {
                    if (double.IsNaN(values[i]))
                    {
                        values[i] = fill;
                    }
                }

                table = table.WithNumeric(feature.Name, values);
            }
            else
            {
                var fill = Mode(reference, feature.Name);
                var values = batch.Categorical(feature.Name).Select(c => c == OrderTable.MissingCategory ? fill : c).ToArray();
                table = table.WithCategorical(feature.Name, values);
            }
        }

        return (table, imputed);
    }

    /// <summary>The reference's median of a numeric feature (its 50th percentile).</summary>
    /// <exception cref="InvalidOperationException">The reference has no value of the feature.</exception>
    public static double Median(DatasetSummary reference, string feature)
    {
        var distribution = reference.Numeric[feature];
        return distribution.Count > 0
            ? distribution.Percentile(50)
            : throw new InvalidOperationException($"the reference has no value of '{feature}' to fill its gaps with");
    }

    /// <summary>The reference's most common category of a categorical feature (ties: the first in ordinal order).</summary>
    /// <exception cref="InvalidOperationException">The reference has no value of the feature.</exception>
    public static string Mode(DatasetSummary reference, string feature)
    {
        var counts = reference.Categorical[feature];
        return counts.Pairs.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).FirstOrDefault()
            ?? throw new InvalidOperationException($"the reference has no value of '{feature}' to fill its gaps with");
    }
}

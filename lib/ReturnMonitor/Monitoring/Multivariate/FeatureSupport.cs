using ReturnMonitor.Data;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Which batch orders lie outside the reference's support, feature by feature: a numeric value below the reference's
/// minimum or above its maximum, or a category the reference never had. No estimate fitted on the reference can know
/// what happens there (a tree model predicts the edge value forever), so the share of such orders bounds how far any
/// label-free estimate can be trusted.
/// </summary>
public static class FeatureSupport
{
    /// <summary>Counts the batch orders outside the support of <paramref name="reference"/> (a profile's summary or <see cref="DatasetSummary.Of"/> of reference orders).</summary>
    /// <exception cref="ArgumentException">The reference lacks a feature of the schema.</exception>
    public static SupportReport Check(DatasetSummary reference, OrderTable batch)
    {
        var outsideAny = new bool[batch.Count];
        var perFeature = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in batch.Features)
        {
            var count = 0;
            if (feature.Kind == FeatureKind.Numeric)
            {
                var distribution = reference.Numeric.TryGetValue(feature.Name, out var d) ? d : throw new ArgumentException($"the reference has no '{feature.Name}'");
                var values = batch.Numeric(feature.Name);
                for (var i = 0; i < values.Length; i++)
                {
                    if (values[i] < distribution.Minimum || values[i] > distribution.Maximum)
                    {
                        count++;
                        outsideAny[i] = true;
                    }
                }
            }
            else
            {
                var counts = reference.Categorical.TryGetValue(feature.Name, out var c) ? c : throw new ArgumentException($"the reference has no '{feature.Name}'");
                var values = batch.Categorical(feature.Name);
                for (var i = 0; i < values.Count; i++)
                {
                    if (counts[values[i]] == 0)
                    {
                        count++;
                        outsideAny[i] = true;
                    }
                }
            }

            perFeature[feature.Name] = count;
        }

        var outside = outsideAny.Count(o => o);
        return new SupportReport(batch.Count, outside, batch.Count == 0 ? 0 : (double)outside / batch.Count, perFeature);
    }
}

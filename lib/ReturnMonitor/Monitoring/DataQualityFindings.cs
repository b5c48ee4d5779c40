using System.Globalization;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The findings of the data-quality section, for <see cref="Recommendations"/>: one per feature whose missing share
/// jumped significantly (<see cref="DataQualityFeature.MissingAlarm"/>), citing the batch's and the reference's rates.
/// Urgency Monitor, Urgent from <see cref="UrgentRate"/> — at a fifth of the orders the gaps and their imputations weigh
/// on every section of the check. An unseen-category alarm adds no finding of its own: the "values never seen in
/// training" rule already fires on any unseen category, with its share. Nothing without an alarm, so a clean batch still
/// yields "maintain" only.
/// </summary>
public static class DataQualityFindings
{
    /// <summary>Missing share of a feature from which its finding is urgent.</summary>
    public const double UrgentRate = 0.20;

    /// <summary>Adds a finding per alarmed feature of <paramref name="quality"/> (none when null or without alarm).</summary>
    public static void Add(DataQuality? quality, List<Finding> findings)
    {
        if (quality is null)
        {
            return;
        }

        foreach (var feature in quality.Features.Where(f => f.MissingAlarm))
        {
            var evidence = new List<string>
            {
                string.Create(CultureInfo.InvariantCulture, $"{NumberText.Percent(feature.MissingRate)} of {feature.Name} missing ({feature.Missing:N0} of {feature.Rows:N0} orders; reference {NumberText.Percent(feature.ReferenceMissingRate)})"),
            };

            if (feature.Unseen > 0)
            {
                evidence.Add(string.Create(CultureInfo.InvariantCulture, $"{NumberText.Percent(feature.UnseenRate)} of {feature.Name} values never seen in the reference ({feature.Unseen:N0} orders)"));
            }

            evidence.Add($"p = {feature.PValue.ToString("G2", CultureInfo.InvariantCulture)} (Holm-adjusted)");
            var actions = new List<string> { $"Check the pipeline feeding {feature.Name} (export, join, schema or form change)" };
            if (quality.Imputed > 0)
            {
                actions.Add("Read the model sections with care: the gaps were scored with the reference's median or most common value");
            }

            actions.Add("Ask the data owners whether the gaps are new; fix the source before retraining on this data");
            findings.Add(new Finding(
                $"Data quality: {feature.Name}",
                feature.MissingRate >= UrgentRate ? Urgency.Urgent : Urgency.Monitor,
                string.Join(", ", evidence),
                actions));
        }
    }

}

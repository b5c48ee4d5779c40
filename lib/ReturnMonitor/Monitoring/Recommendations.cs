using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Turns a checked batch into business findings. Each rule looks at WHICH features drifted and in which direction,
/// and cites the numbers that triggered it:
/// <list type="bullet">
/// <item>flash-sale pattern — discount up, with purchase history down or clothing up;</item>
/// <item>logistics pattern — delivery time up (and rating down); both patterns look their features up by the schema's
/// meanings (<c>discount_percent</c>, <c>purchase_history</c>, <c>previous_returns</c>, <c>category</c>, <c>size</c>,
/// <c>delivery_days</c>, <c>rating</c>), never by column name, and stay silent when the table has none;</item>
/// <item>new categories — values never seen in training;</item>
/// <item>return rate up — at least 5 points (urgent from 10);</item>
/// <item>model degradation — realized ROC-AUC at least 0.05 below the held-out test split (labelled batches checked with a model);</item>
/// <item>return cost up — the extra return cost vs the reference (realized, else the chosen label-free estimate) exceeds its noise (urgent from 20% extra);</item>
/// <item>unreliable estimate — the label-free estimate's reliability check failed: wait for labels;</item>
/// <item>data quality — a feature's missing or unseen share jumped significantly (see <see cref="DataQualityFindings"/>);</item>
/// <item>other drifting features — for a table without the domain rules' meanings, titled "Drifting features" and
/// ordered by PSI, the five that drift most named with their numbers;</item>
/// <item>nothing drifted — maintain.</item>
/// </list>
/// A rule only fires on a feature the drift decision flagged (or the data-quality alarm), so a clean batch yields "maintain" only. Called once per
/// batch by <see cref="BatchMonitor"/>, which stores the result in <see cref="BatchCheck.Recommendation"/>; a new section
/// of the check that deserves a rule is passed here as one more parameter.
/// </summary>
public static class Recommendations
{
    /// <summary>The standard actions of each urgency level (the original dashboard's three lists).</summary>
    public static IReadOnlyDictionary<Urgency, IReadOnlyList<string>> StandardActions { get; } = new Dictionary<Urgency, IReadOnlyList<string>>
    {
        [Urgency.Urgent] = ["Investigate the drifting features with the data owners today", "Retrain the model on recent labelled orders", "Alert stakeholders that return predictions are unreliable", "Consider rolling back to the previous model or to rules"],
        [Urgency.Monitor] = ["Watch the next batches closely", "Collect labelled orders from the new situation", "Schedule retraining"],
        [Urgency.Maintain] = ["Keep monitoring every batch", "Document this batch as a healthy reference point", "Review thresholds periodically"],
    };

    /// <summary>Findings for a batch from the sections of its check.</summary>
    /// <param name="drift">The batch's drift report.</param>
    /// <param name="model">The batch's model health (for the degradation rule); null when the batch was checked without a model.</param>
    /// <param name="money">The batch's money section, cited where it explains the urgency; null when unknown.</param>
    /// <param name="quality">The batch's data-quality section (a finding per alarmed feature); null when unknown.</param>
    /// <param name="schema">The table's schema, whose meanings the domain rules look up; null for the demo's (<see cref="DemoSchema"/>).</param>
    public static Recommendation For(DriftReport drift, ModelCheck? model = null, BatchMoney? money = null, DataQuality? quality = null, DatasetSchema? schema = null)
    {
        var meanings = new Meanings(drift, schema ?? DemoSchema.Schema);
        var findings = new List<Finding>();
        var explained = new HashSet<string>(StringComparer.Ordinal);

        var extraCost = money is null ? null : MoneyFindings.Extra(money, model) is { Significant: true } extra ? extra.Sentence : null;
        FlashSale(meanings, findings, explained, extraCost);
        Logistics(meanings, findings, explained);
        NewCategories(drift, findings, explained);
        ReturnRate(drift, findings, extraCost);
        Degradation(model, findings);
        MoneyFindings.ReturnCost(money, model, findings);
        MoneyFindings.Unreliable(model, findings);
        DataQualityFindings.Add(quality, findings);

        var others = drift.Features.Where(f => f.Severity != DriftSeverity.None && !explained.Contains(f.Name)).ToArray();
        if (others.Length > 0)
        {
            // Without the meanings of the domain rules nothing explains a drift: the strongest ones lead, with numbers.
            var generic = !meanings.HasDomainRules;
            var named = generic ? others.OrderByDescending(f => f.Psi).ThenBy(f => f.Name, StringComparer.Ordinal).Take(MostDrifting).ToArray() : others;
            var more = others.Length - named.Length;
            findings.Add(new Finding(
                generic ? "Drifting features" : "Other drifting features",
                others.Any(f => f.Severity == DriftSeverity.Severe) ? Urgency.Monitor : Urgency.Maintain,
                string.Join(", ", named.Select(Describe)) + (more > 0 ? $" and {more} more" : ""),
                ["Check with the data owners whether the change is real or a pipeline error", "Include the new pattern in the next training data"]));
        }

        if (findings.Count == 0)
        {
            findings.Add(new Finding(
                "No drift",
                Urgency.Maintain,
                $"no feature drifted (score {NumberText.Fixed(drift.Score, 1)}/100; every PSI below {NumberText.Fixed(drift.Options.ModeratePsi, 1)} or not significant)",
                StandardActions[Urgency.Maintain]));
        }

        var overall = findings.Max(f => f.Urgency);
        if (drift.Status == DriftStatus.Critical)
        {
            overall = Urgency.Urgent;
        }
        else if (drift.Status == DriftStatus.Warning && overall < Urgency.Monitor)
        {
            overall = Urgency.Monitor;
        }

        return new Recommendation(overall, findings.OrderByDescending(f => f.Urgency).ToArray(), StandardActions[overall]);
    }

    private static void FlashSale(Meanings drift, List<Finding> findings, HashSet<string> explained, string? extraCost)
    {
        if (drift[ColumnMeaning.DiscountPercent] is not { } discount || !Up(discount))
        {
            return;
        }

        var history = drift[ColumnMeaning.PurchaseHistory];
        var category = drift[ColumnMeaning.Category];
        var clothing = category is null ? (0, 0) : Share(category, "Clothing");
        var historyDown = history is not null && Down(history);
        var clothingUp = category is not null && category.Severity != DriftSeverity.None && clothing.Current > clothing.Reference;
        if (!historyDown && !clothingUp)
        {
            return;
        }

        var evidence = new List<string> { $"average discount {NumberText.Fixed(discount.ReferenceMean, 0)}% → {NumberText.Fixed(discount.CurrentMean, 0)}%" };
        if (historyDown)
        {
            evidence.Add($"purchase history {NumberText.Fixed(history!.ReferenceMean, 1)} → {NumberText.Fixed(history.CurrentMean, 1)} orders");
            explained.Add(history.Name);
            if (drift[ColumnMeaning.PreviousReturns] is { } previous && Down(previous))
            {
                explained.Add(previous.Name);
            }
        }

        if (clothingUp)
        {
            evidence.Add($"clothing {NumberText.Percent(clothing.Reference, 0)} → {NumberText.Percent(clothing.Current, 0)} of orders");
            explained.Add(category!.Name);
            if (drift[ColumnMeaning.Size] is { } size)
            {
                explained.Add(size.Name);
            }
        }

        explained.Add(discount.Name);
        if (extraCost is not null)
        {
            evidence.Add(extraCost);
        }

        findings.Add(new Finding(
            "Flash-sale pattern: deep discounts bought on impulse",
            Urgency.Urgent,
            string.Join(", ", evidence),
            [
                "Tighten approval (or add a confirmation step) for deep-discount orders from customers without history",
                "Check size guides and fit information on the discounted clothing",
                "Expect more returns: staff the returns desk and reserve stock for exchanges",
                "Do not retrain on sale weeks alone: the model should still serve ordinary weeks",
            ]));
    }

    private static void Logistics(Meanings drift, List<Finding> findings, HashSet<string> explained)
    {
        if (drift[ColumnMeaning.DeliveryDays] is not { } delivery || !Up(delivery))
        {
            return;
        }

        var rating = drift[ColumnMeaning.Rating];
        var evidence = $"delivery time {NumberText.Fixed(delivery.ReferenceMean, 1)} → {NumberText.Fixed(delivery.CurrentMean, 1)} days";
        explained.Add(delivery.Name);
        if (rating is not null && Down(rating))
        {
            evidence += $", review rating {NumberText.Fixed(rating.ReferenceMean, 2)} → {NumberText.Fixed(rating.CurrentMean, 2)} stars";
            explained.Add(rating.Name);
        }

        findings.Add(new Finding(
            "Logistics pattern: late deliveries",
            Urgency.Urgent,
            evidence,
            [
                "Contact carriers and warehouses about the delays",
                "Send proactive delay notices with a new delivery estimate",
                "Offer a goodwill credit to late orders before customers ask for a return",
                "Audit picking: late, low-rated orders are often wrong items",
            ]));
    }

    private static void NewCategories(DriftReport drift, List<Finding> findings, HashSet<string> explained)
    {
        foreach (var feature in drift.Features.Where(f => f.NewCategories.Count > 0))
        {
            var shares = feature.NewCategories.Select(c => $"'{c}' ({NumberText.Percent(Share(feature, c).Current, 0)} of orders)");
            explained.Add(feature.Name);
            findings.Add(new Finding(
                $"Values never seen in training: {feature.Name}",
                Urgency.Urgent,
                // The title names the column; the evidence does not repeat it ("channel: channel: …" on the terminal).
                string.Join(", ", shares),
                [
                    "Treat predictions for these orders as unreliable: the model encodes unseen values as 'none of the known ones'",
                    "Add labelled orders with the new values to the training data and retrain",
                ]));
        }
    }

    private static void ReturnRate(DriftReport drift, List<Finding> findings, string? extraCost)
    {
        if (drift.Target is not { } target)
        {
            return;
        }

        var points = 100 * (target.CurrentRate - target.ReferenceRate);
        if (points < 5)
        {
            return;
        }

        findings.Add(new Finding(
            "Return rate up",
            points >= 10 ? Urgency.Urgent : Urgency.Monitor,
            $"return rate {NumberText.Percent(target.ReferenceRate, 0)} → {NumberText.Percent(target.CurrentRate, 0)} (+{NumberText.Fixed(points, 1)} points)",
            [extraCost is null ? "Estimate the revenue at risk for finance" : $"Tell finance: {extraCost}", "Check which of the drifting features explain the extra returns"]));
    }

    private static void Degradation(ModelCheck? model, List<Finding> findings)
    {
        if (model?.Realized is not { } realized || !double.IsFinite(realized.RocAuc))
        {
            return;
        }

        // The yardstick is the held-out test split: the same orders and scores as the training report's test metrics.
        var reference = model.Reference;
        var drop = reference.RocAuc - realized.RocAuc;
        if (drop < 0.05)
        {
            return;
        }

        findings.Add(new Finding(
            "Model performance down",
            Urgency.Urgent,
            $"ROC-AUC {NumberText.Fixed(reference.RocAuc, 3)} → {NumberText.Fixed(realized.RocAuc, 3)}, accuracy {NumberText.Percent(reference.Accuracy, 0)} → {NumberText.Percent(realized.Accuracy, 0)}",
            ["Retrain on recent labelled orders", "Until then, do not automate decisions on the model's scores"]));
    }

    /// <summary>Most drifting features named by the generic finding.</summary>
    private const int MostDrifting = 5;

    private static bool Up(FeatureDrift f) => f.Severity != DriftSeverity.None && f.CurrentMean > f.ReferenceMean;

    private static bool Down(FeatureDrift f) => f.Severity != DriftSeverity.None && f.CurrentMean < f.ReferenceMean;

    private static (double Reference, double Current) Share(FeatureDrift feature, string category)
    {
        var index = feature.Distribution.Labels.ToList().IndexOf(category);
        return index < 0 ? (0, 0) : (feature.Distribution.Reference[index], feature.Distribution.Current[index]);
    }

    private static string Describe(FeatureDrift f) => f.Kind == FeatureKind.Numeric
        ? $"{f.Name} {NumberText.Fixed(f.ReferenceMean, 2)} → {NumberText.Fixed(f.CurrentMean, 2)} (PSI {NumberText.Fixed(f.Psi, 2)})"
        : $"{f.Name} (PSI {NumberText.Fixed(f.Psi, 2)})";

    // The drift result of the feature with each meaning, when the schema has that meaning and the report that feature.
    private sealed class Meanings(DriftReport drift, DatasetSchema schema)
    {
        public FeatureDrift? this[ColumnMeaning meaning] =>
            schema.WithMeaning(meaning) is { } column ? drift.Features.FirstOrDefault(f => f.Name == column.Name) : null;

        // Whether either domain rule can fire at all on this table (it has a discount or a delivery-time feature).
        public bool HasDomainRules => this[ColumnMeaning.DiscountPercent] is not null || this[ColumnMeaning.DeliveryDays] is not null;
    }
}

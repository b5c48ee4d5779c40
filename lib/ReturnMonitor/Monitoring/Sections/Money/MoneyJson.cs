using System.Text.Json.Nodes;
using ReturnMonitor.Json;

namespace ReturnMonitor.Monitoring.Sections.Money;

/// <summary>
/// The <c>money</c> section of a batch check's JSON (documented in docs/money.md; <c>performance.reliability</c> is the model-health section's, AssessmentJson):
/// amounts in the cost model's currency, per-order arrays never written.
/// </summary>
public static class MoneyJson
{
    /// <summary>The <c>money</c> object: currency, costsNote (only for assumed figures), costs, returnCost, decisions, threshold.</summary>
    public static JsonObject ToNode(BatchMoney money)
    {
        var c = money.ReturnCost;
        var d = money.Decisions;
        var t = money.Threshold;
        var node = new JsonObject
        {
            ["currency"] = money.Costs.Currency.Length > 0 ? money.Costs.Currency : null,
            ["costs"] = JsonNode.Parse(money.Costs.ToJson()),
            ["returnCost"] = new JsonObject
            {
                ["orders"] = c.Orders,
                ["expectedTotal"] = N(c.ExpectedTotal),
                ["expectedPerOrder"] = N(c.ExpectedPerOrder),
                ["lower"] = N(c.Lower),
                ["upper"] = N(c.Upper),
                ["standardError"] = N(c.StandardError),
                ["samplingStandardError"] = N(c.SamplingStandardError),
                ["calibrationStandardError"] = N(c.CalibrationStandardError),
                ["realizedTotal"] = c.RealizedTotal is { } r ? N(r) : null,
                ["referencePerOrder"] = N(c.ReferencePerOrder),
                ["extraPerOrder"] = N(c.ExtraPerOrder),
                ["extraTotal"] = N(c.ExtraTotal),
                ["importanceWeightedPerOrder"] = c.ImportanceWeightedPerOrder is { } w ? N(w) : null,
            },
            ["decisions"] = new JsonObject
            {
                ["threshold"] = N(d.Threshold),
                ["interventions"] = d.Interventions,
                ["expectedPreventedCost"] = N(d.ExpectedPreventedCost),
                ["interventionSpend"] = N(d.InterventionSpend),
                ["expectedNet"] = N(d.ExpectedNet),
                ["expectedNetPer1000"] = N(d.ExpectedNetPer1000),
                ["realizedNet"] = d.RealizedNet is { } rn ? N(rn) : null,
                ["realizedNetPer1000"] = d.RealizedNetPer1000 is { } rp ? N(rp) : null,
            },
            ["threshold"] = new JsonObject
            {
                ["current"] = N(t.CurrentThreshold),
                ["referenceBest"] = N(t.ReferenceBestThreshold),
                ["batchBest"] = N(t.BatchBestThreshold),
                ["savingPer1000"] = N(t.SavingPer1000),
                ["batchSpecificSavingPer1000"] = N(t.BatchSpecificSavingPer1000),
                ["sentence"] = t.Sentence,
            },
        };
        if (money.Costs.Note is { } note)
        {
            // Only when the figures are assumed (another shop's table, no cost file): the demo's JSON keeps its bytes.
            node.Insert(1, "costsNote", note);
        }

        return node;
    }

    private static JsonNode? N(double value) => JsonNumber.Of(value);
}

using System.Text.Json.Nodes;

namespace ReturnMonitor.Monitoring.Sections.Money;

/// <summary>
/// Money as a check section: what the batch's returns are expected to cost (95% band, realized when labelled, extra vs
/// the reference), what the model's decisions are worth and the threshold advice, under the monitor's
/// <see cref="CostModel"/> (docs/money.md). Computed from the monitor's one scoring pass (<see cref="SectionInput.Model"/>,
/// with its reliability assessment) by <see cref="MoneyEstimator"/>, which stays in <c>Monitoring/Money/</c> because the
/// <c>evaluate</c> harness uses it too. None without a model, without the orders, or when the model folder has no
/// held-out orders. JSON: <c>money</c>; text after model health; a headline card on the dashboard.
/// </summary>
public sealed class MoneySection : CheckSection<MoneyCheck>
{
    /// <summary>The section's key and JSON property.</summary>
    public const string SectionKey = "money";

    /// <inheritdoc/>
    public override string Key => SectionKey;

    /// <inheritdoc/>
    public override MoneyCheck? Compute(SectionInput input)
    {
        if (input.Model is not { } model || input.Scored is not { } scored || input.Monitor.Model is not { } monitor || input.Monitor.Estimation is not { } reference)
        {
            return null;
        }

        var scores = model.Scores as double[] ?? model.Scores.ToArray();
        var probabilities = model.Probabilities as double[] ?? model.Probabilities.ToArray();
        var money = MoneyEstimator.Estimate(input.Monitor.Costs, reference, scored, scores, probabilities, input.Monitor.ReferenceCostPerOrder, model.DecisionThreshold, model.Assessment, monitor.PriceFeature);
        return new MoneyCheck(money, model);
    }

    /// <inheritdoc/>
    public override void WriteJson(JsonObject root, MoneyCheck value) => root[SectionKey] = MoneyJson.ToNode(value.Money);

    /// <inheritdoc/>
    public override SectionText Text(MoneyCheck value) => MoneyText.Of(value.Money, adviseThreshold: value.Model.Warnings.Count == 0);

    /// <inheritdoc/>
    public override string Tile(int batch, MoneyCheck value) => MoneyCard.Render(batch, value.Money, value.Model);

    /// <inheritdoc/>
    public override string Card(int batch, MoneyCheck value) => "";
}

namespace ReturnMonitor.History;

/// <summary>
/// What the history keeps of each order of a period so that labels arriving weeks later can be joined to it
/// (<see cref="HistoryStore.AddLabels"/>): its id, the model's score and decision, and its return cost, all as the check
/// computed them. One row per order in the <c>period_orders</c> table, in batch order.
/// </summary>
/// <param name="IdColumn">The column the ids were read from (the schema's id role or <c>--id-column</c>).</param>
/// <param name="Ids">Each order's id, in batch order; not empty.</param>
/// <param name="Scores">Each order's raw model score in [0, 1], as the check used it.</param>
/// <param name="Predicted">Each order's decision: predicted returned (score ≥ the check's threshold).</param>
/// <param name="ReturnCosts">Each order's return cost c_i = handling + shipping + price-lost share · price (the check's cost model and prices; the money's realized cost is Σ y_i·c_i).</param>
/// <param name="Labels">Each order's label when the batch was labelled when checked; else null.</param>
public sealed record PeriodOrders(string IdColumn, string[] Ids, double[] Scores, bool[] Predicted, double[] ReturnCosts, bool[]? Labels)
{
    /// <summary>Checks that every array has one element per order and no id is empty.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or an id is empty.</exception>
    public void Validate()
    {
        var n = Ids.Length;
        if (Scores.Length != n || Predicted.Length != n || ReturnCosts.Length != n || (Labels is not null && Labels.Length != n))
        {
            throw new ArgumentException($"one id, score, prediction, return cost (and label) per order is needed: {n} ids, {Scores.Length} scores, {Predicted.Length} predictions, {ReturnCosts.Length} costs, {Labels?.Length} labels");
        }

        if (Array.FindIndex(Ids, string.IsNullOrEmpty) is var empty and >= 0)
        {
            throw new ArgumentException($"order {empty + 1} has an empty id in column '{IdColumn}'");
        }
    }
}

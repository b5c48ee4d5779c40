namespace ReturnMonitor.Monitoring;

/// <summary>Everything a batch costs and what the model's decisions are worth (<see cref="MoneyEstimator.Estimate"/>).</summary>
/// <param name="Costs">The cost model used.</param>
/// <param name="ReturnCost">Expected (and realized) return cost, its band, and the extra cost vs the reference.</param>
/// <param name="Decisions">Value of the model's decisions at the current threshold.</param>
/// <param name="Threshold">Best thresholds on reference and batch, and the saving of switching.</param>
public sealed record BatchMoney(CostModel Costs, ReturnCostEstimate ReturnCost, DecisionValue Decisions, ThresholdAdvice Threshold);

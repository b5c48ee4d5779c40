namespace ReturnMonitor.Monitoring;

/// <summary>
/// The money value of acting on the model's predictions at one threshold, compared with not acting at all: every order
/// with score ≥ threshold gets an intervention (cost I each), which prevents the share e of its return (cost c_i).
/// Expected net value = Σ over predicted returns of (p_i·e·c_i − I) — the cost matrix applied to the expected confusion
/// matrix with each order's own return cost (a true positive is worth e·c_i − I, a false positive −I, negatives 0).
/// Realized (labelled batches): the same with y_i in place of p_i. Positive = the model saves money.
/// </summary>
/// <param name="Currency">Money unit.</param>
/// <param name="Threshold">Decision threshold on the model's score.</param>
/// <param name="Orders">Orders in the batch.</param>
/// <param name="Interventions">Orders with score ≥ threshold.</param>
/// <param name="ExpectedPreventedCost">Σ over predicted returns of p_i·e·c_i.</param>
/// <param name="InterventionSpend">Interventions · I.</param>
/// <param name="ExpectedNet">ExpectedPreventedCost − InterventionSpend.</param>
/// <param name="ExpectedNetPer1000">ExpectedNet per 1,000 orders.</param>
/// <param name="RealizedNet">Σ over predicted returns of (y_i·e·c_i − I), when labelled; else null.</param>
/// <param name="RealizedNetPer1000">RealizedNet per 1,000 orders; null when unlabelled.</param>
public sealed record DecisionValue(
    string Currency,
    double Threshold,
    int Orders,
    int Interventions,
    double ExpectedPreventedCost,
    double InterventionSpend,
    double ExpectedNet,
    double ExpectedNetPer1000,
    double? RealizedNet,
    double? RealizedNetPer1000);

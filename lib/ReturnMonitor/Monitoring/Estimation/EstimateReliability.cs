namespace ReturnMonitor.Monitoring;

/// <summary>
/// Whether a batch's label-free estimates can be trusted, and why (<see cref="ReliabilityRule"/>). Label-free
/// estimation cannot see concept drift (returns for reasons no feature records): "reliable" means the covariate-shift
/// assumptions are supported by the data, not that no such drift exists.
/// </summary>
/// <param name="Reliable">True when no rule of <see cref="ReliabilityRule"/> is broken.</param>
/// <param name="Reason">One sentence: the rule broken, or why the estimate stands.</param>
/// <param name="Method">The estimator chosen: CBPE when no shift is detected, importance-weighted when one is.</param>
/// <param name="Support">Batch orders outside the reference's per-feature range or categories.</param>
/// <param name="HighDensityRatioShare">Share of batch orders whose density ratio p_batch/p_reference exceeds <see cref="ReliabilityRule.MaxDensityRatio"/>: where the reference is too thin to learn from.</param>
/// <param name="DomainRocAuc">Cross-validated ROC-AUC of the domain classifier held-out vs batch.</param>
/// <param name="DomainThreshold">AUC from which a shift counts as detected (max(0.5 + 2.326·SE, 0.55)).</param>
/// <param name="ShiftDetected">DomainRocAuc ≥ DomainThreshold.</param>
/// <param name="EffectiveSampleSize">Kish effective sample size of the importance weights on the held-out orders.</param>
/// <param name="ReferenceOrders">Held-out (labelled reference) orders the weights are spread over.</param>
public sealed record EstimateReliability(
    bool Reliable,
    string Reason,
    EstimateMethod Method,
    SupportReport Support,
    double HighDensityRatioShare,
    double DomainRocAuc,
    double DomainThreshold,
    bool ShiftDetected,
    double EffectiveSampleSize,
    int ReferenceOrders);

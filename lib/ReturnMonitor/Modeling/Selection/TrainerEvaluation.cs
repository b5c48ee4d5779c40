namespace ReturnMonitor.Modeling;

/// <summary>One trainer's nested cross-validation: its held-out metrics per outer fold and the hyper-parameters tuning chose there.</summary>
/// <param name="Algorithm">The trainer.</param>
/// <param name="RocAuc">ROC-AUC on each outer test fold.</param>
/// <param name="Brier">Brier score, mean of (p − y)², on each outer test fold (0 best; a constant at the return rate r scores r(1 − r)).</param>
/// <param name="Ece">Expected calibration error (10 equal-width bins, <see cref="ReliabilityCurve"/>) on each outer test fold.</param>
/// <param name="Chosen">The grid candidate chosen by the inner cross-validation of each outer fold's training orders.</param>
/// <param name="Candidates">Size of the grid searched.</param>
public sealed record TrainerEvaluation(
    TreeAlgorithm Algorithm,
    CrossValidatedMetric RocAuc,
    CrossValidatedMetric Brier,
    CrossValidatedMetric Ece,
    IReadOnlyList<ReturnModelOptions> Chosen,
    int Candidates);

namespace ReturnMonitor.Monitoring;

/// <summary>Out-of-fold probabilities of the domain classifier (<see cref="DomainClassifier.Probabilities"/>).</summary>
/// <param name="Reference">P(current | order) of each reference row, in table order, in [0, 1].</param>
/// <param name="Current">P(current | order) of each current (batch) row, in table order.</param>
/// <param name="RocAuc">Cross-validated ROC-AUC of the probabilities: 0.5 = indistinguishable.</param>
/// <param name="StandardError">Mann–Whitney standard error of the AUC under no shift, √((n₀ + n₁ + 1)/(12·n₀·n₁)).</param>
/// <param name="Threshold">max(0.5 + 2.326·SE, 0.55): the AUC from which a shift counts as detected.</param>
/// <param name="Shifted">AUC ≥ threshold.</param>
public sealed record DomainProbabilities(
    IReadOnlyList<double> Reference,
    IReadOnlyList<double> Current,
    double RocAuc,
    double StandardError,
    double Threshold,
    bool Shifted);

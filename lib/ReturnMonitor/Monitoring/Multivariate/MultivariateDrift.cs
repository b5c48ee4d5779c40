using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>Result of the domain classifier (<see cref="DomainClassifier"/>).</summary>
/// <param name="RocAuc">Cross-validated ROC-AUC of telling batch orders from reference orders: 0.5 = indistinguishable, 1 = fully separable.</param>
/// <param name="StandardError">Standard error of the AUC under no drift, √((n₀ + n₁ + 1)/(12·n₀·n₁)) (Mann–Whitney).</param>
/// <param name="Threshold">The AUC from which it alarms: max(0.5 + z·SE, the effect floor).</param>
/// <param name="Drifted">AUC ≥ threshold: the joint distribution of the features changed.</param>
/// <param name="ReferenceRows">Reference orders used (sampled down to the cap).</param>
/// <param name="CurrentRows">Batch orders used.</param>
/// <param name="Folds">Cross-validation folds.</param>
/// <param name="Drivers">Features ranked by how much the AUC drops when the feature is shuffled: what makes the batch recognisable.</param>
public sealed record MultivariateDrift(
    double RocAuc,
    double StandardError,
    double Threshold,
    bool Drifted,
    int ReferenceRows,
    int CurrentRows,
    int Folds,
    IReadOnlyList<FeatureImportance> Drivers);

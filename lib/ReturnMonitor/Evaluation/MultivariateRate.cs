namespace ReturnMonitor.Evaluation;

/// <summary>How often the domain classifier alarmed for one case and size, next to the per-feature batch alarm on the same batches.</summary>
/// <param name="Scenario">The case's name.</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="Alarms">Batches on which the domain classifier alarmed.</param>
/// <param name="PerFeatureAlarms">The same batches on which the per-feature decision alarmed (warning or critical).</param>
/// <param name="MeanRocAuc">Mean cross-validated ROC-AUC of the domain classifier.</param>
public sealed record MultivariateRate(string Scenario, int Size, Proportion Alarms, Proportion PerFeatureAlarms, double MeanRocAuc);

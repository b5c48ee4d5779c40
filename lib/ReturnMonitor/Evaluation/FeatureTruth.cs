namespace ReturnMonitor.Evaluation;

/// <summary>Whether a scenario really shifts a feature, measured on the generator itself.</summary>
/// <param name="Scenario">The case's name.</param>
/// <param name="Feature">The feature.</param>
/// <param name="PopulationPsi">PSI between two very large samples (baseline and this case): the size of the true shift, free of batch-size noise.</param>
/// <param name="Shifted">True when the population PSI reaches the moderate threshold (0.1): a shift the decision is meant to report.</param>
/// <param name="Unchanged">
/// True when the population PSI is below <see cref="DriftEvaluation.UnchangedPsi"/>: the feature is, for practical purposes, distributed as in
/// training. A feature neither shifted nor unchanged has a real but minor shift; flags on it count neither for nor against precision.
/// </param>
public sealed record FeatureTruth(string Scenario, string Feature, double PopulationPsi, bool Shifted, bool Unchanged);

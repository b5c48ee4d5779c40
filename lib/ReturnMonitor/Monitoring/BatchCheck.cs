using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>Everything known about one production batch after checking it.</summary>
/// <param name="Name">Batch name (file or scenario).</param>
/// <param name="Overview">Headline numbers of the batch.</param>
/// <param name="Drift">The drift report against the reference.</param>
/// <param name="Realized">The model's metrics on the batch when it is labelled and a model was given; else null.</param>
public sealed record BatchCheck(string Name, BatchOverview Overview, DriftReport Drift, ClassificationMetrics? Realized);

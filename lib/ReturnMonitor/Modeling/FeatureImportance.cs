namespace ReturnMonitor.Modeling;

/// <summary>Permutation importance of one feature: how much the test ROC-AUC drops when that column is shuffled.</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="RocAucDrop">Mean drop of ROC-AUC over the repeats (can be slightly negative for a useless feature).</param>
/// <param name="StandardDeviation">Standard deviation of the drop over the repeats.</param>
public sealed record FeatureImportance(string Feature, double RocAucDrop, double StandardDeviation);

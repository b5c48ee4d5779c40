namespace ReturnMonitor.Evaluation;

/// <summary>
/// Per-feature flags scored against the generator's ground truth (<see cref="FeatureTruth"/>) over every batch of every
/// case at one batch size: a flag on a truly shifted feature is a true positive, a flag on an unchanged one (including
/// every flag on a null batch) a false positive; flags on minor true shifts (population PSI between 0.01 and 0.1) are not counted, a missed shifted feature a false negative.
/// </summary>
/// <param name="Feature">The feature.</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="TruePositives">Flags on batches whose case truly shifts the feature.</param>
/// <param name="FalsePositives">Flags on batches whose case does not shift it.</param>
/// <param name="FalseNegatives">Batches whose case shifts the feature but the feature was not flagged.</param>
public sealed record FeatureAccuracy(string Feature, int Size, long TruePositives, long FalsePositives, long FalseNegatives)
{
    /// <summary>TP / (TP + FP); NaN when the feature was never flagged.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); NaN when no case shifts the feature.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? double.NaN : (double)TruePositives / (TruePositives + FalseNegatives);
}

namespace ReturnMonitor.Modeling;

/// <summary>What training produced, besides the model: the held-out metrics and the feature importances.</summary>
/// <param name="TrainRows">Orders used for training (80%).</param>
/// <param name="TestRows">Orders held out for testing (20%, stratified by <c>returned</c>).</param>
/// <param name="Test">Metrics on the held-out split at threshold 0.5.</param>
/// <param name="Importance">Permutation importance on the held-out split, most important first.</param>
/// <param name="Options">The model's hyper-parameters.</param>
public sealed record TrainingReport(int TrainRows, int TestRows, ClassificationMetrics Test, IReadOnlyList<FeatureImportance> Importance, ReturnModelOptions Options)
{
    /// <summary>Why the model is no use (<see cref="ModelUsefulness"/>), in plain sentences; empty for a useful model. Written to training.json.</summary>
    public IReadOnlyList<string> Warnings => ModelUsefulness.Warnings(Test);
}

using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>Checks batches against a fitted reference profile and, optionally, scores them with the model.</summary>
public sealed class BatchMonitor(ReferenceProfile profile, ReturnModel? model = null, DriftOptions? options = null)
{
    /// <summary>The reference the batches are compared with.</summary>
    public ReferenceProfile Profile { get; } = profile;

    /// <summary>Overview of the reference, for the deltas of the dashboard.</summary>
    public BatchOverview ReferenceOverview { get; } = BatchOverview.Of(profile.Summary);

    /// <summary>Checks one batch: drift always; realized model performance when the batch is labelled and a model is present.</summary>
    public BatchCheck Check(OrderTable batch)
    {
        var summary = DatasetSummary.Of(batch);
        var drift = Profile.Compare(summary, options);
        ClassificationMetrics? realized = null;
        if (model is not null && batch.HasTarget && batch.Count > 0)
        {
            realized = ClassificationMetrics.Compute(batch.Returned, model.PredictProbabilities(batch));
        }

        return new BatchCheck(batch.Source, BatchOverview.Of(summary), drift, realized);
    }
}

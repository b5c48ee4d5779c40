using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The one monitor of production batches: fitted once (a reference profile, and optionally a model with its
/// monitoring files), then applied to each batch. A check summarises the batch once, compares it with the profile,
/// scores it with the model once (every model section derives from that one scoring), and derives the findings from
/// the sections — the result is one <see cref="BatchCheck"/>.
/// </summary>
public sealed class BatchMonitor
{
    private readonly DriftOptions? options;

    /// <summary>A monitor for drift only (no model), or for drift and model health when <paramref name="model"/> is given.</summary>
    /// <param name="profile">The reference the batches are compared with.</param>
    /// <param name="model">The model-aware monitor (model, calibration, held-out scores, reference sample); null for drift only.</param>
    /// <param name="options">Drift thresholds; null for <see cref="DriftOptions.Default"/>.</param>
    public BatchMonitor(ReferenceProfile profile, ModelMonitor? model = null, DriftOptions? options = null)
    {
        Profile = profile;
        Model = model;
        this.options = options;
        ReferenceOverview = BatchOverview.Of(profile.Summary);
    }

    /// <summary>A monitor with everything a model folder holds: its profile as the reference, and its model and monitoring files.</summary>
    public BatchMonitor(ModelDirectory folder, DriftOptions? options = null)
        : this(folder.Profile, folder.Monitor, options)
    {
    }

    /// <summary>The reference the batches are compared with.</summary>
    public ReferenceProfile Profile { get; }

    /// <summary>The model-aware monitor, or null for drift-only checks.</summary>
    public ModelMonitor? Model { get; }

    /// <summary>Overview of the reference, for the deltas of the dashboard.</summary>
    public BatchOverview ReferenceOverview { get; }

    /// <summary>Whether model checks run the domain classifier (a few seconds per batch); true by default.</summary>
    public bool Multivariate { get; init; } = true;

    /// <summary>Checks a batch's orders: drift always; model health when the monitor has a model.</summary>
    /// <exception cref="ArgumentException">The batch has no orders.</exception>
    public BatchCheck Check(OrderTable batch)
    {
        var summary = DatasetSummary.Of(batch);
        var drift = Profile.Compare(summary, options);
        var model = Model?.Check(batch, Multivariate);
        return Assemble(batch.Source, summary, drift, model);
    }

    /// <summary>
    /// Checks a batch known only by its summary (a file streamed in bounded memory): drift and its findings. The model
    /// sections need the orders themselves, so <see cref="BatchCheck.Model"/> is null; use <see cref="Check(OrderTable)"/> for them.
    /// </summary>
    /// <exception cref="ArgumentException">The batch has no orders.</exception>
    public BatchCheck Check(DatasetSummary batch) => Assemble(batch.Source, batch, Profile.Compare(batch, options), null);

    private static BatchCheck Assemble(string name, DatasetSummary summary, DriftReport drift, ModelCheck? model) =>
        new(name, BatchOverview.Of(summary), drift, model, Recommendations.For(drift, model));
}

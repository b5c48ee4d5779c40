using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring.Sections;
using ReturnMonitor.Monitoring.Sections.Money;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The one monitor of production batches: fitted once (a reference profile, and optionally a model with its
/// monitoring files and a cost model), then applied to each batch. A check summarises the batch once, compares it with
/// the profile, scores it with the model once (every model section — performance, its reliability, money — derives
/// from that one scoring), checks the data quality (gaps, out-of-range and unseen values), and derives the findings
/// from the sections — the result is one <see cref="BatchCheck"/>. A batch with gaps (read with
/// <see cref="MissingCells.Allow"/>) is monitored, not rejected: drift on the present values, the gaps counted and
/// tested, and the model sections run on a copy with the gaps imputed (<see cref="MissingImputation"/>).
/// </summary>
public sealed class BatchMonitor
{
    /// <summary>The score from which the model's decision (an intervention) applies: the threshold of every metric.</summary>
    public const double DecisionThreshold = 0.5;

    private readonly DriftOptions? options;
    private readonly Lazy<EstimationReference?> estimation;
    private readonly Lazy<double> referenceCostPerOrder;

    /// <summary>A monitor for drift only (no model), or for drift, model health and money when <paramref name="model"/> is given.</summary>
    /// <param name="profile">The reference the batches are compared with.</param>
    /// <param name="model">The model-aware monitor (model, calibration, held-out orders, reference sample); null for drift only.</param>
    /// <param name="options">Drift thresholds; null for <see cref="DriftOptions.Default"/>.</param>
    /// <param name="costs">Costs of a return and of an intervention; null for the defaults (<see cref="CostModel.DefaultFor"/>: EUR for the demo's table, no currency for another).</param>
    public BatchMonitor(ReferenceProfile profile, ModelMonitor? model = null, DriftOptions? options = null, CostModel? costs = null)
    {
        Profile = profile;
        Model = model;
        Costs = costs ?? CostModel.DefaultFor(profile.Schema is null);
        this.options = options;
        // Fitted on first use (it scores the held-out orders and bootstraps the calibration), so drift-only use pays nothing.
        estimation = new Lazy<EstimationReference?>(() => model?.HeldOut is not { } heldOut ? null
            : model.Model is { } ours ? EstimationReference.Fit(ours, heldOut, model.Calibration, profile.Summary)
            : EstimationReference.Fit(heldOut, model.HeldOutScores, model.Calibration, profile.Summary));
        // The whole reference's cost when the folder keeps its returns; else the 5,000-order sample's (older folders).
        referenceCostPerOrder = new Lazy<double>(() => model?.ReferenceReturns is { } full
            ? full.CostPerOrder(Costs)
            : model?.ReferenceSample is { HasTarget: true } sample
            ? MoneyEstimator.RealizedCostPerOrder(Costs, sample, model.PriceFeature)
            : MoneyEstimator.RealizedCostPerOrder(Costs, model!.HeldOut!, model.PriceFeature));
    }

    /// <summary>A monitor with everything a model folder holds: its profile as the reference, and its model and monitoring files.</summary>
    public BatchMonitor(ModelDirectory folder, DriftOptions? options = null, CostModel? costs = null)
        : this(folder.Profile, folder.Monitor, options, costs)
    {
        Schema = folder.Schema;
    }

    /// <summary>The table's schema: its meanings decide which domain findings can fire. The demo's unless set (a folder's own for a folder).</summary>
    public DatasetSchema Schema { get; init; } = DemoSchema.Schema;

    /// <summary>The reference the batches are compared with.</summary>
    public ReferenceProfile Profile { get; }

    /// <summary>The model-aware monitor, or null for drift-only checks.</summary>
    public ModelMonitor? Model { get; }

    /// <summary>The cost model of the money section.</summary>
    public CostModel Costs { get; }

    /// <summary>Overview of the reference, for the deltas of the dashboard.</summary>
    public BatchOverview ReferenceOverview => BatchOverview.Of(Profile.Summary, Schema);

    /// <summary>
    /// Whether model checks run the domain classifiers (a few seconds per batch): the multivariate drift check and the
    /// reliability assessment of the estimates; true by default. Without them the money section is still computed.
    /// </summary>
    public bool Multivariate { get; init; } = true;

    /// <summary>
    /// The check sections computed for each batch, in order (<see cref="CheckSectionRegistry.Default"/>: model health);
    /// a new section is one <see cref="CheckSectionRegistry.With"/>.
    /// </summary>
    public CheckSectionRegistry Sections { get; init; } = CheckSectionRegistry.Default;

    /// <summary>The estimation reference fitted on the held-out orders (CBPE, reliability, money), or null without held-out orders.</summary>
    internal EstimationReference? Estimation => estimation.Value;

    /// <summary>The realized return cost per order of the reference (the reference sample, else the held-out orders), in <see cref="CostModel.Currency"/>.</summary>
    public double ReferenceCostPerOrder => referenceCostPerOrder.Value;

    /// <summary>
    /// Checks a batch's orders: drift and data quality always; model health, reliability and money when the monitor has a
    /// model, on a copy of the batch whose gaps are filled from the reference (<see cref="MissingImputation"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The batch has no orders.</exception>
    public BatchCheck Check(OrderTable batch) => Check(batch, null);

    /// <summary>
    /// Checks a batch's orders read from <paramref name="file"/>, which the monitor's score source may need (a score
    /// column is read from the file); otherwise as <see cref="Check(OrderTable)"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The batch has no orders.</exception>
    /// <exception cref="DataFormatException">A score in the file is missing or invalid.</exception>
    public BatchCheck Check(OrderTable batch, string? file)
    {
        var summary = DatasetSummary.Of(batch);
        var drift = Profile.Compare(summary, options);
        ModelCheck? model = null;
        OrderTable? scored = null;
        long imputed = 0;
        if (Model is not null)
        {
            // The model sections need every cell: gaps get the reference's median or mode, for scoring only (see MissingImputation).
            (scored, imputed) = MissingImputation.ForScoring(batch, Profile.Summary);
            // One scoring pass: a model scores the filled copy (as ours always did); a score column is read as it is.
            var scores = Model.ScoreSource.Score(Model.ScoreSource.UsesFeatures ? scored : batch, file);
            model = Assess(scored, Model.Check(scored, Multivariate, scores));
        }

        return Assemble(new SectionInput(batch.Source, batch, summary, drift, model, this, scored, imputed));
    }

    /// <summary>
    /// Checks a batch known only by its summary (a file streamed in bounded memory): drift, data quality and their findings. The model
    /// sections need the orders themselves, so <see cref="BatchCheck.Model"/> is null; use <see cref="Check(OrderTable)"/> for them.
    /// </summary>
    /// <exception cref="ArgumentException">The batch has no orders.</exception>
    public BatchCheck Check(DatasetSummary batch) => Assemble(new SectionInput(batch.Source, null, batch, Profile.Compare(batch, options), null, this));

    /// <summary>The reliability assessment of a model check, from the check's one scoring (money reads it: <see cref="MoneySection"/>).</summary>
    private ModelCheck Assess(OrderTable batch, ModelCheck model)
    {
        if (estimation.Value is not { } reference)
        {
            return model with { AssessmentSkipped = $"the model folder has no {HeldOutOrders.FileName} (written by 'train' since money and reliability were added): retrain it for the reliability check, the importance-weighted estimate, money and threshold advice" };
        }

        var scores = model.Scores as double[] ?? model.Scores.ToArray();
        // The assessment trains its own domain classifier (held-out orders vs batch, out-of-fold probabilities per
        // order): the multivariate check's classifier compares a different reference (a training-file sample) and
        // keeps no per-order probabilities, so it cannot supply the density ratios.
        var assessment = Multivariate ? reference.Assess(batch, scores, model.Estimated, model.DecisionThreshold) : null;
        return assessment is not null
            ? model with { Assessment = assessment }
            : model with { AssessmentSkipped = "the domain classifiers were switched off for this check (Multivariate = false)" };
    }

    /// <summary>Computes every registered section, then the findings from their values (a section that is not registered raises none).</summary>
    private BatchCheck Assemble(SectionInput input)
    {
        var sections = Sections.Sections
            .Select(s => s.Compute(input) is { } value ? new SectionResult(s, value) : null)
            .OfType<SectionResult>()
            .ToArray();
        // The rules cite money and data quality next to drift (a flash sale's extra cost), so they read the typed values.
        var advice = Recommendations.For(input.Drift, input.Model, SectionResult.Find<MoneyCheck>(sections)?.Money, SectionResult.Find<DataQuality>(sections), Schema);
        return new(input.Name, BatchOverview.Of(input.Summary, Schema), input.Drift, input.Model, advice) { Sections = sections };
    }
}

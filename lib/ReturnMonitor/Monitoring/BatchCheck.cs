using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring.Sections;
using ReturnMonitor.Monitoring.Sections.Money;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// Everything known about one production batch after checking it, built once by <see cref="BatchMonitor.Check(Data.OrderTable)"/>.
/// JSON, the terminal, the dashboard and a notebook cell are renderings of this one object; none of them recomputes a
/// section. A section that a check cannot produce (no model, or only a summary of the batch) is null, and every
/// renderer leaves a null section out. A new section is one unit — computation and renderings — registered with the
/// monitor (<see cref="ICheckSection"/>, <see cref="CheckSectionRegistry"/>); its value is kept in <see cref="Sections"/>
/// and the renderers draw it without knowing it. Model health, money and data quality are such units (the
/// <see cref="CheckSectionRegistry.Default"/>); <see cref="Model"/>, <see cref="Money"/> and <see cref="Quality"/> read
/// their values typed for the findings, the history and notebooks.
/// </summary>
/// <param name="Name">Batch name (file or scenario).</param>
/// <param name="Overview">Headline numbers of the batch.</param>
/// <param name="Drift">Per-feature drift, score and status against the reference profile.</param>
/// <param name="Model">
/// Model health (realized and estimated performance, prediction drift, domain classifier), when the monitor has a
/// model and the batch's orders (not only their summary) were checked; else null.
/// </param>
/// <param name="Recommendation">The findings about this batch and what to do, from every section above.</param>
public sealed record BatchCheck(string Name, BatchOverview Overview, DriftReport Drift, ModelCheck? Model, Recommendation Recommendation)
{
    /// <summary>
    /// The registered sections that have a value for this batch, in registration order (model health first by default,
    /// its value the same <see cref="Model"/>); JSON, terminal and dashboard render each through its own unit.
    /// </summary>
    public IReadOnlyList<SectionResult> Sections { get; init; } = [];

    /// <summary>
    /// The money section's value (<see cref="MoneySection"/>): what the batch's returns are expected to cost (with band,
    /// realized when labelled, extra vs the reference), what the model's decisions are worth and the threshold advice,
    /// under the monitor's <see cref="CostModel"/>; null without a model, when the model folder has no held-out orders,
    /// or when the section is not registered.
    /// </summary>
    public BatchMoney? Money => Value<MoneyCheck>()?.Money;

    /// <summary>
    /// The data-quality section's value (<see cref="Sections.Quality.DataQualitySection"/>): missing, out-of-range and
    /// unseen values per feature against the reference, with the alarm on a significant jump
    /// (<see cref="DataQualityCheck"/>); null only when the section is not registered.
    /// </summary>
    public DataQuality? Quality => Value<DataQuality>();

    /// <summary>The value of the first section whose value is a <typeparamref name="T"/>, or null.</summary>
    public T? Value<T>()
        where T : class => SectionResult.Find<T>(Sections);
}

using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Monitoring.Sections;

/// <summary>What a section computes from: the batch (its orders when checked from orders, always its summary), its drift report, and the monitor's one scoring pass.</summary>
/// <param name="Name">Batch name (file or scenario).</param>
/// <param name="Orders">The batch's orders as read (gaps kept); null when the batch was checked from its summary only.</param>
/// <param name="Summary">The batch's summary (exact counts and distributions per feature).</param>
/// <param name="Drift">The batch's drift report against the reference.</param>
/// <param name="Model">The model check from the monitor's one scoring pass (shared by model health, reliability and money); null without a model or orders.</param>
/// <param name="Monitor">The monitor: its reference profile, model and costs.</param>
/// <param name="Scored">The copy of the orders the model scored (gaps filled from the reference, <see cref="MissingImputation"/>); null without a model or orders.</param>
/// <param name="Imputed">Cells filled in <paramref name="Scored"/>.</param>
public sealed record SectionInput(string Name, OrderTable? Orders, DatasetSummary Summary, DriftReport Drift, ModelCheck? Model, BatchMonitor Monitor, OrderTable? Scored = null, long Imputed = 0);

namespace ReturnMonitor.Evaluation;

/// <summary>How often the data-quality alarm went off for one case and batch size.</summary>
/// <param name="Case">The case's name: <c>normal</c> (no gaps), <c>missing_values</c> (10% of a feature blanked), or a small-gap case.</param>
/// <param name="IsNull">True for the case without gaps, where <paramref name="Alarms"/> is the false-alarm rate.</param>
/// <param name="MissingShare">Share of the blanked feature's cells made empty in each batch (0 for the null case).</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="Alarms">Batches with a data-quality alarm on any feature, of all batches.</param>
/// <param name="BlankedFeatureAlarms">Batches whose alarm names the blanked feature (the one the case blanks; for the null case, the same feature).</param>
public sealed record DataQualityRate(string Case, bool IsNull, double MissingShare, int Size, Proportion Alarms, Proportion BlankedFeatureAlarms);

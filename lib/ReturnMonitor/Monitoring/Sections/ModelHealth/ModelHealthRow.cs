
namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>One metric of the model-health table (values as displayed, 3 decimals; the exact ones are in <see cref="ModelCheck"/>).</summary>
/// <param name="Metric">The metric's JSON name (rocAuc, accuracy, precision, recall, f1).</param>
/// <param name="Reference">Value on the held-out test split.</param>
/// <param name="Realized">Value on the batch's own labels, or "–" when unlabelled.</param>
/// <param name="Estimated">Value estimated without labels (CBPE).</param>
/// <param name="Band">The estimate's 95% band, "lower–upper" (see <see cref="ModelHealthTable"/> for which one).</param>
/// <param name="AlertOutside">The alert range for a batch of this size, "lower–upper".</param>
/// <param name="Alerting">Whether the estimate or the realized value falls outside the alert range.</param>
public sealed record ModelHealthRow(string Metric, string Reference, string Realized, string Estimated, string Band, string AlertOutside, bool Alerting);

namespace ReturnMonitor.Reporting;

/// <summary>One row of the human-readable feature drift table (values rounded for display; the exact ones are in <see cref="Drift.FeatureDrift"/>).</summary>
/// <param name="Feature">Feature name.</param>
/// <param name="Kind">numeric or categorical.</param>
/// <param name="Severity">none, moderate or severe.</param>
/// <param name="Psi">PSI, 3 decimals.</param>
/// <param name="Test">The texts of the statistics shown in the Test column (<see cref="Drift.StatisticColumn"/>), "; "-joined: "KS D=…" or "χ²=… (df …)" by default.</param>
/// <param name="AdjustedPValue">Benjamini–Hochberg adjusted p-value, 3 significant digits.</param>
/// <param name="Distance">The Distance column's statistics, "; "-joined: Wasserstein (and in reference standard deviations) or Jensen–Shannon by default.</param>
/// <param name="Change">The Change column's statistics (mean reference → current with the relative shift), then the categories never seen in training.</param>
public sealed record FeatureTableRow(string Feature, string Kind, string Severity, double Psi, string Test, string AdjustedPValue, string Distance, string Change);

using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>One model metric of a recorded batch: the label-free estimate with its sampling band and alert range, and the realized value when labels were there.</summary>
/// <param name="Metric">JSON name of the metric: rocAuc, accuracy, precision, recall, f1.</param>
/// <param name="Estimated">Estimated value (CBPE), in [0, 1].</param>
/// <param name="BandLower">2.5th percentile of the realized value expected from sampling alone.</param>
/// <param name="BandUpper">97.5th percentile of the same.</param>
/// <param name="AlertLower">Lower alert threshold (reference chunks' mean − 3σ).</param>
/// <param name="AlertUpper">Upper alert threshold (mean + 3σ).</param>
/// <param name="Realized">Realized value on the batch's labels; null when unlabelled.</param>
public sealed record HistoryMetric(string Metric, double Estimated, double BandLower, double BandUpper, double AlertLower, double AlertUpper, double? Realized);

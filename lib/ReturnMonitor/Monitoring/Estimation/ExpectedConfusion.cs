namespace ReturnMonitor.Monitoring;

/// <summary>Expected confusion-matrix counts of a batch (sums of calibrated probabilities, so not whole numbers).</summary>
/// <param name="TrueNegatives">Σ (1 − p) over orders predicted kept.</param>
/// <param name="FalsePositives">Σ (1 − p) over orders predicted returned.</param>
/// <param name="FalseNegatives">Σ p over orders predicted kept.</param>
/// <param name="TruePositives">Σ p over orders predicted returned.</param>
public sealed record ExpectedConfusion(double TrueNegatives, double FalsePositives, double FalseNegatives, double TruePositives);

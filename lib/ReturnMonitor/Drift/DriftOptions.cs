namespace ReturnMonitor.Drift;

/// <summary>Thresholds of the drift decision. The defaults are the documented ones (docs/statistics-and-drift-decision.md, "Drift decision").</summary>
/// <param name="Alpha">Significance level applied to corrected p-values.</param>
/// <param name="Correction">Multiple-testing correction across the batch's features.</param>
/// <param name="ModeratePsi">PSI from which a significant drift is moderate.</param>
/// <param name="SeverePsi">PSI from which a significant drift is severe.</param>
/// <param name="WarningScore">Score from which the status is warning.</param>
/// <param name="CriticalScore">Score from which the status is critical.</param>
public sealed record DriftOptions(
    double Alpha = 0.05,
    PValueCorrection Correction = PValueCorrection.BenjaminiHochberg,
    double ModeratePsi = 0.1,
    double SeverePsi = 0.2,
    double WarningScore = 10,
    double CriticalScore = 20)
{
    /// <summary>The default thresholds.</summary>
    public static DriftOptions Default { get; } = new();
}

namespace ReturnMonitor.Evaluation;

/// <summary>How often the estimated accuracy's band held the realized accuracy, monitoring from a score column (<see cref="ScoreColumnEvaluation"/>).</summary>
/// <param name="References">Independently drawn references (model, scored validation file).</param>
/// <param name="Batches">Normal batches checked, over all references.</param>
/// <param name="BatchSize">Orders per batch.</param>
/// <param name="Held">Batches whose reported accuracy band (<c>performance.assessed.accuracy</c>) contained the realized accuracy.</param>
/// <param name="MeanAbsoluteError">Mean |estimated − realized| accuracy.</param>
/// <param name="MeanError">Mean estimated − realized accuracy (the bias).</param>
public sealed record ScoreColumnCoverage(int References, int Batches, int BatchSize, int Held, double MeanAbsoluteError, double MeanError)
{
    /// <summary>The target of issue 21: the band holds the realized accuracy in at least 90% of normal batches.</summary>
    public const double Target = 0.9;

    /// <summary>Share of batches whose band held the realized accuracy, in [0, 1].</summary>
    public double Rate => Batches == 0 ? double.NaN : (double)Held / Batches;

    /// <summary>Whether <see cref="Rate"/> meets <see cref="Target"/>.</summary>
    public bool Met => Rate >= Target;
}

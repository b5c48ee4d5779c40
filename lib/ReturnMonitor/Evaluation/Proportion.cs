namespace ReturnMonitor.Evaluation;

/// <summary>
/// A rate measured by simulation: <paramref name="Hits"/> of <paramref name="Trials"/>, with the Wilson score 95%
/// interval (it stays inside [0, 1] and is not degenerate at 0 or 100%, unlike the normal approximation).
/// </summary>
/// <param name="Hits">Trials in which the event happened.</param>
/// <param name="Trials">Trials run.</param>
public sealed record Proportion(long Hits, long Trials)
{
    private const double Z95 = 1.959963984540054;

    /// <summary>Hits / trials; NaN for no trials.</summary>
    public double Rate => Trials == 0 ? double.NaN : (double)Hits / Trials;

    /// <summary>Lower end of the Wilson 95% interval.</summary>
    public double Lower => Wilson().Lower;

    /// <summary>Upper end of the Wilson 95% interval.</summary>
    public double Upper => Wilson().Upper;

    private (double Lower, double Upper) Wilson()
    {
        if (Trials == 0)
        {
            return (double.NaN, double.NaN);
        }

        double n = Trials;
        var p = Hits / n;
        var z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

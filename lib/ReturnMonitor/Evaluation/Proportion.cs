using ReturnMonitor.Drift;

namespace ReturnMonitor.Evaluation;

/// <summary>
/// A rate measured by simulation: <paramref name="Hits"/> of <paramref name="Trials"/>, with the Wilson score 95%
/// interval (it stays inside [0, 1] and is not degenerate at 0 or 100%, unlike the normal approximation).
/// </summary>
/// <param name="Hits">Trials in which the event happened.</param>
/// <param name="Trials">Trials run.</param>
public sealed record Proportion(long Hits, long Trials)
{
    /// <summary>Hits / trials; NaN for no trials.</summary>
    public double Rate => Trials == 0 ? double.NaN : (double)Hits / Trials;

    /// <summary>Lower end of the Wilson 95% interval.</summary>
    public double Lower => TwoProportionTest.Wilson(Hits, Trials).Lower;

    /// <summary>Upper end of the Wilson 95% interval.</summary>
    public double Upper => TwoProportionTest.Wilson(Hits, Trials).Upper;
}

using MathNet.Numerics;

namespace ReturnMonitor.Drift;

/// <summary>
/// Compares two rates, e.g. the return rate of the reference and of a batch. The test is the pooled two-proportion
/// z-test (z = (p₁ − p₂)/√(p̄(1 − p̄)(1/n₁ + 1/n₂)), two-sided p-value from the normal distribution); the 95%
/// interval of the difference p₂ − p₁ is Newcombe's hybrid score interval (method 10 of Newcombe 1998), built from the
/// Wilson intervals of each rate — unlike the Wald interval it stays sensible for rates near 0 or 1 and small samples.
/// </summary>
public static class TwoProportionTest
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Compares <paramref name="currentHits"/>/<paramref name="currentCount"/> with <paramref name="referenceHits"/>/<paramref name="referenceCount"/>.</summary>
    /// <exception cref="ArgumentException">A count is not positive or hits exceed it.</exception>
    public static TwoProportionResult Compare(long referenceHits, long referenceCount, long currentHits, long currentCount)
    {
        if (referenceCount < 1 || currentCount < 1 || referenceHits < 0 || currentHits < 0 || referenceHits > referenceCount || currentHits > currentCount)
        {
            throw new ArgumentException($"not two proportions: {referenceHits}/{referenceCount} and {currentHits}/{currentCount}");
        }

        double n1 = referenceCount, n2 = currentCount;
        var p1 = referenceHits / n1;
        var p2 = currentHits / n2;
        var pooled = (referenceHits + currentHits) / (n1 + n2);
        var se = Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        var z = se > 0 ? (p2 - p1) / se : 0;
        var pValue = se > 0 ? SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)) : 1;
        var (l1, u1) = Wilson(referenceHits, referenceCount);
        var (l2, u2) = Wilson(currentHits, currentCount);
        var difference = p2 - p1;
        var lower = difference - Math.Sqrt((p2 - l2) * (p2 - l2) + (u1 - p1) * (u1 - p1));
        var upper = difference + Math.Sqrt((u2 - p2) * (u2 - p2) + (p1 - l1) * (p1 - l1));
        return new TwoProportionResult(p1, p2, difference, z, pValue, lower, upper);
    }

    /// <summary>The Wilson score 95% interval of <paramref name="hits"/>/<paramref name="count"/>: inside [0, 1], not degenerate at 0 or 1.</summary>
    public static (double Lower, double Upper) Wilson(long hits, long count, double z = Z95)
    {
        if (count < 1)
        {
            return (double.NaN, double.NaN);
        }

        double n = count;
        var p = hits / n;
        var z2 = z * z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}

namespace ReturnMonitor.Data;

/// <summary>
/// A small deterministic pseudo-random generator (xoshiro256**, seeded through SplitMix64) with the samplers the
/// order generator needs. Its own algorithm rather than <see cref="Random"/> so that a seed means the same stream
/// on every .NET version and machine.
/// </summary>
public sealed class RandomSource
{
    private ulong s0, s1, s2, s3;
    private double? spareNormal;

    public RandomSource(ulong seed)
    {
        var x = seed;
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>A seed derived from a base seed and a name (FNV-1a of the name mixed into the seed), stable everywhere — unlike string.GetHashCode.</summary>
    public static ulong DeriveSeed(ulong seed, string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        var x = seed ^ hash;
        return SplitMix(ref x);
    }

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [minInclusive, maxExclusive).</summary>
    public int NextInt(int minInclusive, int maxExclusive)
    {
        var range = (ulong)(maxExclusive - minInclusive);
        // Lemire's nearly-divisionless method would be faster; the modulo bias of 2^64 mod range is < 1e-17 here.
        return minInclusive + (int)(NextUInt64() % range);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p) => NextDouble() < p;

    /// <summary>Standard normal (Marsaglia's polar method).</summary>
    public double Normal()
    {
        if (spareNormal is { } spare)
        {
            spareNormal = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        }
        while (s >= 1 || s == 0);

        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>Normal with the given mean and standard deviation.</summary>
    public double Normal(double mean, double standardDeviation) => mean + standardDeviation * Normal();

    /// <summary>Poisson count with mean <paramref name="lambda"/> (Knuth's product method; fine for the small means used here).</summary>
    public int Poisson(double lambda)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        var product = NextDouble();
        while (product > limit)
        {
            k++;
            product *= NextDouble();
        }

        return k;
    }

    /// <summary>Number of successes in <paramref name="trials"/> Bernoulli(<paramref name="p"/>) trials.</summary>
    public int Binomial(int trials, double p)
    {
        var k = 0;
        for (var i = 0; i < trials; i++)
        {
            k += NextDouble() < p ? 1 : 0;
        }

        return k;
    }

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/>.</summary>
    public int Choose(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var u = NextDouble() * total;
        for (var i = 0; i < weights.Length - 1; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

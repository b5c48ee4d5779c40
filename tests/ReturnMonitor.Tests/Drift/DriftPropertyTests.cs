using FsCheck;
using FsCheck.Xunit;
using ReturnMonitor.Drift;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Drift;

/// <summary>
/// Properties of the kernels on arbitrary samples. Samples are small integers divided by 4, so ties and repeated
/// values are frequent (as in real count/price columns) and every statistic is exactly reproducible.
/// </summary>
public sealed class DriftPropertyTests
{
    private static double[] Sample(NonEmptyArray<int> values) => values.Get.Select(v => (v % 200) / 4.0).ToArray();

    private static EmpiricalDistribution Dist(NonEmptyArray<int> values) => EmpiricalDistribution.FromSample(Sample(values));

    [Property]
    public bool KsOfASampleWithItselfIsZeroWithPOne(NonEmptyArray<int> a)
    {
        var r = KolmogorovSmirnovTest.TwoSample(Dist(a), Dist(a));
        return r.Statistic == 0 && r.PValue == 1.0 && r.Exact;
    }

    [Property]
    public bool KsIsSymmetricAndInRange(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        var ab = KolmogorovSmirnovTest.TwoSample(Dist(a), Dist(b));
        var ba = KolmogorovSmirnovTest.TwoSample(Dist(b), Dist(a));
        return ab.Statistic == ba.Statistic && ab.PValue == ba.PValue
            && ab.Statistic is >= 0 and <= 1 && ab.PValue is >= 0 and <= 1;
    }

    [Property]
    public bool KsStatisticIsMaxEcdfGap(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        // Independent definition: sup over all observed points of |F_a − F_b| from the raw arrays.
        var x = Sample(a);
        var y = Sample(b);
        var d = x.Concat(y).Max(t => Math.Abs(x.Count(v => v <= t) / (double)x.Length - y.Count(v => v <= t) / (double)y.Length));
        var r = KolmogorovSmirnovTest.TwoSample(x, y);
        return Math.Abs(r.Statistic - d) < 1e-12;
    }

    [Property]
    public bool PermutingTheSampleChangesNothing(NonEmptyArray<int> a, NonEmptyArray<int> b, int seed)
    {
        var x = Sample(a);
        var y = Sample(b);
        var shuffled = x.ToArray();
        new Random(seed).Shuffle(shuffled);
        var r1 = KolmogorovSmirnovTest.TwoSample(x, y);
        var r2 = KolmogorovSmirnovTest.TwoSample(shuffled, y);
        var ref1 = EmpiricalDistribution.FromSample(x);
        var ref2 = EmpiricalDistribution.FromSample(shuffled);
        var cur = EmpiricalDistribution.FromSample(y);
        return r1 == r2
            && WassersteinDistance.Compute(ref1, cur) == WassersteinDistance.Compute(ref2, cur)
            && PopulationStabilityIndex.Numeric(ref1, cur) == PopulationStabilityIndex.Numeric(ref2, cur)
            && JensenShannonDistance.Numeric(ref1, cur) == JensenShannonDistance.Numeric(ref2, cur);
    }

    [Property]
    public bool CombineOfSplitSamplesGivesTheSameStatistics(NonEmptyArray<int> a, NonEmptyArray<int> b, PositiveInt cut)
    {
        var x = Sample(a);
        var k = cut.Get % (x.Length + 1);
        var whole = EmpiricalDistribution.FromSample(x);
        var combined = EmpiricalDistribution.Combine(EmpiricalDistribution.FromSample(x.AsSpan(0, k)), EmpiricalDistribution.FromSample(x.AsSpan(k)));
        var cur = Dist(b);
        return whole.Values.SequenceEqual(combined.Values) && whole.Counts.SequenceEqual(combined.Counts)
            && whole.Count == combined.Count
            && KolmogorovSmirnovTest.TwoSample(whole, cur) == KolmogorovSmirnovTest.TwoSample(combined, cur)
            && WassersteinDistance.Compute(whole, cur) == WassersteinDistance.Compute(combined, cur)
            && PopulationStabilityIndex.Numeric(whole, cur) == PopulationStabilityIndex.Numeric(combined, cur)
            && Math.Abs(whole.Mean - combined.Mean) < 1e-9;
    }

    [Property]
    public bool PsiIsNonNegativeAndZeroForIdenticalSamples(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        var x = Dist(a);
        var y = Dist(b);
        return PopulationStabilityIndex.Numeric(x, y) >= 0 && PopulationStabilityIndex.Numeric(x, x) == 0;
    }

    [Property]
    public bool BinProportionsCountEveryValue(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        var x = Dist(a);
        var y = Dist(b);
        var edges = PopulationStabilityIndex.DecileEdges(x);
        var p = PopulationStabilityIndex.BinProportions(y, edges);
        return Math.Abs(p.Sum() - 1) < 1e-12 && p.All(v => v >= 0) && p.Length == (edges.Length == 1 ? 3 : edges.Length - 1);
    }

    [Property]
    public bool JensenShannonIsSymmetricAndInUnitInterval(NonEmptyArray<int> a, NonEmptyArray<int> b)
    {
        var x = Dist(a);
        var y = Dist(b);
        var ab = JensenShannonDistance.Numeric(x, y);
        var direct = JensenShannonDistance.Compute(PopulationStabilityIndex.BinProportions(x, PopulationStabilityIndex.DecileEdges(x)),
            PopulationStabilityIndex.BinProportions(y, PopulationStabilityIndex.DecileEdges(x)));
        var swapped = JensenShannonDistance.Compute(PopulationStabilityIndex.BinProportions(y, PopulationStabilityIndex.DecileEdges(x)),
            PopulationStabilityIndex.BinProportions(x, PopulationStabilityIndex.DecileEdges(x)));
        return ab is >= 0 and <= 1 && ab == direct && Math.Abs(direct - swapped) < 1e-15 && JensenShannonDistance.Numeric(x, x) == 0;
    }

    [Property]
    public bool CategoricalKernelsAreConsistent(NonEmptyArray<byte> a, NonEmptyArray<byte> b)
    {
        var x = CategoryCounts.FromValues(a.Get.Select(v => ((char)('a' + v % 6)).ToString()));
        var y = CategoryCounts.FromValues(b.Get.Select(v => ((char)('a' + v % 7)).ToString()));
        var js = JensenShannonDistance.Categorical(x, y);
        var chi = ChiSquareTest.Homogeneity(x, y);
        var (categories, _, _) = CategoryCounts.Align(x, y);
        return js is >= 0 and <= 1 && Math.Abs(js - JensenShannonDistance.Categorical(y, x)) < 1e-15
            && PopulationStabilityIndex.Categorical(x, y) >= 0 && PopulationStabilityIndex.Categorical(x, x) == 0
            && chi.Statistic >= 0 && chi.PValue is >= 0 and <= 1 && chi.DegreesOfFreedom == categories.Length - 1
            && Math.Abs(chi.Statistic - ChiSquareTest.Homogeneity(y, x).Statistic) < 1e-9
            && ChiSquareTest.Homogeneity(x, x).Statistic < 1e-12;
    }

    [Property]
    public bool WassersteinIsSymmetricNonNegativeAndMatchesSortedPairingForEqualSizes(NonEmptyArray<int> a, int seed)
    {
        var x = Sample(a);
        var random = new Random(seed);
        var y = x.Select(v => v + random.Next(-5, 6) / 4.0).ToArray();
        var wxy = WassersteinDistance.Compute(x, y);
        var wyx = WassersteinDistance.Compute(y, x);
        // For equal sizes, W1 = mean |x_(i) − y_(i)| over order statistics (an independent formula).
        var sx = x.Order().ToArray();
        var sy = y.Order().ToArray();
        var paired = sx.Zip(sy, (p, q) => Math.Abs(p - q)).Sum() / x.Length;
        return wxy >= 0 && wxy == wyx && Math.Abs(wxy - paired) < 1e-9 && WassersteinDistance.Compute(x, x) == 0;
    }
}

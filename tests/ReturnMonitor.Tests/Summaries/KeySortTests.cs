using ReturnMonitor.Summaries;

namespace ReturnMonitor.Tests.Summaries;

/// <summary>
/// The radix sort behind the continuous-column chunks gives bit for bit the order of the comparison sort, on the values
/// that reach it (no NaN, −0 folded to 0): negatives, zero, subnormals, infinities, ties, one binade or many.
/// </summary>
public class KeySortTests
{
    [Theory]
    [InlineData(5000, 1)]
    [InlineData(1 << 18, 2)]
    [InlineData(100, 3)]
    public void Radix_order_equals_the_comparison_sort_bit_for_bit(int length, int seed)
    {
        var random = new Random(seed);
        double[] special = [0.0, double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, 1e-310, -1e-310];
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (i % 5) switch
            {
                0 => Math.Round(random.NextDouble() * 1000, 6),
                1 => -Math.Round(random.NextDouble() * 50, 2),
                2 => special[random.Next(special.Length)],
                3 => Math.Round(300 + random.NextDouble(), 6), // one binade: the high digits are all equal
                _ => Math.Round(random.NextDouble() * 3, 1), // many ties
            };
            values[i] = values[i] == 0 ? 0.0 : values[i]; // −0 is folded before sorting, as the counter does
        }

        var expected = (double[])values.Clone();
        Array.Sort(expected);
        KeySort.Sort(values);
        Assert.Equal(expected.Select(BitConverter.DoubleToInt64Bits), values.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void A_chunk_of_one_binade_sorts_as_the_comparison_sort()
    {
        // Every value in [256, 512): sign and exponent digits are shared and skipped, the rest still sorts.
        var random = new Random(4);
        var values = Enumerable.Range(0, 10_000).Select(_ => 256 + Math.Round(random.NextDouble() * 256, 6)).ToArray();
        var expected = (double[])values.Clone();
        Array.Sort(expected);
        KeySort.Sort(values);
        Assert.Equal(expected, values);
    }
}

using System.Globalization;
using System.Text;
using ReturnMonitor.Data;

namespace ReturnMonitor.Benchmarks;

/// <summary>
/// <c>continuous OUT.csv ROWS SEED [SHIFT]</c>: writes an order file in the demo's columns whose seven numeric features
/// are continuous (gamma and uniform draws written with 6 decimals, so nearly every value is distinct) — the data on
/// which exact per-value counting is at its most expensive. Seeded and deterministic (System.Random with the seed);
/// SHIFT (default 0) scales prices and delivery times by 1 + SHIFT and moves discounts up by 10·SHIFT points, for a
/// drifted batch. The categorical columns and the label are drawn uniformly / with probability 0.25.
/// </summary>
internal static class ContinuousData
{
    public static int Generate(string[] args)
    {
        var path = args[0];
        var rows = long.Parse(args[1], CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
        var shift = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.0;
        using var output = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        output.Write(string.Join(",", OrderSchema.ColumnOrder) + "\n");
        var line = new StringBuilder(160);
        for (long r = 0; r < rows; r++)
        {
            line.Clear();
            Number(line, Gamma(random, 2.0, 30.0) * (1 + shift));                  // product_price
            Number(line, Gamma(random, 1.5, 4.0));                                 // customer_purchase_history
            Number(line, 1 + 4 * random.NextDouble());                             // review_rating, in [1, 5]
            Number(line, Gamma(random, 3.0, 1.5) * (1 + shift));                   // delivery_time_days
            Number(line, Math.Min(100, 60 * random.NextDouble() + 10 * shift));    // discount_percentage, in [0, 100]
            Number(line, Gamma(random, 1.0, 1.2));                                 // previous_returns
            Number(line, 90 * random.NextDouble());                                // days_since_purchase
            line.Append(random.NextDouble() < 0.25 ? '1' : '0').Append(',');
            line.Append(OrderSchema.Categories[random.Next(OrderSchema.Categories.Count)]).Append(',');
            line.Append(OrderSchema.Sizes[random.Next(OrderSchema.Sizes.Count)]).Append('\n');
            output.Write(line);
        }

        return 0;
    }

    private static void Number(StringBuilder line, double value) =>
        line.Append(Math.Max(0, value).ToString("F6", CultureInfo.InvariantCulture)).Append(',');

    // Marsaglia–Tsang for shape ≥ 1, with Box–Muller normals: a deterministic function of the seeded stream.
    private static double Gamma(Random random, double shape, double scale)
    {
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var v = Math.Pow(1 + c * z, 3);
            if (v <= 0)
            {
                continue;
            }

            var u = random.NextDouble();
            if (Math.Log(1 - u) < 0.5 * z * z + d - d * v + d * Math.Log(v))
            {
                return d * v * scale;
            }
        }
    }
}

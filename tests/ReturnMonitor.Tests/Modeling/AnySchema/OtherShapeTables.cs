using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Modeling.AnySchema;

/// <summary>
/// Seeded tables of a shape that is not the demo's: three numeric features (<c>basket_value</c>, <c>tenure_days</c> with
/// gaps, <c>items</c>) and two categorical ones (<c>channel</c> with gaps, <c>sku</c> of 5,000 values). Returns depend
/// on the basket value, the channel and on whether the tenure is missing (a guest checkout), so a model that reads the
/// table's own features, keeps the gaps' meaning and buckets the SKUs can learn them.
/// </summary>
internal static class OtherShapeTables
{
    public static readonly FeatureDefinition[] Features =
    [
        new("basket_value", FeatureKind.Numeric, "basket value"),
        new("channel", FeatureKind.Categorical, "sales channel"),
        new("tenure_days", FeatureKind.Numeric, "days since sign-up; empty for a guest"),
        new("sku", FeatureKind.Categorical, "stock code"),
        new("items", FeatureKind.Numeric, "items in the basket"),
    ];

    private static readonly string[] Channels = ["web", "app", "store", "phone"];

    /// <summary>A labelled table of <paramref name="count"/> orders; <paramref name="valueShift"/> adds to every basket value.</summary>
    public static OrderTable Create(int count, int seed, double valueShift = 0, string? constantChannel = null)
    {
        var random = new Random(seed);
        var value = new double[count];
        var tenure = new double[count];
        var items = new double[count];
        var channel = new string[count];
        var sku = new string[count];
        var returned = new bool[count];
        for (var i = 0; i < count; i++)
        {
            value[i] = Math.Round(20 + 200 * random.NextDouble() + valueShift, 2);
            var guest = random.NextDouble() < 0.25;
            tenure[i] = guest ? double.NaN : random.Next(0, 2000);
            items[i] = random.Next(1, 6);
            channel[i] = constantChannel ?? (random.NextDouble() < 0.05 ? OrderTable.MissingCategory : Channels[random.Next(Channels.Length)]);
            sku[i] = "SKU" + random.Next(0, 5000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            var logit = -2.5 + 0.012 * (value[i] - 120) + (guest ? 2.0 : 0) + (channel[i] == "app" ? 1.2 : 0);
            returned[i] = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
        }

        return new OrderTable(
            $"other-shape-{seed}",
            Features,
            new Dictionary<string, double[]> { ["basket_value"] = value, ["tenure_days"] = tenure, ["items"] = items },
            new Dictionary<string, string[]> { ["channel"] = channel, ["sku"] = sku },
            returned);
    }
}

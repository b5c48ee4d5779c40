using System.Globalization;
using System.Text;

namespace ReturnMonitor.Data.Generation;

/// <summary>
/// "A second shop": a seeded order file of another shape than the demo's, for trying the tool on a table it does not
/// know (notebook 07) while public rows may not be committed. One row per order of 2024, months of unequal size (from
/// 350 in February to about 1,500 in December, as real months differ), with the columns a real export has:
/// <c>order_id</c> (unique), <c>InvoiceDate</c> (<c>M/d/yyyy H:mm</c>, as the UCI Online Retail file writes it),
/// <c>Country</c>, <c>channel</c>, <c>payment_method</c>, <c>Quantity</c>, <c>UnitPrice</c> (with cents),
/// <c>customer_tenure_days</c> (about 3% empty: a guest checkout has no customer record), a free-text <c>note</c> and
/// the text label <c>Return_Status</c> (<c>Returned</c>/<c>Kept</c>). From October on the shop changes: more mobile
/// orders, a new payment method (<c>bnpl</c>, buy now pay later), prices about 15% higher and more new customers, and
/// returns rise with them. Nothing here is the demo's return behaviour; it is invented for the notebook, stated as such.
/// The same seed writes byte-identical files (invariant culture, LF line ends, rows in time order).
/// </summary>
public static class SecondShop
{
    /// <summary>The seed the committed files under <c>data/second-shop/</c> were written with.</summary>
    public const ulong DefaultSeed = 20240101;

    /// <summary>The header, in file order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["order_id", "InvoiceDate", "Country", "channel", "payment_method", "Quantity", "UnitPrice", "customer_tenure_days", "note", "Return_Status"];

    /// <summary>The first month of the change (October 2024).</summary>
    public const int DriftMonth = 10;

    // Orders per month, January to December: uneven, as real months are (a quiet February, a busy December).
    private static readonly int[] MonthlyOrders = [520, 350, 480, 560, 610, 540, 500, 470, 650, 780, 1100, 1500];

    private static readonly string[] Countries = ["Germany", "France", "Netherlands", "Belgium", "Austria", "Spain"];
    private static readonly double[] CountryWeights = [0.40, 0.22, 0.14, 0.10, 0.08, 0.06];
    private static readonly string[] Channels = ["web", "mobile", "marketplace"];
    private static readonly string[] Payments = ["card", "paypal", "invoice", "bnpl"];

    private static readonly string[] NoteStarts = ["please leave", "deliver to", "gift for", "call before", "ring the", "no plastic"];
    private static readonly string[] NoteEnds = ["the back door please", "my neighbour next door", "a birthday next week", "delivery after six", "bell twice thanks", "packaging if possible"];

    /// <summary>The orders of months <paramref name="firstMonth"/> to <paramref name="lastMonth"/> of 2024 as CSV text (header included).</summary>
    public static string Csv(int firstMonth, int lastMonth, ulong seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastMonth, 12);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstMonth, lastMonth);
        var text = new StringBuilder(string.Join(',', Columns)).Append('\n');
        var id = 100000 + MonthlyOrders.Take(firstMonth - 1).Sum();
        for (var month = firstMonth; month <= lastMonth; month++)
        {
            // Each month has its own stream, so a file of some months holds the same rows as the whole year's file.
            var random = new RandomSource(RandomSource.DeriveSeed(seed, $"second-shop/{month}"));
            var days = DateTime.DaysInMonth(2024, month);
            var times = Enumerable.Range(0, MonthlyOrders[month - 1])
                .Select(_ => new DateTime(2024, month, 1).AddMinutes(random.NextInt(0, days * 24 * 60)))
                .Order()
                .ToArray();
            foreach (var time in times)
            {
                AppendOrder(text, ++id, time, month >= DriftMonth, random);
            }
        }

        return text.ToString();
    }

    /// <summary>Writes <c>reference.csv</c> (January to June) and <c>current.csv</c> (July to December) into <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Write(string directory, ulong seed = DefaultSeed)
    {
        Directory.CreateDirectory(directory);
        var reference = Path.Combine(directory, "reference.csv");
        var current = Path.Combine(directory, "current.csv");
        File.WriteAllText(reference, Csv(1, 6, seed), new UTF8Encoding(false));
        File.WriteAllText(current, Csv(7, 12, seed), new UTF8Encoding(false));
        return [reference, current];
    }

    private static void AppendOrder(StringBuilder text, int id, DateTime time, bool changed, RandomSource random)
    {
        var country = Countries[random.Choose(CountryWeights)];
        var channel = Channels[random.Choose(changed ? [0.35, 0.50, 0.15] : [0.55, 0.25, 0.20])];
        var payment = Payments[random.Choose(changed ? [0.35, 0.25, 0.15, 0.25] : [0.45, 0.35, 0.20, 0.0])];
        var quantity = 1 + random.Poisson(channel == "marketplace" ? 2.0 : 0.8);
        var price = Math.Round(Math.Exp(random.Normal(3.0, 0.6)) * (changed ? 1.15 : 1.0), 2);
        var tenure = (int)Math.Min(3650, Math.Round(-Math.Log(1 - random.NextDouble()) * (changed ? 250 : 420)));
        var guest = random.Bernoulli(0.03);
        var note = random.Bernoulli(0.4) ? $"{NoteStarts[random.NextInt(0, NoteStarts.Length)]} {NoteEnds[random.NextInt(0, NoteEnds.Length)]}" : "";

        // Invented return behaviour: new customers, mobile orders, deferred payment and expensive items come back more.
        var logit = -2.4 + (channel == "mobile" ? 0.6 : 0) + (payment is "invoice" or "bnpl" ? 0.7 : 0) + (0.35 * Math.Log(price / 20))
            + (guest ? 0.3 : -0.5 * Math.Min(tenure, 1500) / 365.0 + 0.4) + (quantity > 3 ? 0.4 : 0) + (country == "Germany" ? 0.3 : 0);
        var returned = random.Bernoulli(1 / (1 + Math.Exp(-logit)));

        var c = CultureInfo.InvariantCulture;
        text.Append(id.ToString(c)).Append(',')
            .Append(time.ToString("M/d/yyyy H:mm", c)).Append(',')
            .Append(country).Append(',').Append(channel).Append(',').Append(payment).Append(',')
            .Append(quantity.ToString(c)).Append(',')
            .Append(price.ToString("0.00", c)).Append(',')
            .Append(guest ? "" : tenure.ToString(c)).Append(',')
            .Append(note).Append(',')
            .Append(returned ? "Returned" : "Kept").Append('\n');
    }
}

using System.Globalization;

namespace ReturnMonitor.Monitoring;

/// <summary>The extra return cost of a batch vs the reference, as the findings cite it.</summary>
/// <param name="Basis">"realized" (labelled batch), "importance-weighted" or "expected" (label-free estimates).</param>
/// <param name="Currency">Money unit of the cost model.</param>
/// <param name="Orders">Orders in the batch.</param>
/// <param name="PerOrder">Extra cost per order (negative: cheaper than the reference), in <paramref name="Currency"/>.</param>
/// <param name="Significant">Whether it exceeds the noise (1.96 standard errors of the batch's expected cost).</param>
public sealed record ExtraCost(string Basis, string Currency, int Orders, double PerOrder, bool Significant)
{
    /// <summary>"this batch's returns are expected to cost EUR 2,247 more than usual per 1,000 orders (EUR 2,247 for its 1000 orders)".</summary>
    public string Sentence
    {
        get
        {
            var verb = Basis switch
            {
                "realized" => "cost",
                "importance-weighted" => "are expected (importance-weighted estimate) to cost",
                _ => "are expected to cost",
            };
            var more = PerOrder >= 0 ? "more" : "less";
            return $"this batch's returns {verb} {Money(1000 * Math.Abs(PerOrder))} {more} than usual per 1,000 orders ({Money(Orders * Math.Abs(PerOrder))} for its {Orders.ToString("N0", CultureInfo.InvariantCulture)} orders)";
        }
    }

    private string Money(double amount) => $"{Currency} {amount.ToString("N0", CultureInfo.InvariantCulture)}";
}

using System.Globalization;
using System.Net;
using System.Text;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring.Sections.Money;

/// <summary>
/// The dashboard's money card of one batch: the same numbers as the JSON <c>money</c> section, per 1,000 orders,
/// HTML-escaped (the reliability line is the model-health panel's, ModelHealthCard).
/// </summary>
public static class MoneyCard
{
    /// <summary>The card: expected return cost per 1,000 orders with its 95% band, realized, extra vs the reference, threshold advice.</summary>
    /// <param name="batch">Index of the batch on the page (element ids).</param>
    /// <param name="money">The batch's money section.</param>
    /// <param name="model">The batch's model check: its reliability assessment picks the label-free extra cost (importance-weighted when a shift was detected).</param>
    public static string Render(int batch, BatchMoney money, ModelCheck? model = null)
    {
        var c = money.ReturnCost;
        var per1000 = 1000.0 / c.Orders;
        var extra = 1000 * c.ExtraPerOrder;
        var verdict = MoneySignificant(c) ? "worse" : extra < 0 ? "better" : "same";
        var html = new StringBuilder();
        html.Append($"<div class=\"card money\" id=\"money-{batch}\"><div class=\"metric\">expected return cost per 1,000 orders</div>");
        html.Append($"<div class=\"value money-expected\">{E(Amount(c.Currency, c.ExpectedPerOrder * 1000))}</div>");
        html.Append($"<div class=\"delta\">95% band <span class=\"money-lower\">{E(Amount(c.Currency, c.Lower * per1000))}</span>–<span class=\"money-upper\">{E(Amount(c.Currency, c.Upper * per1000))}</span>");
        if (c.ImportanceWeightedPerOrder is { } weighted)
        {
            html.Append($" · importance-weighted <span class=\"money-weighted\">{E(Amount(c.Currency, weighted * 1000))}</span>");
        }

        if (c.RealizedTotal is { } realized)
        {
            html.Append($" · realized <span class=\"money-realized\">{E(Amount(c.Currency, realized * per1000))}</span>");
        }

        html.Append("</div>");
        html.Append($"<div class=\"delta {verdict}\">extra vs reference (expected) <span class=\"money-extra\">{E(Signed(c.Currency, extra))}</span> per 1,000 ");
        html.Append($"(<span class=\"money-extra-total\">{E(Signed(c.Currency, c.ExtraTotal))}</span> for this batch; reference {E(Amount(c.Currency, 1000 * c.ReferencePerOrder))})</div>");
        // The figure the findings cite: realized when labelled, else the label-free estimate the reliability check chose.
        var best = ExtraCost.Of(money, model);
        if (best.Basis != "expected")
        {
            html.Append($"<div class=\"delta {(best.Significant && best.PerOrder > 0 ? "worse" : "same")}\">extra vs reference ({E(best.Basis)}) <span class=\"money-extra-best\">{E(Signed(c.Currency, 1000 * best.PerOrder))}</span> per 1,000</div>");
        }

        var advice = model is { Warnings.Count: > 0 } ? "No threshold advice: the model is no better than chance or flags nothing (see the warning above)." : money.Threshold.Sentence;
        html.Append($"<div class=\"delta money-threshold\">{E(advice)}</div></div>");
        return html.ToString();
    }

    /// <summary>"EUR 1,234".</summary>
    public static string Amount(string currency, double value) => NumberText.Money(currency, value);

    private static string Signed(string currency, double value) => (value >= 0 ? "+" : "−") + Amount(currency, Math.Abs(value));

    private static bool MoneySignificant(ReturnCostEstimate c) => c.ExtraPerOrder > 0 && c.Lower > c.ReferencePerOrder * c.Orders;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring.Sections.Money;

/// <summary>The money section in the terminal: expected return cost with band, realized, extra vs reference, decisions, threshold advice.</summary>
public static class MoneyText
{
    /// <summary>The section's lines, each one unwrapped line (they are copied from the terminal whole).</summary>
    /// <param name="money">The batch's money.</param>
    /// <param name="adviseThreshold">False when the model is no use (it has warnings): no threshold advice then.</param>
    public static SectionText Of(BatchMoney money, bool adviseThreshold = true)
    {
        var text = new SectionText();
        var c = money.ReturnCost;
        var cur = c.Currency;
        // Every amount through NumberText.Money: "EUR 1,234", or "1,234" when the cost file gives no currency.
        string M(double? amount) => NumberText.Money(cur, amount);
        if (money.Costs.Note is { } note)
        {
            // Said once, first: every amount below rests on these assumed figures.
            text.RawLine($"Costs: {note} (the demo shop's assumed figures; give --costs FILE with your own)");
        }

        text.RawLine($"Return cost ({c.Orders} orders): expected {M(c.ExpectedTotal)} (95% band {Whole(c.Lower)}–{Whole(c.Upper)}), {M(1000 * c.ExpectedPerOrder)} per 1,000 orders" +
                     (c.ImportanceWeightedPerOrder is { } w ? $"; importance-weighted {M(1000 * w)} per 1,000" : "") +
                     (c.RealizedTotal is { } r ? $"; realized {M(r)}" : "; realized: unknown (no labels)"));
        text.RawLine($"Extra cost vs reference ({M(1000 * c.ReferencePerOrder)} per 1,000 orders): {(c.ExtraPerOrder >= 0 ? "+" : "")}{Whole(1000 * c.ExtraPerOrder)} per 1,000 orders, {(c.ExtraTotal >= 0 ? "+" : "")}{M(c.ExtraTotal)} for this batch");
        var d = money.Decisions;
        text.RawLine($"Model decisions at threshold {NumberText.Fixed(d.Threshold, 2)}: {d.Interventions} interventions, expected net {M(d.ExpectedNetPer1000)} per 1,000 orders" +
                     (d.RealizedNetPer1000 is { } rn ? $" (realized {M(rn)})" : ""));
        text.RawLine(adviseThreshold ? $"Threshold: {money.Threshold.Sentence}" : "Threshold: no advice, the model is no use (see the warning above)");
        return text;
    }

    private static string Whole(double? value) => NumberText.Whole(value);
}

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
        text.RawLine($"Return cost ({c.Orders} orders): expected {cur} {Whole(c.ExpectedTotal)} (95% band {Whole(c.Lower)}–{Whole(c.Upper)}), {cur} {Whole(1000 * c.ExpectedPerOrder)} per 1,000 orders" +
                     (c.ImportanceWeightedPerOrder is { } w ? $"; importance-weighted {cur} {Whole(1000 * w)} per 1,000" : "") +
                     (c.RealizedTotal is { } r ? $"; realized {cur} {Whole(r)}" : "; realized: unknown (no labels)"));
        text.RawLine($"Extra cost vs reference ({cur} {Whole(1000 * c.ReferencePerOrder)} per 1,000 orders): {(c.ExtraPerOrder >= 0 ? "+" : "")}{Whole(1000 * c.ExtraPerOrder)} per 1,000 orders, {(c.ExtraTotal >= 0 ? "+" : "")}{cur} {Whole(c.ExtraTotal)} for this batch");
        var d = money.Decisions;
        text.RawLine($"Model decisions at threshold {NumberText.Fixed(d.Threshold, 2)}: {d.Interventions} interventions, expected net {cur} {Whole(d.ExpectedNetPer1000)} per 1,000 orders" +
                     (d.RealizedNetPer1000 is { } rn ? $" (realized {cur} {Whole(rn)})" : ""));
        text.RawLine(adviseThreshold ? $"Threshold: {money.Threshold.Sentence}" : "Threshold: no advice, the model is no use (see the warning above)");
        return text;
    }

    private static string Whole(double? value) => NumberText.Whole(value);
}

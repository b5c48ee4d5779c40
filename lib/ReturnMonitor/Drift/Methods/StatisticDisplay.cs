using System.Globalization;
using System.Text;
using ReturnMonitor.Text;

namespace ReturnMonitor.Drift;

/// <summary>
/// How one drift statistic's result is rendered — the format hints every renderer iterates, so that a registered
/// statistic reaches the JSON, the terminal table and the dashboard with no code of its own in them: the JSON fields
/// in order, and one piece of text in one column of the feature table (pieces of one column are joined by "; ").
/// </summary>
/// <param name="Fields">The JSON properties of the result, in order (may be empty).</param>
/// <param name="Column">The feature table's column of <paramref name="Text"/>.</param>
/// <param name="Text">The table text, formatted by the statistic (e.g. <c>KS D=0.123</c>).</param>
public sealed record StatisticDisplay(IReadOnlyList<StatisticField> Fields, StatisticColumn Column, string Text)
{
    /// <summary>Nothing rendered beyond the decision's own fields (PSI).</summary>
    public static StatisticDisplay Hidden { get; } = new([], StatisticColumn.None, "");

    /// <summary>
    /// The display of a statistic that gives none: JSON <c>{key}</c> (the value, camelCase of the registry key) and,
    /// for a test, <c>{key}PValue</c>; the text <c>key=value</c> (3 decimals, and <c>, p=…</c> for a test) in the Test
    /// column when it is a test, in the Distance column otherwise.
    /// </summary>
    public static StatisticDisplay Generic(DriftMethodResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = CamelCase(result.Key);
        var text = $"{result.Key}={NumberText.Fixed(result.Value, 3)}";
        if (result.PValue is not { } p)
        {
            return new([new(name, result.Value)], StatisticColumn.Distance, text);
        }

        return new(
            [new(name, result.Value), new(name + "PValue", p)],
            StatisticColumn.Test,
            text + ", p=" + p.ToString("G3", CultureInfo.InvariantCulture));
    }

    // "largest_share_change" → "largestShareChange": registry keys are snake_case (NannyML's), JSON names camelCase.
    private static string CamelCase(string key)
    {
        var name = new StringBuilder(key.Length);
        var upper = false;
        foreach (var c in key)
        {
            if (c is '_' or '-' or ' ')
            {
                upper = name.Length > 0;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }
}

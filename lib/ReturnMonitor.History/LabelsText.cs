using System.Globalization;
using ReturnMonitor.Text;

namespace ReturnMonitor.History;

/// <summary>
/// The terminal report of a labels join: one summary line of what the file's rows did (nothing dropped without a count),
/// then one line per period touched — <c>labelled n/N</c> and its realized figures beside the estimate, or "waiting"
/// below the minimum labelled share.
/// </summary>
public static class LabelsText
{
    /// <summary>The lines, summary first; <paramref name="file"/> names the labels file.</summary>
    public static IReadOnlyList<string> Lines(LabelsOutcome outcome, string file)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var parts = new List<string> { $"{Count(outcome.NewLabels)} new", $"{Count(outcome.AlreadyKnown)} already known" };
        parts.Add(outcome.Conflicts == 0 ? "0 conflicting" : $"{Count(outcome.Conflicts)} conflicting with a stored label (the stored label kept; first: {Row(outcome.FirstConflict!)})");
        parts.Add(outcome.Unknown == 0 ? "0 unknown ids" : $"{Count(outcome.Unknown)} unknown id(s) (no recorded period holds them; first: {Row(outcome.FirstUnknown!)})");
        parts.Add(outcome.Duplicates == 0 ? "0 duplicate ids"
            : $"{Count(outcome.Duplicates)} duplicate id(s) in the file (the first row's label used; {Count(outcome.DuplicatesDisagreeing)} of them with a different label; first: {Row(outcome.FirstDuplicate!)})");
        var lines = new List<string> { $"{file}: {Count(outcome.Rows)} label(s): {string.Join(", ", parts)}" };
        lines.AddRange(outcome.Periods.Select(p => Period(p, outcome.MinimumShare)));
        if (outcome.Periods.Count == 0)
        {
            lines.Add("no recorded period holds these ids (periods keep their order ids when recorded with --id-column or a schema id column)");
        }

        return lines;
    }

    /// <summary>"2026-W14 batch.csv: labelled 1,000/1,000 (100.0%): realized accuracy 87.1% (estimated 86.5%), …" or "…: waiting (…)".</summary>
    public static string Period(PeriodLabelling p, double minimumShare)
    {
        var head = $"{p.Period.Label} {p.Source}: labelled {Count(p.Labelled)}/{Count(p.Orders)} ({NumberText.Percent(p.Share)})";
        if (p.Realized is not { } r)
        {
            return $"{head}: waiting (realized figures from {NumberText.Percent(minimumShare, 0)} labelled)";
        }

        var cost = p.RealizedReturnCost is { } c ? $", realized return cost {c.ToString("N2", CultureInfo.InvariantCulture)}" : "";
        return $"{head}: realized accuracy {NumberText.Percent(r.Accuracy)} (estimated {NumberText.Percent(p.EstimatedAccuracy)}), ROC-AUC {NumberText.Fixed(r.RocAuc, 3)}, " +
            $"precision {NumberText.Fixed(r.Precision, 3)}, recall {NumberText.Fixed(r.Recall, 3)}, F1 {NumberText.Fixed(r.F1, 3)}, return rate {NumberText.Percent(p.ReturnRate)}{cost}";
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Row(OrderLabel label) => $"line {label.Line}, id '{label.Id}'";
}

using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.History;

namespace ReturnMonitor.Cli;

/// <summary>What <c>labels</c> and <c>monitor --labels</c> share: the minimum labelled share and the join's output.</summary>
internal static class LabelsOptions
{
    /// <summary><c>--min-labelled</c>, shared with <c>monitor --labels</c>.</summary>
    public static Option<double?> MinimumOption() =>
        new("--min-labelled") { Description = "Share of a period's orders that must be labelled before its realized figures are computed (default 0.9)" };

    /// <summary>The minimum labelled share given, or the default.</summary>
    /// <exception cref="UsageException">Not in (0, 1].</exception>
    public static double Minimum(double? given) => given switch
    {
        null => HistoryStore.DefaultMinimumLabelledShare,
        > 0 and <= 1 => given.Value,
        _ => throw new UsageException($"--min-labelled must be a share above 0 and at most 1 (got {given.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)})"),
    };

    /// <summary>Prints the join's lines, and a warning on stderr when rows were unknown, duplicate or conflicting.</summary>
    public static void Print(CliOutput io, LabelsOutcome outcome, string file)
    {
        foreach (var line in LabelsText.Lines(outcome, file))
        {
            io.Out.WriteLine(line);
        }

        if (outcome.Unknown + outcome.Duplicates + outcome.Conflicts > 0)
        {
            io.Error($"warning: {file}: {outcome.Unknown} unknown id(s), {outcome.Duplicates} duplicate id(s), {outcome.Conflicts} conflicting label(s) (see the first line of the output)");
        }
    }
}

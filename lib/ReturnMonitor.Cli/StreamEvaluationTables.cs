using System.Globalization;
using ReturnMonitor.Evaluation;
using Spectre.Console;

namespace ReturnMonitor.Cli;

/// <summary>The tables of <c>evaluate --stream</c>.</summary>
internal static class StreamEvaluationTables
{
    public static void Write(IAnsiConsole console, StreamEvaluationReport report, TableBorder border)
    {
        var o = report.Options;
        var c = report.Calibration;
        console.WriteLine($"Weekly streams of {o.BatchSize:N0}-order batches, each stream against its own {o.ReferenceSize:N0}-order reference (seed {o.Seed}).");
        console.WriteLine($"Sequential detector: CUSUM on Σ PSI, μ₀ = {c.InControlMean:0.0000}, σ₀ = {c.InControlStandardDeviation:0.0000}, k = {c.Slack:0.##} σ₀, h = {c.Threshold:0.00} σ₀, " +
            $"calibrated on {c.CleanBatches:N0} clean batches against {c.References} references for a mean time between false alarms ≥ {c.TargetArl:N0} periods " +
            $"(simulated: {Periods(c.EstimatedArl)} over {c.SimulatedPeriods:N0} periods; worst reference offset {c.WorstReferenceOffset:0.00} σ₀).");
        console.WriteLine();
        console.WriteLine($"False alarms on {report.Clean.Periods:N0} clean periods ({o.CleanStreams} streams × {o.CleanPeriods} periods)");
        var clean = new Table().Border(border).AddColumns("Detector", "False alarms", "Mean periods between false alarms");
        clean.Columns[1].RightAligned();
        clean.Columns[2].RightAligned();
        clean.AddRow("per-batch (status warning or critical)", report.Clean.PerBatchAlarms.ToString("N0", CultureInfo.InvariantCulture), Periods(report.Clean.PerBatchMeanTimeBetween, report.Clean.Periods));
        clean.AddRow("sequential (CUSUM)", report.Clean.SequentialAlarms.ToString("N0", CultureInfo.InvariantCulture), Periods(report.Clean.SequentialMeanTimeBetween, report.Clean.Periods));
        console.Write(clean);
        console.WriteLine();
        console.WriteLine($"Detection delay: periods from the onset (after {o.Onset} clean periods) to the first alarm, {o.DriftStreams} streams per case, horizon {o.Horizon} periods");
        var delays = new Table().Border(border).AddColumns("Case", "Per-batch: detected", "mean delay", "Sequential: detected", "mean delay", "False alarms before onset (per-batch / sequential)");
        for (var i = 1; i < 6; i++)
        {
            delays.Columns[i].RightAligned();
        }

        foreach (var r in report.Cases)
        {
            delays.AddRow(r.Case, Rate(r.PerBatch), Delay(r.PerBatch.MeanDelay), Rate(r.Sequential), Delay(r.Sequential.MeanDelay), $"{r.PerBatch.FalseAlarmsBeforeOnset} / {r.Sequential.FalseAlarmsBeforeOnset}");
        }

        console.Write(delays);
        foreach (var r in report.Cases)
        {
            console.WriteLine($"  {r.Case}: {r.Description}");
        }
    }

    private static string Rate(DetectionDelay d) => $"{d.Detected}/{d.Streams}";

    private static string Delay(double value) => double.IsFinite(value) ? value.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Periods(double value, long simulated = 0) =>
        double.IsFinite(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : simulated > 0 ? $"> {simulated:N0} (none)" : "∞ (none)";
}

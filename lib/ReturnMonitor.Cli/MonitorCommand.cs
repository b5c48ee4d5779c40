using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>monitor --model DIR --history FILE.db --current BATCH --period 2026-W14 [--notify URL] [--notify-format json|slack] [--report PATH]</c>:
/// checks a batch, records it in the history (once per period and file content), runs the sequential detector and
/// alerts on a status change. A failed alert is reported on stderr and stored; the exit code stays 0 (the record is safe).
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(CliOutput io)
    {
        var model = new Option<string>("--model") { Description = "Model directory written by 'train'", Required = true };
        var history = HistoryCommand.HistoryOption();
        var current = new Option<string>("--current") { Description = "The batch: CSV or Parquet (.parquet)", Required = true };
        var period = new Option<string>("--period") { Description = "The batch's period: ISO week (2026-W14) or day (2026-03-30)", Required = true };
        var notify = new Option<string?>("--notify") { Description = "Webhook URL to POST an alert to on a status change or sequential alarm" };
        var notifyFormat = new Option<string>("--notify-format") { Description = "json or slack (Slack incoming-webhook shape)", DefaultValueFactory = _ => "json" };
        notifyFormat.AcceptOnlyFromAmong("json", "slack");
        var report = new Option<string?>("--report") { Description = "Link or path to the dashboard, quoted in alerts" };
        var command = new Command("monitor", "Check a batch, record it in the history, run the sequential detector and alert on changes")
        {
            model, history, current, period, notify, notifyFormat, report,
        };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var batchPeriod = ParsePeriod(parse.GetValue(period)!);
            var url = parse.GetValue(notify) is { } text ? ParseUrl(text) : null;
            var batchPath = parse.GetValue(current)!;
            if (!File.Exists(batchPath))
            {
                throw new DataFormatException(batchPath, null, null, "file not found");
            }

            var modelDirectory = parse.GetValue(model)!;
            // Open the history first: a file that is not a history fails before the batch is read and scored.
            using var store = HistoryStore.Open(parse.GetValue(history)!);
            var folder = ModelDirectory.Load(modelDirectory);
            // The history keeps drift, performance and money, not the domain classifier's verdict: skip its seconds per batch.
            var monitor = new PeriodMonitor(new BatchMonitor(folder) { Multivariate = false }, ContentHash.OfFile(Path.Combine(modelDirectory, ModelDirectory.ProfileFileName)))
            {
                Progress = io.Progress,
            };
            using var client = new HttpClient();
            var result = monitor.Run(
                store, DataEngine.ReadBatch(batchPath), ContentHash.OfFile(batchPath), batchPeriod,
                url is null ? null : new WebhookNotifier(client), url, parse.GetValue(notifyFormat) == "slack" ? AlertFormat.Slack : AlertFormat.Json, parse.GetValue(report),
                Path.GetFileName(batchPath));
            Print(io, result);
            return CliApp.Success;
        }));
        return command;
    }

    public static BatchPeriod ParsePeriod(string text)
    {
        try
        {
            return BatchPeriod.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--period: {e.Message}");
        }
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new UsageException($"--notify: '{text}' is not an http(s) URL");

    private static void Print(CliOutput io, PeriodResult result)
    {
        var r = result.Record;
        var sequential = r.Sequential is { } s ? $", CUSUM {NumberText.Fixed(s.Statistic, 1)}/{NumberText.Fixed(s.Threshold, 1)}{(s.Alarm ? " ALARM" : "")}" : ", no sequential detector (model folder has no reference sample)";
        var recorded = result.Outcome.Inserted ? $"recorded (id {result.Outcome.Id})" : $"already recorded (id {result.Outcome.Id}); nothing changed";
        io.Out.WriteLine($"{r.Period.Label} {r.Source}: {r.Status.ToString().ToLowerInvariant()} (score {NumberText.Fixed(r.Score, 1)}{sequential}) — {recorded}");
        foreach (var alert in r.Alerts)
        {
            io.Out.WriteLine($"  {alert.Kind}: {alert.Message}");
        }

        // An alarm is one of the record's alerts (dataQuality) above; gaps below the alarm are still worth a line.
        if (result.Check.Quality is { Notable: true, Alarm: false } quality)
        {
            io.Out.WriteLine($"  data quality: {quality.MissingCells} missing cell(s), {quality.Features.Sum(f => f.Unseen)} unseen categor(ies); no alarm");
        }

        if (result.Notification is { } n)
        {
            if (n.Delivered)
            {
                io.Out.WriteLine($"  alert delivered to {n.Target} ({n.Format}, {n.Attempts.Count} attempt(s))");
            }
            else
            {
                io.Error($"warning: alert to {n.Target} not delivered after {n.Attempts.Count} attempt(s): {n.Attempts[^1].Error} (recorded in the history)");
            }
        }
    }
}

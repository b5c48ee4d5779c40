using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.Data.Schema;
using ReturnMonitor.History;
using ReturnMonitor.History.Alerts;
using ReturnMonitor.History.Periods;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Summaries;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>monitor --model DIR --history FILE.db --current BATCH --period 2026-W14 [--notify URL | --notify-env NAME | --notify-file PATH]
/// [--notify-format json|slack] [--report PATH]</c>: checks a batch, records it in the history (once per period and file
/// content), runs the sequential detector and alerts on a status change. A failed alert is reported on stderr and stored;
/// the exit code stays 0 (the record is safe). The URL is printed and stored only redacted.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(CliOutput io)
    {
        var model = new Option<string?>("--model") { Description = "Model directory written by 'train' (or --reference with --score-column/--onnx)" };
        var history = SharedOptions.History();
        var current = new Option<string>("--current") { Description = "The batch: CSV or Parquet (.parquet)", Required = true };
        var period = new Option<string>("--period") { Description = "The batch's period: ISO week (2026-W14), month (2026-03), quarter (2026-Q1) or day (2026-03-30); or use --every" };
        var every = new Option<string?>("--every") { Description = "Cut the file into periods by --timestamp and record each: day, week, month or quarter" };
        every.AcceptOnlyFromAmong([.. TimestampPeriods.Lengths]);
        var notify = new Option<string?>("--notify") { Description = "Webhook URL to POST an alert to on a status change or sequential alarm (visible in shell history: prefer --notify-env or --notify-file)" };
        var notifyEnv = new Option<string?>("--notify-env") { Description = "Name of an environment variable holding the webhook URL" };
        var notifyFile = new Option<string?>("--notify-file") { Description = "File whose first line is the webhook URL (keep it mode 0600)" };
        var notifyFormat = new Option<string>("--notify-format") { Description = "json or slack (Slack incoming-webhook shape)", DefaultValueFactory = _ => "json" };
        notifyFormat.AcceptOnlyFromAmong("json", "slack");
        var report = new Option<string?>("--report") { Description = "Link or path to the dashboard, quoted in alerts" };
        var idColumn = new Option<string?>("--id-column") { Description = "The order id column: each period keeps its orders' ids, scores and decisions so labels arriving later can be joined ('labels'); default: the schema's one id column (CSV batches)" };
        var labels = new Option<string?>("--labels") { Description = "After recording, join this CSV of late labels (id column and the schema's target) to the recorded periods" };
        var minimum = LabelsOptions.MinimumOption();
        var command = new Command("monitor", "Check a batch, record it in the history, run the sequential detector and alert on changes")
        {
            model, history, current, period, every, notify, notifyEnv, notifyFile, notifyFormat, report, idColumn, labels, minimum,
        };
        // --schema, --target, --positive, the column overrides and --timestamp: how a scored --reference file (and so the
        // batches) is read; a model folder carries its own schema.
        var reading = DataOptions.ForData(strict: true);
        reading.AddTo(command);
        var timestamp = reading.Timestamp;
        var timestampFormat = reading.TimestampFormat;
        var scores = ScoreOptions.AddTo(command, withReference: true, reading);
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var cut = parse.GetValue(every);
            if ((parse.GetValue(period) is null) == (cut is null))
            {
                throw new UsageException("give either --period or --every (with --timestamp)");
            }

            if ((cut is null) != (parse.GetValue(timestamp) is null) || (cut is null && parse.GetValue(timestampFormat) is not null))
            {
                throw new UsageException("--every and --timestamp go together (--timestamp-format only with them)");
            }

            var batchPeriod = cut is null ? ParsePeriod(parse.GetValue(period)!) : null;
            var url = WebhookTarget(parse.GetValue(notify), parse.GetValue(notifyEnv), parse.GetValue(notifyFile));
            var batchPath = parse.GetValue(current)!;
            InputFiles.RequireFile(batchPath);

            var modelDirectory = parse.GetValue(model);
            // Open the history first: a file that is not a history fails before the batch is read and scored.
            using var store = HistoryStore.Open(parse.GetValue(history)!);
            var scored = scores.ForMonitor(parse, modelDirectory, reading, io);
            // The history keeps drift, performance and money, not the domain classifier's verdict: skip its seconds per batch.
            var monitor = new PeriodMonitor(
                scored?.Monitor ?? new BatchMonitor(ModelDirectory.Load(modelDirectory!)) { Multivariate = false },
                scored?.ReferenceHash ?? ContentHash.OfFile(Path.Combine(modelDirectory!, ModelDirectory.ProfileFileName)))
            {
                Progress = io.Progress,
            };
            using var notifier = url is null ? null : new WebhookNotifier();
            // Read against the schema the model folder's profile carries (the demo's when it carries none).
            // With --every, the batch and its dates in one read of the file (DataEngine.ReadPeriods).
            OrderTable batch;
            IReadOnlyList<(BatchPeriod Period, int[] Rows)>? periods = null;
            if (cut is null)
            {
                batch = DataEngine.ReadBatch(batchPath, monitor.Monitor.Profile);
            }
            else
            {
                (batch, periods) = DataEngine.ReadPeriods(batchPath, monitor.Monitor.Profile, parse.GetValue(timestamp)!, cut, parse.GetValue(timestampFormat));
            }

            var fileHash = ContentHash.OfFile(batchPath);
            var (idName, ids) = OrderIds(io, parse.GetValue(idColumn), batchPath, batch, monitor.Monitor.Profile.ReadSchema);
            var share = LabelsOptions.Minimum(parse.GetValue(minimum));
            var labelsPath = parse.GetValue(labels);
            if (labelsPath is not null)
            {
                InputFiles.RequireFile(labelsPath);
            }

            // One period, or one per period of the timestamp column: each recorded as its own batch. A period's content
            // hash is the file's hash with the period, so re-running on the same file records nothing twice.
            var parts = cut is null
                ? [(batchPeriod!, (int[]?)null)]
                : periods!.Select(p => (p.Period, (int[]?)p.Rows)).ToArray();
            foreach (var (part, rows) in parts)
            {
                var orders = rows is null ? batch : batch.Select(rows, $"{batch.Source} {part.Label}");
                ScoreOptions.Attach(monitor.Monitor, batch, batchPath, orders, rows);
                var result = monitor.Run(
                    store, orders, rows is null ? fileHash : ContentHash.Of(System.Text.Encoding.UTF8.GetBytes($"{fileHash} {part.Label}")), part,
                    notifier, url, parse.GetValue(notifyFormat) == "slack" ? AlertFormat.Slack : AlertFormat.Json, parse.GetValue(report),
                    Path.GetFileName(batchPath), ids is null ? null : rows is null ? ids : rows.Select(i => ids[i]).ToArray(), idName);
                Print(io, result);
            }

            if (labelsPath is not null)
            {
                var target = monitor.Monitor.Profile.ReadSchema.Target;
                var rows = LabelsFile.Read(labelsPath, idName ?? throw new UsageException("--labels needs the order id column: give --id-column"), target?.Name ?? OrderSchema.Target, target?.Positive);
                LabelsOptions.Print(io, store.AddLabels(rows, share), Path.GetFileName(labelsPath));
            }

            return CliApp.Success;
        }));
        return command;
    }

    /// <summary>
    /// The order ids of the batch, or none: <c>--id-column</c>, else the schema's one id column when the batch is CSV
    /// (ids are read from CSV files only). Null without either: then the history keeps no orders, as before. A schema's
    /// id column that cannot serve (an empty id) is reported on stderr and the period is recorded without ids, as it
    /// was before ids were kept; with <c>--id-column</c> the same problem is an error.
    /// </summary>
    private static (string? Column, string[]? Ids) OrderIds(CliOutput io, string? given, string batchPath, OrderTable batch, DatasetSchema schema)
    {
        var column = LabelsFile.IdColumn(schema, given, batchPath);
        if (column is null)
        {
            return (null, null);
        }

        try
        {
            var ids = LabelsFile.OrderIds(batchPath, column);
            return ids.Length == batch.Count
                ? (column, ids)
                : throw new DataFormatException(Path.GetFileName(batchPath), null, column, $"{ids.Length} order ids for {batch.Count} orders read from the file");
        }
        catch (DataFormatException e) when (given is null)
        {
            io.Error($"warning: order ids not kept for late labels (the schema's id column): {e.Message}");
            return (null, null);
        }
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

    private static Uri? WebhookTarget(string? text, string? variable, string? file) =>
        (text, variable, file) switch
        {
            (null, null, null) => null,
            ({ } t, null, null) => WebhookUrl.Parse(t, "--notify"),
            (null, { } v, null) => WebhookUrl.FromEnvironment(v),
            (null, null, { } f) => WebhookUrl.FromFile(f),
            _ => throw new UsageException("give the webhook URL once: --notify, --notify-env or --notify-file"),
        };

    private static void Print(CliOutput io, PeriodResult result)
    {
        var r = result.Record;
        var sequential = r.Sequential is { } s ? $", CUSUM {NumberText.Fixed(s.Statistic, 1)}/{NumberText.Fixed(s.Threshold, 1)}{(s.Alarm ? " ALARM" : "")}" : ", no sequential detector (model folder has no reference sample)";
        var recorded = result.Outcome.Inserted ? $"recorded (id {result.Outcome.Id})" : $"already recorded (id {result.Outcome.Id}); nothing changed";
        io.Out.WriteLine($"{r.Period.Label} {TextTables.Text(r.Source)}: {r.Status.ToString().ToLowerInvariant()} (score {NumberText.Fixed(r.Score, 1)}{sequential}) — {recorded}");
        foreach (var alert in r.Alerts)
        {
            io.Out.WriteLine($"  {alert.Kind}: {TextTables.Text(alert.Message)}");
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

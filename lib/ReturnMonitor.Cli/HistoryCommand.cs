using System.CommandLine;
using ReturnMonitor.Data;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using Spectre.Console;

namespace ReturnMonitor.Cli;

/// <summary><c>history --history FILE.db [--format text|json|csv]</c>: lists the recorded batches in period order.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliOutput io)
    {
        var history = SharedOptions.History();
        var format = new Option<string>("--format") { Description = "text, json or csv", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "csv");
        var command = new Command("history", "List the batches recorded by 'monitor': status, score, sequential detector, accuracy, alerts") { history, format };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var path = parse.GetValue(history)!;
            InputFiles.RequireFile(path, hint: "record batches into it with 'returnmonitor monitor'");

            using var store = HistoryStore.OpenReadOnly(path);
            var entries = store.Batches();
            switch (parse.GetValue(format))
            {
                case "json":
                    io.Out.Write(HistoryExport.Json(entries));
                    break;
                case "csv":
                    io.Out.Write(HistoryExport.Csv(entries));
                    break;
                default:
                    Table(io.Console, entries, store.Notifications());
                    break;
            }

            return CliApp.Success;
        }));
        return command;
    }

    private static void Table(IAnsiConsole console, IReadOnlyList<HistoryEntry> entries, IReadOnlyList<HistoryNotification> notifications)
    {
        var table = new Table().Border(TableBorder.Square)
            .AddColumns("period", "batch", "orders", "labelled", "status", "score", "Σ PSI", "CUSUM / h", "est. accuracy", "realized", "return rate", "alerts");
        foreach (var r in entries.Select(e => e.Record))
        {
            var accuracy = r.Metric("accuracy");
            table.AddRow(
                Markup.Escape(r.Period.Label),
                TextTables.Cell(r.Source),
                r.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                r.Labelled is { } labelled ? labelled.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "–",
                r.Status.ToString().ToLowerInvariant(),
                NumberText.Fixed(r.Score, 1),
                NumberText.Fixed(r.Evidence, 3),
                r.Sequential is { } s ? $"{NumberText.Fixed(s.Statistic, 1)} / {NumberText.Fixed(s.Threshold, 1)}{(s.Alarm ? " ALARM" : "")}" : "–",
                NumberText.Percent(accuracy?.Estimated),
                NumberText.Percent(accuracy?.Realized),
                NumberText.Percent(r.ReturnRate),
                // Kinds and counts only: the messages are in --format json.
                Markup.Escape(string.Join(", ", r.Alerts.GroupBy(a => a.Kind).Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"))));
        }

        console.Write(table);
        console.WriteLine($"{entries.Count} batch(es)");
        var summary = EstimateErrorSummary.Of(entries);
        if (summary.Any(e => e.Periods > 0))
        {
            console.WriteLine("How good the label-free estimate was on the labelled periods:");
            foreach (var line in EstimateErrorSummary.Lines(summary))
            {
                console.WriteLine("  " + line);
            }
        }

        foreach (var n in notifications)
        {
            var last = n.Notification.Attempts.Count > 0 ? n.Notification.Attempts[^1] : null;
            console.WriteLine($"alert {n.Period} → {n.Notification.Target} ({n.Notification.Format}): " +
                (n.Notification.Delivered ? "delivered" : $"FAILED after {n.Notification.Attempts.Count} attempt(s): {last?.Error}"));
        }
    }
}

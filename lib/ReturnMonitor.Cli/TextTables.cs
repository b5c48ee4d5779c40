using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Monitoring.Sections;
using ReturnMonitor.Monitoring.Sections.ModelHealth;
using ReturnMonitor.Reporting;
using Spectre.Console;

namespace ReturnMonitor.Cli;

/// <summary>Plain-text tables of the command line (rendering only: every number comes from the library's result records).</summary>
internal static class TextTables
{
    public static void Training(IAnsiConsole console, TrainingReport report)
    {
        var m = report.Test;
        console.WriteLine($"Return model: {report.Options.Describe()}; metrics on the held-out test split ({report.TestRows} of {report.TrainRows + report.TestRows} orders)");
        var table = new Table()
            .AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
        table.AddRow("Accuracy", NumberText.Percent(m.Accuracy));
        table.AddRow("ROC-AUC", NumberText.Fixed(m.RocAuc, 3));
        table.AddRow("Precision (returned)", NumberText.Percent(m.Precision));
        table.AddRow("Recall (returned)", NumberText.Percent(m.Recall));
        table.AddRow("F1 (returned)", NumberText.Fixed(m.F1, 3));
        table.AddRow("Confusion TN / FP / FN / TP", $"{m.Confusion.TrueNegatives} / {m.Confusion.FalsePositives} / {m.Confusion.FalseNegatives} / {m.Confusion.TruePositives}");
        console.Write(table);

        console.WriteLine("Permutation importance: drop of test ROC-AUC when the feature is shuffled");
        var importance = new Table()
            .AddColumn("Feature").AddColumn(new TableColumn("AUC drop").RightAligned()).AddColumn(new TableColumn("± sd").RightAligned());
        foreach (var f in report.Importance)
        {
            importance.AddRow(f.Feature, NumberText.Fixed(f.RocAucDrop, 4), NumberText.Fixed(f.StandardDeviation, 4));
        }

        console.Write(importance);
        foreach (var warning in report.Warnings)
        {
            console.Profile.Out.Writer.WriteLine("Warning: " + warning);
        }
    }

    /// <summary>The check of one batch: drift header and feature table, the registered sections (model health, money, data quality, …), then the findings.</summary>
    public static void Check(IAnsiConsole console, BatchCheck check)
    {
        Drift(console, check.Drift);
        foreach (var section in check.Sections)
        {
            Section(console, section.Section.Text(section.Value));
        }

        Findings(console, check.Recommendation);
    }

    public static void Drift(IAnsiConsole console, DriftReport report)
    {
        console.WriteLine($"Drift of {Text(report.Current)} ({report.CurrentRows} orders) against {Text(report.Reference)} ({report.ReferenceRows} orders)");
        console.WriteLine($"Status: {DriftJson.Name(report.Status).ToUpperInvariant()}   score {NumberText.Fixed(report.Score, 1)}/100   " +
                          $"severe {report.CountWith(DriftSeverity.Severe)}, moderate {report.CountWith(DriftSeverity.Moderate)}, none {report.CountWith(DriftSeverity.None)}");
        if (report.Target is { } target)
        {
            console.WriteLine($"Return rate: {NumberText.Percent(target.ReferenceRate)} → {NumberText.Percent(target.CurrentRate)}");
        }

        // The dashboard's feature table, row for row (Reporting/FeatureTable): same numbers, same formats.
        var table = new Table()
            .AddColumn("Feature").AddColumn("Kind").AddColumn("Severity")
            .AddColumn(new TableColumn("PSI").RightAligned())
            .AddColumn(new TableColumn("Test").RightAligned())
            .AddColumn(new TableColumn("p (adjusted)").RightAligned())
            .AddColumn(new TableColumn("Distance").RightAligned())
            .AddColumn("Change");
        foreach (var row in FeatureTable.Of(report))
        {
            table.AddRow(
                Cell(row.Feature), row.Kind, row.Severity, NumberText.Fixed(row.Psi, 3),
                Cell(row.Test), Cell(row.AdjustedPValue), Cell(row.Distance), Cell(row.Change));
        }

        console.Write(table);
    }

    /// <summary>Text from data on one line, inert on a terminal (category values, file names: see <see cref="TerminalText"/>).</summary>
    internal static string Text(string? text) => TerminalText.Escape(text);

    /// <summary>A table cell from data: <see cref="Text"/>, then Spectre's markup escaping.</summary>
    internal static string Cell(string? text) => Markup.Escape(Text(text));

    /// <summary>The findings, most urgent first, each with its evidence and actions; then the overall urgency's actions.</summary>
    public static void Findings(IAnsiConsole console, Recommendation recommendation)
    {
        // Plain lines on the console's writer: evidence is long, and a finding should stay one greppable line, not be
        // wrapped at the table width.
        var writer = console.Profile.Out.Writer;
        writer.WriteLine($"Key findings: {BatchCheckJson.Name(recommendation.Urgency).ToUpperInvariant()}");
        foreach (var finding in recommendation.Findings)
        {
            writer.WriteLine($"- [{BatchCheckJson.Name(finding.Urgency)}] {Text(finding.Title)}: {Text(finding.Evidence)}");
            foreach (var action in finding.Actions)
            {
                writer.WriteLine($"    · {Text(action)}");
            }
        }

        writer.WriteLine($"Recommended actions ({BatchCheckJson.Name(recommendation.Urgency)}): {Text(string.Join(" · ", recommendation.Actions))}");
    }

    public static void Summary(IAnsiConsole console, BatchOverview reference, TrainingReport training, IReadOnlyList<BatchCheck> checks)
    {
        var table = new Table().Title("Key results")
            .AddColumn("Scenario").AddColumn(new TableColumn("Orders").RightAligned())
            .AddColumn(new TableColumn("Return rate").RightAligned()).AddColumn(new TableColumn("Avg discount").RightAligned())
            .AddColumn(new TableColumn("Delivery").RightAligned()).AddColumn(new TableColumn("Rating").RightAligned())
            .AddColumn(new TableColumn("Drift score").RightAligned()).AddColumn("Status")
            .AddColumn(new TableColumn("Severe/mod.").RightAligned())
            .AddColumn(new TableColumn("Model AUC").RightAligned()).AddColumn(new TableColumn("Accuracy").RightAligned());
        // Return cost per 1,000 orders (the money section): expected without labels, realized, and the extra vs the reference.
        var currency = checks.Select(c => c.Money?.Costs.Currency).FirstOrDefault(c => c is not null);
        if (currency is not null)
        {
            table.AddColumn(new TableColumn($"Return cost/1k exp.{NumberText.MoneyUnit(currency)}").RightAligned())
                .AddColumn(new TableColumn("realized").RightAligned())
                .AddColumn(new TableColumn("extra/1k exp.").RightAligned())
                .AddColumn(new TableColumn("extra/1k real.").RightAligned());
        }

        var referenceCost = checks.Select(c => c.Money?.ReturnCost.ReferencePerOrder).FirstOrDefault(c => c is not null);
        var baseline = new List<string> { "baseline (training)", reference.Orders.ToString(CultureInfo.InvariantCulture), NumberText.Percent(reference.ReturnRate), NumberText.Percent(reference.AverageDiscount / 100, 0),
            Days(reference.AverageDeliveryDays), NumberText.Fixed(reference.AverageRating, 2), "–", "training", "–", NumberText.Fixed(training.Test.RocAuc, 3) + "*", NumberText.Percent(training.Test.Accuracy) + "*" };
        if (currency is not null)
        {
            baseline.AddRange(["–", Whole(1000 * referenceCost), "–", "–"]);
        }

        table.AddRow(baseline.ToArray());
        foreach (var check in checks)
        {
            var o = check.Overview;
            var row = new List<string> { Path.GetFileNameWithoutExtension(check.Name), o.Orders.ToString(CultureInfo.InvariantCulture), NumberText.Percent(o.ReturnRate), NumberText.Percent(o.AverageDiscount / 100, 0), Days(o.AverageDeliveryDays),
                NumberText.Fixed(o.AverageRating, 2), $"{NumberText.Fixed(check.Drift.Score, 1)}/100", DriftJson.Name(check.Drift.Status),
                $"{check.Drift.CountWith(DriftSeverity.Severe)}/{check.Drift.CountWith(DriftSeverity.Moderate)}",
                NumberText.Fixed(check.Model?.Realized?.RocAuc, 3), NumberText.Percent(check.Model?.Realized?.Accuracy) };
            if (currency is not null)
            {
                var cost = check.Money?.ReturnCost;
                // Label-free extra: the estimate the reliability check chose (importance-weighted when a shift was detected).
                var labelFree = check.Money is { } m ? ExtraCost.Of(m, check.Model, useLabels: false) : null;
                var realizedExtra = cost?.RealizedTotal is { } r ? r / cost.Orders - cost.ReferencePerOrder : (double?)null;
                row.AddRange([Whole(1000 * cost?.ExpectedPerOrder), Whole(cost?.RealizedTotal * 1000 / cost?.Orders), Signed(1000 * labelFree?.PerOrder), Signed(1000 * realizedExtra)]);
            }

            table.AddRow(row.ToArray());
        }

        console.Write(table);
        console.WriteLine("* baseline model metrics are on the held-out 20% test split; batch metrics are realized on the batch's own labels.");
        if (currency is not null)
        {
            console.WriteLine("Return cost per 1,000 orders: expected from the calibrated probabilities (no labels), realized from the labels; the baseline's is realized on the reference orders.");
            console.WriteLine("Extra cost vs the baseline per 1,000 orders: label-free (the estimator the reliability check chose) and realized.");
        }

        foreach (var warning in training.Warnings)
        {
            console.Profile.Out.Writer.WriteLine("Warning: " + warning);
        }
    }

    /// <summary>A check section's text (<see cref="SectionText"/>): lines the console may wrap, raw lines, tables with right-aligned number columns.</summary>
    public static void Section(IAnsiConsole console, SectionText text)
    {
        foreach (var block in text.Blocks)
        {
            if (block.Table is { } t)
            {
                var table = new Table();
                foreach (var column in t.Columns)
                {
                    table.AddColumn(column.RightAligned ? new TableColumn(column.Header).RightAligned() : new TableColumn(column.Header));
                }

                foreach (var row in t.Rows)
                {
                    // Cells are text, not markup: a feature named "[red]" stays as it is.
                    table.AddRow(row.Select(Markup.Escape).ToArray());
                }

                console.Write(table);
            }
            else if (block.Wrap)
            {
                console.WriteLine(block.Line!);
            }
            else
            {
                console.Profile.Out.Writer.WriteLine(block.Line);
            }
        }
    }

    /// <summary>One row per batch: realized vs estimated performance, alerts, prediction and multivariate drift.</summary>
    public static void ModelHealth(IAnsiConsole console, IReadOnlyList<BatchCheck> checks)
    {
        var table = new Table().Title("Model health (estimates use no labels)").AddColumn("Batch")
            .AddColumn(new TableColumn("AUC realized").RightAligned())
            .AddColumn(new TableColumn("AUC estimated").RightAligned())
            .AddColumn(new TableColumn("Accuracy realized").RightAligned())
            .AddColumn(new TableColumn("Accuracy estimated (95% band)").RightAligned())
            .AddColumn(new TableColumn("Alerts").RightAligned())
            .AddColumn("Prediction drift")
            .AddColumn("Domain classifier AUC")
            .AddColumn("Estimate reliable");
        foreach (var check in checks)
        {
            if (check.Model is not { } c)
            {
                continue;
            }

            var band = ModelHealthTable.Band(c, PerformanceMetric.Accuracy);
            table.AddRow(
                Path.GetFileNameWithoutExtension(check.Name),
                c.Realized is { } r ? NumberText.Fixed(r.RocAuc, 3) : "–",
                NumberText.Fixed(c.Estimated[PerformanceMetric.RocAuc], 3),
                c.Realized is { } a ? NumberText.Fixed(a.Accuracy, 3) : "–",
                $"{NumberText.Fixed(c.Estimated[PerformanceMetric.Accuracy], 3)} ({NumberText.Fixed(band.Lower, 3)}–{NumberText.Fixed(band.Upper, 3)})",
                c.Alerts.Count.ToString(CultureInfo.InvariantCulture),
                c.Prediction.Drifted ? "yes" : "no",
                c.Multivariate is { } mv ? $"{NumberText.Fixed(mv.RocAuc, 3)} ({(mv.Drifted ? "drifted" : "no")})" : "–",
                c.Assessment is { } assessed ? (assessed.Reliability.Reliable ? "yes" : $"no ({AssessmentJson.Method(assessed.Reliability.Method)} {NumberText.Fixed(assessed[PerformanceMetric.Accuracy].Value, 3)})") : "–");
        }

        console.Write(table);
        console.WriteLine("Estimated performance assumes calibrated probabilities and no concept drift; under severe input drift read it as an upper bound.");
    }

    /// <summary>Whole money units with thousands separators ("12,345"), or "–".</summary>
    public static string Whole(double? value) => NumberText.Whole(value);

    private static string Signed(double? value) => value is { } v && double.IsFinite(v) ? (v >= 0 ? "+" : "") + Whole(v) : "–";

    private static string Days(double value) => NumberText.Fixed(value, 1) + " days";

}

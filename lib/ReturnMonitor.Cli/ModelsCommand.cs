using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;
using ReturnMonitor.Json;
using ReturnMonitor.Modeling;
using ReturnMonitor.Summaries;
using Spectre.Console;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>models --data FILE [--folds 5] [--inner-folds 3] [--seed 42] [--folds-out FILE] [--reference FILE] [--format text|markdown|json]</c>:
/// nested cross-validation of the ML.NET tree trainers (ModelComparison), optionally with the scikit-learn rows that
/// tests/reference/make_model_comparison_reference.py computed on the same folds.
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliOutput io)
    {
        var data = new Option<string>("--data") { Description = "Labelled training file (CSV or Parquet)", Required = true };
        var folds = new Option<int>("--folds") { Description = "Outer cross-validation folds", DefaultValueFactory = _ => new ModelComparisonOptions().Folds };
        var innerFolds = new Option<int>("--inner-folds") { Description = "Inner folds that tune each trainer on the outer training orders", DefaultValueFactory = _ => new ModelComparisonOptions().InnerFolds };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds and the models", DefaultValueFactory = _ => new ModelComparisonOptions().Seed };
        var foldsOut = new Option<string?>("--folds-out") { Description = "Write the outer fold of every order (row,fold CSV) for the scikit-learn reference script" };
        var reference = new Option<string?>("--reference") { Description = "Add the scikit-learn rows of a model_comparison_*.json written by tests/reference/make_model_comparison_reference.py on the same folds" };
        var format = new Option<string>("--format") { Description = "text, markdown or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var command = new Command("models", "Compare the ML.NET trainers (FastForest, FastTree, LightGbm) by nested cross-validation: ROC-AUC, Brier score, ECE")
        {
            data, folds, innerFolds, seed, foldsOut, reference, format,
        };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            var options = new ModelComparisonOptions(parse.GetValue(folds), parse.GetValue(innerFolds), parse.GetValue(seed));
            if (options.Folds < 2 || options.InnerFolds < 2)
            {
                throw new UsageException("--folds and --inner-folds must be at least 2");
            }

            var path = parse.GetValue(data)!;
            var table = OrderFile.Read(path);
            if (!table.HasTarget)
            {
                throw new UsageException($"{path} has no '{OrderSchema.Target}' column: comparing models needs labelled orders");
            }

            if (parse.GetValue(foldsOut) is { } foldsPath)
            {
                InputFiles.RequireOutputFile(foldsPath);
                File.WriteAllText(foldsPath, CrossValidationFolds.ToCsv(CrossValidationFolds.Assign(table, options.Folds, (ulong)options.Seed)));
                io.Progress($"wrote the fold assignment to {foldsPath}");
            }

            var sklearn = parse.GetValue(reference) is { } referencePath ? ReadReference(referencePath) : null;
            io.Progress($"models: nested {options.Folds}×{options.InnerFolds}-fold cross-validation of {string.Join(", ", options.Algorithms)} on {table.Count} orders…");
            var clock = Stopwatch.StartNew();
            var comparison = ModelComparison.Run(table, options, step => io.Progress($"models: {step}"));
            io.Progress($"models: done in {NumberText.Fixed(clock.Elapsed.TotalSeconds, 0)} s");
            if (sklearn is { } loaded && loaded.FoldsSha256 != comparison.FoldFingerprint)
            {
                throw new UsageException($"{loaded.Path} was computed on other folds (foldsSha256 {loaded.FoldsSha256[..12]}…, these folds {comparison.FoldFingerprint[..12]}…): rerun the reference script on this file's folds");
            }

            var rows = Rows(comparison, sklearn?.Rows ?? []);
            switch (parse.GetValue(format))
            {
                case "json":
                    io.Out.Write(Json(comparison, rows));
                    break;
                default:
                    Table(io.Console, comparison, rows, parse.GetValue(format) == "markdown" ? TableBorder.Markdown : TableBorder.Square);
                    break;
            }

            return CliApp.Success;
        }));
        return command;
    }

    private sealed record Row(string Trainer, string Origin, CrossValidatedMetric RocAuc, CrossValidatedMetric Brier, CrossValidatedMetric Ece, string Tuning);

    private sealed record Reference(string Path, string FoldsSha256, IReadOnlyList<Row> Rows);

    private static List<Row> Rows(ModelComparison comparison, IReadOnlyList<Row> sklearn)
    {
        var rows = comparison.Trainers
            .Select(t => new Row(t.Algorithm.ToString(), "ML.NET 5.0.1", t.RocAuc, t.Brier, t.Ece, Tuning(t)))
            .ToList();
        rows.AddRange(sklearn);
        return rows;
    }

    // The candidate each outer fold chose, counted: "L8 T300 η0.03 ×4; L16 T100 η0.1 ×1".
    private static string Tuning(TrainerEvaluation trainer) => string.Join("; ", trainer.Chosen
        .GroupBy(o => o.Algorithm == TreeAlgorithm.FastForest
            ? string.Create(CultureInfo.InvariantCulture, $"{o.Leaves} leaves, ≥{o.MinimumOrdersPerLeaf}/leaf")
            : string.Create(CultureInfo.InvariantCulture, $"{o.Leaves} leaves, {o.Trees} trees, rate {o.LearningRate}"))
        .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => $"{g.Key} ×{g.Count()}"));

    private static Reference ReadReference(string path)
    {
        try
        {
            var root = JsonNode.Parse(InputFiles.ReadAllText(path)) ?? throw new JsonException("empty document");
            var origin = $"scikit-learn {root["sklearn"]!.GetValue<string>()}";
            var rows = root["models"]!.AsArray().Select(m => new Row(
                m!["name"]!.GetValue<string>(),
                origin,
                Metric(m["rocAuc"]!),
                Metric(m["brier"]!),
                Metric(m["ece"]!),
                m["chosen"] is JsonArray chosen ? $"GridSearchCV on the training folds ({chosen.Count} folds)" : "fixed")).ToArray();
            return new Reference(path, root["foldsSha256"]!.GetValue<string>(), rows);
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            throw new DataFormatException(path, null, null, $"not a model-comparison reference file: {e.Message.ReplaceLineEndings(" ")}");
        }

        static CrossValidatedMetric Metric(JsonNode node) => new([.. node["perFold"]!.AsArray().Select(v => v!.GetValue<double>())]);
    }

    private static void Table(IAnsiConsole console, ModelComparison comparison, IReadOnlyList<Row> rows, TableBorder border)
    {
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Nested {comparison.Options.Folds}-fold cross-validation on {comparison.Source}: {comparison.Orders} orders, return rate {comparison.ReturnRate:P1}; mean ± standard error over the outer folds; hyper-parameters tuned by {comparison.Options.InnerFolds}-fold CV inside each outer training part"));
        var table = new Table().Border(border)
            .AddColumn("Trainer").AddColumn("Library")
            .AddColumn(new TableColumn("ROC-AUC").RightAligned())
            .AddColumn(new TableColumn("Brier").RightAligned())
            .AddColumn(new TableColumn("ECE").RightAligned())
            .AddColumn("Chosen in the outer folds");
        var best = rows.MaxBy(r => r.RocAuc.Mean)!;
        foreach (var row in rows)
        {
            var mark = row == best ? " (best)" : best.RocAuc.Mean - row.RocAuc.Mean <= best.RocAuc.StandardError ? " (≤ 1 SE)" : "";
            table.AddRow(
                Markup.Escape(row.Trainer), Markup.Escape(row.Origin),
                PlusMinus(row.RocAuc, 4) + mark, PlusMinus(row.Brier, 4), PlusMinus(row.Ece, 4), Markup.Escape(row.Tuning));
        }

        console.Write(table);
        console.WriteLine($"Folds: {comparison.FoldFingerprint} (SHA-256 of the row,fold CSV)");
    }

    private static string PlusMinus(CrossValidatedMetric metric, int digits) =>
        NumberText.Fixed(metric.Mean, digits) + " ± " + NumberText.Fixed(metric.StandardError, digits);

    private static string Json(ModelComparison comparison, IReadOnlyList<Row> rows)
    {
        var root = new JsonObject
        {
            ["source"] = comparison.Source,
            ["orders"] = comparison.Orders,
            ["returnRate"] = comparison.ReturnRate,
            ["folds"] = comparison.Options.Folds,
            ["innerFolds"] = comparison.Options.InnerFolds,
            ["seed"] = comparison.Options.Seed,
            ["foldsSha256"] = comparison.FoldFingerprint,
            ["trainers"] = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["trainer"] = r.Trainer,
                ["library"] = r.Origin,
                ["rocAuc"] = Metric(r.RocAuc),
                ["brier"] = Metric(r.Brier),
                ["ece"] = Metric(r.Ece),
                ["chosen"] = r.Tuning,
            })]),
            ["tuned"] = new JsonArray([.. comparison.Trainers.Select(t => (JsonNode)new JsonObject
            {
                ["trainer"] = t.Algorithm.ToString(),
                ["candidates"] = t.Candidates,
                ["chosenPerFold"] = JsonSerializer.SerializeToNode(t.Chosen, JsonDefaults.Options),
            })]),
        };
        return root.ToJsonString(JsonDefaults.Options) + "\n";

        static JsonObject Metric(CrossValidatedMetric m) => new()
        {
            ["mean"] = m.Mean,
            ["standardError"] = m.StandardError,
            ["perFold"] = new JsonArray([.. m.PerFold.Select(v => (JsonNode)v)]),
        };
    }
}

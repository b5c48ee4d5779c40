using System.CommandLine;
using System.Globalization;
using ReturnMonitor.Evaluation;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;
using Spectre.Console;

namespace ReturnMonitor.Cli;

/// <summary>
/// <c>evaluate [--trials N] [--drift-trials N] [--sizes 100,500,…] [--seed S] [--performance-trials N] [--multivariate-trials N] [--estimate-trials N] [--costs FILE] [--format text|markdown|json]</c>:
/// measures the alarms by simulation (false-positive rate, detection rate, per-feature precision and recall), and the
/// label-free estimates' reliability and the return-cost estimate's accuracy. Exit code 2 when a target is missed.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(CliOutput io)
    {
        var trials = new Option<int>("--trials") { Description = "Simulated normal (no-drift) batches per batch size", DefaultValueFactory = _ => new EvaluationOptions().Trials };
        var driftTrials = new Option<int>("--drift-trials") { Description = "Simulated batches per drifted case and batch size", DefaultValueFactory = _ => new EvaluationOptions().DriftTrials };
        var sizes = new Option<string>("--sizes") { Description = "Batch sizes, comma-separated", DefaultValueFactory = _ => string.Join(',', EvaluationOptions.DefaultSizes) };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the simulation", DefaultValueFactory = _ => new EvaluationOptions().Seed };
        var performanceTrials = new Option<int>("--performance-trials") { Description = "Labelled batches per case for the CBPE error (0 skips it)", DefaultValueFactory = _ => new EvaluationOptions().PerformanceTrials };
        var multivariateTrials = new Option<int>("--multivariate-trials") { Description = "Batches per case for the domain classifier (0 skips it)", DefaultValueFactory = _ => new EvaluationOptions().MultivariateTrials };
        var estimateTrials = new Option<int>("--estimate-trials") { Description = "Labelled batches per case and reference for the estimates' reliability, band coverage and return-cost accuracy (0 skips it)", DefaultValueFactory = _ => new EvaluationOptions().EstimateTrials };
        var estimateReferences = new Option<int>("--estimate-references") { Description = "Independently drawn references (model, held-out orders, calibration) the estimate batches are spread over", DefaultValueFactory = _ => new EvaluationOptions().EstimateReferences };
        var costs = SharedOptions.Costs();
        var format = new Option<string>("--format") { Description = "text, markdown or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var stream = new Option<bool>("--stream") { Description = "Evaluate monitoring over time instead: detection delay and false alarms of the per-batch decision vs the sequential detector on simulated weekly streams" };
        var scoreColumn = new Option<int>("--score-column-trials") { Description = "Evaluate monitoring from a score column instead: normal batches of 1,000 orders per reference (10 references) whose estimated accuracy band is checked against the realized accuracy" };
        var command = new Command("evaluate", "Measure the drift alarms by simulation: false-positive rate, detection rate, per-feature precision/recall")
        {
            trials, driftTrials, sizes, seed, performanceTrials, multivariateTrials, estimateTrials, estimateReferences, costs, format, stream, scoreColumn,
        };
        command.SetAction(parse => CliApp.Guard(io, () =>
        {
            if (parse.GetValue(stream))
            {
                return Stream(io, parse.GetValue(format)!, parse.GetValue(seed));
            }

            if (parse.GetValue(scoreColumn) is > 0 and var batches)
            {
                var coverage = ScoreColumnEvaluation.Run(10, batches, 1000, parse.GetValue(seed), progress: new Progress<string>(step => io.Progress($"evaluate: {step}")));
                io.Out.WriteLine(parse.GetValue(format) == "json"
                    ? System.Text.Json.JsonSerializer.Serialize(coverage, ReturnMonitor.Json.JsonDefaults.Options)
                    : $"score column: the estimated accuracy's band held the realized accuracy in {coverage.Held} of {coverage.Batches} normal batches of {coverage.BatchSize:N0} orders ({NumberText.Percent(coverage.Rate, 1)}; target {NumberText.Percent(ScoreColumnCoverage.Target, 0)}), mean |error| {NumberText.Fixed(coverage.MeanAbsoluteError, 4)}, bias {NumberText.Fixed(coverage.MeanError, 4)}");
                return coverage.Met ? CliApp.Success : CliApp.AlertRaised;
            }

            var options = new EvaluationOptions(
                Trials: parse.GetValue(trials),
                Sizes: ParseSizes(parse.GetValue(sizes)!),
                Seed: parse.GetValue(seed),
                DriftTrials: parse.GetValue(driftTrials),
                PerformanceTrials: parse.GetValue(performanceTrials),
                MultivariateTrials: parse.GetValue(multivariateTrials))
            {
                EstimateTrials = parse.GetValue(estimateTrials),
                EstimateReferences = parse.GetValue(estimateReferences),
                Costs = CostModel.LoadOrDefault(parse.GetValue(costs)),
            };
            if (options.Trials < 1 || options.DriftTrials < 1 || options.PerformanceTrials < 0 || options.MultivariateTrials < 0 || options.EstimateTrials < 0 || options.EstimateReferences < 1)
            {
                throw new UsageException("--trials and --drift-trials must be at least 1, --performance-trials, --multivariate-trials and --estimate-trials at least 0, --estimate-references at least 1");
            }

            var json = parse.GetValue(format) == "json";
            var report = Evaluator.Run(options, json ? null : new Progress<string>(step => io.Progress($"evaluate: {step}")));
            if (json)
            {
                io.Out.Write(EvaluationJson.Serialize(report));
            }
            else
            {
                EvaluationTables.Write(io.Console, report, parse.GetValue(format) == "markdown" ? TableBorder.Markdown : TableBorder.Square);
            }

            return report.Targets.All(t => t.Met) ? CliApp.Success : CliApp.AlertRaised;
        }));
        return command;
    }

    private static int Stream(CliOutput io, string format, ulong seed)
    {
        var json = format == "json";
        var report = StreamEvaluation.Run(new StreamEvaluationOptions(Seed: seed), json ? null : new Progress<string>(step => io.Progress($"evaluate --stream: {step}")));
        if (json)
        {
            io.Out.Write(StreamEvaluationJson.Serialize(report));
        }
        else
        {
            StreamEvaluationTables.Write(io.Console, report, format == "markdown" ? TableBorder.Markdown : TableBorder.Square);
        }

        // The target of the issue: the sequential detector catches the slow drift earlier at no more false alarms.
        var slow = report.Cases.Single(c => c.Case == "slow_drift");
        var met = report.Clean.SequentialAlarms <= report.Clean.PerBatchAlarms && slow.Sequential.Detected >= slow.PerBatch.Detected
            && !(slow.Sequential.MeanDelay >= slow.PerBatch.MeanDelay);
        return met ? CliApp.Success : CliApp.AlertRaised;
    }

    private static IReadOnlyList<int> ParseSizes(string text)
    {
        var sizes = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                throw new UsageException($"--sizes: '{part}' is not a batch size (a whole number of orders ≥ 1)");
            }

            sizes.Add(size);
        }

        return sizes.Count > 0 ? sizes : throw new UsageException("--sizes: give at least one batch size");
    }
}

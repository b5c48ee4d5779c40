using System.Globalization;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Modeling.Scoring;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Evaluation;

/// <summary>
/// The score-column case of <c>evaluate</c>: a model whose only trace is a score column in files, monitored as a shop's
/// own model would be. Per reference, a model is trained on simulated baseline orders; its held-out orders are written
/// with their scores as the labelled validation file, and normal (no-drift) labelled batches are written with theirs.
/// The monitoring reads the scores back from the files (<see cref="ScoreColumnSource"/>, no model at hand) and the
/// reported accuracy band (<c>performance.assessed.accuracy</c>) is compared with the realized accuracy. Which model
/// wrote the scores does not matter to the monitoring; ours is used because the simulation needs one that fits here.
/// Deterministic for a seed; the files live in a temporary folder deleted at the end.
/// </summary>
public static class ScoreColumnEvaluation
{
    /// <summary>The score column's name in the written files.</summary>
    public const string ScoreColumn = "score";

    /// <summary>Runs <paramref name="batches"/> normal batches of <paramref name="size"/> orders against each of <paramref name="references"/> references.</summary>
    /// <param name="references">Independently drawn references (a model and its scored validation file each).</param>
    /// <param name="batches">Normal batches per reference.</param>
    /// <param name="size">Orders per batch (issue 21 asks for at least 1,000).</param>
    /// <param name="seed">Seed of the references and batches.</param>
    /// <param name="referenceSize">Orders the model is trained on (its held-out 20% become the validation file).</param>
    /// <param name="progress">Told each reference as it starts; may be null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count below 1.</exception>
    public static ScoreColumnCoverage Run(int references, int batches, int size, ulong seed, int referenceSize = 5000, IProgress<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(references, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batches, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var folder = Path.Combine(Path.GetTempPath(), "returnmonitor-score-column-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            int held = 0, count = 0;
            double absolute = 0, signed = 0;
            for (var r = 0; r < references; r++)
            {
                progress?.Report($"score column: reference {r + 1} of {references}");
                var orders = OrderGenerator.Generate(Scenario.Baseline, referenceSize, RandomSource.DeriveSeed(seed, $"score-column/reference/{r}"));
                var (model, _, test) = ModelTrainer.TrainAndEvaluate(orders, importanceRepeats: 1);
                var referencePath = WriteScored(test, model, Path.Combine(folder, $"reference-{r}.csv"));
                var reference = OrderCsv.Read(referencePath);
                var monitor = new BatchMonitor(ReferenceProfile.Fit(reference), ModelMonitor.FromScores(new ScoreColumnSource(ScoreColumn), reference, referencePath));
                for (var t = 0; t < batches; t++)
                {
                    var batch = OrderGenerator.Generate(Scenario.Baseline, size, RandomSource.DeriveSeed(seed, $"score-column/batch/{r}/{t}"));
                    var batchPath = WriteScored(batch, model, Path.Combine(folder, $"batch-{r}-{t}.csv"));
                    var check = monitor.Check(OrderCsv.Read(batchPath, missing: MissingCells.Allow), batchPath).Model!;
                    var estimate = check.Assessment![PerformanceMetric.Accuracy];
                    var realized = check.Realized!.Accuracy;
                    held += estimate.Covers(realized) ? 1 : 0;
                    absolute += Math.Abs(estimate.Value - realized);
                    signed += estimate.Value - realized;
                    count++;
                    File.Delete(batchPath);
                }
            }

            return new ScoreColumnCoverage(references, count, size, held, absolute / count, signed / count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="orders"/> as CSV with the model's scores in the <see cref="ScoreColumn"/> column.</summary>
    private static string WriteScored(OrderTable orders, ReturnModel model, string path)
    {
        var scores = model.PredictProbabilities(orders);
        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        OrderCsv.Write(orders, text);
        using var output = new StreamWriter(path) { NewLine = "\n" };
        var row = -1;
        foreach (var line in text.ToString().Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            // Our forest's float scores can sit a hair outside [0, 1]; a score column holds probabilities.
            output.WriteLine(row < 0 ? $"{line},{ScoreColumn}" : $"{line},{Math.Clamp(scores[row], 0, 1).ToString("R", CultureInfo.InvariantCulture)}");
            row++;
        }

        return path;
    }
}

using System.Runtime.CompilerServices;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling.Scoring;

/// <summary>
/// Scores written into the file by the shop's own model (<c>--score-column COL</c>): the model's probability of a return,
/// one per row, in [0, 1]. The model's decisions are score ≥ <see cref="Threshold"/>; with a prediction column
/// (<c>--prediction-column COL</c>) they are the column's 0/1 values, which must be that threshold rule — the estimates
/// simulate decisions from scores, so decisions that are not a threshold of the score could not be estimated. Without
/// <c>--threshold</c> the threshold is 0.5 when the first file scored (the reference) agrees with it, else the lowest
/// score predicted 1 when every score predicted 0 lies below it; any row that breaks the rule is an error naming it.
/// </summary>
public sealed class ScoreColumnSource : IScoreSource
{
    private readonly ConditionalWeakTable<OrderTable, double[]> attached = new();
    private readonly double? givenThreshold;
    private double? resolved;

    /// <summary>A source reading <paramref name="column"/>.</summary>
    /// <param name="column">The score column.</param>
    /// <param name="predictionColumn">The 0/1 prediction column, or null (decisions are score ≥ threshold).</param>
    /// <param name="threshold">The decision threshold, or null for 0.5 (or the one the reference's predictions imply).</param>
    /// <exception cref="ArgumentException">A column name is empty, or the threshold is outside [0, 1].</exception>
    public ScoreColumnSource(string column, string? predictionColumn = null, double? threshold = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        if (predictionColumn is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(predictionColumn);
        }

        Column = column;
        PredictionColumn = predictionColumn;
        givenThreshold = threshold is { } t ? ScoreRules.CheckThreshold(t) : null;
    }

    /// <summary>The score column's name.</summary>
    public string Column { get; }

    /// <summary>The prediction column's name, or null.</summary>
    public string? PredictionColumn { get; }

    /// <inheritdoc />
    public bool UsesFeatures => false;

    /// <inheritdoc />
    public string Description => PredictionColumn is null ? $"score column '{Column}'" : $"score column '{Column}', prediction column '{PredictionColumn}'";

    /// <inheritdoc />
    public double Threshold => givenThreshold ?? resolved ?? ScoreRules.DefaultThreshold;

    /// <summary>
    /// Gives a table cut from a scored file (a period's rows) its scores, cut the same way, so that checking the table
    /// needs no file: <see cref="Score"/> returns them for this very table object.
    /// </summary>
    /// <exception cref="ArgumentException">Not one score per order, or a score outside [0, 1].</exception>
    public void Attach(OrderTable orders, double[] scores)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (scores.Length != orders.Count || !scores.All(ScoreRules.IsValid))
        {
            throw new ArgumentException($"{orders.Source}: {scores.Length} scores for {orders.Count} orders, each must be in [0, 1]");
        }

        attached.AddOrUpdate(orders, scores);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="file"/> is null and no scores were attached to <paramref name="orders"/>.</exception>
    public double[] Score(OrderTable orders, string? file)
    {
        ArgumentNullException.ThrowIfNull(orders);
        if (attached.TryGetValue(orders, out var known))
        {
            return known;
        }

        if (file is null)
        {
            throw new ArgumentException($"{orders.Source}: a score column is read from the orders' file, and this table has none");
        }

        var read = ScoreColumnReader.Read(file, orders.Source, Column, PredictionColumn);
        if (read.Scores.Length != orders.Count)
        {
            throw new DataFormatException(orders.Source, null, Column, $"{read.Scores.Length} scores for {orders.Count} orders: every order read needs its score");
        }

        if (read.Predictions is { } predictions)
        {
            // The first file scored is the reference: it fixes the threshold when none was given.
            resolved ??= givenThreshold ?? InferThreshold(read.Scores, predictions);
            CheckPredictions(read, orders.Source, Threshold);
        }

        return read.Scores;
    }

    /// <summary>
    /// The threshold that 0/1 predictions imply: 0.5 when they are score ≥ 0.5, else the lowest score predicted 1
    /// (when every score predicted 0 lies below it), else 0.5 — and then <see cref="CheckPredictions"/> names the row
    /// that breaks the rule.
    /// </summary>
    internal static double InferThreshold(ReadOnlySpan<double> scores, ReadOnlySpan<bool> predictions)
    {
        var lowestPositive = double.PositiveInfinity;
        var highestNegative = double.NegativeInfinity;
        var agreesWithDefault = true;
        for (var i = 0; i < scores.Length; i++)
        {
            agreesWithDefault &= predictions[i] == scores[i] >= ScoreRules.DefaultThreshold;
            if (predictions[i])
            {
                lowestPositive = Math.Min(lowestPositive, scores[i]);
            }
            else
            {
                highestNegative = Math.Max(highestNegative, scores[i]);
            }
        }

        return agreesWithDefault || double.IsPositiveInfinity(lowestPositive) || highestNegative >= lowestPositive
            ? ScoreRules.DefaultThreshold
            : lowestPositive;
    }

    private void CheckPredictions(ColumnScores read, string file, double threshold)
    {
        for (var i = 0; i < read.Scores.Length; i++)
        {
            if (read.Predictions![i] != read.Scores[i] >= threshold)
            {
                var rule = read.Predictions[i] ? "below" : "at or above";
                throw new DataFormatException(file, read.Lines[i], PredictionColumn, $"prediction {(read.Predictions[i] ? 1 : 0)} but score {ScoreRules.Text(read.Scores[i])} in '{Column}' is {rule} the threshold {ScoreRules.Text(threshold)}: the predictions must be score ≥ threshold (give the model's threshold with --threshold)");
            }
        }
    }
}

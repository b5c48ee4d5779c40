using System.Globalization;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling.Scoring;

/// <summary>What every score source guarantees: scores in [0, 1], never NaN, and one decision threshold.</summary>
public static class ScoreRules
{
    /// <summary>The default decision threshold: an order is predicted returned when its score is at least 0.5.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>Whether <paramref name="score"/> is a probability: finite and within [0, 1].</summary>
    public static bool IsValid(double score) => score is >= 0 and <= 1;

    /// <summary>Checks a decision threshold given by a user.</summary>
    /// <exception cref="ArgumentException">NaN or outside [0, 1].</exception>
    public static double CheckThreshold(double threshold) => IsValid(threshold)
        ? threshold
        : throw new ArgumentException($"the threshold must be a number from 0 to 1 (got {Text(threshold)})");

    /// <summary>
    /// Checks scores produced by a model (not read from a file): the error names the model file, its output and the
    /// order's position in the table (1-based).
    /// </summary>
    /// <exception cref="DataFormatException">A score is NaN or outside [0, 1].</exception>
    public static void CheckProduced(ReadOnlySpan<double> scores, string modelFile, string output, string table)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (!IsValid(scores[i]))
            {
                throw new DataFormatException(modelFile, null, output, $"the model scored order {i + 1} of {table} {Text(scores[i])}: a probability of return must be from 0 to 1");
            }
        }
    }

    /// <summary>A number as the messages write it (invariant, round-trip).</summary>
    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

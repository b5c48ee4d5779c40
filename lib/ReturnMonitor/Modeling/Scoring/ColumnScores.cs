namespace ReturnMonitor.Modeling.Scoring;

/// <summary>A score column (and optional prediction column) as read from a file, row by row.</summary>
/// <param name="Scores">The score of every data row, in file order, each in [0, 1].</param>
/// <param name="Predictions">The 0/1 prediction of every row, or null without a prediction column.</param>
/// <param name="Lines">The 1-based line on which each row starts, for messages about a row.</param>
internal sealed record ColumnScores(double[] Scores, bool[]? Predictions, long[] Lines);

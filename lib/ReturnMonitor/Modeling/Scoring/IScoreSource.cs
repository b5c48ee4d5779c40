using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling.Scoring;

/// <summary>
/// Where a table's model scores (the model's probability of a return, one per order, in [0, 1]) come from: our own
/// ML.NET model (<see cref="ModelScoreSource"/>), a column the shop's own model wrote into the file
/// (<see cref="ScoreColumnSource"/>), or the shop's model exported as ONNX (<see cref="OnnxScoreSource"/>). The
/// monitoring consumes scores only, so everything it derives from them — realized and estimated metrics, calibration,
/// prediction drift, money — is the same whichever source produced them.
/// </summary>
public interface IScoreSource
{
    /// <summary>What produces the scores, for the JSON and messages (e.g. <c>score column 'proba'</c>).</summary>
    string Description { get; }

    /// <summary>
    /// Whether the scores are computed from the orders' features (our model, ONNX): a batch's gaps are then filled
    /// before scoring, as for our model. False for a score column, whose scores are read as they are.
    /// </summary>
    bool UsesFeatures { get; }

    /// <summary>The score from which an order is predicted returned (score ≥ threshold), in [0, 1].</summary>
    double Threshold { get; }

    /// <summary>The score of every order of <paramref name="orders"/>, in table order, each in [0, 1].</summary>
    /// <param name="orders">The orders, as read from <paramref name="file"/>.</param>
    /// <param name="file">The file the orders were read from (a score column is read from it); null for a table built in memory.</param>
    /// <exception cref="DataFormatException">A score is missing, NaN or outside [0, 1] (file, line and column named), or the source cannot score this table.</exception>
    double[] Score(OrderTable orders, string? file);
}

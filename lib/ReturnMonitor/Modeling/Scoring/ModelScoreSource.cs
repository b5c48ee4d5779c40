using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling.Scoring;

/// <summary>Scores from our own ML.NET model (<see cref="ReturnModel.PredictProbabilities"/>): what <c>--model DIR</c> uses.</summary>
/// <param name="Model">The trained model.</param>
public sealed record ModelScoreSource(ReturnModel Model) : IScoreSource
{
    /// <inheritdoc />
    public bool UsesFeatures => true;

    /// <inheritdoc />
    public string Description => "model";

    /// <inheritdoc />
    public double Threshold => ScoreRules.DefaultThreshold;

    /// <inheritdoc />
    public double[] Score(OrderTable orders, string? file) => Model.PredictProbabilities(orders);
}

using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace ReturnMonitor.Modeling;

/// <summary>What a trained pipeline's last step holds: its trees and how ML.NET turns their summed output into a probability.</summary>
/// <param name="Trees">The trees, in scoring order.</param>
/// <param name="Weights">Each tree's weight in the sum.</param>
/// <param name="Bias">Constant added to the sum.</param>
/// <param name="Calibrator">ML.NET's map from score to P(returned) (Platt for FastTree and LightGbm); null for FastForest.</param>
/// <param name="FeatureColumnName">The column the trees read.</param>
internal sealed record TreeEnsembleView(
    IReadOnlyList<RegressionTreeBase> Trees,
    IReadOnlyList<double> Weights,
    double Bias,
    ICalibrator? Calibrator,
    string FeatureColumnName);

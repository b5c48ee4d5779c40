namespace ReturnMonitor.Evaluation;

/// <summary>How the label-free estimates with known limits did on labelled simulated batches of one case (<see cref="EstimateEvaluation"/>).</summary>
/// <param name="Scenario">The case's name.</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="Trials">Batches simulated (over all references).</param>
/// <param name="References">Independently drawn references (model, held-out orders, calibration) the batches were spread over.</param>
/// <param name="CbpeAccuracyMae">Mean |CBPE − realized| accuracy over all batches.</param>
/// <param name="ImportanceWeightedAccuracyMae">Mean |importance-weighted − realized| accuracy over all batches.</param>
/// <param name="ImportanceWeightedAccuracyBias">Mean (importance-weighted − realized) accuracy: positive = too optimistic.</param>
/// <param name="ChosenAccuracyMae">Mean |reported − realized| accuracy, the estimator chosen by the reliability rule, over all batches.</param>
/// <param name="ReliableAccuracyMae">The same over the batches flagged reliable; NaN when none.</param>
/// <param name="Unreliable">Batches flagged unreliable, of all batches.</param>
/// <param name="AccuracyCoverage">Batches flagged reliable whose accuracy band contains the realized accuracy, of those batches.</param>
/// <param name="RocAucCoverage">The same for ROC-AUC.</param>
/// <param name="ImportanceWeightedChosen">Batches on which the importance-weighted estimator was chosen (a shift was detected).</param>
/// <param name="MeanEffectiveSampleSize">Mean effective sample size of the importance weights.</param>
/// <param name="MeanShareOutsideSupport">Mean share of batch orders outside the reference's per-feature range.</param>
/// <param name="MeanRealizedAccuracy">Mean realized accuracy.</param>
public sealed record EstimateQuality(
    string Scenario,
    int Size,
    int Trials,
    int References,
    double CbpeAccuracyMae,
    double ImportanceWeightedAccuracyMae,
    double ImportanceWeightedAccuracyBias,
    double ChosenAccuracyMae,
    double ReliableAccuracyMae,
    Proportion Unreliable,
    Proportion AccuracyCoverage,
    Proportion RocAucCoverage,
    Proportion ImportanceWeightedChosen,
    double MeanEffectiveSampleSize,
    double MeanShareOutsideSupport,
    double MeanRealizedAccuracy);

namespace ReturnMonitor.Evaluation;

/// <summary>How close the CBPE estimate came to the realized metrics on simulated labelled batches of one case and size.</summary>
/// <param name="Scenario">The case's name.</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="Trials">Batches simulated.</param>
/// <param name="RocAucMae">Mean |estimated − realized| ROC-AUC.</param>
/// <param name="AccuracyMae">Mean |estimated − realized| accuracy.</param>
/// <param name="AccuracyBias">Mean (estimated − realized) accuracy: positive when the estimate is too optimistic.</param>
/// <param name="MeanRealizedAccuracy">Mean realized accuracy.</param>
public sealed record PerformanceError(string Scenario, int Size, int Trials, double RocAucMae, double AccuracyMae, double AccuracyBias, double MeanRealizedAccuracy);

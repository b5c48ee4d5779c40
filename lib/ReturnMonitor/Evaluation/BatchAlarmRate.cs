namespace ReturnMonitor.Evaluation;

/// <summary>How often the batch alarm (status warning or critical) went off for one case and batch size.</summary>
/// <param name="Scenario">The case's name.</param>
/// <param name="IsNull">True for the no-drift case, where <paramref name="Alarms"/> is the false-positive rate.</param>
/// <param name="Magnitude">Shift magnitude of the case (0 null, 1 full scenario, fractions for graded cases).</param>
/// <param name="Size">Orders per batch.</param>
/// <param name="Alarms">Batches with status warning or critical, of all batches.</param>
/// <param name="Critical">Batches with status critical, of all batches.</param>
public sealed record BatchAlarmRate(string Scenario, bool IsNull, double Magnitude, int Size, Proportion Alarms, Proportion Critical);

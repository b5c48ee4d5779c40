namespace ReturnMonitor.Evaluation;

/// <summary>One of the evaluation's stated targets and whether this run met it.</summary>
/// <param name="Name">Stable key, e.g. <c>falsePositiveRate</c>.</param>
/// <param name="Description">The target in words.</param>
/// <param name="Met">Whether the measured value meets it.</param>
/// <param name="Measured">The measured value the decision was made on, in words.</param>
public sealed record TargetCheck(string Name, string Description, bool Met, string Measured);

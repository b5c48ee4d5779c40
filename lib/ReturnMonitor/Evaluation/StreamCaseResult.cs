namespace ReturnMonitor.Evaluation;

/// <summary>One drift case of the stream evaluation, per detector.</summary>
/// <param name="Case">Key of the case, e.g. <c>slow_drift</c>.</param>
/// <param name="Description">What happens from the onset on.</param>
/// <param name="PerBatch">The per-batch decision (status warning or critical).</param>
/// <param name="Sequential">The CUSUM detector.</param>
public sealed record StreamCaseResult(string Case, string Description, DetectionDelay PerBatch, DetectionDelay Sequential);

namespace ReturnMonitor.Monitoring;

/// <summary>The recommendations for one batch: its findings and the overall urgency (the highest of the findings).</summary>
/// <param name="Urgency">Overall urgency.</param>
/// <param name="Findings">Findings, most urgent first.</param>
/// <param name="Actions">The standard actions of the overall urgency level.</param>
public sealed record Recommendation(Urgency Urgency, IReadOnlyList<Finding> Findings, IReadOnlyList<string> Actions);

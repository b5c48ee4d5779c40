namespace ReturnMonitor.Monitoring;

/// <summary>One key finding about a batch, with the numbers that triggered it and what to do.</summary>
/// <param name="Title">What was found, in a few words ("Flash-sale pattern").</param>
/// <param name="Urgency">How soon to act on this finding.</param>
/// <param name="Evidence">The numbers that triggered the rule ("average discount 15% → 60%, …").</param>
/// <param name="Actions">Recommended actions, most important first.</param>
public sealed record Finding(string Title, Urgency Urgency, string Evidence, IReadOnlyList<string> Actions);

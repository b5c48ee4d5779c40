namespace ReturnMonitor.Data;

/// <summary>Ground truth of one event in a <see cref="WeeklyStream"/>: what happens, and from which period to which.</summary>
/// <param name="Name">Key of the event, e.g. <c>flash_sale</c>, <c>supply_crisis</c>, <c>seasonal_drift</c>.</param>
/// <param name="Description">One sentence for people.</param>
/// <param name="Onset">Index of the first period the event affects (0-based).</param>
/// <param name="Last">Index of the last period it affects.</param>
public sealed record StreamEvent(string Name, string Description, int Onset, int Last)
{
    /// <summary>Whether period <paramref name="index"/> lies inside the event.</summary>
    public bool Covers(int index) => index >= Onset && index <= Last;
}

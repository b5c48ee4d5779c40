namespace ReturnMonitor.Data;

/// <summary>One week of a <see cref="WeeklyStream"/> with the ground truth of what generated it.</summary>
/// <param name="Index">Position in the stream, 0-based.</param>
/// <param name="Period">The ISO week.</param>
/// <param name="Scenario">The generator parameters of the week's orders (<see cref="Scenario.Normal"/> in an ordinary week).</param>
/// <param name="Event">Name of the event under way, or null in an ordinary week.</param>
/// <param name="Intensity">How far the week is into its event's full shift, in [0, 1]; 0 in an ordinary week.</param>
public sealed record StreamPeriod(int Index, BatchPeriod Period, Scenario Scenario, string? Event, double Intensity)
{
    /// <summary>True when the week's orders do not come from the training distribution.</summary>
    public bool Drifted => Event is not null && Intensity > 0;
}

using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// How the monitor's sentences and cards write a share: <see cref="NumberText.Percent"/>. Kept only because the
/// history mapping (Monitoring/History, being moved by its owner) still names it; new code calls NumberText.
/// </summary>
public static class PercentText
{
    /// <summary>A share in [0, 1] as a percentage with one decimal, e.g. 0.125 → "12.5%".</summary>
    public static string Of(double share) => NumberText.Percent(share);
}

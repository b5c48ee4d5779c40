using System.Globalization;

namespace ReturnMonitor.Monitoring;

/// <summary>How the monitor's sentences and cards write a share: "12.5%" (one decimal, invariant culture).</summary>
public static class PercentText
{
    /// <summary>A share in [0, 1] as a percentage with one decimal, e.g. 0.125 → "12.5%".</summary>
    public static string Of(double share) => (100 * share).ToString("F1", CultureInfo.InvariantCulture) + "%";
}

namespace ReturnMonitor.Notebooks.Charts;

/// <summary>
/// The one place that finds Chromium: the chart renderer, <c>kernel install</c>'s check and the browser tests all ask
/// here, so they agree on the candidates and on the message that says how to install it.
/// </summary>
public static class ChromiumLocator
{
    /// <summary>Environment variable that overrides the Chromium executable.</summary>
    public const string EnvironmentVariable = "RETURNMONITOR_CHROMIUM";

    // Debian's package installs "chromium"; other distributions and Google's builds use the other names.
    private static readonly string[] CandidateNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>
    /// The executable: <paramref name="configured"/>, else <see cref="EnvironmentVariable"/>, else the first candidate
    /// name found on PATH or in /usr/bin.
    /// </summary>
    /// <exception cref="ChartRenderingException">A configured path does not exist, or no candidate was found; the message says how to install Chromium.</exception>
    public static string Find(string? configured = null)
    {
        configured ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (File.Exists(configured))
            {
                return configured;
            }

            throw new ChartRenderingException($"Chromium executable '{configured}' does not exist; install the Debian package 'chromium' (apt-get install chromium) or fix {EnvironmentVariable}.");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/bin"))
        {
            foreach (var name in CandidateNames)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new ChartRenderingException("Chromium is needed to render chart images but was not found: install the Debian package 'chromium' (apt-get install chromium), or set " + EnvironmentVariable + " to a Chromium/Chrome executable.");
    }
}

using System.Diagnostics;
using ReturnMonitor.Notebooks.Charts;

namespace ReturnMonitor.Tests.Browser;

/// <summary>Runs Debian's headless Chromium with networking cut off and a fresh profile per run.</summary>
internal static class HeadlessChromium
{
    // The product's one locator (the notebook engine's chart renderer uses it too).
    public static string Executable { get; } = ChromiumLocator.Find();

    /// <summary>The DOM after the page's scripts ran (virtual time lets plotly finish).</summary>
    public static string DumpDom(string url) => Run(["--dump-dom", url]);

    /// <summary>Writes a PNG screenshot of the page.</summary>
    public static void Screenshot(string url, string png, int width = 1400, int height = 2600)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(png)!);
        Run(["--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={png}", url]);
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot {png}");
    }

    private static string Run(IEnumerable<string> arguments)
    {
        var profile = Directory.CreateTempSubdirectory("rm-chromium-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var flag in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--no-first-run", "--disable-quic", "--host-resolver-rules=MAP * ~NOTFOUND",
                         $"--user-data-dir={profile.FullName}", "--virtual-time-budget=15000",
                     }.Concat(arguments))
            {
                start.ArgumentList.Add(flag);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "Chromium did not finish within 90 s");
            return stdout.Result;
        }
        finally
        {
            profile.Delete(true);
        }
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ReturnMonitor.Notebooks.Formatting;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.Notebooks.Charts;

/// <summary>Renders Plotly chart specs to PNG images.</summary>
public interface IChartRenderer
{
    /// <summary>Renders every chart; returns one PNG (raw bytes) per chart, in order.</summary>
    Task<IReadOnlyList<byte[]>> RenderAsync(IReadOnlyList<ChartSpec> charts, CancellationToken cancellationToken);
}

/// <summary>A chart could not be rendered (Chromium missing, crashed, or plotly.js failed).</summary>
public sealed class ChartRenderingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChartRenderingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Renders charts with headless Chromium and the plotly.js embedded in Plotly.NET (no network):
/// one Chromium launch per batch writes every chart via <c>Plotly.toImage</c> into the page, and
/// <c>--dump-dom</c> returns the data URLs.
/// </summary>
public sealed partial class ChromiumChartRenderer : IChartRenderer
{
    /// <summary>Environment variable that overrides the Chromium executable.</summary>
    public const string ChromiumEnvironmentVariable = ChromiumLocator.EnvironmentVariable;

    /// <summary>Creates a renderer.</summary>
    /// <param name="chromiumPath">Executable; null to use <see cref="ChromiumEnvironmentVariable"/> or look on PATH.</param>
    /// <param name="timeout">Time limit for one Chromium run (default two minutes).</param>
    public ChromiumChartRenderer(string? chromiumPath = null, TimeSpan? timeout = null)
    {
        ChromiumPath = chromiumPath;
        Timeout = timeout ?? TimeSpan.FromMinutes(2);
    }

    /// <summary>The configured executable, or null for discovery.</summary>
    public string? ChromiumPath { get; }

    /// <summary>Time limit for one Chromium run.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Finds Chromium or throws a <see cref="ChartRenderingException"/> saying how to install it.</summary>
    public string LocateChromium() => ChromiumLocator.Find(ChromiumPath);

    /// <inheritdoc />
    public async Task<IReadOnlyList<byte[]>> RenderAsync(IReadOnlyList<ChartSpec> charts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charts);
        if (charts.Count == 0)
        {
            return [];
        }
        var chromium = LocateChromium();
        var work = Directory.CreateTempSubdirectory("returnmonitor-charts-");
        try
        {
            var profile = Directory.CreateDirectory(Path.Combine(work.FullName, "profile"));
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "plotly.min.js"), PlotlyJs.Source, cancellationToken).ConfigureAwait(false);
            var specs = new StringBuilder("window.returnmonitorSpecs = [\n");
            foreach (var c in charts)
            {
                specs.Append("{\"w\":").Append(c.Width).Append(",\"h\":").Append(c.Height).Append(",\"fig\":").Append(c.SpecJson).Append("},\n");
            }
            specs.Append("];\n");
            await File.WriteAllTextAsync(Path.Combine(work.FullName, "specs.js"), specs.ToString(), cancellationToken).ConfigureAwait(false);
            var page = Path.Combine(work.FullName, "render.html");
            await File.WriteAllTextAsync(page, RenderPage, cancellationToken).ConfigureAwait(false);

            var psi = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = work.FullName,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
                "--allow-file-access-from-files", "--user-data-dir=" + profile.FullName,
                "--virtual-time-budget=600000", "--run-all-compositor-stages-before-draw", "--dump-dom",
                new Uri(page).AbsoluteUri,
            })
            {
                psi.ArgumentList.Add(arg);
            }
            using var process = new Process { StartInfo = psi };
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new ChartRenderingException($"could not start Chromium ('{chromium}'): {ex.Message}; install the Debian package 'chromium'.", ex);
            }
            var stdoutTask = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderrTask = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutCts.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // already exited
                }
                cancellationToken.ThrowIfCancellationRequested();
                throw new ChartRenderingException($"Chromium did not finish rendering {charts.Count} chart(s) within {Timeout.TotalSeconds:0} s.");
            }
            var dom = await stdoutTask.ConfigureAwait(false);
            var stderr = await stderrTask.ConfigureAwait(false);
            var match = ResultRegex().Match(dom);
            if (!match.Success)
            {
                var tail = string.Join('\n', stderr.Split('\n').Where(l => !l.Contains("dbus", StringComparison.OrdinalIgnoreCase)).TakeLast(5));
                throw new ChartRenderingException($"Chromium (exit code {process.ExitCode}) produced no chart images. {tail}".Trim());
            }
            return ParseResults(HtmlText.Unescape(match.Groups[1].Value), charts.Count);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // best effort
            }
            catch (UnauthorizedAccessException)
            {
                // best effort
            }
        }
    }

    private static List<byte[]> ParseResults(string json, int expected)
    {
        using var doc = JsonDocument.Parse(json);
        var results = new List<byte[]>();
        var index = 0;
        foreach (var r in doc.RootElement.EnumerateArray())
        {
            index++;
            if (!r.GetProperty("ok").GetBoolean())
            {
                throw new ChartRenderingException($"plotly.js could not render chart {index}: {r.GetProperty("error").GetString()}");
            }
            var url = r.GetProperty("url").GetString() ?? string.Empty;
            const string prefix = "data:image/png;base64,";
            if (!url.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new ChartRenderingException($"chart {index}: unexpected image data from plotly.js");
            }
            results.Add(Convert.FromBase64String(url[prefix.Length..]));
        }
        if (results.Count != expected)
        {
            throw new ChartRenderingException($"Chromium returned {results.Count} chart image(s), expected {expected}.");
        }
        return results;
    }

    [GeneratedRegex("<pre id=\"returnmonitor-result\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ResultRegex();

    private const string RenderPage = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>charts</title>
        <script src="plotly.min.js"></script>
        <script src="specs.js"></script>
        </head><body>
        <script>
        (async function () {
          const results = [];
          for (const s of window.returnmonitorSpecs) {
            const div = document.createElement('div');
            document.body.appendChild(div);
            try {
              const fig = s.fig;
              const config = Object.assign({}, fig.config || {}, { staticPlot: true, responsive: false });
              const layout = Object.assign({}, fig.layout || {}, { width: s.w, height: s.h });
              const gd = await Plotly.newPlot(div, fig.data || [], layout, config);
              const url = await Plotly.toImage(gd, { format: 'png', width: s.w, height: s.h, scale: 1 });
              results.push({ ok: true, url: url });
              Plotly.purge(gd);
            } catch (e) {
              results.push({ ok: false, error: String(e && e.message || e) });
            }
            div.remove();
          }
          const pre = document.createElement('pre');
          pre.id = 'returnmonitor-result';
          pre.textContent = JSON.stringify(results);
          document.body.appendChild(pre);
        })();
        </script>
        </body></html>
        """;
}

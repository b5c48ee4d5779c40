using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Kernel.Tests;

/// <summary>
/// A real frontend: the classic Jupyter Notebook server (Debian <c>jupyter-notebook</c>, on 127.0.0.1) in headless
/// Chromium opens notebook 04, runs all cells through the page on the installed kernel, and the page shows rendered
/// Plotly charts and tables with no error output. The screenshot is kept in the test output folder.
/// </summary>
public class ClassicNotebookTests(JupyterEnvironment jupyter) : IClassFixture<JupyterEnvironment>
{
    private const string Notebook = "04-monitoring-dashboard.ipynb";

    [Fact]
    public async Task The_classic_notebook_runs_notebook_04_on_the_kernel_and_shows_its_charts_and_tables()
    {
        var workbook = jupyter.CopyWorkbook();
        var port = FreePort();
        var token = Guid.NewGuid().ToString("N");
        using var server = StartServer(workbook, port, token);
        try
        {
            using (var http = new HttpClient())
            {
                var up = false;
                for (var i = 0; i < 120 && !up; i++)
                {
                    try
                    {
                        up = (await http.GetAsync($"http://127.0.0.1:{port}/api/status?token={token}")).StatusCode == HttpStatusCode.OK;
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Delay(500);
                    }
                }
                Assert.True(up, "the Notebook server did not start");
            }

            using var browser = await DevToolsBrowser.StartAsync(1400, 1000);
            await browser.NavigateAsync($"http://127.0.0.1:{port}/notebooks/notebooks/{Notebook}?token={token}");
            Assert.True(await browser.WaitForAsync("!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())", TimeSpan.FromSeconds(90)),
                "the notebook page never connected to a kernel");
            Assert.Equal("returnmonitor-csharp", (await browser.EvaluateAsync("Jupyter.notebook.kernel.name"))!.GetValue<string>());

            // Static first: the committed outputs (written by the headless runner for GitHub) show each chart as its PNG.
            var expectedCharts = CommittedChartCount(Path.Combine(jupyter.Repository, "notebooks", Notebook));
            Assert.True(await browser.WaitForAsync(
                $"Array.from(document.querySelectorAll('.output_png img')).filter(i => i.complete && i.naturalWidth > 100).length === {expectedCharts}",
                TimeSpan.FromSeconds(30)), "the committed chart images are not all shown");
            Assert.Equal(0, (await browser.EvaluateAsync("document.querySelectorAll('.output_error').length"))!.GetValue<int>());

            // Start from empty outputs so that everything on the page comes from this live session.
            await browser.EvaluateAsync("Jupyter.notebook.clear_all_output(); Jupyter.notebook.execute_all_cells(); true");
            var done = await browser.WaitForAsync(
                "Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').every(c => typeof c.input_prompt_number === 'number') && !Jupyter.notebook.kernel_busy",
                TimeSpan.FromMinutes(5));
            var page = (await browser.EvaluateAsync("""
                JSON.stringify({
                  cells: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').length,
                  prompts: Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code').map(c => c.input_prompt_number),
                  errors: Array.from(document.querySelectorAll('.output_error, .output_stderr')).map(e => e.innerText.slice(0, 300)),
                  charts: document.querySelectorAll('.output_area .js-plotly-plot').length,
                  drawn: Array.from(document.querySelectorAll('.output_area .js-plotly-plot')).filter(p => p.querySelector('.main-svg .plot') && p.getBoundingClientRect().height > 100).length,
                  tables: document.querySelectorAll('.output_html table').length,
                  notLoaded: document.body.innerText.includes('plotly.js is not loaded')
                })
                """))!.GetValue<string>();
            // The classic Notebook scrolls inside #site; let it grow so the screenshot holds the whole notebook.
            var height = (await browser.EvaluateAsync("""
                (() => { for (const id of ['site']) { const e = document.getElementById(id); e.style.height = 'auto'; e.style.overflow = 'visible'; }
                         document.body.style.overflow = 'visible'; document.documentElement.style.overflow = 'visible';
                         return document.documentElement.scrollHeight; })()
                """))!.GetValue<int>();
            await browser.SetViewportAsync(1400, Math.Min(height, 16000));
            await Task.Delay(500);
            var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "classic-notebook-04.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await File.WriteAllBytesAsync(screenshot, await browser.ScreenshotAsync());

            var result = JsonNode.Parse(page)!;
            Assert.True(done, "not every cell finished: " + page);
            Assert.Empty(result["errors"]!.AsArray());
            Assert.True(expectedCharts >= 5, $"notebook 04 should hold charts ({expectedCharts})");
            Assert.Equal(expectedCharts, result["charts"]!.GetValue<int>());
            Assert.Equal(expectedCharts, result["drawn"]!.GetValue<int>());
            Assert.True(result["tables"]!.GetValue<int>() >= 5, page);
            Assert.False(result["notLoaded"]!.GetValue<bool>());
            Assert.True(new FileInfo(screenshot).Length > 50_000, "screenshot looks empty");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
            }
        }
    }

    private Process StartServer(string workbook, int port, string token)
    {
        var start = new ProcessStartInfo(JupyterEnvironment.Jupyter) { WorkingDirectory = workbook, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
                     $"--NotebookApp.token={token}", $"--notebook-dir={workbook}", "--NotebookApp.open_browser=False",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in jupyter.Variables())
        {
            start.Environment[key] = value;
        }
        // Live chart PNGs would add a Chromium launch per chart cell; the protocol test checks them.
        start.Environment["RETURNMONITOR_KERNEL_CHART_PNG"] = "0";
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    private static int CommittedChartCount(string path)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(path))!;
        return notebook["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Count(o => o!["metadata"]?["returnmonitor"]?["plotly_spec_sha256"] is not null);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

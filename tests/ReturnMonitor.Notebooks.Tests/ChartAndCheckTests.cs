using System.Buffers.Binary;
using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Tests;

public class ChartAndCheckTests
{
    private const string Setup = "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\nusing Plotly.NET.CSharp;";
    private const string ScatterChart = "Chart.Point<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 2.0, 4.0, 3.0 })";
    private const string BarChart = "Chart.Column<double, string, string>(values: new[] { 0.1, 0.3 }, Keys: new[] { \"a\", \"b\" })";

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Charts_become_png_outputs_with_spec_hash_rendered_in_one_batch()
    {
        var renderer = new FakeRenderer();
        var path = Nb.Write(Nb.Text(Setup, ScatterChart, $"display({BarChart});\ndisplay({ScatterChart});"));

        var r = await new NotebookRunner().RunAsync(path, Nb.Options(renderer));

        Assert.True(r.Succeeded, r.FailureMessage);
        Assert.Equal(1, renderer.Calls);
        Assert.Equal(3, renderer.Charts);
        var chart = Nb.Outputs(r, 2).Single()!;
        Assert.Equal("display_data", chart["output_type"]!.GetValue<string>());
        var data = chart["data"]!.AsObject();
        Assert.Equal(["image/png"], data.Select(kv => kv.Key)); // image alone: GitHub shows it without scripts
        Assert.Equal(Nb.OnePixelPng, Convert.FromBase64String(data["image/png"]!.GetValue<string>()));
        var hash = chart["metadata"]!["returnmonitor"]!["plotly_spec_sha256"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(600, chart["metadata"]!["image/png"]!["width"]!.GetValue<int>());
        var third = Nb.Outputs(r, 3);
        Assert.Equal(2, third.Count);
        Assert.Equal(hash, third[1]!["metadata"]!["returnmonitor"]!["plotly_spec_sha256"]!.GetValue<string>()); // same spec, same hash
        Assert.NotEqual(hash, third[0]!["metadata"]!["returnmonitor"]!["plotly_spec_sha256"]!.GetValue<string>());
    }

    [Fact]
    public async Task F_sharp_style_generic_chart_is_rendered_too()
    {
        var r = await Nb.Run("#r \"nuget: Plotly.NET, 6.0.0\"\nusing Plotly.NET;\nvar c = Plotly.NET.Chart.Invisible();\nc");

        Assert.True(r.Succeeded, r.FailureMessage);
        Assert.True(ChartCollector.TryGetChartHash(Nb.Outputs(r, 1).Single(), out _));
    }

    [Fact]
    public async Task Rerun_reuses_committed_pngs_and_is_byte_stable()
    {
        var path = Nb.Write(Nb.Text(Setup, ScatterChart, "Console.WriteLine(\"done\");"));
        await new NotebookRunner().RunAsync(path, Nb.Options());
        var afterFirst = File.ReadAllBytes(path);
        var renderer = new FakeRenderer();

        var second = await new NotebookRunner().RunAsync(path, Nb.Options(renderer));

        Assert.True(second.Succeeded, second.FailureMessage);
        Assert.False(second.Written);
        Assert.Equal(0, renderer.Calls);
        Assert.Equal(1, second.Statistics.ChartsReused);
        Assert.Equal(afterFirst, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task Check_passes_on_fresh_outputs_and_fails_on_a_stale_output_without_writing()
    {
        var path = Nb.Write(Nb.Text("var n = 2;", "n * 21", "Console.WriteLine(n);"));
        Assert.True((await new NotebookRunner().RunAsync(path, Nb.Options())).Succeeded);

        var fresh = await new NotebookRunner().RunAsync(path, Nb.Options(check: true));
        Assert.True(fresh.Succeeded, fresh.FailureMessage);

        var doc = NotebookDocument.Load(path);
        doc.Cells[1].Outputs![0]!["data"]!["text/plain"] = new JsonArray("41");
        File.WriteAllText(path, doc.ToText());
        var stale = File.ReadAllBytes(path);

        var check = await new NotebookRunner().RunAsync(path, Nb.Options(check: true));

        Assert.False(check.Succeeded);
        Assert.StartsWith("test.ipynb: cell 2: outputs differ from the committed notebook (committed \"41\", now \"42\")", check.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(stale, File.ReadAllBytes(path));
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Check_compares_charts_by_spec_not_pixels()
    {
        var path = Nb.Write(Nb.Text(Setup, ScatterChart));
        await new NotebookRunner().RunAsync(path, Nb.Options());

        // Different pixels (another machine's fonts), same spec: still up to date. No renderer is needed in check mode.
        var doc = NotebookDocument.Load(path);
        ChartCollector.SetPng(doc.Cells[1].Outputs![0]!.AsObject(), "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAEklEQVR42mNk+M9QzwAEjDAGACCDAv8cI7IoAAAAAElFTkSuQmCC");
        File.WriteAllText(path, doc.ToText());
        var throwing = new ThrowingRenderer();
        var samespec = await new NotebookRunner().RunAsync(path, Nb.Options(throwing, check: true));
        Assert.True(samespec.Succeeded, samespec.FailureMessage);

        // Changed spec: stale.
        var changed = NotebookDocument.Load(path);
        changed.Cells[1].Json["source"] = NotebookDocument.SourceToJson(ScatterChart.Replace("3.0 })", "5.0 })", StringComparison.Ordinal));
        File.WriteAllText(path, changed.ToText());
        var stale = await new NotebookRunner().RunAsync(path, Nb.Options(throwing, check: true));
        Assert.False(stale.Succeeded);
        Assert.StartsWith("test.ipynb: cell 2: outputs differ", stale.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("plotly_spec_sha256", stale.FailureMessage, StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Interactive_charts_embed_plotly_js_once_per_notebook()
    {
        var path = Nb.Write(Nb.Text(Setup, ScatterChart, BarChart));

        var r = await new NotebookRunner().RunAsync(path, Nb.Options() with { InteractiveCharts = true });

        Assert.True(r.Succeeded, r.FailureMessage);
        var first = Nb.Data(Nb.Outputs(r, 2)[1], "text/html");
        var second = Nb.Data(Nb.Outputs(r, 3)[1], "text/html");
        Assert.Contains("plotly.js", first, StringComparison.Ordinal);
        Assert.True(first.Length > 1_000_000);
        Assert.True(second.Length < 100_000);
        Assert.Contains("Plotly.newPlot('returnmonitor-chart-2'", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_chromium_fails_with_install_hint()
    {
        var renderer = new ChromiumChartRenderer("/nonexistent/chromium");
        var path = Nb.Write(Nb.Text(Setup, ScatterChart));
        var before = File.ReadAllBytes(path);

        var r = await new NotebookRunner().RunAsync(path, Nb.Options(renderer));

        Assert.False(r.Succeeded);
        Assert.Contains("chart rendering failed", r.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("install the Debian package 'chromium'", r.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path)); // no notebook without its images
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Chromium_renders_real_pngs()
    {
        var renderer = new ChromiumChartRenderer();
        string chromium;
        try
        {
            chromium = renderer.LocateChromium();
        }
        catch (ChartRenderingException ex)
        {
            Assert.Contains("chromium", ex.Message, StringComparison.Ordinal);
            return; // machine without Chromium: the clear error is what we can check
        }
        Assert.NotEmpty(chromium);
        var path = Nb.Write(Nb.Text(Setup, ScatterChart, BarChart + ".WithSize(400, 300)"));

        var r = await new NotebookRunner().RunAsync(path, Nb.Options(renderer));

        Assert.True(r.Succeeded, r.FailureMessage);
        Assert.Equal(2, r.Statistics.ChartsRendered);
        AssertPng(Nb.Outputs(r, 2).Single(), 600, 600);
        AssertPng(Nb.Outputs(r, 3).Single(), 400, 300);
    }

    private static void AssertPng(JsonNode? output, int width, int height)
    {
        var png = Convert.FromBase64String(output!["data"]!["image/png"]!.GetValue<string>());
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.True(png.Length > 2000); // a real chart, not a blank pixel
    }

    private sealed class ThrowingRenderer : IChartRenderer
    {
        public Task<IReadOnlyList<byte[]>> RenderAsync(IReadOnlyList<ChartSpec> charts, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("check mode must not render");
    }
}

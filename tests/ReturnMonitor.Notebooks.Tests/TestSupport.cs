using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Tests;

/// <summary>Builds tiny notebooks in temporary folders and runs them.</summary>
internal static class Nb
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] OnePixelPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static string Text(params string[] codeCells)
    {
        var doc = NotebookDocument.CreatePolyglot();
        for (var i = 0; i < codeCells.Length; i++)
        {
            doc = codeCells[i].StartsWith("md:", StringComparison.Ordinal)
                ? doc.WithCell("markdown", codeCells[i][3..], $"cell-{i + 1}")
                : doc.WithCell("code", codeCells[i], $"cell-{i + 1}");
        }
        return doc.ToText();
    }

    public static string TempDir()
    {
        var dir = Directory.CreateTempSubdirectory("rm-nb-test-").FullName;
        return dir;
    }

    public static string Write(string text, string? dir = null, string name = "test.ipynb")
    {
        dir ??= TempDir();
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static NotebookRunOptions Options(IChartRenderer? renderer = null, bool check = false) =>
        new() { ChartRenderer = renderer ?? new FakeRenderer(), Check = check, DisplayName = "test.ipynb" };

    public static async Task<NotebookRunResult> Run(params string[] codeCells)
    {
        var path = Write(Text(codeCells));
        return await new NotebookRunner().RunAsync(path, Options());
    }

    public static JsonArray Outputs(NotebookRunResult result, int cellNumber) =>
        result.Document.Cells[cellNumber - 1].Outputs ?? throw new InvalidOperationException("no outputs");

    public static string Data(JsonNode? output, string mime) => NotebookDocument.JoinMultiline(output?["data"]?[mime]);

    public static string Plain(NotebookRunResult result, int cellNumber) => Data(Outputs(result, cellNumber).Single(), "text/plain");
}

/// <summary>Chart renderer that returns a 1×1 PNG per chart and counts calls.</summary>
internal sealed class FakeRenderer : IChartRenderer
{
    public int Calls { get; private set; }

    public int Charts { get; private set; }

    public Task<IReadOnlyList<byte[]>> RenderAsync(IReadOnlyList<ChartSpec> charts, CancellationToken cancellationToken)
    {
        Calls++;
        Charts += charts.Count;
        return Task.FromResult<IReadOnlyList<byte[]>>(charts.Select(_ => Nb.OnePixelPng).ToList());
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Formatting;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Export;

/// <summary>
/// Exports a notebook to one standalone HTML page for reviewers: Markdown cells rendered (safe subset),
/// code cells with their source and outputs inline (tables as HTML, charts as PNG images). No scripts:
/// interactive chart outputs are left out (their PNG is shown), so the page works anywhere, offline.
/// </summary>
public static class NotebookHtmlExporter
{
    /// <summary>Exports a notebook file to an HTML file (title: the notebook's first heading, else its file name).</summary>
    public static async Task ExportFileAsync(string notebookPath, string htmlPath, CancellationToken cancellationToken = default)
    {
        var doc = NotebookDocument.Parse(await File.ReadAllTextAsync(notebookPath, Encoding.UTF8, cancellationToken).ConfigureAwait(false));
        var html = Export(doc, Path.GetFileNameWithoutExtension(notebookPath));
        await File.WriteAllTextAsync(htmlPath, html, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Renders the notebook as an HTML page.</summary>
    public static string Export(NotebookDocument notebook, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var title = notebook.Cells.Where(c => c.CellType == "markdown")
            .SelectMany(c => c.Source.Split('\n'))
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim() ?? fallbackTitle;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(HtmlText.Escape(title)).Append("</title>\n");
        sb.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.CellType)
            {
                case "markdown":
                    sb.Append("<section class=\"markdown\">\n").Append(MarkdownRenderer.ToHtml(cell.Source)).Append("</section>\n");
                    break;
                case "code":
                    AppendCode(sb, cell);
                    break;
                default:
                    sb.Append("<pre class=\"raw\">").Append(HtmlText.Escape(cell.Source)).Append("</pre>\n");
                    break;
            }
        }
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendCode(StringBuilder sb, NotebookCell cell)
    {
        var count = cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ";
        sb.Append("<section class=\"code\">\n<div class=\"prompt\">[").Append(count).Append("]</div>\n");
        sb.Append("<pre class=\"source\"><code class=\"language-csharp\">").Append(HtmlText.Escape(cell.Source)).Append("</code></pre>\n");
        foreach (var output in cell.Outputs ?? [])
        {
            if (output is JsonObject o)
            {
                AppendOutput(sb, o);
            }
        }
        sb.Append("</section>\n");
    }

    private static void AppendOutput(StringBuilder sb, JsonObject output)
    {
        switch (output["output_type"]?.GetValue<string>())
        {
            case "stream":
                var name = output["name"]?.GetValue<string>() ?? "stdout";
                sb.Append("<pre class=\"output stream ").Append(HtmlText.Escape(name)).Append("\">")
                  .Append(HtmlText.Escape(NotebookDocument.JoinMultiline(output["text"]))).Append("</pre>\n");
                break;
            case "error":
                var tb = output["traceback"] is JsonArray arr ? string.Join('\n', arr.Select(n => n?.GetValue<string>() ?? string.Empty)) : string.Empty;
                sb.Append("<pre class=\"output error\">").Append(HtmlText.Escape(tb.Length > 0 ? tb : $"{output["ename"]}: {output["evalue"]}")).Append("</pre>\n");
                break;
            case "display_data":
            case "execute_result":
                if (output["data"] is not JsonObject data)
                {
                    break;
                }
                var html = data["text/html"] is { } h ? NotebookDocument.JoinMultiline(h) : null;
                if (html is not null && !html.Contains("<script", StringComparison.OrdinalIgnoreCase))
                {
                    sb.Append("<div class=\"output html\">\n").Append(html).Append("\n</div>\n");
                }
                else if (data["image/png"] is JsonValue png && png.TryGetValue<string>(out var b64))
                {
                    sb.Append("<div class=\"output image\"><img alt=\"chart\" src=\"data:image/png;base64,").Append(b64.Trim()).Append("\"></div>\n");
                }
                else if (html is not null && output["metadata"]?[ChartCollector.MetadataKey] is not null)
                {
                    // Interactive chart output: its PNG sibling output is shown instead.
                }
                else if (data["text/markdown"] is { } md)
                {
                    sb.Append("<div class=\"output markdown\">\n").Append(MarkdownRenderer.ToHtml(NotebookDocument.JoinMultiline(md))).Append("</div>\n");
                }
                else if (data["text/plain"] is { } text)
                {
                    sb.Append("<pre class=\"output text\">").Append(HtmlText.Escape(NotebookDocument.JoinMultiline(text))).Append("</pre>\n");
                }
                break;
        }
    }

    private const string Css = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2328; margin: 0; background: #fff; }
        main { max-width: 980px; margin: 0 auto; padding: 24px; }
        section.code { margin: 16px 0; }
        .prompt { color: #8c959f; font: 12px monospace; }
        pre { background: #f6f8fa; padding: 10px; overflow-x: auto; border-radius: 6px; font-size: 13px; }
        pre.output { background: #fff; border-left: 3px solid #d0d7de; }
        pre.error { border-left-color: #cf222e; color: #cf222e; }
        pre.stderr { border-left-color: #bf8700; }
        table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
        th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; }
        th { background: #f6f8fa; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
        img { max-width: 100%; }

        """;
}

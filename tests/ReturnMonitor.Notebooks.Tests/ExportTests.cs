using ReturnMonitor.Notebooks.Export;
using ReturnMonitor.Notebooks.Ipynb;

namespace ReturnMonitor.Notebooks.Tests;

public class ExportTests
{
    [Fact]
    public void Markdown_subset()
    {
        var html = MarkdownRenderer.ToHtml("# Title *x*\n\nSome **bold**, _it_, `a<b>` and [link](https://example.org/?a=1&b=2).\n\n- one\n- two\n\n1. first\n2. second\n\n```csharp\nvar x = \"<tag>\";\n```\n\n| a | b |\n|---|--:|\n| 1 | <i>2</i> |\n\n> quoted\n\n---\n<script>alert(1)</script> [bad](javascript:alert(1))");

        Assert.Contains("<h1>Title <em>x</em></h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Some <strong>bold</strong>, <em>it</em>, <code>a&lt;b&gt;</code> and <a href=\"https://example.org/?a=1&amp;b=2\">link</a>.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", html, StringComparison.Ordinal);
        Assert.Contains("<ol>\n<li>first</li>\n<li>second</li>\n</ol>", html, StringComparison.Ordinal);
        Assert.Contains("<pre><code class=\"language-csharp\">var x = &quot;&lt;tag&gt;&quot;;</code></pre>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>a</th><th style=\"text-align:right\">b</th></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1</td><td style=\"text-align:right\">&lt;i&gt;2&lt;/i&gt;</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>\n<p>quoted</p>\n</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<hr>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html.Replace("[bad](javascript", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")] // several seconds, or Chromium: outside the fast loop
    [Fact]
    public async Task Exports_markdown_code_and_outputs_without_scripts()
    {
        var path = Nb.Write(Nb.Text(
            "md:# Drift report\n\nIntro with **bold**.",
            "#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\nusing Plotly.NET.CSharp;\nConsole.WriteLine(\"a < b\");",
            "new[] { new { Feature = \"<script>x</script>\", Psi = 0.5 } }",
            "Chart.Point<double, double, string>(x: new[] { 1.0 }, y: new[] { 2.0 })"));
        await new NotebookRunner().RunAsync(path, Nb.Options() with { InteractiveCharts = true });
        var htmlPath = Path.ChangeExtension(path, ".html");

        await NotebookHtmlExporter.ExportFileAsync(path, htmlPath);

        var html = File.ReadAllText(htmlPath);
        Assert.Contains("<title>Drift report</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Drift report</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"output stream stdout\">a &lt; b\n</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;x&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<img alt=\"chart\" src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(html, NotebookHtmlExporter.Export(NotebookDocument.Load(path), "test")); // deterministic
    }
}

using System.Globalization;
using System.Text;
using ReturnMonitor.Notebooks.Charts;

namespace ReturnMonitor.Kernel;

/// <summary>
/// The <c>text/html</c> of live charts for frontends that show HTML (classic Notebook, JupyterLab without the
/// Plotly extension): plotly.js comes from the Plotly.NET package (offline, never a CDN) and is sent once per
/// frontend session (one page); later charts draw with the <c>window.Plotly</c> it defined.
/// </summary>
internal sealed class PlotlyPage
{
    private readonly HashSet<string> sessionsWithPlotlyJs = new(StringComparer.Ordinal);
    private string session = string.Empty;
    private int charts;

    /// <summary>The frontend session (page) the current request came from.</summary>
    public void UseSession(string session) => this.session = session;

    public string ChartHtml(ChartSpec spec)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"returnmonitor-live-chart-{++this.charts}-{Guid.NewGuid():N}");
        var html = new StringBuilder();
        if (sessionsWithPlotlyJs.Add(this.session))
        {
            // The classic Notebook has RequireJS: with `define` visible, plotly.js would register an AMD module instead of
            // window.Plotly, so it is hidden while the library runs.
            html.Append("<script type=\"text/javascript\">if (!window.Plotly) {\nvar returnmonitorDefine = window.define; window.define = undefined;\n")
                .Append(EscapeScript(ReturnMonitor.Reporting.PlotlyJs.Source))
                .Append("\nwindow.define = returnmonitorDefine;\n}</script>\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<div id=\"{id}\" class=\"returnmonitor-chart\" style=\"width:{spec.Width}px;height:{spec.Height}px;\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\nvar fig = ").Append(EscapeScript(spec.SpecJson)).Append(";\n");
        html.Append(CultureInfo.InvariantCulture, $"var el = document.getElementById('{id}');\n");
        html.Append("if (window.Plotly) { Plotly.newPlot(el, fig.data, fig.layout, fig.config); }\n");
        html.Append("else { el.textContent = 'plotly.js is not loaded on this page: run the first chart cell again.'; }\n");
        html.Append("})();\n</script>");
        return html.ToString();
    }

    private static string EscapeScript(string js) => js.Replace("</", "<\\/", StringComparison.Ordinal);
}

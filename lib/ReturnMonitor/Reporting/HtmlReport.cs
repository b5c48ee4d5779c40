using System.Globalization;
using System.Net;
using System.Text;
using Plotly.NET;
using ReturnMonitor.Drift;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Text;

namespace ReturnMonitor.Reporting;

/// <summary>
/// The offline monitoring dashboard: one self-contained HTML page (plotly.js embedded once, no network, no external
/// fonts) with a batch selector and, per batch, the original dashboard's panels — overview metrics with deltas, status
/// banner and drift score, key findings and recommended actions, the feature drift table, PSI and mean-shift charts,
/// and a reference-vs-batch distribution for every feature. Everything user-controlled (file, column and category
/// names) is HTML-escaped, and chart JSON is escaped for a script block. Deterministic: no timestamps, stable ids.
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// Renders the page for the batches a monitor checked (the reference's name and headline numbers from the monitor)
    /// and writes it to <paramref name="path"/>, creating its folder.
    /// </summary>
    /// <exception cref="ArgumentException">No batches.</exception>
    public static void WriteFile(string path, BatchMonitor monitor, IReadOnlyList<BatchCheck> checks, DashboardPanel? timeline = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Render(monitor.ReferenceOverview, monitor.Profile.Source, checks, timeline));
    }

    /// <summary>Renders the page from the checked batches; every panel draws a section of a <see cref="BatchCheck"/>.</summary>
    /// <param name="referenceOverview">Headline numbers of the reference, for the deltas.</param>
    /// <param name="referenceName">Name of the reference (file or profile).</param>
    /// <param name="checks">The checked batches, in selector order (at least one). A batch with a model section also gets the "Model health" panel.</param>
    /// <param name="timeline">The monitoring history's timeline panel (rendered by <c>ReturnMonitor.History.HistoryTimeline</c>), placed above the batches; null for none.</param>
    /// <exception cref="ArgumentException">No batches.</exception>
    public static string Render(BatchOverview referenceOverview, string referenceName, IReadOnlyList<BatchCheck> checks, DashboardPanel? timeline = null)
    {
        if (checks.Count == 0)
        {
            throw new ArgumentException("a report needs at least one batch", nameof(checks));
        }

        var charts = new List<(string Id, GenericChart Chart)>();
        var body = new StringBuilder();
        body.Append("<header><h1>ReturnMonitor — drift report</h1>");
        body.Append($"<p class=\"sub\">Reference: <b>{E(referenceName)}</b> ({referenceOverview.Orders} orders) · {checks.Count} batch(es)</p>");
        body.Append("<label class=\"picker\">Batch <select id=\"batch-select\" onchange=\"selectBatch(this.selectedIndex)\">");
        for (var i = 0; i < checks.Count; i++)
        {
            body.Append($"<option value=\"{i}\">{E(checks[i].Name)} — {E(DriftJson.Name(checks[i].Drift.Status))}</option>");
        }

        body.Append("</select></label></header>");
        if (timeline is not null)
        {
            body.Append(timeline.Html);
        }

        body.Append("<section id=\"all-batches\"><h2>All batches</h2>");
        body.Append(OverviewTable(checks));
        charts.Add(("chart-overview", DriftCharts.BatchOverview(checks)));
        body.Append("<div class=\"chart\" id=\"chart-overview\"></div></section>");

        for (var b = 0; b < checks.Count; b++)
        {
            body.Append(Batch(b, checks[b], referenceOverview, charts));
        }

        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Append($"<title>ReturnMonitor — {E(checks.Count == 1 ? checks[0].Name : $"{checks.Count} batches")}</title>\n");
        // Installed first, so that script errors anywhere on the page are recorded (data-errors) for a reader and the tests.
        page.Append("<script>window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message));});</script>\n");
        page.Append("<style>").Append(Css).Append("</style>\n");
        page.Append("<script>").Append(PlotlyJs.Source).Append("</script>\n");
        page.Append("</head><body>\n").Append(body).Append('\n');
        page.Append("<script>\nvar charts = {");
        page.Append(string.Join(",\n", charts.Select(c => $"\"{c.Id}\": {ScriptJson(GenericChart.toJson(c.Chart))}")));
        page.Append("};\n").Append(Script);
        if (timeline is not null)
        {
            page.Append(timeline.Script);
        }

        page.Append("</script>\n</body></html>\n");
        return page.ToString();
    }

    /// <summary>
    /// The page of a monitoring history alone (<c>report --history FILE</c> without batches): the timeline panel under a
    /// header naming <paramref name="source"/>, with the same style, embedded plotly.js and error recording as
    /// <see cref="Render"/>.
    /// </summary>
    /// <param name="source">What the history is (its file name), shown in the header.</param>
    /// <param name="periods">Recorded periods, shown in the header.</param>
    /// <param name="timeline">The timeline panel (rendered by <c>ReturnMonitor.History.HistoryTimeline</c>).</param>
    public static string RenderTimeline(string source, int periods, DashboardPanel timeline)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        page.Append($"<title>ReturnMonitor — {E(source)}</title>\n");
        page.Append("<script>window.__errors=[];window.addEventListener('error',function(e){window.__errors.push(String(e.message));});</script>\n");
        page.Append("<style>").Append(Css).Append("</style>\n");
        page.Append("<script>").Append(PlotlyJs.Source).Append("</script>\n");
        page.Append("</head><body>\n<header><h1>ReturnMonitor — monitoring history</h1>");
        page.Append($"<p class=\"sub\">History: <b>{E(source)}</b> · {periods} recorded batch(es)</p></header>\n");
        page.Append(timeline.Html).Append('\n');
        page.Append("<script>\n").Append(timeline.Script);
        // No batch charts on this page: it is ready once the timeline is drawn (or failed, recorded in data-errors).
        page.Append("\nwindow.timelineReady.then(function () { document.body.dataset.errors = JSON.stringify(window.__errors); document.body.dataset.ready = 'true'; });\n");
        page.Append("</script>\n</body></html>\n");
        return page.ToString();
    }

    private static string Batch(int b, BatchCheck check, BatchOverview reference, List<(string Id, GenericChart Chart)> charts)
    {
        var drift = check.Drift;
        var advice = check.Recommendation;
        var html = new StringBuilder();
        html.Append($"<section class=\"batch\" id=\"batch-{b}\" data-name=\"{E(check.Name)}\">");
        html.Append($"<h2>{E(check.Name)} <span class=\"rows\">{check.Overview.Orders} orders</span></h2>");
        html.Append($"<div class=\"banner status-{DriftJson.Name(drift.Status)}\" id=\"banner-{b}\"><b>{DriftJson.Name(drift.Status).ToUpperInvariant()}</b> · drift score <b>{NumberText.Fixed(drift.Score, 1)}</b>/100 · ");
        html.Append($"{drift.CountWith(DriftSeverity.Severe)} severe, {drift.CountWith(DriftSeverity.Moderate)} moderate, {drift.CountWith(DriftSeverity.None)} without drift</div>");

        html.Append("<div class=\"cards\">");
        foreach (var delta in OverviewDelta.Compare(reference, check.Overview))
        {
            var arrow = delta.Change > 0 ? "▲" : delta.Change < 0 ? "▼" : "=";
            html.Append($"<div class=\"card\"><div class=\"metric\">{E(delta.Metric)}</div><div class=\"value\">{NumberText.Fixed(delta.Current, 2)}</div>");
            html.Append($"<div class=\"delta {delta.Verdict}\">{arrow} {NumberText.Fixed(delta.Change, 2)} vs {NumberText.Fixed(delta.Reference, 2)} ({delta.Verdict})</div></div>");
        }

        if (check.Model is { Realized: { } realized } model)
        {
            var baseline = $" vs {NumberText.Fixed(model.Reference.RocAuc, 3)} in training";
            var verdict = model.Reference.RocAuc - realized.RocAuc >= 0.05 ? "worse" : "same";
            html.Append($"<div class=\"card\"><div class=\"metric\">model ROC-AUC (realized)</div><div class=\"value\">{NumberText.Fixed(realized.RocAuc, 3)}</div>");
            html.Append($"<div class=\"delta {verdict}\">accuracy {NumberText.Fixed(100 * realized.Accuracy, 1)}%{E(baseline)}</div></div>");
        }

        foreach (var section in check.Sections)
        {
            html.Append(section.Section.Tile(b, section.Value));
        }

        html.Append("</div>");

        var urgency = BatchCheckJson.Name(advice.Urgency);
        html.Append($"<h3>Key findings <span class=\"urgency u-{urgency}\">{urgency.ToUpperInvariant()}</span></h3><ul class=\"findings\" id=\"findings-{b}\">");
        foreach (var finding in advice.Findings)
        {
            html.Append($"<li><span class=\"urgency u-{BatchCheckJson.Name(finding.Urgency)}\">{finding.Urgency}</span> <b>{E(finding.Title)}</b>: {E(finding.Evidence)}<ul>");
            foreach (var action in finding.Actions)
            {
                html.Append($"<li>{E(action)}</li>");
            }

            html.Append("</ul></li>");
        }

        html.Append($"</ul><p class=\"actions\"><b>Recommended actions ({urgency}):</b> {E(string.Join(" · ", advice.Actions))}</p>");

        foreach (var section in check.Sections)
        {
            html.Append(section.Section.Card(b, section.Value));
        }

        html.Append("<h3>Feature drift</h3><table class=\"features\"><thead><tr><th>Feature</th><th>Kind</th><th>Severity</th><th>PSI</th><th>Test</th><th>p (adjusted)</th><th>Distance</th><th>Change</th></tr></thead><tbody>");
        foreach (var row in FeatureTable.Of(drift))
        {
            html.Append($"<tr class=\"sev-{row.Severity}\"><td>{E(row.Feature)}</td><td>{E(row.Kind)}</td><td>{E(row.Severity)}</td><td>{NumberText.Fixed(row.Psi, 3)}</td><td>{E(row.Test)}</td><td>{E(row.AdjustedPValue)}</td><td>{E(row.Distance)}</td><td>{E(row.Change)}</td></tr>");
        }

        html.Append("</tbody></table>");

        charts.Add(($"chart-b{b}-psi", DriftCharts.PsiBars(drift)));
        charts.Add(($"chart-b{b}-shift", DriftCharts.MeanShiftBars(drift)));
        html.Append($"<div class=\"row\"><div class=\"chart\" id=\"chart-b{b}-psi\"></div><div class=\"chart\" id=\"chart-b{b}-shift\"></div></div>");

        html.Append($"<h3>Distributions <select class=\"feature-select\" id=\"feature-select-{b}\" onchange=\"selectFeature({b}, this.selectedIndex)\">");
        for (var f = 0; f < drift.Features.Count; f++)
        {
            html.Append($"<option value=\"{f}\">{E(drift.Features[f].Name)} ({E(DriftJson.Name(drift.Features[f].Severity))})</option>");
        }

        html.Append("</select></h3>");
        for (var f = 0; f < drift.Features.Count; f++)
        {
            charts.Add(($"chart-b{b}-f{f}", DriftCharts.Distribution(drift.Features[f])));
            html.Append($"<div class=\"chart distribution\" data-batch=\"{b}\" data-feature=\"{f}\" id=\"chart-b{b}-f{f}\"></div>");
        }

        html.Append("</section>");
        return html.ToString();
    }

    private static string OverviewTable(IReadOnlyList<BatchCheck> checks)
    {
        var html = new StringBuilder("<table class=\"overview\"><thead><tr><th>Batch</th><th>Orders</th><th>Return rate</th><th>Avg discount</th><th>Delivery (days)</th><th>Rating</th><th>Drift score</th><th>Status</th><th>Model ROC-AUC</th></tr></thead><tbody>");
        foreach (var c in checks)
        {
            var o = c.Overview;
            html.Append($"<tr><td>{E(c.Name)}</td><td>{o.Orders}</td><td>{(o.ReturnRate is { } r ? NumberText.Fixed(100 * r, 1) + "%" : "–")}</td><td>{NumberText.Fixed(o.AverageDiscount, 1)}%</td>");
            html.Append($"<td>{NumberText.Fixed(o.AverageDeliveryDays, 2)}</td><td>{NumberText.Fixed(o.AverageRating, 2)}</td><td>{NumberText.Fixed(c.Drift.Score, 1)}</td>");
            html.Append($"<td class=\"status-{DriftJson.Name(c.Drift.Status)}\">{DriftJson.Name(c.Drift.Status)}</td><td>{(c.Model?.Realized is { } m ? NumberText.Fixed(m.RocAuc, 3) : "–")}</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>HTML-escapes text for element content and attribute values.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>JSON made safe inside a script element: no "&lt;/script&gt;", no HTML comment or CDATA openers, no JS line separators.</summary>
    public static string ScriptJson(string json) => json
        .Replace("<", "\\u003c", StringComparison.Ordinal)
        .Replace(">", "\\u003e", StringComparison.Ordinal)
        .Replace("&", "\\u0026", StringComparison.Ordinal)
        .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
        .Replace("\u2029", "\\u2029", StringComparison.Ordinal);

    private const string Css = """
        body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;max-width:1720px;padding:0 24px 48px;color:#222;background:#fafafa}
        header{position:sticky;top:0;background:#fafafa;padding:12px 0;border-bottom:1px solid #ddd;z-index:5}
        h1{margin:0;font-size:24px} .sub{margin:4px 0 8px;color:#555} .picker{font-weight:600} select{font-size:15px;padding:3px}
        h2{margin-top:28px} h3{margin-top:24px} .rows{font-size:14px;color:#666;font-weight:normal}
        table{border-collapse:collapse;background:#fff;font-size:14px} th,td{border:1px solid #ddd;padding:4px 8px;text-align:left} th{background:#f0f0f0}
        .banner{padding:12px 16px;border-radius:6px;font-size:18px;margin:8px 0 16px}
        .status-healthy{background:#e3f4e3;color:#1b5e20} .status-warning{background:#fff4d6;color:#7a5b00} .status-critical{background:#fde2e1;color:#8e1c16}
        .cards{display:flex;flex-wrap:wrap;gap:12px} .card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:200px}
        .metric{color:#555;font-size:13px} .value{font-size:24px;font-weight:600} .delta{font-size:13px}
        .delta.worse{color:#c62828} .delta.better{color:#2e7d32} .delta.same{color:#666}
        .urgency{font-size:12px;padding:2px 6px;border-radius:4px;color:#fff;vertical-align:middle}
        .u-urgent{background:#c62828} .u-monitor{background:#b8860b} .u-maintain{background:#2e7d32}
        .findings>li{margin-bottom:8px} .unreliable{color:#8e1c16} .money-threshold{max-width:340px} .sev-severe td:nth-child(3){color:#c62828;font-weight:600} .sev-moderate td:nth-child(3){color:#b8860b;font-weight:600}
        .row{display:flex;flex-wrap:wrap;gap:12px} .chart{background:#fff;border:1px solid #eee;margin:8px 0}
        .hidden{display:none}
        """;

    private const string Script = """
        function show(el, visible) { el.classList.toggle('hidden', !visible); }
        function selectBatch(i) {
          document.querySelectorAll('section.batch').forEach(function (s) { show(s, s.id === 'batch-' + i); });
          document.getElementById('batch-select').selectedIndex = i;
        }
        function selectFeature(b, f) {
          document.querySelectorAll('.distribution[data-batch="' + b + '"]').forEach(function (d) { show(d, d.dataset.feature === String(f)); });
        }
        function init() {
          var ids = Object.keys(charts);
          var plots = ids.map(function (id) {
            var spec = charts[id];
            return Plotly.newPlot(id, spec.data, spec.layout, { displayModeBar: false, responsive: false });
          });
          Promise.all(plots).then(function () {
            var match = /batch=(\d+)/.exec(location.hash);
            document.querySelectorAll('section.batch').forEach(function (s, b) { selectFeature(b, 0); });
            selectBatch(match ? Number(match[1]) : 0);
            var missing = ids.filter(function (id) { return !document.getElementById(id).querySelector('.main-svg'); });
            document.body.dataset.charts = String(ids.length);
            document.body.dataset.missing = JSON.stringify(missing);
            if (location.hash.indexOf('selftest') >= 0) {
              var seen = [];
              document.querySelectorAll('section.batch').forEach(function (s, b) {
                selectBatch(b);
                var visible = Array.prototype.filter.call(document.querySelectorAll('section.batch'), function (x) { return !x.classList.contains('hidden'); });
                seen.push({ visible: visible.map(function (x) { return x.id; }), banner: visible[0].querySelector('.banner').textContent });
              });
              selectBatch(0);
              document.body.dataset.selftest = JSON.stringify(seen);
            }
            document.body.dataset.errors = JSON.stringify(window.__errors);
            document.body.dataset.ready = 'true';
          }, function (e) { window.__errors.push(String(e)); document.body.dataset.errors = JSON.stringify(window.__errors); document.body.dataset.ready = 'true'; });
        }
        init();
        """;
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Reporting;

namespace ReturnMonitor.History;

/// <summary>
/// The dashboard's timeline of a monitoring history: drift score per period with its thresholds, the sequential
/// detector's statistic with its threshold, a per-feature PSI heat map (features × periods), estimated vs realized
/// accuracy with the sampling band and the alert range, and the return rate; periods with alerts are marked. The page
/// carries the history once, as compact JSON columns, and plotly.js draws from it: the four timeline charts on load,
/// a period's own chart (PSI per feature, alerts, metrics) only when that period is selected — a year of weeks adds
/// kilobytes, not a chart per period.
/// </summary>
public static class HistoryTimeline
{
    /// <summary>The dashboard's panel for <see cref="HtmlReport.Render"/>: null for an empty history (no timeline).</summary>
    public static DashboardPanel? Panel(IReadOnlyList<HistoryEntry> history) =>
        history.Count == 0 ? null : new DashboardPanel(Section(history), Script(history));

    /// <summary>
    /// The history as one Plotly.NET chart (<see cref="TimelineCharts.Periods"/>): drift score, return rate and estimated
    /// accuracy per recorded batch (with the realized accuracy where labels are in), periods with alerts marked — the timeline for a notebook cell.
    /// </summary>
    /// <exception cref="ArgumentException">An empty history.</exception>
    public static Plotly.NET.GenericChart Chart(IReadOnlyList<HistoryEntry> history) =>
        TimelineCharts.Periods(history.Select(h => h.Record)
            .Select(r => new TimelinePoint(r.Period.Label, r.Rows, r.Score, r.ReturnRate, r.Metric("accuracy")?.Estimated, r.Alerts.Count > 0, r.Metric("accuracy")?.Realized))
            .ToArray());

    /// <summary>The section's HTML (selector and chart containers).</summary>
    public static string Section(IReadOnlyList<HistoryEntry> history)
    {
        var html = new StringBuilder();
        html.Append("<section id=\"timeline\"><h2>Timeline <span class=\"rows\">")
            .Append(history.Count).Append(" recorded batch(es)</span></h2>");
        html.Append("<label class=\"picker\">Period <select id=\"period-select\" onchange=\"timelineSelect(this.selectedIndex)\">");
        for (var i = 0; i < history.Count; i++)
        {
            var r = history[i].Record;
            html.Append($"<option value=\"{i}\">{HtmlReport.E(r.Period.Label)} — {HtmlReport.E(Name(r.Status))}{(r.Alerts.Count > 0 ? " ⚑" : "")}</option>");
        }

        html.Append("</select></label>");
        foreach (var id in new[] { "tl-score", "tl-cusum", "tl-heat", "tl-accuracy", "tl-return" })
        {
            html.Append($"<div class=\"chart\" id=\"{id}\"></div>");
        }

        html.Append("<div id=\"tl-period-box\"><h3 id=\"tl-period-title\"></h3><p id=\"tl-period-alerts\"></p><div class=\"chart\" id=\"tl-period\"></div></div></section>");
        return html.ToString();
    }

    /// <summary>The script: the history's columns and the drawing code (runs after plotly.js is loaded).</summary>
    public static string Script(IReadOnlyList<HistoryEntry> history) =>
        "var timeline = " + HtmlReport.ScriptJson(Data(history).ToJsonString()) + ";\n" + Drawing;

    /// <summary>The history as columns (one array per quantity, one element per recorded batch in period order).</summary>
    public static JsonObject Data(IReadOnlyList<HistoryEntry> history)
    {
        var records = history.Select(h => h.Record).ToArray();
        var features = records.Length == 0 ? [] : records[0].Features.Select(f => f.Name).ToArray();
        JsonArray Column<T>(Func<HistoryRecord, T> value) => new(records.Select(r => JsonValue(value(r))).ToArray());
        JsonArray Accuracy(Func<HistoryMetric, double?> value) => Column(r => r.Metric("accuracy") is { } m ? value(m) : null);
        return new JsonObject
        {
            ["periods"] = Column(r => r.Period.Label),
            ["sources"] = Column(r => r.Source),
            ["status"] = Column(r => Name(r.Status)),
            ["score"] = Column(r => Round(r.Score)),
            ["warning"] = Column(r => r.WarningScore),
            ["critical"] = Column(r => r.CriticalScore),
            ["cusum"] = Column(r => r.Sequential is { } s ? Round(s.Statistic) : (double?)null),
            ["cusumThreshold"] = Column(r => r.Sequential is { } s ? Round(s.Threshold) : (double?)null),
            ["alarm"] = Column(r => r.Sequential?.Alarm ?? false),
            ["returnRate"] = Column(r => r.ReturnRate is { } v ? Round(v) : (double?)null),
            ["features"] = new JsonArray(features.Select(f => (JsonNode?)f).ToArray()),
            ["psi"] = new JsonArray(features.Select(f => (JsonNode?)Column(r => r.Features.FirstOrDefault(x => x.Name == f) is { } x ? Round(x.Psi) : (double?)null)).ToArray()),
            ["severity"] = new JsonArray(features.Select(f => (JsonNode?)Column(r => r.Features.FirstOrDefault(x => x.Name == f) is { } x ? (int)x.Severity : 0)).ToArray()),
            ["estimated"] = Accuracy(m => Round(m.Estimated)),
            ["bandLower"] = Accuracy(m => Round(m.BandLower)),
            ["bandUpper"] = Accuracy(m => Round(m.BandUpper)),
            ["alertLower"] = Accuracy(m => Round(m.AlertLower)),
            ["alertUpper"] = Accuracy(m => Round(m.AlertUpper)),
            ["realized"] = Accuracy(m => m.Realized is { } v ? Round(v) : null),
            // Late labels: how far each period is labelled, shown on the realized points ("" for periods that kept no ids).
            ["labelled"] = Column(r => r.Labelled is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l:N0}/{r.Rows:N0} labelled") : ""),
            ["alerts"] = new JsonArray(records.Select(r => (JsonNode?)new JsonArray(r.Alerts.Select(a => (JsonNode?)$"{a.Kind}: {a.Message}").ToArray())).ToArray()),
        };
    }

    private static JsonNode? JsonValue<T>(T value) => value is null ? null : System.Text.Json.Nodes.JsonValue.Create(value);

    // Six significant digits are plenty for a chart and keep a year of history small.
    private static double Round(double value) => double.IsFinite(value) ? double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : 0;

    private static string Name(DriftStatus status) => status.ToString().ToLowerInvariant();

    private const string Drawing = """
        (function () {
          var t = timeline, x = t.periods, n = x.length, opts = { displayModeBar: false, responsive: false };
          var colors = { healthy: '#2e7d32', warning: '#b8860b', critical: '#c62828' };
          function hline(y, color) { return { type: 'line', xref: 'paper', x0: 0, x1: 1, y0: y, y1: y, line: { color: color, dash: 'dash', width: 2 } }; }
          function layout(title, ytitle, extra) {
            var l = { title: { text: title }, height: 300, width: 1180, margin: { l: 70, r: 30, t: 50, b: 60 }, xaxis: { type: 'category', tickangle: -45 }, yaxis: { title: { text: ytitle } }, showlegend: true, legend: { orientation: 'h', y: -0.35 } };
            for (var k in extra) { l[k] = extra[k]; }
            return l;
          }
          var alerted = x.filter(function (p, i) { return t.alerts[i].length > 0; });
          var alarmed = x.filter(function (p, i) { return t.alarm[i]; });
          var draws = [
            Plotly.newPlot('tl-score', [
              { x: x, y: t.score, type: 'scatter', mode: 'lines+markers', name: 'drift score', marker: { size: 9, color: t.status.map(function (s) { return colors[s]; }) }, line: { color: '#555' }, text: t.sources, hovertemplate: '%{x}: %{y:.1f} (%{text})<extra></extra>' },
              { x: alerted, y: alerted.map(function () { return 102; }), type: 'scatter', mode: 'markers', name: 'alert', marker: { symbol: 'x', size: 10, color: '#c62828' } }
            ], layout('Drift score per period (dashed: warning and critical thresholds; ✕: periods with alerts)', 'score (0–100)', { yaxis: { range: [0, 106], title: { text: 'score (0–100)' } }, shapes: [hline(t.warning[n - 1], colors.warning), hline(t.critical[n - 1], colors.critical)] }), opts),
            Plotly.newPlot('tl-cusum', [
              { x: x, y: t.cusum.map(function (v) { return v === null ? null : Math.max(v, 0.05); }), type: 'bar', name: 'CUSUM statistic (σ)', marker: { color: t.alarm.map(function (a) { return a ? '#c62828' : '#7a8fa6'; }) } },
              { x: x, y: t.cusumThreshold, type: 'scatter', mode: 'lines', name: 'threshold h', line: { color: '#c62828', dash: 'dash' } },
              { x: alarmed, y: alarmed.map(function (p) { return t.cusum[x.indexOf(p)]; }), type: 'scatter', mode: 'markers', name: 'sequential alarm', marker: { symbol: 'triangle-up', size: 12, color: '#c62828' } }
            ], layout('Sequential detector: evidence accumulated over periods (log scale)', 'CUSUM (σ)', { yaxis: { type: 'log', title: { text: 'CUSUM (σ)' } } }), opts),
            Plotly.newPlot('tl-heat', [
              { z: t.psi, x: x, y: t.features, type: 'heatmap', colorscale: [[0, '#f7fbff'], [0.2, '#c6dbef'], [0.4, '#fdae6b'], [1, '#a50f15']], zmin: 0, zmax: 0.5, colorbar: { title: { text: 'PSI' } }, hovertemplate: '%{y} %{x}: PSI %{z:.3f}<extra></extra>' }
            ], layout('PSI per feature and period (0.1 moderate, 0.2 severe)', '', { height: 360, margin: { l: 190, r: 30, t: 50, b: 60 }, showlegend: false }), opts),
            Plotly.newPlot('tl-accuracy', [
              { x: x, y: t.bandUpper, type: 'scatter', mode: 'lines', line: { width: 0 }, showlegend: false, hoverinfo: 'skip' },
              { x: x, y: t.bandLower, type: 'scatter', mode: 'lines', line: { width: 0 }, fill: 'tonexty', fillcolor: 'rgba(31,119,180,0.18)', name: 'sampling band (95%)' },
              { x: x, y: t.alertLower, type: 'scatter', mode: 'lines', name: 'alert range', line: { color: '#c62828', dash: 'dash' } },
              { x: x, y: t.alertUpper, type: 'scatter', mode: 'lines', showlegend: false, line: { color: '#c62828', dash: 'dash' } },
              { x: x, y: t.estimated, type: 'scatter', mode: 'lines+markers', name: 'estimated (no labels)', line: { color: '#1f77b4' } },
              { x: x, y: t.realized, type: 'scatter', mode: 'markers', name: 'realized (labels, late labels included)', marker: { color: '#000', size: 8, symbol: 'diamond' }, text: t.labelled, hovertemplate: '%{x}: realized %{y:.3f} %{text}<extra></extra>' }
            ], layout('Accuracy: estimated vs realized, with band and alert range', 'accuracy', {}), opts),
            Plotly.newPlot('tl-return', [
              { x: x, y: t.returnRate, type: 'scatter', mode: 'lines+markers', name: 'return rate', line: { color: '#6a3d9a' } }
            ], layout('Return rate per period', 'share returned', { yaxis: { tickformat: '.0%', title: { text: 'share returned' } } }), opts)
          ];
          var drawn = {};
          window.timelineSelect = function (i) {
            document.getElementById('period-select').selectedIndex = i;
            document.getElementById('tl-period-title').textContent = x[i] + ' — ' + t.sources[i] + ': ' + t.status[i] + ', score ' + t.score[i].toFixed(1) + (t.cusum[i] === null ? '' : ', CUSUM ' + t.cusum[i].toFixed(1) + ' / ' + t.cusumThreshold[i].toFixed(1));
            document.getElementById('tl-period-alerts').textContent = t.alerts[i].length ? 'Alerts: ' + t.alerts[i].join(' · ') : 'No alerts.';
            var sev = ['#7a8fa6', '#b8860b', '#c62828'];
            drawn[i] = true;
            document.body.dataset.periodCharts = String(Object.keys(drawn).length);
            return Plotly.react('tl-period', [{ x: t.features, y: t.psi.map(function (f) { return f[i]; }), type: 'bar', marker: { color: t.severity.map(function (f) { return sev[f[i]]; }) } }],
              layout('PSI per feature in ' + x[i] + ' (drawn when the period is selected)', 'PSI', { xaxis: { type: 'category' }, showlegend: false, shapes: [hline(0.1, '#b8860b'), hline(0.2, '#c62828')] }), opts);
          };
          ['tl-score', 'tl-cusum', 'tl-heat'].forEach(function (id) {
            document.getElementById(id).on('plotly_click', function (e) { var i = x.indexOf(e.points[0].x); if (i >= 0) { window.timelineSelect(i); } });
          });
          window.timelineReady = Promise.all(draws).then(function () { return window.timelineSelect(n - 1); }).then(function () {
            // Time from navigation start until every timeline chart and the selected period's chart are drawn.
            document.body.dataset.timelineMs = String(Math.round(performance.now()));
            document.body.dataset.timeline = 'true';
          }, function (e) { window.__errors.push(String(e)); });
        })();
        """;
}

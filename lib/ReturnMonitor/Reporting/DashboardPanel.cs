
namespace ReturnMonitor.Reporting;

/// <summary>
/// A dashboard panel rendered outside the core library — the monitoring history's timeline
/// (<c>ReturnMonitor.History.HistoryTimeline</c>) — so that the page can carry it without the core knowing the
/// history: <see cref="HtmlReport"/> places the HTML above the batches and the script after its own.
/// </summary>
/// <param name="Html">The panel's section (escaped by its renderer).</param>
/// <param name="Script">Its script, run after plotly.js and the page's own script are loaded.</param>
public sealed record DashboardPanel(string Html, string Script);

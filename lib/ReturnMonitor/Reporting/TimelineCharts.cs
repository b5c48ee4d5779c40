using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ReturnMonitor.Reporting;

/// <summary>
/// The periods of a monitoring history over time as one Plotly.NET chart, for notebooks and PNG export: three stacked
/// panels sharing the period axis — drift score, return rate, estimated accuracy (and the realized accuracy where labels are in) — with the periods that raised an
/// alert marked on the score panel. The dashboard draws the same history in plotly.js (<c>HistoryTimeline</c>); this
/// is its static form. It only draws the points it is given.
/// </summary>
public static class TimelineCharts
{
    /// <summary>The stacked timeline of <paramref name="points"/>, in the order given (time order).</summary>
    /// <exception cref="ArgumentException">No points.</exception>
    public static GenericChart Periods(IReadOnlyList<TimelinePoint> points)
    {
        if (points.Count == 0)
        {
            throw new ArgumentException("a timeline needs at least one period", nameof(points));
        }

        var labels = points.Select(p => p.Period).ToArray();
        var alarmed = points.Where(p => p.Alarm).ToArray();
        var score = new List<GenericChart>
        {
            CSharpChart.Line<string, double, string>(x: labels, y: points.Select(p => p.Score), ShowMarkers: true, Name: "drift score (0–100)", LineColor: Color.fromString("#555555")),
        };
        if (alarmed.Length > 0)
        {
            score.Add(CSharpChart.Point<string, double, string>(
                x: alarmed.Select(p => p.Period), y: alarmed.Select(p => p.Score), Name: "alert raised",
                MarkerColor: Color.fromString("#c62828"), MarkerSymbol: StyleParam.MarkerSymbol.TriangleUp));
        }

        // A panel without any value (no labels, no model) still gets its row, empty, so the three rows always align.
        var returns = points.Where(p => p.ReturnRate is not null).ToArray();
        var accuracy = points.Where(p => p.EstimatedAccuracy is not null).ToArray();
        var panels = new[]
        {
            CSharpChart.Combine(score),
            CSharpChart.Line<string, double, string>(x: returns.Select(p => p.Period), y: returns.Select(p => p.ReturnRate!.Value), ShowMarkers: true, Name: "return rate", LineColor: Color.fromString("#6a3d9a")),
            Accuracy(points, accuracy),
        };
        return CSharpChart.Grid(panels, 3, 1,
                SubPlotTitles: new[] { "Drift score per period (▲: alert raised)", "Return rate", points.Any(p => p.RealizedAccuracy is not null) ? "Accuracy: estimated (line) and realized (◆)" : "Estimated accuracy" },
                Pattern: StyleParam.LayoutGridPattern.Coupled)
            .Titled($"{points.Count} periods, {points.Sum(p => p.Orders):N0} orders")
            .Sized(900, 720);
    }

    // The estimate as a line; the realized accuracy, where labels exist (late ones included), as points on the same
    // panel, so a reader sees the estimate confirmed or refuted period by period. Without any labels: the line alone.
    private static GenericChart Accuracy(IReadOnlyList<TimelinePoint> points, TimelinePoint[] estimated)
    {
        var line = CSharpChart.Line<string, double, string>(x: estimated.Select(p => p.Period), y: estimated.Select(p => p.EstimatedAccuracy!.Value), ShowMarkers: true, Name: "estimated accuracy (no labels)", LineColor: Color.fromString("#1f77b4"));
        var realized = points.Where(p => p.RealizedAccuracy is not null).ToArray();
        return realized.Length == 0 ? line : CSharpChart.Combine(new[]
        {
            line,
            CSharpChart.Point<string, double, string>(
                x: realized.Select(p => p.Period), y: realized.Select(p => p.RealizedAccuracy!.Value), Name: "realized accuracy (labels)",
                MarkerColor: Color.fromString("#000000"), MarkerSymbol: StyleParam.MarkerSymbol.Diamond),
        });
    }
}

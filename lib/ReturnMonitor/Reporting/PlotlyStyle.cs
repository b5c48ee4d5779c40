using Plotly.NET;
using Plotly.NET.LayoutObjects;

namespace ReturnMonitor.Reporting;

/// <summary>
/// Small C# wrappers over Plotly.NET's F# layout functions (which take F# options and return functions), so chart code
/// reads as plain C#. Layout objects are built as Plotly's dynamic objects, with plotly.js property names.
/// </summary>
internal static class PlotlyStyle
{
    /// <summary>The chart with a title.</summary>
    public static GenericChart Titled(this GenericChart chart, string title) => Chart.withTitle(title, null).Invoke(chart);

    /// <summary>The chart with axis titles.</summary>
    public static GenericChart Axes(this GenericChart chart, string? x, string? y)
    {
        if (x is not null)
        {
            chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: x);
        }

        if (y is not null)
        {
            chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: y);
        }

        return chart;
    }

    /// <summary>The chart at a fixed size in pixels (charts are rendered to PNG for notebooks).</summary>
    public static GenericChart Sized(this GenericChart chart, int width, int height) =>
        Plotly.NET.CSharp.GenericChartExtensions.WithSize(chart, Width: width, Height: height);

    /// <summary>Adds text annotations at data coordinates.</summary>
    public static GenericChart Annotated(this GenericChart chart, IEnumerable<(object X, object Y, string Text)> notes)
    {
        var annotations = notes.Select(note =>
        {
            var annotation = new Annotation();
            annotation.SetProperty("x", note.X);
            annotation.SetProperty("y", note.Y);
            annotation.SetProperty("text", note.Text);
            annotation.SetProperty("showarrow", false);
            annotation.SetProperty("bgcolor", "#ffffff");
            annotation.SetProperty("font", FontSpec(16, "#000000"));
            return annotation;
        }).ToArray();
        return Chart.withAnnotations(annotations, null).Invoke(chart);
    }

    /// <summary>Adds dashed horizontal or vertical reference lines spanning the plot (e.g. PSI thresholds).</summary>
    public static GenericChart WithReferenceLines(this GenericChart chart, IEnumerable<(double Value, string Color)> lines, bool horizontal)
    {
        var shapes = lines.Select(line =>
        {
            var shape = new Shape();
            shape.SetProperty("type", "line");
            shape.SetProperty(horizontal ? "xref" : "yref", "paper");
            shape.SetProperty(horizontal ? "x0" : "y0", 0);
            shape.SetProperty(horizontal ? "x1" : "y1", 1);
            shape.SetProperty(horizontal ? "y0" : "x0", line.Value);
            shape.SetProperty(horizontal ? "y1" : "x1", line.Value);
            var style = new DynamicObj.DynamicObj();
            style.SetProperty("color", line.Color);
            style.SetProperty("dash", "dash");
            style.SetProperty("width", 2);
            shape.SetProperty("line", style);
            return shape;
        }).ToArray();
        return Chart.withShapes(shapes, null).Invoke(chart);
    }

    private static DynamicObj.DynamicObj FontSpec(int size, string color)
    {
        var font = new DynamicObj.DynamicObj();
        font.SetProperty("size", size);
        font.SetProperty("color", color);
        return font;
    }
}

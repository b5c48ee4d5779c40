using System.Text;

namespace ReturnMonitor.Reporting;

/// <summary>The plotly.js bundled inside the Plotly.NET assembly, so pages and chart images work offline (no CDN).</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> Lazy = new(Load);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Lazy.Value;

    /// <summary>The bundled plotly.js version (from the resource name), e.g. "2.28.0".</summary>
    public static string Version => ResourceName()["Plotly.NET.plotly-".Length..^".min.js".Length];

    private static string ResourceName() =>
        typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
        ?? throw new InvalidOperationException("plotly.js is not embedded in this Plotly.NET version");

    private static string Load()
    {
        using var stream = typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceStream(ResourceName())!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

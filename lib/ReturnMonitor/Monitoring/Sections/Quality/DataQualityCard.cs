using System.Globalization;
using System.Net;
using System.Text;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring.Sections.Quality;

/// <summary>
/// The dashboard's data-quality card of one batch: the same numbers as the JSON <c>dataQuality</c> section, shown only
/// when the batch has a gap, an unseen category or an alarm (<see cref="DataQuality.Notable"/>), so a clean batch's
/// dashboard is unchanged. One line per feature with something to show; alarmed features marked "worse".
/// </summary>
public static class DataQualityCard
{
    /// <summary>The card, or the empty string when there is nothing notable.</summary>
    /// <param name="batch">Index of the batch on the page (element ids).</param>
    /// <param name="quality">The batch's data-quality section.</param>
    public static string Render(int batch, DataQuality quality)
    {
        if (!quality.Notable)
        {
            return "";
        }

        var html = new StringBuilder();
        html.Append($"<div class=\"card quality\" id=\"quality-{batch}\" data-alarm=\"{(quality.Alarm ? "true" : "false")}\"><div class=\"metric\">data quality</div>");
        html.Append($"<div class=\"value\">{(quality.Alarm ? "ALARM" : "ok")}</div>");
        html.Append($"<div class=\"delta\">{quality.MissingCells.ToString("N0", CultureInfo.InvariantCulture)} missing cell(s) in {quality.Rows.ToString("N0", CultureInfo.InvariantCulture)} orders");
        if (quality.Imputed > 0)
        {
            html.Append($" · {quality.Imputed.ToString("N0", CultureInfo.InvariantCulture)} imputed for scoring");
        }

        html.Append("</div>");
        foreach (var f in quality.NotableFeatures)
        {
            var parts = new List<string>();
            if (f.Missing > 0)
            {
                parts.Add($"{NumberText.Percent(f.MissingRate)} missing (reference {NumberText.Percent(f.ReferenceMissingRate)})");
            }

            if (f.Unseen > 0)
            {
                parts.Add($"{NumberText.Percent(f.UnseenRate)} unseen");
            }

            parts.Add($"p {f.PValue.ToString("G2", CultureInfo.InvariantCulture)}");
            html.Append($"<div class=\"delta {(f.Alarm ? "worse" : "same")}\" data-feature=\"{WebUtility.HtmlEncode(f.Name)}\">{WebUtility.HtmlEncode(f.Name)}: {WebUtility.HtmlEncode(string.Join(", ", parts))}</div>");
        }

        html.Append("</div>");
        return html.ToString();
    }
}

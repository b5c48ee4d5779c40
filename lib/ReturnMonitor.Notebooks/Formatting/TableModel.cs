using System.Net;
using System.Text;

namespace ReturnMonitor.Notebooks.Formatting;

/// <summary>A rectangular table of already formatted cell strings.</summary>
/// <param name="Headers">Column names.</param>
/// <param name="Rows">Rows; each has <c>Headers.Count</c> cells.</param>
/// <param name="Note">Optional note shown under the table (e.g. "showing 50 of 1000 rows").</param>
public sealed record TableModel(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string? Note = null)
{
    /// <summary>Plain HTML table (no scripts, no styles beyond the table itself), every value HTML-escaped.</summary>
    public string ToHtml()
    {
        var sb = new StringBuilder();
        sb.Append("<table>\n<thead>\n<tr>");
        foreach (var h in Headers)
        {
            sb.Append("<th>").Append(HtmlText.Escape(h)).Append("</th>");
        }
        sb.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td>").Append(HtmlText.Escape(cell)).Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>");
        if (Note is not null)
        {
            sb.Append("\n<p><em>").Append(HtmlText.Escape(Note)).Append("</em></p>");
        }
        return sb.ToString();
    }

    /// <summary>Fixed-width text rendering (pipe separated) used as the text/plain fallback.</summary>
    public string ToText()
    {
        var widths = Headers.Select(h => Width(h)).ToArray();
        foreach (var row in Rows)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], Width(OneLine(row[i])));
            }
        }
        var sb = new StringBuilder();
        AppendRow(sb, Headers, widths);
        sb.Append('\n').Append(string.Join("-|-", widths.Select(w => new string('-', Math.Max(w, 1)))));
        foreach (var row in Rows)
        {
            sb.Append('\n');
            AppendRow(sb, row.Select(OneLine).ToList(), widths);
        }
        if (Note is not null)
        {
            sb.Append('\n').Append(Note);
        }
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int[] widths)
    {
        var parts = new List<string>(widths.Length);
        for (var i = 0; i < widths.Length; i++)
        {
            var c = i < cells.Count ? cells[i] : string.Empty;
            parts.Add(c + new string(' ', Math.Max(0, widths[i] - Width(c))));
        }
        sb.Append(string.Join(" | ", parts).TrimEnd());
    }

    private static string OneLine(string s) => s.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ');

    private static int Width(string s) => new System.Globalization.StringInfo(s).LengthInTextElements;
}

/// <summary>HTML escaping used for every value the runner puts into HTML.</summary>
public static class HtmlText
{
    /// <summary>Escapes &amp;, &lt;, &gt;, double and single quotes; leaves other characters (including non-ASCII) as they are.</summary>
    public static string Escape(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return string.Empty;
        }
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Reverses <see cref="Escape"/> (and the common named entities Chromium emits).</summary>
    public static string Unescape(string s) => WebUtility.HtmlDecode(s);
}

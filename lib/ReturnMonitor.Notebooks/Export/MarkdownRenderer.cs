using System.Text;
using System.Text.RegularExpressions;
using ReturnMonitor.Notebooks.Formatting;

namespace ReturnMonitor.Notebooks.Export;

/// <summary>
/// A small, safe Markdown subset for notebook exports: ATX headings, paragraphs, bullet and numbered lists,
/// fenced and indented code, block quotes, horizontal rules, pipe tables; inline code, bold, italic and links.
/// Raw HTML in the Markdown is escaped (shown as text), links are limited to http(s), mailto, relative and #fragment targets.
/// </summary>
public static partial class MarkdownRenderer
{
    /// <summary>Renders Markdown to HTML.</summary>
    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sb = new StringBuilder();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                i++;
                continue;
            }
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                var fence = trimmed[..3];
                var lang = trimmed[3..].Trim();
                var code = new List<string>();
                i++;
                while (i < lines.Length && !lines[i].Trim().StartsWith(fence, StringComparison.Ordinal))
                {
                    code.Add(lines[i]);
                    i++;
                }
                i++; // closing fence
                sb.Append("<pre><code").Append(lang.Length > 0 ? $" class=\"language-{HtmlText.Escape(lang)}\"" : string.Empty).Append('>')
                  .Append(HtmlText.Escape(string.Join('\n', code))).Append("</code></pre>\n");
                continue;
            }
            var heading = Heading().Match(line);
            if (heading.Success)
            {
                var level = heading.Groups[1].Value.Length;
                sb.Append($"<h{level}>").Append(Inline(heading.Groups[2].Value.TrimEnd('#').Trim())).Append($"</h{level}>\n");
                i++;
                continue;
            }
            if (Rule().IsMatch(trimmed))
            {
                sb.Append("<hr>\n");
                i++;
                continue;
            }
            if (trimmed.StartsWith('|') && i + 1 < lines.Length && TableSeparator().IsMatch(lines[i + 1].Trim()))
            {
                var header = Cells(trimmed);
                var aligns = Cells(lines[i + 1].Trim()).Select(c => c.StartsWith(':') && c.EndsWith(':') ? "center" : c.EndsWith(':') ? "right" : null).ToList();
                sb.Append("<table>\n<thead>\n<tr>");
                for (var c = 0; c < header.Count; c++)
                {
                    sb.Append(Cell("th", header[c], c < aligns.Count ? aligns[c] : null));
                }
                sb.Append("</tr>\n</thead>\n<tbody>\n");
                i += 2;
                while (i < lines.Length && lines[i].Trim().StartsWith('|'))
                {
                    var row = Cells(lines[i].Trim());
                    sb.Append("<tr>");
                    for (var c = 0; c < header.Count; c++)
                    {
                        sb.Append(Cell("td", c < row.Count ? row[c] : string.Empty, c < aligns.Count ? aligns[c] : null));
                    }
                    sb.Append("</tr>\n");
                    i++;
                }
                sb.Append("</tbody>\n</table>\n");
                continue;
            }
            if (trimmed.StartsWith('>'))
            {
                var quote = new List<string>();
                while (i < lines.Length && lines[i].Trim().StartsWith('>'))
                {
                    quote.Add(lines[i].Trim()[1..].TrimStart());
                    i++;
                }
                sb.Append("<blockquote>\n").Append(ToHtml(string.Join('\n', quote))).Append("</blockquote>\n");
                continue;
            }
            if (BulletItem().IsMatch(line) || NumberedItem().IsMatch(line))
            {
                var ordered = NumberedItem().IsMatch(line);
                var itemRegex = ordered ? NumberedItem() : BulletItem();
                sb.Append(ordered ? "<ol>\n" : "<ul>\n");
                while (i < lines.Length && itemRegex.Match(lines[i]) is { Success: true } m)
                {
                    var text = new StringBuilder(m.Groups[1].Value);
                    i++;
                    // Continuation lines (indented, not a new item).
                    while (i < lines.Length && lines[i].Length > 0 && char.IsWhiteSpace(lines[i][0]) && !itemRegex.IsMatch(lines[i]) && lines[i].Trim().Length > 0)
                    {
                        text.Append(' ').Append(lines[i].Trim());
                        i++;
                    }
                    sb.Append("<li>").Append(Inline(text.ToString())).Append("</li>\n");
                }
                sb.Append(ordered ? "</ol>\n" : "</ul>\n");
                continue;
            }
            if (line.StartsWith("    ", StringComparison.Ordinal) || line.StartsWith('\t'))
            {
                var code = new List<string>();
                while (i < lines.Length && (lines[i].StartsWith("    ", StringComparison.Ordinal) || lines[i].StartsWith('\t') || lines[i].Trim().Length == 0))
                {
                    code.Add(lines[i].StartsWith('\t') ? lines[i][1..] : lines[i].Length >= 4 ? lines[i][4..] : string.Empty);
                    i++;
                }
                sb.Append("<pre><code>").Append(HtmlText.Escape(string.Join('\n', code).TrimEnd('\n'))).Append("</code></pre>\n");
                continue;
            }
            var paragraph = new List<string>();
            while (i < lines.Length && lines[i].Trim().Length > 0 && !StartsBlock(lines, i))
            {
                paragraph.Add(lines[i].Trim());
                i++;
            }
            if (paragraph.Count == 0)
            {
                paragraph.Add(trimmed);
                i++;
            }
            sb.Append("<p>").Append(Inline(string.Join('\n', paragraph))).Append("</p>\n");
        }
        return sb.ToString();
    }

    private static bool StartsBlock(string[] lines, int i)
    {
        var line = lines[i];
        var t = line.Trim();
        return Heading().IsMatch(line) || t.StartsWith("```", StringComparison.Ordinal) || t.StartsWith("~~~", StringComparison.Ordinal)
            || t.StartsWith('>') || BulletItem().IsMatch(line) || NumberedItem().IsMatch(line) || Rule().IsMatch(t)
            || (t.StartsWith('|') && i + 1 < lines.Length && TableSeparator().IsMatch(lines[i + 1].Trim()));
    }

    private static string Cell(string tag, string content, string? align) =>
        align is null ? $"<{tag}>{Inline(content)}</{tag}>" : $"<{tag} style=\"text-align:{align}\">{Inline(content)}</{tag}>";

    private static List<string> Cells(string row)
    {
        var r = row.Trim();
        if (r.StartsWith('|'))
        {
            r = r[1..];
        }
        if (r.EndsWith('|') && !r.EndsWith("\\|", StringComparison.Ordinal))
        {
            r = r[..^1];
        }
        return SplitUnescapedPipes(r).Select(c => c.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToList();
    }

    private static IEnumerable<string> SplitUnescapedPipes(string s)
    {
        var start = 0;
        for (var k = 0; k < s.Length; k++)
        {
            if (s[k] == '|' && (k == 0 || s[k - 1] != '\\'))
            {
                yield return s[start..k];
                start = k + 1;
            }
        }
        yield return s[start..];
    }

    /// <summary>Inline Markdown: code spans, bold, italic, links, hard line breaks; everything else escaped.</summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        var parts = text.Split('`');
        for (var p = 0; p < parts.Length; p++)
        {
            // Odd parts are code spans when the backtick count is balanced.
            if (p % 2 == 1 && p < parts.Length - (parts.Length % 2 == 0 ? 1 : 0))
            {
                sb.Append("<code>").Append(HtmlText.Escape(parts[p])).Append("</code>");
                continue;
            }
            if (p % 2 == 1)
            {
                sb.Append('`');
            }
            var s = HtmlText.Escape(parts[p]);
            s = Link().Replace(s, m =>
            {
                var url = HtmlText.Unescape(m.Groups[2].Value);
                return SafeUrl(url)
                    ? $"<a href=\"{HtmlText.Escape(url)}\">{m.Groups[1].Value}</a>"
                    : m.Groups[1].Value;
            });
            s = Bold().Replace(s, "<strong>$2</strong>");
            s = Italic().Replace(s, "<em>$2</em>");
            s = s.Replace("  \n", "<br>\n", StringComparison.Ordinal);
            sb.Append(s);
        }
        return sb.ToString();
    }

    private static bool SafeUrl(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith('#')
        || (!url.Contains(':', StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s{0,3}(#{1,6})\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\*\s*\*\s*\*[\s*]*|-\s*-\s*-[\s-]*|_\s*_\s*_[\s_]*)$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^\s{0,3}[-*+]\s+(.*)$")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^\s{0,3}\d{1,9}[.)]\s+(.*)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")]
    private static partial Regex Bold();

    [GeneratedRegex(@"(?<![\w*])(\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*])")]
    private static partial Regex Italic();
}

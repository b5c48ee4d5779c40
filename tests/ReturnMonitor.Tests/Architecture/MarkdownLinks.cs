using System.Text;
using System.Text.RegularExpressions;

namespace ReturnMonitor.Tests.Architecture;

/// <summary>
/// Finds relative links in markdown files that do not resolve: a missing file or folder, or a <c>#anchor</c> that no
/// heading of the target page produces. Anchors follow GitHub's rule: the heading text lower-cased, every character
/// that is not a letter, digit, space, hyphen or underscore dropped, spaces turned into hyphens, and a repeated slug
/// numbered <c>-1</c>, <c>-2</c>, … Fenced code blocks and inline code are not markdown, so their text is skipped.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>The anchors GitHub generates for the headings of one markdown text.</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in ProseLines(markdown))
        {
            var heading = Heading().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            var slug = Slug(heading.Groups[1].Value);
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    /// <summary>GitHub's anchor for one heading text.</summary>
    public static string Slug(string heading)
    {
        var text = Link().Replace(heading.Trim(), "$1").ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    /// <summary>
    /// Every broken relative link of the given files, as "file: target (reason)". <paramref name="files"/> maps a
    /// '/'-separated path relative to the repository root to the file's text; <paramref name="exists"/> answers
    /// whether a path (file or folder) that is not among them exists.
    /// </summary>
    public static IReadOnlyList<string> Broken(IReadOnlyDictionary<string, string> files, Func<string, bool> exists)
    {
        var broken = new List<string>();
        foreach (var (path, text) in files)
        {
            foreach (var line in ProseLines(text))
            {
                foreach (Match link in Link().Matches(InlineCode().Replace(line, "")))
                {
                    var target = link.Groups[2].Value;
                    if (Scheme().IsMatch(target))
                    {
                        continue;
                    }

                    var hash = target.IndexOf('#');
                    var file = hash < 0 ? target : target[..hash];
                    var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
                    var resolved = file.Length == 0 ? path : Resolve(path, Uri.UnescapeDataString(file));
                    if (resolved is null)
                    {
                        broken.Add($"{path}: {target} (leaves the repository)");
                        continue;
                    }

                    if (!files.ContainsKey(resolved) && !exists(resolved))
                    {
                        broken.Add($"{path}: {target} (no such file)");
                        continue;
                    }

                    if (anchor is not null)
                    {
                        if (!files.TryGetValue(resolved, out var targetText))
                        {
                            broken.Add($"{path}: {target} (an anchor into a file that is not checked)");
                        }
                        else if (!Anchors(targetText).Contains(anchor))
                        {
                            broken.Add($"{path}: {target} (no heading gives #{anchor})");
                        }
                    }
                }
            }
        }

        return broken;
    }

    /// <summary>The target's path relative to the repository root, or null when it climbs above it.</summary>
    private static string? Resolve(string from, string target)
    {
        var parts = new List<string>(from.Split('/')[..^1]);
        foreach (var part in target.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>The lines outside fenced code blocks.</summary>
    private static IEnumerable<string> ProseLines(string markdown)
    {
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                yield return line.TrimEnd('\r');
            }
        }
    }

    [GeneratedRegex(@"^#{1,6}\s+(.*?)\s*#*\s*$")]
    private static partial Regex Heading();

    // [text](target) and ![alt](target), with an optional "title" after the target.
    [GeneratedRegex(@"!?\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}

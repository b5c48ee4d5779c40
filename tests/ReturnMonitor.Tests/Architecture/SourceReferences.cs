using System.Text.RegularExpressions;

namespace ReturnMonitor.Tests.Architecture;

/// <summary>
/// What a C# source file refers to, read from its text: the names of ReturnMonitor namespaces and the types they
/// declare. Comments and string literals are blanked first (so a doc sentence or a help text naming a namespace is not
/// a dependency), which keeps line numbers. Works on in-memory text so each rule can prove it fails.
/// </summary>
internal static partial class SourceReferences
{
    /// <summary>The text with comments and string or character literals replaced by spaces (newlines kept).</summary>
    public static string Code(string source)
    {
        var chars = source.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            var rest = source.AsSpan(i);
            if (rest.StartsWith("//"))
            {
                i = Blank(chars, i, source.IndexOf('\n', i) is var end and >= 0 ? end : chars.Length);
            }
            else if (rest.StartsWith("/*"))
            {
                var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = Blank(chars, i, end < 0 ? chars.Length : end + 2);
            }
            else if (rest.StartsWith("\"\"\""))
            {
                // Raw string literal: ends at the next run of as many quotes as opened it.
                var quotes = 0;
                while (i + quotes < chars.Length && chars[i + quotes] == '"')
                {
                    quotes++;
                }

                var end = source.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                i = Blank(chars, i, end < 0 ? chars.Length : end + quotes);
            }
            else if (rest.StartsWith("@\"") || rest.StartsWith("$@\"") || rest.StartsWith("@$\""))
            {
                var end = i + rest.IndexOf('"') + 1;
                while (end < chars.Length && !(chars[end] == '"' && (end + 1 >= chars.Length || chars[end + 1] != '"')))
                {
                    end += chars[end] == '"' ? 2 : 1;
                }

                i = Blank(chars, i, Math.Min(end + 1, chars.Length));
            }
            else if (chars[i] is '"' or '\'')
            {
                var quote = chars[i];
                var end = i + 1;
                while (end < chars.Length && chars[end] != quote && chars[end] != '\n')
                {
                    end += chars[end] == '\\' ? 2 : 1;
                }

                i = Blank(chars, i, Math.Min(end + 1, chars.Length));
            }
            else
            {
                i++;
            }
        }

        return new string(chars);
    }

    /// <summary>The namespace a file declares (file-scoped or block), or null.</summary>
    public static string? Namespace(string code) => NamespaceDeclaration().Match(code) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The top-level types a file declares (classes, records, structs, enums, interfaces, delegates).</summary>
    public static IEnumerable<string> DeclaredTypes(string code) => TypeDeclaration().Matches(code).Select(m => m.Groups[1].Value);

    /// <summary>Every <c>ReturnMonitor.X…</c> name in the code, as the dotted namespace part after <c>ReturnMonitor.</c>.</summary>
    public static IEnumerable<string> QualifiedNames(string code) => Qualified().Matches(code).Select(m => m.Groups[1].Value);

    /// <summary>Whether <paramref name="type"/> is used in the code as a simple name (not as a member after a dot).</summary>
    public static bool UsesType(string code, string type) => Regex.IsMatch(code, $@"(?<![\w.@]){Regex.Escape(type)}\b");

    /// <summary>
    /// Partly qualified names: <c>Monitoring.CostModel</c> written inside another ReturnMonitor namespace, where C#
    /// resolves <c>Monitoring</c> against the enclosing <c>ReturnMonitor</c>. <paramref name="typesByNamespace"/> maps a
    /// full namespace to the types it declares; returns each hit as (namespace, written form).
    /// </summary>
    public static IEnumerable<(string Namespace, string Written)> PartlyQualified(string code, IReadOnlyDictionary<string, IReadOnlySet<string>> typesByNamespace)
    {
        foreach (var (ns, types) in typesByNamespace)
        {
            var segments = ns.Split('.');
            for (var start = 1; start < segments.Length; start++)
            {
                var prefix = string.Join('.', segments[start..]);
                foreach (Match m in Regex.Matches(code, $@"(?<![\w.]){Regex.Escape(prefix)}\.([A-Z]\w*)\b"))
                {
                    if (types.Contains(m.Groups[1].Value))
                    {
                        yield return (ns, m.Value);
                    }
                }
            }
        }
    }

    private static int Blank(char[] chars, int from, int to)
    {
        for (var j = from; j < to; j++)
        {
            if (chars[j] != '\n')
            {
                chars[j] = ' ';
            }
        }

        return to;
    }

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|file|unsafe|ref)\s+)*(?:class|record\s+struct|record\s+class|record|struct|enum|interface|delegate\s+[\w<>?,\s\[\]]+?)\s+([A-Z]\w*)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"\bReturnMonitor\.([A-Z]\w*(?:\.[A-Z]\w*)*)")]
    private static partial Regex Qualified();
}

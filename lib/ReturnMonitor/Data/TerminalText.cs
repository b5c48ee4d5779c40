using System.Globalization;
using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// Makes text from data inert on a terminal, as the dashboard HTML-escapes it: every control character — C0 (tab and
/// line ends included), DEL, C1 — and the bidirectional overrides that reorder what is shown are written as a visible
/// <c>\uXXXX</c> (ESC becomes <c>\u001B</c>). A category value or header name can then neither set the terminal's
/// title, clear the screen, move the cursor, nor start a line of its own. The form is also a valid JSON string
/// escape with the same meaning, so escaping JSON text on its way to the terminal leaves it valid and equal.
/// The one escaper of the project: error messages, CLI tables and findings all use it.
/// </summary>
public static class TerminalText
{
    /// <summary>
    /// <paramref name="text"/> with every unsafe character (see <see cref="IsUnsafe"/>) written as <c>\uXXXX</c>;
    /// with <paramref name="keepNewLines"/>, LF is kept (for whole lines of output built by us).
    /// </summary>
    public static string Escape(string? text, bool keepNewLines = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var first = FirstUnsafe(text, keepNewLines);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnsafe(c) && !(keepNewLines && c == '\n'))
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Whether a terminal could act on <paramref name="c"/> rather than show it: C0 controls (U+0000–U+001F), DEL
    /// (U+007F), C1 controls (U+0080–U+009F; U+009B is a one-character CSI), and the bidirectional embeddings, overrides
    /// and isolates (U+202A–U+202E, U+2066–U+2069) that make text display in another order than it reads.
    /// </summary>
    public static bool IsUnsafe(char c) =>
        c < '\u0020' || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';

    private static int FirstUnsafe(string text, bool keepNewLines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) && !(keepNewLines && text[i] == '\n'))
            {
                return i;
            }
        }

        return -1;
    }
}

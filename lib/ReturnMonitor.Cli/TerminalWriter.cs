using System.Text;
using ReturnMonitor.Data;

namespace ReturnMonitor.Cli;

/// <summary>
/// stdout or stderr of the CLI with every control character but LF made visible by <see cref="TerminalText"/>: whatever
/// a command prints (tables, findings, errors, help) cannot carry a terminal escape sequence from the data it shows.
/// Values that could hold a line end of their own are escaped where they are formatted (one line per value).
/// </summary>
internal sealed class TerminalWriter(TextWriter inner) : TextWriter
{
    /// <summary>The writer underneath, for the progress line, which rewrites itself with CR.</summary>
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => Inner.NewLine;
        set => Inner.NewLine = value;
    }

    public override void Write(char value)
    {
        if (TerminalText.IsUnsafe(value) && value != '\n')
        {
            Inner.Write(TerminalText.Escape(value.ToString()));
        }
        else
        {
            Inner.Write(value);
        }
    }

    public override void Write(string? value) => Inner.Write(TerminalText.Escape(value, keepNewLines: true));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(buffer.ToString());

    public override void WriteLine(string? value)
    {
        Write(value);
        Inner.WriteLine();
    }

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();

    /// <summary>Wraps <paramref name="writer"/> unless it is already wrapped.</summary>
    public static TextWriter Wrap(TextWriter writer) => writer as TerminalWriter ?? new TerminalWriter(writer);
}

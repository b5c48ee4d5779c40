using System.Globalization;
using System.Reflection;

namespace ReturnMonitor.Notebooks.Engine;

/// <summary>
/// Turns an exception thrown by cell code into readable traceback lines: frames of cells read
/// <c>in cell N, line L</c>, engine plumbing is hidden, no machine paths are shown.
/// </summary>
internal static class ExceptionTraceback
{
    /// <summary>File name the engine gives the code of cell <c>N</c> (so stack frames say which cell they are in).</summary>
    public const string CellFilePrefix = "returnmonitor-cell-";

    private static readonly string[] HiddenFramePrefixes =
    [
        "Microsoft.CodeAnalysis.Scripting.", "Microsoft.DotNet.Interactive.", "System.Runtime.CompilerServices.",
        "System.Runtime.ExceptionServices.", "System.Threading.", "System.Reflection.", "System.RuntimeMethodHandle.",
    ];

    public static string CellFile(int cellNumber) => CellFilePrefix + cellNumber.ToString(CultureInfo.InvariantCulture) + ".csx";

    public static Exception Unwrap(Exception ex)
    {
        while (true)
        {
            switch (ex)
            {
                case TargetInvocationException { InnerException: { } inner }:
                    ex = inner;
                    continue;
                case AggregateException { InnerExceptions.Count: 1 } agg:
                    ex = agg.InnerExceptions[0];
                    continue;
                default:
                    return ex;
            }
        }
    }

    /// <summary>Line of the innermost frame of the given cell in the exception's stack trace (async segments included).</summary>
    public static int? CellLine(Exception ex, string cellFile)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            foreach (var frame in ParseFrames(e))
            {
                if (frame.File is not null && Path.GetFileName(frame.File) == cellFile && frame.Line > 0)
                {
                    return frame.Line;
                }
            }
        }
        return null;
    }

    /// <summary>Traceback lines: the exception, then its frames; inner exceptions follow with their frames.</summary>
    public static List<string> Lines(Exception ex)
    {
        var lines = new List<string> { $"{ex.GetType().FullName}: {ex.Message}" };
        AppendFrames(lines, ex);
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            lines.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
            AppendFrames(lines, inner);
        }
        return lines;
    }

    private static void AppendFrames(List<string> lines, Exception ex)
    {
        foreach (var frame in ParseFrames(ex))
        {
            if (HiddenFramePrefixes.Any(p => frame.Method.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }
            var location = string.Empty;
            if (frame.File is not null && Path.GetFileName(frame.File).StartsWith(CellFilePrefix, StringComparison.Ordinal))
            {
                var cellNumber = Path.GetFileNameWithoutExtension(frame.File)[CellFilePrefix.Length..];
                location = string.Create(CultureInfo.InvariantCulture, $" in cell {cellNumber}, line {frame.Line}");
            }
            lines.Add($"   at {FrameName(frame.Method)}{location}");
        }
    }

    private sealed record Frame(string Method, string? File, int Line);

    /// <summary>
    /// Parses <see cref="Exception.StackTrace"/> text, which (unlike <see cref="System.Diagnostics.StackTrace"/> objects)
    /// keeps the frames from before an async rethrow.
    /// </summary>
    private static List<Frame> ParseFrames(Exception ex)
    {
        var frames = new List<Frame>();
        foreach (var raw in (ex.StackTrace ?? string.Empty).Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (!line.StartsWith("at ", StringComparison.Ordinal))
            {
                continue;
            }
            line = line[3..];
            string? file = null;
            var lineNumber = 0;
            var inIndex = line.LastIndexOf(" in ", StringComparison.Ordinal);
            var lineIndex = line.LastIndexOf(":line ", StringComparison.Ordinal);
            if (inIndex > 0 && lineIndex > inIndex)
            {
                file = line[(inIndex + 4)..lineIndex];
                int.TryParse(line[(lineIndex + 6)..], NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber);
                line = line[..inIndex];
            }
            frames.Add(new Frame(line, file, lineNumber));
        }
        return frames;
    }

    /// <summary>"Submission#1.&lt;&lt;Initialize&gt;&gt;d__0.MoveNext()" → "&lt;top-level code&gt;"; "Submission#0.Check(Int32 v)" → "Check(Int32 v)".</summary>
    private static string FrameName(string method)
    {
        if (!method.StartsWith("Submission#", StringComparison.Ordinal))
        {
            return method;
        }
        var dot = method.IndexOf('.', StringComparison.Ordinal);
        var rest = dot >= 0 ? method[(dot + 1)..] : method;
        if (rest.StartsWith("<<Initialize>>", StringComparison.Ordinal) || rest.StartsWith("<Initialize>", StringComparison.Ordinal))
        {
            return "<top-level code>";
        }
        return rest;
    }
}

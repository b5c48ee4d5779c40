using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Events;

namespace ReturnMonitor.Notebooks.Engine;

/// <summary>
/// How a failed submission becomes a <see cref="CellError"/> located in the cell: compiler diagnostics, exceptions
/// (frames named "cell N, line L") and directive failures (a NuGet restore, an unknown magic command) in one line.
/// </summary>
internal static partial class CellFailures
{
    /// <summary>The error of a submission, with lines mapped back to the cell by <paramref name="cellLine"/>; null if it succeeded.</summary>
    internal static CellError? Failure(Microsoft.DotNet.Interactive.KernelCommandResult result, string code, string cellFile, Func<int, int> cellLine)
    {
        var errors = result.Events.OfType<DiagnosticsProduced>()
            .SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .ToList();
        if (errors.Count > 0)
        {
            var located = errors.Select(e => string.Create(CultureInfo.InvariantCulture,
                $"({cellLine(e.LinePositionSpan.Start.Line + 1)},{e.LinePositionSpan.Start.Character + 1}): error {e.Code}: {e.Message}")).ToList();
            var first = errors[0];
            return new CellError("CompilationError", located[0], located, cellLine(first.LinePositionSpan.Start.Line + 1), $"error {first.Code}: {first.Message}");
        }
        return result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed ? FromFailure(failed, code, cellFile, cellLine) : null;
    }

    private static CellError FromFailure(CommandFailed failed, string code, string cellFile, Func<int, int> cellLine)
    {
        if (failed.Exception is { } thrown and not Microsoft.DotNet.Interactive.CodeSubmissionCompilationErrorException)
        {
            var ex = ExceptionTraceback.Unwrap(thrown);
            var name = ex.GetType().FullName ?? ex.GetType().Name;
            return new CellError(name, ex.Message, ExceptionTraceback.Lines(ex), ExceptionTraceback.CellLine(ex, cellFile), $"{name}: {ex.Message}");
        }
        // Directive failures (#r "nuget: …" that cannot be restored, an unknown magic command): one readable line
        // naming the directive's line in the cell.
        var message = OneLine(failed.Message ?? "the cell failed");
        // A failed restore reports the temporary project's path; the NuGet error code and sentence are what matter.
        if (NuGetError().Match(message) is { Success: true } nuget)
        {
            message = $"error {nuget.Groups[1].Value}: {nuget.Groups[2].Value}";
        }
        int? line = null;
        var lines = code.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (CellSource.DirectiveLine().IsMatch(text) && message.Contains(DirectiveArgument(text), StringComparison.OrdinalIgnoreCase))
            {
                line = cellLine(i + 1);
                message = $"{text}: {message}";
                break;
            }
        }
        return new CellError(line is null ? "CellError" : "ReferenceError", message, [message], line, message);
    }

    private static string DirectiveArgument(string directiveLine)
    {
        var m = QuotedArgument().Match(directiveLine);
        var arg = m.Success ? m.Groups[1].Value : directiveLine;
        if (arg.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            arg = arg[6..].Split(',')[0];
        }
        return arg.Trim();
    }

    private static string OneLine(string message)
    {
        var lines = message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(" ", lines.Take(3));
    }

    [GeneratedRegex(@"error (NU\d+): (.*?\.)(\s|$)")]
    private static partial Regex NuGetError();

    [GeneratedRegex(@"""([^""]*)""")]
    private static partial Regex QuotedArgument();
}

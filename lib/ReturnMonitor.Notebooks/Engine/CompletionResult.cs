namespace ReturnMonitor.Notebooks.Engine;

/// <summary>Completions at a cursor: the text to insert replaces <c>[Start, End)</c> of the code (UTF-16 offsets).</summary>
/// <param name="Start">Offset where the word being completed starts.</param>
/// <param name="End">The cursor offset.</param>
/// <param name="Matches">Completion texts, best first (those starting with the typed prefix).</param>
public sealed record CompletionResult(int Start, int End, IReadOnlyList<string> Matches);

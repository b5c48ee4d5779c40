namespace ReturnMonitor.Notebooks.Engine;

/// <summary>Why a cell failed, in the shape of a Jupyter <c>error</c> output.</summary>
/// <param name="Name">Jupyter <c>ename</c>: <c>CompilationError</c>, <c>ReferenceError</c>, <c>Cancelled</c> or the exception type.</param>
/// <param name="Value">Jupyter <c>evalue</c>: the message (compiler errors with their <c>(line,column)</c>).</param>
/// <param name="Traceback">Lines shown to the user; cell frames read <c>in cell N, line L</c>, never a machine path.</param>
/// <param name="Line">1-based line in the cell where the failure happened, when known.</param>
/// <param name="Message">The one-line summary used by the runner's failure message.</param>
public sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback, int? Line, string Message);

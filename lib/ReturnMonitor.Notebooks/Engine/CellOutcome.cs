namespace ReturnMonitor.Notebooks.Engine;

/// <summary>The result of executing one cell: success, or the error (outputs went to the cell's sink as they happened).</summary>
/// <param name="Error">Null when the cell succeeded.</param>
public sealed record CellOutcome(CellError? Error)
{
    /// <summary>Whether the cell ran to the end without an error.</summary>
    public bool Succeeded => Error is null;
}

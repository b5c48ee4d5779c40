namespace ReturnMonitor.History;

/// <summary>One row of a late-labels file: an order id and whether the order was returned.</summary>
/// <param name="Id">The order id, as in the batch's id column.</param>
/// <param name="Returned">The label: true when the order was returned.</param>
/// <param name="Line">The 1-based line of the row in the labels file, for the report.</param>
public sealed record OrderLabel(string Id, bool Returned, long Line);

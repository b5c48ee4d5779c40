namespace ReturnMonitor.Data;

/// <summary>
/// The documented limits that keep the memory of reading any input bounded, whatever the file holds (a line without
/// an end, a header of millions of columns, <c>/dev/zero</c>). Past a limit the reader stops with one
/// <see cref="DataFormatException"/> naming the file, the line and the limit. See <c>docs/input-limits.md</c>.
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// Longest CSV record, in bytes, without its line end: 1 MiB. An order record is about a hundred bytes; a quoted
    /// field may span lines, and the limit applies to the whole record.
    /// </summary>
    public const int MaxLineBytes = 1 << 20;

    /// <summary>Most columns a CSV header may have: 4,096 (the schema needs ten; extra columns are ignored).</summary>
    public const int MaxHeaderColumns = 4096;

    /// <summary>
    /// Largest file read whole (a profile or cost JSON file, a CSV counts file): 64 MiB. A profile of millions of
    /// orders is a few MiB, since it keeps distinct values only.
    /// </summary>
    public const int MaxWholeFileBytes = 64 << 20;

    /// <summary>A byte count for messages: "1 MiB (1,048,576 bytes)".</summary>
    internal static string Describe(long bytes) =>
        $"{bytes >> 20} MiB ({bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes)";
}

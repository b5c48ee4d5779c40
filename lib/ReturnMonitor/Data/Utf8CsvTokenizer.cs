using System.Runtime.CompilerServices;
using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// Splits RFC 4180 CSV, given as UTF-8 bytes, into records and fields: comma-separated, fields optionally quoted with
/// '"', a quote inside a quoted field written as two quotes, records ended by LF or CRLF (a quoted field may span lines),
/// blank lines skipped. The one tokenizer of the project: the table reader (<see cref="OrderCsv"/>) and the streaming
/// summariser both read through it, so they accept, reject and number lines identically. A record without a quote is
/// split in place (no copy); a record with a quote is unquoted into a scratch buffer. UTF-8 never uses the bytes of
/// ',', '"', CR or LF inside a multi-byte character, so splitting the bytes is splitting the text.
/// One instance per thread (it owns the scratch buffer).
/// </summary>
internal sealed class Utf8CsvTokenizer
{
    private readonly string file;
    private readonly int[] starts;
    private readonly int[] ends;
    private byte[] scratch = new byte[256];
    private int scratchLength;
    private int lastFieldEnd;

    /// <param name="file">File name for error messages.</param>
    /// <param name="expectedFields">Fields a record should have; positions of more fields are counted but not kept.</param>
    public Utf8CsvTokenizer(string file, int expectedFields)
    {
        this.file = file;
        starts = new int[expectedFields + 1];
        ends = new int[expectedFields + 1];
    }

    /// <summary>Number of fields of the last record read (may exceed the expected count; only those are accessible).</summary>
    public int FieldCount { get; private set; }

    /// <summary>Start offsets of the fields of the last record, for the first expected count + 1 fields (hot loops hoist it).</summary>
    public int[] Starts => starts;

    /// <summary>End offsets (exclusive) of the fields of the last record, as <see cref="Starts"/>.</summary>
    public int[] Ends => ends;

    /// <summary>Field <paramref name="index"/> (below the expected count) of <paramref name="record"/>, as returned by <see cref="Next"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Field(ReadOnlySpan<byte> record, int index) => record[starts[index]..ends[index]];

    /// <summary>
    /// Reads the next record that is not blank from <paramref name="data"/> at <paramref name="position"/>, which must
    /// be at a record boundary; false when only blank lines remain. <paramref name="line"/> is the 1-based line at
    /// <paramref name="position"/> and advances over the line breaks consumed; <paramref name="recordLine"/> is the line
    /// where the record starts. The end of <paramref name="data"/> ends the last record (the end of the file).
    /// </summary>
    /// <exception cref="DataFormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(ReadOnlySpan<byte> data, ref int position, ref long line, out ReadOnlySpan<byte> record, out long recordLine)
    {
        while (position < data.Length)
        {
            var rest = data[position..];
            var newline = rest.IndexOf((byte)'\n');
            var candidate = newline < 0 ? rest : rest[..newline];
            recordLine = line;
            if (candidate.IndexOf((byte)'"') >= 0)
            {
                var consumed = ReadQuotedRecord(rest, ref line, out var blank);
                if (consumed > InputLimits.MaxLineBytes + 2)
                {
                    throw TooLong(file, recordLine);
                }

                position += consumed;
                if (!blank)
                {
                    record = scratch.AsSpan(0, scratchLength);
                    return true;
                }

                continue;
            }

            if (candidate.Length > InputLimits.MaxLineBytes + 1)
            {
                // The block reader stops a longer record before it is read whole; this holds for text given directly.
                throw TooLong(file, recordLine);
            }

            position += newline < 0 ? rest.Length : newline + 1;
            if (newline >= 0)
            {
                line++;
                if (candidate.Length > 0 && candidate[^1] == (byte)'\r')
                {
                    candidate = candidate[..^1];
                }
            }

            // Blank: an empty line (one CR before the LF dropped), or at the end of the file nothing but CRs.
            var isBlank = newline >= 0 ? candidate.IsEmpty : candidate.IndexOfAnyExcept((byte)'\r') < 0;
            if (!isBlank)
            {
                Split(candidate);
                record = candidate;
                return true;
            }
        }

        record = default;
        recordLine = line;
        return false;
    }

    // Field k of an unquoted record is record[starts[k]..ends[k]].
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Split(ReadOnlySpan<byte> record)
    {
        var count = 0;
        var fieldStart = 0;
        while (true)
        {
            var comma = record[fieldStart..].IndexOf((byte)',');
            if (count < starts.Length)
            {
                starts[count] = fieldStart;
                ends[count] = comma < 0 ? record.Length : fieldStart + comma;
            }

            count++;
            if (comma < 0)
            {
                break;
            }

            fieldStart += comma + 1;
        }

        FieldCount = count;
    }

    // One record containing a quote, unquoted into the scratch buffer; returns the bytes consumed.
    private int ReadQuotedRecord(ReadOnlySpan<byte> data, ref long line, out bool blank)
    {
        scratchLength = 0;
        lastFieldEnd = 0;
        FieldCount = 0;
        blank = true;
        var p = 0;
        while (true)
        {
            if (p >= data.Length)
            {
                EndField();
                return p;
            }

            var c = data[p];
            if (c == (byte)'"' && scratchLength == lastFieldEnd)
            {
                p = ReadQuoted(data, p + 1, ref line);
                blank = false;
                continue;
            }

            p++;
            switch (c)
            {
                case (byte)',':
                    EndField();
                    blank = false;
                    break;
                case (byte)'\n':
                    line++;
                    if (scratchLength > lastFieldEnd && scratch[scratchLength - 1] == (byte)'\r')
                    {
                        scratchLength--;
                    }

                    EndField();
                    blank = blank && scratchLength == 0;
                    return p;
                default:
                    Append(c);
                    if (c != (byte)'\r')
                    {
                        blank = false;
                    }

                    break;
            }
        }
    }

    // The inside of a quoted field from just after its opening quote; returns the position after the closing quote.
    private int ReadQuoted(ReadOnlySpan<byte> data, int p, ref long line)
    {
        var startLine = line;
        while (true)
        {
            if (p >= data.Length)
            {
                throw new DataFormatException(file, startLine, null, "a quoted field is not closed before the end of the file");
            }

            var c = data[p++];
            if (c == (byte)'"')
            {
                if (p < data.Length && data[p] == (byte)'"')
                {
                    p++;
                    Append((byte)'"');
                    continue;
                }

                if (p < data.Length && data[p] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
                {
                    // The whole character, also outside the Basic Multilingual Plane (two UTF-16 units).
                    Rune.DecodeFromUtf8(data[p..], out var rune, out _);
                    throw new DataFormatException(file, line, null, $"unexpected character '{rune}' after a closing quote");
                }

                return p;
            }

            if (c == (byte)'\n')
            {
                line++;
            }

            Append(c);
        }
    }

    private void EndField()
    {
        if (FieldCount < starts.Length)
        {
            starts[FieldCount] = lastFieldEnd;
            ends[FieldCount] = scratchLength;
        }

        FieldCount++;
        lastFieldEnd = scratchLength;
    }

    private void Append(byte b)
    {
        if (scratchLength == scratch.Length)
        {
            Array.Resize(ref scratch, scratch.Length * 2);
        }

        scratch[scratchLength++] = b;
    }

    /// <summary>The error for a record longer than <see cref="InputLimits.MaxLineBytes"/> starting on <paramref name="line"/>.</summary>
    public static DataFormatException TooLong(string file, long line) =>
        new(file, line, null, $"the line is longer than the limit of {InputLimits.Describe(InputLimits.MaxLineBytes)} (no line end found within it)");

    /// <summary>
    /// Whether the first line break of <paramref name="data"/> (the start of a file) is a lone CR, as in files of
    /// classic Mac OS: such a file is one long line to an LF reader, and would be read as a header of every record.
    /// A CR inside a quoted field or just before an LF does not count; a CR at the very end cannot be told yet (false).
    /// </summary>
    public static bool UsesCrOnlyLineEnds(ReadOnlySpan<byte> data)
    {
        var inQuotes = false;
        for (var i = 0; i < data.Length; i++)
        {
            switch (data[i])
            {
                case (byte)'"':
                    inQuotes = !inQuotes;
                    break;
                case (byte)'\n' when !inQuotes:
                    return false;
                case (byte)'\r' when !inQuotes:
                    if (i + 1 < data.Length && data[i + 1] == (byte)'\n')
                    {
                        return false;
                    }

                    // A CR that ends blank lines only is still a lone CR: the file has no LF where its first line ends.
                    return i + 1 < data.Length;
            }
        }

        return false;
    }

    /// <summary>
    /// Offset just after the last complete record of <paramref name="data"/> (which starts at a record boundary), or −1.
    /// Without quotes that is after the last line break; with quotes, line breaks inside quoted fields do not count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int FindLastRecordEnd(ReadOnlySpan<byte> data)
    {
        if (data.IndexOf((byte)'"') < 0)
        {
            var newline = data.LastIndexOf((byte)'\n');
            return newline < 0 ? -1 : newline + 1;
        }

        return ScanRecords(data, stopAtFirstNonBlank: false);
    }

    /// <summary>Offset just after the first record that is not blank (the header), or −1 when it is not complete in <paramref name="data"/>.</summary>
    public static int FindHeaderEnd(ReadOnlySpan<byte> data) => ScanRecords(data, stopAtFirstNonBlank: true);

    private static int ScanRecords(ReadOnlySpan<byte> data, bool stopAtFirstNonBlank)
    {
        var last = -1;
        var inQuotes = false;
        var fieldStart = true;
        var blank = true;
        var carriageReturns = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var b = data[i];
            if (inQuotes)
            {
                if (b == (byte)'"')
                {
                    if (i + 1 >= data.Length)
                    {
                        // Cannot tell a closing quote from the first of two: wait for more data.
                        break;
                    }

                    if (data[i + 1] == (byte)'"')
                    {
                        i++;
                        continue;
                    }

                    inQuotes = false;
                    fieldStart = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"' when fieldStart:
                    inQuotes = true;
                    blank = false;
                    break;
                case (byte)',':
                    fieldStart = true;
                    blank = false;
                    break;
                case (byte)'\n':
                    // Blank: nothing but at most one CR, which the tokenizer drops before the LF.
                    last = i + 1;
                    if (stopAtFirstNonBlank && !(blank && carriageReturns <= 1))
                    {
                        return last;
                    }

                    fieldStart = true;
                    blank = true;
                    carriageReturns = 0;
                    break;
                case (byte)'\r':
                    fieldStart = false;
                    carriageReturns++;
                    break;
                default:
                    fieldStart = false;
                    blank = false;
                    break;
            }
        }

        return stopAtFirstNonBlank ? -1 : last;
    }
}

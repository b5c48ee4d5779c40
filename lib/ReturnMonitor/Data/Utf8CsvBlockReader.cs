using System.Buffers;
using System.Text;

namespace ReturnMonitor.Data;

/// <summary>
/// Reads an order CSV file as UTF-8 bytes: the header (located and checked by <see cref="OrderCsvLayout"/>), then the
/// body in blocks of about <c>blockSize</c> bytes cut just after a complete record (quote-aware), each with the line
/// number it starts on. The table reader parses the blocks in order; the streaming summariser hands them to worker
/// threads. A UTF-8 byte-order mark is skipped; a UTF-16 file (by its byte-order mark) is transcoded to UTF-8 first.
/// Block buffers come from <see cref="ArrayPool{T}.Shared"/>: whoever takes a block returns it with <see cref="CsvBlock.Return"/>.
/// </summary>
internal sealed class Utf8CsvBlockReader : IDisposable
{
    private readonly Stream stream;
    private readonly string file;
    private readonly int blockSize;
    private readonly Action<long>? bytesRead;
    private byte[]? buffer;
    private int offset;
    private int length;
    private bool eof;
    private long line;

    private Utf8CsvBlockReader(Stream stream, string file, int blockSize, Action<long>? bytesRead, ReadPlan plan, MissingCells missing)
    {
        this.file = file;
        this.blockSize = Math.Max(blockSize, 1024);
        this.bytesRead = bytesRead;
        this.stream = IsUtf16(stream, out var encoding)
            ? Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: false)
            : stream;
        buffer = ArrayPool<byte>.Shared.Rent(this.blockSize);
        Fill();
        if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
        {
            offset = 3;
        }

        // The header: the first record that is not blank, plus the blank lines before it; bounded like any record.
        // A file with CR-only line ends has no LF: to an LF reader it is one line, its header all the records.
        int headerEnd;
        while ((headerEnd = Utf8CsvTokenizer.FindHeaderEnd(buffer.AsSpan(offset, length - offset))) < 0 && !eof)
        {
            CheckHeader(buffer.AsSpan(offset, length - offset));
            Grow();
        }

        CheckHeader(buffer.AsSpan(offset, headerEnd < 0 ? length - offset : headerEnd));

        var headerBytes = buffer.AsSpan(offset, headerEnd < 0 ? length - offset : headerEnd);
        CheckUtf8(headerBytes, 1, file);
        Layout = OrderCsvLayout.FromHeaderBytes(headerBytes, file, plan, missing);
        line = 1 + headerBytes.Count((byte)'\n');
        offset += headerBytes.Length;
    }

    /// <summary>The header's columns.</summary>
    public OrderCsvLayout Layout { get; }

    /// <summary>Opens a file and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">Name used in error messages.</param>
    /// <param name="blockSize">Bytes per block (at least 1 KiB; a block grows to hold one longer record).</param>
    /// <param name="bytesRead">Called with the number of bytes of each read, for progress; null for none.</param>
    /// <param name="plan">The columns to locate; null for the demo's (<see cref="ReadPlan.Demo"/>).</param>
    /// <param name="missing">With <see cref="MissingCells.Allow"/> a feature column absent from the header reads as all missing.</param>
    /// <exception cref="DataFormatException">The file is missing, a directory, empty, not UTF-8, has a bad header, or a record longer than <see cref="InputLimits.MaxLineBytes"/>.</exception>
    public static Utf8CsvBlockReader Open(string path, string file, int blockSize, Action<long>? bytesRead = null, ReadPlan? plan = null, MissingCells missing = MissingCells.Reject)
    {
        return FromStream(InputFiles.OpenRead(path, file), file, blockSize, bytesRead, plan, missing);
    }

    /// <summary>Reads the header of CSV bytes in <paramref name="stream"/>, which the reader then owns.</summary>
    public static Utf8CsvBlockReader FromStream(Stream stream, string file, int blockSize, Action<long>? bytesRead = null, ReadPlan? plan = null, MissingCells missing = MissingCells.Reject)
    {
        try
        {
            return new Utf8CsvBlockReader(stream, file, blockSize, bytesRead, plan ?? ReadPlan.Demo, missing);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The body's blocks in file order; each must be returned by the taker.</summary>
    public IEnumerable<CsvBlock> Blocks()
    {
        while (NextBlock() is { } block)
        {
            yield return block;
        }
    }

    /// <summary>Checks that <paramref name="data"/> is valid UTF-8; the error names the line of the first bad byte.</summary>
    /// <exception cref="DataFormatException">Invalid UTF-8.</exception>
    public static void CheckUtf8(ReadOnlySpan<byte> data, long firstLine, string file)
    {
        if (System.Text.Unicode.Utf8.IsValid(data))
        {
            return;
        }

        var chars = new char[4096];
        var position = 0;
        while (position < data.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(data[position..], chars, out var read, out _, replaceInvalidSequences: false);
            position += read;
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                break;
            }
        }

        var at = firstLine + data[..Math.Min(position, data.Length)].Count((byte)'\n');
        var bad = position < data.Length ? $" (byte 0x{data[position]:X2})" : "";
        throw new DataFormatException(file, at, null, $"not valid UTF-8 text{bad}");
    }

    // Cuts the next block after its last complete record and carries the rest over to a new buffer; null at the end.
    private CsvBlock? NextBlock()
    {
        while (buffer is not null)
        {
            var data = buffer.AsSpan(offset, length - offset);
            var cut = Utf8CsvTokenizer.FindLastRecordEnd(data);
            if (cut < 0 && !eof)
            {
                if (offset > 0)
                {
                    // Move the partial record to the front and fill up.
                    data.CopyTo(buffer);
                    length -= offset;
                    offset = 0;
                    Fill();
                }
                else
                {
                    // One record fills the buffer: grow it, but only up to the limit (a line without an end would
                    // otherwise take all the memory).
                    CheckRecordLength(data, line);
                    Grow();
                }

                continue;
            }

            if (cut < 0)
            {
                cut = data.Length;
            }

            if (cut == 0)
            {
                // Nothing left (cut is 0 only for empty data, since a partial record makes it −1).
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = null;
                return null;
            }

            var rest = data[cut..];
            var next = ArrayPool<byte>.Shared.Rent(Math.Max(blockSize, rest.Length + 1));
            rest.CopyTo(next);
            var block = new CsvBlock(buffer, offset, cut, line);
            line += data[..cut].Count((byte)'\n');
            buffer = next;
            offset = 0;
            length = rest.Length;
            if (!eof)
            {
                Fill();
            }

            return block;
        }

        return null;
    }

    // The header read so far (from the start of the file): not CR-only, not longer than a record may be.
    private void CheckHeader(ReadOnlySpan<byte> data)
    {
        if (Utf8CsvTokenizer.UsesCrOnlyLineEnds(data))
        {
            throw new DataFormatException(file, 1, null, "the file uses CR-only line ends (classic Mac OS): save it with LF or CRLF line ends");
        }

        CheckRecordLength(data, 1);
    }

    // The unfinished record at the start of data (after any blank lines) is already longer than the limit.
    private void CheckRecordLength(ReadOnlySpan<byte> data, long firstLine)
    {
        var blank = data.IndexOfAnyExcept((byte)'\r', (byte)'\n');
        if (blank < 0 || data.Length - blank <= InputLimits.MaxLineBytes)
        {
            return;
        }

        var at = firstLine + data[..blank].Count((byte)'\n');
        throw Utf8CsvTokenizer.TooLong(file, at);
    }

    // Reads until the buffer is full or the stream ends.
    private void Fill()
    {
        try
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(length), buffer!.Length - length, throwOnEndOfStream: false);
            bytesRead?.Invoke(read);
            eof = length + read < buffer.Length;
            length += read;
        }
        catch (IOException e)
        {
            throw new DataFormatException(file, null, null, $"read error: {e.Message}");
        }
    }

    // Doubles the buffer (one record longer than a block) and fills it.
    private void Grow()
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer!.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
        Fill();
    }

    private static bool IsUtf16(Stream stream, out Encoding encoding)
    {
        encoding = Encoding.UTF8;
        if (!stream.CanSeek)
        {
            return false;
        }

        Span<byte> mark = stackalloc byte[2];
        var read = stream.ReadAtLeast(mark, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 2 && mark[0] == 0xFE && mark[1] == 0xFF)
        {
            encoding = Encoding.BigEndianUnicode;
        }
        else if (read == 2 && mark[0] == 0xFF && mark[1] == 0xFE)
        {
            encoding = Encoding.Unicode;
        }

        return read == 2 && encoding != Encoding.UTF8;
    }

    public void Dispose()
    {
        stream.Dispose();
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }
    }
}

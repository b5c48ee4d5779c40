using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using ReturnMonitor.Data;

namespace ReturnMonitor.Summaries;

/// <summary>
/// Summarises an order CSV file straight from its UTF-8 bytes into exact value counters, without building rows,
/// strings or tables. The calling thread reads the file in blocks cut at record boundaries (quote-aware) and counts their
/// lines; worker threads parse the blocks into one <see cref="DatasetSummaryBuilder"/> each; the builders are merged at the end.
/// Accepts and rejects exactly what <see cref="OrderCsv"/> does, with the same messages (file, line, column, value):
/// common cells (plain decimals, unquoted categories) take a fast path, anything else the same code as <see cref="OrderCsv"/>.
/// When several blocks are bad, the error of the earliest one is reported.
/// </summary>
internal sealed class Utf8CsvSummarizer
{
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly string name;
    private readonly int fieldCount;
    private readonly int[] numericIndex;
    private readonly int[] categoricalIndex;
    private readonly int targetIndex;
    private readonly double[] minimum;
    private readonly double[] maximum;

    private Utf8CsvSummarizer(string name, string[] header)
    {
        this.name = name;
        fieldCount = header.Length;
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            positions.TryAdd(header[i], i);
        }

        numericIndex = OrderSchema.NumericFeatures.Select(f => positions[f.Name]).ToArray();
        categoricalIndex = OrderSchema.CategoricalFeatures.Select(f => positions[f.Name]).ToArray();
        targetIndex = positions.GetValueOrDefault(OrderSchema.Target, -1);
        minimum = OrderSchema.NumericFeatures.Select(f => f.Minimum ?? double.NegativeInfinity).ToArray();
        maximum = OrderSchema.NumericFeatures.Select(f => f.Maximum ?? double.PositiveInfinity).ToArray();
    }

    /// <summary>Summarises a CSV file.</summary>
    /// <exception cref="DataFormatException">The file is missing, empty, or has a bad header or cell.</exception>
    public static DatasetSummary Summarize(string path, string name, SummarizeOptions options)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(name, null, null, e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot open: {e.Message}");
        }

        using (stream)
        {
            options.Progress?.Start(name, stream.Length);
            return Summarize(stream, name, options);
        }
    }

    private static DatasetSummary Summarize(FileStream stream, string name, SummarizeOptions options)
    {
        var blockSize = Math.Max(options.BlockSize, 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(blockSize);
        var length = ReadFully(stream, buffer, 0, buffer.Length, name);
        var eof = length < buffer.Length;

        // UTF-16/32 byte-order marks: leave such files to the general reader, which decodes them.
        if (length >= 2 && ((buffer[0] == 0xFE && buffer[1] == 0xFF) || (buffer[0] == 0xFF && buffer[1] == 0xFE)))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return SummarizeWithTableReader(stream.Name, name, options);
        }

        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;

        // The header: the first record that is not blank, plus the blank lines before it.
        int headerEnd;
        while (true)
        {
            headerEnd = FindHeaderEnd(buffer.AsSpan(start, length - start));
            if (headerEnd >= 0 || eof)
            {
                headerEnd = headerEnd >= 0 ? start + headerEnd : length;
                break;
            }

            (buffer, length, eof) = Grow(stream, buffer, length, name);
        }

        var headerBytes = buffer.AsSpan(start, headerEnd - start);
        string headerText;
        try
        {
            headerText = StrictUtf8.GetString(headerBytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataFormatException(name, null, null, $"not valid UTF-8 text ({e.Message})");
        }

        // The general reader validates the header and reports exactly as before (empty file, missing or duplicate columns).
        using (var text = new StringReader(headerText))
        {
            _ = OrderCsv.ReadChunks(text, 1, name).First();
        }

        var summarizer = new Utf8CsvSummarizer(name, ReadHeader(headerText, name));
        var firstLine = 1 + headerBytes.Count((byte)'\n');
        options.Progress?.AddBytes(headerEnd);
        return summarizer.SummarizeBody(stream, buffer, headerEnd, length, eof, firstLine, options);
    }

    private static DatasetSummary SummarizeWithTableReader(string path, string name, SummarizeOptions options)
    {
        var builder = new DatasetSummaryBuilder(name);
        foreach (var chunk in OrderCsv.ReadChunks(path, 1 << 16, name))
        {
            builder.Add(chunk);
            options.Progress?.AddRows(chunk.Count);
        }

        return builder.Build();
    }

    private static string[] ReadHeader(string headerText, string name)
    {
        var records = new CsvRecordReader(new StringReader(headerText), name);
        records.Read();
        var header = new string[records.FieldCount];
        for (var i = 0; i < header.Length; i++)
        {
            var cell = records.Field(i);
            if (i == 0 && cell.StartsWith("\uFEFF"))
            {
                cell = cell[1..];
            }

            header[i] = cell.Trim().ToString();
        }

        return header;
    }

    private DatasetSummary SummarizeBody(FileStream stream, byte[] buffer, int offset, int length, bool eof, long firstLine, SummarizeOptions options)
    {
        var workers = Math.Max(1, options.Workers);
        var queue = new BlockingCollection<Block>(boundedCapacity: workers * 2);
        var builders = new DatasetSummaryBuilder[workers];
        var errors = new ErrorSlot();
        var threads = new Thread[workers];
        for (var w = 0; w < workers; w++)
        {
            var builder = builders[w] = new DatasetSummaryBuilder(name, targetIndex >= 0);
            threads[w] = new Thread(() => Work(queue, builder, errors, options.Progress)) { IsBackground = true, Name = "csv-summary-" + w };
            threads[w].Start();
        }

        try
        {
            Produce(stream, buffer, offset, length, eof, firstLine, queue, errors, options);
        }
        catch (Exception e)
        {
            errors.Report(long.MinValue, e);
        }
        finally
        {
            queue.CompleteAdding();
            foreach (var thread in threads)
            {
                thread.Join();
            }
        }

        errors.ThrowIfAny();
        var total = builders[0];
        for (var w = 1; w < workers; w++)
        {
            total.Merge(builders[w]);
        }

        return total.Build();
    }

    // Reads blocks, cuts each after its last complete record, hands the complete part to the workers and carries the rest over.
    private void Produce(FileStream stream, byte[] buffer, int offset, int length, bool eof, long line, BlockingCollection<Block> queue, ErrorSlot errors, SummarizeOptions options)
    {
        long index = 0;
        var blockSize = buffer.Length;
        while (true)
        {
            var data = buffer.AsSpan(offset, length - offset);
            var cut = FindLastRecordEnd(data);
            if (cut < 0 && !eof)
            {
                if (offset > 0)
                {
                    // Move the partial record to the front and fill up.
                    data.CopyTo(buffer);
                    length -= offset;
                    offset = 0;
                    var read = ReadFully(stream, buffer, length, buffer.Length - length, name);
                    options.Progress?.AddBytes(read);
                    eof = length + read < buffer.Length;
                    length += read;
                }
                else
                {
                    (buffer, length, eof) = Grow(stream, buffer, length, name, options.Progress);
                }

                continue;
            }

            if (cut < 0)
            {
                cut = data.Length;
            }

            if (cut > 0)
            {
                if (errors.HasErrorBefore(index))
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return;
                }

                var next = ArrayPool<byte>.Shared.Rent(Math.Max(blockSize, data.Length - cut + 1));
                var rest = data[cut..];
                rest.CopyTo(next);
                var lines = data[..cut].Count((byte)'\n');
                queue.Add(new Block(buffer, offset, cut, line, index++));
                line += lines;
                buffer = next;
                offset = 0;
                length = rest.Length;
            }

            if (eof && length == offset)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return;
            }

            if (!eof)
            {
                var read = ReadFully(stream, buffer, length, buffer.Length - length, name);
                options.Progress?.AddBytes(read);
                eof = length + read < buffer.Length;
                length += read;
            }
        }
    }

    private void Work(BlockingCollection<Block> queue, DatasetSummaryBuilder builder, ErrorSlot errors, ReadProgress? progress)
    {
        var scratch = new RecordScratch(fieldCount);
        foreach (var block in queue.GetConsumingEnumerable())
        {
            try
            {
                if (!errors.HasErrorBefore(block.Index))
                {
                    var rows = ParseBlock(block.Bytes.AsSpan(block.Offset, block.Length), block.FirstLine, builder, scratch);
                    progress?.AddRows(rows);
                }
            }
            catch (Exception e)
            {
                errors.Report(block.Index, e);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(block.Bytes);
            }
        }
    }

    /// <summary>Parses the complete records of <paramref name="data"/> into <paramref name="builder"/>; returns the rows added.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal long ParseBlock(ReadOnlySpan<byte> data, long line, DatasetSummaryBuilder builder, RecordScratch scratch)
    {
        if (!System.Text.Unicode.Utf8.IsValid(data))
        {
            ThrowInvalidUtf8(data, line);
        }

        long rows = 0, returned = 0;
        var starts = scratch.Starts;
        var ends = scratch.Ends;
        var position = 0;
        while (position < data.Length)
        {
            var rest = data[position..];
            var newline = rest.IndexOf((byte)'\n');
            var record = newline < 0 ? rest : rest[..newline];
            if (record.IndexOf((byte)'"') >= 0)
            {
                var recordLine = line;
                var consumed = ParseQuotedRecord(rest, ref line, scratch, out var blank);
                position += consumed;
                if (!blank)
                {
                    returned += AddRecord(scratch.Field, scratch.Starts, scratch.Ends, scratch.Count, recordLine, builder);
                    rows++;
                }

                continue;
            }

            position += newline < 0 ? rest.Length : newline + 1;
            if (newline >= 0 && record.Length > 0 && record[^1] == (byte)'\r')
            {
                record = record[..^1];
            }

            var isBlank = newline >= 0 ? record.IsEmpty : record.IndexOfAnyExcept((byte)'\r') < 0;
            if (!isBlank)
            {
                // Split at commas: field k is record[starts[k]..ends[k]].
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

                returned += AddRecord(record, starts, ends, count, line, builder);
                rows++;
            }

            if (newline >= 0)
            {
                line++;
            }
        }

        builder.AddRows(rows, returned);
        return rows;
    }

    // Checks and counts one record; returns 1 when it is a returned order.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AddRecord(ReadOnlySpan<byte> record, int[] starts, int[] ends, int count, long line, DatasetSummaryBuilder builder)
    {
        if (count != fieldCount)
        {
            throw new DataFormatException(name, line, null, $"expected {fieldCount} fields as in the header, found {count}");
        }

        for (var i = 0; i < numericIndex.Length; i++)
        {
            var k = numericIndex[i];
            var cell = record[starts[k]..ends[k]];
            if (TryParseDecimal(cell, out var mantissa, out var scale))
            {
                var value = scale == 0 ? mantissa : mantissa / PowersOfTen[scale];
                if (value >= minimum[i] && value <= maximum[i])
                {
                    builder.AddScaled(i, mantissa, scale, value);
                    continue;
                }
            }

            builder.AddNumeric(i, ParseNumberSlow(cell, OrderSchema.NumericFeatures[i], line));
        }

        for (var i = 0; i < categoricalIndex.Length; i++)
        {
            var k = categoricalIndex[i];
            var cell = TrimAscii(record[starts[k]..ends[k]]);
            if (!cell.IsEmpty && cell[0] < 0x80 && cell[^1] < 0x80)
            {
                builder.AddCategoryUtf8(i, cell);
                continue;
            }

            // Empty, or starting/ending with a non-ASCII character that may be Unicode white space: trim as OrderCsv does.
            var text = Encoding.UTF8.GetString(cell).AsSpan().Trim();
            if (text.IsEmpty)
            {
                throw new DataFormatException(name, line, OrderSchema.CategoricalFeatures[i].Name, "empty value: every order needs a category (use NA for \"no size\")");
            }

            builder.AddCategory(i, text.ToString());
        }

        if (targetIndex >= 0)
        {
            var cell = record[starts[targetIndex]..ends[targetIndex]];
            if (cell.Length == 1 && cell[0] is (byte)'0' or (byte)'1')
            {
                return cell[0] - '0';
            }

            var text = Encoding.UTF8.GetString(cell).AsSpan().Trim();
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var label) || (label != 0 && label != 1))
            {
                throw new DataFormatException(name, line, OrderSchema.Target, $"'{OrderCsv.Show(text)}' is not 0 or 1");
            }

            return label == 1 ? 1 : 0;
        }

        return 0;
    }

    // The general path, identical to OrderCsv's: trim Unicode white space, parse invariant, validate.
    private double ParseNumberSlow(ReadOnlySpan<byte> cell, FeatureDefinition feature, long line)
    {
        var trimmed = Encoding.UTF8.GetString(cell).AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            throw new DataFormatException(name, line, feature.Name, "empty value: a number is required");
        }

        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new DataFormatException(name, line, feature.Name, $"'{OrderCsv.Show(trimmed)}' is not a number");
        }

        if (feature.Validate(value) is { } problem)
        {
            throw new DataFormatException(name, line, feature.Name, $"'{OrderCsv.Show(trimmed)}' {problem}");
        }

        return value;
    }

    /// <summary>
    /// digits[.digits] with at most 15 significant digits in all: the value is mantissa/10^scale, computed exactly
    /// (both are exact doubles and the division is correctly rounded — the same double the decimal parser returns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryParseDecimal(ReadOnlySpan<byte> cell, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        var i = 0;
        while (i < cell.Length && (uint)(cell[i] - '0') <= 9)
        {
            mantissa = mantissa * 10 + (cell[i] - '0');
            i++;
        }

        var integerDigits = i;
        if (integerDigits == 0 || integerDigits > 15)
        {
            return false;
        }

        if (i == cell.Length)
        {
            return true;
        }

        if (cell[i] != (byte)'.')
        {
            return false;
        }

        i++;
        var fractionStart = i;
        while (i < cell.Length && (uint)(cell[i] - '0') <= 9)
        {
            mantissa = mantissa * 10 + (cell[i] - '0');
            i++;
        }

        scale = i - fractionStart;
        return i == cell.Length && scale > 0 && integerDigits + scale <= 15;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> cell)
    {
        var start = 0;
        while (start < cell.Length && IsAsciiWhiteSpace(cell[start]))
        {
            start++;
        }

        var end = cell.Length;
        while (end > start && IsAsciiWhiteSpace(cell[end - 1]))
        {
            end--;
        }

        return cell[start..end];
    }

    private static bool IsAsciiWhiteSpace(byte b) => b == (byte)' ' || (b >= 0x09 && b <= 0x0D);

    /// <summary>
    /// One record that contains a quote, parsed exactly as <see cref="CsvRecordReader"/> does into the scratch buffer.
    /// Returns the bytes consumed; <paramref name="line"/> advances by the line breaks consumed.
    /// </summary>
    private int ParseQuotedRecord(ReadOnlySpan<byte> data, ref long line, RecordScratch scratch, out bool blank)
    {
        scratch.Reset();
        blank = true;
        var p = 0;
        while (true)
        {
            if (p >= data.Length)
            {
                scratch.EndField();
                return p;
            }

            var c = data[p];
            if (c == (byte)'"' && scratch.FieldIsEmptySoFar)
            {
                p++;
                p = ReadQuoted(data, p, ref line, scratch);
                blank = false;
                continue;
            }

            p++;
            switch (c)
            {
                case (byte)',':
                    scratch.EndField();
                    blank = false;
                    break;
                case (byte)'\n':
                    line++;
                    scratch.EndField();
                    scratch.TrimCarriageReturn();
                    blank = blank && scratch.Length == 0;
                    return p;
                default:
                    scratch.Append(c);
                    if (c != (byte)'\r')
                    {
                        blank = false;
                    }

                    break;
            }
        }
    }

    private int ReadQuoted(ReadOnlySpan<byte> data, int p, ref long line, RecordScratch scratch)
    {
        var startLine = line;
        while (true)
        {
            if (p >= data.Length)
            {
                throw new DataFormatException(name, startLine, null, "a quoted field is not closed before the end of the file");
            }

            var c = data[p++];
            if (c == (byte)'"')
            {
                if (p < data.Length && data[p] == (byte)'"')
                {
                    p++;
                    scratch.Append((byte)'"');
                    continue;
                }

                if (p < data.Length && data[p] is not ((byte)',' or (byte)'\n' or (byte)'\r'))
                {
                    System.Text.Rune.DecodeFromUtf8(data[p..], out var rune, out _);
                    throw new DataFormatException(name, line, null, $"unexpected character '{(rune.IsBmp ? rune.ToString() : ((char)rune.Utf16SequenceLength).ToString())}' after a closing quote");
                }

                return p;
            }

            if (c == (byte)'\n')
            {
                line++;
            }

            scratch.Append(c);
        }
    }

    /// <summary>
    /// Offset just after the last complete record of <paramref name="data"/> (which starts at a record boundary), or −1.
    /// Without quotes that is after the last line break; with quotes, line breaks inside quoted fields do not count.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int FindLastRecordEnd(ReadOnlySpan<byte> data)
    {
        if (data.IndexOf((byte)'"') < 0)
        {
            var newline = data.LastIndexOf((byte)'\n');
            return newline < 0 ? -1 : newline + 1;
        }

        return ScanRecords(data, stopAtFirstNonBlank: false);
    }

    /// <summary>Offset just after the first record that is not blank (the header), or −1 when not complete in <paramref name="data"/>.</summary>
    internal static int FindHeaderEnd(ReadOnlySpan<byte> data) => ScanRecords(data, stopAtFirstNonBlank: true);

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
                    // Blank: nothing but at most one CR, which CsvRecordReader drops before the LF.
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

    private void ThrowInvalidUtf8(ReadOnlySpan<byte> data, long line)
    {
        var chars = new char[4096];
        var position = 0;
        while (position < data.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(data[position..], chars, out var read, out _, replaceInvalidSequences: false);
            position += read;
            if (status == OperationStatus.InvalidData || status == OperationStatus.NeedMoreData)
            {
                break;
            }
        }

        var at = line + data[..Math.Min(position, data.Length)].Count((byte)'\n');
        var bad = position < data.Length ? $" (byte 0x{data[position]:X2})" : "";
        throw new DataFormatException(name, at, null, $"not valid UTF-8 text{bad}");
    }

    private static int ReadFully(Stream stream, byte[] buffer, int offset, int count, string name)
    {
        try
        {
            return stream.ReadAtLeast(buffer.AsSpan(offset, count), count, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            throw new DataFormatException(name, null, null, $"read error: {e.Message}");
        }
    }

    private static (byte[] Buffer, int Length, bool Eof) Grow(Stream stream, byte[] buffer, int length, string name, ReadProgress? progress = null)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        var read = ReadFully(stream, larger, length, larger.Length - length, name);
        progress?.AddBytes(read);
        return (larger, length + read, length + read < larger.Length);
    }

    private readonly record struct Block(byte[] Bytes, int Offset, int Length, long FirstLine, long Index);

    /// <summary>The first error by block order; blocks after it need not be parsed.</summary>
    private sealed class ErrorSlot
    {
        private readonly Lock gate = new();
        private long index = long.MaxValue;
        private Exception? error;

        public bool HasErrorBefore(long blockIndex) => Volatile.Read(ref index) < blockIndex;

        public void Report(long blockIndex, Exception e)
        {
            lock (gate)
            {
                if (blockIndex < index)
                {
                    index = blockIndex;
                    error = e;
                }
            }
        }

        public void ThrowIfAny()
        {
            if (error is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
            }
        }
    }

    /// <summary>Per-thread buffers for splitting records.</summary>
    internal sealed class RecordScratch(int fields)
    {
        private byte[] bytes = new byte[256];
        private readonly List<int> fieldEnds = new();

        public int[] Starts { get; } = new int[fields + 1];

        public int[] Ends { get; } = new int[fields + 1];

        public int Length { get; private set; }

        public int Count => fieldEnds.Count;

        public ReadOnlySpan<byte> Field => bytes.AsSpan(0, Length);

        public bool FieldIsEmptySoFar => Length == (fieldEnds.Count == 0 ? 0 : fieldEnds[^1]);

        public void Reset()
        {
            Length = 0;
            fieldEnds.Clear();
        }

        public void Append(byte b)
        {
            if (Length == bytes.Length)
            {
                Array.Resize(ref bytes, bytes.Length * 2);
            }

            bytes[Length++] = b;
        }

        public void EndField()
        {
            var start = fieldEnds.Count == 0 ? 0 : fieldEnds[^1];
            if (fieldEnds.Count < Starts.Length)
            {
                Starts[fieldEnds.Count] = start;
                Ends[fieldEnds.Count] = Length;
            }

            fieldEnds.Add(Length);
        }

        public void TrimCarriageReturn()
        {
            var k = fieldEnds.Count - 1;
            var start = k == 0 ? 0 : fieldEnds[k - 1];
            if (fieldEnds[k] > start && bytes[fieldEnds[k] - 1] == (byte)'\r')
            {
                fieldEnds[k]--;
                Length--;
                if (k < Ends.Length)
                {
                    Ends[k]--;
                }
            }
        }
    }
}

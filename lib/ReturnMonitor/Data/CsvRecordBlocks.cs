namespace ReturnMonitor.Data;

/// <summary>
/// Streams a CSV file as blocks of whole records, for the readers that need only a few columns as text (order ids,
/// late labels, scores): memory is one block (grown only for a record longer than it, up to
/// <see cref="InputLimits.MaxLineBytes"/>), every block is checked as UTF-8, and line numbers are those the table
/// reader reports.
/// </summary>
internal static class CsvRecordBlocks
{
    private const int BlockSize = 1 << 20;

    /// <summary>Hands the records of <paramref name="path"/> to <paramref name="handler"/> block by block; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="DataFormatException">The file cannot be read, is not UTF-8, or holds a record longer than the limit.</exception>
    public static void Read(string path, string file, CsvBlockHandler handler)
    {
        using var stream = InputFiles.OpenRead(path, file, 1 << 16);
        var buffer = new byte[BlockSize];
        var length = 0;
        var eof = false;
        long line = 1;
        while (true)
        {
            while (!eof && length < buffer.Length)
            {
                var read = stream.Read(buffer, length, buffer.Length - length);
                eof = read == 0;
                length += read;
            }

            var data = buffer.AsSpan(0, length);
            var cut = eof ? length : Utf8CsvTokenizer.FindLastRecordEnd(data);
            if (cut < 0)
            {
                // One record fills the buffer: grow it, within the limit on a record's length.
                if (buffer.Length > InputLimits.MaxLineBytes)
                {
                    throw Utf8CsvTokenizer.TooLong(file, line);
                }

                Array.Resize(ref buffer, buffer.Length * 2);
                continue;
            }

            var chunk = data[..cut];
            Utf8CsvBlockReader.CheckUtf8(chunk, line, file);
            handler(chunk, ref line);
            data[cut..].CopyTo(buffer);
            length -= cut;
            if (eof && length == 0)
            {
                return;
            }
        }
    }
}

namespace ReturnMonitor.Data;

/// <summary>
/// Streams the records of an RFC 4180 CSV text: comma-separated, fields optionally quoted with '"', a quote inside
/// a quoted field written as two quotes, records ended by LF or CRLF (a quoted field may span lines).
/// Keeps the line number where each record starts, so errors can name it. Reuses one buffer: memory does not grow with the file.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader reader;
    private readonly string file;
    private readonly char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private char[] field = new char[256];
    private int fieldLength;
    private readonly List<int> fieldEnds = new();
    private long nextLine = 1;

    public CsvRecordReader(TextReader reader, string file)
    {
        this.reader = reader;
        this.file = file;
    }

    /// <summary>1-based line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount => fieldEnds.Count;

    /// <summary>Field <paramref name="index"/> of the current record, unquoted.</summary>
    public ReadOnlySpan<char> Field(int index)
    {
        var start = index == 0 ? 0 : fieldEnds[index - 1];
        return field.AsSpan(start, fieldEnds[index] - start);
    }

    /// <summary>Reads the next record; false at the end of the text. Blank lines are skipped.</summary>
    /// <exception cref="DataFormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public bool Read()
    {
        while (true)
        {
            fieldEnds.Clear();
            fieldLength = 0;
            Line = nextLine;
            if (!Fill())
            {
                return false;
            }

            if (ReadRecord())
            {
                return true;
            }
        }
    }

    // Returns false for a blank line.
    private bool ReadRecord()
    {
        var blank = true;
        while (true)
        {
            if (!Fill())
            {
                // End of text without a final newline.
                fieldEnds.Add(fieldLength);
                return !blank;
            }

            var c = buffer[position];
            if (c == '"' && FieldIsEmptySoFar())
            {
                position++;
                ReadQuoted();
                blank = false;
                continue;
            }

            position++;
            switch (c)
            {
                case ',':
                    fieldEnds.Add(fieldLength);
                    blank = false;
                    break;
                case '\n':
                    nextLine++;
                    fieldEnds.Add(fieldLength);
                    TrimCarriageReturn();
                    return !(blank && fieldLength == 0);
                default:
                    Append(c);
                    if (c != '\r')
                    {
                        blank = false;
                    }

                    break;
            }
        }
    }

    private bool FieldIsEmptySoFar() => fieldLength == (fieldEnds.Count == 0 ? 0 : fieldEnds[^1]);

    private void TrimCarriageReturn()
    {
        var start = fieldEnds.Count == 1 ? 0 : fieldEnds[^2];
        if (fieldEnds[^1] > start && field[fieldEnds[^1] - 1] == '\r')
        {
            fieldEnds[^1]--;
            fieldLength--;
        }
    }

    private void ReadQuoted()
    {
        var startLine = nextLine;
        while (true)
        {
            if (!Fill())
            {
                throw new DataFormatException(file, startLine, null, "a quoted field is not closed before the end of the file");
            }

            var c = buffer[position++];
            if (c == '"')
            {
                if (Fill() && buffer[position] == '"')
                {
                    position++;
                    Append('"');
                    continue;
                }

                // Closing quote: what follows must end the field.
                if (Fill() && buffer[position] is not (',' or '\n' or '\r'))
                {
                    throw new DataFormatException(file, nextLine, null, $"unexpected character '{buffer[position]}' after a closing quote");
                }

                return;
            }

            if (c == '\n')
            {
                nextLine++;
            }

            Append(c);
        }
    }

    private void Append(char c)
    {
        if (fieldLength == field.Length)
        {
            Array.Resize(ref field, field.Length * 2);
        }

        field[fieldLength++] = c;
    }

    private bool Fill()
    {
        if (position < length)
        {
            return true;
        }

        length = reader.Read(buffer, 0, buffer.Length);
        position = 0;
        return length > 0;
    }
}

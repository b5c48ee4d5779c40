namespace ReturnMonitor.Data;

/// <summary>
/// The one place where a path given for a file is checked and opened, so that every reader and every command says the
/// same thing: "file not found", "is a directory, expected a file", or "cannot open: reason" — never the operating
/// system's "access denied" for a directory. Files read whole are read with a size limit
/// (<see cref="InputLimits.MaxWholeFileBytes"/>), so that <c>/dev/zero</c> or a huge file cannot take the memory.
/// </summary>
public static class InputFiles
{
    /// <summary>Checks that <paramref name="path"/> names an existing file (not a directory).</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="name">Name used in the message; defaults to <paramref name="path"/>.</param>
    /// <param name="what">What the file is, for the "not found" message ("file", "cost file", …).</param>
    /// <param name="hint">How to get the file, added to the "not found" message in parentheses; null for none.</param>
    /// <exception cref="DataFormatException">The path does not exist or is a directory.</exception>
    public static void RequireFile(string path, string? name = null, string what = "file", string? hint = null)
    {
        if (Directory.Exists(path))
        {
            throw new DataFormatException(name ?? path, null, null, "is a directory, expected a file");
        }

        if (!File.Exists(path))
        {
            throw new DataFormatException(name ?? path, null, null, hint is null ? $"{what} not found" : $"{what} not found ({hint})");
        }
    }

    /// <summary>Checks that <paramref name="path"/> can be written as a file: it is not an existing directory.</summary>
    /// <exception cref="DataFormatException">The path is a directory.</exception>
    public static void RequireOutputFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is a directory, expected a file to write");
        }
    }

    /// <summary>Checks that <paramref name="path"/> can be used as an output directory: it is not an existing file.</summary>
    /// <exception cref="DataFormatException">The path is a file.</exception>
    public static void RequireOutputDirectory(string path)
    {
        if (File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is a file, expected a directory");
        }
    }

    /// <summary>Opens an existing file for sequential reading (see <see cref="RequireFile"/> for the checks).</summary>
    /// <exception cref="DataFormatException">Missing, a directory, or cannot be opened (the reason given).</exception>
    public static FileStream OpenRead(string path, string? name = null, int bufferSize = 1, FileOptions options = FileOptions.SequentialScan)
    {
        RequireFile(path, name);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DataFormatException(name ?? path, null, null, $"cannot open: {e.Message}");
        }
    }

    /// <summary>Reads a whole file of at most <paramref name="maxBytes"/> bytes (a stream without a length, such as a pipe or <c>/dev/zero</c>, included).</summary>
    /// <exception cref="DataFormatException">Missing, a directory, unreadable, or larger than the limit.</exception>
    public static byte[] ReadAllBytes(string path, string? name = null, string what = "file", int maxBytes = InputLimits.MaxWholeFileBytes)
    {
        RequireFile(path, name, what);
        using var stream = OpenRead(path, name, 1 << 16);
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        try
        {
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw new DataFormatException(name ?? path, null, null, $"larger than the limit of {InputLimits.Describe(maxBytes)} for a file read whole");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException e)
        {
            throw new DataFormatException(name ?? path, null, null, $"read error: {e.Message}");
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a whole UTF-8 text file (a byte-order mark is skipped) with the limit of <see cref="ReadAllBytes"/>.</summary>
    /// <exception cref="DataFormatException">As <see cref="ReadAllBytes"/>.</exception>
    public static string ReadAllText(string path, string? name = null, string what = "file", int maxBytes = InputLimits.MaxWholeFileBytes)
    {
        var bytes = ReadAllBytes(path, name, what, maxBytes);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        return System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}

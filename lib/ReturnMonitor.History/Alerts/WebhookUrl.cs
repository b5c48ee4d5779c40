using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>
/// Where the webhook URL comes from. A webhook URL is a credential, and one given on the command line sits in the shell's
/// history and in every process listing; an environment variable or a file (mode 0600) keeps it out of both. Whatever the
/// source, errors show the URL redacted (<see cref="UrlRedaction"/>), never as given.
/// </summary>
public static class WebhookUrl
{
    /// <summary>Largest URL file read, bytes: a URL is short, and a wrong path (a log, a device) must not be read whole.</summary>
    public const int MaxFileBytes = 8192;

    /// <summary>An absolute http or https URL from <paramref name="text"/> (surrounding white space ignored).</summary>
    /// <param name="text">The URL.</param>
    /// <param name="origin">Where it came from, for the error: <c>--notify</c>, <c>environment variable HOOK</c>, a file name.</param>
    /// <exception cref="ArgumentException">Not an absolute http(s) URL; the message shows it redacted.</exception>
    public static Uri Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new ArgumentException($"{origin}: {UrlRedaction.Redact(text)} is not an http(s) URL");
    }

    /// <summary>The URL held by environment variable <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The variable is unset or empty, or not an http(s) URL.</exception>
    public static Uri FromEnvironment(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException($"environment variable {name} is not set or empty (it should hold the webhook URL)")
            : Parse(value, $"environment variable {name}");
    }

    /// <summary>The URL on the first non-blank line of file <paramref name="path"/> (at most <see cref="MaxFileBytes"/> bytes).</summary>
    /// <exception cref="DataFormatException">The file is missing, too large, or holds no URL.</exception>
    /// <exception cref="ArgumentException">Its first line is not an http(s) URL.</exception>
    public static Uri FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is a directory, not a file holding the webhook URL");
        }

        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found (it should hold the webhook URL)");
        }

        using var stream = File.OpenRead(path);
        var buffer = new byte[MaxFileBytes + 1];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (length > MaxFileBytes)
        {
            throw new DataFormatException(path, null, null, $"is larger than {MaxFileBytes} bytes; it should hold only the webhook URL");
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer, 0, length).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return line is null
            ? throw new DataFormatException(path, null, null, "holds no webhook URL (the file is empty)")
            : Parse(line, path);
    }
}

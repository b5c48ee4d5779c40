using System.Text.RegularExpressions;
using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.DuckDb;

/// <summary>
/// Remote data (<c>http://</c>, <c>https://</c>, <c>s3://</c>, <c>gs://</c>, <c>az://</c>, <c>hf://</c>, … — any
/// <c>scheme://</c> but <c>file://</c>) is read only when the caller allows it. DuckDB would otherwise fetch it, and
/// first download and install its <c>httpfs</c> extension from the internet: code fetched at run time by a tool that runs
/// unattended. Extensions are never installed or loaded automatically (<see cref="ConnectionSettings"/>); with remote
/// paths allowed, <c>httpfs</c> is loaded explicitly and must have been installed beforehand.
/// </summary>
internal static partial class RemotePaths
{
    /// <summary>Settings of every connection: no automatic install or load of extensions, whatever the query names.</summary>
    public const string ConnectionSettings = "autoinstall_known_extensions=false;autoload_known_extensions=false";

    /// <summary>Whether <paramref name="data"/> names remote data (a URL scheme other than <c>file</c>).</summary>
    public static bool IsRemote(string data) => Scheme().Match(data) is { Success: true } m && !m.Groups[1].Value.Equals("file", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws the one-line refusal for a remote <paramref name="data"/> unless <paramref name="allowRemote"/>.</summary>
    /// <exception cref="DataFormatException">A remote path, not allowed; the path is shown redacted (it may hold a token).</exception>
    public static void Check(string data, bool allowRemote)
    {
        if (!allowRemote && IsRemote(data))
        {
            throw new DataFormatException(UrlRedaction.Redact(data), null, null,
                "remote path refused: only local files are read unless remote data is allowed (profile --allow-remote, with DuckDB's httpfs extension installed beforehand; nothing is downloaded)");
        }
    }

    // A scheme of two letters or more ('C://' stays a Windows drive).
    [GeneratedRegex("^([A-Za-z][A-Za-z0-9+.-]+)://")]
    private static partial Regex Scheme();
}

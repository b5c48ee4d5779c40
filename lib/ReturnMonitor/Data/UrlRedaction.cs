namespace ReturnMonitor.Data;

/// <summary>
/// The one place a URL is made safe to print, log, store or echo in an error. Webhook URLs are credentials: a Slack
/// incoming webhook's path (<c>/services/T…/B…/secret</c>) is the secret, and user names, passwords and query strings
/// (<c>?token=…</c>) often are. Only the scheme, the host and a non-default port survive; <c>/…</c> marks that something
/// was cut. <c>https://alice:pw@hooks.slack.com/services/T1/B2/x?y=1</c> → <c>https://hooks.slack.com/…</c>.
/// </summary>
public static class UrlRedaction
{
    /// <summary>Marks a removed path, query, fragment or user info.</summary>
    public const string Cut = "/…";

    /// <summary>Scheme, host and non-default port of <paramref name="url"/>, plus <see cref="Cut"/> when anything else was there.</summary>
    public static string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return "(relative URL)";
        }

        // SchemeAndServer is scheme, host and port (a default port omitted): never the user info.
        var kept = url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        var rest = url.UserInfo.Length > 0 || url.AbsolutePath is not ("/" or "") || url.Query.Length > 0 || url.Fragment.Length > 0;
        return rest ? kept + Cut : kept;
    }

    /// <summary>
    /// <see cref="Redact(Uri)"/> of text that may not even be a URL (what the user typed): an absolute URL is redacted,
    /// anything else shows only a scheme-like prefix, never the text.
    /// </summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme.Length > 1)
        {
            return Redact(url);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? text[..colon] : "";
        return scheme.Length > 0 && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.')
            ? $"{scheme.ToLowerInvariant()}:{Cut}"
            : "(not a URL)";
    }

    /// <summary>
    /// <paramref name="message"/> with every secret-bearing part of <paramref name="url"/> (the whole URL, user info, path,
    /// query) replaced by <see cref="Cut"/>: for error texts from lower layers, which may quote the request.
    /// </summary>
    public static string Scrub(string message, Uri url)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            return message;
        }

        var secrets = new[] { url.OriginalString, url.AbsoluteUri, url.UserInfo, Uri.UnescapeDataString(url.UserInfo), url.PathAndQuery, url.AbsolutePath, url.Query }
            .Where(s => s.Length > 1)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length); // the longest first, so a part never leaves a tail of the whole
        foreach (var secret in secrets)
        {
            message = message.Replace(secret, secret == url.OriginalString || secret == url.AbsoluteUri ? Redact(url) : Cut, StringComparison.Ordinal);
        }

        return message;
    }
}

using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Alerts;

/// <summary>
/// Slack's text escaping (api.slack.com, "Formatting text for app surfaces", escaping): <c>&amp;</c>, <c>&lt;</c> and
/// <c>&gt;</c> are control characters in Slack text — <c>&lt;!channel&gt;</c> notifies a whole channel,
/// <c>&lt;https://x|label&gt;</c> is a link — so text from data is sent as <c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>
/// and nothing else is encoded.
/// </summary>
public static class SlackText
{
    /// <summary>The text with <c>&amp; &lt; &gt;</c> escaped (ampersand first, so an escape is never escaped twice over).</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
    }
}

using ReturnMonitor.Data;
using ReturnMonitor.History.Alerts;

namespace ReturnMonitor.Tests.History.Alerts;

/// <summary>The one redaction helper, and the URL sources that keep a webhook secret off the command line.</summary>
public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T0123/B0456/XXXXsecretXXXX", "https://hooks.slack.com/…")]
    [InlineData("http://alice:s3cretPW@host.example/alerts", "http://host.example/…")]
    [InlineData("http://alice:s3cretPW@host.example", "http://host.example/…")]
    [InlineData("https://h.example:8443/?token=abc", "https://h.example:8443/…")]
    [InlineData("https://h.example/#frag", "https://h.example/…")]
    [InlineData("https://h.example/", "https://h.example")]
    [InlineData("https://h.example:443", "https://h.example")]
    [InlineData("http://127.0.0.1:9", "http://127.0.0.1:9")]
    [InlineData("http://[::1]:8080/p", "http://[::1]:8080/…")]
    [InlineData("s3://bucket/key.csv?X-Amz-Signature=sig", "s3://bucket/…")]
    [InlineData("ftp://alice:pw@files.example/x", "ftp://files.example/…")]
    [InlineData("no url here s3cretPW", "(not a URL)")]
    [InlineData("weird:stuff s3cretPW", "weird:/…")]
    public void Only_scheme_host_and_a_non_default_port_survive(string url, string expected)
    {
        Assert.Equal(expected, UrlRedaction.Redact(url));
        Assert.DoesNotContain("s3cretPW", UrlRedaction.Redact(url));
        // Redacting a redacted URL changes nothing (the history's stored targets are redacted again on reading).
        if (!expected.StartsWith('('))
        {
            Assert.Equal(expected, UrlRedaction.Redact(expected));
        }
    }

    [Fact]
    public void Scrub_removes_the_url_and_its_secret_parts_from_a_message()
    {
        var url = new Uri("https://alice:s3cretPW@hooks.example/services/T0/B0/XXXXsecret?token=qsecret");
        var message = $"failed: {url.OriginalString}; path /services/T0/B0/XXXXsecret?token=qsecret; user alice:s3cretPW";
        var scrubbed = UrlRedaction.Scrub(message, url);
        Assert.Equal("failed: https://hooks.example/…; path /…; user /…", scrubbed);
    }

    [Fact]
    public void The_webhook_URL_comes_from_an_environment_variable()
    {
        var name = "RM_TEST_HOOK_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "  https://hooks.slack.com/services/T0/B0/XXXXsecret\n");
        try
        {
            Assert.Equal(new Uri("https://hooks.slack.com/services/T0/B0/XXXXsecret"), WebhookUrl.FromEnvironment(name));
            Environment.SetEnvironmentVariable(name, "ftp://alice:s3cretPW@h.example/x");
            var wrong = Assert.Throws<ArgumentException>(() => WebhookUrl.FromEnvironment(name));
            Assert.StartsWith($"environment variable {name}: ftp://h.example/… is not an http(s) URL", wrong.Message);
            Assert.DoesNotContain("s3cretPW", wrong.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        var unset = Assert.Throws<ArgumentException>(() => WebhookUrl.FromEnvironment(name));
        Assert.StartsWith($"environment variable {name} is not set or empty", unset.Message);
    }

    [Fact]
    public void The_webhook_URL_comes_from_the_first_line_of_a_small_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rm-hook-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "hook.url");
        File.WriteAllText(path, "\n  https://alice:s3cretPW@hooks.example/x  \nsecond line ignored\n");
        Assert.Equal("https://alice:s3cretPW@hooks.example/x", WebhookUrl.FromFile(path).OriginalString);

        File.WriteAllText(path, "not a url s3cretPW\n");
        var wrong = Assert.Throws<ArgumentException>(() => WebhookUrl.FromFile(path));
        Assert.Equal($"{path}: (not a URL) is not an http(s) URL", wrong.Message);

        File.WriteAllText(path, "");
        Assert.Equal($"{path}: holds no webhook URL (the file is empty)", Assert.Throws<DataFormatException>(() => WebhookUrl.FromFile(path)).Message);

        File.WriteAllText(path, new string('x', WebhookUrl.MaxFileBytes + 1));
        Assert.Equal($"{path}: is larger than 8192 bytes; it should hold only the webhook URL", Assert.Throws<DataFormatException>(() => WebhookUrl.FromFile(path)).Message);

        var missing = Path.Combine(directory, "none.url");
        Assert.Equal($"{missing}: file not found (it should hold the webhook URL)", Assert.Throws<DataFormatException>(() => WebhookUrl.FromFile(missing)).Message);
        Assert.Equal($"{directory}: is a directory, not a file holding the webhook URL", Assert.Throws<DataFormatException>(() => WebhookUrl.FromFile(directory)).Message);
    }
}

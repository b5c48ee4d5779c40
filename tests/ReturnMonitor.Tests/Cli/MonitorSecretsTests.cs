using System.Text;
using System.Text.RegularExpressions;
using ReturnMonitor.Tests.History.Alerts;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// A webhook URL's secrets (user info, the Slack-style secret path, a query token) never reach stdout, stderr or the
/// history file, whether the URL is given with --notify, --notify-env or --notify-file, delivered or not.
/// </summary>
public sealed class MonitorSecretsTests(MonitorFixture fixture) : IClassFixture<MonitorFixture>
{
    private static readonly string[] Secrets = ["alice", "s3cretPW", "XXXXsecret", "qsecret"];

    private (int ExitCode, string Out, string Err) Monitor(string history, int week, params string[] extra) =>
        CliRunner.Run(["monitor", "--model", fixture.Model, "--history", history, "--current", fixture.Batches[week - 1], "--period", $"2026-W{week:00}", .. extra]);

    private static string SecretUrl(LocalWebhook hook) =>
        $"http://alice:s3cretPW@127.0.0.1:{hook.Url.Port}/services/T000/B000/XXXXsecret?token=qsecret";

    private static void AssertNoSecret(string where, string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"'{secret}' found in {where}: {text}");
        }
    }

    private static void AssertFileHasNoSecret(string history)
    {
        foreach (var file in new[] { history, history + "-wal" }.Where(File.Exists))
        {
            // Latin-1 maps every byte to one char: a UTF-8 secret shows up as itself.
            AssertNoSecret(file, Encoding.Latin1.GetString(File.ReadAllBytes(file)));
        }
    }

    [Theory]
    [InlineData("--notify", 500)]
    [InlineData("--notify", 200)]
    [InlineData("--notify-env", 500)]
    [InlineData("--notify-file", 200)]
    public void No_secret_of_the_webhook_URL_is_printed_or_stored(string how, int status)
    {
        using var hook = new LocalWebhook(_ => status);
        var history = fixture.History();
        Assert.Equal(0, Monitor(history, 3).ExitCode);
        var url = SecretUrl(hook);
        var variable = "RM_TEST_HOOK_" + Guid.NewGuid().ToString("N");
        var file = Path.Combine(CliRunner.TempDirectory(), "hook.url");
        File.WriteAllText(file, url + "\n");
        Environment.SetEnvironmentVariable(variable, url);
        try
        {
            var source = how switch
            {
                "--notify-env" => variable,
                "--notify-file" => file,
                _ => url,
            };
            var (code, stdout, stderr) = Monitor(history, 4, how, source, "--notify-format", "slack");
            Assert.True(code == 0, stderr);
            Assert.NotEmpty(hook.Requests); // the alert was really sent to the secret URL
            var target = $"http://127.0.0.1:{hook.Url.Port}/…";
            if (status == 200)
            {
                // Delivered, and named by the redacted target. Usually at the first attempt; under a loaded machine a
                // first response can exceed the 5 s timeout and a retry delivers it, which is not what this test is about.
                Assert.Matches(new Regex($@"alert delivered to {Regex.Escape(target)} \(slack, [1-3] attempt\(s\)\)"), stdout);
            }
            else
            {
                Assert.Contains($"warning: alert to {target} not delivered after 3 attempt(s): HTTP 500", stderr);
            }

            AssertNoSecret("stdout", stdout);
            AssertNoSecret("stderr", stderr);
            AssertFileHasNoSecret(history);
            var listing = CliRunner.Run("history", "--history", history);
            AssertNoSecret("'history'", listing.Out + listing.Err);
            Assert.Contains(target, listing.Out);
            var json = CliRunner.Run("history", "--history", history, "--format", "json");
            AssertNoSecret("'history --format json'", json.Out + json.Err);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void A_refused_URL_is_echoed_redacted()
    {
        var history = fixture.History();
        var (code, stdout, stderr) = Monitor(history, 2, "--notify", "ftp://alice:s3cretPW@files.example/T0/B0/XXXXsecret?token=qsecret");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: --notify: ftp://files.example/… is not an http(s) URL\n", stderr);
    }

    [Fact]
    public void The_URL_is_given_once()
    {
        var (code, _, stderr) = Monitor(fixture.History(), 2, "--notify", "http://127.0.0.1:9/x", "--notify-env", "HOOK");
        Assert.Equal(1, code);
        Assert.Equal("error: give the webhook URL once: --notify, --notify-env or --notify-file\n", stderr);
    }
}

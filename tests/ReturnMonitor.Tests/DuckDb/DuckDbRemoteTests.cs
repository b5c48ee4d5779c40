using System.Diagnostics;
using ReturnMonitor.Data;
using ReturnMonitor.DuckDb;

namespace ReturnMonitor.Tests.DuckDb;

/// <summary>
/// DuckDB never downloads or auto-loads an extension, and remote paths are refused with one line unless allowed. The
/// CLI runs as a child process with a fresh HOME, since DuckDB's extension folder (~/.duckdb/extensions) is found
/// through the process environment, which an in-process test cannot change for native code.
/// </summary>
public sealed class DuckDbRemoteTests
{
    private static (int Code, string Out, string Err, string Home) RunWithFreshHome(params string[] args)
    {
        var home = Path.Combine(Path.GetTempPath(), "rm-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReturnMonitor.Cli.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the CLI did not finish within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result, home);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/x.csv", "http://127.0.0.1:1/…")]
    [InlineData("https://alice:s3cretPW@example.com/data/*.parquet?sig=abc", "https://example.com/…")]
    [InlineData("s3://bucket/orders/*.parquet", "s3://bucket/…")]
    public void A_remote_path_is_one_line_and_leaves_no_extension_folder(string data, string shown)
    {
        var output = Path.Combine(Path.GetTempPath(), "rm-remote-" + Guid.NewGuid().ToString("N") + ".json");
        var (code, stdout, stderr, home) = RunWithFreshHome("profile", "--engine", "duckdb", "--data", data, "--out", output);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: {shown}: remote path refused: only local files are read unless remote data is allowed (profile --allow-remote", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("s3cretPW", stderr);
        Assert.False(Directory.Exists(Path.Combine(home, ".duckdb")), "DuckDB created ~/.duckdb");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Allowed_remote_data_needs_httpfs_installed_beforehand_and_nothing_is_downloaded()
    {
        var output = Path.Combine(Path.GetTempPath(), "rm-remote-" + Guid.NewGuid().ToString("N") + ".json");
        var (code, _, stderr, home) = RunWithFreshHome("profile", "--engine", "duckdb", "--allow-remote", "--data", "http://127.0.0.1:1/x.csv", "--out", output);

        Assert.Equal(1, code);
        Assert.Equal(
            "error: httpfs: remote data needs DuckDB's httpfs extension installed beforehand (e.g. duckdb -c \"INSTALL httpfs\"); ReturnMonitor never downloads extensions\n",
            stderr);
        Assert.Empty(Directory.Exists(home) ? Directory.EnumerateFiles(home, "*.duckdb_extension*", SearchOption.AllDirectories) : []);
    }

    [Fact]
    public void Every_connection_has_extension_autoinstall_and_autoload_off()
    {
        using var connection = DuckDbSummarizer.Open(allowRemote: false);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT current_setting('autoinstall_known_extensions'), current_setting('autoload_known_extensions');";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((false, false), (reader.GetBoolean(0), reader.GetBoolean(1)));
    }

    [Theory]
    [InlineData("data/train.csv", false)]
    [InlineData("/abs/lake/*.parquet", false)]
    [InlineData("file:///abs/train.csv", false)]
    [InlineData("C://data/train.csv", false)]
    [InlineData("HTTPS://x/y.csv", true)]
    [InlineData("gs://b/k.parquet", true)]
    [InlineData("az://c/k.csv", true)]
    [InlineData("hf://datasets/x/y.parquet", true)]
    public void Remote_means_any_URL_scheme_but_file(string data, bool remote)
    {
        Assert.Equal(remote, RemotePaths.IsRemote(data));
        if (remote)
        {
            Assert.Throws<DataFormatException>(() => DuckDbSummarizer.Summarize(data));
        }
    }
}

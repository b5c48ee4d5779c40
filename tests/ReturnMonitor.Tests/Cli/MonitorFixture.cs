using System.Diagnostics;
using ReturnMonitor.Data;
using ReturnMonitor.Tests.Monitoring;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// A model folder on disk (the shared small model), eight weekly batch files, and a history template in which the
/// sequential detector is already calibrated (so each test's 'monitor' run does not pay the calibration again).
/// </summary>
public sealed class MonitorFixture
{
    public MonitorFixture()
    {
        Directory = CliRunner.TempDirectory();
        Model = Path.Combine(Directory, "model");
        SmallModel.Folder.Save(Model);
        var stream = WeeklyStream.Demo();
        Batches = Enumerable.Range(0, 8).Select(i =>
        {
            var path = Path.Combine(Directory, $"week{i + 1:00}.csv");
            OrderCsv.Write(stream.Batch(i, 400), path);
            return path;
        }).ToArray();
        Template = Path.Combine(Directory, "template.db");
        var (code, _, err) = CliRunner.Run("monitor", "--model", Model, "--history", Template, "--current", Batches[0], "--period", "2026-W01");
        Assert.True(code == 0, err);
    }

    public string Directory { get; }

    public string Model { get; }

    public IReadOnlyList<string> Batches { get; }

    /// <summary>A history with W01 recorded and the detector calibrated for 400-order batches.</summary>
    public string Template { get; }

    /// <summary>A fresh copy of the template.</summary>
    public string History()
    {
        var path = Path.Combine(CliRunner.TempDirectory(), "history.db");
        File.Copy(Template, path);
        return path;
    }

    /// <summary>Starts the CLI as a separate process (the built ReturnMonitor.Cli.dll next to the tests).</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ReturnMonitor.Cli.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }
}

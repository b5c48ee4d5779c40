using Microsoft.Data.Sqlite;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using ReturnMonitor.Tests.Cli;
using static ReturnMonitor.Tests.History.HistoryFileTests;
using static ReturnMonitor.Tests.History.HistoryFixtures;

namespace ReturnMonitor.Tests.History;

/// <summary>
/// 'history' and 'report --history' only read, and open the file read-only: a read-only file works and is left as it
/// was. Tests may run as root, for whom a 0444 file is still writable, so the read-only mode is proven where SQLite
/// enforces it (a write through the reading connection fails with SQLITE_READONLY whoever runs it), and the file's
/// bytes and modification time are compared before and after.
/// </summary>
public sealed class HistoryReadOnlyTests
{
    private static string TwoWeeks()
    {
        var path = TempFile();
        using var store = HistoryStore.Open(path);
        store.Record(Record("2026-W01", Hash(1), seed: 1));
        store.Record(Record("2026-W02", Hash(2), DriftStatus.Critical, seed: 2));
        return path;
    }

    [Fact]
    public void History_and_report_read_a_read_only_file_and_leave_it_unchanged()
    {
        var path = TwoWeeks();
        // Removes every write permission (0444 for a 0644 file).
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            var bytes = File.ReadAllBytes(path);
            var written = File.GetLastWriteTimeUtc(path);

            var (code, stdout, stderr) = CliRunner.Run("history", "--history", path, "--format", "csv");
            Assert.True(code == 0, stderr);
            Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            var text = CliRunner.Run("history", "--history", path);
            Assert.True(text.ExitCode == 0, text.Err);
            Assert.Contains("2 batch(es)", text.Out);
            Assert.Equal(["2026-W01", "2026-W02"], ReportCommandHistory(path));

            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(written, File.GetLastWriteTimeUtc(path));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void The_reading_store_cannot_write_even_where_the_file_system_would_let_it()
    {
        var path = TwoWeeks();
        var bytes = File.ReadAllBytes(path);
        using (var store = HistoryStore.OpenReadOnly(path))
        {
            Assert.True(store.IsReadOnly);
            Assert.Equal(2, store.Batches().Count);
            using var command = store.Connection.CreateCommand();
            command.CommandText = "CREATE TABLE intruder (a);";
            var refused = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
            Assert.Equal(8, refused.SqliteErrorCode); // SQLITE_READONLY: the connection's open mode, not file permissions
            Assert.Throws<InvalidOperationException>(() => store.Record(Record("2026-W03", Hash(3))));
        }

        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void An_old_history_is_read_through_a_migrated_copy_in_memory_and_the_file_stays_at_its_version()
    {
        var path = TempFile();
        Raw(path, VersionOneSchema);
        var bytes = File.ReadAllBytes(path);

        using (var store = HistoryStore.OpenReadOnly(path))
        {
            Assert.Equal(1, store.VersionBefore);
            var old = Assert.Single(store.Batches()).Record;
            Assert.Equal(("2026-W03", DriftStatus.Warning, 12.5), (old.Period.Label, old.Status, old.Score));
            Assert.Empty(store.Notifications());
        }

        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(1L, RawScalar(path, "PRAGMA user_version;"));
    }

    [Fact]
    public void A_missing_history_is_one_line_for_the_reader_and_is_not_created()
    {
        var path = TempFile();
        var (code, _, stderr) = CliRunner.Run("history", "--history", path);
        Assert.Equal(1, code);
        Assert.Equal($"error: {path}: file not found (record batches into it with 'returnmonitor monitor')\n", stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Stored_targets_written_by_older_versions_are_redacted_when_read()
    {
        var path = TwoWeeks();
        using (var store = HistoryStore.Open(path))
        {
            // What versions before the redaction fix stored: the user info in clear.
            store.RecordNotification(1, new NotificationRecord("http://alice:s3cretPW@127.0.0.1:9", "json", null, DriftStatus.Healthy, "{}", [new DeliveryAttempt(1, 200, null, 1)]));
        }

        using var reader = HistoryStore.OpenReadOnly(path);
        Assert.Equal("http://127.0.0.1:9/…", Assert.Single(reader.Notifications()).Notification.Target);
        var text = CliRunner.Run("history", "--history", path).Out;
        Assert.DoesNotContain("s3cretPW", text);
    }

    private static string[] ReportCommandHistory(string path) =>
        ReturnMonitor.Cli.ReportCommand.ReadHistory(path).Select(e => e.Record.Period.Label).ToArray();
}

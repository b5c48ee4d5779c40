using Microsoft.Data.Sqlite;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using static ReturnMonitor.Tests.History.HistoryFixtures;

namespace ReturnMonitor.Tests.History;

public sealed class HistoryStoreTests
{
    [Fact]
    public void A_record_reads_back_field_by_field_and_the_file_is_WAL_at_the_current_version()
    {
        var path = TempFile();
        var full = Record("2026-W14", Hash(1), DriftStatus.Critical, seed: 2);
        var bare = Record("2026-W15", Hash(2), seed: 1, money: false) with { ModelHealth = [] };
        using (var store = HistoryStore.Open(path))
        {
            Assert.Equal(0, store.VersionBefore);
            Assert.True(store.Record(full).Inserted);
            Assert.True(store.Record(bare).Inserted);
        }

        using (var store = HistoryStore.Open(path))
        {
            Assert.Equal(HistoryStore.SchemaVersion, store.VersionBefore);
            var entries = store.Batches();
            Assert.Equal(2, entries.Count);
            AssertSame(full, entries[0].Record);
            AssertSame(bare, entries[1].Record);
            Assert.Empty(entries[1].Record.ModelHealth);
            Assert.Null(entries[1].Record.Money);
        }

        using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
        raw.Open();
        Assert.Equal("wal", Scalar(raw, "PRAGMA journal_mode;"));
        Assert.Equal(4L, Scalar(raw, "PRAGMA user_version;"));
        Assert.Equal(0x524D4853L, Scalar(raw, "PRAGMA application_id;"));
        Assert.Equal("ok", Scalar(raw, "PRAGMA integrity_check;"));
    }

    [Fact]
    public void The_same_batch_and_period_recorded_twice_is_one_record()
    {
        var path = TempFile();
        using var store = HistoryStore.Open(path);
        var first = store.Record(Record("2026-W14", Hash(1)));
        var again = store.Record(Record("2026-W14", Hash(1), DriftStatus.Critical, seed: 5));
        Assert.True(first.Inserted);
        Assert.False(again.Inserted);
        Assert.Equal(first.Id, again.Id);
        var only = Assert.Single(store.Batches());
        Assert.Equal(DriftStatus.Healthy, only.Record.Status);

        // The same file in another period, or another file in the same period, is a new record.
        Assert.True(store.Record(Record("2026-W15", Hash(1))).Inserted);
        Assert.True(store.Record(Record("2026-W14", Hash(2))).Inserted);
        Assert.Equal(3, store.Batches().Count);
        Assert.Equal(OrderSchema.Features.Count * 3L, Count(path, "feature_results"));
    }

    [Fact]
    public void Batches_come_back_in_period_order_and_the_previous_status_follows_periods_not_recording_order()
    {
        using var store = HistoryStore.Open(TempFile());
        Assert.Null(store.Record(Record("2026-W10", Hash(10), DriftStatus.Warning)).PreviousStatus);
        Assert.Equal(DriftStatus.Warning, store.Record(Record("2026-W12", Hash(12), DriftStatus.Critical)).PreviousStatus);
        // Recorded late: its predecessor is W10, not the latest recorded batch.
        Assert.Equal(DriftStatus.Warning, store.Record(Record("2026-W11", Hash(11))).PreviousStatus);
        // A day inside W12 sorts after the week's Monday; a week of another year sorts by date, not by label.
        Assert.Equal(DriftStatus.Critical, store.Record(Record("2026-03-18", Hash(13))).PreviousStatus);
        Assert.Null(store.Record(Record("2025-W52", Hash(1))).PreviousStatus);
        // Recording an existing batch again reports the predecessor of the stored one.
        Assert.Equal(DriftStatus.Healthy, store.Record(Record("2026-W12", Hash(12))).PreviousStatus);
        Assert.Equal(["2025-W52", "2026-W10", "2026-W11", "2026-W12", "2026-03-18"], store.Batches().Select(b => b.Record.Period.Label));
    }

    [Fact]
    public void Notifications_and_their_attempts_are_kept_with_the_batch()
    {
        using var store = HistoryStore.Open(TempFile());
        var batch = store.Record(Record("2026-W14", Hash(1), DriftStatus.Critical)).Id;
        var failed = new NotificationRecord("http://127.0.0.1:9", "slack", DriftStatus.Healthy, DriftStatus.Critical, "{\"text\":\"x\"}",
            [new DeliveryAttempt(1, 500, "HTTP 500", 12.5), new DeliveryAttempt(2, null, "timed out after 2 s", 2000)]);
        var id = store.RecordNotification(batch, failed);
        var stored = Assert.Single(store.Notifications());
        Assert.Equal((id, batch, "2026-W14"), (stored.Id, stored.BatchId, stored.Period));
        Assert.False(stored.Notification.Delivered);
        var n = stored.Notification;
        Assert.Equal((failed.Target, failed.Format, failed.PreviousStatus, failed.Status, failed.Payload), (n.Target, n.Format, n.PreviousStatus, n.Status, n.Payload));
        Assert.Equal(failed.Attempts, stored.Notification.Attempts);
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    internal static long Count(string path, string table)
    {
        using var raw = new SqliteConnection($"Data Source={path};Pooling=False");
        raw.Open();
        return (long)Scalar(raw, $"SELECT count(*) FROM {table};")!;
    }
}

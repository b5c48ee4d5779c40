using Microsoft.Data.Sqlite;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.History;
using ReturnMonitor.Monitoring;
using static ReturnMonitor.Tests.History.HistoryFixtures;

namespace ReturnMonitor.Tests.History;

/// <summary>Old files migrate; files that are not a history, newer or read-only fail with one clear line.</summary>
public sealed class HistoryFileTests
{
    /// <summary>
    /// Version 1 of the schema exactly as it shipped, frozen here (not taken from the code) so that a change to the
    /// migrations that breaks old files fails this test.
    /// </summary>
    internal const string VersionOneSchema = """
        PRAGMA application_id = 1380796499;
        CREATE TABLE batches (
            id INTEGER PRIMARY KEY, period TEXT NOT NULL, period_start TEXT NOT NULL, source TEXT NOT NULL,
            content_hash TEXT NOT NULL, rows INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('healthy', 'warning', 'critical')),
            score REAL NOT NULL, warning_score REAL NOT NULL, critical_score REAL NOT NULL, return_rate REAL,
            UNIQUE (period, content_hash));
        CREATE INDEX batches_by_time ON batches (period_start, period, id);
        CREATE TABLE feature_results (
            batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE, position INTEGER NOT NULL,
            feature TEXT NOT NULL, psi REAL NOT NULL, severity TEXT NOT NULL CHECK (severity IN ('none', 'moderate', 'severe')),
            p_value REAL NOT NULL, adjusted_p_value REAL NOT NULL, PRIMARY KEY (batch_id, feature));
        CREATE TABLE alerts (
            batch_id INTEGER NOT NULL REFERENCES batches (id) ON DELETE CASCADE, position INTEGER NOT NULL,
            kind TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (batch_id, position));
        PRAGMA user_version = 1;
        INSERT INTO batches VALUES (1, '2026-W03', '2026-01-12', 'week3.csv', 'abc', 1000, 'warning', 12.5, 10, 20, 0.25);
        INSERT INTO feature_results VALUES (1, 0, 'product_price', 0.15, 'moderate', 0.001, 0.009);
        INSERT INTO feature_results VALUES (1, 1, 'review_rating', 0.02, 'none', 0.4, 0.4);
        INSERT INTO alerts VALUES (1, 0, 'drift', 'warning: score 12.5');
        """;

    [Fact]
    public void A_version_1_file_is_migrated_and_keeps_its_records()
    {
        var path = TempFile();
        Raw(path, VersionOneSchema);
        using var store = HistoryStore.Open(path);
        Assert.Equal(1, store.VersionBefore);
        var old = Assert.Single(store.Batches()).Record;
        Assert.Equal(("2026-W03", new DateOnly(2026, 1, 12), DriftStatus.Warning, 12.5, 0.25), (old.Period.Label, old.Period.Start, old.Status, old.Score, old.ReturnRate));
        Assert.Equal([new HistoryFeature("product_price", 0.15, DriftSeverity.Moderate, 0.001, 0.009), new HistoryFeature("review_rating", 0.02, DriftSeverity.None, 0.4, 0.4)], old.Features);
        Assert.Equal([new HistoryAlert("drift", "warning: score 12.5")], old.Alerts);
        Assert.Empty(old.ModelHealth);
        Assert.Null(old.Money);

        // The migrated file takes the newer sections.
        var outcome = store.Record(Record("2026-W04", Hash(4), DriftStatus.Critical));
        Assert.Equal(DriftStatus.Warning, outcome.PreviousStatus);
        store.RecordNotification(outcome.Id, new NotificationRecord("http://127.0.0.1:1", "json", DriftStatus.Warning, DriftStatus.Critical, "{}", [new DeliveryAttempt(1, 200, null, 1)]));
        AssertSame(Record("2026-W04", Hash(4), DriftStatus.Critical), store.Batches()[1].Record);
        Assert.Equal(4L, RawScalar(path, "PRAGMA user_version;"));
    }

    [Fact]
    public void A_file_from_a_newer_schema_is_refused_with_one_line()
    {
        var path = TempFile();
        HistoryStore.Open(path).Dispose();
        Raw(path, "PRAGMA user_version = 9;");
        var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
        Assert.Equal($"{path}: history schema version 9 is newer than this ReturnMonitor reads (version 4); upgrade ReturnMonitor", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_one_line()
    {
        var path = TempFile("orders.csv");
        File.WriteAllText(path, "product_price,review_rating\n12,4.5\n" + new string('x', 5000));
        var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
        Assert.Equal($"{path}: not a ReturnMonitor history: the file is not an SQLite database", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Another_applications_SQLite_database_is_refused_and_left_unchanged()
    {
        var path = TempFile("other.db");
        Raw(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT);");
        var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
        Assert.Contains("not a ReturnMonitor history", error.Message);
        Assert.Equal(0L, RawScalar(path, "PRAGMA user_version;"));
        Assert.Equal(1L, RawScalar(path, "SELECT count(*) FROM sqlite_schema;"));
    }

    [Fact]
    public void A_read_only_file_is_refused_with_one_line()
    {
        var path = TempFile();
        using (var store = HistoryStore.Open(path))
        {
            store.Record(Record("2026-W01", Hash(1)));
        }

        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
            Assert.Equal($"{path}: the history file is read-only; monitoring needs to write to it", error.Message);
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void A_missing_directory_is_one_line_too()
    {
        var path = Path.Combine(Path.GetTempPath(), "rm-no-such-" + Guid.NewGuid().ToString("N"), "history.db");
        var error = Assert.Throws<DataFormatException>(() => HistoryStore.Open(path));
        Assert.Equal($"{path}: cannot open the history file (missing directory or no permission)", error.Message);
    }

    internal static void Raw(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal static object? RawScalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

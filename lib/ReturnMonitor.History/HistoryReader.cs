using Microsoft.Data.Sqlite;
using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>Reads the history tables back into records: one query per table, joined in memory by batch id.</summary>
internal static class HistoryReader
{
    public static IReadOnlyList<HistoryEntry> Batches(SqliteConnection connection)
    {
        // One read transaction: a consistent snapshot even while another process writes (WAL).
        using var transaction = connection.BeginTransaction(deferred: true);
        var features = Children(connection, "SELECT batch_id, feature, psi, severity, p_value, adjusted_p_value FROM feature_results ORDER BY batch_id, position;",
            r => new HistoryFeature(r.GetString(1), r.GetDouble(2), HistoryNames.Severity(r.GetString(3)), r.GetDouble(4), r.GetDouble(5)));
        var health = Children(connection, "SELECT batch_id, metric, estimated, band_lower, band_upper, alert_lower, alert_upper, realized FROM model_health ORDER BY batch_id, position;",
            r => new HistoryMetric(r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6), r.IsDBNull(7) ? null : r.GetDouble(7)));
        var money = Children(connection, "SELECT batch_id, item, amount FROM money ORDER BY batch_id, item;",
            r => KeyValuePair.Create(r.GetString(1), r.GetDouble(2)));
        var alerts = Children(connection, "SELECT batch_id, kind, message FROM alerts ORDER BY batch_id, position;",
            r => new HistoryAlert(r.GetString(1), r.GetString(2)));

        var result = new List<HistoryEntry>();
        using var command = HistoryStore.Command(connection,
            "SELECT id, period, period_start, source, content_hash, rows, status, score, warning_score, critical_score, return_rate, has_money, cusum_statistic, cusum_threshold, cusum_alarm, id_column, labelled_orders FROM batches ORDER BY period_start, period, id;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var period = new BatchPeriod(reader.GetString(1), DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var record = new HistoryRecord(
                period,
                reader.GetString(3),
                reader.GetString(4),
                reader.GetInt64(5),
                HistoryNames.Status(reader.GetString(6)),
                reader.GetDouble(7),
                reader.GetDouble(8),
                reader.GetDouble(9),
                reader.IsDBNull(10) ? null : reader.GetDouble(10),
                features.GetValueOrDefault(id) ?? [],
                health.GetValueOrDefault(id) ?? [],
                reader.GetInt64(11) == 1 ? new Dictionary<string, double>(money.GetValueOrDefault(id) ?? []) : null,
                alerts.GetValueOrDefault(id) ?? [])
            {
                Sequential = reader.IsDBNull(12) ? null : new HistorySequential(reader.GetDouble(12), reader.GetDouble(13), reader.GetInt64(14) == 1),
                IdColumn = reader.IsDBNull(15) ? null : reader.GetString(15),
                Labelled = reader.IsDBNull(16) ? null : reader.GetInt64(16),
            };
            result.Add(new HistoryEntry(id, record));
        }

        transaction.Commit();
        return result;
    }

    public static IReadOnlyList<HistoryNotification> Notifications(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: true);
        var attempts = Children(connection, "SELECT notification_id, attempt, http_status, error, elapsed_ms FROM deliveries ORDER BY notification_id, attempt;",
            r => new DeliveryAttempt(r.GetInt32(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetDouble(4)));
        var result = new List<HistoryNotification>();
        using var command = HistoryStore.Command(connection,
            "SELECT n.id, n.batch_id, b.period, n.target, n.format, n.previous_status, n.status, n.payload FROM notifications n JOIN batches b ON b.id = n.batch_id ORDER BY n.id;");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            var notification = new NotificationRecord(
                // Redacted again on the way out: files written by versions before 2026-12 may hold user info in clear.
                UrlRedaction.Redact(reader.GetString(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : HistoryNames.Status(reader.GetString(5)),
                HistoryNames.Status(reader.GetString(6)),
                reader.GetString(7),
                attempts.GetValueOrDefault(id) ?? []);
            result.Add(new HistoryNotification(id, reader.GetInt64(1), reader.GetString(2), notification));
        }

        transaction.Commit();
        return result;
    }

    private static Dictionary<long, List<T>> Children<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        var result = new Dictionary<long, List<T>>();
        using var command = HistoryStore.Command(connection, sql);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetInt64(0);
            if (!result.TryGetValue(id, out var list))
            {
                result[id] = list = [];
            }

            list.Add(read(reader));
        }

        return result;
    }
}

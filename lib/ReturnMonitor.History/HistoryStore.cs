using Microsoft.Data.Sqlite;
using ReturnMonitor.Data;
using ReturnMonitor.Drift;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>
/// The monitoring history: an SQLite file (schema in <see cref="HistorySchema"/>, documented in the README) that keeps
/// every checked batch, its feature results, model health, money, alerts and the notifications sent. Safe for several
/// processes at once: write-ahead logging (readers never block the writer), a 30-second busy timeout, and every
/// record written in one IMMEDIATE transaction (the write lock is taken before anything is read, so two writers
/// never both decide to insert). synchronous=FULL: a committed record survives a killed process and a power cut.
/// Opening identifies the file and runs SQLite's integrity check before writing anything; readers open read-only.
/// One instance is one connection: use it from one thread at a time; open one per thread or process.
/// </summary>
public sealed class HistoryStore : IDisposable
{
    private readonly SqliteConnection connection;

    private HistoryStore(SqliteConnection connection, string path, int versionBefore)
    {
        this.connection = connection;
        Path = path;
        VersionBefore = versionBefore;
    }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The schema version the file had when opened (0 for a new file); less than <see cref="SchemaVersion"/> when it was migrated.</summary>
    public int VersionBefore { get; }

    /// <summary>
    /// 0.9: a period's realized figures are computed once 90% of its orders are labelled. Returns trickle in for weeks;
    /// the last few percent (orders whose label the shop never sends, e.g. cancelled or lost parcels) would otherwise keep
    /// a period waiting forever, and at 90% the figures on the labelled orders are close to the whole period's. Give 1 to
    /// wait for every order (then a fully labelled period equals a one-shot labelled check exactly).
    /// </summary>
    public const double DefaultMinimumLabelledShare = 0.9;

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => HistorySchema.CurrentVersion;

    /// <summary>Whether the store was opened with <see cref="OpenReadOnly"/>: the record methods then refuse.</summary>
    public bool IsReadOnly { get; private init; }

    /// <summary>The connection, for tests that prove what the store can and cannot do.</summary>
    internal SqliteConnection Connection => connection;

    /// <summary>
    /// Opens (creating when missing) the history at <paramref name="path"/> for monitoring and migrates it to the current
    /// schema. Before anything is written the file is identified (another application's database is refused unchanged)
    /// and checked (<see cref="HistorySchema.CheckIntegrity"/>: a damaged file is refused).
    /// </summary>
    /// <exception cref="DataFormatException">
    /// Not an SQLite file, another application's database, a newer schema, a damaged file, a read-only file, a missing
    /// directory, or the database stayed locked for 30 s; the message is one line naming the file.
    /// </exception>
    public static HistoryStore Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is a directory, not a history file");
        }

        if (File.Exists(path) && File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly))
        {
            throw new DataFormatException(path, null, null, "the history file is read-only; monitoring needs to write to it");
        }

        return Opened(path, SqliteOpenMode.ReadWriteCreate, connection =>
        {
            HistorySchema.Identify(connection, path);
            HistorySchema.CheckIntegrity(connection, path);
            // Only now, with the file known to be ours (or empty) and sound, is anything written.
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
            var before = HistorySchema.Migrate(connection, path);
            return new HistoryStore(connection, path, before);
        });
    }

    /// <summary>
    /// Opens an existing history for reading only (SQLite's read-only mode: a read-only file works, nothing is written to
    /// the file). A file of an older schema is copied into memory and migrated there, never on disk. Only
    /// <see cref="Batches"/> and <see cref="Notifications"/> may be used.
    /// </summary>
    /// <exception cref="DataFormatException">As for <see cref="Open"/>, and when the file does not exist.</exception>
    public static HistoryStore OpenReadOnly(string path)
    {
        if (Directory.Exists(path))
        {
            throw new DataFormatException(path, null, null, "is a directory, not a history file");
        }

        if (!File.Exists(path))
        {
            throw new DataFormatException(path, null, null, "file not found (record batches into it with 'returnmonitor monitor')");
        }

        return Opened(path, SqliteOpenMode.ReadOnly, connection =>
        {
            var version = HistorySchema.Identify(connection, path);
            HistorySchema.CheckIntegrity(connection, path);
            if (version == HistorySchema.CurrentVersion)
            {
                return new HistoryStore(connection, path, version) { IsReadOnly = true };
            }

            // Histories are small (a row per period): a copy in memory takes the migration instead of the file.
            var memory = new SqliteConnection("Data Source=:memory:");
            try
            {
                memory.Open();
                connection.BackupDatabase(memory);
                HistorySchema.Migrate(memory, path);
                connection.Dispose();
                return new HistoryStore(memory, path, version) { IsReadOnly = true };
            }
            catch
            {
                memory.Dispose();
                throw;
            }
        });
    }

    private static HistoryStore Opened(string path, SqliteOpenMode mode, Func<SqliteConnection, HistoryStore> prepare)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 30 };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000;");
            return prepare(connection);
        }
        catch (SqliteException e) when (mode == SqliteOpenMode.ReadOnly && e.SqliteErrorCode == 8)
        {
            // SQLITE_READONLY_CANTINIT: a write-ahead-logged file needs its -shm file, which cannot be created here.
            connection.Dispose();
            throw new DataFormatException(path, null, null,
                "cannot read the history: SQLite needs to create its shared-memory file (-shm) next to it and cannot; copy the history to a writable directory");
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Problem(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Records a batch, unless the same period and content hash are already there (then nothing changes and the existing
    /// id is returned). Also returns the status of the batch just before it in period order, for status-change alerts.
    /// </summary>
    public RecordOutcome Record(HistoryRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureWritable();
        return Guarded(() =>
        {
            using var transaction = connection.BeginTransaction();
            var existing = Scalar("SELECT id FROM batches WHERE period = $period AND content_hash = $hash;", ("$period", record.Period.Label), ("$hash", record.ContentHash));
            var id = existing is null ? long.MaxValue : Convert.ToInt64(existing);
            var previous = Scalar(
                "SELECT status FROM batches WHERE (period_start, period, id) < ($start, $period, $id) ORDER BY period_start DESC, period DESC, id DESC LIMIT 1;",
                ("$start", Day(record.Period)), ("$period", record.Period.Label), ("$id", id)) is string s ? HistoryNames.Status(s) : (DriftStatus?)null;
            if (existing is not null)
            {
                return new RecordOutcome(id, false, previous);
            }

            id = Convert.ToInt64(Scalar(
                """
                INSERT INTO batches (period, period_start, source, content_hash, rows, status, score, warning_score, critical_score, return_rate, has_money, cusum_statistic, cusum_threshold, cusum_alarm)
                VALUES ($period, $start, $source, $hash, $rows, $status, $score, $warning, $critical, $returnRate, $hasMoney, $cusum, $cusumThreshold, $cusumAlarm) RETURNING id;
                """,
                ("$period", record.Period.Label), ("$start", Day(record.Period)), ("$source", record.Source), ("$hash", record.ContentHash),
                ("$rows", record.Rows), ("$status", HistoryNames.Of(record.Status)), ("$score", record.Score), ("$warning", record.WarningScore),
                ("$critical", record.CriticalScore), ("$returnRate", record.ReturnRate), ("$hasMoney", record.Money is null ? 0 : 1),
                ("$cusum", record.Sequential?.Statistic), ("$cusumThreshold", record.Sequential?.Threshold), ("$cusumAlarm", record.Sequential is { } q ? (q.Alarm ? 1 : 0) : null)));
            for (var i = 0; i < record.Features.Count; i++)
            {
                var f = record.Features[i];
                Execute(connection, "INSERT INTO feature_results VALUES ($id, $position, $feature, $psi, $severity, $p, $adjusted);",
                    ("$id", id), ("$position", i), ("$feature", f.Name), ("$psi", f.Psi), ("$severity", HistoryNames.Of(f.Severity)), ("$p", f.PValue), ("$adjusted", f.AdjustedPValue));
            }

            for (var i = 0; i < record.ModelHealth.Count; i++)
            {
                var m = record.ModelHealth[i];
                Execute(connection, "INSERT INTO model_health VALUES ($id, $position, $metric, $estimated, $bandLower, $bandUpper, $alertLower, $alertUpper, $realized);",
                    ("$id", id), ("$position", i), ("$metric", m.Metric), ("$estimated", m.Estimated), ("$bandLower", m.BandLower), ("$bandUpper", m.BandUpper),
                    ("$alertLower", m.AlertLower), ("$alertUpper", m.AlertUpper), ("$realized", m.Realized));
            }

            foreach (var (item, amount) in record.Money ?? new Dictionary<string, double>())
            {
                Execute(connection, "INSERT INTO money VALUES ($id, $item, $amount);", ("$id", id), ("$item", item), ("$amount", amount));
            }

            for (var i = 0; i < record.Alerts.Count; i++)
            {
                Execute(connection, "INSERT INTO alerts VALUES ($id, $position, $kind, $message);",
                    ("$id", id), ("$position", i), ("$kind", record.Alerts[i].Kind), ("$message", record.Alerts[i].Message));
            }

            if (record.Orders is { } orders)
            {
                InsertOrders(id, orders);
            }

            transaction.Commit();
            return new RecordOutcome(id, true, previous);
        });
    }

    /// <summary>
    /// Joins late labels to the orders the history keeps (periods recorded with an id column), in one write transaction:
    /// a label fills an order's empty label; the same label again changes nothing; a different one is a conflict, counted
    /// and reported, and the first label stays. Each period whose labelled share reaches <paramref name="minimumShare"/>
    /// gets its realized metrics, return rate and realized return cost recomputed from all its labelled orders.
    /// </summary>
    /// <param name="labels">The labels file's rows, in file order.</param>
    /// <param name="minimumShare">Share of a period's orders that must be labelled before its realized figures are computed, in (0, 1].</param>
    public LabelsOutcome AddLabels(IReadOnlyList<OrderLabel> labels, double minimumShare = DefaultMinimumLabelledShare)
    {
        ArgumentNullException.ThrowIfNull(labels);
        EnsureWritable();
        return Guarded(() =>
        {
            using var transaction = connection.BeginTransaction();
            var outcome = LabelJoin.Apply(connection, labels, minimumShare);
            transaction.Commit();
            return outcome;
        });
    }

    /// <summary>Records a notification and its delivery attempts for batch <paramref name="batchId"/>; returns its id.</summary>
    public long RecordNotification(long batchId, NotificationRecord notification) => Guarded(() =>
    {
        EnsureWritable();
        using var transaction = connection.BeginTransaction();
        var id = Convert.ToInt64(Scalar(
            "INSERT INTO notifications (batch_id, target, format, previous_status, status, payload, delivered) VALUES ($batch, $target, $format, $previous, $status, $payload, $delivered) RETURNING id;",
            ("$batch", batchId), ("$target", notification.Target), ("$format", notification.Format),
            ("$previous", notification.PreviousStatus is { } p ? HistoryNames.Of(p) : null), ("$status", HistoryNames.Of(notification.Status)),
            ("$payload", notification.Payload), ("$delivered", notification.Delivered ? 1 : 0)));
        foreach (var a in notification.Attempts)
        {
            Execute(connection, "INSERT INTO deliveries VALUES ($id, $attempt, $http, $error, $elapsed);",
                ("$id", id), ("$attempt", a.Attempt), ("$http", a.HttpStatus), ("$error", a.Error), ("$elapsed", a.ElapsedMilliseconds));
        }

        transaction.Commit();
        return id;
    });

    /// <summary>The stored calibration of the sequential detector for a reference, batch size, slack and target, or null.</summary>
    public SequentialCalibration? Calibration(string referenceHash, int batchSize, double slack, double targetArl) => Guarded(() =>
    {
        using var command = Command(connection,
            """
            SELECT in_control_mean, in_control_sd, threshold, estimated_arl, simulated_periods, worst_offset, streams, clean_batches, reference_groups
            FROM sequential_calibrations WHERE reference_hash = $hash AND batch_size = $size AND slack = $slack AND target_arl = $target;
            """,
            ("$hash", referenceHash), ("$size", batchSize), ("$slack", slack), ("$target", targetArl));
        using var r = command.ExecuteReader();
        return r.Read()
            ? new SequentialCalibration(r.GetDouble(0), r.GetDouble(1), slack, r.GetDouble(2), targetArl, r.GetDouble(3), r.GetInt64(4), r.GetDouble(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), batchSize)
            : null;
    });

    /// <summary>
    /// The calibration stored first for a reference, slack and target, of whatever batch size (the detector scales it to
    /// each period's size), or null.
    /// </summary>
    public SequentialCalibration? FirstCalibration(string referenceHash, double slack, double targetArl) => Guarded(() =>
    {
        using var command = Command(connection,
            "SELECT batch_size FROM sequential_calibrations WHERE reference_hash = $hash AND slack = $slack AND target_arl = $target ORDER BY rowid LIMIT 1;",
            ("$hash", referenceHash), ("$slack", slack), ("$target", targetArl));
        return command.ExecuteScalar() is long size ? Calibration(referenceHash, (int)size, slack, targetArl) : null;
    });

    /// <summary>Stores a calibration for a reference (first one wins when two processes calibrate at once: they compute the same).</summary>
    public void SaveCalibration(string referenceHash, SequentialCalibration c) => Guarded(() =>
    {
        EnsureWritable();
        Execute(connection, "INSERT OR IGNORE INTO sequential_calibrations VALUES ($hash, $size, $slack, $target, $mean, $sd, $h, $arl, $periods, $offset, $streams, $batches, $groups);",
            ("$hash", referenceHash), ("$size", c.BatchSize), ("$slack", c.Slack), ("$target", c.TargetArl), ("$mean", c.InControlMean), ("$sd", c.InControlStandardDeviation),
            ("$h", c.Threshold), ("$arl", double.IsPositiveInfinity(c.EstimatedArl) ? double.MaxValue : c.EstimatedArl), ("$periods", c.SimulatedPeriods), ("$offset", c.WorstReferenceOffset),
            ("$streams", c.Streams), ("$batches", c.CleanBatches), ("$groups", c.References));
        return 0;
    });

    /// <summary>Every recorded batch in time order (period start, then period label, then recording order).</summary>
    public IReadOnlyList<HistoryEntry> Batches() => Guarded(() => HistoryReader.Batches(connection));

    /// <summary>Every notification in recording order, with its delivery attempts.</summary>
    public IReadOnlyList<HistoryNotification> Notifications() => Guarded(() => HistoryReader.Notifications(connection));

    /// <summary>Closes the connection.</summary>
    public void Dispose() => connection.Dispose();

    private void InsertOrders(long id, PeriodOrders orders)
    {
        orders.Validate();
        Execute(connection, "UPDATE batches SET id_column = $column, labelled_orders = $labelled WHERE id = $id;",
            ("$column", orders.IdColumn), ("$labelled", orders.Labels is null ? 0 : orders.Labels.Length), ("$id", id));
        // One prepared statement for every order: 100,000 rows take a fraction of a second in the record's transaction.
        using var insert = Command(connection, "INSERT INTO period_orders VALUES ($id, $position, $order, $score, $predicted, $cost, $label);",
            ("$id", id), ("$position", 0), ("$order", ""), ("$score", 0.0), ("$predicted", 0), ("$cost", 0.0), ("$label", null));
        insert.Prepare();
        for (var i = 0; i < orders.Ids.Length; i++)
        {
            insert.Parameters["$position"].Value = i;
            insert.Parameters["$order"].Value = orders.Ids[i];
            insert.Parameters["$score"].Value = orders.Scores[i];
            insert.Parameters["$predicted"].Value = orders.Predicted[i] ? 1 : 0;
            insert.Parameters["$cost"].Value = orders.ReturnCosts[i];
            insert.Parameters["$label"].Value = orders.Labels is null ? DBNull.Value : orders.Labels[i] ? 1 : 0;
            insert.ExecuteNonQuery();
        }
    }

    internal static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    internal static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    private void EnsureWritable()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"{Path}: the history was opened read-only (HistoryStore.OpenReadOnly); open it with HistoryStore.Open to record");
        }
    }

    private static string Day(BatchPeriod period) => period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private T Guarded<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw Problem(Path, e);
        }
    }

    private static DataFormatException Problem(string path, SqliteException e) => new(path, null, null, e.SqliteErrorCode switch
    {
        26 => "not a ReturnMonitor history: the file is not an SQLite database",
        11 => "the history database is corrupt (SQLite: database disk image is malformed)",
        8 => "the history file is read-only; monitoring needs to write to it",
        14 => "cannot open the history file (missing directory or no permission)",
        5 or 6 => "the history database stayed locked by another process for 30 s",
        _ => $"history database error: {e.Message.Replace('\n', ' ')}",
    });
}

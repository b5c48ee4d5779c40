using System.Globalization;
using Microsoft.Data.Sqlite;
using ReturnMonitor.Data;
using ReturnMonitor.Modeling;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>
/// Joins late labels to the orders kept in <c>period_orders</c> and recomputes the realized figures of the periods they
/// complete (<see cref="HistoryStore.AddLabels"/>, which holds the write transaction). The realized figures use the same
/// rules as a check of a labelled batch — <see cref="ClassificationMetrics"/> at the decision stored per order, the
/// return rate, and the money's realized return cost Σ y_i·c_i summed in batch order — so a period labelled in full
/// gets exactly the figures a one-shot labelled check of the same orders gives.
/// </summary>
internal static class LabelJoin
{
    public static LabelsOutcome Apply(SqliteConnection connection, IReadOnlyList<OrderLabel> labels, double minimumShare)
    {
        if (!(minimumShare is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumShare), minimumShare, "the minimum labelled share must be in (0, 1]");
        }

        long added = 0, known = 0, conflicts = 0, unknown = 0, duplicates = 0, disagreeing = 0;
        OrderLabel? firstConflict = null, firstUnknown = null, firstDuplicate = null;
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        var touched = new Dictionary<long, long>();
        using var find = HistoryStore.Command(connection, "SELECT batch_id, position, label FROM period_orders WHERE order_id = $order;", ("$order", ""));
        using var set = HistoryStore.Command(connection, "UPDATE period_orders SET label = $label WHERE batch_id = $batch AND position = $position;", ("$label", 0), ("$batch", 0L), ("$position", 0));
        find.Prepare();
        set.Prepare();
        foreach (var label in labels)
        {
            if (seen.TryGetValue(label.Id, out var first))
            {
                duplicates++;
                firstDuplicate ??= label;
                disagreeing += first == label.Returned ? 0 : 1;
                continue;
            }

            seen[label.Id] = label.Returned;
            find.Parameters["$order"].Value = label.Id;
            var matches = new List<(long Batch, long Position, long? Label)>();
            using (var reader = find.ExecuteReader())
            {
                while (reader.Read())
                {
                    matches.Add((reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt64(2)));
                }
            }

            if (matches.Count == 0)
            {
                unknown++;
                firstUnknown ??= label;
                continue;
            }

            var value = label.Returned ? 1L : 0L;
            var filled = 0;
            foreach (var (batch, position, stored) in matches)
            {
                touched.TryAdd(batch, 0);
                if (stored is null)
                {
                    set.Parameters["$label"].Value = value;
                    set.Parameters["$batch"].Value = batch;
                    set.Parameters["$position"].Value = position;
                    set.ExecuteNonQuery();
                    touched[batch]++;
                    filled++;
                }
            }

            // A conflict with a stored label outranks the rest: the stored (first) label stays and the row is reported.
            if (matches.Any(m => m.Label is { } s && s != value))
            {
                conflicts++;
                firstConflict ??= label;
            }
            else if (filled > 0)
            {
                added++;
            }
            else
            {
                known++;
            }
        }

        var periods = touched
            .Select(t => Complete(connection, t.Key, t.Value, minimumShare))
            .OrderBy(p => p.Period.Start).ThenBy(p => p.Period.Label, StringComparer.Ordinal).ThenBy(p => p.BatchId)
            .ToArray();
        return new LabelsOutcome(labels.Count, added, known, conflicts, unknown, duplicates, disagreeing, firstConflict, firstUnknown, firstDuplicate, minimumShare, periods);
    }

    /// <summary>Counts a period's labels and, from the minimum share on, stores its realized figures beside the estimate.</summary>
    private static PeriodLabelling Complete(SqliteConnection connection, long batch, long newLabels, double minimumShare)
    {
        var labels = new List<bool>();
        var scores = new List<double>();
        long tp = 0, fp = 0, tn = 0, fn = 0, orders = 0, returned = 0;
        double cost = 0;
        using (var command = HistoryStore.Command(connection, "SELECT score, predicted, return_cost, label FROM period_orders WHERE batch_id = $batch ORDER BY position;", ("$batch", batch)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                orders++;
                if (reader.IsDBNull(3))
                {
                    continue;
                }

                var y = reader.GetInt64(3) == 1;
                var predicted = reader.GetInt64(1) == 1;
                labels.Add(y);
                scores.Add(reader.GetDouble(0));
                // As the money's ReturnCost loop: realized += y_i ? c_i : 0, in batch order.
                cost += y ? reader.GetDouble(2) : 0;
                returned += y ? 1 : 0;
                (tp, fp, fn, tn) = (y, predicted) switch
                {
                    (true, true) => (tp + 1, fp, fn, tn),
                    (false, true) => (tp, fp + 1, fn, tn),
                    (true, false) => (tp, fp, fn + 1, tn),
                    _ => (tp, fp, fn, tn + 1),
                };
            }
        }

        using var header = HistoryStore.Command(connection,
            "SELECT period, period_start, source, has_money, (SELECT estimated FROM model_health WHERE batch_id = $batch AND metric = 'accuracy') FROM batches WHERE id = $batch;", ("$batch", batch));
        using var b = header.ExecuteReader();
        b.Read();
        var period = new BatchPeriod(b.GetString(0), DateOnly.ParseExact(b.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var (source, hasMoney, estimated) = (b.GetString(2), b.GetInt64(3) == 1, b.IsDBNull(4) ? (double?)null : b.GetDouble(4));
        HistoryStore.Execute(connection, "UPDATE batches SET labelled_orders = $labelled WHERE id = $batch;", ("$labelled", labels.Count), ("$batch", batch));
        if (labels.Count == 0 || labels.Count < minimumShare * orders)
        {
            return new PeriodLabelling(batch, period, source, orders, labels.Count, newLabels, null, null, null, estimated);
        }

        var realized = ClassificationMetrics.FromConfusion(new ConfusionMatrix(tn, fp, fn, tp), ClassificationMetrics.ComputeRocAuc(labels.ToArray(), scores.ToArray()));
        var rate = (double)returned / labels.Count;
        foreach (var metric in PerformanceMetrics.All)
        {
            var value = metric.Of(realized);
            HistoryStore.Execute(connection, "UPDATE model_health SET realized = $value WHERE batch_id = $batch AND metric = $metric;",
                ("$value", double.IsFinite(value) ? value : null), ("$batch", batch), ("$metric", metric.JsonName()));
        }

        HistoryStore.Execute(connection, "UPDATE batches SET return_rate = $rate WHERE id = $batch;", ("$rate", rate), ("$batch", batch));
        if (hasMoney)
        {
            HistoryStore.Execute(connection, "INSERT OR REPLACE INTO money VALUES ($batch, 'realizedReturnCost', $cost);", ("$batch", batch), ("$cost", cost));
        }

        return new PeriodLabelling(batch, period, source, orders, labels.Count, newLabels, realized, rate, hasMoney ? cost : null, estimated);
    }
}

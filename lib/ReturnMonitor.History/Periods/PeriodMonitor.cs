using ReturnMonitor.Data;
using ReturnMonitor.History.Alerts;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History.Periods;

/// <summary>
/// Monitoring over time, one period at a time: check a batch, record it in the history with the sequential detector's
/// verdict, and alert on a change. The sequential detector is calibrated once per reference, at the size of the first
/// batch recorded against it, from the model's reference sample (double bootstrap,
/// <see cref="CusumCalibration.BootstrapEvidence"/>); the calibration is kept in the history, so later runs reuse it,
/// and periods of other sizes are standardized for their own size (<see cref="CusumDetector.Step(double, double, long)"/>)
/// instead of being calibrated again.
/// </summary>
/// <param name="monitor">The batch monitor (reference profile, model).</param>
/// <param name="referenceHash">SHA-256 of the reference profile file: calibrations are kept per reference.</param>
public sealed class PeriodMonitor(BatchMonitor monitor, string referenceHash)
{
    /// <summary>The batch monitor.</summary>
    public BatchMonitor Monitor { get; } = monitor;

    /// <summary>CUSUM slack k, σ₀.</summary>
    public double Slack { get; init; } = CusumCalibration.DefaultSlack;

    /// <summary>Target mean time between false alarms of the sequential detector, periods.</summary>
    public double TargetArl { get; init; } = CusumCalibration.DefaultTargetArl;

    /// <summary>Called with a line of progress (calibration takes seconds); may be null.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// Checks <paramref name="batch"/> (its file's SHA-256 is <paramref name="contentHash"/>), records it for
    /// <paramref name="period"/> and, with a notifier and URL, alerts on a status change or sequential alarm. The record's
    /// source is <paramref name="source"/> when given (e.g. the file name without its directory), else the batch's name.
    /// </summary>
    /// <param name="orderIds">With <paramref name="idColumn"/>: each order's id in batch order; the period then keeps its orders' ids, scores, decisions and return costs so late labels can be joined (<see cref="HistoryStore.AddLabels"/>). Needs a model.</param>
    /// <param name="idColumn">The column the ids come from.</param>
    public PeriodResult Run(HistoryStore store, OrderTable batch, string contentHash, BatchPeriod period, WebhookNotifier? notifier = null, Uri? url = null, AlertFormat format = AlertFormat.Json, string? report = null, string? source = null, string[]? orderIds = null, string? idColumn = null)
    {
        var check = Monitor.Check(batch);
        var calibration = Calibration(store, batch.Count);
        var detector = calibration?.DetectorFor(Monitor.Profile.Summary.Rows);
        var mapped = HistoryMapping.From(period, contentHash, check) with { Source = source ?? check.Name };
        if (orderIds is not null)
        {
            mapped = mapped with { Orders = Orders(batch, check, idColumn ?? "id", orderIds) };
        }

        var (outcome, record) = SequentialRecorder.Record(store, mapped, detector);
        var notification = notifier is not null && url is not null
            ? StatusNotifications.Notify(store, outcome, record, record.Sequential?.Alarm ?? false, notifier, url, format, report)
            : null;
        return new PeriodResult(check, record, outcome, calibration, notification);
    }

    /// <summary>
    /// The orders a period keeps for late labels: the check's one scoring and decision threshold, and each order's return
    /// cost from the prices the money used (the batch with its gaps filled, as the check scores it) and the monitor's costs.
    /// </summary>
    /// <exception cref="ArgumentException">The monitor has no model, or the ids are not one per order.</exception>
    public PeriodOrders Orders(OrderTable batch, BatchCheck check, string idColumn, string[] orderIds)
    {
        if (check.Model is not { } model || Monitor.Model is not { } modelMonitor)
        {
            throw new ArgumentException("order ids are kept for late labels, which need a model's scores: give --model DIR, --score-column or --onnx");
        }

        if (orderIds.Length != batch.Count)
        {
            throw new ArgumentException($"{orderIds.Length} order ids for {batch.Count} orders");
        }

        var scores = model.Scores.ToArray();
        var (filled, _) = MissingImputation.ForScoring(batch, Monitor.Profile.Summary);
        var costs = MoneyEstimator.ReturnCosts(Monitor.Costs, OrderPrices.Of(filled, modelMonitor.PriceFeature));
        return new PeriodOrders(idColumn, orderIds, scores, scores.Select(s => s >= model.DecisionThreshold).ToArray(), costs, batch.HasTarget ? batch.Returned.ToArray() : null);
    }

    /// <summary>
    /// The calibration for this reference: the first one the history keeps for it (of whatever batch size: it is scaled to
    /// each period's size), or computed for batches of <paramref name="batchSize"/> orders and stored; null without a
    /// reference sample.
    /// </summary>
    public SequentialCalibration? Calibration(HistoryStore store, int batchSize)
    {
        if (store.FirstCalibration(referenceHash, Slack, TargetArl) is { } known)
        {
            return known;
        }

        if (Monitor.Model?.ReferenceSample is not { Count: > 1 } sample)
        {
            return null;
        }

        Progress?.Invoke($"calibrating the sequential detector for batches of {batchSize:N0} orders (once per model and batch size)…");
        var evidence = CusumCalibration.BootstrapEvidence(sample, (int)Math.Min(int.MaxValue, Monitor.Profile.Summary.Rows), batchSize);
        var calibration = CusumCalibration.Calibrate(evidence, batchSize, Slack, TargetArl);
        store.SaveCalibration(referenceHash, calibration);
        return calibration;
    }
}

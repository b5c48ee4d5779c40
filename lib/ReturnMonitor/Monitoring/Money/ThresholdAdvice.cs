using System.Globalization;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The decision threshold worth using: the one maximising the expected net value of the decisions
/// (<see cref="DecisionValue"/>) on the reference (held-out orders) and the one maximising it on this batch, searched
/// over scores 0.01, 0.02, …, 0.99, and what switching from the current threshold would save on this batch. All values
/// are expected net values per 1,000 orders, from calibrated probabilities.
/// </summary>
/// <param name="Currency">Money unit.</param>
/// <param name="CurrentThreshold">The threshold in use.</param>
/// <param name="ReferenceBestThreshold">Threshold with the highest expected value on the held-out orders.</param>
/// <param name="BatchBestThreshold">Threshold with the highest expected value on the batch.</param>
/// <param name="ReferenceValuePer1000">Held-out expected value per 1,000 orders at <paramref name="ReferenceBestThreshold"/>.</param>
/// <param name="ValuePer1000AtCurrent">Batch expected value per 1,000 orders at the current threshold.</param>
/// <param name="ValuePer1000AtReferenceBest">Batch expected value per 1,000 orders at the reference's best threshold.</param>
/// <param name="ValuePer1000AtBatchBest">Batch expected value per 1,000 orders at its own best threshold.</param>
public sealed record ThresholdAdvice(
    string Currency,
    double CurrentThreshold,
    double ReferenceBestThreshold,
    double BatchBestThreshold,
    double ReferenceValuePer1000,
    double ValuePer1000AtCurrent,
    double ValuePer1000AtReferenceBest,
    double ValuePer1000AtBatchBest)
{
    /// <summary>Savings smaller than this per 1,000 orders are reported as "no change needed".</summary>
    public const double NegligiblePer1000 = 1;

    /// <summary>ValuePer1000AtBatchBest − ValuePer1000AtCurrent: what moving to the batch's best threshold saves per 1,000 orders (≥ 0).</summary>
    public double SavingPer1000 => ValuePer1000AtBatchBest - ValuePer1000AtCurrent;

    /// <summary>ValuePer1000AtBatchBest − ValuePer1000AtReferenceBest: what this batch gains per 1,000 orders from its own best threshold over the reference's best — the part of <see cref="SavingPer1000"/> due to the batch itself rather than to a current threshold that was never cost-optimal.</summary>
    public double BatchSpecificSavingPer1000 => ValuePer1000AtBatchBest - ValuePer1000AtReferenceBest;

    /// <summary>One sentence for people, e.g. "lowering the threshold from 0.50 to 0.35 for this batch would save about EUR 120 per 1,000 orders".</summary>
    public string Sentence
    {
        get
        {
            string F(double t) => t.ToString("0.00", CultureInfo.InvariantCulture);
            if (SavingPer1000 < NegligiblePer1000 || BatchBestThreshold == CurrentThreshold)
            {
                return $"the threshold {F(CurrentThreshold)} is already about the best for this batch";
            }

            var verb = BatchBestThreshold < CurrentThreshold ? "lowering" : "raising";
            return $"{verb} the threshold from {F(CurrentThreshold)} to {F(BatchBestThreshold)} for this batch would save about {NumberText.Money(Currency, SavingPer1000)} per 1,000 orders";
        }
    }
}

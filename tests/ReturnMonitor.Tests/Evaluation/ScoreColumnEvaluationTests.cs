using ReturnMonitor.Evaluation;

namespace ReturnMonitor.Tests.Evaluation;

/// <summary>The score-column case of <c>evaluate</c>: normal batches monitored from files' score columns, band coverage measured.</summary>
public sealed class ScoreColumnEvaluationTests
{
    [Fact]
    [Trait(Traits.Category, Traits.Slow)]
    public void Normal_batches_monitored_from_a_score_column_keep_the_realized_accuracy_inside_the_band()
    {
        var coverage = ScoreColumnEvaluation.Run(references: 1, batches: 6, size: 1000, seed: 42);

        Assert.Equal(6, coverage.Batches);
        Assert.Equal(1000, coverage.BatchSize);
        // Deterministic for the seed; the full run (evaluate --score-column-trials) measures the rate itself.
        Assert.True(coverage.Held >= 5, $"the band held in {coverage.Held} of 6 batches");
        Assert.True(coverage.MeanAbsoluteError < 0.03, $"mean |error| {coverage.MeanAbsoluteError}");
    }
}

using ReturnMonitor.Data;
using ReturnMonitor.Evaluation;
using Spectre.Console;

namespace ReturnMonitor.Cli;

/// <summary>The tables of <c>evaluate</c> (text or Markdown borders; every number comes from the <see cref="EvaluationReport"/>).</summary>
internal static class EvaluationTables
{
    public static void Write(IAnsiConsole console, EvaluationReport report, TableBorder border)
    {
        var options = report.Options;
        var sizes = options.BatchSizes;
        console.WriteLine($"Simulated: {options.Trials:N0} normal batches and {options.DriftTrials:N0} batches of each drifted case per size, against a {options.ReferenceSize:N0}-order reference (seed {options.Seed}).");
        console.WriteLine();
        console.WriteLine("Batch alarm (status warning or critical): false-positive rate on normal batches, detection rate on drifted ones");
        var alarms = SizeTable(border, "Case", sizes);
        foreach (var group in report.Alarms.GroupBy(a => a.Scenario))
        {
            var label = group.First().IsNull ? $"{group.Key} (false positives)" : group.Key;
            alarms.AddRow([label, .. sizes.Select(s => Rate(group.Single(a => a.Size == s).Alarms))]);
        }

        console.Write(alarms);
        console.WriteLine();
        console.WriteLine("Per-feature false-positive rate on normal batches (feature flagged moderate or severe)");
        var nullCase = report.FalsePositiveRates.First().Scenario;
        var featureFpr = SizeTable(border, "Feature", sizes);
        foreach (var feature in OrderSchema.Features)
        {
            featureFpr.AddRow([feature.Name, .. sizes.Select(s => Rate(report.Flags.Single(f => f.Scenario == nullCase && f.Feature == feature.Name && f.Size == s).Flags))]);
        }

        console.Write(featureFpr);
        console.WriteLine();
        console.WriteLine("Per-feature precision / recall against the generator's ground truth (shifted: population PSI ≥ 0.1; flags on unchanged features, PSI < 0.01, are false positives)");
        var accuracy = SizeTable(border, "Feature", sizes);
        foreach (var feature in OrderSchema.Features)
        {
            accuracy.AddRow([feature.Name, .. sizes.Select(s =>
            {
                var a = report.FeatureAccuracy.Single(f => f.Feature == feature.Name && f.Size == s);
                return $"{Fraction(a.Precision)} / {Fraction(a.Recall)}";
            })]);
        }

        console.Write(accuracy);
        console.WriteLine();
        if (report.Performance.Count > 0)
        {
            console.WriteLine($"Performance estimation without labels (CBPE) vs realized, {report.Performance[0].Trials} labelled batches of {report.Performance[0].Size:N0} per case");
            var cbpe = new Table().Border(border).AddColumn("Case")
                .AddColumn(new TableColumn("Realized accuracy").RightAligned())
                .AddColumn(new TableColumn("Accuracy MAE").RightAligned())
                .AddColumn(new TableColumn("Accuracy bias").RightAligned())
                .AddColumn(new TableColumn("ROC-AUC MAE").RightAligned());
            foreach (var p in report.Performance)
            {
                cbpe.AddRow(p.Scenario, NumberText.Fixed(p.MeanRealizedAccuracy, 3), NumberText.Fixed(p.AccuracyMae, 3), NumberText.Fixed(p.AccuracyBias, 3), NumberText.Fixed(p.RocAucMae, 3));
            }

            console.Write(cbpe);
            console.WriteLine();
        }

        if (report.Multivariate.Count > 0)
        {
            console.WriteLine("Multivariate drift: domain classifier vs the per-feature alarm on the same batches");
            var mv = new Table().Border(border).AddColumn("Case")
                .AddColumn(new TableColumn("Orders").RightAligned())
                .AddColumn(new TableColumn("Batches").RightAligned())
                .AddColumn(new TableColumn("Domain classifier alarms").RightAligned())
                .AddColumn(new TableColumn("Mean ROC-AUC").RightAligned())
                .AddColumn(new TableColumn("Per-feature alarms").RightAligned());
            foreach (var m in report.Multivariate)
            {
                mv.AddRow(m.Scenario, $"{m.Size:N0}", $"{m.Alarms.Trials}", Rate(m.Alarms), NumberText.Fixed(m.MeanRocAuc, 3), Rate(m.PerFeatureAlarms));
            }

            console.Write(mv);
            console.WriteLine();
        }
        if (report.Estimates.Count > 0)
        {
            var first = report.Estimates[0];
            console.WriteLine($"Estimates that know their limits: {first.Trials} labelled batches of {first.Size:N0} per case over {first.References} independently drawn references (reliability check, importance-weighted estimate, widened band)");
            var est = new Table().Border(border).AddColumn("Case")
                .AddColumn(new TableColumn("Realized accuracy").RightAligned())
                .AddColumn(new TableColumn("CBPE MAE").RightAligned())
                .AddColumn(new TableColumn("Imp.-weighted MAE").RightAligned())
                .AddColumn(new TableColumn("Chosen MAE").RightAligned())
                .AddColumn(new TableColumn("MAE if reliable").RightAligned())
                .AddColumn(new TableColumn("Flagged unreliable").RightAligned())
                .AddColumn(new TableColumn("Band coverage (reliable)").RightAligned())
                .AddColumn(new TableColumn("Outside support").RightAligned())
                .AddColumn(new TableColumn("Mean ESS").RightAligned());
            foreach (var e in report.Estimates)
            {
                est.AddRow(e.Scenario, NumberText.Fixed(e.MeanRealizedAccuracy, 3), NumberText.Fixed(e.CbpeAccuracyMae, 3), NumberText.Fixed(e.ImportanceWeightedAccuracyMae, 3),
                    NumberText.Fixed(e.ChosenAccuracyMae, 3), NumberText.Fixed(e.ReliableAccuracyMae, 3), Rate(e.Unreliable),
                    e.AccuracyCoverage.Trials == 0 ? "–" : $"{Rate(e.AccuracyCoverage)} of {e.AccuracyCoverage.Trials}",
                    NumberText.Percent(e.MeanShareOutsideSupport), NumberText.Fixed(e.MeanEffectiveSampleSize, 0));
            }

            console.Write(est);
            console.WriteLine();
        }

        if (report.Costs.Count > 0)
        {
            var currency = report.Costs[0].Currency;
            console.WriteLine($"Return cost: expected without labels vs realized, per batch of {report.Costs[0].Size:N0}{NumberText.MoneyUnit(currency)}; bias ± its standard error between references");
            var cost = new Table().Border(border).AddColumn("Case")
                .AddColumn(new TableColumn("Expected").RightAligned())
                .AddColumn(new TableColumn("Realized").RightAligned())
                .AddColumn(new TableColumn("Bias").RightAligned())
                .AddColumn(new TableColumn("Band coverage").RightAligned())
                .AddColumn(new TableColumn("Imp.-weighted bias").RightAligned())
                .AddColumn(new TableColumn("Extra/1k expected").RightAligned())
                .AddColumn(new TableColumn("Extra/1k realized").RightAligned())
                .AddColumn(new TableColumn("Best threshold").RightAligned())
                .AddColumn(new TableColumn("Saving/1k").RightAligned());
            foreach (var c in report.Costs)
            {
                cost.AddRow(c.Scenario, TextTables.Whole(c.MeanExpected), TextTables.Whole(c.MeanRealized),
                    double.IsFinite(c.RelativeBiasStandardError) ? $"{NumberText.Percent(c.RelativeBias)} ± {NumberText.Percent(c.RelativeBiasStandardError)}" : NumberText.Percent(c.RelativeBias), Rate(c.BandCoverage),
                    NumberText.Percent(c.ImportanceWeightedRelativeBias), TextTables.Whole(1000 * c.MeanExtraPerOrder), TextTables.Whole(1000 * c.MeanRealizedExtraPerOrder),
                    NumberText.Fixed(c.MeanBatchBestThreshold, 2), TextTables.Whole(c.MeanSavingPer1000));
            }

            console.Write(cost);
            console.WriteLine();
        }

        if (report.DataQuality.Count > 0)
        {
            console.WriteLine($"Data-quality alarm (missing or unseen share significantly above the reference's): false alarms on normal batches, detection with {DataQualityEvaluation.BlankedFeature} blanked");
            var quality = SizeTable(border, "Case", sizes);
            foreach (var group in report.DataQuality.GroupBy(q => q.Case))
            {
                var first = group.First();
                var label = first.IsNull ? $"{group.Key} (false alarms)" : $"{group.Key} ({NumberText.Percent(first.MissingShare)} blanked)";
                quality.AddRow([label, .. sizes.Select(s => Rate(group.Single(q => q.Size == s).Alarms))]);
            }

            console.Write(quality);
            console.WriteLine();
        }

        foreach (var target in report.Targets)
        {
            console.WriteLine($"{(target.Met ? "met" : "MISSED")}: {target.Description} — {target.Measured}");
        }
    }

    private static Table SizeTable(TableBorder border, string first, IReadOnlyList<int> sizes)
    {
        var table = new Table().Border(border).AddColumn(first);
        foreach (var size in sizes)
        {
            table.AddColumn(new TableColumn($"{size:N0}").RightAligned());
        }

        return table;
    }

    private static string Rate(Proportion p) => NumberText.Percent(p.Rate);

    private static string Fraction(double value) => double.IsNaN(value) ? "–" : NumberText.Fixed(value, 2);
}

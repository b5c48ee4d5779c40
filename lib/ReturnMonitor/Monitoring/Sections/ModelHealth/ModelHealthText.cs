using ReturnMonitor.Modeling;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>The model-health section in the terminal: the dashboard's table row for row, the reliability line, alerts, prediction and multivariate drift, then the model's warnings.</summary>
public static class ModelHealthText
{
    /// <summary>The section's blocks.</summary>
    public static SectionText Of(ModelCheck check)
    {
        var text = new SectionText()
            .Line($"Model performance (threshold 0.5); estimate without labels by CBPE with {check.Calibration.Calibrator.Method.ToString().ToLowerInvariant()} calibration");
        SectionColumn Number(string header) => new(header, RightAligned: true);
        text.Table(new SectionTable(
            [new("Metric"), Number("Reference"), Number("Realized"), Number("Estimated"), Number("95% band"), Number("Alert outside"), new("Alert")],
            ModelHealthTable.Of(check).Select(row => (IReadOnlyList<string>)[row.Metric, row.Reference, row.Realized, row.Estimated, row.Band, row.AlertOutside, row.Alerting ? "yes" : ""]).ToArray()));
        if (check.Assessment is { Reliability: var reliability } assessment)
        {
            var accuracy = assessment[PerformanceMetric.Accuracy];
            text.RawLine($"Estimate reliable: {(reliability.Reliable ? "yes" : "no")} — {reliability.Reason} (method {AssessmentJson.Method(reliability.Method)}: accuracy {NumberText.Fixed(accuracy.Value, 3)}, band {NumberText.Fixed(accuracy.Lower, 3)}–{NumberText.Fixed(accuracy.Upper, 3)}; CBPE {NumberText.Fixed(accuracy.Cbpe, 3)}, importance-weighted {NumberText.Fixed(accuracy.ImportanceWeighted, 3)})");
        }
        else if (check.AssessmentSkipped is { } skipped)
        {
            text.RawLine($"Estimate reliability: not assessed — {skipped}");
        }

        text.Line(check.Alerts.Count == 0 ? "Performance alerts: none" : $"Performance alerts: {string.Join(", ", check.Alerts)}");
        var p = check.Prediction;
        text.Line($"Prediction drift: {(p.Drifted ? "yes" : "no")} — mean score {NumberText.Fixed(p.ReferenceMeanScore, 3)} → {NumberText.Fixed(p.CurrentMeanScore, 3)}, PSI {NumberText.Fixed(p.Psi, 3)}, " +
                  $"predicted return rate {NumberText.Percent(p.PredictedReturnRate.ReferenceRate)} → {NumberText.Percent(p.PredictedReturnRate.CurrentRate)}");
        if (check.Multivariate is { } mv)
        {
            text.Line($"Multivariate drift (domain classifier): {(mv.Drifted ? "yes" : "no")} — ROC-AUC {NumberText.Fixed(mv.RocAuc, 3)} (alarm from {NumberText.Fixed(mv.Threshold, 3)}); " +
                      $"driven by {string.Join(", ", mv.Drivers.Take(2).Select(d => d.Feature))}");
        }

        foreach (var warning in check.Warnings)
        {
            text.RawLine("Warning: " + warning);
        }

        return text;
    }
}

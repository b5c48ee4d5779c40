using System.Net;
using System.Text;
using ReturnMonitor.Modeling;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring.Sections.ModelHealth;

/// <summary>
/// The dashboard's model-health panel of one batch: realized vs estimated performance with band and alert range (the
/// terminal's rows, <see cref="ModelHealthTable"/>), the reliability line, alerts, prediction and multivariate drift.
/// </summary>
public static class ModelHealthCard
{
    /// <summary>The panel, HTML-escaped.</summary>
    /// <param name="b">Index of the batch on the page (element ids).</param>
    /// <param name="model">The batch's model check.</param>
    public static string Render(int b, ModelCheck model)
    {
        var html = new StringBuilder();
        foreach (var warning in model.Warnings)
        {
            html.Append($"<p class=\"model-warning\"><strong>Warning:</strong> {E(warning)}</p>");
        }

        html.Append($"<h3>Model health</h3><table class=\"model-health\" id=\"model-health-{b}\"><thead><tr><th>Metric</th><th>Reference</th><th>Realized</th>");
        html.Append("<th>Estimated (no labels)</th><th>95% band</th><th>Alert outside</th></tr></thead><tbody>");
        foreach (var row in ModelHealthTable.Of(model))
        {
            html.Append($"<tr class=\"{(row.Alerting ? "sev-severe" : "sev-none")}\"><td>{E(row.Metric)}</td><td>{E(row.Reference)}</td><td>{E(row.Realized)}</td>");
            html.Append($"<td>{E(row.Estimated)}</td><td>{E(row.Band)}</td><td>{E(row.AlertOutside)}</td></tr>");
        }

        html.Append("</tbody></table><ul class=\"findings\">");
        html.Append(Reliability(b, model));
        html.Append($"<li><b>Performance alerts</b>: {E(model.Alerts.Count == 0 ? "none" : string.Join(", ", model.Alerts))}</li>");
        var p = model.Prediction;
        html.Append($"<li><b>Prediction drift: {(p.Drifted ? "yes" : "no")}</b> — mean score {NumberText.Fixed(p.ReferenceMeanScore, 3)} → {NumberText.Fixed(p.CurrentMeanScore, 3)}, PSI {NumberText.Fixed(p.Psi, 3)}, ");
        html.Append($"predicted return rate {NumberText.Fixed(100 * p.PredictedReturnRate.ReferenceRate, 1)}% → {NumberText.Fixed(100 * p.PredictedReturnRate.CurrentRate, 1)}%</li>");
        if (model.Multivariate is { } mv)
        {
            html.Append($"<li><b>Multivariate drift (domain classifier): {(mv.Drifted ? "yes" : "no")}</b> — ROC-AUC {NumberText.Fixed(mv.RocAuc, 3)}, alarm from {NumberText.Fixed(mv.Threshold, 3)}; ");
            html.Append($"driven by {E(string.Join(", ", mv.Drivers.Take(3).Select(d => d.Feature)))}</li>");
        }

        html.Append("</ul><p class=\"sub\">The estimate uses the model's calibrated probabilities only (CBPE). It assumes they stay calibrated ");
        html.Append("and that the link between features and returns is unchanged; under severe input drift or concept drift read it as an upper bound.</p>");
        return html.ToString();
    }

    /// <summary>The reliability line of the panel: reliable yes/no with its reason, or why it was not assessed.</summary>
    public static string Reliability(int batch, ModelCheck model)
    {
        if (model.Assessment is { Reliability: var r } assessment)
        {
            var accuracy = assessment[PerformanceMetric.Accuracy];
            return $"<li id=\"reliability-{batch}\" class=\"{(r.Reliable ? "reliable" : "unreliable")}\"><b>Label-free estimate reliable: {(r.Reliable ? "yes" : "no")}</b> — {E(r.Reason)} " +
                   $"(method {E(AssessmentJson.Method(r.Method))}; accuracy {NumberText.Fixed(accuracy.Value, 3)}, band {NumberText.Fixed(accuracy.Lower, 3)}–{NumberText.Fixed(accuracy.Upper, 3)}; " +
                   $"{NumberText.Fixed(100 * r.Support.ShareOutside, 1)}% of orders outside the reference's range; effective sample {NumberText.Fixed(r.EffectiveSampleSize, 0)} of {r.ReferenceOrders})</li>";
        }

        return model.AssessmentSkipped is { } skipped ? $"<li id=\"reliability-{batch}\"><b>Label-free estimate reliability: not assessed</b> — {E(skipped)}</li>" : "";
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

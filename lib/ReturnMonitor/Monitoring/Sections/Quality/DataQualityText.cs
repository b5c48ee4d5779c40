using System.Globalization;
using ReturnMonitor.Text;

namespace ReturnMonitor.Monitoring.Sections.Quality;

/// <summary>
/// The data-quality section in the terminal: a headline, then one row per feature with something to show (out-of-range
/// values alone are normal and are not shown).
/// </summary>
public static class DataQualityText
{
    /// <summary>The section's blocks.</summary>
    public static SectionText Of(DataQuality quality)
    {
        var imputed = quality.Imputed > 0 ? $"; {quality.Imputed} cell(s) imputed for scoring (reference median / most common value)" : "";
        SectionColumn Number(string header) => new(header, RightAligned: true);
        return new SectionText()
            .RawLine($"Data quality: {(quality.Alarm ? "ALARM" : "ok")} — {quality.MissingCells} missing cell(s) in {quality.Rows} orders{imputed}")
            .Table(new SectionTable(
                [new("Feature"), Number("Missing"), Number("Rate"), Number("Reference"), Number("Out of range"), Number("Unseen"), Number("p (Holm)"), new("Alarm")],
                quality.NotableFeatures.Select(f => (IReadOnlyList<string>)[
                    f.Name, f.Missing.ToString(CultureInfo.InvariantCulture), NumberText.Percent(f.MissingRate), NumberText.Percent(f.ReferenceMissingRate),
                    f.OutOfRange.ToString(CultureInfo.InvariantCulture), f.Unseen.ToString(CultureInfo.InvariantCulture),
                    f.PValue.ToString("G2", CultureInfo.InvariantCulture), f.Alarm ? "yes" : ""]).ToArray()));
    }
}

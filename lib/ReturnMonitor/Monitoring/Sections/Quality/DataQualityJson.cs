using System.Text.Json.Nodes;
using ReturnMonitor.Json;

namespace ReturnMonitor.Monitoring.Sections.Quality;

/// <summary>
/// The <c>dataQuality</c> section of a batch check's JSON: the alarm, the rule's constants, the cells imputed for
/// scoring, and per feature the counts, rates and the test (see <see cref="DataQualityCheck"/> for the rule).
/// Non-finite numbers are written as null, as everywhere in the JSON.
/// </summary>
public static class DataQualityJson
{
    /// <summary>The <c>dataQuality</c> object.</summary>
    public static JsonObject ToNode(DataQuality quality) => new()
    {
        ["alarm"] = quality.Alarm,
        ["rows"] = quality.Rows,
        ["missingCells"] = quality.MissingCells,
        ["imputed"] = quality.Imputed,
        ["alpha"] = DataQualityCheck.Alpha,
        ["minimumEffect"] = DataQualityCheck.MinimumEffect,
        ["features"] = new JsonArray(quality.Features.Select(f => (JsonNode?)Feature(f)).ToArray()),
    };

    private static JsonObject Feature(DataQualityFeature f) => new()
    {
        ["name"] = f.Name,
        ["missing"] = f.Missing,
        ["missingRate"] = N(f.MissingRate),
        ["referenceMissingRate"] = N(f.ReferenceMissingRate),
        ["expectedMissingRate"] = N(f.ExpectedMissingRate),
        ["missingPValue"] = N(f.MissingPValue),
        ["outOfRange"] = f.OutOfRange,
        ["outOfRangeRate"] = N(f.OutOfRangeRate),
        ["expectedOutOfRangeRate"] = N(f.ExpectedOutOfRangeRate),
        ["unseen"] = f.Unseen,
        ["unseenRate"] = N(f.UnseenRate),
        ["unseenPValue"] = f.UnseenPValue is { } u ? N(u) : null,
        ["pValue"] = N(f.PValue),
        ["alarm"] = f.Alarm,
    };

    private static JsonNode? N(double value) => JsonNumber.Of(value);
}

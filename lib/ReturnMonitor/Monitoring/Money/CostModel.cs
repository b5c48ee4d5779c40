using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// What returns cost and what acting on the model's predictions is worth, in one currency. The cost of one returned
/// order i is <c>c_i = ReturnHandling + ReturnShipping + PriceLostShare · price_i</c>; an intervention (size advice, a
/// confirmation call…) on an order the model predicts to be returned costs <see cref="InterventionCost"/> and prevents
/// the share <see cref="InterventionPreventedShare"/> of the returns it targets. Loaded from a small JSON file
/// (<see cref="Load"/>; every field required, none negative) or <see cref="Default"/>.
/// </summary>
/// <param name="Currency">Label of the money unit, e.g. <c>EUR</c>; only printed. Empty when the cost file gives none (prices in the shop's own unit): amounts are then printed without a code (<see cref="Text.NumberText.Money"/>).</param>
/// <param name="ReturnHandling">Fixed cost of receiving, inspecting and restocking one return, ≥ 0.</param>
/// <param name="ReturnShipping">Return shipping paid by the shop per return, ≥ 0.</param>
/// <param name="PriceLostShare">Share of the product price lost per return (markdown, write-off), in [0, 1].</param>
/// <param name="InterventionCost">Cost of one intervention on an order predicted to be returned, ≥ 0.</param>
/// <param name="InterventionPreventedShare">Share of the targeted returns an intervention prevents, in [0, 1].</param>
public sealed record CostModel(
    string Currency,
    double ReturnHandling,
    double ReturnShipping,
    double PriceLostShare,
    double InterventionCost,
    double InterventionPreventedShare)
{
    /// <summary>
    /// Illustrative defaults (not any real shop's figures): EUR, 8.00 handling + 6.50 shipping + 15% of the price lost
    /// per return; an intervention costs 1.50 and prevents 25% of the returns it targets.
    /// </summary>
    public static CostModel Default { get; } = new("EUR", 8.00, 6.50, 0.15, 1.50, 0.25);

    /// <summary>
    /// The figures of <see cref="Default"/> without its currency, for a table other than the demo's when no cost file is
    /// given: they are the demo shop's assumptions, and the other shop's prices are in a unit we do not know, so no code
    /// is printed, and <see cref="Note"/> says so once (<c>costs: demo defaults, no currency</c>).
    /// </summary>
    public static CostModel DemoDefaultsWithoutCurrency { get; } = Default with { Currency = "", Note = "demo defaults, no currency" };

    /// <summary>
    /// Where the figures come from when that needs saying (<see cref="DemoDefaultsWithoutCurrency"/>); null for a cost
    /// file and for the demo's own defaults. Not part of a cost file.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>The cost model when no cost file is given: <see cref="Default"/> for the demo's table, else <see cref="DemoDefaultsWithoutCurrency"/>.</summary>
    /// <param name="demoTable">Whether the data are the demo's columns (a profile without a schema of its own).</param>
    public static CostModel DefaultFor(bool demoTable) => demoTable ? Default : DemoDefaultsWithoutCurrency;

    /// <summary>The JSON field names, in file order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } =
        ["currency", "returnHandling", "returnShipping", "priceLostShare", "interventionCost", "interventionPreventedShare"];

    /// <summary>Cost of returning one order of this price: handling + shipping + price-lost share · price.</summary>
    public double ReturnCost(double price) => ReturnHandling + ReturnShipping + PriceLostShare * price;

    /// <summary>Expected net value of intervening on one order: p · preventedShare · c − interventionCost.</summary>
    /// <param name="returnProbability">Probability that the order is returned without intervention.</param>
    /// <param name="returnCost">The order's return cost <see cref="ReturnCost"/>.</param>
    public double InterventionValue(double returnProbability, double returnCost) =>
        returnProbability * InterventionPreventedShare * returnCost - InterventionCost;

    /// <summary>Reads and validates a cost file.</summary>
    /// <exception cref="DataFormatException">Missing file, malformed JSON, or a field missing, of the wrong type, negative, or a share above 1; the message names the file and the field.</exception>
    public static CostModel Load(string path)
    {
        return Parse(InputFiles.ReadAllText(path, what: "cost file"), path);
    }

    /// <summary>The cost file at <paramref name="path"/>, validated as by <see cref="Load"/>, or <see cref="Default"/> when no file is given.</summary>
    /// <exception cref="DataFormatException">As <see cref="Load"/>.</exception>
    public static CostModel LoadOrDefault(string? path) => path is null ? Default : Load(path);

    /// <summary>Parses the JSON text of a cost file; <paramref name="name"/> is used in error messages.</summary>
    /// <exception cref="DataFormatException">As <see cref="Load"/>.</exception>
    public static CostModel Parse(string json, string name = "<costs>")
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new DataFormatException(name, null, null, "a cost file is one JSON object");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(name, e.LineNumber is { } line ? line + 1 : null, null, $"not valid JSON: {e.Message.Split('.')[0]}");
        }

        var unknown = root.Select(p => p.Key).Where(k => !FieldNames.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            // A misspelt field would otherwise silently fall back to nothing: say which names are known.
            throw new DataFormatException(name, null, unknown[0], $"unknown field; expected {string.Join(", ", FieldNames)}");
        }

        // The currency may be left out (or null): the amounts are in the unit of the prices and are printed without a
        // code. Given, it must be a non-empty string.
        var currency = root["currency"] is not { } node ? ""
            : node is JsonValue c && c.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim()
            : throw new DataFormatException(name, null, "currency", "empty or not text: give the money unit, e.g. \"EUR\", or leave the field out");
        return new CostModel(
            currency,
            Amount(root, name, "returnHandling", share: false),
            Amount(root, name, "returnShipping", share: false),
            Amount(root, name, "priceLostShare", share: true),
            Amount(root, name, "interventionCost", share: false),
            Amount(root, name, "interventionPreventedShare", share: true));
    }

    /// <summary>The cost model as the JSON a cost file holds (round-trips through <see cref="Parse"/>).</summary>
    public string ToJson() => new JsonObject
    {
        ["currency"] = Currency.Length > 0 ? Currency : null,
        ["returnHandling"] = ReturnHandling,
        ["returnShipping"] = ReturnShipping,
        ["priceLostShare"] = PriceLostShare,
        ["interventionCost"] = InterventionCost,
        ["interventionPreventedShare"] = InterventionPreventedShare,
    }.ToJsonString(ReturnMonitor.Json.JsonDefaults.Options) + "\n";

    private static double Amount(JsonObject root, string name, string field, bool share)
    {
        if (!root.TryGetPropertyValue(field, out var node) || node is null)
        {
            throw new DataFormatException(name, null, field, "missing");
        }

        if (node is not JsonValue value || !value.TryGetValue<double>(out var number))
        {
            throw new DataFormatException(name, null, field, $"'{node.ToJsonString()}' is not a number");
        }

        if (!double.IsFinite(number) || number < 0)
        {
            throw new DataFormatException(name, null, field, $"{number.ToString(CultureInfo.InvariantCulture)} is negative; costs and shares are ≥ 0");
        }

        if (share && number > 1)
        {
            throw new DataFormatException(name, null, field, $"{number.ToString(CultureInfo.InvariantCulture)} is a share and must lie in [0, 1] (0.15 = 15%)");
        }

        return number;
    }
}

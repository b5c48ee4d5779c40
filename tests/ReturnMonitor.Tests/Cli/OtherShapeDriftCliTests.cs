using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ReturnMonitor.Tests.Data;
using ReturnMonitor.Tests.Drift;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// Issue 20's proof on a table of another shape (<see cref="OtherShapeOrders"/>): <c>drift --reference a.csv --current
/// b.csv --format json</c> exits 0 without a schema file, ignores the index, the id and the free text with a reason,
/// and each numeric feature's KS statistic and p-value and the categorical feature's chi-square p-value equal scipy's on
/// the same columns (Drift/Reference/other_shape.json, from tests/reference/make_other_shape_reference.py).
/// Before: "column 'customer_purchase_history': required column is missing from the header", exit 1.
/// </summary>
public sealed class OtherShapeDriftCliTests
{
    private static readonly Lazy<(string Reference, string Current)> Files = new(() =>
        (OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: true), "a.csv"), OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: false), "b.csv")));

    [Fact]
    public void The_fixture_is_the_one_scipy_was_run_on()
    {
        var expected = ReferenceData.Load("other_shape.json");

        Assert.Equal(expected.GetProperty("referenceSha256").GetString(), Sha256(OtherShapeOrders.Csv(reference: true)));
        Assert.Equal(expected.GetProperty("currentSha256").GetString(), Sha256(OtherShapeOrders.Csv(reference: false)));
    }

    [Fact]
    public void Drift_on_another_shape_exits_0_and_equals_scipy()
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Files.Value.Reference, "--current", Files.Value.Current, "--format", "json");

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var features = json["features"]!.AsArray();
        Assert.Equal(["Product_Price", "customer_tenure_days", "payment_method"], features.Select(f => (string)f!["name"]!).ToArray());
        var expected = ReferenceData.Load("other_shape.json");
        foreach (var numeric in expected.GetProperty("numeric").EnumerateArray())
        {
            var feature = features.Single(f => (string?)f!["name"] == numeric.GetProperty("name").GetString())!;
            AssertClose(numeric.GetProperty("ksStatistic").GetDouble(), (double)feature["ksStatistic"]!);
            AssertClose(numeric.GetProperty("ksPValue").GetDouble(), (double)feature["ksPValue"]!);
        }

        var categorical = expected.GetProperty("categorical")[0];
        var payment = features.Single(f => (string?)f!["name"] == "payment_method")!;
        AssertClose(categorical.GetProperty("chiSquare").GetDouble(), (double)payment["chiSquare"]!);
        AssertClose(categorical.GetProperty("chiSquarePValue").GetDouble(), (double)payment["chiSquarePValue"]!);
        // The text label maps through its positive value: the reference's return rate is the share of "Returned".
        Assert.Equal(ReturnedInReference(), (long)json["targetDrift"]!["referenceReturned"]!);
    }

    [Fact]
    public void The_inferred_decisions_are_printed_on_stderr_with_their_reasons()
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Files.Value.Reference, "--current", Files.Value.Current, "--format", "json");

        Assert.True(code == 0, stderr);
        Assert.StartsWith("{", stdout);
        Assert.Contains("(empty header): ignored, empty header (an index column)", stderr);
        Assert.Contains("order_id: id, named like an id", stderr);
        Assert.Contains("Description: ignored, free text", stderr);
        Assert.Contains("InvoiceDate: timestamp", stderr);
        Assert.Contains("Return_Status: target", stderr);
    }

    [Fact]
    public void A_column_missing_from_the_batch_is_a_data_quality_alarm_and_the_batch_is_still_monitored()
    {
        var batch = OtherShapeOrders.Write(
            OtherShapeOrders.Csv(reference: false, (_, _) => true, shape: Drop),
            "no-tenure.csv");

        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Files.Value.Reference, "--current", batch, "--format", "json");

        Assert.True(code == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var tenure = json["features"]!.AsArray().Single(f => (string?)f!["name"] == "customer_tenure_days")!;
        Assert.Equal("no value in the batch", (string?)tenure["notComputable"]);
        var quality = json["dataQuality"]!;
        Assert.True((bool)quality["alarm"]!);
        var named = quality["features"]!.AsArray().Single(f => (string?)f!["name"] == "customer_tenure_days")!;
        Assert.Equal(300, (long)named["missing"]!);
        Assert.True((bool)named["alarm"]!);
        // The other features are still measured.
        Assert.NotNull(json["features"]!.AsArray().Single(f => (string?)f!["name"] == "payment_method")!["chiSquarePValue"]);
    }

    [Fact]
    public void An_entirely_empty_batch_column_is_a_data_quality_alarm_naming_it()
    {
        var batch = OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: false, (_, cells) => Blank(cells, 3)), "no-method.csv");

        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Files.Value.Reference, "--current", batch, "--format", "json");

        Assert.True(code == 0, stderr);
        var quality = JsonNode.Parse(stdout)!["dataQuality"]!;
        var named = quality["features"]!.AsArray().Single(f => (string?)f!["name"] == "payment_method")!;
        Assert.Equal(300, (long)named["missing"]!);
        Assert.True((bool)named["alarm"]!);
    }

    [Fact]
    public void Gaps_in_the_reference_are_counted_and_become_the_baseline_and_strict_refuses_them()
    {
        // Every 10th reference price empty: a 10% baseline, so a batch with 10% gaps does not alarm on it.
        var reference = OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: true, (i, cells) => i % 10 != 3 || Blank(cells, 2)), "gaps.csv");
        var batch = OtherShapeOrders.Write(OtherShapeOrders.Csv(reference: false, (i, cells) => i % 10 != 3 || Blank(cells, 2)), "batch-gaps.csv");
        var profile = Path.Combine(CliRunner.TempDirectory(), "profile.json");

        var (code, _, stderr) = CliRunner.Run("profile", "--data", reference, "--out", profile);
        Assert.True(code == 0, stderr);
        var saved = JsonNode.Parse(File.ReadAllText(profile))!;
        Assert.Equal(40, (long)saved["numeric"]!.AsArray().Single(f => (string?)f!["name"] == "Product_Price")!["missing"]!);
        Assert.Equal("Return_Status", (string?)saved["schema"]!["columns"]!.AsArray().Single(c => (string?)c!["role"] == "target")!["name"]);

        var (driftCode, stdout, driftErr) = CliRunner.Run("drift", "--reference", profile, "--current", batch, "--format", "json");
        Assert.True(driftCode == 0, driftErr);
        var price = JsonNode.Parse(stdout)!["dataQuality"]!["features"]!.AsArray().Single(f => (string?)f!["name"] == "Product_Price")!;
        Assert.Equal(30, (long)price["missing"]!);
        Assert.False((bool)price["alarm"]!);

        var (strictCode, strictOut, strictErr) = CliRunner.Run("profile", "--data", reference, "--out", profile, "--strict");
        Assert.Equal(1, strictCode);
        Assert.Equal("", strictOut);
        Assert.Contains("gaps.csv:5: column 'Product_Price': empty value", strictErr);
        Assert.DoesNotContain("   at ", strictErr);
    }

    [Fact]
    public void Every_month_cuts_the_batch_by_the_schema_timestamp_into_one_check_per_period()
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", Files.Value.Reference, "--current", Files.Value.Current, "--every", "month", "--format", "json");

        Assert.True(code == 0, stderr);
        var periods = JsonNode.Parse(stdout)!["periods"]!.AsArray();
        // Months 4 + (i mod 3): 100 orders each in April, May and June 2024.
        Assert.Equal(["2024-04", "2024-05", "2024-06"], periods.Select(p => (string)p!["period"]!).ToArray());
        Assert.All(periods, p => Assert.Equal(100, (long)p!["check"]!["rows"]!["current"]!));
    }

    private static long ReturnedInReference() => Enumerable.Range(0, 400).Count(i => i * 11 % 9 == 0);

    private static string[] Drop(string[] cells) => cells.Where((_, k) => k != 4).ToArray();

    private static bool Blank(string[] cells, int column)
    {
        cells[column] = "";
        return true;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), 1e-300), $"expected {expected:R}, got {actual:R}");
}

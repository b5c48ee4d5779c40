using System.Net;
using System.Text.Json.Nodes;
using ReturnMonitor.Data;

namespace ReturnMonitor.Tests.Cli;

public class CliTests
{
    private static string DataFile(string name) => Path.Combine(TestPaths.Data, name);

    [Fact]
    public void Generate_writes_the_four_files_identically_for_the_same_seed()
    {
        var a = CliRunner.TempDirectory();
        var b = CliRunner.TempDirectory();
        var first = CliRunner.Run("generate", "--out", a, "--seed", "5", "--train-size", "300", "--batch-size", "100");
        var second = CliRunner.Run("generate", "--out", b, "--seed", "5", "--train-size", "300", "--batch-size", "100");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        foreach (var file in new[] { "train.csv", "batch_1_normal.csv", "batch_2_flash_sale.csv", "batch_3_supply_crisis.csv" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, file)), File.ReadAllBytes(Path.Combine(b, file)));
        }

        Assert.Equal(301, File.ReadAllLines(Path.Combine(a, "train.csv")).Length);
        Assert.Contains("batch_2_flash_sale.csv: 100 orders", first.Out);
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Demo_regenerates_the_committed_data_and_writes_drift_and_model_health_for_every_batch()
    {
        var data = CliRunner.TempDirectory();
        var output = CliRunner.TempDirectory();
        var (code, stdout, stderr) = CliRunner.Run("demo", "--data", data, "--out", output);

        Assert.Equal(0, code);
        Assert.DoesNotContain("error", stderr);
        foreach (var file in new[] { "train.csv", "batch_1_normal.csv", "batch_2_flash_sale.csv", "batch_3_supply_crisis.csv" })
        {
            Assert.Equal(File.ReadAllBytes(DataFile(file)), File.ReadAllBytes(Path.Combine(data, file)));
        }

        Assert.True(File.Exists(Path.Combine(output, "report.html")));
        Assert.Contains("Model health", stdout);
        var healthy = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "drift", "batch_1_normal.json")))!;
        var flash = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "drift", "batch_2_flash_sale.json")))!;
        Assert.Equal("healthy", (string)healthy["status"]!);
        Assert.Empty(healthy["performance"]!["alerts"]!.AsArray());
        Assert.False((bool)healthy["multivariate"]!["drifted"]!);
        Assert.Equal("critical", (string)flash["status"]!);
        Assert.True((bool)flash["multivariate"]!["drifted"]!);
        Assert.True((bool)flash["predictionDrift"]!["drifted"]!);
        // The estimate comes from probabilities alone; on the flash sale it alerts, but is optimistic (see README).
        var estimated = (double)flash["performance"]!["estimated"]!["accuracy"]!;
        var realized = (double)flash["performance"]!["realized"]!["accuracy"]!;
        Assert.True(estimated > realized, $"estimated {estimated} vs realized {realized}");
        Assert.Contains("estimated accuracy", flash["performance"]!["alerts"]!.AsArray().Select(a => (string)a!));
        // The findings travel with the document; with a model they include the realized degradation.
        Assert.Equal("maintain", (string)healthy["urgency"]!);
        Assert.Equal(["No drift"], healthy["findings"]!.AsArray().Select(f => (string)f!["title"]!));
        Assert.Equal("urgent", (string)flash["urgency"]!);
        Assert.Contains("Model performance down", flash["findings"]!.AsArray().Select(f => (string)f!["title"]!));
    }

    [Fact]
    public void Help_names_the_command_returnmonitor_however_it_is_started()
    {
        var (code, stdout, _) = CliRunner.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("returnmonitor [command] [options]", stdout);
        Assert.Contains("returnmonitor drift [options]", CliRunner.Run("drift", "--help").Out);
    }

    [Fact]
    public void Train_prints_metrics_and_writes_model_and_profile()
    {
        var output = CliRunner.TempDirectory();
        var (code, stdout, _) = CliRunner.Run("train", "--data", DataFile("train.csv"), "--out", output);

        Assert.Equal(0, code);
        Assert.Contains("ROC-AUC", stdout);
        Assert.Contains("previous_returns", stdout);
        Assert.True(File.Exists(Path.Combine(output, "model.zip")));
        var profile = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "profile.json")))!;
        Assert.Equal("returnmonitor-profile", (string?)profile["format"]);
        Assert.Equal(5000, (long?)profile["rows"]);
        var training = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "training.json")))!;
        Assert.True((double?)training["test"]!["rocAuc"] >= 0.88);
        // The folder is complete: the library loads what the CLI wrote.
        Assert.Equal(5000, ReturnMonitor.Monitoring.ModelDirectory.Load(output).Profile.Summary.Rows);
    }

    [Fact]
    public void Drift_json_has_the_documented_shape()
    {
        var (code, stdout, _) = CliRunner.Run("drift", "--reference", DataFile("train.csv"), "--current", DataFile("batch_2_flash_sale.csv"), "--format", "json");

        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("critical", (string?)json["status"]);
        Assert.InRange((double)json["score"]!, 20, 99.999);
        Assert.Equal(5000, (long)json["rows"]!["reference"]!);
        Assert.Equal(1000, (long)json["rows"]!["current"]!);
        var features = json["features"]!.AsArray();
        Assert.Equal(OrderSchema.Features.Select(f => f.Name), features.Select(f => (string)f!["name"]!));
        foreach (var feature in features)
        {
            var kind = (string)feature!["kind"]!;
            Assert.Contains((string)feature["severity"]!, new[] { "none", "moderate", "severe" });
            Assert.NotNull(feature["psi"]);
            var expected = kind == "numeric"
                ? new[] { "ksStatistic", "ksPValue", "wasserstein", "wassersteinNormed", "referenceMean", "currentMean", "meanShiftPercent" }
                : new[] { "chiSquare", "chiSquarePValue", "degreesOfFreedom", "jensenShannon" };
            Assert.All(expected, key => Assert.True(feature.AsObject().ContainsKey(key), $"{feature["name"]} lacks {key}"));
        }

        Assert.InRange((double)json["targetDrift"]!["currentRate"]!, 0.3, 0.4);
        Assert.Equal("urgent", (string)json["urgency"]!);
        Assert.NotEmpty(json["recommendedActions"]!.AsArray());
        foreach (var finding in json["findings"]!.AsArray())
        {
            Assert.Contains((string)finding!["urgency"]!, new[] { "maintain", "monitor", "urgent" });
            Assert.NotEqual("", (string)finding["title"]!);
            Assert.NotEqual("", (string)finding["evidence"]!);
            Assert.NotEmpty(finding["actions"]!.AsArray());
        }

        // Without a model the model sections are absent, not null.
        Assert.All(new[] { "performance", "predictionDrift", "multivariate" }, key => Assert.False(json.AsObject().ContainsKey(key)));
    }

    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Drift_json_text_and_the_dashboard_show_the_same_findings()
    {
        var reference = DataFile("train.csv");
        var batch = DataFile("batch_2_flash_sale.csv");
        var json = JsonNode.Parse(CliRunner.Run("drift", "--reference", reference, "--current", batch, "--format", "json").Out)!;
        var text = CliRunner.Run("drift", "--reference", reference, "--current", batch).Out;
        var html = Path.Combine(CliRunner.TempDirectory(), "report.html");
        Assert.Equal(0, CliRunner.Run("report", "--reference", reference, "--current", batch, "--out", html).ExitCode);
        var page = File.ReadAllText(html);
        var panel = page[page.IndexOf("id=\"findings-0\"", StringComparison.Ordinal)..page.IndexOf("<p class=\"actions\">", StringComparison.Ordinal)];

        var findings = json["findings"]!.AsArray().Select(f => (Title: (string)f!["title"]!, Evidence: (string)f["evidence"]!, Urgency: (string)f["urgency"]!)).ToArray();
        Assert.Equal(
            ["Flash-sale pattern: deep discounts bought on impulse", "Logistics pattern: late deliveries", "Return rate up"],
            findings.Select(f => f.Title));
        foreach (var (title, evidence, urgency) in findings)
        {
            Assert.Contains($"<b>{WebUtility.HtmlEncode(title)}</b>: {WebUtility.HtmlEncode(evidence)}", panel);
            Assert.Contains($"- [{urgency}] {title}: {evidence}", text);
        }

        Assert.Equal(findings.Length, System.Text.RegularExpressions.Regex.Matches(panel, "<li><span class=\"urgency").Count);
        Assert.Contains($"Recommended actions (urgent): {string.Join(" · ", json["recommendedActions"]!.AsArray().Select(a => (string)a!))}", text);
    }

    [Fact]
    public void Drift_reads_a_profile_exactly_like_the_raw_reference_file()
    {
        var output = CliRunner.TempDirectory();
        Assert.Equal(0, CliRunner.Run("train", "--data", DataFile("train.csv"), "--out", output).ExitCode);

        var fromCsv = CliRunner.Run("drift", "--reference", DataFile("train.csv"), "--current", DataFile("batch_3_supply_crisis.csv"), "--format", "json");
        var fromProfile = CliRunner.Run("drift", "--reference", Path.Combine(output, "profile.json"), "--current", DataFile("batch_3_supply_crisis.csv"), "--format", "json");

        Assert.Equal(RemoveReferenceName(fromCsv.Out), RemoveReferenceName(fromProfile.Out));
    }

    [Theory]
    [InlineData("batch_1_normal.csv", "critical", 0)]
    [InlineData("batch_2_flash_sale.csv", "critical", 2)]
    [InlineData("batch_2_flash_sale.csv", "warning", 2)]
    [InlineData("batch_1_normal.csv", "warning", 0)]
    [InlineData("batch_3_supply_crisis.csv", "critical", 2)]
    public void Fail_on_returns_2_only_when_the_status_is_reached(string batch, string failOn, int expected)
    {
        var (code, _, _) = CliRunner.Run("drift", "--reference", DataFile("train.csv"), "--current", DataFile(batch), "--fail-on", failOn);
        Assert.Equal(expected, code);
    }

    [Fact]
    public void Drift_text_names_the_status_and_every_feature()
    {
        var (code, stdout, _) = CliRunner.Run("drift", "--reference", DataFile("train.csv"), "--current", DataFile("batch_1_normal.csv"));

        Assert.Equal(0, code);
        Assert.Contains("Status: HEALTHY", stdout);
        Assert.All(OrderSchema.Features, f => Assert.Contains(f.Name, stdout));
    }

    [Fact]
    public void Bad_input_is_one_line_on_stderr_with_exit_code_1()
    {
        var directory = CliRunner.TempDirectory();
        var bad = Path.Combine(directory, "bad.csv");
        File.WriteAllText(bad, File.ReadAllLines(DataFile("batch_1_normal.csv"))[0] + "\n12,abc,4,2,0,0,3,0,Beauty,NA\n");

        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", DataFile("train.csv"), "--current", bad);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {bad}:2: column 'customer_purchase_history': 'abc' is not a number\n", stderr);
    }

    [Theory]
    [InlineData("drift", "--reference", "missing.csv", "--current", "missing.csv")]
    [InlineData("train", "--data", "missing.csv", "--out", "x")]
    public void Missing_files_are_one_line_errors(params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);
        Assert.Equal(1, code);
        Assert.Equal("error: missing.csv: file not found\n", stderr);
    }

    [Fact]
    public void Empty_batch_is_a_clear_error()
    {
        var directory = CliRunner.TempDirectory();
        var empty = Path.Combine(directory, "empty.csv");
        File.WriteAllText(empty, File.ReadAllLines(DataFile("batch_1_normal.csv"))[0] + "\n");

        var (code, _, stderr) = CliRunner.Run("drift", "--reference", DataFile("train.csv"), "--current", empty);

        Assert.Equal(1, code);
        Assert.Equal($"error: {empty} has no orders: nothing to check\n", stderr);
    }

    [Theory]
    [InlineData("drift", "--current", "x.csv")]
    [InlineData("drift", "--reference", "a.csv", "--current", "b.csv", "--format", "xml")]
    [InlineData("no-such-command")]
    [InlineData("generate", "--out", "x", "--train-size", "0")]
    public void Usage_errors_exit_with_1_and_no_stack_trace(params string[] args)
    {
        var (code, _, stderr) = CliRunner.Run(args);
        Assert.Equal(1, code);
        Assert.DoesNotContain("   at ", stderr);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public void A_category_unseen_in_training_is_reported_as_drift_not_an_error()
    {
        var directory = CliRunner.TempDirectory();
        var batch = OrderCsv.Read(DataFile("batch_1_normal.csv"));
        var categories = batch.Categorical(OrderSchema.ProductCategory).Select((c, i) => i % 5 == 0 ? "Garden_Tools" : c).ToArray();
        var path = Path.Combine(directory, "garden.csv");
        OrderCsv.Write(batch.WithCategorical(OrderSchema.ProductCategory, categories), path);

        var (code, stdout, _) = CliRunner.Run("drift", "--reference", DataFile("train.csv"), "--current", path, "--format", "json");

        Assert.Equal(0, code);
        var category = JsonNode.Parse(stdout)!["features"]!.AsArray().Single(f => (string?)f!["name"] == OrderSchema.ProductCategory)!;
        Assert.Equal("severe", (string?)category["severity"]);
        Assert.Equal(["Garden_Tools"], category["newCategories"]!.AsArray().Select(c => (string)c!));
    }

    private static string RemoveReferenceName(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("reference");
        return node.ToJsonString();
    }
}

public class ReportCommandTests
{
    [Trait(Traits.Category, Traits.Slow)]
    [Fact]
    public void Report_writes_one_page_for_several_batches_with_the_model()
    {
        var output = CliRunner.TempDirectory();
        Assert.Equal(0, CliRunner.Run("train", "--data", Path.Combine(TestPaths.Data, "train.csv"), "--out", output).ExitCode);
        var html = Path.Combine(output, "report.html");

        var (code, stdout, _) = CliRunner.Run(
            "report", "--reference", Path.Combine(output, "profile.json"),
            "--current", Path.Combine(TestPaths.Data, "batch_1_normal.csv"), "--current", Path.Combine(TestPaths.Data, "batch_2_flash_sale.csv"),
            "--model", output, "--out", html);

        Assert.Equal(0, code);
        Assert.Contains("(2 batch(es))", stdout);
        var page = File.ReadAllText(html);
        Assert.Contains("id=\"batch-1\"", page);
        Assert.DoesNotContain("id=\"batch-2\"", page);
        Assert.Contains("model ROC-AUC (realized)", page);
        Assert.Contains("Flash-sale pattern", page);
    }
}

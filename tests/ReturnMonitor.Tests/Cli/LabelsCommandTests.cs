using System.Text.Json.Nodes;

namespace ReturnMonitor.Tests.Cli;

/// <summary>
/// <c>monitor --id-column</c> records periods with their order ids; <c>labels</c> (and <c>monitor --labels</c>) joins
/// labels that arrive later: one line per period, counts of unknown and duplicate ids, idempotent, and the realized
/// figures in <c>history</c> equal those of monitoring the same orders labelled.
/// </summary>
public sealed class LabelsCommandTests
{
    private static readonly string Folder = Path.Combine(TestPaths.Repository, "tests", "ReturnMonitor.Tests", "Modeling", "Scoring", "Reference");

    [Fact]
    public void Labels_join_late_once_and_history_shows_the_labelled_checks_figures()
    {
        var dir = CliRunner.TempDirectory();
        var (reference, batches, labelled, labels) = Files(dir);
        var history = Path.Combine(dir, "history.db");
        for (var k = 0; k < 2; k++)
        {
            var (code, _, stderr) = CliRunner.Run(Monitor(reference, history, batches[k], k == 0 ? "2026-W14" : "2026-W15", "--id-column", "order_id"));
            Assert.True(code == 0, stderr);
        }

        var (exit, stdout, err) = CliRunner.Run("labels", "--history", history, "--labels", labels, "--id-column", "order_id");
        Assert.True(exit == 0, err);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("labels.csv: 1,002 label(s): 1,000 new, 0 already known, 0 conflicting, 1 unknown id(s) (no recorded period holds them; first: line 1002, id 'NOPE'), 1 duplicate id(s)", lines[0]);
        Assert.StartsWith("2026-W14 batch-0.csv: labelled 500/500 (100.0%): realized accuracy ", lines[1]);
        Assert.StartsWith("2026-W15 batch-1.csv: labelled 500/500 (100.0%): realized accuracy ", lines[2]);
        Assert.Equal("warning: labels.csv: 1 unknown id(s), 1 duplicate id(s), 0 conflicting label(s) (see the first line of the output)\n", err);

        // Again: nothing changes.
        var (_, again, _) = CliRunner.Run("labels", "--history", history, "--labels", labels, "--id-column", "order_id");
        Assert.StartsWith("labels.csv: 1,002 label(s): 0 new, 1,000 already known,", again);

        // The same orders monitored labelled in one shot give the same realized figures.
        var oneShot = Path.Combine(dir, "one-shot.db");
        Assert.Equal(0, CliRunner.Run(Monitor(reference, oneShot, labelled[0], "2026-W14")).ExitCode);
        var late = Batch(history, 0);
        var expected = Batch(oneShot, 0);
        Assert.Equal(500, (int)late["labelled"]!);
        Assert.Equal("order_id", (string)late["idColumn"]!);
        Assert.Equal((double)expected["returnRate"]!, (double)late["returnRate"]!);
        for (var m = 0; m < 5; m++)
        {
            Assert.Equal((double)expected["modelHealth"]![m]!["realized"]!, (double)late["modelHealth"]![m]!["realized"]!);
            Assert.Equal((double)expected["modelHealth"]![m]!["estimated"]!, (double)late["modelHealth"]![m]!["estimated"]!);
        }

        Assert.Equal((double)expected["money"]!["realizedReturnCost"]!, (double)late["money"]!["realizedReturnCost"]!);
        var csv = CliRunner.Run("history", "--history", history, "--format", "csv").Out.Split('\n');
        Assert.Contains(",labelled,estimated_roc_auc,realized_roc_auc,", csv[0]);
        var text = CliRunner.Run("history", "--history", history).Out;
        Assert.Contains("accuracy: 2 labelled period(s), mean error (estimated − realized) ", text);
    }

    [Fact]
    public void Monitor_labels_joins_after_recording_and_bad_labels_are_one_line()
    {
        var dir = CliRunner.TempDirectory();
        var (reference, batches, _, labels) = Files(dir);
        var history = Path.Combine(dir, "history.db");
        var (code, stdout, stderr) = CliRunner.Run([.. Monitor(reference, history, batches[0], "2026-W14", "--id-column", "order_id"), "--labels", labels]);
        Assert.True(code == 0, stderr);
        Assert.Contains("labels.csv: 1,002 label(s): 500 new, 0 already known, 0 conflicting, 501 unknown id(s)", stdout);
        Assert.Contains("2026-W14 batch-0.csv: labelled 500/500 (100.0%): realized accuracy", stdout);

        var bad = Path.Combine(dir, "bad.csv");
        File.WriteAllLines(bad, ["order_id,returned", "A0000,1", "A0001,maybe"]);
        var (exit, output, error) = CliRunner.Run("labels", "--history", history, "--labels", bad, "--id-column", "order_id");
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.Contains("bad.csv:3: column 'returned'", error);
        Assert.Contains("'maybe' is not 0 or 1", error);

        var (missing, _, why) = CliRunner.Run("labels", "--history", history, "--labels", bad, "--id-column", "order");
        Assert.Equal(1, missing);
        Assert.Contains("the column is missing from the header", why);
        Assert.Equal(1, CliRunner.Run("labels", "--history", history, "--labels", labels, "--id-column", "order_id", "--min-labelled", "0").ExitCode);
    }

    [Fact]
    public void Monitor_reads_a_scored_reference_of_another_shape_cuts_it_by_month_and_late_labels_join()
    {
        // A model trained elsewhere on a table that is not the demo's: ids, a date, a price with cents, a channel, a
        // text label. The reference is read as drift reads it (schema inferred, --target/--positive, the score column
        // as a score); the batch holds three months without labels; the labels land later.
        var dir = CliRunner.TempDirectory();
        var random = new Random(11);
        string Row(string id, int month, int day, bool withLabel, out (bool Returned, double Score) truth)
        {
            var amount = Math.Round(5 + (random.NextDouble() * 120), 2);
            var channel = random.Next(3) switch { 0 => "web", 1 => "app", _ => "store" };
            var score = 1 / (1 + Math.Exp(-(-2.5 + (0.02 * amount) + (channel == "app" ? 0.6 : 0))));
            var returned = random.NextDouble() < score;
            truth = (returned, Math.Round(score, 6));
            var label = withLabel ? (returned ? ",Returned" : ",Kept") : "";
            return FormattableString.Invariant($"{id},2025-{month:D2}-{day:D2},{amount:0.00},{channel}{label},{truth.Score:0.000000}");
        }

        var reference = Path.Combine(dir, "validation.csv");
        File.WriteAllLines(reference, Enumerable.Range(0, 1500).Select(i => Row($"V{i:D5}", 1 + (i % 3), 1 + (i % 28), true, out _))
            .Prepend("order_id,order_date,amount,channel,Return_Status,proba"));
        var truths = new List<(string Id, int Month, bool Returned, double Score)>();
        var batchLines = new List<string> { "order_id,order_date,amount,channel,proba" };
        for (var i = 0; i < 1200; i++)
        {
            var month = 4 + (i / 400);
            batchLines.Add(Row($"B{i:D5}", month, 1 + (i % 28), false, out var t));
            truths.Add(($"B{i:D5}", month, t.Returned, t.Score));
        }

        var batch = Path.Combine(dir, "orders.csv");
        File.WriteAllLines(batch, batchLines);
        var history = Path.Combine(dir, "h.db");
        var (code, stdout, stderr) = CliRunner.Run("monitor", "--reference", reference, "--target", "Return_Status", "--positive", "Returned",
            "--score-column", "proba", "--current", batch, "--timestamp", "order_date", "--every", "month", "--history", history, "--id-column", "order_id");
        Assert.True(code == 0, stderr);
        Assert.Equal(3, stdout.Split('\n').Count(l => l.StartsWith("2025-0", StringComparison.Ordinal)));
        Assert.Contains("proba: score", stderr);

        var labels = Path.Combine(dir, "returns.csv");
        File.WriteAllLines(labels, truths.Select(t => $"{t.Id},{(t.Returned ? "Returned" : "Kept")}").Prepend("order_id,Return_Status"));
        var (exit, output, error) = CliRunner.Run("labels", "--history", history, "--labels", labels, "--id-column", "order_id", "--target", "Return_Status", "--positive", "Returned");
        Assert.True(exit == 0, error);
        Assert.StartsWith("returns.csv: 1,200 label(s): 1,200 new, 0 already known, 0 conflicting, 0 unknown ids, 0 duplicate ids", output);
        for (var k = 0; k < 3; k++)
        {
            // Realized accuracy at the default threshold 0.5, counted here from the same orders.
            var month = truths.Where(t => t.Month == 4 + k).ToArray();
            var accuracy = month.Count(t => (t.Score >= 0.5) == t.Returned) / (double)month.Length;
            var recorded = Batch(history, k)["modelHealth"]!.AsArray().Single(m => (string)m!["metric"]! == "accuracy")!;
            Assert.Equal(accuracy, (double)recorded["realized"]!, 12);
            Assert.Equal(400, (int)Batch(history, k)["labelled"]!);
        }

        // With a model folder the column options are refused: the folder carries its own schema.
        var (refused, _, why) = CliRunner.Run("monitor", "--model", dir, "--target", "Return_Status", "--current", batch, "--period", "2025-04", "--history", history);
        Assert.Equal(1, refused);
        Assert.Contains("a model folder carries its own schema", why);
    }

    private static string[] Monitor(string reference, string history, string batch, string period, params string[] more) =>
        ["monitor", "--reference", reference, "--score-column", "proba", "--prediction-column", "pred", "--history", history, "--current", batch, "--period", period, .. more];

    private static JsonNode Batch(string history, int index) =>
        JsonNode.Parse(CliRunner.Run("history", "--history", history, "--format", "json").Out)!["batches"]![index]!;

    /// <summary>The reference with ids, two unlabelled batches of 500 with ids, the first batch labelled, and a labels file.</summary>
    private static (string Reference, string[] Batches, string[] Labelled, string Labels) Files(string dir)
    {
        var reference = File.ReadAllLines(Path.Combine(Folder, "reference_scored.csv"));
        var referencePath = Path.Combine(dir, "reference.csv");
        File.WriteAllLines(referencePath, reference.Select((l, i) => (i == 0 ? "order_id" : $"R{i:D5}") + "," + l));
        var batch = File.ReadAllLines(Path.Combine(Folder, "batch_scored.csv"));
        var target = Array.IndexOf(batch[0].Split(','), "returned");
        var withIds = batch.Select((l, i) => (i == 0 ? "order_id" : $"A{i - 1:D4}") + "," + l).ToArray();
        string[] batches = [Path.Combine(dir, "batch-0.csv"), Path.Combine(dir, "batch-1.csv")];
        string[] labelled = [Path.Combine(dir, "labelled-0.csv"), Path.Combine(dir, "labelled-1.csv")];
        for (var k = 0; k < 2; k++)
        {
            var rows = withIds.Skip(1 + 500 * k).Take(500).Prepend(withIds[0]).ToArray();
            File.WriteAllLines(labelled[k], rows);
            File.WriteAllLines(batches[k], rows.Select(l => string.Join(',', l.Split(',').Where((_, i) => i != target + 1))));
        }

        var labels = Path.Combine(dir, "labels.csv");
        File.WriteAllLines(labels, withIds.Skip(1).Select(l => l.Split(',')).Select(c => $"{c[0]},{c[target + 1]}")
            .Prepend("order_id,returned").Append("NOPE,1").Append($"A0007,{withIds[8].Split(',')[target + 1]}"));
        return (referencePath, batches, labelled, labels);
    }
}

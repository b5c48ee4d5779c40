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

using ReturnMonitor.Data;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.Tests.Monitoring;

/// <summary><see cref="ModelDirectory.TrainFile"/>: what <c>train</c> and <c>demo</c> call.</summary>
public sealed class ModelDirectoryTrainFileTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"trainfile-{Guid.NewGuid():N}");

    public ModelDirectoryTrainFileTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void An_unlabelled_file_is_refused_with_its_name_before_any_training()
    {
        var path = Path.Combine(folder, "unlabelled.csv");
        File.WriteAllLines(path, File.ReadLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv")).Select(DropReturned));
        var lines = new List<string>();

        var error = Assert.Throws<ArgumentException>(() => ModelDirectory.TrainFile(path, Path.Combine(folder, "model"), lines.Add));

        Assert.Equal($"{path} has no '{OrderSchema.Target}' column: training needs labelled orders", error.Message);
        Assert.Empty(lines);
        Assert.False(Directory.Exists(Path.Combine(folder, "model")));
    }

    [Fact]
    public void A_labelled_file_is_trained_saved_and_loads_back_with_the_same_profile()
    {
        var path = Path.Combine(folder, "train.csv");
        OrderCsv.Write(OrderGenerator.Generate(Scenario.Baseline, 800, seed: 7), path);
        var model = Path.Combine(folder, "model");
        var lines = new List<string>();

        var trained = ModelDirectory.TrainFile(path, model, lines.Add);

        Assert.Equal([$"training on 800 orders from {path}…", $"wrote {model}: {string.Join(", ", ModelDirectory.RequiredFiles)}, {ModelMonitor.SampleFileName}"], lines);
        var loaded = ModelDirectory.Load(model);
        Assert.Equal(800L, loaded.Profile.Summary.Rows);
        Assert.Equal(trained.Training.Test.RocAuc, loaded.Training.Test.RocAuc);
    }

    // The demo files keep 'returned' as one of the columns; remove that column from every line.
    private static string DropReturned(string line, int index)
    {
        var cells = line.Split(',').ToList();
        cells.RemoveAt(ReturnedColumn);
        return string.Join(',', cells);
    }

    private static int ReturnedColumn { get; } =
        Array.IndexOf(File.ReadLines(Path.Combine(TestPaths.Data, "batch_1_normal.csv")).First().Split(','), OrderSchema.Target);
}

using ReturnMonitor.Data;
using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>
/// The held-out orders themselves (features and labels), stored in the model folder as <c>held-out.csv</c>.
/// <c>monitoring.json</c> keeps only their labels and scores; the importance-weighted estimate needs their features
/// (to weight them by the density ratio) and the money estimate needs their prices (the reference's value curve).
/// The same rows as the test split; about 20% of the training file (1,000 orders for 5,000).
/// </summary>
public static class HeldOutOrders
{
    /// <summary>File name inside the model folder.</summary>
    public const string FileName = "held-out.csv";

    /// <summary>Writes the labelled held-out orders into <paramref name="directory"/> (created if needed).</summary>
    /// <exception cref="ArgumentException">The orders are unlabelled.</exception>
    public static void Save(string directory, OrderTable heldOut)
    {
        if (!heldOut.HasTarget)
        {
            throw new ArgumentException($"{heldOut.Source}: held-out orders must be labelled");
        }

        Directory.CreateDirectory(directory);
        ModelFolderCsv.Write(heldOut, Path.Combine(directory, FileName));
    }

    /// <summary>The held-out orders of a model folder, or null when the folder predates this file.</summary>
    /// <param name="directory">The model folder.</param>
    /// <param name="features">The model's features (<see cref="ReturnModel.Features"/>); null for the demo's.</param>
    /// <exception cref="DataFormatException">The file exists but is malformed or unlabelled.</exception>
    public static OrderTable? Load(string directory, IReadOnlyList<FeatureDefinition>? features = null)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var table = ModelFolderCsv.Read(path, features ?? OrderSchema.Features);
        return table.HasTarget ? table : throw new DataFormatException(path, null, null, "held-out orders need their labels");
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>
/// The outer folds of <see cref="ModelComparison"/>: a stratified, seeded assignment of every labelled order to one of
/// k folds, and its CSV form (<c>row,fold</c>, row = 0-based data row in file order) that the scikit-learn reference
/// script (<c>tests/reference/make_model_comparison_reference.py</c>) reads so that both score the same folds.
/// </summary>
public static class CrossValidationFolds
{
    /// <summary>Header of the fold-assignment CSV.</summary>
    public const string CsvHeader = "row,fold";

    /// <summary>
    /// Fold in [0, <paramref name="folds"/>) of every order of <paramref name="data"/>: within each class the orders are
    /// shuffled with a generator seeded by <paramref name="seed"/> and dealt round-robin, so every fold holds its share of
    /// returned and kept orders to within one order. The same data and seed always give the same assignment.
    /// </summary>
    /// <exception cref="ArgumentException">Unlabelled data, fewer than two folds, or a class with fewer orders than folds.</exception>
    public static int[] Assign(OrderTable data, int folds, ulong seed)
    {
        if (!data.HasTarget)
        {
            throw new ArgumentException($"{data.Source} has no target column: cross-validation needs labelled orders", nameof(data));
        }

        var returned = 0;
        foreach (var label in data.Returned)
        {
            returned += label ? 1 : 0;
        }

        if (folds < 2 || returned < folds || data.Count - returned < folds)
        {
            throw new ArgumentException($"{folds}-fold cross-validation needs at least {Math.Max(folds, 2)} returned and {Math.Max(folds, 2)} kept orders ({data.Source} has {returned} and {data.Count - returned})", nameof(folds));
        }

        return StratifiedFolds.Assign(data.Returned, folds, new RandomSource(RandomSource.DeriveSeed(seed, "model-comparison-folds")));
    }

    /// <summary>The assignment as CSV text: the header, then one <c>row,fold</c> line per order, LF line ends.</summary>
    public static string ToCsv(IReadOnlyList<int> fold)
    {
        var text = new StringBuilder(CsvHeader).Append('\n');
        for (var row = 0; row < fold.Count; row++)
        {
            text.Append(row.ToString(CultureInfo.InvariantCulture)).Append(',').Append(fold[row].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>SHA-256 (lower-case hex) of <see cref="ToCsv"/>'s UTF-8 bytes: the fingerprint the reference script records for the folds it read.</summary>
    public static string Fingerprint(IReadOnlyList<int> fold) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCsv(fold))));
}

using ReturnMonitor.Data;

namespace ReturnMonitor.Modeling;

/// <summary>Stratified k-fold assignment for cross-validation on a two-class label.</summary>
internal static class StratifiedFolds
{
    /// <summary>
    /// Gives every item a fold in [0, <paramref name="folds"/>): the items of each class (false first, then true, each in
    /// index order) are shuffled with <paramref name="random"/> (Fisher–Yates) and dealt round-robin, so every fold holds
    /// its share of both classes to within one item.
    /// </summary>
    public static int[] Assign(ReadOnlySpan<bool> classes, int folds, RandomSource random)
    {
        var fold = new int[classes.Length];
        foreach (var cls in new[] { false, true })
        {
            var members = new List<int>();
            for (var i = 0; i < classes.Length; i++)
            {
                if (classes[i] == cls)
                {
                    members.Add(i);
                }
            }

            for (var i = members.Count - 1; i > 0; i--)
            {
                var j = random.NextInt(0, i + 1);
                (members[i], members[j]) = (members[j], members[i]);
            }

            for (var k = 0; k < members.Count; k++)
            {
                fold[members[k]] = k % folds;
            }
        }

        return fold;
    }
}

namespace ReturnMonitor.Monitoring.Sections;

/// <summary>One computed section of a check: the unit that computed it (and renders it) and its value.</summary>
/// <param name="Section">The registered section.</param>
/// <param name="Value">Its value for this batch (never null: a section without a value is left out of the check).</param>
public sealed record SectionResult(ICheckSection Section, object Value)
{
    /// <summary>The value of the first result whose value is a <typeparamref name="T"/>, or null.</summary>
    public static T? Find<T>(IEnumerable<SectionResult> results)
        where T : class => results.Select(r => r.Value).OfType<T>().FirstOrDefault();
}

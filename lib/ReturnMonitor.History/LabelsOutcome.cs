namespace ReturnMonitor.History;

/// <summary>What joining a labels file to the history did (<see cref="HistoryStore.AddLabels"/>). Nothing is dropped unreported: every row is counted in exactly one of <see cref="NewLabels"/>, <see cref="AlreadyKnown"/>, <see cref="Conflicts"/>, <see cref="Unknown"/> or <see cref="Duplicates"/>.</summary>
/// <param name="Rows">Label rows read.</param>
/// <param name="NewLabels">Rows whose label filled stored orders' empty labels.</param>
/// <param name="AlreadyKnown">Rows whose label equals the one already stored (nothing changed: re-running a file is harmless).</param>
/// <param name="Conflicts">Rows whose label differs from the one already stored; the stored (first) label is kept.</param>
/// <param name="Unknown">Rows whose id no recorded period holds.</param>
/// <param name="Duplicates">Rows whose id appeared earlier in the same file; the first row's label is used.</param>
/// <param name="DuplicatesDisagreeing">Of <paramref name="Duplicates"/>, those whose label differs from the file's first row for the id.</param>
/// <param name="FirstConflict">The first conflicting row, or null.</param>
/// <param name="FirstUnknown">The first row with an unknown id, or null.</param>
/// <param name="FirstDuplicate">The first duplicate row, or null.</param>
/// <param name="MinimumShare">The labelled share from which a period's realized figures are computed.</param>
/// <param name="Periods">The periods holding any of the file's ids, in period order.</param>
public sealed record LabelsOutcome(
    long Rows,
    long NewLabels,
    long AlreadyKnown,
    long Conflicts,
    long Unknown,
    long Duplicates,
    long DuplicatesDisagreeing,
    OrderLabel? FirstConflict,
    OrderLabel? FirstUnknown,
    OrderLabel? FirstDuplicate,
    double MinimumShare,
    IReadOnlyList<PeriodLabelling> Periods);

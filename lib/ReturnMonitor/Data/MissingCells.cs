namespace ReturnMonitor.Data;

/// <summary>
/// Whether a reader accepts an empty feature cell. Training and reference data are read with <see cref="Reject"/> (the
/// default everywhere); a production batch may be read with <see cref="Allow"/>, so that a gap is counted as a
/// data-quality signal instead of rejecting the batch. Only an empty cell (nothing but white space; a Parquet null) is
/// missing: text in a numeric column, NaN, and values outside a feature's range are errors in both modes, and so is an
/// empty <c>returned</c> label (a label is either known or the column is absent).
/// </summary>
public enum MissingCells
{
    /// <summary>An empty feature cell is an error naming file, line and column.</summary>
    Reject,

    /// <summary>
    /// An empty feature cell is a missing value: NaN in a numeric column of an <see cref="OrderTable"/>,
    /// <see cref="OrderTable.MissingCategory"/> in a categorical one, and counted per feature in a summary.
    /// </summary>
    Allow,
}

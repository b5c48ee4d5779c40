namespace ReturnMonitor.Data.Schema;

/// <summary>What a person tells <see cref="SchemaInference"/> instead of letting it guess; every name must be in the header.</summary>
public sealed record SchemaInferenceOptions
{
    /// <summary>The target column (else found by name: <see cref="SchemaInference.TargetNames"/>).</summary>
    public string? Target { get; init; }

    /// <summary>The target value meaning "returned", for a target of two labels that are not 0/1, true/false or yes/no.</summary>
    public string? Positive { get; init; }

    /// <summary>Columns to take as numeric features.</summary>
    public IReadOnlyList<string> Numeric { get; init; } = [];

    /// <summary>Columns to take as categorical features.</summary>
    public IReadOnlyList<string> Categorical { get; init; } = [];

    /// <summary>Columns to ignore.</summary>
    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>
    /// The column holding a model's score (<c>--score-column</c>): role <c>score</c>, never a feature — a model's own
    /// output fed back as an input would be compared and learnt from as if it were part of the order.
    /// </summary>
    public string? Score { get; init; }

    /// <summary>The column holding a model's 0/1 prediction (<c>--prediction-column</c>): role <c>prediction</c>, never a feature.</summary>
    public string? Prediction { get; init; }

    /// <summary>The timestamp column (else the first column whose every value is a date of one form).</summary>
    public string? Timestamp { get; init; }

    /// <summary>The timestamp's form (<see cref="TimestampFormat.Names"/>) where the file leaves day/month order open.</summary>
    public string? TimestampFormat { get; init; }

    /// <summary>Most categories kept per categorical column; beyond it the most frequent are kept and the rest count as "(other)".</summary>
    public int MaxCategories { get; init; } = 50;

    /// <summary>Most distinct values tracked per column while reading (bounds memory).</summary>
    public int DistinctCap { get; init; } = 10_000;
}

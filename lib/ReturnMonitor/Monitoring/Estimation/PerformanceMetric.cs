using ReturnMonitor.Modeling;

namespace ReturnMonitor.Monitoring;

/// <summary>The model metrics that are realized on labelled batches and estimated on unlabelled ones.</summary>
public enum PerformanceMetric
{
    /// <summary>Area under the ROC curve.</summary>
    RocAuc,

    /// <summary>Share of orders classified correctly at threshold 0.5.</summary>
    Accuracy,

    /// <summary>TP / (TP + FP).</summary>
    Precision,

    /// <summary>TP / (TP + FN).</summary>
    Recall,

    /// <summary>Harmonic mean of precision and recall.</summary>
    F1,
}

/// <summary>Names and values of <see cref="PerformanceMetric"/>.</summary>
public static class PerformanceMetrics
{
    /// <summary>Every metric, in report order.</summary>
    public static IReadOnlyList<PerformanceMetric> All { get; } = Enum.GetValues<PerformanceMetric>();

    /// <summary>The metric's JSON name: rocAuc, accuracy, precision, recall, f1.</summary>
    public static string JsonName(this PerformanceMetric metric) => metric switch
    {
        PerformanceMetric.RocAuc => "rocAuc",
        PerformanceMetric.F1 => "f1",
        _ => metric.ToString().ToLowerInvariant(),
    };

    /// <summary>The metric's value in a set of realized metrics.</summary>
    public static double Of(this PerformanceMetric metric, ClassificationMetrics m) => metric switch
    {
        PerformanceMetric.RocAuc => m.RocAuc,
        PerformanceMetric.Accuracy => m.Accuracy,
        PerformanceMetric.Precision => m.Precision,
        PerformanceMetric.Recall => m.Recall,
        _ => m.F1,
    };
}

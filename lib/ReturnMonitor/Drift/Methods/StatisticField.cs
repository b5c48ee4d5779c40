namespace ReturnMonitor.Drift;

/// <summary>One number of a drift statistic's result as it is written in the JSON of a feature.</summary>
/// <param name="Name">The JSON property name (camelCase, unique within a feature), e.g. <c>ksStatistic</c>.</param>
/// <param name="Value">The number; null (written as JSON null) when undefined or not computed.</param>
public sealed record StatisticField(string Name, double? Value);

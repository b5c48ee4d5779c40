namespace ReturnMonitor.Cli;

/// <summary>A wrong combination of arguments, reported as one line with exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);

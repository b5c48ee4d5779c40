using System.Security.Cryptography;
using ReturnMonitor.Monitoring;

namespace ReturnMonitor.History;

/// <summary>The identity of a batch file: SHA-256 of its bytes as 64 lower-case hex digits (streamed, any size).</summary>
public static class ContentHash
{
    /// <summary>The SHA-256 of the file at <paramref name="path"/>.</summary>
    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

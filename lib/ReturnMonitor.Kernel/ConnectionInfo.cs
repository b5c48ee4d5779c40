using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReturnMonitor.Kernel;

/// <summary>
/// A Jupyter connection file: where the kernel binds its five sockets and the key that signs messages
/// (written by the frontend, passed as <c>{connection_file}</c> in the kernelspec's argv).
/// </summary>
public sealed record ConnectionInfo
{
    /// <summary><c>tcp</c> (or <c>ipc</c>).</summary>
    [JsonPropertyName("transport")]
    public string Transport { get; init; } = "tcp";

    /// <summary>Address to bind, e.g. <c>127.0.0.1</c>.</summary>
    [JsonPropertyName("ip")]
    public string Ip { get; init; } = "127.0.0.1";

    /// <summary>Shell channel port (requests and replies).</summary>
    [JsonPropertyName("shell_port")]
    public int ShellPort { get; init; }

    /// <summary>IOPub channel port (broadcast outputs and status).</summary>
    [JsonPropertyName("iopub_port")]
    public int IopubPort { get; init; }

    /// <summary>Stdin channel port (input requests; this kernel never asks for input).</summary>
    [JsonPropertyName("stdin_port")]
    public int StdinPort { get; init; }

    /// <summary>Control channel port (interrupt, shutdown; served while a cell runs).</summary>
    [JsonPropertyName("control_port")]
    public int ControlPort { get; init; }

    /// <summary>Heartbeat port (echo).</summary>
    [JsonPropertyName("hb_port")]
    public int HeartbeatPort { get; init; }

    /// <summary>HMAC key; empty disables signing (as Jupyter allows).</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = string.Empty;

    /// <summary><c>hmac-sha256</c> (the only scheme this kernel supports).</summary>
    [JsonPropertyName("signature_scheme")]
    public string SignatureScheme { get; init; } = "hmac-sha256";

    /// <summary>Reads and checks a connection file; one clear message when it is missing or malformed.</summary>
    public static ConnectionInfo Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"{path}: connection file not found");
        }
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"{path}: not a Jupyter connection file ({e.Message})");
        }
        if (info is null || info.ShellPort <= 0 || info.IopubPort <= 0 || info.ControlPort <= 0 || info.HeartbeatPort <= 0 || info.StdinPort <= 0)
        {
            throw new ArgumentException($"{path}: not a Jupyter connection file (ports missing)");
        }
        if (info.Key.Length > 0 && !string.Equals(info.SignatureScheme, "hmac-sha256", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{path}: signature scheme '{info.SignatureScheme}' is not supported (hmac-sha256 is)");
        }
        return info;
    }

    /// <summary>The ZeroMQ address of a port, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Address(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"{Transport}://{Ip}:{port}";
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NetMQ;

namespace ReturnMonitor.Kernel;

/// <summary>
/// The Jupyter wire format: <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>,
/// the signature being the hex HMAC-SHA256 of the four JSON frames under the connection key.
/// </summary>
public sealed class MessageCodec
{
    private static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();
    private readonly byte[] key;

    /// <summary>Creates a codec for a connection key (empty: messages are neither signed nor checked).</summary>
    public MessageCodec(string key)
    {
        this.key = Encoding.UTF8.GetBytes(key ?? string.Empty);
    }

    /// <summary>Encodes a message, signed.</summary>
    public NetMQMessage Encode(JupyterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = new[] { message.Header, message.ParentHeader, message.Metadata, message.Content }
            .Select(p => Encoding.UTF8.GetBytes(p.ToJsonString()))
            .ToArray();
        var wire = new NetMQMessage();
        foreach (var identity in message.Identities)
        {
            wire.Append(identity);
        }
        wire.Append(Delimiter);
        wire.Append(Encoding.ASCII.GetBytes(Sign(parts)));
        foreach (var part in parts)
        {
            wire.Append(part);
        }
        return wire;
    }

    /// <summary>
    /// Decodes a message; null (with <paramref name="problem"/>) when it is malformed or its signature is wrong —
    /// such messages are dropped, as Jupyter's own kernels do.
    /// </summary>
    public JupyterMessage? Decode(NetMQMessage wire, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(wire);
        var frames = wire.Select(f => f.ToByteArray()).ToList();
        var delimiter = frames.FindIndex(f => f.AsSpan().SequenceEqual(Delimiter));
        if (delimiter < 0 || frames.Count < delimiter + 6)
        {
            problem = "malformed message (no <IDS|MSG> delimiter or missing parts)";
            return null;
        }
        var signature = Encoding.ASCII.GetString(frames[delimiter + 1]);
        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (this.key.Length > 0)
        {
            var expected = Encoding.ASCII.GetBytes(Sign(parts));
            if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
            {
                problem = "invalid signature";
                return null;
            }
        }
        try
        {
            var json = parts.Select(p => JsonNode.Parse(p) as JsonObject ?? new JsonObject()).ToArray();
            problem = null;
            return new JupyterMessage(frames.Take(delimiter).ToList(), json[0], json[1], json[2], json[3]);
        }
        catch (System.Text.Json.JsonException e)
        {
            problem = "malformed message JSON: " + e.Message;
            return null;
        }
    }

    private string Sign(byte[][] parts)
    {
        if (this.key.Length == 0)
        {
            return string.Empty;
        }
        using var hmac = new HMACSHA256(this.key);
        foreach (var part in parts)
        {
            hmac.TransformBlock(part, 0, part.Length, null, 0);
        }
        hmac.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(hmac.Hash!);
    }
}

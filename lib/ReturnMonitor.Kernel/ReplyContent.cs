using System.Reflection;
using System.Text.Json.Nodes;

namespace ReturnMonitor.Kernel;

/// <summary>Contents of the kernel's replies that do not depend on its state, and Jupyter's cursor arithmetic.</summary>
internal static class ReplyContent
{
    /// <summary>An error reply's content (<c>status: error</c>); the value is also the one-line traceback.</summary>
    public static JsonObject Error(string name, string value) => new()
    {
        ["status"] = "error",
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray(value),
    };

    /// <summary>A shutdown reply's content, echoing the request's <c>restart</c>.</summary>
    public static JsonObject Shutdown(JupyterMessage request) => new()
    {
        ["status"] = "ok",
        ["restart"] = request.Content["restart"]?.GetValue<bool>() ?? false,
    };

    /// <summary>The <c>kernel_info_reply</c> content: protocol, implementation and language.</summary>
    public static JsonObject KernelInfo()
    {
        var version = typeof(JupyterKernel).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = JupyterKernel.Implementation,
            ["implementation_version"] = plus > 0 ? version[..plus] : version,
            ["language_info"] = new JsonObject
            {
                ["name"] = "C#",
                ["version"] = "14.0",
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = "ReturnMonitor C# kernel (.NET Interactive C# engine, .NET " + Environment.Version.ToString(3) + ")",
            ["help_links"] = new JsonArray(),
        };
    }

    /// <summary>A successful <c>execute_reply</c>'s content.</summary>
    public static JsonObject Ok(int count) => new()
    {
        ["status"] = "ok",
        ["execution_count"] = count,
        ["payload"] = new JsonArray(),
        ["user_expressions"] = new JsonObject(),
    };

    /// <summary>Jupyter counts cursor positions in Unicode code points; .NET strings in UTF-16 units.</summary>
    public static int Utf16Offset(string code, int codePoints)
    {
        var offset = 0;
        for (var i = 0; i < codePoints && offset < code.Length; i++)
        {
            offset += char.IsHighSurrogate(code[offset]) && offset + 1 < code.Length ? 2 : 1;
        }
        return offset;
    }

    /// <summary>The code-point count of the first <paramref name="utf16"/> UTF-16 units.</summary>
    public static int CodePointOffset(string code, int utf16)
    {
        var count = 0;
        for (var i = 0; i < utf16 && i < code.Length; i++)
        {
            if (!char.IsLowSurrogate(code[i]))
            {
                count++;
            }
        }
        return count;
    }
}

using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReturnMonitor.Notebooks.Charts;

namespace ReturnMonitor.Kernel.Tests;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket): navigate, evaluate JavaScript in the
/// page, take screenshots. Fresh profile, background networking off.
/// </summary>
public sealed partial class DevToolsBrowser : IDisposable
{
    private readonly Process process;
    private readonly DirectoryInfo profile;
    private readonly ClientWebSocket socket = new();
    private int nextId;

    private DevToolsBrowser(Process process, DirectoryInfo profile)
    {
        this.process = process;
        this.profile = profile;
    }

    public static async Task<DevToolsBrowser> StartAsync(int width, int height)
    {
        var executable = ChromiumLocator.Find();
        var profile = Directory.CreateTempSubdirectory("rm-devtools-");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var flag in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", $"--user-data-dir={profile.FullName}", "--remote-debugging-port=0",
                     "--remote-allow-origins=*", $"--window-size={width},{height}", "--hide-scrollbars", "about:blank",
                 })
        {
            start.ArgumentList.Add(flag);
        }
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var browser = new DevToolsBrowser(process, profile);
        try
        {
            // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr.
            string? endpoint = null;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (endpoint is null && DateTime.UtcNow < deadline)
            {
                var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                if (line is null)
                {
                    break;
                }
                if (Listening().Match(line) is { Success: true } m)
                {
                    endpoint = m.Groups[1].Value;
                }
            }
            _ = process.StandardError.ReadToEndAsync();
            Assert.True(endpoint is not null, "Chromium did not open its DevTools endpoint");
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://{endpoint}/json/list"))!.AsArray();
            var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
            await browser.socket.ConnectAsync(new Uri(page), CancellationToken.None);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    public Task NavigateAsync(string url) => SendAsync("Page.navigate", new JsonObject { ["url"] = url });

    /// <summary>Evaluates an expression in the page; returns its JSON value (promises awaited).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result?["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException("page script failed: " + error.ToJsonString());
        }
        return result?["result"]?["value"];
    }

    /// <summary>Polls <paramref name="expression"/> until it is true; false on timeout.</summary>
    public async Task<bool> WaitForAsync(string expression, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await EvaluateAsync(expression) is JsonValue v && v.TryGetValue<bool>(out var ok) && ok)
                {
                    return true;
                }
            }
            catch (InvalidOperationException)
            {
                // The page is still loading its scripts.
            }
            await Task.Delay(250);
        }
        return false;
    }

    /// <summary>Resizes the page's viewport (CSS pixels).</summary>
    public Task SetViewportAsync(int width, int height) =>
        SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });

    /// <summary>PNG of the whole page (beyond the viewport).</summary>
    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String(result!["data"]!.GetValue<string>());
    }

    public void Dispose()
    {
        socket.Dispose();
        try
        {
            if (!this.process.HasExited)
            {
                this.process.Kill(entireProcessTree: true);
                this.process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        this.process.Dispose();
        try
        {
            this.profile.Delete(true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject parameters)
    {
        var id = ++nextId;
        var request = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await socket.SendAsync(Encoding.UTF8.GetBytes(request.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);
            var node = JsonNode.Parse(message.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
            if (node?["id"]?.GetValue<int>() == id)
            {
                if (node["error"] is { } error)
                {
                    throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
                }
                return node["result"];
            }
        }
    }

    [GeneratedRegex(@"DevTools listening on ws://([^/]+)/")]
    private static partial Regex Listening();
}

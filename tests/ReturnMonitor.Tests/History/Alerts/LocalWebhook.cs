using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ReturnMonitor.Tests.History.Alerts;

/// <summary>
/// A webhook endpoint on 127.0.0.1 for tests: answers the n-th request with the status <c>respond(n)</c> gives, or
/// never answers when it gives null — or lets a handler write the whole response; keeps every request body.
/// </summary>
internal sealed class LocalWebhook : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<int, HttpListenerContext, Task<bool>> handle;
    private readonly CancellationTokenSource stop = new();
    private readonly List<HttpListenerContext> held = [];
    private int count;

    public LocalWebhook(Func<int, int?> respond)
        : this((n, context) =>
        {
            if (respond(n) is not { } status)
            {
                return Task.FromResult(false); // never answered
            }

            context.Response.StatusCode = status;
            context.Response.Close();
            return Task.FromResult(true);
        })
    {
    }

    /// <summary>
    /// <paramref name="handle"/> gets the request number (from 1) and the context, writes the response and returns true,
    /// or returns false to leave the request unanswered until the listener is disposed.
    /// </summary>
    public LocalWebhook(Func<int, HttpListenerContext, Task<bool>> handle)
    {
        this.handle = handle;
        // A free port: let the OS pick one, then listen there.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/T000/secret-token");
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(Serve);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string ContentType, string Body)> Requests { get; } = new();

    /// <summary>The method and path of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Dispose()
    {
        stop.Cancel();
        lock (held)
        {
            foreach (var context in held)
            {
                context.Response.Abort();
            }
        }

        listener.Close();
    }

    private async Task Serve()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            Requests.Enqueue((context.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            Lines.Enqueue($"{context.Request.HttpMethod} {context.Request.RawUrl}");
            var n = Interlocked.Increment(ref count);
            // Each response on its own task: a handler that streams forever must not stop the next request.
            _ = Task.Run(async () =>
            {
                try
                {
                    if (!await handle(n, context))
                    {
                        lock (held)
                        {
                            held.Add(context);
                        }
                    }
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    // The client went away (as it should from an endless body).
                }
            });
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ReturnMonitor.Tests.Monitoring.Alerts;

/// <summary>
/// A webhook endpoint on 127.0.0.1 for tests: answers the n-th request with the status <c>respond(n)</c> gives, or
/// never answers when it gives null; keeps every request body.
/// </summary>
internal sealed class LocalWebhook : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<int, int?> respond;
    private readonly CancellationTokenSource stop = new();
    private readonly List<HttpListenerContext> held = [];
    private int count;

    public LocalWebhook(Func<int, int?> respond)
    {
        this.respond = respond;
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
            var status = respond(Interlocked.Increment(ref count));
            if (status is null)
            {
                lock (held)
                {
                    held.Add(context); // never answered
                }

                continue;
            }

            context.Response.StatusCode = status.Value;
            context.Response.Close();
        }
    }
}

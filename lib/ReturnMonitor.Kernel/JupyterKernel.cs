using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using NetMQ;
using NetMQ.Sockets;
using ReturnMonitor.Notebooks.Charts;
using ReturnMonitor.Notebooks.Engine;

namespace ReturnMonitor.Kernel;

/// <summary>
/// The workbook's Jupyter kernel: the Jupyter messaging protocol 5.3 over ZeroMQ (NetMQ) in front of the
/// <see cref="NotebookEngine"/> that also runs notebooks headlessly.
/// </summary>
/// <remarks>
/// Threads: one for the heartbeat (echo), one poller that owns the shell, control, stdin and IOPub sockets (ZeroMQ
/// sockets are single-threaded, so every send from elsewhere is queued to it), and one worker that handles shell
/// requests in arrival order — a request sent while a cell runs waits its turn. Control requests (interrupt,
/// shutdown, kernel_info) are answered by the poller at once, even while a cell runs.
/// </remarks>
public sealed class JupyterKernel : IDisposable
{
    /// <summary>Name of the kernelspec and of this implementation.</summary>
    public const string Implementation = "returnmonitor-csharp";

    private readonly ConnectionInfo connection;
    private readonly MessageCodec codec;
    private readonly TextWriter log;
    private readonly string session = Guid.NewGuid().ToString("N");
    private readonly Channel<JupyterMessage> shellRequests = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NetMQQueue<Action> outbox = new();
    private readonly PlotlyPage page = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<NotebookEngine> engine;
    private readonly IChartRenderer? renderer;
    private RouterSocket? shell;
    private RouterSocket? control;
    private PublisherSocket? iopub;
    // Written by the worker, read by the poller (interrupt_request).
    private volatile CancellationTokenSource? running;
    private int executionCount;

    /// <summary>Creates a kernel for a connection; the engine starts at once (in the working directory), in the background.</summary>
    public JupyterKernel(ConnectionInfo connection, TextWriter log, IChartRenderer? chartRenderer)
    {
        this.connection = connection;
        codec = new MessageCodec(connection.Key);
        this.log = log;
        renderer = chartRenderer;
        this.engine = Task.Run(() => NotebookEngine.StartAsync(Environment.CurrentDirectory));
    }

    /// <summary>Serves until a <c>shutdown_request</c> arrives (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (this.connection.Key.Length == 0)
        {
            // As jupyter_client and ipykernel do: without a key nothing proves a message came from the frontend.
            this.log.WriteLine("returnmonitor kernel: warning: the connection file has an empty key: messages are neither signed nor checked, so anyone who can reach these ports can run code");
        }
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = new Thread(() => Heartbeat(heartbeatStop.Token)) { IsBackground = true, Name = "jupyter-heartbeat" };
        heartbeat.Start();

        using var shell = new RouterSocket();
        using var control = new RouterSocket();
        using var stdin = new RouterSocket();
        using var iopub = new PublisherSocket();
        shell.Bind(this.connection.Address(this.connection.ShellPort));
        control.Bind(this.connection.Address(this.connection.ControlPort));
        stdin.Bind(this.connection.Address(this.connection.StdinPort));
        iopub.Bind(this.connection.Address(this.connection.IopubPort));
        this.shell = shell;
        this.control = control;
        this.iopub = iopub;

        shell.ReceiveReady += (_, e) => Receive(e.Socket, isControl: false);
        control.ReceiveReady += (_, e) => Receive(e.Socket, isControl: true);
        outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var send, TimeSpan.Zero))
            {
                send();
            }
        };
        using var poller = new NetMQPoller { shell, control, outbox };
        poller.RunAsync("jupyter-poller");
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);

        var worker = Task.Run(WorkAsync, CancellationToken.None);
        using (cancellationToken.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task.ConfigureAwait(false);
        }
        shellRequests.Writer.TryComplete();
        CancelRunningCell();
        // Let queued replies (the shutdown_reply above all) leave before the sockets close.
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        outbox.Enqueue(() => flushed.TrySetResult());
        await Task.WhenAny(flushed.Task, Task.Delay(2000)).ConfigureAwait(false);
        await Task.WhenAny(worker, Task.Delay(2000)).ConfigureAwait(false);
        poller.Stop();
        heartbeatStop.Cancel();
        heartbeat.Join(2000);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        outbox.Dispose();
        if (this.engine.IsCompletedSuccessfully)
        {
            this.engine.Result.Dispose();
        }
    }

    private void Heartbeat(CancellationToken stop)
    {
        using var socket = new ResponseSocket();
        socket.Bind(this.connection.Address(this.connection.HeartbeatPort));
        while (!stop.IsCancellationRequested)
        {
            if (socket.TryReceiveFrameBytes(TimeSpan.FromMilliseconds(200), out var ping))
            {
                socket.SendFrame(ping);
            }
        }
    }

    /// <summary>On the poller thread: decode, then answer control requests now and queue shell requests.</summary>
    private void Receive(NetMQSocket socket, bool isControl)
    {
        var wire = new NetMQMessage();
        while (socket.TryReceiveMultipartMessage(ref wire))
        {
            var message = codec.Decode(wire, out var problem);
            wire = new NetMQMessage();
            if (message is null)
            {
                this.log.WriteLine($"returnmonitor kernel: dropped a message: {problem}");
                continue;
            }
            try
            {
                if (MessageValidator.Problem(message) is { } invalid)
                {
                    // Answered here, on either channel, so a malformed request never reaches a handler that reads it.
                    this.log.WriteLine($"returnmonitor kernel: refused a request: {invalid}");
                    SendNow(socket, Reply(message, message.ReplyType, ReplyContent.Error("InvalidMessage", invalid)));
                }
                else if (isControl)
                {
                    HandleControl(message);
                }
                else
                {
                    shellRequests.Writer.TryWrite(message);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // This thread serves every channel: whatever goes wrong with one request must not end it.
                this.log.WriteLine($"returnmonitor kernel: {message.MessageType} failed: {e.Message}");
            }
        }
    }

    private void HandleControl(JupyterMessage request)
    {
        switch (request.MessageType)
        {
            case "interrupt_request":
                CancelRunningCell();
                SendNow(this.control!, Reply(request, "interrupt_reply", new JsonObject { ["status"] = "ok" }));
                break;
            case "shutdown_request":
                SendNow(this.control!, Reply(request, "shutdown_reply", ReplyContent.Shutdown(request)));
                stopped.TrySetResult();
                break;
            case "kernel_info_request":
                Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
                SendNow(this.control!, Reply(request, "kernel_info_reply", ReplyContent.KernelInfo()));
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
                break;
            default:
                // Debug requests and the like: answer so a client never waits, but say what is not supported.
                SendNow(this.control!, Reply(request, request.ReplyType, ReplyContent.Error("NotSupported", $"{request.MessageType} is not supported")));
                break;
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var request in shellRequests.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            try
            {
                var (type, content) = await HandleShellAsync(request).ConfigureAwait(false);
                Send(this.shell!, Reply(request, type, content));
                if (type == "shutdown_reply")
                {
                    stopped.TrySetResult();
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever goes wrong answers this request and leaves the kernel serving the next one.
                this.log.WriteLine($"returnmonitor kernel: {request.MessageType} failed: {e.Message}");
                Send(this.shell!, Reply(request, request.ReplyType, ReplyContent.Error(e.GetType().Name, e.Message)));
            }
            finally
            {
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            }
        }
    }

    private async Task<(string Type, JsonObject Content)> HandleShellAsync(JupyterMessage request)
    {
        var content = request.Content;
        switch (request.MessageType)
        {
            case "kernel_info_request":
                return ("kernel_info_reply", ReplyContent.KernelInfo());
            case "execute_request":
                return ("execute_reply", await ExecuteAsync(request).ConfigureAwait(false));
            case "complete_request":
                {
                    var code = content["code"]?.GetValue<string>() ?? string.Empty;
                    var cursor = ReplyContent.Utf16Offset(code, content["cursor_pos"]?.GetValue<int>() ?? code.Length);
                    var engine = await this.engine.ConfigureAwait(false);
                    var result = await engine.CompleteAsync(code, cursor).ConfigureAwait(false);
                    var matches = new JsonArray();
                    foreach (var m in result.Matches)
                    {
                        matches.Add(m);
                    }
                    return ("complete_reply", new JsonObject
                    {
                        ["status"] = "ok",
                        ["matches"] = matches,
                        ["cursor_start"] = ReplyContent.CodePointOffset(code, result.Start),
                        ["cursor_end"] = ReplyContent.CodePointOffset(code, result.End),
                        ["metadata"] = new JsonObject(),
                    });
                }
            case "inspect_request":
                {
                    var code = content["code"]?.GetValue<string>() ?? string.Empty;
                    var cursor = ReplyContent.Utf16Offset(code, content["cursor_pos"]?.GetValue<int>() ?? code.Length);
                    var engine = await this.engine.ConfigureAwait(false);
                    var text = await engine.HoverAsync(code, cursor).ConfigureAwait(false);
                    var data = new JsonObject();
                    if (text is not null)
                    {
                        data["text/markdown"] = text;
                        data["text/plain"] = text;
                    }
                    return ("inspect_reply", new JsonObject { ["status"] = "ok", ["found"] = text is not null, ["data"] = data, ["metadata"] = new JsonObject() });
                }
            case "is_complete_request":
                {
                    var status = NotebookEngine.IsComplete(content["code"]?.GetValue<string>() ?? string.Empty);
                    var reply = new JsonObject { ["status"] = status };
                    if (status == "incomplete")
                    {
                        reply["indent"] = "    ";
                    }
                    return ("is_complete_reply", reply);
                }
            case "comm_info_request":
                return ("comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
            case "history_request":
                return ("history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
            case "shutdown_request":
                return ("shutdown_reply", ReplyContent.Shutdown(request));
            case "interrupt_request":
                CancelRunningCell();
                return ("interrupt_reply", new JsonObject { ["status"] = "ok" });
            default:
                return (request.ReplyType, ReplyContent.Error("NotSupported", $"{request.MessageType} is not supported"));
        }
    }

    private async Task<JsonObject> ExecuteAsync(JupyterMessage request)
    {
        var code = request.Content["code"]?.GetValue<string>() ?? string.Empty;
        var silent = request.Content["silent"]?.GetValue<bool>() ?? false;
        var storeHistory = !silent && (request.Content["store_history"]?.GetValue<bool>() ?? true);
        if (storeHistory)
        {
            executionCount++;
        }
        var count = executionCount;
        if (!silent)
        {
            Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }
        if (string.IsNullOrWhiteSpace(code))
        {
            return ReplyContent.Ok(count);
        }

        NotebookEngine engine;
        try
        {
            engine = await this.engine.ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            return Error(request, count, "EngineError", e.Message, [e.Message], silent);
        }
        page.UseSession(request.Session);
        using var sink = new LiveCellSink((type, content) => { if (!silent) { Publish(type, content, request); } }, page, count);
        using var running = new CancellationTokenSource();
        this.running = running;
        CellOutcome outcome;
        try
        {
            outcome = await engine.ExecuteAsync(code, count, sink, running.Token).ConfigureAwait(false);
        }
        finally
        {
            this.running = null;
            sink.FlushStreams(); // the cell's console text goes before its error, result images and reply
        }
        if (outcome.Error is { } error)
        {
            return Error(request, count, error.Name, error.Value, error.Traceback, silent);
        }
        if (!silent)
        {
            await sink.AddChartImagesAsync(renderer, CancellationToken.None).ConfigureAwait(false);
        }
        return ReplyContent.Ok(count);
    }

    private void CancelRunningCell()
    {
        try
        {
            this.running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell ended between reading the field and cancelling: nothing left to interrupt.
        }
    }

    private JsonObject Error(JupyterMessage request, int count, string name, string value, IReadOnlyList<string> traceback, bool silent)
    {
        if (!silent)
        {
            Publish("error", new JsonObject { ["ename"] = name, ["evalue"] = value, ["traceback"] = Lines(traceback) }, request);
        }
        return new JsonObject
        {
            ["status"] = "error",
            ["execution_count"] = count,
            ["ename"] = name,
            ["evalue"] = value,
            ["traceback"] = Lines(traceback),
        };

        static JsonArray Lines(IReadOnlyList<string> lines)
        {
            var array = new JsonArray();
            foreach (var line in lines)
            {
                array.Add(line);
            }
            return array;
        }
    }

    private JupyterMessage Reply(JupyterMessage request, string type, JsonObject content) =>
        JupyterMessage.Create(type, content, request, session);

    /// <summary>Publishes on IOPub (from any thread). The topic frame is the message type, as ipykernel does.</summary>
    private void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(type, content, parent, session) with { Identities = [Encoding.UTF8.GetBytes(type)] };
        outbox.Enqueue(() => this.iopub?.SendMultipartMessage(codec.Encode(message)));
    }

    /// <summary>Sends on a ROUTER socket from any thread (queued to the poller, after earlier IOPub messages).</summary>
    private void Send(NetMQSocket socket, JupyterMessage message) =>
        outbox.Enqueue(() => socket.SendMultipartMessage(codec.Encode(message)));

    /// <summary>Sends on the poller thread itself, where control requests are handled.</summary>
    private void SendNow(NetMQSocket socket, JupyterMessage message) => socket.SendMultipartMessage(codec.Encode(message));

}

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

    private readonly ConnectionInfo _connection;
    private readonly MessageCodec _codec;
    private readonly TextWriter _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly Channel<JupyterMessage> _shellRequests = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NetMQQueue<Action> _outbox = new();
    private readonly PlotlyPage _page = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task<NotebookEngine> _engine;
    private readonly IChartRenderer? _renderer;
    private RouterSocket? _shell;
    private RouterSocket? _control;
    private PublisherSocket? _iopub;
    // Written by the worker, read by the poller (interrupt_request).
    private volatile CancellationTokenSource? _running;
    private int _executionCount;

    /// <summary>Creates a kernel for a connection; the engine starts at once (in the working directory), in the background.</summary>
    public JupyterKernel(ConnectionInfo connection, TextWriter log, IChartRenderer? chartRenderer)
    {
        _connection = connection;
        _codec = new MessageCodec(connection.Key);
        _log = log;
        _renderer = chartRenderer;
        _engine = Task.Run(() => NotebookEngine.StartAsync(Environment.CurrentDirectory));
    }

    /// <summary>Serves until a <c>shutdown_request</c> arrives (or <paramref name="cancellationToken"/> fires).</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (_connection.Key.Length == 0)
        {
            // As jupyter_client and ipykernel do: without a key nothing proves a message came from the frontend.
            _log.WriteLine("returnmonitor kernel: warning: the connection file has an empty key: messages are neither signed nor checked, so anyone who can reach these ports can run code");
        }
        using var heartbeatStop = new CancellationTokenSource();
        var heartbeat = new Thread(() => Heartbeat(heartbeatStop.Token)) { IsBackground = true, Name = "jupyter-heartbeat" };
        heartbeat.Start();

        using var shell = new RouterSocket();
        using var control = new RouterSocket();
        using var stdin = new RouterSocket();
        using var iopub = new PublisherSocket();
        shell.Bind(_connection.Address(_connection.ShellPort));
        control.Bind(_connection.Address(_connection.ControlPort));
        stdin.Bind(_connection.Address(_connection.StdinPort));
        iopub.Bind(_connection.Address(_connection.IopubPort));
        _shell = shell;
        _control = control;
        _iopub = iopub;

        shell.ReceiveReady += (_, e) => Receive(e.Socket, isControl: false);
        control.ReceiveReady += (_, e) => Receive(e.Socket, isControl: true);
        _outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var send, TimeSpan.Zero))
            {
                send();
            }
        };
        using var poller = new NetMQPoller { shell, control, _outbox };
        poller.RunAsync("jupyter-poller");
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, null);

        var worker = Task.Run(WorkAsync, CancellationToken.None);
        using (cancellationToken.Register(() => _stopped.TrySetResult()))
        {
            await _stopped.Task.ConfigureAwait(false);
        }
        _shellRequests.Writer.TryComplete();
        CancelRunningCell();
        // Let queued replies (the shutdown_reply above all) leave before the sockets close.
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _outbox.Enqueue(() => flushed.TrySetResult());
        await Task.WhenAny(flushed.Task, Task.Delay(2000)).ConfigureAwait(false);
        await Task.WhenAny(worker, Task.Delay(2000)).ConfigureAwait(false);
        poller.Stop();
        heartbeatStop.Cancel();
        heartbeat.Join(2000);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _outbox.Dispose();
        if (_engine.IsCompletedSuccessfully)
        {
            _engine.Result.Dispose();
        }
    }

    private void Heartbeat(CancellationToken stop)
    {
        using var socket = new ResponseSocket();
        socket.Bind(_connection.Address(_connection.HeartbeatPort));
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
            var message = _codec.Decode(wire, out var problem);
            wire = new NetMQMessage();
            if (message is null)
            {
                _log.WriteLine($"returnmonitor kernel: dropped a message: {problem}");
                continue;
            }
            try
            {
                if (MessageValidator.Problem(message) is { } invalid)
                {
                    // Answered here, on either channel, so a malformed request never reaches a handler that reads it.
                    _log.WriteLine($"returnmonitor kernel: refused a request: {invalid}");
                    SendNow(socket, Reply(message, message.ReplyType, ReplyContent.Error("InvalidMessage", invalid)));
                }
                else if (isControl)
                {
                    HandleControl(message);
                }
                else
                {
                    _shellRequests.Writer.TryWrite(message);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // This thread serves every channel: whatever goes wrong with one request must not end it.
                _log.WriteLine($"returnmonitor kernel: {message.MessageType} failed: {e.Message}");
            }
        }
    }

    private void HandleControl(JupyterMessage request)
    {
        switch (request.MessageType)
        {
            case "interrupt_request":
                CancelRunningCell();
                SendNow(_control!, Reply(request, "interrupt_reply", new JsonObject { ["status"] = "ok" }));
                break;
            case "shutdown_request":
                SendNow(_control!, Reply(request, "shutdown_reply", ReplyContent.Shutdown(request)));
                _stopped.TrySetResult();
                break;
            case "kernel_info_request":
                Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
                SendNow(_control!, Reply(request, "kernel_info_reply", ReplyContent.KernelInfo()));
                Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
                break;
            default:
                // Debug requests and the like: answer so a client never waits, but say what is not supported.
                SendNow(_control!, Reply(request, request.ReplyType, ReplyContent.Error("NotSupported", $"{request.MessageType} is not supported")));
                break;
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var request in _shellRequests.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
            try
            {
                var (type, content) = await HandleShellAsync(request).ConfigureAwait(false);
                Send(_shell!, Reply(request, type, content));
                if (type == "shutdown_reply")
                {
                    _stopped.TrySetResult();
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Whatever goes wrong answers this request and leaves the kernel serving the next one.
                _log.WriteLine($"returnmonitor kernel: {request.MessageType} failed: {e.Message}");
                Send(_shell!, Reply(request, request.ReplyType, ReplyContent.Error(e.GetType().Name, e.Message)));
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
                    var engine = await _engine.ConfigureAwait(false);
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
                    var engine = await _engine.ConfigureAwait(false);
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
            _executionCount++;
        }
        var count = _executionCount;
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
            engine = await _engine.ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            return Error(request, count, "EngineError", e.Message, [e.Message], silent);
        }
        _page.UseSession(request.Session);
        using var sink = new LiveCellSink((type, content) => { if (!silent) { Publish(type, content, request); } }, _page, count);
        using var running = new CancellationTokenSource();
        _running = running;
        CellOutcome outcome;
        try
        {
            outcome = await engine.ExecuteAsync(code, count, sink, running.Token).ConfigureAwait(false);
        }
        finally
        {
            _running = null;
            sink.FlushStreams(); // the cell's console text goes before its error, result images and reply
        }
        if (outcome.Error is { } error)
        {
            return Error(request, count, error.Name, error.Value, error.Traceback, silent);
        }
        if (!silent)
        {
            await sink.AddChartImagesAsync(_renderer, CancellationToken.None).ConfigureAwait(false);
        }
        return ReplyContent.Ok(count);
    }

    private void CancelRunningCell()
    {
        try
        {
            _running?.Cancel();
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
        JupyterMessage.Create(type, content, request, _session);

    /// <summary>Publishes on IOPub (from any thread). The topic frame is the message type, as ipykernel does.</summary>
    private void Publish(string type, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(type, content, parent, _session) with { Identities = [Encoding.UTF8.GetBytes(type)] };
        _outbox.Enqueue(() => _iopub?.SendMultipartMessage(_codec.Encode(message)));
    }

    /// <summary>Sends on a ROUTER socket from any thread (queued to the poller, after earlier IOPub messages).</summary>
    private void Send(NetMQSocket socket, JupyterMessage message) =>
        _outbox.Enqueue(() => socket.SendMultipartMessage(_codec.Encode(message)));

    /// <summary>Sends on the poller thread itself, where control requests are handled.</summary>
    private void SendNow(NetMQSocket socket, JupyterMessage message) => socket.SendMultipartMessage(_codec.Encode(message));

}

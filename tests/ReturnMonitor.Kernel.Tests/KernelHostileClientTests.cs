using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace ReturnMonitor.Kernel.Tests;

/// <summary>
/// The installed kernel against hostile or careless clients (Scripts/kernel_hostile.py, on jupyter_client's Session and
/// raw pyzmq sockets): malformed field types, an output flood, an interrupt during a flood, an unsigned connection.
/// </summary>
public class KernelHostileClientTests(JupyterEnvironment jupyter) : IClassFixture<JupyterEnvironment>
{
    private (int ExitCode, string Output) Script(string mode, string seconds = "3") =>
        jupyter.Run(JupyterEnvironment.Python, [jupyter.Script("kernel_hostile.py"), KernelSpecInstaller.DefaultName, jupyter.Root, mode, seconds],
            jupyter.Root, TimeSpan.FromMinutes(4));

    [Fact]
    public void Wrong_json_types_in_header_or_content_get_an_error_reply_on_both_channels_and_the_kernel_keeps_answering()
    {
        var (exitCode, output) = Script("malformed");

        Assert.True(exitCode == 0, output);
        foreach (var channel in new[] { "control", "shell" })
        {
            foreach (var field in new[] { "msg_type number", "username number", "session array", "restart string", "code number", "cursor_pos string" })
            {
                Assert.Contains($"ok {channel} {field} error reply, then kernel_info", output, StringComparison.Ordinal);
            }
        }
        Assert.Contains("ok alive and executing", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_flood_arrives_whole_in_coalesced_messages_while_control_and_heartbeat_answer_within_a_second()
    {
        var (exitCode, output) = Script("flood", "3");

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok every line", output, StringComparison.Ordinal);
        Assert.Contains("ok control during flood", output, StringComparison.Ordinal);
        var messages = Measure(output, "stream_messages");
        var lines = Measure(output, "lines_received");
        Assert.True(lines > 1000, output);
        // At most one message per ~50 ms per stream (3 s of printing), plus the flushes at the cell's end.
        Assert.True(messages <= 3 / 0.05 + 20, $"{messages} stream messages for {lines} lines");
        Assert.True(Measure(output, "reply_after_cell_end_s") < 3, output);
    }

    [Fact]
    public void An_interrupt_during_an_output_flood_is_honoured_within_three_seconds_with_no_line_lost_or_misplaced()
    {
        var (exitCode, output) = Script("interrupt", "2");

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok interrupt honoured", output, StringComparison.Ordinal);
        Assert.True(Measure(output, "interrupt_s") < 3, output);
        // What the cell printed while stopping still went to the frontend, not to the kernel's own stdout.
        Assert.DoesNotContain("\nline ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_key_is_warned_about_on_stderr_and_unsigned_messages_are_still_served()
    {
        var ports = Enumerable.Range(0, 5).Select(_ => FreePort()).ToArray();
        var connectionFile = Path.Combine(jupyter.Root, "unsigned-" + Guid.NewGuid().ToString("N")[..8] + ".json");
        File.WriteAllText(connectionFile, new JsonObject
        {
            ["transport"] = "tcp",
            ["ip"] = "127.0.0.1",
            ["key"] = "",
            ["signature_scheme"] = "hmac-sha256",
            ["shell_port"] = ports[0],
            ["iopub_port"] = ports[1],
            ["stdin_port"] = ports[2],
            ["control_port"] = ports[3],
            ["hb_port"] = ports[4],
        }.ToJsonString());
        var start = new ProcessStartInfo(jupyter.Cli) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = jupyter.Root };
        foreach (var argument in new[] { "kernel", "start", "--connection-file", connectionFile })
        {
            start.ArgumentList.Add(argument);
        }
        using var kernel = Process.Start(start)!;
        try
        {
            var stderr = await kernel.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Contains("warning: the connection file has an empty key: messages are neither signed nor checked", stderr, StringComparison.Ordinal);

            var codec = new MessageCodec(string.Empty);
            using var control = new DealerSocket($">tcp://127.0.0.1:{ports[3]}");
            var request = JupyterMessage.Create("kernel_info_request", new JsonObject(), null, "test-session");
            control.SendMultipartMessage(codec.Encode(request));
            var wire = new NetMQMessage();
            Assert.True(control.TryReceiveMultipartMessage(TimeSpan.FromSeconds(30), ref wire), "no kernel_info_reply");
            var reply = codec.Decode(wire, out var problem);
            Assert.True(reply is not null, problem);
            Assert.Equal("kernel_info_reply", reply.MessageType);

            control.SendMultipartMessage(codec.Encode(JupyterMessage.Create("shutdown_request", new JsonObject { ["restart"] = false }, null, "test-session")));
            Assert.True(kernel.WaitForExit(TimeSpan.FromSeconds(30)), "the kernel did not shut down");
            Assert.Equal(0, kernel.ExitCode);
        }
        finally
        {
            if (!kernel.HasExited)
            {
                kernel.Kill(entireProcessTree: true);
            }
        }
    }

    private static double Measure(string output, string name)
    {
        var line = output.Split('\n').First(l => l.StartsWith($"measure {name} ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 9)..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

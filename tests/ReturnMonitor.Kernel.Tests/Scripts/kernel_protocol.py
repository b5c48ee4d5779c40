"""Drives the installed ReturnMonitor kernel with Jupyter's own client (jupyter_client) and checks the protocol.

Usage: python3 kernel_protocol.py KERNEL_NAME WORKDIR [expect-png]   (JUPYTER_PATH must find the kernelspec)
Prints one "ok <check> <detail>" line per check; exits non-zero with "FAIL <check>: <reason>" on the first failure.
"""
import json
import sys
import time

import zmq
from jupyter_client.manager import start_new_kernel
from jupyter_client.session import Session

KERNEL, WORKDIR = sys.argv[1], sys.argv[2]
EXPECT_PNG = "expect-png" in sys.argv[3:]
TIMEOUT = 120


def fail(check, reason):
    print(f"FAIL {check}: {reason}", flush=True)
    sys.exit(1)


def ok(check, detail=""):
    print(f"ok {check} {detail}".rstrip(), flush=True)


def run(kc, code, timeout=TIMEOUT):
    """Executes code; returns (reply content, iopub messages of that request until idle)."""
    msg_id = kc.execute(code)
    messages = []
    deadline = time.time() + timeout
    while True:
        remaining = deadline - time.time()
        if remaining <= 0:
            raise TimeoutError(f"no idle status for: {code!r}")
        msg = kc.get_iopub_msg(timeout=remaining)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], messages


def of_type(messages, kind):
    return [m["content"] for m in messages if m["msg_type"] == kind]


started = time.time()
km, kc = start_new_kernel(kernel_name=KERNEL, cwd=WORKDIR, startup_timeout=TIMEOUT)
ok("start", f"{time.time() - started:.2f}s")
try:
    # kernel_info
    info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
    if info["status"] != "ok" or info["language_info"]["name"] != "C#" or not info["protocol_version"].startswith("5."):
        fail("kernel_info", json.dumps(info))
    ok("kernel_info", info["implementation"])

    # first cell: an expression's result, with busy/execute_input/idle around it
    t = time.time()
    reply, msgs = run(kc, "1 + 41")
    first_cell = time.time() - t
    results = of_type(msgs, "execute_result")
    states = [m["execution_state"] for m in of_type(msgs, "status")]
    if reply["status"] != "ok" or not results or results[0]["data"]["text/plain"] != "42":
        fail("expression", json.dumps(reply) + json.dumps(results))
    if states[0] != "busy" or states[-1] != "idle" or not of_type(msgs, "execute_input"):
        fail("status", str(states))
    if results[0]["execution_count"] != reply["execution_count"]:
        fail("execution_count", json.dumps(reply))
    ok("expression", f"first cell {first_cell:.2f}s")

    # stdout and stderr streams
    reply, msgs = run(kc, 'Console.WriteLine("hello out");\nConsole.Error.WriteLine("hello err");')
    streams = {s["name"]: s["text"] for s in of_type(msgs, "stream")}
    if streams.get("stdout") != "hello out\n" or streams.get("stderr") != "hello err\n":
        fail("stream", json.dumps(streams))
    ok("stream")

    # display() and its update, and a table as escaped HTML + text
    reply, msgs = run(kc, 'var h = display("first");\nh.Update("second");\nnew[] { new { Name = "<b>x</b>", Value = 1 } }')
    shown = of_type(msgs, "display_data")
    updated = of_type(msgs, "update_display_data")
    table = of_type(msgs, "execute_result")
    if not shown or not updated or updated[0]["transient"]["display_id"] != shown[0]["transient"]["display_id"] or updated[0]["data"]["text/plain"] != "second":
        fail("display", json.dumps(shown) + json.dumps(updated))
    if not table or "&lt;b&gt;x&lt;/b&gt;" not in table[0]["data"]["text/html"] or "<b>x</b>" in table[0]["data"]["text/html"]:
        fail("table", json.dumps(table))
    ok("display+update+table")

    # an error cell names its line, then the next cell works and state survives
    reply, msgs = run(kc, 'var kept = 7;\nint Fail(int v) => v > 1 ? throw new InvalidOperationException("too big") : v;\nFail(5)')
    errors = of_type(msgs, "error")
    if reply["status"] != "error" or not errors or errors[0]["ename"] != "System.InvalidOperationException":
        fail("error", json.dumps(reply))
    if not any(f"in cell {reply['execution_count']}, line" in line for line in errors[0]["traceback"]):
        fail("error traceback", json.dumps(errors[0]["traceback"]))
    reply, msgs = run(kc, "missing + 1")
    if reply["status"] != "error" or "CS0103" not in reply["evalue"] or not reply["evalue"].startswith("(1,1)"):
        fail("compile error", json.dumps(reply))
    reply, msgs = run(kc, '#r "nuget: NoSuchPackage.ReturnMonitorTest, 1.0.0"')
    if reply["status"] != "error" or "NU1101" not in reply["evalue"] or "/" in reply["evalue"].split(":", 1)[1].replace('#r "nuget:', ""):
        fail("nuget error", json.dumps(reply))
    reply, msgs = run(kc, "kept * 6")
    if reply["status"] != "ok" or of_type(msgs, "execute_result")[0]["data"]["text/plain"] != "42":
        fail("after error", json.dumps(reply))
    ok("error then working cell", errors[0]["traceback"][-1].strip())

    # a chart: Plotly figure + offline HTML (+ PNG once the cell ends, when Chromium is there)
    reply, msgs = run(kc, '#r "nuget: Plotly.NET.CSharp, 0.14.0"\nPlotly.NET.CSharp.Chart.Column<int, string, string>(new[] { 3, 5 }, new[] { "a", "b" })')
    charts = [d for d in of_type(msgs, "display_data") if "application/vnd.plotly.v1+json" in d["data"]]
    if reply["status"] != "ok" or len(charts) != 1:
        fail("chart", json.dumps(reply) + str([m["msg_type"] for m in msgs]))
    html = charts[0]["data"]["text/html"]
    if "<script src" in html.lower() or "plotly.js v2.28.0" not in html or "Plotly.newPlot" not in html or charts[0]["data"]["application/vnd.plotly.v1+json"]["data"][0]["type"] != "bar":
        fail("chart html", html[:200])
    pngs = [u for u in of_type(msgs, "update_display_data") if "image/png" in u["data"]]
    if EXPECT_PNG and (len(pngs) != 1 or pngs[0]["transient"]["display_id"] != charts[0]["transient"]["display_id"]):
        fail("chart png", str([m["msg_type"] for m in msgs]))
    ok("chart", f"png={'yes' if pngs else 'no'}")

    # completion from the engine's language services
    reply, msgs = run(kc, '#r "../lib/ReturnMonitor/bin/Debug/net10.0/ReturnMonitor.dll"\n'
                          'var schemaType = typeof(ReturnMonitor.Data.OrderSchema);\n'
                          'string.Join(",", schemaType.GetMembers(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(m => m.Name))')
    members = set(of_type(msgs, "execute_result")[0]["data"]["text/plain"].split(","))
    code = "ReturnMonitor.Data.OrderSchema."
    kc.complete(code, len(code))
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    listed = set(reply.get("matches", []))
    if reply["status"] != "ok" or not listed or reply["cursor_start"] != len(code) or reply["cursor_end"] != len(code):
        fail("complete", json.dumps(reply)[:500])
    if not listed <= members | {"Equals", "ReferenceEquals"} or len(listed & members) < min(5, len(members)):
        fail("complete members", f"listed {sorted(listed)[:10]}, public static members {sorted(members)[:10]}")
    ok("complete", f"{len(reply['matches'])} members, e.g. {', '.join(reply['matches'][:3])}")
    code = "var orders = new List<int>();\norders.Cou"
    kc.complete(code, len(code))
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    if "Count" not in reply["matches"] or reply["cursor_start"] != len(code) - 3:
        fail("complete prefix", json.dumps(reply)[:500])

    # inspect (hover text) and is_complete
    kc.inspect("Console.WriteLine", 10)
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    if reply["status"] != "ok" or not reply["found"] or "Console" not in reply["data"]["text/plain"]:
        fail("inspect", json.dumps(reply))
    statuses = []
    for code in ["var x = 1;", "if (true) {", "var s = \"open"]:
        kc.is_complete(code)
        statuses.append(kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"])
    if statuses[0] != "complete" or statuses[1] != "incomplete":
        fail("is_complete", str(statuses))
    ok("inspect+is_complete", str(statuses))

    # comm_info / history are answered (empty)
    kc.comm_info()
    reply = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    kc.history()
    history = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    if reply != {"status": "ok", "comms": {}} or history["history"] != []:
        fail("comm_info/history", json.dumps([reply, history]))
    ok("comm_info+history")

    # a second request while busy waits its turn
    slow = kc.execute("System.Threading.Thread.Sleep(1500); 1")
    quick = kc.execute("2")
    first = kc.get_shell_msg(timeout=TIMEOUT)
    second = kc.get_shell_msg(timeout=TIMEOUT)
    if first["parent_header"]["msg_id"] != slow or second["parent_header"]["msg_id"] != quick or second["content"]["status"] != "ok":
        fail("queue", json.dumps([first["content"], second["content"]]))
    ok("queued while busy")

    # interrupt a looping cell; the kernel lives on
    loop = kc.execute("while (true) { System.Threading.Thread.Sleep(50); }")
    # interrupt what runs: wait until the kernel has taken the cell up (execute_input), then give it a moment
    deadline = time.time() + TIMEOUT
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == loop and msg["msg_type"] == "execute_input":
            break
    time.sleep(1.0)
    t = time.time()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=30)
    if reply["parent_header"]["msg_id"] != loop or reply["content"]["status"] != "error":
        fail("interrupt", json.dumps(reply["content"]))
    stopped = time.time() - t
    reply, msgs = run(kc, "kept")
    if reply["status"] != "ok" or of_type(msgs, "execute_result")[0]["data"]["text/plain"] != "7":
        fail("after interrupt", json.dumps(reply))
    ok("interrupt", f"stopped in {stopped:.2f}s")

    # a badly signed message is dropped; a good one after it is answered
    bad = Session(key=b"not-the-key", username="tester")
    stream = kc.shell_channel.socket
    bad.send(stream, bad.msg("execute_request", {"code": "Console.WriteLine(\"forged\")", "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}))
    time.sleep(1.0)
    reply, msgs = run(kc, "3")
    if any("forged" in s.get("text", "") for s in of_type(msgs, "stream")):
        fail("signature", "a forged message ran")
    try:
        extra = kc.get_shell_msg(timeout=1)
        fail("signature", "a forged message got a reply: " + json.dumps(extra["content"]))
    except Exception as e:  # queue.Empty
        if type(e).__name__ != "Empty":
            raise
    ok("bad signature rejected")

    # restart: a new kernel process with empty state
    t = time.time()
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    reply, msgs = run(kc, "kept")
    if reply["status"] != "error" or "CS0103" not in reply["evalue"]:
        fail("restart", json.dumps(reply))
    ok("restart", f"{time.time() - t:.2f}s")
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=False)
if km.is_alive():
    fail("shutdown", "kernel still alive")
ok("shutdown")

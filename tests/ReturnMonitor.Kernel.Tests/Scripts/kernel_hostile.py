"""Hostile clients against the installed ReturnMonitor kernel, with Jupyter's own client library (jupyter_client, pyzmq).

Usage: python3 kernel_hostile.py KERNEL_NAME WORKDIR malformed|flood|interrupt [SECONDS]   (JUPYTER_PATH finds the kernelspec)

malformed: signed requests whose header or content fields have the wrong JSON type, on the shell and the control
           channel; each must get an error reply, then a kernel_info round trip on the same channel.
flood:     a cell prints numbered lines in a tight loop for SECONDS; kernel_info on control and heartbeat pings are
           timed throughout; every line must arrive, in order.
interrupt: a cell prints in an endless tight loop; after a while an interrupt_request (control) must end it.

Prints "ok <check> <detail>" and "measure <name> <value>" lines; exits non-zero with "FAIL <check>: <reason>".
"""
import json
import sys
import time

import zmq
from jupyter_client.manager import start_new_kernel

KERNEL, WORKDIR, MODE = sys.argv[1], sys.argv[2], sys.argv[3]
SECONDS = float(sys.argv[4]) if len(sys.argv) > 4 else 4.0
TIMEOUT = 120


def fail(check, reason):
    print(f"FAIL {check}: {reason}", flush=True)
    sys.exit(1)


def ok(check, detail=""):
    print(f"ok {check} {detail}".rstrip(), flush=True)


def measure(name, value):
    print(f"measure {name} {value}", flush=True)


def receive_reply(session, socket, msg_id, timeout):
    """The reply to msg_id on a DEALER socket, or None after timeout seconds."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if socket.poll(max(1, int((deadline - time.time()) * 1000))):
            _, frames = session.feed_identities(socket.recv_multipart(), copy=True)
            reply = session.deserialize(frames, content=True, copy=True)
            if reply["parent_header"].get("msg_id") == msg_id:
                return reply
    return None


def send_raw(session, socket, msg_type, content, header_changes=None, content_changes=None):
    """Signs and sends a request whose header/content fields may have any JSON value; returns its msg_id."""
    msg = session.msg(msg_type, dict(content))
    msg["header"].update(header_changes or {})
    msg["content"].update(content_changes or {})
    socket.send_multipart(session.serialize(msg))
    return msg["header"]["msg_id"]


def kernel_info_round_trip(session, socket, check):
    t = time.time()
    msg_id = send_raw(session, socket, "kernel_info_request", {})
    reply = receive_reply(session, socket, msg_id, 1.0)
    took = time.time() - t
    if reply is None or reply["content"].get("status") != "ok":
        fail(check, f"no kernel_info_reply within 1 s (after {took:.2f} s)")
    return took


def execute(session, shell, code, timeout=TIMEOUT):
    """Runs code through our own shell socket; returns the execute_reply content."""
    msg_id = send_raw(session, shell, "execute_request", {"code": code, "silent": False, "store_history": True,
                                                          "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    reply = receive_reply(session, shell, msg_id, timeout)
    if reply is None:
        fail("execute", f"no reply to {code!r}")
    return reply["content"]


km, kc = start_new_kernel(kernel_name=KERNEL, cwd=WORKDIR, startup_timeout=TIMEOUT)
ok("start")
kc.stop_channels()
session = kc.session
# Plain (synchronous) pyzmq sockets of our own: raw frames, no client-side checks in the way.
context = zmq.Context()


def connect(kind, port):
    socket = context.socket(kind)
    socket.linger = 0
    socket.connect(f"{km.transport}://{km.ip}:{port}")
    return socket


shell = connect(zmq.DEALER, km.shell_port)
control = connect(zmq.DEALER, km.control_port)
iopub = connect(zmq.SUB, km.iopub_port)
iopub.setsockopt(zmq.SUBSCRIBE, b"")
heartbeat = connect(zmq.REQ, km.hb_port)
time.sleep(0.5)  # let the subscription reach the kernel before anything is published
try:
    if MODE == "malformed":
        execute_content = {"code": "1", "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}
        cases = [
            ("msg_type number", "kernel_info_request", {}, {"msg_type": 5}, {}),
            ("msg_type object", "kernel_info_request", {}, {"msg_type": {"a": 1}}, {}),
            ("username number", "kernel_info_request", {}, {"username": 7}, {}),
            ("session array", "kernel_info_request", {}, {"session": [1]}, {}),
            ("restart string", "shutdown_request", {"restart": False}, {}, {"restart": "yes"}),
            ("code number", "execute_request", execute_content, {}, {"code": 42}),
            ("silent string", "execute_request", execute_content, {}, {"silent": "no"}),
            ("cursor_pos string", "complete_request", {"code": "Con", "cursor_pos": 3}, {}, {"cursor_pos": "3"}),
            ("code bool", "inspect_request", {"code": "Console", "cursor_pos": 3, "detail_level": 0}, {}, {"code": True}),
        ]
        for channel, socket in (("control", control), ("shell", shell)):
            for name, msg_type, content, header_changes, content_changes in cases:
                msg_id = send_raw(session, socket, msg_type, content, header_changes, content_changes)
                reply = receive_reply(session, socket, msg_id, 1.0)
                if reply is None:
                    fail(f"{channel} {name}", "no reply within 1 s")
                if reply["content"].get("status") != "error":
                    fail(f"{channel} {name}", "reply is not an error: " + json.dumps(reply["content"]))
                took = kernel_info_round_trip(session, socket, f"{channel} {name} then kernel_info")
                ok(f"{channel} {name}", f"error reply, then kernel_info in {took:.3f}s")
        if not km.is_alive():
            fail("alive", "the kernel process died")
        reply = execute(session, shell, "6 * 7")
        if reply["status"] != "ok":
            fail("execute after malformed", json.dumps(reply))
        ok("alive and executing")

    elif MODE in ("flood", "interrupt"):
        if MODE == "flood":
            code = ("var clock = System.Diagnostics.Stopwatch.StartNew(); long printed = 0;\n"
                    f"while (clock.Elapsed.TotalSeconds < {SECONDS}) {{ Console.WriteLine($\"line {{printed}}\"); printed++; }}\n"
                    "printed")
        else:
            code = "long printed = 0; while (true) { Console.WriteLine($\"line {printed}\"); printed++; }"
        # Warm the engine so the flood starts at once.
        execute(session, shell, "0")
        msg_id = send_raw(session, shell, "execute_request", {"code": code, "silent": False, "store_history": True,
                                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        stream_messages = 0
        text = []
        result = None
        reply = None
        latencies = []
        heartbeats = []
        pending_info = None
        pending_ping = None
        interrupt_sent = None
        first_stream = None
        idle_at = None
        poller = zmq.Poller()
        for s in (iopub, control, shell, heartbeat):
            poller.register(s, zmq.POLLIN)
        deadline = time.time() + SECONDS + 60
        next_probe = time.time() + 0.2
        while (reply is None or idle_at is None) and time.time() < deadline:
            now = time.time()
            if now >= next_probe and first_stream is not None and reply is None:
                if pending_info is None:
                    pending_info = (send_raw(session, control, "kernel_info_request", {}), now)
                if pending_ping is None:
                    heartbeat.send(b"ping")
                    pending_ping = now
                next_probe = now + 0.25
            if MODE == "interrupt" and interrupt_sent is None and first_stream is not None and now - first_stream > SECONDS:
                send_raw(session, control, "interrupt_request", {})
                interrupt_sent = time.time()
            for socket, _ in poller.poll(50):
                if socket is heartbeat:
                    heartbeat.recv()
                    heartbeats.append(time.time() - pending_ping)
                    pending_ping = None
                    continue
                _, frames = session.feed_identities(socket.recv_multipart(), copy=True)
                msg = session.deserialize(frames, content=True, copy=True)
                if socket is control:
                    if pending_info and msg["parent_header"].get("msg_id") == pending_info[0]:
                        latencies.append(time.time() - pending_info[1])
                        pending_info = None
                    continue
                if msg["parent_header"].get("msg_id") != msg_id:
                    continue
                if socket is shell:
                    reply = (msg["content"], time.time())
                elif msg["msg_type"] == "stream":
                    stream_messages += 1
                    first_stream = first_stream or time.time()
                    text.append(msg["content"]["text"])
                elif msg["msg_type"] == "execute_result":
                    result = int(msg["content"]["data"]["text/plain"])
                elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    idle_at = time.time()
        if reply is None:
            fail(MODE, f"no execute_reply ({stream_messages} stream messages, interrupt sent: {interrupt_sent is not None})")
        lines = "".join(text).split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        gaps = sum(1 for i, line in enumerate(lines) if line != f"line {i}")
        measure("stream_messages", stream_messages)
        measure("lines_received", len(lines))
        measure("kernel_info_max_s", f"{max(latencies, default=float('nan')):.3f}")
        measure("kernel_info_probes", len(latencies))
        measure("heartbeat_max_s", f"{max(heartbeats, default=float('nan')):.3f}")
        if MODE == "flood":
            measure("lines_printed", result)
            measure("reply_after_cell_end_s", f"{reply[1] - (first_stream + SECONDS):.3f}")
            if result is None or len(lines) != result or gaps:
                fail("every line", f"printed {result}, received {len(lines)}, {gaps} out of place")
            ok("every line", f"{len(lines)} lines in {stream_messages} messages")
        else:
            honoured = reply[1] - interrupt_sent
            measure("interrupt_s", f"{honoured:.3f}")
            if reply[0].get("status") != "error":
                fail("interrupt", json.dumps(reply[0]))
            if gaps:
                fail("lines in order", f"{gaps} lines out of place")
            if honoured > 3:
                fail("interrupt", f"honoured after {honoured:.2f} s")
            ok("interrupt", f"honoured in {honoured:.2f}s")
        if not latencies or max(latencies) > 1.0:
            fail("control during flood", f"kernel_info latencies {latencies[:5]}…, max {max(latencies, default=-1):.2f}s over {len(latencies)} probes")
        if not heartbeats or max(heartbeats) > 1.0:
            fail("heartbeat during flood", f"max {max(heartbeats, default=-1):.2f}s")
        ok("control during flood", f"max {max(latencies):.3f}s over {len(latencies)} probes")
        after = execute(session, shell, "6 * 7")
        if after["status"] != "ok":
            fail("after flood", json.dumps(after))
        ok("after flood")
    else:
        fail("usage", MODE)
finally:
    context.destroy(linger=0)
    km.shutdown_kernel(now=True)

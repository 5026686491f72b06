"""Shared by the server tests: start `galley server` on a free loopback port (it
announces the port on standard output), raw HTTP exchanges, and stopping it."""
import os
import re
import select
import socket
import subprocess
import tempfile
import time


class Server:
    def __init__(self, galley, *args, env=None, cwd=None):
        # The log goes to a file: a pipe nobody reads would fill up and stop the server's I/O thread.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([galley, "server", "--port", "0", *args], stdout=subprocess.PIPE,
                                     stderr=self.log, env=env, cwd=cwd)
        line = b""
        deadline = time.monotonic() + 60
        while b"\n" not in line:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("galley server did not announce its port: %r" % line)
            r, _, _ = select.select([self.proc.stdout], [], [], 1)
            if r:
                line += os.read(self.proc.stdout.fileno(), 200)
        m = re.search(rb"http://127\.0\.0\.1:(\d+)/", line)
        if not m:
            raise RuntimeError("unexpected announcement %r" % line)
        self.port = int(m.group(1))

    def connect(self, timeout=60):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        return s

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=90)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.seek(0)
        return self.proc.returncode, self.log.read().decode("utf-8", "replace")


def read_response(sock):
    """One HTTP/1.1 response: (status, headers dict with lower-case names, body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed before the headers: %r" % data[:200])
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for l in lines[1:]:
        k, _, v = l.partition(":")
        headers[k.strip().lower()] = v.strip()
    if status == 100:
        return status, headers, rest
    n = int(headers.get("content-length", "0"))
    while len(rest) < n:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed in the body")
        rest += chunk
    return status, headers, rest[:n]


def request(server, method, path, body=b"", headers=None, sock=None):
    own = sock is None
    s = sock or server.connect()
    h = {"Host": "127.0.0.1:%d" % server.port, "Content-Length": str(len(body))}
    if own:
        h["Connection"] = "close"
    h.update(headers or {})
    msg = "%s %s HTTP/1.1\r\n" % (method, path) + "".join("%s: %s\r\n" % kv for kv in h.items()) + "\r\n"
    s.sendall(msg.encode("latin-1") + body)
    try:
        return read_response(s)
    finally:
        if own:
            s.close()

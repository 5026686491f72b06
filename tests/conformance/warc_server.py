#!/usr/bin/env python3
"""Loopback HTTP server for the warc tests (port 0; prints the port on stdout).

Serves files below ROOT like http.server, plus the cases a web archive must
handle: /chunked/<file> (Transfer-Encoding: chunked), /gzip/<file>
(Content-Encoding: gzip), /old/<path> (301 to /<path>), /redirect?to=URL
(302 to URL), /loop (302 to itself).
Usage: warc_server.py ROOT [HOST [LOG]]: HOST defaults to 127.0.0.1; every
request's path is appended to LOG."""
import gzip
import http.server
import os
import sys
import threading

import urllib.parse

root = sys.argv[1]
host = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
log = sys.argv[3] if len(sys.argv) > 3 else None
lock = threading.Lock()


class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def __init__(self, *a, **k):
        super().__init__(*a, directory=root, **k)

    def log_message(self, *a):
        pass

    def file_bytes(self, rel):
        path = os.path.join(root, rel.lstrip("/"))
        with open(path, "rb") as f:
            return f.read()

    def ctype(self, rel):
        return self.guess_type(rel)

    def redirect(self, code, to):
        self.send_response(code)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        if log:
            with lock, open(log, "a") as f:
                f.write(self.path + "\n")
        p = self.path.split("?")[0]
        if p == "/redirect":
            q = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            return self.redirect(302, q["to"][0])
        if p == "/loop":
            return self.redirect(302, "/loop")
        if p.startswith("/old/"):
            self.send_response(301)
            self.send_header("Location", "/" + p[len("/old/"):])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if p.startswith("/chunked/"):
            body = self.file_bytes(p[len("/chunked"):])
            self.send_response(200)
            self.send_header("Content-Type", self.ctype(p))
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for i in range(0, len(body), 700):
                part = body[i:i + 700]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\n\r\n")
            return
        if p.startswith("/gzip/"):
            body = gzip.compress(self.file_bytes(p[len("/gzip"):]), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.ctype(p))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


server = http.server.ThreadingHTTPServer((host, 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()

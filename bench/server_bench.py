#!/usr/bin/env python3
"""galley server under load, side by side with pandoc in one run (issue 25).

Debian 12 has no pandoc-server, so the peer is pandoc run once per request behind a
minimal HTTP front (pandoc_front below: a thread per connection, one pandoc process
per request, as a PHP or Node system shelling out to pandoc would). Both get the same
client: C connections (keep-alive) posting the seed article (examples/article.txt)
back to back for D seconds, loopback only. galley reads it as `plain`; pandoc, which
has no news-text reader, as markdown (the closest it has). Reports requests/s, p50 and
p99 latency and errors for JSON and EPUB output.

usage: bench/server_bench.py [--galley build/galley] [--clients 8] [--seconds 10] [--json FILE]
"""
import argparse, http.server, json, os, socket, subprocess, sys, threading, time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "conformance"))
from server_lib import Server, read_response  # noqa: E402

ARTICLE = open(os.path.join(HERE, "..", "examples", "article.txt"), "rb").read()


def pandoc_front(port_box):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            to = self.path.split("to=")[1]
            p = subprocess.run(["pandoc", "-f", "markdown", "-t", to, "-o", "-"], input=body, capture_output=True)
            out = p.stdout if p.returncode == 0 else p.stderr
            self.send_response(200 if p.returncode == 0 else 500)
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *a):
            pass
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_box.append(srv.server_address[1])
    srv.serve_forever()


def load(port, path, clients, seconds):
    lat, errors, lock = [], [0], threading.Lock()
    stop = time.monotonic() + seconds
    req = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
           % (path, port, len(ARTICLE))).encode() + ARTICLE

    def client():
        s = socket.create_connection(("127.0.0.1", port), timeout=120)
        mine, bad = [], 0
        while time.monotonic() < stop:
            t = time.perf_counter()
            try:
                s.sendall(req)
                st, h, body = read_response(s)
            except OSError:
                bad += 1
                s.close()
                s = socket.create_connection(("127.0.0.1", port), timeout=120)
                continue
            mine.append(time.perf_counter() - t)
            if st != 200 or not body:
                bad += 1
        s.close()
        with lock:
            lat.extend(mine)
            errors[0] += bad
    threads = [threading.Thread(target=client) for _ in range(clients)]
    t0 = time.monotonic()
    [t.start() for t in threads]
    [t.join() for t in threads]
    wall = time.monotonic() - t0
    lat.sort()
    pick = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else float("nan")
    return {"requests": len(lat), "errors": errors[0], "rps": len(lat) / wall, "p50_ms": pick(0.50), "p99_ms": pick(0.99)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--galley", default=os.path.join(HERE, "..", "build", "galley"))
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--json")
    a = ap.parse_args()
    galley = Server(os.path.abspath(a.galley))
    box = []
    threading.Thread(target=pandoc_front, args=(box,), daemon=True).start()
    while not box:
        time.sleep(0.01)
    rows = []
    try:
        for fmt, gpath, ppath in [("JSON", "/convert?from=plain&to=json", "/convert?to=json"),
                                  ("EPUB", "/convert?from=plain&to=epub3", "/convert?to=epub3")]:
            g = load(galley.port, gpath, a.clients, a.seconds)
            p = load(box[0], ppath, a.clients, a.seconds)
            rows.append({"output": fmt, "galley": g, "pandoc": p})
    finally:
        galley.stop()
    print("%d clients, %.0f s each, seed article (%d bytes), loopback, %d cores" % (a.clients, a.seconds, len(ARTICLE), os.cpu_count()))
    print("| output | server | requests/s | p50 ms | p99 ms | requests | errors |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        for name in ("galley", "pandoc"):
            x = r[name]
            label = "galley server" if name == "galley" else "pandoc per request"
            print("| %s | %s | %.1f | %.2f | %.2f | %d | %d |" % (r["output"], label, x["rps"], x["p50_ms"], x["p99_ms"], x["requests"], x["errors"]))
    if a.json:
        json.dump(rows, open(a.json, "w"), indent=2)


if __name__ == "__main__":
    main()

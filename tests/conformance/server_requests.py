"""`galley server` against a catalogue of good and bad requests (issue 25): each gets
its status code and its error id, results are the CLI's bytes, and after every bad
request the server still answers the next one. Run by server_requests.sh, and by the
sanitizer phase against the ASan build (GALLEY points at the binary)."""
import base64
import io
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from server_lib import Server, read_response, request  # noqa: E402

GALLEY = os.environ["GALLEY"]
SRC = os.environ["SRC"]
ARTICLE_PATH = os.path.join(SRC, "examples", "article.txt")
ARTICLE = open(ARTICLE_PATH, "rb").read()
failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def cli(args, stdin=b"", cwd=None, env=None):
    p = subprocess.run([GALLEY, *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=300)
    if p.returncode != 0:
        raise RuntimeError("galley %s failed: %s" % (args, p.stderr.decode()))
    return p.stdout


def error_id(body):
    try:
        return json.loads(body)["error"]["id"]
    except Exception:
        return None


def still_answers(srv, after):
    st, _, body = request(srv, "GET", "/health")
    check(st == 200 and json.loads(body)["status"] == "ok", "the server answers /health after: " + after)


def expect_error(srv, name, raw, status, eid=None, wait=60):
    """Send raw bytes on a new connection; expect `status` (and error id)."""
    s = srv.connect(timeout=wait)
    try:
        if raw:
            s.sendall(raw)
        st, h, body = read_response(s)
        check(st == status, "%s: status %d (got %d: %r)" % (name, status, st, body[:200]))
        if eid:
            check(error_id(body) == eid, "%s: error id %s (got %r)" % (name, eid, body[:200]))
        check("application/json" in h.get("content-type", ""), name + ": the error is JSON")
    except (ConnectionError, socket.timeout) as e:
        check(False, "%s: no answer (%s)" % (name, e))
    finally:
        s.close()
    still_answers(srv, name)


def host(srv):
    return "Host: 127.0.0.1:%d\r\n" % srv.port


def main():
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    srv = Server(GALLEY, "--workers", "2", "--header-timeout", "2", "--body-timeout", "2", "--timeout", "60",
                 "--max-body", str(8 << 20), env=env)
    try:
        good(srv, env)
        bad(srv)
        isolation(srv)
    finally:
        rc, log = srv.stop()
    check(rc == 0, "SIGTERM: exit status 0 (got %s)" % rc)
    lines = [json.loads(l) for l in log.splitlines() if l.startswith("{")]
    check(all("status" in l or "event" in l for l in lines), "every log line is JSON with a status or an event")
    check(sum(1 for l in lines if "status" in l) >= 30, "one log line per request (%d)" % len(lines))
    limits(env)
    graceful_stop(env)


def good(srv, env):
    # Results are the CLI's bytes for the same input and options.
    for to, ctype, args in [("json", "application/json", ["-t", "json"]),
                            ("epub3", "application/epub+zip", ["-t", "epub3"]),
                            ("jats", "application/jats+xml", ["-t", "jats"]),
                            ("html_print", "text/html; charset=utf-8", ["-t", "html_print"])]:
        st, h, body = request(srv, "POST", "/convert?from=plain&to=" + to, ARTICLE)
        check(st == 200, "convert to %s: 200 (got %d %r)" % (to, st, body[:200]))
        check(h.get("content-type") == ctype, "convert to %s: Content-Type %s (got %s)" % (to, ctype, h.get("content-type")))
        check(body == cli(["-f", "plain", *args], ARTICLE, env=env), "convert to %s: the CLI's bytes" % to)
        if to == "epub3":
            check(h.get("content-disposition") == 'attachment; filename="article.epub"', "EPUB: Content-Disposition")
    # filename= is the input's name, as a path on the command line is.
    st, h, body = request(srv, "POST", "/convert?to=jats_publishing&standalone=true&metadata.lang=de&metadata.title=Titel%20%C3%A4"
                          "&variable.papersize=a5&filename=article.txt", ARTICLE)
    expected = cli(["article.txt", "-t", "jats_publishing", "-s", "-M", "lang=de", "-M", "title=Titel ä", "-V",
                    "papersize=a5"], cwd=os.path.dirname(ARTICLE_PATH), env=env)
    check(st == 200 and body == expected, "options as query parameters: the CLI's bytes")
    # A pandoc-server-shaped JSON body; binary output base64.
    req = json.dumps({"text": ARTICLE.decode(), "from": "plain", "to": "epub3", "standalone": True,
                      "metadata": {"title": "JSON title"}}).encode()
    st, h, body = request(srv, "POST", "/convert", req, {"Content-Type": "application/json; charset=utf-8"})
    j = json.loads(body) if st == 200 else {}
    check(st == 200 and j.get("base64") is True, "JSON request: base64 output for EPUB")
    check(st == 200 and base64.b64decode(j["output"]) == cli(["-f", "plain", "-t", "epub3", "-s", "-M", "title=JSON title"],
                                                            ARTICLE, env=env), "JSON request: the CLI's bytes")
    # Any other Content-Type is the raw input.
    st, h, body = request(srv, "POST", "/convert?from=plain&to=json", ARTICLE, {"Content-Type": "application/x-www-form-urlencoded"})
    check(st == 200 and body == cli(["-f", "plain", "-t", "json"], ARTICLE, env=env), "a form Content-Type is still raw input")
    # Warnings in a JSON header (and in the JSON response).
    hostile = (b'<html><head><title>T</title></head><body><h1>Hi</h1><p>x<img src="http://example.com/a.png" alt="a"></p>'
               b'<p><img src="file:///etc/hostname" alt="h"><img src="/etc/passwd"><img src="../../../../etc/passwd"></p>'
               b'<script>alert(1)</script><a href="javascript:alert(2)">j</a>'
               b'<img src=x onerror="alert(3)"><iframe src="http://example.com"></iframe>'
               b'<div style="background:url(javascript:alert(4))">s</div></body></html>')
    for to in ["epub3", "html_print", "jats"]:
        st, h, body = request(srv, "POST", "/convert?from=html&to=" + to, hostile)
        check(st == 200, "hostile HTML to %s: 200" % to)
        warnings = json.loads(h.get("x-galley-warnings", "[]"))
        check(len(warnings) >= 3 and int(h.get("x-galley-warning-count", "0")) >= 3, "hostile HTML to %s: warnings in the header" % to)
        text = body
        if to == "epub3":
            z = zipfile.ZipFile(io.BytesIO(body))
            text = b"".join(z.read(n) for n in z.namelist())
        low = text.lower()
        for bad in [b"<script", b"onerror", b"javascript:", b"<iframe"]:
            check(bad not in low, "hostile HTML to %s: no %r" % (to, bad))
        host_name = open("/etc/hostname", "rb").read().strip()
        check(b"root:x:0:0" not in text and (not host_name or host_name not in text.replace(b"example.com", b"")),
              "hostile HTML to %s: no local file read" % to)
    # GET routes.
    st, h, body = request(srv, "GET", "/formats")
    f = json.loads(body)
    check(st == 200 and any(w["name"] == "epub3" and w["media_type"] == "application/epub+zip" for w in f["output"]),
          "/formats lists the writers with media types")
    st, h, body = request(srv, "GET", "/version")
    check(st == 200 and json.loads(body)["galley"], "/version")
    st, h, body = request(srv, "GET", "/")
    check(st == 200 and h["content-type"].startswith("text/html") and b"/app.js" in body, "/ is the page")
    check("script-src 'self'" in h.get("content-security-policy", ""), "/ has a Content-Security-Policy")
    st, h, body = request(srv, "GET", "/app.js")
    check(st == 200 and b"sandbox" in open(os.path.join(SRC, "src/server/page/index.html"), "rb").read(), "/app.js served")
    # POST /package: the bag `galley package` writes.
    st, h, body = request(srv, "POST", "/package?filename=article.txt", ARTICLE)
    check(st == 200 and h.get("content-type") == "application/zip", "/package: a zip")
    with tempfile.TemporaryDirectory() as d:
        cli(["package", ARTICLE_PATH, "-o", os.path.join(d, "article-bag.zip")], env=env)
        check(body == open(os.path.join(d, "article-bag.zip"), "rb").read(), "/package: the bytes of galley package")
        open(os.path.join(d, "served.zip"), "wb").write(body)
        p = subprocess.run([GALLEY, "package", "--validate", os.path.join(d, "served.zip")], capture_output=True)
        check(p.returncode == 0, "/package: a valid bag (%s)" % p.stdout.decode())
    # Eight clients at once with the default queue: no 503.
    results = []

    def one(i):
        st, h, body = request(srv, "POST", "/convert?from=plain&to=epub3&metadata.title=Client%20" + str(i), ARTICLE)
        results.append(st)
    threads = [threading.Thread(target=one, args=(i,)) for i in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    check(results == [200] * 8, "8 concurrent clients: all 200 (got %s)" % results)


def bad(srv):
    h = host(srv)
    expect_error(srv, "malformed request line", b"GARBAGE\r\n\r\n", 400, "galley.server.http")
    expect_error(srv, "bad Content-Length", ("POST /convert HTTP/1.1\r\n" + h + "Content-Length: abc\r\n\r\n").encode(), 400)
    expect_error(srv, "NUL in a header", ("GET /health HTTP/1.1\r\n" + h + "X-A: a\0b\r\n\r\n").encode(), 400)
    expect_error(srv, "1 GB declared body", ("POST /convert HTTP/1.1\r\n" + h + "Content-Length: 1073741824\r\n\r\n").encode()
                 + b"x" * 65536, 413, "galley.server.too-large")
    expect_error(srv, "chunked body over the limit", ("POST /convert HTTP/1.1\r\n" + h + "Transfer-Encoding: chunked\r\n\r\n").encode()
                 + (b"100000\r\n" + b"x" * 0x100000 + b"\r\n") * 9 + b"0\r\n\r\n", 413, "galley.server.too-large")
    t = time.monotonic()
    expect_error(srv, "a body that never ends", ("POST /convert HTTP/1.1\r\n" + h + "Content-Length: 100000\r\n\r\n").encode()
                 + b"x" * 10, 408, "galley.server.body-timeout")
    check(time.monotonic() - t < 50, "a body that never ends is cut off")
    expect_error(srv, "headers that never end", ("POST /convert HTTP/1.1\r\n" + h + "X-Slow: 1\r\n").encode(), 408,
                 "galley.server.header-timeout")
    many = "".join("X-H%d: v\r\n" % i for i in range(10000))
    expect_error(srv, "10,000 headers", ("GET /health HTTP/1.1\r\n" + h + many + "\r\n").encode(), 431,
                 "galley.server.headers-too-large")
    expect_error(srv, "a 1 MB header line", ("GET /health HTTP/1.1\r\n" + h + "X-Big: " + "a" * (1 << 20) + "\r\n\r\n").encode(), 431)
    expect_error(srv, "another Host (DNS rebinding)", b"GET /health HTTP/1.1\r\nHost: evil.example\r\n\r\n", 421, "galley.server.host")

    def post(name, path, body, status, eid, headers=None):
        st, hd, b = request(srv, "POST", path, body, headers)
        check(st == status and error_id(b) == eid, "%s: %d %s (got %d %r)" % (name, status, eid, st, b[:200]))
        check(st < 500 or st == 503, name + ": no 500")
        still_answers(srv, name)
    js = {"Content-Type": "application/json"}
    post("broken JSON", "/convert", b'{"text": "a', 400, "galley.json.parse", js)
    post("JSON not an object", "/convert", b'["text"]', 400, "galley.json.shape", js)
    post("JSON without text", "/convert", b'{"from": "plain"}', 400, "galley.json.shape", js)
    post("JSON text not a string", "/convert", b'{"text": 5}', 400, "galley.json.shape", js)
    post("JSON option of the wrong type", "/convert", b'{"text": "a", "columns": [1]}', 400, "galley.json.shape", js)
    post("unknown output format", "/convert?to=docx", ARTICLE, 415, "galley.format.unknown")
    post("unknown input format", "/convert?from=docx", ARTICLE, 415, "galley.format.unknown")
    post("unknown extension", "/convert?from=plain%2Bnope", ARTICLE, 415, "galley.format.extension")
    post("unknown parameter", "/convert?frobnicate=1", ARTICLE, 400, "galley.server.option")
    post("a filter (runs a program)", "/convert?filter=/bin/sh", ARTICLE, 400, "galley.server.option")
    post("a css file (reads a file)", "/convert?css=/etc/passwd", ARTICLE, 400, "galley.server.option")
    post("a bad value", "/convert?columns=-3", ARTICLE, 400, "galley.cli.usage")
    post("a bad flag value", "/convert?standalone=maybe", ARTICLE, 400, "galley.server.option")
    post("a path as file name", "/convert?filename=../../etc/passwd", ARTICLE, 400, "galley.server.option")
    post("a bad percent escape", "/convert?to=%zz", ARTICLE, 400, "galley.server.query")
    post("a metadata key with ':'", "/convert?metadata.a:b=1", ARTICLE, 400, "galley.server.option")
    post("invalid Pandoc JSON input", "/convert?from=json", b'{"pandoc-api-version": [1,23], "blocks": [{"t": "Nope"}]}', 400,
         "galley.json.shape")
    post("deeply nested Pandoc JSON input", "/convert?from=json",
         b'{"pandoc-api-version":[1,23],"meta":{},"blocks":[' + b'{"t":"BlockQuote","c":[' * 100000, 400, "galley.json.depth")
    post("an unknown encoding", "/convert?from=plain&encoding=nope", ARTICLE, 400, "galley.plain.encoding")
    st, hd, b = request(srv, "POST", "/convert?from=html&to=json", b"<div>" * 100000)
    check(st == 200 and int(hd.get("x-galley-warning-count", "0")) >= 1, "deeply nested HTML: flattened with a warning")
    st, hd, b = request(srv, "GET", "/convert")
    check(st == 405 and hd.get("allow") == "POST", "GET /convert: 405")
    st, hd, b = request(srv, "GET", "/nowhere")
    check(st == 404 and error_id(b) == "galley.server.not-found", "unknown path: 404")
    still_answers(srv, "the catalogue")


def isolation(srv):
    # Concurrent requests with different metadata: each response holds its own title only.
    out = {}

    def one(i):
        st, h, body = request(srv, "POST", "/convert?from=plain&to=json&metadata.title=REQUEST-%03d" % i, ARTICLE)
        out[i] = body
    threads = [threading.Thread(target=one, args=(i,)) for i in range(16)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    for i, body in out.items():
        titles = [t for t in range(16) if b"REQUEST-%03d" % t in body]
        check(titles == [i], "request %d got its own output (titles %s)" % (i, titles))
    # Keep-alive: several requests on one connection, answers in order.
    s = srv.connect()
    for i in range(3):
        st, h, body = request(srv, "POST", "/convert?from=plain&to=json&metadata.title=KEEP-%d" % i, ARTICLE, sock=s)
        check(st == 200 and b"KEEP-%d" % i in body, "keep-alive request %d" % i)
    s.close()


def limits(env):
    # One worker, no queue, a tight time limit: a large input exhausts it (503), the
    # worker is still busy with it (503 busy), and its late result reaches no one.
    big = (b"KICKER\nA headline\n\n" + b"".join(b"Paragraph %d with some words in it, and more words to read.\n\n" % i
                                                   for i in range(100000)))
    srv = Server(GALLEY, "--workers", "1", "--queue", "0", "--timeout", "0.05", "--max-body", str(32 << 20), env=env)
    try:
        s = srv.connect()
        st, h, body = request(srv, "POST", "/convert?from=plain&to=epub3", big, sock=s)
        check(st == 503 and error_id(body) == "galley.server.timeout" and h.get("retry-after") == "1",
              "time limit: 503 galley.server.timeout with Retry-After (got %d %r)" % (st, body[:200]))
        st2, h2, body2 = request(srv, "POST", "/convert?from=plain&to=json", ARTICLE)
        check(st2 == 503 and error_id(body2) == "galley.server.busy" and h2.get("retry-after") == "1",
              "overload: 503 galley.server.busy with Retry-After (got %d %r)" % (st2, body2[:200]))
        # The same connection: the next answers are theirs, never the late EPUB.
        st3, h3, body3 = request(srv, "GET", "/version", sock=s)
        check(st3 == 200 and b"galley" in body3, "after a timeout the connection answers the next request")
        for _ in range(600):
            st4, h4, body4 = request(srv, "GET", "/health", sock=s)
            if json.loads(body4)["running"] == 0:
                break
            time.sleep(0.1)
        st5, h5, body5 = request(srv, "GET", "/version", sock=s)
        check(st5 == 200 and body5 == body3, "the timed-out result is dropped, not served to a later request")
        s.close()
    finally:
        rc, log = srv.stop()
    check(rc == 0, "limits server: exit 0")
    # Too many connections: 503 at once.
    srv = Server(GALLEY, "--max-connections", "1", env=env)
    try:
        idle = srv.connect()
        time.sleep(0.2)
        s = srv.connect()
        st, h, body = read_response(s)
        check(st == 503 and error_id(body) == "galley.server.busy", "connection limit: 503")
        s.close()
        idle.close()
    finally:
        srv.stop()


def graceful_stop(env):
    # SIGTERM while a request is in flight: it is answered, then the server exits 0.
    srv = Server(GALLEY, env=env)
    s = srv.connect()
    head = ("POST /convert?from=plain&to=epub3 HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Length: %d\r\n"
            "Expect: 100-continue\r\n\r\n" % (srv.port, len(ARTICLE))).encode()
    s.sendall(head)
    st, h, _ = read_response(s)
    check(st == 100, "Expect: 100-continue answered")
    srv.proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    s.sendall(ARTICLE)
    st, h, body = read_response(s)
    check(st == 200 and h.get("connection", "").lower() == "close" and body == cli(["-f", "plain", "-t", "epub3"], ARTICLE, env=env),
          "SIGTERM: the request in flight is answered in full (got %d)" % st)
    s.close()
    try:
        rc = srv.proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        rc = None
        srv.proc.kill()
    check(rc == 0, "SIGTERM: the server exits 0 after the request in flight (got %s)" % rc)
    try:
        socket.create_connection(("127.0.0.1", srv.port), timeout=5).close()
        check(False, "after SIGTERM no connection is taken")
    except OSError:
        check(True, "")


if __name__ == "__main__":
    main()
    print("server_requests: %d checks, %d failures" % (checks, len(failures)))
    sys.exit(1 if failures else 0)

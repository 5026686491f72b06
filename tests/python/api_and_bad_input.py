"""The Python module's API and its behaviour on bad input (also run under ASan+UBSan
by the sanitizer phase, so it stays small).

usage: api_and_bad_input.py GALLEY SRC
GALLEY: the command, whose output the options must reproduce; SRC: the source tree.
Every check that fails is printed; the exit status is the number of failures (max 100).
"""
import ast
import concurrent.futures
import os
import subprocess
import sys
import warnings

import galley

cli, src = sys.argv[1:3]
article_path = os.path.join(src, "examples", "article.txt")
article = open(article_path, "rb").read()
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL:", what)


def raises(cls, ident, fn, *args, **kwargs):
    """fn(*args, **kwargs) must raise `cls` (a galley.Error) with the id `ident`."""
    try:
        fn(*args, **kwargs)
    except galley.Error as e:
        check(isinstance(e, cls) and e.id == ident and str(e).startswith(f"[{ident}] ") and e.message,
              f"{args!r:.60} {kwargs!r:.60}: {type(e).__name__} {e.id} {e.message!r}, expected {cls.__name__} {ident}")
        return
    except BaseException as e:  # anything else is the failure this test looks for
        check(False, f"{args!r:.60} {kwargs!r:.60}: raised {type(e).__name__}: {e}, not a galley.Error")
        return
    check(False, f"{args!r:.60} {kwargs!r:.60}: no exception, expected {cls.__name__} {ident}")


# The command runs without the sanitizer runtime the sanitizer phase preloads into
# Python: an ASan-built galley has its own, and two runtimes refuse to start.
command_env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}


def command(*args, data=article):
    return subprocess.run([cli, *args], input=data, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True,
                          cwd=os.path.dirname(article_path), env=command_env).stdout


# --- the API: same bytes as the command for the same options ---
root = os.path.dirname(article_path)
for to in ("epub", "jats", "plain", "json"):
    out = galley.convert(article, "plain", to, resource_root=root, warnings=[])
    check(isinstance(out, bytes if to == "epub" else str), f"{to}: returned {type(out).__name__}")
    got = out if isinstance(out, bytes) else out.encode()
    check(got == command("-f", "plain", "-t", to, "-o", "-"), f"{to}: differs from the command's output")
opts = dict(metadata={"lang": "de", "subtitle": "Zweite Ausgabe", "draft": True}, variables={"papersize": "a5"},
            source_url="https://example.org/news/", options={"standalone": True, "columns": 50, "css": []})
for to in ("html_print", "plain", "json"):
    got = galley.convert(article.decode(), "plain", to, resource_root=root, warnings=[], **opts).encode()
    want = command("-f", "plain", "-t", to, "-M", "lang=de", "-M", "subtitle=Zweite Ausgabe", "-M", "draft=true",
                   "-V", "papersize=a5", "--source-url", "https://example.org/news/", "-s", "--columns", "50", "-o", "-")
    check(got == want, f"{to} with metadata, variables, source_url and options: differs from the command's")
doc = galley.read(article, from_="plain")
check(doc == __import__("json").loads(command("-f", "plain", "-t", "json")), "read: not json.loads of the command's JSON")
check(galley.write(doc, to="plain") == galley.convert(article, "plain", "plain"), "write(read(x)) differs from convert(x)")
check(isinstance(galley.write(doc, to="epub"), bytes), "write to epub: not bytes")
check(galley.convert(bytearray(article), "plain", "plain") == galley.convert(memoryview(article), "plain", "plain")
      == galley.convert(article, "plain", "plain"), "bytearray, memoryview and bytes inputs differ")
fmts = galley.formats()
names = {w["name"] for w in fmts["writers"]}
check({"epub3", "jats_archiving", "json", "plain"} <= names and any(r["name"] == "html" for r in fmts["readers"])
      and fmts["default_writer"] == "json", f"formats(): {sorted(names)}")
check(all(w["binary"] == (w["name"] in ("epub3", "pdf")) for w in fmts["writers"]), "formats(): binary flags")
check(galley.__version__ == command("--version").decode().split()[1], f"__version__ {galley.__version__}")

# Warnings: into the list given, else through Python's warnings module.
page = b"<html><body><main><p>Text <video src='clip.mp4'></video></p></main></body></html>"
got = []
galley.convert(page, "html", "jats", warnings=got)
check(len(got) >= 2 and {"raw-media", "lost-content"} <= {w.kind for w in got} and all(isinstance(w, galley.ConversionWarning) and w.kind and w.message for w in got),
      f"warnings list: {got}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    galley.convert(page, "html", "jats")
check([w.message.kind for w in caught] == [w.kind for w in got], f"warnings module: {[str(w.message) for w in caught]}")

# Threads convert side by side (the GIL is released) and give what one thread gives.
inputs = [article.replace(b"Porthaven", f"Porthaven {i}".encode()) for i in range(16)]
alone = [galley.convert(x, "plain", "epub") for x in inputs]
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    check(list(pool.map(lambda x: galley.convert(x, "plain", "epub"), inputs)) == alone, "threads: outputs differ")

# The stubs name what the package exports.
stub = ast.parse(open(os.path.join(os.path.dirname(galley.__file__), "__init__.pyi")).read())
stubbed = {n.name for n in stub.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
stubbed |= {t.id for n in stub.body if isinstance(n, ast.AnnAssign) for t in [n.target]}
check(set(galley.__all__) <= stubbed, f"stubs miss {set(galley.__all__) - stubbed}")

# --- errors: galley.Error subclasses with the stable id ---
raises(galley.UsageError, "galley.format.unknown", galley.convert, article, "plain", "docx")
raises(galley.UsageError, "galley.format.unknown", galley.convert, article, "nosuch", "json")
raises(galley.InputError, "galley.json.parse", galley.convert, b"{", "json", "plain")
raises(galley.InputError, "galley.json.version", galley.write, {"blocks": 3}, to="plain")
raises(galley.UsageError, "galley.python.type", galley.write, {"x": {1, 2}}, to="plain")
raises(galley.UsageError, "galley.capi.option", galley.convert, article, "plain", "plain", options={"nosuch": 1})
raises(galley.UsageError, "galley.capi.option", galley.convert, article, "plain", "plain", options={"columns": "wide"})
raises(galley.UsageError, "galley.capi.option", galley.convert, article, "plain", "plain", options={"wrap": "sometimes"})
raises(galley.UsageError, "galley.cli.resource-root", galley.convert, article, "plain", "epub", resource_root="/no/such/dir")
raises(galley.FilterError, "galley.filter.failed", galley.convert, article, "plain", "plain", filters=["/no/such/filter"])

# Wrong types: a UsageError, never a TypeError from the binding or a crash.
for data in (None, 3, 2.5, ["a"], {"a": 1}, object()):
    raises(galley.UsageError, "galley.python.type", galley.convert, data, "plain", "plain")
for kwargs in ({"metadata": "lang=de"}, {"metadata": {1: "x"}}, {"metadata": {"k": ["list"]}}, {"metadata": {"k": None}},
               {"variables": {"k": 1.5}}, {"variables": []}, {"filters": "prog"}, {"filters": [3]},
               {"options": ["standalone"]}, {"options": {3: "x"}}, {"options": {"css": [None]}}, {"warnings": "list"},
               {"source_url": 3.5}, {"resource_root": 3}):
    raises(galley.UsageError, "galley.python.type", galley.convert, article, "plain", "plain", **kwargs)
raises(galley.UsageError, "galley.python.type", galley.convert, article, ["plain"], "plain")
raises(galley.UsageError, "galley.python.type", galley.convert, article, "plain", None if False else b"json")

# Invalid Unicode: lone surrogates in str are refused; invalid UTF-8 bytes are read as
# each reader reads them (repaired or refused), always valid text out.
raises(galley.InputError, "galley.python.utf8", galley.convert, "bad \ud800 text", "plain", "plain")
raises(galley.InputError, "galley.python.utf8", galley.convert, article, "plain", "plain", metadata={"k": "\udcff"})
for reader in ("plain", "html", "html+extract", "markdown", "commonmark", "json", "ninjs", "newsml", "nitf"):
    for data in (b"\xff\xfe\x00bad", b"Title\n\nbody \xc3\x28 \xed\xa0\x80 \xf4\x90\x80\x80 end\n", b"\x00" * 64, b""):
        for to in ("plain", "jats", "epub"):
            try:
                out = galley.convert(data, reader, to, warnings=[])
                check(isinstance(out, bytes if to == "epub" else str), f"{reader} -> {to}: {type(out).__name__}")
            except galley.Error:
                pass
            except BaseException as e:
                check(False, f"{reader} {data[:12]!r} -> {to}: {type(e).__name__}: {e}")

# Huge and deep input: the limits answer with an InputError.
raises(galley.InputError, "galley.io.too-large", galley.convert, b" " * ((512 << 20) + 1), "plain", "plain")
raises(galley.InputError, "galley.io.too-large", galley.convert, article, "plain", "plain", options={"max-input-size": 100})
for reader, data in (("json", b"[" * 200000), ("html", b"<div>" * 200000), ("markdown", b">" * 200000 + b" x"),
                     ("json", b'{"pandoc-api-version":[1,23],"meta":{},"blocks":' + b"[" * 100000 + b"]" * 100000 + b"}")):
    try:
        galley.convert(data, reader, "plain", warnings=[])
    except galley.Error:
        pass
    except BaseException as e:
        check(False, f"{reader} deep input: {type(e).__name__}: {e}")

print(f"python api: {failures} failures")
sys.exit(min(failures, 100))

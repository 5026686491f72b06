"""The Python module writes the bytes the command line writes, for every corpus
document and every writer but pdf (an external engine; its own tests cover it).

usage: corpus_identical.py GALLEY SHARED TMP [DIGESTS]

The corpus is conformance.determinism's (plain examples, news texts, Readability's and
trafilatura's pages with html+extract, pandoc's JSON documents), and so are the command's
outputs: DIGESTS is the SHA-256 list of its run a (batch mode, every writer), which it
leaves in build/determinism-digests.txt; ctest runs conformance.determinism first
(a fixture). `galley --plan` on the same manifest names every output as that run did
(names depend only on the inputs' relative paths), so each Python output is compared
with the digest of the command's file of the same name, and an output the command
failed is missing there. Without DIGESTS, or when the galley executable is newer than
it, the command's batch run is made here instead (slower: it converts everything once
more). This process converts on 2 threads (the GIL is released):
- every document with its reader to JSON: galley.convert(data, from_=reader, to="json");
- that JSON to every other writer: galley.convert(json, from_="json", to=writer); the
  command reads the document itself, so this also checks that the JSON round trip
  loses nothing any writer uses;
- every 20th document straight to every writer, as the command does, and galley.read
  of it, which must equal json.loads of the JSON output (itself equal to the command's).
Reading once per document keeps the test within its time budget (reading is most of
the cost: 15 readings of each page would take minutes). Every output is compared byte
for byte with the command's; where the command failed an output, galley must raise a
galley.Error.
"""
import concurrent.futures
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import zlib

import galley

WRITERS = ["epub", "jats_archiving", "jats_publishing", "jats_articleauthoring", "html_print", "json", "plain",
           "markdown", "gfm", "commonmark", "newsml", "nitf", "ninjs", "atom", "rss"]


# Writer name or alias -> whether it writes bytes (else str).
BINARY = {n: w["binary"] for w in galley.formats()["writers"] for n in [w["name"]] + w["aliases"]}


def corpus(shared, into):
    """Copies the corpus below `into`; returns the inputs' paths."""
    paths = []
    def put(src, rel, data=None):
        dst = os.path.join(into, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if data is None:
            shutil.copyfile(src, dst)
        else:
            open(dst, "wb").write(data)
        paths.append(dst)
    for root, _, files in os.walk(os.path.join(shared, "examples/plain")):
        for f in files:
            if f.endswith((".txt", ".html", ".json")) and not f.startswith("README"):
                put(os.path.join(root, f), os.path.join("examples", os.path.relpath(os.path.join(root, f), os.path.join(shared, "examples/plain"))))
    news = os.path.join(shared, "corpus/news-text")
    for root, _, files in os.walk(news):
        for f in files:
            if f.endswith(".txt") and not f.startswith("README"):
                put(os.path.join(root, f), os.path.join("news-text", os.path.relpath(os.path.join(root, f), news)))
    rd = os.path.join(shared, "corpus/readability")
    for d in sorted(os.listdir(rd)):
        if os.path.isfile(os.path.join(rd, d, "source.html")):
            put(os.path.join(rd, d, "source.html"), os.path.join("readability", d, "source.html"))
    tp = os.path.join(shared, "corpus/trafilatura-eval/pages")
    for f in sorted(os.listdir(tp)):
        if f.endswith(".html.gz"):
            put(None, os.path.join("trafilatura", f[:-3]), gzip.open(os.path.join(tp, f)).read())
    pj = os.path.join(shared, "corpus/pandoc/json")
    for f in sorted(os.listdir(pj)):
        if f.endswith(".json"):
            put(os.path.join(pj, f), os.path.join("pandoc", f))
    return sorted(paths)


def convert_all(inputs, readers):
    """{input: {(route, writer): bytes, or an Error's id}} for the routes of the docstring."""
    def one(path):
        data, reader, folder = open(path, "rb").read(), readers[path], os.path.dirname(path)
        made = {}
        def run(route, writer, source, from_):
            try:
                out = galley.convert(source, from_=from_, to=writer, resource_root=folder, warnings=[])
                if isinstance(out, str) == BINARY[writer]:
                    made[(route, writer)] = f"returned {type(out).__name__}"
                else:
                    # A digest, not the bytes: all outputs at once would need hundreds of MB.
                    made[(route, writer)] = hashlib.sha256(out.encode("utf-8") if isinstance(out, str) else out).digest()
                return out
            except galley.Error as e:
                made[(route, writer)] = galley.Error(e.id)
            return None
        source = run("json", "json", data, reader)
        if source is not None:
            for w in WRITERS:
                if w != "json":
                    run("json", w, source, "json")
        if zlib.crc32(path.encode()) % 20 == 0:
            for w in WRITERS:
                run("direct", w, data, reader)
            try:
                made["read"] = galley.read(data, from_=reader, resource_root=folder, warnings=[])
                made["read-json"] = json.loads(source) if source is not None else None
            except galley.Error as e:
                made["read"] = galley.Error(e.id)
        return path, made
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        return dict(pool.map(one, inputs))


def compare(path, fmt, route, want, got):
    """want: the digest of the command's output, None where the command failed it."""
    if want is None:
        return "failed" if isinstance(got, galley.Error) else f"{path} -> {fmt} ({route}): converted where the command did not"
    if isinstance(got, galley.Error):
        return f"{path} -> {fmt} ({route}): galley.Error {got} where the command wrote it"
    if isinstance(got, str):
        return f"{path} -> {fmt} ({route}): {got}"
    if got != want:
        return f"{path} -> {fmt} ({route}): differs from the command's output"
    return "same"


def read_digests(path):
    """{"./relative/output/path": digest bytes} from sha256sum lines."""
    out = {}
    for line in open(path):
        digest, name = line.rstrip("\n").split("  ", 1)
        out[name] = bytes.fromhex(digest)
    return out


def main():
    cli, shared, tmp = sys.argv[1:4]
    digests_file = sys.argv[4] if len(sys.argv) > 4 else ""
    inputs = corpus(shared, os.path.join(tmp, "in"))
    manifest = os.path.join(tmp, "inputs.lst")
    open(manifest, "w").write("\n".join(inputs) + "\n")
    out_dir = os.path.join(tmp, "out")
    batch = [cli, "--manifest", manifest, "-f", "html+extract", "--to", ",".join(WRITERS), "--output-dir", out_dir]
    env = dict(os.environ, TZ="UTC", LC_ALL="C")
    # The plan names every output as the batch run names it (nothing is converted).
    plan = subprocess.run(batch + ["--plan"], env=env, capture_output=True, text=True)
    if plan.returncode != 0:
        sys.exit(f"FAIL: galley --plan exited {plan.returncode}: {plan.stderr[-500:]}")
    articles = json.loads(plan.stdout)["articles"]
    recorded = bool(digests_file) and os.path.isfile(digests_file) and \
        os.path.getmtime(digests_file) >= os.path.getmtime(cli)
    cmd = None
    if not recorded:
        print(f"no digests of conformance.determinism newer than {cli}: the command converts the corpus here")
        # The command runs while Python converts: both halves share the 2 cores.
        cmd = subprocess.Popen(batch + ["-j", "1", "--quiet"], env=env, stderr=subprocess.PIPE, text=True)
    # The reader each input gets: as the command chooses (-f html+extract for pages).
    readers = {p: "html+extract" if p.endswith(".html") else "json" if p.endswith(".json") else "plain" for p in inputs}
    made = convert_all(inputs, readers)
    if cmd is not None:
        err = cmd.communicate()[1]
        if cmd.returncode > 1:
            sys.exit(f"FAIL: the command exited {cmd.returncode}: {err[-500:]}")
        digests = {"./" + os.path.relpath(os.path.join(d, f), out_dir): hashlib.sha256(open(os.path.join(d, f), "rb").read()).digest()
                   for d, dirs, files in os.walk(out_dir) if ".galley" not in os.path.relpath(d, out_dir).split(os.sep)
                   for f in files if not f.startswith(".")}
    else:
        digests = read_digests(digests_file)
        print(f"the command's outputs: {len(digests)} digests from {digests_file}")
    print(f"documents: {len(inputs)} ({len(articles)} in the plan), writers: {len(WRITERS)}")
    if len(inputs) < 900 or len(articles) != len(inputs):
        sys.exit(f"FAIL: {len(inputs)} documents, {len(articles)} in the plan")
    named = {"./" + os.path.relpath(o["path"], out_dir) for a in articles for o in a["outputs"]}
    if set(digests) - named:
        sys.exit(f"FAIL: {len(set(digests) - named)} of the command's outputs are not in the plan (the corpus of"
                 f" determinism.sh and of this test differ?), e.g. {sorted(set(digests) - named)[:3]}")
    results = []
    for a in articles:
        mine = made.get(a["input"], {})
        if a["reader"] != readers.get(a["input"]):
            results.append(f"{a['input']}: the command reads it as {a['reader']}, the test as {readers.get(a['input'])}")
        for o in a["outputs"]:
            want = digests.get("./" + os.path.relpath(o["path"], out_dir))
            if "read" in mine and o["format"] == "json":
                # galley.read against json.loads of galley.convert's JSON, which is compared
                # with the command's JSON just below.
                ok = (isinstance(mine["read"], galley.Error) and want is None) or \
                     (want is not None and mine["read"] == mine.get("read-json"))
                results.append("same" if ok else f"{a['input']}: galley.read differs from json.loads of the JSON output")
            for route in ("json", "direct"):
                if (route, o["format"]) in mine:
                    results.append(compare(a["input"], o["format"], route, want, mine[(route, o["format"])]))
    same, failed = results.count("same"), results.count("failed")
    bad = [r for r in results if r not in ("same", "failed")]
    for r in bad[:10]:
        print("FAIL:", r)
    direct = sum(1 for m in made.values() for k in m if k[0] == "direct")
    reads = sum(1 for m in made.values() if "read" in m)
    print(f"python: {same} outputs byte-identical to the command's ({direct} converted straight from the source,"
          f" the others from galley.convert's JSON; {reads} galley.read results equal to json.loads of the"
          f" JSON output), {failed} failed in both, {len(bad)} differ")
    if bad or same < len(inputs) * len(WRITERS) * 0.9:
        sys.exit(1)


if __name__ == "__main__":
    main()

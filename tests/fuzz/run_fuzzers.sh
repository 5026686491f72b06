#!/usr/bin/env bash
# Build the libFuzzer targets (ASan+UBSan, clang) in build-fuzz/ and run each one in turn.
#   bash tests/fuzz/run_fuzzers.sh [RUNS] [FUZZER...]     (RUNS default 1000000)
#   FUZZ_SECONDS=600 caps each run's time (-max_total_time).
#   FUZZ_MAX_LEN=N caps the input size (default 65536; smaller runs many more executions per second).
#   FUZZ_SANITIZE=undefined with GALLEY_FUZZ_BUILD=build-fuzz-ubsan: a build without ASan,
#     several times faster (the writers target runs every writer on each input).
#   FUZZ_FLAGS="-entropic=0 -fork=2" adds libFuzzer flags.
# Seeds are copied from ../shared/corpus at run time (never committed):
#   plain   <- news-text/**/*.txt (< 8 KiB)      html <- readability/*/source.html (< 40 KiB)
#   json    <- pandoc/json/*.json                writers <- all three, prefixed with the mode byte
#   tex_mathml      <- every TeX formula of pandoc/ (Math nodes) and jats/ (<tex-math>)
#   foreign_markup  <- every <math>/<mml:math> and <svg> element of jats/, readability/ and
#                      tests/conformance/math-pages (first byte: 0 MathML, 1 SVG)
#   warc_parse      <- tests/conformance/warc_bad_make.py's archives (whole, one gzip member per
#                      record, in a stored and a deflated WACZ), HTTP heads and bodies (chunked,
#                      gzip, deflate, br), fuzz_warc_reader's inputs (the first byte: the mode)
# plus tests/fuzz/regressions/<fuzzer>/* (every past finding; must never crash again).
# One fuzzer at a time, one job (-jobs=1): the machine is shared. Logs and the grown
# corpora stay in build-fuzz/fuzz/<fuzzer>/.
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED:-$src/../shared}
build=${GALLEY_FUZZ_BUILD:-$src/build-fuzz}
runs=${1:-1000000}; shift || true
fuzzers=("$@"); [ ${#fuzzers[@]} -gt 0 ] || fuzzers=(fuzz_plain_reader fuzz_html_reader fuzz_json_reader fuzz_writers)
lock=/tmp/galley-build.lock
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ flock "$lock" cmake -S "$src" -B "$build" -G Ninja -DGALLEY_FUZZ=ON -DGALLEY_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGALLEY_SANITIZE=${FUZZ_SANITIZE:-address,undefined}
fi
if [ "${GALLEY_FUZZ_NO_BUILD:-}" != "1" ]; then
  flock "$lock" cmake --build "$build" -j2 --target "${fuzzers[@]}" ||
    echo "WARNING: the fuzz build failed (someone's edit in progress?); running the binaries already built"
fi

seed() {  # seed FUZZER DIR
  local name=$1 dir=$2 i=0 f
  mkdir -p "$dir"
  case $name in
    fuzz_plain_reader) find "$shared/corpus/news-text" -type f -name '*.txt' -size -8k -print0 | sort -z |
                         while IFS= read -r -d '' f; do i=$((i+1)); cp "$f" "$dir/news-$i"; done ;;
    fuzz_html_reader) find "$shared/corpus/readability" -name source.html -size -40k -print0 | sort -z |
                         while IFS= read -r -d '' f; do i=$((i+1)); cp "$f" "$dir/page-$i"; done ;;
    fuzz_json_reader) cp "$shared"/corpus/pandoc/json/*.json "$dir/" ;;
    fuzz_writers)
      # mode byte: 0/1 = AST from bytes, 2 = html reader, 3 = plain reader (see fuzz_writers.cpp)
      for f in $(find "$shared/corpus/readability" -name source.html -size -20k | sort | head -20); do
        i=$((i+1)); { printf '\002'; cat "$f"; } > "$dir/html-$i"; done
      for f in $(find "$shared/corpus/news-text" -type f -name '*.txt' -size -4k | sort | head -40 | tr ' ' '?'); do
        i=$((i+1)); { printf '\003'; cat $f; } > "$dir/plain-$i"; done 2>/dev/null || true
      for k in $(seq 1 20); do head -c 512 /dev/urandom > "$dir/ast-$k"; printf '\000' | dd of="$dir/ast-$k" bs=1 count=1 conv=notrunc 2>/dev/null; done ;;
    fuzz_tex_mathml|fuzz_foreign_markup)
      python3 - "$name" "$shared/corpus" "$src/tests/conformance/math-pages" "$dir" <<'PY' ;;
import glob, html, re, sys
name, corpus, pages, out = sys.argv[1:]
seeds = []
def text(p):
    return open(p, encoding='utf-8', errors='replace').read()
if name == 'fuzz_tex_mathml':
    for f in sorted(glob.glob(corpus + '/pandoc/**/*', recursive=True)):
        try:
            seeds += [m.encode().decode('unicode_escape', 'replace') for m in
                      re.findall(r'Math\s+(?:InlineMath|DisplayMath)\s+"((?:[^"\\]|\\.)*)"', text(f))]
        except (IsADirectoryError, UnicodeError):
            pass
    for f in sorted(glob.glob(corpus + '/jats/*.xml')):
        seeds += [html.unescape(re.sub(r'<!\[CDATA\[(.*?)\]\]>', r'\1', m, flags=re.S))
                  for m in re.findall(r'<tex-math[^>]*>(.*?)</tex-math>', text(f), re.S)]
    data = [bytes([i & 1]) + s.encode() for i, s in enumerate(seeds)]
else:
    files = sorted(glob.glob(corpus + '/jats/*.xml') + glob.glob(corpus + '/readability/*/source.html') +
                   glob.glob(pages + '/*'))
    data = []
    for f in files:
        t = text(f)
        data += [b'\0' + m.encode() for m in re.findall(r'<(?:mml:)?math\b.*?</(?:mml:)?math>', t, re.S) if len(m) < 20000]
        data += [b'\1' + m.encode() for m in re.findall(r'<svg\b.*?</svg>', t, re.S) if len(m) < 20000]
for i, d in enumerate(dict.fromkeys(data)):
    open('%s/seed-%d' % (out, i), 'wb').write(d)
PY
    fuzz_warc_parse)
      python3 "$src/tests/conformance/warc_bad_make.py" "$dir/bad"
      python3 - "$dir" <<'PY'
import ctypes, glob, gzip, os, sys, zlib
out = sys.argv[1]
def put(name, mode, data):
    open('%s/%s' % (out, name), 'wb').write(bytes([mode]) + data)
for f in sorted(glob.glob(out + '/bad/*')):
    b = open(f, 'rb').read()
    if len(b) > 60000:
        continue  # the gzip bomb
    n = os.path.basename(f).split('.')[0]
    put('whole-' + n, 0, b)
    try:
        plain = gzip.decompress(b) if b[:2] == b'\x1f\x8b' else b
    except Exception:
        continue
    if plain.startswith(b'WARC/1.'):
        put('members-' + n, 5, plain)
        put('wacz-' + n, 6, b'\0' + plain)
        put('wacz-deflated-' + n, 6, b'\1' + plain)
page = b'<html><head><title>Caf\xe9</title></head><body><p>Caf\xe9 au lait.</p></body></html>'
def br(data):  # libbrotlienc through ctypes, when it is installed
    try:
        lib = ctypes.CDLL('libbrotlienc.so.1')
        size = ctypes.c_size_t(len(data) + 1024)
        buf = ctypes.create_string_buffer(size.value)
        if lib.BrotliEncoderCompress(5, 22, 0, ctypes.c_size_t(len(data)), data, ctypes.byref(size), buf):
            return buf.raw[:size.value]
    except OSError:
        pass
    return data  # no encoder: the bytes as they are, for the decoder's error path
heads = [b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n' +
         b'5;ext=1\r\nhello\r\n0\r\nTrailer: x\r\n\r\n',
         b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n' + gzip.compress(page, mtime=0),
         b'HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n' + zlib.compress(page),
         b'HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n' + zlib.compress(page)[2:-4],
         b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n' + br(page),
         b'HTTP/1.1 200 OK\r\nContent-Encoding: gzip, br\r\n\r\n' + br(gzip.compress(page, mtime=0)),
         b'HTTP/1.0 302 Found\nLocation: ../other/page.html?x=1#f\nX-Folded: a\n b\n\n',
         b'HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset="Shift_JIS"\r\nContent-Length: 0\r\n\r\n']
for i, h in enumerate(heads):
    put('http-%d' % i, 1, h)
    put('alone-%d' % i, 7, bytes([i * 3]) + h)
for sel in range(0, 256, 9):
    put('coded-%d' % sel, 4, bytes([sel]) + page)
PY
      rm -rf "$dir/bad"
      for f in "$src/tests/fuzz/regressions/fuzz_warc_reader"/*; do cp "$f" "$dir/reader-$(basename "$f")"; done ;;
  esac
  if [ -d "$src/tests/fuzz/regressions/$name" ]; then cp "$src/tests/fuzz/regressions/$name"/* "$dir/" 2>/dev/null || true; fi
}

for name in "${fuzzers[@]}"; do
  out=$build/fuzz/$name; mkdir -p "$out/corpus" "$out/artifacts"
  [ -n "$(ls -A "$out/corpus")" ] || seed "$name" "$out/corpus"
  dict=()
  if [ "$name" = fuzz_tex_mathml ]; then
    # The converter's command names (and TeX's special characters) as a libFuzzer dictionary:
    # random bytes seldom spell \begin{pmatrix}.
    python3 - "$src/src" "$out/tex.dict" <<'PY'
import re, sys
names = set()
for f in ('tex_symbols.cpp', 'tex_commands.cpp'):
    names |= set(re.findall(r'"([a-zA-Z*]{2,})"', open(sys.argv[1] + '/' + f).read()))
with open(sys.argv[2], 'w') as out:
    for n in sorted(names):
        out.write('"\\\\%s"\n' % n)
    for t in ['{', '}', '^', '_', '&', '\\\\\\\\', '\\\\begin{', '\\\\end{', '\\\\left(', '\\\\right)', '\\\\over', '[', ']', '%', '~', "'"]:
        out.write('"%s"\n' % t)
PY
    dict=(-dict="$out/tex.dict")
  fi
  echo "== $name: $(ls "$out/corpus" | wc -l) inputs in the corpus, -runs=$runs"
  ( cd "$out" && "$build/tests/fuzz/$name" -runs="$runs" ${FUZZ_SECONDS:+-max_total_time=$FUZZ_SECONDS} -max_len=${FUZZ_MAX_LEN:-65536} -timeout=10 -rss_limit_mb=3072 \
      "${dict[@]}" ${FUZZ_FLAGS:--jobs=1 -workers=1} -print_final_stats=1 -artifact_prefix="$out/artifacts/" corpus ) || true
  tail -n 25 "$out/fuzz-0.log" 2>/dev/null | grep -E 'stat::|Done|ERROR|SUMMARY|crash-|timeout-|oom-' || true
  echo "   corpus now $(ls "$out/corpus" | wc -l) inputs, $(du -sh "$out/corpus" | cut -f1); artifacts: $(ls "$out/artifacts" | tr '\n' ' ')"
done

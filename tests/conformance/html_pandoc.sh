#!/usr/bin/env bash
# The HTML reader against pandoc's (2.17, pandoc-types 1.22): for pandoc's
# html-reader.html and the *.html5 writer outputs, compare
#   $GALLEY -f html -t json --pandoc-api=1.22   with   pandoc -f html -t json
# top-level block by top-level block. Every differing block must be listed in
# html_pandoc_differences.md (as `file #index` with the reason); an unlisted
# difference fails the test.
set -u
: "${GALLEY:?GALLEY not set}" "${SHARED:?SHARED not set}" "${SRC:?SRC not set}"
if ! command -v pandoc >/dev/null || ! command -v python3 >/dev/null; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: pandoc or python3 missing"; exit 1; fi
  echo "SKIP: pandoc or python3 missing"; exit 0
fi
exec python3 - "$GALLEY" "$SHARED/corpus/pandoc" "$SRC/tests/conformance/html_pandoc_differences.md" <<'PY'
import difflib, glob, json, os, re, subprocess, sys
galley, corpus, allowed_file = sys.argv[1:4]
allowed = set(re.findall(r'`([^`]+ #\d+)`', open(allowed_file, encoding='utf-8').read()))
files = [os.path.join(corpus, 'html-reader.html')] + sorted(glob.glob(os.path.join(corpus, '*.html5')))
unlisted, listed, same, total = [], 0, 0, 0
for f in files:
    base = os.path.basename(f)
    g = subprocess.run([galley, '-f', 'html', '-t', 'json', '--pandoc-api=1.22', f], capture_output=True)
    p = subprocess.run(['pandoc', '-f', 'html', '-t', 'json', f], capture_output=True)
    if g.returncode or p.returncode:
        print(f'{base}: galley exit {g.returncode}, pandoc exit {p.returncode}: {g.stderr.decode()[:300]}')
        unlisted.append(f'{base}: conversion failed'); continue
    gb = [json.dumps(b, sort_keys=True, ensure_ascii=False) for b in json.loads(g.stdout)['blocks']]
    pb = [json.dumps(b, sort_keys=True, ensure_ascii=False) for b in json.loads(p.stdout)['blocks']]
    total += len(pb)
    sm = difflib.SequenceMatcher(a=pb, b=gb, autojunk=False)
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == 'equal':
            same += a2 - a1; continue
        idx = list(range(a1, a2)) or [a1]
        for i in idx:
            key = f'{base} #{i}'
            if key in allowed:
                listed += 1; continue
            unlisted.append(key)
            print(f'UNLISTED {key} ({op})')
            print('  pandoc:', (pb[i] if i < len(pb) else '-')[:400])
            print('  galley:', ' | '.join(x[:400] for x in gb[b1:b2]) or '-')
print(f'pandoc blocks {total}: identical {same}, listed differences {listed}, unlisted {len(unlisted)}')
sys.exit(1 if unlisted else 0)
PY

#!/usr/bin/env bash
# The markdown reader against pandoc's: pandoc's testsuite.txt and this
# project's README, -f markdown, block by block. README.md must give pandoc's
# blocks and metadata exactly; each differing block of testsuite.txt must be
# listed, with its reason, in tests/markdown/pandoc_differences.md.
set -u
: "${GALLEY:?}" "${SHARED:?}" "${SRC:?}"
source "$SRC/tests/conformance/lib.sh"
need pandoc python3
exec python3 - "$GALLEY" "$SHARED/corpus/pandoc/testsuite.txt" "$SRC/README.md" "$SRC/tests/markdown/pandoc_differences.md" <<'PY'
import difflib, json, os, re, subprocess, sys
galley, suite, readme, listing = sys.argv[1:5]
allowed = set(re.findall(r'`([^`]+ (?:#\d+|meta))`', open(listing, encoding='utf-8').read()))
bad = []
def compare(path, must_equal):
    name = os.path.basename(path)
    g = subprocess.run([galley, '-f', 'markdown', '-t', 'json', '--pandoc-api=1.22', path], capture_output=True)
    p = subprocess.run(['pandoc', '-f', 'markdown', '-t', 'json', path], capture_output=True)
    if g.returncode or p.returncode:
        bad.append(f'{name}: galley exit {g.returncode} ({g.stderr.decode()[:200]}), pandoc exit {p.returncode}'); return
    gj, pj = json.loads(g.stdout), json.loads(p.stdout)
    gb = [json.dumps(b, sort_keys=True, ensure_ascii=False) for b in gj['blocks']]
    pb = [json.dumps(b, sort_keys=True, ensure_ascii=False) for b in pj['blocks']]
    sm = difflib.SequenceMatcher(a=pb, b=gb, autojunk=False)
    same = sum(m.size for m in sm.get_matching_blocks())
    print(f'{name}: {same} of {len(pb)} pandoc blocks identical; metadata {"equal" if gj["meta"] == pj["meta"] else "differs"}')
    diff = []
    for op, a1, a2, b1, b2 in sm.get_opcodes():
        if op == 'equal': continue
        idx = list(range(a1, a2)) or [a1]
        for k in idx:
            diff.append((k, ' | '.join(pb[a1:a2])[:300], ' | '.join(gb[b1:b2])[:300]))
    if gj['meta'] != pj['meta']: diff.append(('meta', json.dumps(pj['meta'])[:300], json.dumps(gj['meta'])[:300]))
    for k, pp, gg in diff:
        key = f'{name} #{k}' if k != 'meta' else f'{name} meta'
        if must_equal or key not in allowed:
            bad.append(f'{key} differs and is not listed:\n  pandoc: {pp}\n  galley: {gg}')
compare(suite, False)
compare(readme, True)
if bad:
    print('FAIL'); print('\n'.join(bad)); sys.exit(1)
print('PASS')
PY

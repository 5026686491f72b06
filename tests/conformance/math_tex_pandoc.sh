#!/bin/bash
# TeX -> MathML against pandoc's own (texmath): for every TeX formula in pandoc's
# test files (shared/corpus/pandoc: Math nodes of the .native files and command
# tests) and every <tex-math> of shared/corpus/jats, galley's MathML (html_print)
# must hold the same token sequence as `pandoc --mathml`: the contents of mi, mn,
# mo, mtext and ms in document order, white space at a token's ends trimmed and
# empty tokens (spaces) left out. Floor: 95% of the formulas pandoc converts;
# the ones pandoc cannot convert are listed and not counted. Two runs in all:
# one document holding every formula, once through each tool.
# A missing pandoc fails the test when CI=true, and skips it otherwise.
set -u
: "${GALLEY:?GALLEY must be set}" "${SHARED:?SHARED must be set}"
if ! command -v pandoc >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: pandoc is missing (CI=true)"; exit 1; fi
  echo "SKIP: pandoc is missing"; exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$SHARED/corpus" "$work" <<'PY' || exit 1
import glob, html, json, re, sys
corpus, work = sys.argv[1], sys.argv[2]
formulas = []

def unhaskell(s):  # a Haskell string literal's body (show) -> text
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            d = s[i + 1]
            m = re.match(r'\\(\d+)', s[i:])
            if m:
                out.append(chr(int(m.group(1)))); i += len(m.group(0))
                if s[i:i + 2] == '\\&': i += 2
                continue
            out.append({'n': '\n', 't': '\t', '"': '"', '\\': '\\', "'": "'"}.get(d, d)); i += 2
            continue
        out.append(c); i += 1
    return ''.join(out)

native = re.compile(r'Math\s+(InlineMath|DisplayMath)\s+"((?:[^"\\]|\\.)*)"')
for f in sorted(glob.glob(corpus + '/pandoc/**/*', recursive=True)):
    try:
        text = open(f, encoding='utf-8').read()
    except (UnicodeDecodeError, IsADirectoryError):
        continue
    for kind, body in native.findall(text):
        formulas.append((f[len(corpus) + 1:], kind, unhaskell(body)))

for f in sorted(glob.glob(corpus + '/jats/*.xml')) + [corpus + '/pandoc/jats-reader.xml']:
    text = open(f, encoding='utf-8').read()
    for m in re.findall(r'<tex-math[^>]*>(.*?)</tex-math>', text, re.S):
        m = html.unescape(re.sub(r'<!\[CDATA\[(.*?)\]\]>', r'\1', m, flags=re.S))
        b = re.search(r'\\begin\{document\}(.*)\\end\{document\}', m, re.S)  # PMC's LaTeX wrapper
        if b:
            m = b.group(1)
        m = m.strip()
        for a, z in (('\\(', '\\)'), ('\\[', '\\]'), ('$$', '$$'), ('$', '$')):
            if m.startswith(a) and m.endswith(z) and len(m) >= len(a) + len(z):
                m = m[len(a):len(m) - len(z)].strip()
                break
        formulas.append((f[len(corpus) + 1:], 'InlineMath', m))

def doc(version):
    blocks = [{"t": "Para", "c": [{"t": "Str", "c": "F%04d" % i}, {"t": "Space"},
                                  {"t": "Math", "c": [{"t": kind}, tex]}]}
              for i, (_, kind, tex) in enumerate(formulas)]
    return json.dumps({"pandoc-api-version": version, "meta": {}, "blocks": blocks})
open(work + '/pandoc.json', 'w').write(doc([1, 22]))
open(work + '/galley.json', 'w').write(doc([1, 23]))
json.dump(formulas, open(work + '/formulas.json', 'w'))
PY

pandoc -f json -t html5 --mathml "$work/pandoc.json" -o "$work/pandoc.html" 2>"$work/pandoc.log" || {
  echo "FAIL: pandoc"; cat "$work/pandoc.log"; exit 1; }
"$GALLEY" -f json -t html_print "$work/galley.json" -o "$work/galley.html" 2>"$work/galley.log" || {
  echo "FAIL: galley"; cat "$work/galley.log"; exit 1; }

python3 - "$work" <<'PY'
import html, json, re, sys
work = sys.argv[1]
formulas = json.load(open(work + '/formulas.json'))

def by_marker(path):
    text = open(path, encoding='utf-8').read()
    out = {}
    for m in re.finditer(r'F(\d{4})\s*(<math\b.*?</math>|<span class="math[^"]*">)', text, re.S):
        out[int(m.group(1))] = m.group(2) if m.group(2).startswith('<math') else None
    return out

def tokens(xml):
    xml = re.sub(r'<annotation\b.*?</annotation>', '', xml, flags=re.S)
    toks = [html.unescape(t).strip() for _, t in re.findall(r'<(mi|mn|mo|mtext|ms)\b[^>]*>(.*?)</\1>', xml, re.S)]
    return [t for t in toks if t]

p, g = by_marker(work + '/pandoc.html'), by_marker(work + '/galley.html')
same, compared, pandoc_failed, differ = 0, 0, [], []
for i, (src, kind, tex) in enumerate(formulas):
    if p.get(i) is None:
        pandoc_failed.append((src, tex)); continue
    compared += 1
    pt, gt = tokens(p[i]), tokens(g.get(i) or '')
    if pt == gt: same += 1
    else: differ.append((src, tex, pt, gt))
print("formulas: %d, converted by pandoc: %d, same token sequence: %d (%.1f%%)"
      % (len(formulas), compared, same, 100.0 * same / max(compared, 1)))
for src, tex in pandoc_failed:
    print("  pandoc cannot convert (not counted): %s: %s" % (src, tex))
for src, tex, pt, gt in differ:
    print("  differs: %s: %s\n    pandoc: %s\n    galley: %s" % (src, tex, ' '.join(pt), ' '.join(gt)))
if compared < 20:
    print("FAIL: fewer than 20 formulas compared: the extraction is broken"); sys.exit(1)
if same * 100 < 95 * compared:
    print("FAIL: under 95%"); sys.exit(1)
PY

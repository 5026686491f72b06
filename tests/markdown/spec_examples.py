#!/usr/bin/env python3
"""CommonMark's spec examples, galley against pandoc.

spec_examples.py SPEC WORKDIR GALLEY [--min-ratio R] [--report FILE]
Writes every example of SPEC (spec.txt) to WORKDIR/in/NNN.md, converts them all
with galley (batch mode, -f commonmark, --pandoc-api=1.22) and with pandoc
(one process: a Lua filter calls pandoc.read/pandoc.write per example), and
compares the parsed JSON of the blocks. Prints the ratio of equal examples and
each difference by spec section; exits 1 below --min-ratio."""
import json, os, subprocess, sys

def examples(spec):
    out, section, lines, i = [], '', open(spec, encoding='utf-8').read().split('\n'), 0
    fence = '`' * 32 + ' example'
    while i < len(lines):
        l = lines[i]
        if l.startswith('#') and not l.startswith('#####'):
            section = l.lstrip('#').strip()
        if l.startswith(fence):
            md, i = [], i + 1
            while lines[i] != '.':
                md.append(lines[i]); i += 1
            while not lines[i].startswith('`' * 32):
                i += 1
            out.append((section, '\n'.join(md).replace('\u2192', '\t') + ('\n' if md else '')))
        i += 1
    return out

LUA = r'''
function Pandoc(doc)
  local list = io.open(os.getenv("GALLEY_SPEC_LIST")):read("a")
  for name in list:gmatch("[^\n]+") do
    local f = io.open(name, "rb"); local text = f:read("a"); f:close()
    local ok, d = pcall(pandoc.read, text, "commonmark")
    local o = io.open(name:gsub("%.md$", ".pandoc.json"), "wb")
    if ok then o:write(pandoc.write(d, "json")) else o:write("null") end
    o:close()
  end
  return doc
end
'''

def main():
    spec, work, galley = sys.argv[1:4]
    min_ratio = float(sys.argv[sys.argv.index('--min-ratio') + 1]) if '--min-ratio' in sys.argv else 0.0
    report = sys.argv[sys.argv.index('--report') + 1] if '--report' in sys.argv else None
    exs = examples(spec)
    ind, outd = os.path.join(work, 'in'), os.path.join(work, 'galley')
    os.makedirs(ind, exist_ok=True)
    names = []
    for k, (_, md) in enumerate(exs, 1):
        p = os.path.join(ind, '%03d.md' % k)
        open(p, 'w', encoding='utf-8').write(md)
        names.append(p)
    lst = os.path.join(work, 'list.txt')
    open(lst, 'w').write('\n'.join(names) + '\n')
    lua = os.path.join(work, 'read_all.lua')
    open(lua, 'w').write(LUA)
    subprocess.run(['pandoc', '-f', 'markdown', '-t', 'json', '--lua-filter', lua, '-o', os.devnull],
                   input=b'', check=True, env=dict(os.environ, GALLEY_SPEC_LIST=lst))
    # One process per example (batch mode would guess markdown from the .md name), two at a time.
    os.makedirs(outd, exist_ok=True)
    script = 'for f; do "$0" -f commonmark -t json --pandoc-api=1.22 "$f" -o "%s/$(basename "$f" .md).json" || echo "galley failed on $f"; done' % outd
    r = subprocess.run(['xargs', '-P', '2', '-n', '50', 'sh', '-c', script, galley], input='\n'.join(names),
                       capture_output=True, text=True)
    if r.stdout.strip() or r.returncode:
        print(r.stdout[-2000:], r.stderr[-2000:]); sys.exit(1)
    same, diffs = 0, []
    for k, (section, md) in enumerate(exs, 1):
        pj = json.load(open(os.path.join(ind, '%03d.pandoc.json' % k)))
        gp = os.path.join(outd, '%03d.json' % k)
        gj = json.load(open(gp)) if os.path.exists(gp) else None
        if pj is not None and gj is not None and gj['blocks'] == pj['blocks']:
            same += 1
        else:
            diffs.append((k, section, md, pj and pj['blocks'], gj and gj['blocks']))
    ratio = same / len(exs)
    print('commonmark spec: %d of %d examples give pandoc\'s blocks (%.1f%%)' % (same, len(exs), 100 * ratio))
    by = {}
    for d in diffs: by.setdefault(d[1], []).append(d[0])
    for s, ks in sorted(by.items()): print('  %-40s %s' % (s, ' '.join(map(str, ks))))
    if report:
        with open(report, 'w', encoding='utf-8') as f:
            for k, s, md, p, g in diffs:
                f.write('## example %d (%s)\n%s\npandoc: %s\ngalley: %s\n\n' % (k, s, md, json.dumps(p, ensure_ascii=False), json.dumps(g, ensure_ascii=False)))
    if ratio < min_ratio:
        print('FAIL: below %.0f%%' % (100 * min_ratio)); sys.exit(1)

main()

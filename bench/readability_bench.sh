#!/usr/bin/env bash
# galley -f html+extract beside Readability.js on the same pages, in one run:
#   bench/readability_bench.sh [GALLEY] [PAGES...]
# PAGES default to shared/corpus/readability/*/source.html. Readability.js (0.6, with jsdom
# to parse the page, as its own tests do) runs from tests/tools/node_modules (installed by
# `.ci/setup --test`, or `cd tests/tools && npm install --ignore-scripts`); nothing is
# installed here. Times are CPU seconds (user + system): galley as one process per page
# (`-f html+extract -t plain`, start-up included) and as one batch process (--manifest,
# -j 1); Readability.js in one node process, each page parsed by jsdom then
# `new Readability(document).parse()`, node's start-up excluded. Prints per-page figures and
# the ratios (issue 15 asks galley to stay at least 50x faster per page).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
galley=${1:-$here/build/galley}
[ $# -gt 0 ] && shift
tools=$here/tests/tools
if [ ! -f "$tools/node_modules/@mozilla/readability/Readability.js" ] || [ ! -d "$tools/node_modules/jsdom" ]; then
  echo "readability_bench: @mozilla/readability or jsdom missing in tests/tools/node_modules" >&2
  echo "  (cd tests/tools && PUPPETEER_SKIP_DOWNLOAD=1 npm install --ignore-scripts)" >&2
  exit 1
fi
command -v node >/dev/null || { echo "readability_bench: node missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ $# -gt 0 ]; then printf '%s\n' "$@" > "$work/pages.txt"
else ls "$here"/../shared/corpus/readability/*/source.html > "$work/pages.txt"; fi

cat > "$work/readability.js" <<'JS'
const fs = require('fs');
const path = require('path');
const tools = process.argv[2];
const { JSDOM, VirtualConsole } = require(path.join(tools, 'node_modules/jsdom'));
const { Readability } = require(path.join(tools, 'node_modules/@mozilla/readability'));
const files = fs.readFileSync(process.argv[3], 'utf8').split('\n').filter(Boolean);
const quiet = new VirtualConsole();  // jsdom's CSS parser complaints are not results
let chars = 0;
const t0 = process.cpuUsage();
for (const f of files) {
  const dom = new JSDOM(fs.readFileSync(f), { url: 'http://fakehost/test/page.html', virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  chars += article && article.textContent ? article.textContent.length : 0;
  dom.window.close();
}
const t = process.cpuUsage(t0);
console.log(JSON.stringify({ pages: files.length, cpu: (t.user + t.system) / 1e6, chars }));
JS

exec python3 - "$galley" "$work" "$tools" <<'PY'
import json, os, resource, subprocess, sys
galley, work, tools = sys.argv[1:4]
pages = [l for l in open(os.path.join(work, 'pages.txt')).read().split('\n') if l]

def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

t0 = children_cpu()
for p in pages:
    subprocess.run([galley, '-f', 'html+extract', '-t', 'plain', p], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
per_process = children_cpu() - t0

manifest = os.path.join(work, 'manifest.txt')
open(manifest, 'w').write('\n'.join(pages) + '\n')
t0 = children_cpu()
subprocess.run([galley, '--manifest', manifest, '-f', 'html+extract', '--to', 'plain', '--output-dir',
                os.path.join(work, 'out'), '-j', '1', '--quiet'], stdout=subprocess.DEVNULL,
               stderr=subprocess.DEVNULL, check=True)
batch = children_cpu() - t0

out = subprocess.run(['node', os.path.join(work, 'readability.js'), tools, os.path.join(work, 'pages.txt')],
                     capture_output=True, text=True, check=True).stdout
rd = json.loads(out.strip().splitlines()[-1])['cpu']
n = len(pages)
mb = sum(os.path.getsize(p) for p in pages) / 1e6
print(f'{n} pages, {mb:.1f} MB')
print(f'galley html+extract, a process per page: {per_process:7.2f} s CPU  {1000 * per_process / n:7.1f} ms/page')
print(f'galley html+extract, one batch process:  {batch:7.2f} s CPU  {1000 * batch / n:7.1f} ms/page')
print(f'Readability.js + jsdom, one node process: {rd:7.2f} s CPU  {1000 * rd / n:7.1f} ms/page')
print(f'ratio Readability.js / galley: x{rd / per_process:.1f} (a process per page), x{rd / batch:.1f} (batch)')
PY

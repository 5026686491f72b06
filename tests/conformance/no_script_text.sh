#!/usr/bin/env bash
# No text of a <script> or <style> element reaches the output (issue 15). For every page of
# shared/corpus/readability/*/source.html and shared/corpus/trafilatura-eval/pages/*.html.gz,
# the page is tokenized the HTML5 way with Python's html.parser: script and style are raw text
# ending only at their own end tag (`</script` + whitespace, `/` or `>`, any case; Python 3.11
# alone wants `</script\s*>`, and takes <script/> as closed: the subclass below fixes both).
# Checked on html5lib's tokenizer cases for script data and RAWTEXT: 29 of 33 agree; the other
# four are EOF inside an end tag (2) and script data's "<!--<script>" double-escaped state (2),
# where HTML5 reads "</script>" as text: Python ends such a script early and counts the rest
# as page text, so fewer windows, never a false leak. The text of the script and style
# elements is cut into 40-character windows (whitespace collapsed); a window that does not
# also occur in the page's ordinary text or attribute values is distinctive, and none may
# appear in `galley -f html -t plain` or `galley -f html+extract -t plain` (whitespace
# collapsed). JSON-LD scripts (type=application/ld+json) are metadata the reader reads on
# purpose and are not collected. Prints the pages that leak per mode; fails when any page
# leaks. NO_SCRIPT_TEXT_LIMIT=N checks only the first N pages of each corpus.
set -u
: "${GALLEY:?GALLEY not set}" "${SHARED:?SHARED not set}"
if ! command -v python3 >/dev/null || [ ! -d "$SHARED/corpus/readability" ] || [ ! -d "$SHARED/corpus/trafilatura-eval/pages" ]; then
  if [ "${CI:-}" = "true" ]; then echo "FAIL: python3 or the corpora are missing"; exit 1; fi
  echo "SKIP: python3 or the corpora are missing"; exit 0
fi
exec python3 - "$GALLEY" "$SHARED" "${NO_SCRIPT_TEXT_LIMIT:-0}" <<'PY'
import glob, gzip, os, re, shutil, subprocess, sys, tempfile, unicodedata
from concurrent.futures import ProcessPoolExecutor
from html.parser import HTMLParser

galley, shared, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
WINDOW = 40
END = {name: re.compile(r'</%s(?=[\t\n\f\r />])' % name, re.I) for name in ('script', 'style')}


class Page(HTMLParser):
    """Script and style text versus the rest, as an HTML5 tokenizer splits them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.raw, self.text, self.attrs, self.cur, self.skip = [], [], [], None, False

    def set_cdata_mode(self, elem):
        # HTML5: raw text ends at `</name` followed by whitespace, '/' or '>' (Python 3.11
        # wants `</name\s*>` and would run past `</script foo>` or `</script/>`).
        self.cdata_elem = elem.lower()
        self.interesting = END.get(self.cdata_elem) or re.compile(r'</%s(?=[\t\n\f\r />])' % self.cdata_elem, re.I)

    def parse_endtag(self, i):
        if self.cdata_elem is not None and self.interesting.match(self.rawdata, i):
            gt = self.rawdata.find('>', i)
            if gt < 0:
                return -1
            elem = self.cdata_elem
            self.clear_cdata_mode()
            self.handle_endtag(elem)
            return gt + 1
        return super().parse_endtag(i)

    def handle_startendtag(self, tag, attrs):
        # HTML5 ignores the '/' of <script/>: raw text still follows.
        self.handle_starttag(tag, attrs)
        if tag in ('script', 'style'):
            self.set_cdata_mode(tag)
        else:
            self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        for _, v in attrs:
            if v:
                self.attrs.append(v)
        if tag in ('script', 'style'):
            kind = dict(attrs).get('type') or ''
            self.skip = kind.strip().lower() == 'application/ld+json'
            self.cur = []

    def handle_endtag(self, tag):
        if tag in ('script', 'style') and self.cur is not None:
            if not self.skip:
                self.raw.append(''.join(self.cur))
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None and self.cdata_elem:
            self.cur.append(data)
        else:
            self.text.append(data)


def norm(s):
    return ' '.join(unicodedata.normalize('NFC', s).split())


def decode(b):
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        m = re.search(rb'charset=["\']?([A-Za-z0-9_.:-]+)', b[:4096])
        for enc in ([m.group(1).decode()] if m else []) + ['cp1252']:
            try:
                return b.decode(enc, errors='replace')
            except LookupError:
                pass
        return b.decode('utf-8', errors='replace')


def windows(page):
    p = Page()
    p.feed(page)
    p.close()
    if p.cur is not None:  # unclosed at the end of the page: raw text to the end (HTML5)
        p.cur.append(p.rawdata)
        if not p.skip:
            p.raw.append(''.join(p.cur))
    # The page's own text, with and without a space where markup was, and its attribute values.
    visible = (norm(' '.join(p.text)), norm(''.join(p.text)), norm('\n'.join(p.attrs)))
    out = set()
    for raw in p.raw:
        t = norm(raw)
        for i in range(0, len(t) - WINDOW + 1, WINDOW):
            w = t[i:i + WINDOW]
            if len(set(w)) >= 8 and not any(w in v for v in visible):
                out.add(w)
    return out


def leaks(args):
    """The windows of one page that appear in each mode's output (whitespace collapsed)."""
    page, outputs = args
    data = open(page, 'rb').read()
    ws = windows(decode(data))
    result = []
    for out in outputs:
        text = norm(open(out, 'rb').read().decode('utf-8', 'replace')) if os.path.exists(out) else ''
        result.append(sorted(w for w in ws if w in text))
    return len(ws), result


pages = []
for pattern in ('corpus/readability/*/source.html', 'corpus/trafilatura-eval/pages/*.html.gz'):
    found = sorted(glob.glob(os.path.join(shared, pattern)))
    pages += found[:limit] if limit else found
modes = ('html', 'html+extract')
work = tempfile.mkdtemp()
try:
    # Each page as a numbered file, then one batch run per mode (a page that makes no
    # article writes nothing, as the single-file command would print nothing).
    os.makedirs(os.path.join(work, 'in'))
    copies = []
    for k, path in enumerate(pages):
        data = gzip.open(path).read() if path.endswith('.gz') else open(path, 'rb').read()
        copies.append(os.path.join(work, 'in', f'{k:04d}.html'))
        open(copies[-1], 'wb').write(data)
    open(os.path.join(work, 'pages.lst'), 'w').write('\n'.join(copies) + '\n')
    for m, mode in enumerate(modes):
        r = subprocess.run([galley, '--manifest', os.path.join(work, 'pages.lst'), '-f', mode, '--to', 'plain',
                            '--wrap=none', '--output-dir', os.path.join(work, f'out{m}'), '-j', '2', '--quiet'],
                           capture_output=True, timeout=1800)
        written = len(glob.glob(os.path.join(work, f'out{m}', '*.txt')))
        # Exit status 1 is "some pages made no article"; anything else, or few outputs, is a failure.
        if r.returncode > 1 or written < len(pages) * 0.9:
            print(f'FAIL: galley -f {mode} exited {r.returncode} with {written} of {len(pages)} outputs: '
                  + r.stderr.decode('utf-8', 'replace')[-500:])
            sys.exit(1)
    jobs = [(c, [os.path.join(work, f'out{m}', f'{k:04d}.txt') for m in range(len(modes))])
            for k, c in enumerate(copies)]
    found = {mode: [] for mode in modes}
    nwin = 0
    with ProcessPoolExecutor(max_workers=2) as pool:
        for path, (n, hits) in zip(pages, pool.map(leaks, jobs, chunksize=8)):
            nwin += n
            name = os.path.relpath(path, os.path.join(shared, 'corpus'))
            for mode, h in zip(modes, hits):
                if h:
                    found[mode].append((name, h))
finally:
    shutil.rmtree(work, ignore_errors=True)
status = 0
for mode, bad in found.items():
    print(f'-f {mode}: {len(bad)} of {len(pages)} pages leak script/style text')
    for name, hits in bad[:15]:
        print(f'  {name}: {len(hits)} window(s), e.g. {hits[0]!r}')
    if bad:
        status = 1
print(f'pages {len(pages)}, distinctive script/style windows {nwin}')
sys.exit(status)
PY

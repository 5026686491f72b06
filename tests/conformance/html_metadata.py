#!/usr/bin/env python3
"""Compare the HTML reader's metadata with Readability's expected-metadata.json.

usage: html_metadata.py GALLEY CORPUS_DIR [--min-title X] [--verbose]

For every page runs `GALLEY -f html+extract -t json source.html` and compares
  title        meta.title
  byline       meta.author (names joined with ", ")
  publishedTime meta.date (same calendar day, YYYY-MM-DD)
  siteName     meta.site-name
  lang         meta.lang (primary subtag, case-insensitive)
  excerpt      meta.abstract
after NFC and whitespace normalisation. A rate is over the pages whose
expected value is present. Exits 1 when the title rate is below --min-title
(default 0.9).
"""
import json, os, re, subprocess, sys, unicodedata


def norm(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFC', s or '')).strip()


def inl(v):
    """Plain text of a pandoc MetaValue (JSON)."""
    if v is None:
        return ''
    t, c = v.get('t'), v.get('c')
    if t == 'MetaString':
        return c
    if t == 'MetaInlines':
        return ''.join(x['c'] if isinstance(x.get('c'), str) else ' ' for x in c if x['t'] in ('Str', 'Space', 'SoftBreak'))
    if t == 'MetaList':
        return ', '.join(inl(x) for x in c)
    if t == 'MetaBlocks':
        return ' '.join(''.join(x['c'] if isinstance(x.get('c'), str) else ' ' for x in b.get('c', []) if isinstance(x, dict))
                        for b in c)
    if t == 'MetaMap':
        return inl(c.get('name'))
    return ''


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    galley, corpus = args[0], args[1]
    verbose = '--verbose' in sys.argv
    min_title = 0.9
    if '--min-title' in sys.argv:
        min_title = float(sys.argv[sys.argv.index('--min-title') + 1])
    fields = {'title': 'title', 'byline': 'author', 'publishedTime': 'date', 'siteName': 'site-name',
              'lang': 'lang', 'excerpt': 'abstract'}
    hit = {k: 0 for k in fields}
    tot = {k: 0 for k in fields}
    for name in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, name)
        src = os.path.join(d, 'source.html')
        if not os.path.isfile(src):
            continue
        exp = json.load(open(os.path.join(d, 'expected-metadata.json'), encoding='utf-8'))
        r = subprocess.run([galley, '-f', 'html+extract', '-t', 'json', src], capture_output=True, timeout=120)
        try:
            meta = json.loads(r.stdout).get('meta', {})
        except ValueError:
            meta = {}
        for ek, gk in fields.items():
            want = exp.get(ek)
            if not want:
                continue
            tot[ek] += 1
            got = inl(meta.get(gk))
            w, g = norm(want), norm(got)
            if ek == 'publishedTime':
                ok = g[:10] == w[:10] and len(w) >= 10
            elif ek == 'lang':
                ok = g.lower().split('-')[0] == w.lower().split('-')[0]
            elif ek == 'byline':
                ok = g == w or (g and (g in w or w in g))
            else:
                ok = g == w
            if ok:
                hit[ek] += 1
            elif verbose:
                print(f'{name}: {ek}: got {g[:80]!r} want {w[:80]!r}')
    for k in fields:
        rate = hit[k] / tot[k] if tot[k] else 1.0
        print(f'{k:14s} {hit[k]:4d}/{tot[k]:<4d} {rate:.3f}')
    title_rate = hit['title'] / tot['title'] if tot['title'] else 1.0
    return 0 if title_rate >= min_title else 1


if __name__ == '__main__':
    sys.exit(main())

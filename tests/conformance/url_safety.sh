#!/usr/bin/env bash
# The URL and attribute tricks of tests/conformance/url-tricks/cases.txt, each
# as a small page, through
#   galley -f html -t json, -f html+extract -t json, -t html_print, -t jats,
#   -t epub3, -t plain, and pandoc -f json -t html on galley's JSON.
# Every output is checked for anything script-capable, by an independent check
# written here (a URL judged as a browser reads it: leading/trailing C0 and
# spaces stripped, tab/LF/CR removed, controls inside the scheme ignored,
# character references decoded by Python's html parser): no on* attribute,
# srcdoc, action, formaction; URL attributes and Link/Image targets only with
# their allowed schemes; no script-capable URL in any attribute value or
# metadata string; style without expression(), behavior, -moz-binding, @import
# or url() of a refused URL; no <script>, <base> other than http(s), meta
# refresh or conditional comment in HTML. "drop" cases also want their NEEDLE
# in no output at all; "keep" cases want their URL in the JSON of -f html.
set -u
. "$(dirname "$0")/lib.sh"
need python3 pandoc
exec python3 - "$GALLEY" "$SRC/tests/conformance/url-tricks/cases.txt" <<'PY'
import html, html.parser, io, json, os, re, subprocess, sys, tempfile, urllib.parse, base64, zipfile
import xml.etree.ElementTree as ET

galley, cases_file = sys.argv[1:3]

def unescape_case(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n == 't': out.append('\t'); i += 2; continue
            if n == 'n': out.append('\n'); i += 2; continue
            if n == 'r': out.append('\r'); i += 2; continue
            if n == '\\': out.append('\\'); i += 2; continue
            if n == 'x' and re.fullmatch(r'[0-9a-fA-F]{2}', s[i + 2:i + 4]):
                out.append(chr(int(s[i + 2:i + 4], 16))); i += 4; continue
        out.append(c); i += 1
    return ''.join(out)

def load_cases(path):
    cases, cur = [], None
    for line in open(path, encoding='utf-8').read().split('\n'):
        if line.startswith('=== '):
            cur = {'name': line[4:].strip(), 'head': [], 'body': [], 'expect': None, 'value': 'PAYLOAD'}
            cases.append(cur)
        elif cur is None or (line.startswith('#') and not cur['body']) or (not line.strip() and not cur['body']):
            continue
        elif line.startswith('head: ') and not cur['body']:
            cur['head'].append(unescape_case(line[6:]))
        elif line.startswith('expect: ') and not cur['body']:
            parts = line[8:].split(' ', 1)
            cur['expect'] = parts[0]
            if len(parts) > 1: cur['value'] = unescape_case(parts[1])
        elif line.startswith('#') or not line.strip():
            continue
        else:
            cur['body'].append(unescape_case(line))
    return cases

# ---- the independent check ----
SCRIPT_SCHEMES = {'javascript', 'vbscript', 'livescript', 'mocha', 'jscript', 'ecmascript', 'mhtml', 'ms-its'}
def scheme_of(u):
    u = u.strip(''.join(chr(c) for c in range(0x21)))
    u = re.sub(r'[\t\n\r]', '', u)
    m = re.match(r'([A-Za-z][A-Za-z0-9+.\-\x00-\x20\x7f]*):', u)
    if not m: return ''
    return re.sub(r'[\x00-\x20\x7f]', '', m.group(1)).lower()

def data_image_ok(u):
    u = re.sub(r'[\x00-\x20\x7f]', '', u)
    m = re.match(r'(?i)data:([^,;]*)([^,]*),(.*)$', u, re.S)
    if not m: return False
    t = m.group(1).lower()
    if not t.startswith('image/'): return False
    if 'svg' not in t and 'xml' not in t: return True
    payload = m.group(3)
    try:
        body = base64.b64decode(payload + '===') if 'base64' in m.group(2).lower() else urllib.parse.unquote_to_bytes(payload)
    except Exception:
        return False
    b = html.unescape(body.decode('utf-8', 'replace')).lower()
    return not ('script' in b or re.search(r'\son[a-z]+\s*=', b) or 'javascript:' in b or 'data:text' in b)

def dangerous(u):
    s = scheme_of(u)
    return s in SCRIPT_SCHEMES or (s == 'data' and not data_image_ok(u))

def url_ok(u, kind):
    s = scheme_of(u)
    if s == '': return True
    if kind == 'link': return s in ('http', 'https', 'mailto', 'tel')
    if kind == 'media': return s in ('http', 'https')
    if kind == 'image': return s in ('http', 'https') or (s == 'data' and data_image_ok(u))
    return False

def css_problem(style):
    t = re.sub(r'/\*.*?(\*/|$)', '', style, flags=re.S)
    t = re.sub(r'\\([0-9a-fA-F]{1,6})\s?', lambda m: chr(int(m.group(1), 16)) if int(m.group(1), 16) < 0x110000 else '?', t)
    t = re.sub(r'\\(.)', r'\1', t)
    n = re.sub(r'[\x00-\x20\x7f]', '', t).lower()
    for bad in ('expression(', 'javascript:', 'vbscript:', 'behavior', '-moz-binding', '@import'):
        if bad in n: return 'style has ' + bad
    for m in re.finditer(r'url\(([^)]*)\)?', n):
        arg = m.group(1).strip('\'"')
        if not url_ok(arg, 'image'): return 'style url(' + arg[:40] + ')'
    return None

ALWAYS_BAD = {'srcdoc', 'action', 'formaction', 'ping', 'http-equiv'}
def attr_problem(element, key, value):
    k = key.lower()
    local = k.rsplit(':', 1)[-1]
    if local.startswith('data-'): local = local[5:]
    if local.startswith('on'): return 'event handler ' + key
    if local in ALWAYS_BAD: return 'attribute ' + key
    if local == 'style':
        return css_problem(value)
    if local in ('srcset', 'imagesrcset'):
        for cand in value.split(','):
            c = cand.strip().split()
            if c and not url_ok(c[0], 'image'): return key + ' candidate ' + c[0][:40]
        return None
    kind = None
    if local in ('href', 'cite', 'longdesc', 'usemap', 'codebase', 'manifest'): kind = 'link'
    elif local == 'src': kind = 'image' if element in ('img', 'input') else 'media'
    elif local in ('poster', 'background'): kind = 'image'
    elif local == 'data': kind = 'media'
    if kind and not url_ok(value, kind): return f'{key}={value[:50]!r} ({kind})'
    if dangerous(value): return f'{key}={value[:50]!r} is script-capable'
    return None

class HtmlCheck(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
    def handle_starttag(self, tag, attrs):
        if tag in ('script', 'object', 'embed', 'applet', 'form', 'frame', 'frameset', 'portal'):
            self.problems.append('<' + tag + '>')
        if tag == 'meta' and any(k == 'http-equiv' for k, _ in attrs):
            self.problems.append('<meta http-equiv>')
        if tag == 'base':
            href = dict(attrs).get('href') or ''
            if scheme_of(href) not in ('http', 'https'): self.problems.append('<base href=' + href[:40] + '>')
        for k, v in attrs:
            p = attr_problem(tag, k, v or '')
            if p: self.problems.append(f'<{tag}> {p}')
    handle_startendtag = handle_starttag
    def handle_comment(self, data):
        if '[if' in data.lower() or 'script' in data.lower(): self.problems.append('comment ' + data[:40])

def html_problems(text):
    h = HtmlCheck()
    h.feed(text)
    h.close()
    return h.problems

def json_problems(doc):
    probs = []
    def attr(a, el):
        ident, classes, kvs = a
        for k, v in kvs:
            p = attr_problem(el, k, v)
            if p: probs.append(f'Attr {p}')
    def walk(x, meta_key=None):
        if isinstance(x, dict):
            t, c = x.get('t'), x.get('c')
            if t == 'Link':
                if not url_ok(c[2][0], 'link'): probs.append('Link target ' + c[2][0][:60])
                if dangerous(c[2][1]): probs.append('Link title script-capable')
            elif t == 'Image':
                if not url_ok(c[2][0], 'image'): probs.append('Image target ' + c[2][0][:60])
            elif t in ('RawInline', 'RawBlock'):
                if c[0].lower() in ('html', 'html5', 'html4', 'epub', 'epub3', 'xhtml'):
                    probs.extend('raw ' + p for p in html_problems(c[1]))
            elif t == 'MetaString' and dangerous(c):
                probs.append(f'meta {meta_key}: script-capable {c[:60]}')
            if t == 'MetaString' and meta_key in ('source-url', 'license') and not url_ok(c, 'link'):
                probs.append(f'meta {meta_key}: {c[:60]}')
            if t == 'MetaString' and meta_key == 'image' and not url_ok(c, 'image'):
                probs.append(f'meta image: {c[:60]}')
            for v in x.values(): walk(v, meta_key)
        elif isinstance(x, list):
            # Attr: [id, [classes], [[key, value]...]], wherever it is
            if (len(x) == 3 and isinstance(x[0], str) and isinstance(x[1], list) and isinstance(x[2], list)
                    and all(isinstance(k, str) for k in x[1])
                    and all(isinstance(kv, list) and len(kv) == 2 and all(isinstance(s, str) for s in kv) for kv in x[2])):
                attr(x, 'span')
            for v in x: walk(v, meta_key)
    for k, v in doc.get('meta', {}).items(): walk(v, k)
    walk(doc.get('blocks', []))
    return probs

def targets_and_values(doc):
    found = set()
    def walk(x):
        if isinstance(x, dict):
            t, c = x.get('t'), x.get('c')
            if t in ('Link', 'Image'): found.add(c[2][0])
            for v in x.values(): walk(v)
        elif isinstance(x, list):
            if len(x) == 2 and all(isinstance(s, str) for s in x): found.add(x[1])
            for v in x: walk(v)
    walk(doc)
    return found

def run(args, stdin=None):
    r = subprocess.run(args, input=stdin, capture_output=True)
    return r.returncode, r.stdout, r.stderr.decode('utf-8', 'replace')

cases = load_cases(cases_file)
# pandoc 2.x reads pandoc-types 1.22 only: give it the JSON galley writes for it.
probe = run(['pandoc', '-f', 'json', '-t', 'html'], b'{"pandoc-api-version":[1,23,1],"meta":{},"blocks":[]}')
pandoc_api = [] if probe[0] == 0 else ['--pandoc-api=1.22']
failures, kept_ok = [], 0
with tempfile.TemporaryDirectory() as tmp:
    for case in cases:
        name = case['name']
        page = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Case</title>' + ''.join(case['head']) +
                '</head><body><h1>Case</h1>' + '\n'.join(case['body']) + '<p>End of case.</p></body></html>')
        src = os.path.join(tmp, name + '.html')
        with open(src, 'wb') as f: f.write(page.encode('utf-8'))
        outputs = {}
        def fail(msg):
            failures.append(f'{name}: {msg}')
        for label, args in [('json', ['-f', 'html', '-t', 'json']), ('json+extract', ['-f', 'html+extract', '-t', 'json']),
                            ('html_print', ['-f', 'html', '-t', 'html_print']), ('jats', ['-f', 'html', '-t', 'jats']),
                            ('plain', ['-f', 'html', '-t', 'plain'])]:
            rc, out, err = run([galley, src] + args)
            if rc != 0:
                fail(f'{label}: exit {rc}: {err[:200]}'); continue
            outputs[label] = out.decode('utf-8', 'replace')
        epub = os.path.join(tmp, name + '.epub')
        rc, _, err = run([galley, src, '-f', 'html', '-t', 'epub3', '-o', epub])
        if rc != 0:
            fail(f'epub: exit {rc}: {err[:200]}')
        else:
            with zipfile.ZipFile(epub) as z:
                for n in z.namelist():
                    outputs['epub:' + n] = z.read(n).decode('utf-8', 'replace')
        if 'json' in outputs:
            rc, out, err = run([galley, src, '-f', 'html', '-t', 'json'] + pandoc_api)
            if rc == 0: rc, out, err = run(['pandoc', '-f', 'json', '-t', 'html'], out)
            if rc != 0: fail(f'pandoc: exit {rc}: {err[:200]}')
            else: outputs['pandoc html'] = out.decode('utf-8', 'replace')
        # script-capable anything
        for label in ('json', 'json+extract'):
            if label in outputs:
                for p in json_problems(json.loads(outputs[label])): fail(f'{label}: {p}')
        for label, text in outputs.items():
            if label in ('pandoc html', 'html_print') or (label.startswith('epub:') and label.endswith(('.xhtml', '.html'))):
                for p in html_problems(text): fail(f'{label}: {p}')
            if label == 'jats' or (label.startswith('epub:') and label.endswith(('.opf', '.ncx'))):
                try:
                    root = ET.fromstring(text.encode('utf-8'))
                except ET.ParseError as e:
                    fail(f'{label}: not well-formed: {e}'); continue
                for el in root.iter():
                    for k, v in el.attrib.items():
                        if k.endswith('}href') or k == 'href':
                            if not url_ok(v, 'link' if not el.tag.endswith(('graphic', 'inline-graphic', 'item')) else 'image'):
                                fail(f'{label}: <{el.tag}> href {v[:50]!r}')
                        if dangerous(v): fail(f'{label}: <{el.tag}> {k} script-capable')
        needle = case['value'] if case['expect'] == 'drop' else ('PAYLOAD' if 'PAYLOAD' in page else None)
        if needle:
            for label, text in outputs.items():
                if needle in text: fail(f'{label}: still holds {needle[:40]!r}')
        if case['expect'] == 'drop':
            pass
        elif case['expect'] == 'keep':
            if 'json' in outputs:
                if case['value'] not in targets_and_values(json.loads(outputs['json'])):
                    fail(f'json: {case["value"]!r} not kept (targets/values: '
                         f'{sorted(targets_and_values(json.loads(outputs["json"])))[:8]})')
                else:
                    kept_ok += 1
        else:
            fail('no expect: line')

for f in failures: print('FAIL', f)
n_drop = sum(1 for c in cases if c['expect'] == 'drop')
n_keep = sum(1 for c in cases if c['expect'] == 'keep')
print(f'{len(cases)} cases ({n_drop} drop, {n_keep} keep; {kept_ok} kept as expected), 7 outputs each: '
      f'{len(failures)} failure(s)')
sys.exit(1 if failures or len(cases) < 40 else 0)
PY

// The page's behaviour: formats from /formats, the input (a dropped or chosen file,
// or pasted text) sent to POST /convert, the result offered for download, and a
// preview in a sandboxed frame (no script, an opaque origin). Nothing but this
// server is contacted; converted content is never inserted into this page's DOM
// as markup, only as text or into the sandboxed frame.
'use strict';

const $ = (id) => document.getElementById(id);
let chosenFile = null;
let writers = [];
let downloadUrl = null;

function setStatus(text) { $('status').textContent = text; }

async function loadFormats() {
  const res = await fetch('/formats');
  const f = await res.json();
  const from = $('from');
  for (const r of f.input) from.append(new Option(`${r.name} — ${r.description}`, r.name));
  writers = f.output;
  const to = $('to');
  for (const w of f.output) to.append(new Option(`${w.name} — ${w.description}`, w.name));
  to.value = f.output.some((w) => w.name === 'epub3') ? 'epub3' : f.default_output;
}

function takeFile(file) {
  chosenFile = file;
  $('file-name').textContent = file ? `${file.name} (${file.size} bytes)` : '';
}

function setupInput() {
  $('file').addEventListener('change', (e) => takeFile(e.target.files[0] || null));
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) takeFile(e.dataTransfer.files[0]);
  });
  $('text').addEventListener('input', () => { if ($('text').value) { takeFile(null); $('file').value = ''; } });
}

// A file name the server accepts (letters, digits, '.', '_', '-').
function safeName(name) {
  const s = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return s.slice(0, 200) || 'input';
}

function clearResult() {
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = null;
  $('download').hidden = true;
  $('warnings-box').hidden = true;
  $('warnings').replaceChildren();
  $('error-box').hidden = true;
  $('chapters-box').hidden = true;
  $('chapters').replaceChildren();
  // A fresh frame for every result (same attributes, no document): nothing of the last
  // preview's document carries over, and a driver holding the frame (a browser test)
  // never sees one frame navigated from one sandboxed document to the next.
  const old = $('preview');
  const frame = old.cloneNode(false);
  frame.removeAttribute('srcdoc');
  frame.hidden = true;
  old.replaceWith(frame);
  $('text-preview').hidden = true;
  $('result-info').textContent = '';
}

function showWarnings(list) {
  if (!list.length) return;
  const ul = $('warnings');
  for (const w of list) {
    const li = document.createElement('li');
    li.textContent = w.kind ? `${w.kind}: ${w.message}` : String(w.message);
    ul.append(li);
  }
  $('warnings-box').hidden = false;
}

function showError(text) {
  $('error-box').textContent = text;
  $('error-box').hidden = false;
}

function previewHtml(html) {
  const frame = $('preview');
  frame.srcdoc = html;
  frame.hidden = false;
}

async function convert() {
  clearResult();
  const params = new URLSearchParams();
  const to = $('to').value;
  params.set('to', to);
  let from = $('from').value;
  let body;
  if (chosenFile) {
    body = chosenFile;
    params.set('filename', safeName(chosenFile.name));
  } else {
    const text = $('text').value;
    if (!text.trim()) { showError('Paste an article or choose a file first.'); return; }
    if (!from && /^\s*</.test(text)) from = 'html';
    body = new Blob([text], { type: 'text/plain; charset=utf-8' });
  }
  if (from) params.set('from', from);
  if ($('standalone').checked) params.set('standalone', 'true');
  setStatus('Converting…');
  $('convert').disabled = true;
  try {
    const res = await fetch('/convert?' + params.toString(), { method: 'POST', body });
    if (!res.ok) {
      let msg = `HTTP ${res.status}`;
      try { const e = await res.json(); msg = `${e.error.message} (${e.error.id}, HTTP ${res.status})`; } catch (_) { /* not JSON */ }
      showError(msg);
      setStatus('');
      return;
    }
    let warnings = [];
    try { warnings = JSON.parse(res.headers.get('X-Galley-Warnings') || '[]'); } catch (_) { warnings = []; }
    const count = Number(res.headers.get('X-Galley-Warning-Count') || warnings.length);
    const blob = await res.blob();
    showWarnings(warnings);
    const writer = writers.find((w) => w.name === to) || { suffix: '.out', binary: true };
    const stem = chosenFile ? safeName(chosenFile.name).replace(/\.[^.]*$/, '') || 'article' : 'article';
    downloadUrl = URL.createObjectURL(blob);
    const a = $('download');
    a.href = downloadUrl;
    a.download = stem + writer.suffix;
    a.textContent = `Download ${a.download}`;
    a.hidden = false;
    $('result-info').textContent = `${blob.size} bytes, ${count} warning${count === 1 ? '' : 's'}`;
    const type = (res.headers.get('Content-Type') || '').split(';')[0];
    if (type === 'text/html') previewHtml(await blob.text());
    else if (type === 'application/epub+zip') await previewEpub(await blob.arrayBuffer());
    else if (!writer.binary) { $('text-preview').textContent = await blob.text(); $('text-preview').hidden = false; }
    setStatus('Done.');
  } catch (e) {
    showError(`The conversion failed: ${e.message}`);
    setStatus('');
  } finally {
    $('convert').disabled = false;
  }
}

// ---- EPUB preview: the zip read here (stored or deflated entries), chapters in spine order ----

async function unzip(buf) {
  const v = new DataView(buf);
  let eocd = -1;
  for (let i = buf.byteLength - 22; i >= Math.max(0, buf.byteLength - 65557); --i)
    if (v.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw new Error('not a zip file');
  const count = v.getUint16(eocd + 10, true);
  let p = v.getUint32(eocd + 16, true);
  const files = new Map();
  const dec = new TextDecoder();
  for (let n = 0; n < count; ++n) {
    if (v.getUint32(p, true) !== 0x02014b50) throw new Error('bad zip directory');
    const method = v.getUint16(p + 10, true);
    const csize = v.getUint32(p + 20, true);
    const nameLen = v.getUint16(p + 28, true), extraLen = v.getUint16(p + 30, true), commentLen = v.getUint16(p + 32, true);
    const local = v.getUint32(p + 42, true);
    const name = dec.decode(new Uint8Array(buf, p + 46, nameLen));
    const dataStart = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    files.set(name, { method, data: new Uint8Array(buf, dataStart, csize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return {
    names: [...files.keys()],
    async bytes(name) {
      const f = files.get(name);
      if (!f) return null;
      if (f.method === 0) return f.data;
      const stream = new Blob([f.data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    },
    async text(name) { const b = await this.bytes(name); return b ? new TextDecoder().decode(b) : null; },
  };
}

function resolvePath(base, href) {
  const parts = base.split('/').slice(0, -1);
  for (const seg of href.split('#')[0].split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function previewEpub(buf) {
  const zip = await unzip(buf);
  const container = new DOMParser().parseFromString(await zip.text('META-INF/container.xml'), 'application/xml');
  const opfPath = container.querySelector('rootfile').getAttribute('full-path');
  const opf = new DOMParser().parseFromString(await zip.text(opfPath), 'application/xml');
  const items = new Map();
  for (const it of opf.getElementsByTagName('item')) items.set(it.getAttribute('id'), it);
  const chapters = [];
  for (const ref of opf.getElementsByTagName('itemref')) {
    const it = items.get(ref.getAttribute('idref'));
    if (it) chapters.push(resolvePath(opfPath, it.getAttribute('href')));
  }
  const select = $('chapters');
  chapters.forEach((c, i) => select.append(new Option(`${i + 1}. ${c.split('/').pop()}`, c)));
  select.onchange = () => showChapter(zip, select.value);
  $('chapters-box').hidden = false;
  if (chapters.length) await showChapter(zip, chapters[0]);
}

// One chapter as a self-contained document: its stylesheets inlined, its images as
// data: URLs (the frame's opaque origin can reach nothing else).
async function showChapter(zip, path) {
  const doc = new DOMParser().parseFromString(await zip.text(path), 'application/xhtml+xml');
  for (const s of doc.querySelectorAll('script')) s.remove();
  for (const link of [...doc.querySelectorAll('link[rel~="stylesheet"]')]) {
    const css = await zip.text(resolvePath(path, link.getAttribute('href') || ''));
    const style = doc.createElementNS('http://www.w3.org/1999/xhtml', 'style');
    style.textContent = css || '';
    link.replaceWith(style);
  }
  for (const img of doc.querySelectorAll('img[src]')) {
    const target = resolvePath(path, img.getAttribute('src'));
    const bytes = await zip.bytes(target);
    const type = ((zip.names.includes(target) && target.match(/\.(\w+)$/)) || [, 'png'])[1].replace('jpg', 'jpeg').replace('svg', 'svg+xml');
    if (bytes) img.setAttribute('src', `data:image/${type};base64,${base64(bytes)}`);
  }
  previewHtml(new XMLSerializer().serializeToString(doc));
}

document.addEventListener('DOMContentLoaded', () => {
  setupInput();
  $('convert').addEventListener('click', convert);
  loadFormats().catch((e) => showError(`Cannot load the formats: ${e.message}`));
});

// The page at / in headless Chromium (playwright-core driving Debian's chromium):
// upload the bundled article, download the EPUB (checked with EPUBCheck by
// server_browser.sh), preview the EPUB's chapters and the print HTML in the
// sandboxed frame, see a warning for an input that has one, keep a screenshot.
// Usage: node server_browser.js GALLEY ARTICLE OUTDIR
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [galley, article, outDir] = process.argv.slice(2);
let failures = 0;
function check(cond, what) {
  if (!cond) { failures++; console.log('FAIL: ' + what); } else console.log('ok: ' + what);
}

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(galley, ['server', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('no announcement: ' + out)), 60000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) { clearTimeout(timer); resolve({ proc, port: Number(m[1]) }); }
    });
    proc.stderr.on('data', () => {});
    proc.on('exit', (c) => reject(new Error('server exited ' + c)));
  });
}

async function convertAndWait(page) {
  await page.click('#convert');
  await page.waitForFunction(() => {
    const s = document.getElementById('status').textContent;
    return s === 'Done.' || !document.getElementById('error-box').hidden;
  }, null, { timeout: 120000 });
}

(async () => {
  const { proc, port } = await startServer();
  const origin = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
                                          args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    // Under a loaded CI machine (ctest -j2 beside the corpus runs) the print preview took
    // over 30 s, Playwright's default wait: wait as long as the conversion itself may.
    page.setDefaultTimeout(120000);
    const foreign = [];
    const errors = [];
    page.on('request', (r) => { const u = r.url(); if (!u.startsWith(origin) && !/^(blob|data|about):/.test(u)) foreign.push(u); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(origin + '/');
    await page.waitForFunction(() => document.querySelectorAll('#to option').length > 3);

    // Upload the article, convert to EPUB, download it.
    await page.setInputFiles('#file', article);
    await page.selectOption('#to', 'epub3');
    await convertAndWait(page);
    check(await page.isHidden('#error-box'), 'EPUB conversion without an error');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const epubPath = path.join(outDir, 'server-page.epub');
    await download.saveAs(epubPath);
    check(download.suggestedFilename() === 'article.epub', 'the download is named article.epub (' + download.suggestedFilename() + ')');
    check(fs.statSync(epubPath).size > 1000, 'the EPUB was downloaded');
    // The EPUB's chapters in the sandboxed frame.
    const frame = page.locator('#preview');
    check(await page.isVisible('#preview'), 'the EPUB preview is shown');
    check((await frame.getAttribute('sandbox')) === '', 'the preview frame is sandboxed (no scripts, opaque origin)');
    check((await page.locator('#chapters option').count()) >= 1, 'the EPUB chapters are listed');
    const epubText = await page.frameLocator('#preview').locator('body').innerText();
    const headline = fs.readFileSync(article, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)[1] || '';
    check(headline.length > 0 && epubText.includes(headline.slice(0, 20)), 'the EPUB chapter shows the headline');
    await page.screenshot({ path: path.join(outDir, 'server-page-epub.png'), fullPage: true });

    // Print HTML preview.
    await page.selectOption('#to', 'html_print');
    await convertAndWait(page);
    check(await page.isVisible('#preview'), 'the print HTML preview is shown');
    const printText = await page.frameLocator('#preview').locator('body').innerText();
    check(printText.includes(headline.slice(0, 20)), 'the print HTML preview shows the headline');
    const printOrigin = await page.frameLocator('#preview').locator('body').evaluate(() => {
      try { return String(window.origin); } catch (e) { return 'error'; }
    });
    check(printOrigin === 'null', 'the preview runs in an opaque origin (' + printOrigin + ')');

    // Pasted HTML with a remote image and a script: a warning is shown, the script runs nowhere.
    await page.setInputFiles('#file', []);
    await page.fill('#text', '<html><head><title>W</title></head><body><h1>Warned</h1><p>See <img src="http://example.com/x.png" alt="x">' +
                             '<script>parent.document.title = "pwned"</script></p></body></html>');
    await page.selectOption('#to', 'html_print');
    await convertAndWait(page);
    check(await page.isVisible('#warnings-box'), 'the warnings are shown beside the result');
    const warnings = await page.locator('#warnings li').allInnerTexts();
    check(warnings.some((w) => /remote|fetch/i.test(w)), 'the remote-image warning is listed: ' + JSON.stringify(warnings));
    check((await page.title()) !== 'pwned', 'no script of the converted content ran');
    await page.screenshot({ path: path.join(outDir, 'server-page.png'), fullPage: true });

    // A bad request shows the server's error.
    await page.selectOption('#from', 'json');
    await page.fill('#text', 'not json');
    await convertAndWait(page);
    check(await page.isVisible('#error-box'), 'an error is shown for a bad input');
    check(foreign.length === 0, 'no request left the server: ' + JSON.stringify(foreign));
    check(errors.filter((e) => !/status of 400/.test(e)).length === 0, 'no page errors: ' + JSON.stringify(errors));
  } finally {
    await browser.close();
    proc.kill('SIGTERM');
  }
  console.log(failures ? `server_browser: ${failures} failure(s)` : 'server_browser: all checks passed');
  process.exit(failures ? 1 : 0);
})().catch((e) => { console.log('FAIL: ' + e.stack); process.exit(1); });

// The browser editor of `homeport lsp --serve-editor` end to end: the real server jar serves the page and /lsp on
// one loopback port, Debian's chromium (playwright-core) loads it and opens a published module from the corpus with
// one seeded error. Diagnostics, completion, hover and go to definition are read off what Monaco shows.
// Screenshots: target/e2e-screenshots/editor-page-*.png.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpus, serverJar, testJava } from '../lib/paths.mjs';
import { openBrowser, screenshot } from '../lib/codeserver.mjs';

const SEEDED = 'type inet:ipv6-adress;';

/** ietf-inet-types with one seeded error: the union of ip-address names a typedef that does not exist. */
function seededModule() {
  const text = fs.readFileSync(path.join(corpus(), 'ietf', 'ietf-inet-types@2013-07-15.yang'), 'utf8');
  assert.ok(text.includes('type inet:ipv6-address;'));
  const seeded = text.replace('type inet:ipv6-address;', SEEDED);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-page-'));
  const file = path.join(dir, 'ietf-inet-types.yang');
  fs.writeFileSync(file, seeded);
  const lines = seeded.split('\n');
  return {
    dir,
    file,
    errorLine: lines.findIndex((l) => l.includes(SEEDED)) + 1, // 1-based, as Monaco counts
    ipv4TypedefLine: lines.findIndex((l) => l.includes('typedef ipv4-address {')) + 1,
    ipv4UseLine: lines.findIndex((l) => l.includes('type inet:ipv4-address;')) + 1,
  };
}

/** Starts `lsp --serve-editor 127.0.0.1:0` and reads the page's URL from its stderr. */
async function startEditorServer(java) {
  const proc = spawn(java, ['-jar', serverJar, 'lsp', '--serve-editor', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no editor URL on stderr within 30 s: ${stderr}`)), 30000);
    proc.stderr.on('data', (d) => {
      stderr += d;
      const m = /serving the YANG editor on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return { proc, url, stderr: () => stderr };
}

/** Puts the cursor at (line, column) of the visible editor, as a click there would. */
async function placeCursor(page, lineNumber, column) {
  await page.evaluate(([l, c]) => {
    const { editor } = window.homeport;
    editor.setPosition({ lineNumber: l, column: c });
    editor.revealLineInCenter(l);
    editor.focus();
  }, [lineNumber, column]);
}

describe('the browser editor of lsp --serve-editor, in chromium', () => {
  let server;
  let browser;
  let page;
  let mod;
  const consoleErrors = [];

  before(async () => {
    mod = seededModule();
    server = await startEditorServer(await testJava());
    ({ browser, page } = await openBrowser());
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(server.url);
    await page.locator('#status', { hasText: 'connected' }).waitFor({ timeout: 30000 });
  });

  after(async () => {
    if (page) await screenshot(page, 'editor-page-last-state').catch(() => {});
    await browser?.close();
    server?.proc.kill();
    if (mod) fs.rmSync(mod.dir, { recursive: true, force: true });
  });

  test('the page and its assets come from the server; anything else is 404', async () => {
    for (const asset of ['editor.js', 'editor.css', 'editor.worker.js', 'codicon.ttf']) {
      const r = await fetch(new URL(asset, server.url));
      assert.equal(r.status, 200, asset);
    }
    assert.equal((await fetch(new URL('../../../etc/passwd', server.url))).status, 404);
    assert.equal((await fetch(new URL('.hidden', server.url))).status, 404);
    assert.equal((await fetch(new URL('dev/homeport/lsp/cli/LspMain.class', server.url))).status, 404);
  });

  test('a module opened from disk shows its seeded error as a marker on its line', async () => {
    await page.locator('#open').setInputFiles(mod.file);
    await page.locator('#file', { hasText: 'ietf-inet-types.yang' }).waitFor();
    await page.waitForFunction((line) => window.homeport.monaco.editor.getModelMarkers({})
      .some((m) => m.severity === 8 && m.startLineNumber === line), mod.errorLine, { timeout: 60000 });
    const markers = await page.evaluate(() => window.homeport.monaco.editor.getModelMarkers({})
      .filter((m) => m.severity === 8).map((m) => ({ line: m.startLineNumber, message: m.message })));
    assert.equal(markers.length, 1, JSON.stringify(markers));
    assert.match(markers[0].message, /ipv6-adress/);
    await placeCursor(page, mod.errorLine, 5);
    await page.locator('.squiggly-error').first().waitFor({ timeout: 10000 });
    await screenshot(page, 'editor-page-diagnostics');
  });

  test('completion offers the typedefs in scope, and taking one clears the error', async () => {
    const line = await page.evaluate((l) => window.homeport.editor.getModel().getLineContent(l), mod.errorLine);
    const end = line.indexOf('adress;') + 1; // 1-based column of "adress"
    await page.evaluate(([l, c]) => {
      const { editor, monaco } = window.homeport;
      editor.executeEdits('test', [{ range: new monaco.Range(l, c, l, c + 'adress'.length), text: '' }]);
      editor.setPosition({ lineNumber: l, column: c });
      editor.focus();
    }, [mod.errorLine, end]);
    await page.keyboard.press('Control+Space');
    const suggest = page.locator('.suggest-widget .monaco-list-row');
    await suggest.filter({ hasText: 'inet:ipv6-address' }).first().waitFor({ timeout: 30000 });
    const labels = await suggest.allTextContents();
    assert.ok(labels.some((l) => l.includes('ipv6-prefix')), labels.join(' | '));
    await screenshot(page, 'editor-page-completion');
    await page.keyboard.type('address');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !window.homeport.monaco.editor.getModelMarkers({}).some((m) => m.severity === 8),
      null, { timeout: 60000 });
    // markers go first; the squiggle is removed on the editor's next render
    await page.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 10000 });
    assert.equal(await page.locator('.squiggly-error').count(), 0);
  });

  test('hover shows what a typedef is', async () => {
    const line = await page.evaluate((l) => window.homeport.editor.getModel().getLineContent(l), mod.ipv4UseLine);
    await placeCursor(page, mod.ipv4UseLine, line.indexOf('ipv4-address') + 3);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover-content');
    await hover.filter({ hasText: 'ipv4-address' }).first().waitFor({ timeout: 30000 });
    const text = await hover.first().textContent();
    assert.match(text, /typedef/);
    assert.match(text, /string/);
    await screenshot(page, 'editor-page-hover');
    await page.keyboard.press('Escape');
  });

  test('go to definition jumps to the typedef', async () => {
    const line = await page.evaluate((l) => window.homeport.editor.getModel().getLineContent(l), mod.ipv4UseLine);
    await placeCursor(page, mod.ipv4UseLine, line.indexOf('ipv4-address') + 3);
    await page.keyboard.press('F12');
    await page.waitForFunction((l) => window.homeport.editor.getPosition().lineNumber === l, mod.ipv4TypedefLine, { timeout: 30000 });
    await page.locator('.view-lines .view-line', { hasText: 'typedef ipv4-address {' }).waitFor();
    await screenshot(page, 'editor-page-definition');
    assert.deepEqual(consoleErrors, []);
  });
});

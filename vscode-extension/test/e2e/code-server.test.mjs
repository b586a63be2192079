// End to end in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) with the built .vsix installed, on a fresh
// copy of published modules from the corpus plus one module of ours with a seeded error. Screenshots go to
// target/e2e-screenshots/ (the README's pictures come from there).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeWorkspace } from '../lib/lsp.mjs';
import { platformVsix, universalVsix } from '../lib/paths.mjs';
import { openBrowser, openFile, pathWithoutJava, runCommand, screenshot, startCodeServer } from '../lib/codeserver.mjs';

const JDK = process.env.JAVA_HOME;

/** The status bar item of the extension, once it says the server runs. */
async function waitForServer(page, timeout = 120000) {
  const item = page.locator('.statusbar-item', { hasText: 'YANG' }).filter({ has: page.locator('.codicon-check') });
  await item.first().waitFor({ timeout });
  return item.first();
}

/** The text of the view line whose top matches the top of this overlay element (squiggles live in overlays). */
async function lineTextAt(page, selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const top = el.parentElement.style.top;
    const line = [...document.querySelectorAll('.view-lines .view-line')].find((l) => l.style.top === top);
    return line ? line.textContent.replace(/\u00a0/g, ' ') : null;
  }, selector);
}

/** The colour of the first token with exactly this text in the visible editor. */
async function tokenColor(page, text) {
  return page.evaluate((t) => {
    const span = [...document.querySelectorAll('.view-lines .view-line span span')].find((s) => s.textContent === t);
    return span ? getComputedStyle(span).color : null;
  }, text);
}

describe('the universal package in code-server, with the JDK from JAVA_HOME', () => {
  let cs;
  let ws;
  let browser;
  let page;

  before(async () => {
    assert.ok(JDK && fs.existsSync(path.join(JDK, 'bin', 'java')), 'JAVA_HOME must name the JDK for this test');
    ws = makeWorkspace();
    cs = await startCodeServer({ vsix: universalVsix, workspace: ws.dir, env: { ...process.env, JAVA_HOME: JDK } });
    ({ browser, page } = await openBrowser());
    await page.goto(cs.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
  });

  after(async () => {
    if (page) await screenshot(page, 'last-state-universal').catch(() => {});
    await browser?.close();
    await cs?.stop();
    ws?.remove();
  });

  test('the module opens highlighted, the server starts, the seeded error is squiggled at its line and counted', async () => {
    await openFile(page, 'acme-system.yang');
    // highlighting comes from the TextMate grammar: keywords, strings and plain names get different colours
    await page.locator('.view-lines .view-line', { hasText: 'container system' }).waitFor();
    // lines are shown first as plain text, then re-rendered token by token once the grammar has run
    await page.waitForFunction(() => [...document.querySelectorAll('.view-lines .view-line span span')]
      .some((s) => s.textContent === 'container'), null, { timeout: 60000 });
    const keyword = await tokenColor(page, 'container');
    const name = await tokenColor(page, 'system');
    const str = await tokenColor(page, '"urn:acme:system"');
    assert.ok(keyword && name && str, `tokens not found: ${keyword} ${name} ${str}`);
    assert.notEqual(keyword, name, 'the keyword is coloured like a plain name');
    assert.notEqual(str, name, 'the string is coloured like a plain name');

    await waitForServer(page);
    await page.locator('.squiggly-error').first().waitFor({ timeout: 90000 });
    assert.equal(await page.locator('.squiggly-error').count(), 1);
    assert.match(await lineTextAt(page, '.squiggly-error'), /leaf ntp-server \{ type inet:ip-addres; \}/);
    await screenshot(page, 'diagnostics');

    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'ip-addres' }).waitFor();
    const row = await problems.locator('.monaco-list-row', { hasText: 'ip-addres' }).first().textContent();
    assert.match(row, new RegExp(`\\[Ln ${ws.errorLine + 1}, Col \\d+\\]`));
    // the Problems badge counts exactly the one error of the workspace's open file
    const badge = page.locator('.composite-bar .action-item', { hasText: 'Problems' }).locator('.badge-content');
    const count = await page.locator('.statusbar-item[id="status.problems"]').textContent();
    assert.match(count.replace(/\s+/g, ' '), /^\s*1\s+0\b/, `status bar problems: ${count}`);
    await screenshot(page, 'problems');
    void badge;
  });

  test('Show Output and Restart Server work from the command palette', async () => {
    await runCommand(page, 'YANG: Show Output');
    await page.locator('.output-view .view-line', { hasText: '[java] using' }).first().waitFor({ timeout: 30000 });
    const text = (await page.locator('.output-view .view-lines').textContent()).replace(/\u00a0/g, ' ');
    assert.match(text, /from JAVA_HOME/);
    await runCommand(page, 'YANG: Restart Server');
    await page.locator('.output-view .view-line', { hasText: 'restarting' }).first().waitFor({ timeout: 30000 });
    await waitForServer(page);
    await page.locator('.squiggly-error').first().waitFor({ timeout: 90000 });
  });

  test('Show Schema Tree opens the RFC 8340 tree beside the module', async () => {
    await openFile(page, 'acme-system.yang');
    await runCommand(page, 'YANG: Show Schema Tree');
    await page.locator('.tab', { hasText: 'acme-system tree' }).waitFor({ timeout: 60000 });
    const tree = page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: 'acme-system tree' }) });
    await tree.locator('.view-line', { hasText: 'module: acme-system' }).waitFor({ timeout: 30000 });
    const text = (await tree.locator('.view-lines').textContent()).replace(/\u00a0/g, ' ');
    assert.match(text, /\+--rw system/);
    assert.match(text, /\+--rw ntp-server\?/);
    await screenshot(page, 'schema-tree');
  });
});

describe('the linux-x64 package in code-server, with no Java on the machine', () => {
  let cs;
  let ws;
  let browser;
  let page;

  before(async () => {
    ws = makeWorkspace();
    const env = { ...process.env, PATH: pathWithoutJava(ws.dir) };
    delete env.JAVA_HOME;
    cs = await startCodeServer({ vsix: platformVsix, workspace: ws.dir, env });
    ({ browser, page } = await openBrowser());
    await page.goto(cs.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
  });

  after(async () => {
    if (page) await screenshot(page, 'last-state-platform').catch(() => {});
    await browser?.close();
    await cs?.stop();
    ws?.remove();
  });

  test('the embedded runtime runs the server: the seeded error is reported', async () => {
    await openFile(page, 'acme-system.yang');
    await waitForServer(page);
    await page.locator('.squiggly-error').first().waitFor({ timeout: 90000 });
    assert.match(await lineTextAt(page, '.squiggly-error'), /ip-addres/);
    await runCommand(page, 'YANG: Show Output');
    await page.locator('.output-view .view-line', { hasText: '[java] using' }).first().waitFor({ timeout: 30000 });
    const text = (await page.locator('.output-view .view-lines').textContent()).replace(/\u00a0/g, ' ');
    assert.match(text, /from embedded runtime/);
    assert.ok(text.includes(path.join(cs.extensionDir, 'jre', 'bin', 'java')), text);
    await screenshot(page, 'embedded-runtime');
  });
});

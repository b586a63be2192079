// End to end in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) with the built .vsix installed, on a fresh
// copy of published modules from the corpus plus one module of ours with a seeded error. Screenshots go to
// target/e2e-screenshots/ (the README's pictures come from there).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { makeWorkspace } from '../lib/lsp.mjs';
import { platformVsix, projectRoot, universalVsix } from '../lib/paths.mjs';
import { hasJava, openBrowser, openFile, pathWithoutJava, processesWith, runCommand, screenshot, startCodeServer } from '../lib/codeserver.mjs';

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

/** A simulated NETCONF device (`homeport device serve`, user admin/admin) on a free loopback port. */
async function startDevice() {
  const jar = path.join(projectRoot, 'netconf-engine', 'target', 'netconf-engine.jar');
  const proc = spawn(path.join(JDK, 'bin', 'java'), ['-jar', jar, 'device', 'serve', '--profile', 'home-router',
    '--address', '127.0.0.1', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the device did not start: ${out}`)), 60000);
    const onData = (d) => {
      out += d;
      const m = /SSH 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`the device exited with ${code}: ${out}`)));
  });
  return { proc, port };
}

/** A stand-in for the user's login shell that runs its command with the environment it is given, no profile read. */
function loginShellKeepingEnv(dir) {
  const shell = path.join(dir, 'login-shell');
  // called as: SHELL -i -l -c COMMAND
  fs.writeFileSync(shell, '#!/bin/sh\nwhile [ $# -gt 1 ]; do shift; done\nexec /bin/sh -c "$1"\n', { mode: 0o755 });
  return shell;
}

/** The editor group that has the focus. */
function activeEditor(page) {
  return page.locator('.editor-group-container.active');
}

/** The text of a view line, with the spaces Monaco renders as no-break spaces. */
async function viewLineText(locator) {
  return (await locator.first().textContent()).replace(/\u00a0/g, ' ');
}

/** Moves the cursor of the active editor to line:column (1-based) with Quick Open's ':' mode. */
async function goTo(page, line, column) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Brings an open file's tab to the front (opens it when it is not open), with no popup left open. */
async function showFile(page, name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const tab = page.locator('.tab', { hasText: name }).first();
  if (await tab.count()) {
    await tab.click();
    await page.locator('.tab.active', { hasText: name }).waitFor();
  } else {
    await openFile(page, name);
  }
}

describe('the universal package in code-server, with the JDK from JAVA_HOME', () => {
  let moduleCache;
  let cs;
  let ws;
  let browser;
  let page;

  before(async () => {
    assert.ok(JDK && fs.existsSync(path.join(JDK, 'bin', 'java')), 'JAVA_HOME must name the JDK for this test');
    ws = makeWorkspace();
    moduleCache = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-cache-'));
    cs = await startCodeServer({ vsix: universalVsix, workspace: ws.dir, env: { ...process.env, JAVA_HOME: JDK },
      settings: { 'homeport.yang.moduleCache': moduleCache, 'homeport.trace.server': 'messages' } });
    ({ browser, page } = await openBrowser());
    await page.goto(cs.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120000 });
  });

  after(async () => {
    if (page) await screenshot(page, 'last-state-universal').catch(() => {});
    await browser?.close();
    await cs?.stop();
    ws?.remove();
    if (moduleCache) fs.rmSync(moduleCache, { recursive: true, force: true });
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

  // The editing features, each read off what VS Code shows. They run in this order on one editor: rename and
  // formatting change the text the later steps see.
  test('completion lists the typedefs of the imported module where a type is named', async () => {
    await showFile(page, 'acme-system.yang');
    await goTo(page, ws.errorLine + 1, ws.lines[ws.errorLine].indexOf('ip-addres;') + 'ip-addres'.length + 1);
    await page.keyboard.press('Control+Space');
    const rows = page.locator('.suggest-widget .monaco-list-row');
    await rows.filter({ hasText: 'inet:ip-address' }).first().waitFor({ timeout: 30000 });
    const labels = (await rows.allTextContents()).join(' | ');
    assert.match(labels, /inet:ip-address-no-zone/);
    await screenshot(page, 'completion');
    await page.keyboard.press('Escape');
  });

  test('hover shows the type chain of a typedef', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('leaf console'));
    await goTo(page, line + 1, ws.lines[line].indexOf('port-name') + 3);
    await runCommand(page, 'Show or Focus Hover');
    const hover = page.locator('.monaco-hover-content', { hasText: 'port-name' }).first();
    await hover.waitFor({ timeout: 30000 });
    const text = await hover.textContent();
    assert.match(text, /typedef/);
    assert.match(text, /string/);
    assert.match(text, /A front panel port/);
    await screenshot(page, 'hover');
    await page.keyboard.press('Escape');
  });

  test('go to definition opens the imported module at the typedef', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('inet:domain-name'));
    await goTo(page, line + 1, ws.lines[line].indexOf('domain-name') + 3);
    await page.keyboard.press('F12');
    await page.locator('.tab.active', { hasText: 'ietf-inet-types.yang' }).waitFor({ timeout: 30000 });
    const editor = activeEditor(page);
    await editor.locator('.view-line', { hasText: 'typedef domain-name {' }).waitFor({ timeout: 10000 });
    // the cursor sits on the definition's line: its line number is the highlighted one
    const current = await editor.locator('.margin-view-overlays .active-line-number').first().textContent();
    const expected = fs.readFileSync(path.join(ws.dir, 'ietf-inet-types.yang'), 'utf8').split('\n')
      .findIndex((l) => l.includes('typedef domain-name {')) + 1;
    assert.equal(Number(current.trim()), expected);
    await screenshot(page, 'definition');
  });

  test('the outline (Go to Symbol in Editor) lists the module\'s definitions and nodes', async () => {
    await showFile(page, 'acme-system.yang');
    await page.keyboard.press('Control+Shift+O');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'ntp-server' }).first().waitFor({ timeout: 30000 });
    const labels = (await rows.allTextContents()).join(' | ');
    for (const name of ['system', 'port-name', 'host-name', 'console']) {
      assert.ok(labels.includes(name), `${name} missing from the outline: ${labels}`);
    }
    await screenshot(page, 'outline');
    await page.keyboard.press('Escape');
  });

  test('document highlight marks the definition as written and the use as read', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('leaf console'));
    await goTo(page, line + 1, ws.lines[line].indexOf('port-name') + 3);
    const editor = activeEditor(page);
    // the server's kinds: VS Code's own word match would only give .wordHighlightText
    await editor.locator('.wordHighlightStrong').first().waitFor({ timeout: 30000 });
    await editor.locator('.wordHighlight').first().waitFor({ timeout: 30000 });
    assert.equal(await editor.locator('.wordHighlightText').count(), 0);
  });

  test('workspace symbols (Go to Symbol in Workspace) find a typedef in another module', async () => {
    await showFile(page, 'acme-system.yang');
    await page.keyboard.press('Control+T');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill('#domain-name');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'domain-name' }).first().waitFor({ timeout: 30000 });
    const labels = (await rows.allTextContents()).join(' | ');
    assert.match(labels, /ietf-inet-types/);
    await screenshot(page, 'workspace-symbols');
    await page.keyboard.press('Escape');
  });

  test('Find All References lists the uses of a typedef in both modules, in the References view', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('inet:domain-name'));
    await goTo(page, line + 1, ws.lines[line].indexOf('domain-name') + 3);
    // the References view (VS Code's built-in references-view), not the peek widget: its tree stays put to read
    await runCommand(page, 'References: Find All References');
    const sidebar = page.locator('.part.sidebar');
    await sidebar.locator('.monaco-list-row', { hasText: 'ietf-inet-types.yang' }).first().waitFor({ timeout: 30000 });
    await sidebar.locator('.monaco-list-row', { hasText: 'acme-system.yang' }).first().waitFor({ timeout: 10000 });
    // the declaration (VS Code asks with includeDeclaration), its use in ietf-inet-types' own host union, and
    // the use here: at least three places in two files
    const summary = await sidebar.getByText(/\d+ results? in \d+ files?/).first().textContent();
    const [, places, files] = summary.match(/(\d+) results? in (\d+) files?/);
    assert.equal(Number(files), 2, summary);
    assert.ok(Number(places) >= 3, summary);
    await sidebar.locator('.monaco-list-row', { hasText: 'inet:domain-name' }).first().waitFor({ timeout: 10000 });
    // the other module's places, once its node is opened
    await sidebar.locator('.monaco-list-row', { hasText: 'ietf-inet-types.yang' }).first().click();
    await page.keyboard.press('ArrowRight');
    await sidebar.locator('.monaco-list-row', { hasText: 'typedef domain-name' }).first().waitFor({ timeout: 10000 });
    await screenshot(page, 'references');
    await runCommand(page, 'View: Close Primary Side Bar').catch(() => {});
  });

  test('rename of a typedef changes its definition and its use', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('leaf console'));
    await goTo(page, line + 1, ws.lines[line].indexOf('port-name') + 3);
    await page.keyboard.press('F2');
    const input = page.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor({ timeout: 30000 });
    await input.fill('panel-port');
    await page.keyboard.press('Enter');
    const editor = activeEditor(page);
    await editor.locator('.view-line', { hasText: 'typedef panel-port {' }).waitFor({ timeout: 30000 });
    await editor.locator('.view-line', { hasText: 'leaf console { type panel-port; }' }).waitFor({ timeout: 10000 });
    assert.equal(await editor.locator('.view-line', { hasText: 'port-name' }).count(), 0);
  });

  test('Format Document re-indents a mis-indented line', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('leaf uplink'));
    await goTo(page, line + 1, 1);
    await page.keyboard.insertText('        ');
    const editor = activeEditor(page);
    const uplink = editor.locator('.view-line', { hasText: 'leaf uplink' });
    assert.match(await viewLineText(uplink), /^ {12}leaf uplink/);
    await runCommand(page, 'Format Document');
    // the server's edit re-indents the line to its depth (two levels of two spaces)
    const deadline = Date.now() + 30000;
    let text = await viewLineText(uplink);
    while (!/^ {4}leaf/.test(text) && Date.now() < deadline) {
      await page.waitForTimeout(250);
      text = await viewLineText(uplink);
    }
    await screenshot(page, 'format');
    assert.match(await viewLineText(uplink), /^ {4}leaf uplink \{ type if:interface-ref; \}/);
  });

  test('a quick fix imports the module of an unknown prefix', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('leaf ntp-server'));
    await goTo(page, line + 1, ws.lines[line].length + 1);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('leaf uptime { type yang:timeticks; }');
    const editor = activeEditor(page);
    await editor.locator('.view-line', { hasText: 'leaf uptime' }).waitFor();
    // the unknown prefix is the second error of the file
    await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .squiggly-error').length === 2, null, { timeout: 60000 });
    await goTo(page, line + 2, 24);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Import module 'ietf-yang-types' with prefix 'yang'" });
    await fix.first().waitFor({ timeout: 30000 });
    await screenshot(page, 'quick-fix');
    const titles = await page.locator('.action-widget .monaco-list-row.action').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const focused = await page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label');
    const steps = titles.indexOf("Import module 'ietf-yang-types' with prefix 'yang'") - titles.indexOf(focused);
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
    for (let i = 0; i > steps; i--) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await editor.locator('.view-line', { hasText: 'import ietf-yang-types' }).waitFor({ timeout: 30000 });
    await page.waitForFunction(() => document.querySelectorAll('.editor-group-container.active .squiggly-error').length === 1, null, { timeout: 60000 });
    assert.match(await lineTextAt(page, '.editor-group-container.active .squiggly-error'), /ip-addres/);
  });

  test('folding ranges come from the server: Fold All Block Comments folds a comment and nothing else', async () => {
    await showFile(page, 'acme-system.yang');
    const line = ws.lines.findIndex((l) => l.includes('prefix acme;'));
    await goTo(page, line + 1, ws.lines[line].length + 1);
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('/* first line of a note');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('second line of it */');
    const editor = activeEditor(page);
    await editor.locator('.view-line', { hasText: 'second line of it' }).waitFor();
    // indentation folding has no kinds: only the server's ranges say which one is a comment
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline && await editor.locator('.view-line', { hasText: 'second line of it' }).count() > 0) {
      await runCommand(page, 'Fold All Block Comments');
      await page.waitForTimeout(500);
    }
    assert.equal(await editor.locator('.view-line', { hasText: 'second line of it' }).count(), 0, 'the comment was not folded');
    assert.equal(await editor.locator('.view-line', { hasText: 'leaf host-name' }).count(), 1, 'code was folded too');
    await screenshot(page, 'folding');
    await runCommand(page, 'Unfold All');
  });

  test('Fetch Modules from Device, from the command palette, fills the module cache from a simulated device', async () => {
    const device = await startDevice();
    try {
      await showFile(page, 'acme-system.yang');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.fill('>YANG: Fetch Modules');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'YANG: Fetch Modules from Device' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Connect to a device' }).first().waitFor();
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Listen for a call home' }).first().waitFor();
      await screenshot(page, 'fetch-modules');
      const answer = async (title, text) => {
        await page.locator('.quick-input-widget', { hasText: title }).waitFor();
        await input.fill(text);
        await page.keyboard.press('Enter');
      };
      await answer('Fetch YANG modules', 'Connect to a device');
      await answer('Device address', '127.0.0.1');
      await answer('NETCONF port', String(device.port));
      await answer('User name', 'admin');
      await answer('Password of admin', 'admin');
      await answer('Host key', 'Accept a new host key');
      const done = page.locator('.notification-toast', { hasText: /fetched \d+ modules/ });
      await done.first().waitFor({ timeout: 90000 });
      const count = Number(/fetched (\d+) modules/.exec(await done.first().textContent())[1]);
      assert.ok(count > 0, 'no modules fetched');
      const cached = fs.readdirSync(moduleCache, { recursive: true }).filter((f) => String(f).endsWith('.yang'));
      assert.ok(cached.length > 0, `nothing in the module cache ${moduleCache}`);
      await screenshot(page, 'fetch-modules-done');
    } finally {
      device.proc.kill();
    }
  });
});

describe('the linux-x64 package in code-server, with every Java hidden', () => {
  let cs;
  let ws;
  let browser;
  let page;
  let strippedPath;

  before(async () => {
    ws = makeWorkspace();
    strippedPath = pathWithoutJava(ws.dir);
    // VS Code's server takes the extension host's environment from a login shell ($SHELL -i -l -c), which reads
    // /etc/profile and puts /usr/bin (Debian's Java 17) back on PATH. A user without Java has no Java there either:
    // the login shell here is one that keeps the stripped environment.
    const env = { ...process.env, PATH: strippedPath, SHELL: loginShellKeepingEnv(ws.dir) };
    delete env.JAVA_HOME;
    delete env.JDK_HOME;
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
    const embedded = path.join(cs.extensionDir, 'jre', 'bin', 'java');
    assert.ok(text.includes(`using ${embedded}`) && /from embedded runtime/.test(text), text);
    // the extension saw no other Java at all: none on PATH, no JAVA_HOME
    assert.match(text, /passed over PATH: no java found/);
    assert.doesNotMatch(text, /JAVA_HOME|\/usr\/bin\/java|Java 17/);
    assert.deepEqual(strippedPath.split(':').filter(hasJava), []);
    // and the server process that runs is the embedded runtime's java
    const servers = processesWith(path.join(cs.extensionDir, 'server', 'lsp-server.jar'));
    assert.equal(servers.length, 1, JSON.stringify(servers));
    assert.equal(fs.realpathSync(servers[0].exe), fs.realpathSync(embedded));
    const env = fs.readFileSync(`/proc/${servers[0].pid}/environ`, 'utf8').split('\0');
    assert.ok(!env.some((e) => e.startsWith('JAVA_HOME=')), 'the server was started with a JAVA_HOME');
    await screenshot(page, 'embedded-runtime');
  });
});

// The real server jar, driven from node over stdio and WebSocket as VS Code and the browser editor drive it:
// initialize, diagnostics (the seeded error, the fix, a severity setting), the navigation features the server
// advertises, shutdown and exit.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { makeWorkspace, startStdio, startWebSocket } from '../lib/lsp.mjs';
import { serverJar, testJava } from '../lib/paths.mjs';

const require = createRequire(import.meta.url);
const { lspSettings, serverLaunch } = require('../../out/settings.js');

assert.ok(fs.existsSync(serverJar), `${serverJar} is missing: build lsp-server first`);

const transports = {
  stdio: async () => {
    // the command line the extension builds from its settings
    const launch = serverLaunch(await testJava(), serverJar, ['-Xmx512m']);
    const jarAt = launch.args.indexOf('-jar');
    return startStdio(launch.command, serverJar, launch.args.slice(0, jarAt));
  },
  websocket: async () => startWebSocket(await testJava(), serverJar),
};

for (const [name, start] of Object.entries(transports)) {
  describe(`LSP over ${name}`, () => {
    let s;
    let ws;
    let caps;

    before(async () => {
      ws = makeWorkspace();
      s = await start();
      const init = await s.request('initialize', {
        processId: process.pid,
        rootUri: ws.folderUri,
        workspaceFolders: [{ uri: ws.folderUri, name: 'ws' }],
        capabilities: {
          textDocument: { publishDiagnostics: { relatedInformation: true }, hover: { contentFormat: ['markdown', 'plaintext'] } },
          workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
          window: { workDoneProgress: true },
        },
        initializationOptions: lspSettings({ yangPath: [] }),
      });
      caps = init.capabilities;
      assert.equal(init.serverInfo?.name, 'homeport-yang');
      await s.notify('initialized', {});
    });

    after(async () => {
      s?.process.kill();
      ws?.remove();
    });

    test('initialize: incremental sync and the device command', () => {
      const sync = caps.textDocumentSync;
      assert.equal(typeof sync === 'object' ? sync.change : sync, 2, 'incremental sync');
      assert.equal(sync.openClose, true);
      assert.ok(caps.executeCommandProvider.commands.includes('homeport.fetchDeviceModules'));
    });

    test('the seeded error is reported at its line with its code; the fix clears it', async () => {
      await s.notify('textDocument/didOpen', { textDocument: { uri: ws.uri, languageId: 'yang', version: 1, text: ws.text } });
      const diags = await s.waitForDiagnostics(ws.uri, (d) => d.some((x) => x.code === 'unknown-type'), 'unknown-type');
      const errors = diags.filter((d) => d.severity === 1);
      assert.equal(errors.length, 1, JSON.stringify(diags));
      assert.equal(errors[0].range.start.line, ws.errorLine);
      assert.equal(errors[0].code, 'unknown-type');
      assert.match(errors[0].message, /ip-addres/);
      // imports of the other workspace files resolved: nothing else is wrong in the module
      assert.deepEqual(diags.filter((d) => d !== errors[0] && d.severity <= 2), []);

      const col = ws.lines[ws.errorLine].indexOf('ip-addres') + 'ip-addres'.length;
      await s.notify('textDocument/didChange', {
        textDocument: { uri: ws.uri, version: 2 },
        contentChanges: [{ range: { start: { line: ws.errorLine, character: col }, end: { line: ws.errorLine, character: col } }, text: 's' }],
      });
      await s.waitForDiagnostics(ws.uri, (d) => !d.some((x) => x.severity === 1), 'the fixed module without errors');
      // break it again for the next tests
      await s.notify('textDocument/didChange', {
        textDocument: { uri: ws.uri, version: 3 },
        contentChanges: [{ range: { start: { line: ws.errorLine, character: col }, end: { line: ws.errorLine, character: col + 1 } }, text: '' }],
      });
      await s.waitForDiagnostics(ws.uri, (d) => d.some((x) => x.code === 'unknown-type'), 'the error back');
    });

    test('a severity setting sent as the extension sends it applies without a restart', async () => {
      await s.notify('workspace/didChangeConfiguration', { settings: lspSettings({ diagnostics: { 'unknown-type': 'warning' } }) });
      const d = await s.waitForDiagnostics(ws.uri, (x) => x.some((y) => y.code === 'unknown-type' && y.severity === 2), 'unknown-type as a warning');
      assert.equal(d.filter((x) => x.severity === 1).length, 0);
      await s.notify('workspace/didChangeConfiguration', { settings: lspSettings({ diagnostics: { 'unknown-type': 'off' } }) });
      await s.waitForDiagnostics(ws.uri, (x) => !x.some((y) => y.code === 'unknown-type'), 'unknown-type switched off');
      await s.notify('workspace/didChangeConfiguration', { settings: lspSettings({}) });
      await s.waitForDiagnostics(ws.uri, (x) => x.some((y) => y.code === 'unknown-type' && y.severity === 1), 'the default severity back');
    });

    // Features of the language server, tested when it offers them (they arrive with the navigation work).
    test('hover, definition and completion where the server offers them', async (t) => {
      const uplink = ws.lines.findIndex((l) => l.includes('if:interface-ref'));
      const at = { line: uplink, character: ws.lines[uplink].indexOf('interface-ref') + 3 };
      if (caps.hoverProvider) {
        const h = await s.request('textDocument/hover', { textDocument: { uri: ws.uri }, position: at });
        const text = typeof h.contents === 'string' ? h.contents : h.contents.value ?? JSON.stringify(h.contents);
        assert.match(text, /interface-ref/);
      } else {
        t.diagnostic('the server offers no hover');
      }
      if (caps.definitionProvider) {
        const d = await s.request('textDocument/definition', { textDocument: { uri: ws.uri }, position: at });
        const loc = Array.isArray(d) ? d[0] : d;
        assert.match(loc.uri ?? loc.targetUri, /ietf-interfaces\.yang$/);
      } else {
        t.diagnostic('the server offers no definition');
      }
      if (caps.completionProvider) {
        const line = ws.lines.findIndex((l) => l.includes('leaf console'));
        const c = await s.request('textDocument/completion', {
          textDocument: { uri: ws.uri }, position: { line, character: ws.lines[line].indexOf('port-name') },
        });
        const items = Array.isArray(c) ? c : c.items;
        assert.ok(items.some((i) => i.label === 'port-name'), `completion: ${items.map((i) => i.label).slice(0, 20)}`);
      } else {
        t.diagnostic('the server offers no completion');
      }
    });

    test('shutdown, then exit ends the session', async () => {
      assert.equal(await s.request('shutdown', null), null);
      await s.notify('exit', null);
      const code = await s.closed;
      if (name === 'stdio') {
        assert.equal(code, 0, `exit code; stderr: ${s.stderr()}`);
      } else {
        assert.ok(typeof code === 'number', 'the WebSocket closed');
      }
    });
  });
}

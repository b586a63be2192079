// Both packages as vsce built them: the server jar with every library its manifest names, the grammar and the
// bundle in both; a runnable runtime only in the linux-x64 one, which runs the server with no other Java.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { entries, extract, read } from '../lib/zip.mjs';
import { corpus, platformVsix, universalVsix } from '../lib/paths.mjs';
import { pathWithoutJava } from '../lib/codeserver.mjs';
import { startStdio } from '../lib/lsp.mjs';

const require = createRequire(import.meta.url);
const { findJava } = require('../../out/java.js');
const { serverLaunch } = require('../../out/settings.js');

const run = promisify(execFile);

async function manifestClassPath(vsix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-jar-'));
  try {
    const jar = path.join(dir, 'lsp-server.jar');
    fs.writeFileSync(jar, await read(vsix, 'extension/server/lsp-server.jar'));
    const mf = (await read(jar, 'META-INF/MANIFEST.MF')).toString('utf8').replace(/\r?\n /g, '');
    const main = /^Main-Class: (.+)$/m.exec(mf)?.[1].trim();
    const cp = /^Class-Path: (.+)$/m.exec(mf)?.[1].trim().split(/\s+/) ?? [];
    return { main, cp };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const [name, vsix, platform] of [['universal', universalVsix, false], ['linux-x64', platformVsix, true]]) {
  test(`${name} package holds the server, its libraries, the grammar and the bundle`, async () => {
    const names = new Set((await entries(vsix)).map((e) => e.name));
    for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/syntaxes/yang.tmLanguage.json',
      'extension/language-configuration.json', 'extension/server/lsp-server.jar']) {
      assert.ok(names.has(f), `${path.basename(vsix)} lacks ${f}`);
    }
    const { main, cp } = await manifestClassPath(vsix);
    assert.equal(main, 'dev.homeport.lsp.cli.LspMain');
    assert.ok(cp.length > 10, `Class-Path: ${cp}`);
    for (const lib of cp) {
      assert.ok(names.has(`extension/server/${lib}`), `${path.basename(vsix)} lacks ${lib} named by the jar's Class-Path`);
    }
    const grammar = JSON.parse((await read(vsix, 'extension/syntaxes/yang.tmLanguage.json')).toString('utf8'));
    assert.equal(grammar.scopeName, 'source.yang');
    const pkg = JSON.parse((await read(vsix, 'extension/package.json')).toString('utf8'));
    assert.equal(pkg.contributes.grammars[0].path, './syntaxes/yang.tmLanguage.json');
    const manifest = (await read(vsix, 'extension.vsixmanifest')).toString('utf8');
    const runtime = [...names].filter((n) => n.startsWith('extension/jre/'));
    if (platform) {
      assert.match(manifest, /TargetPlatform="linux-x64"/);
      assert.ok(names.has('extension/jre/bin/java'), 'the platform package has no jre/bin/java');
      assert.ok(names.has('extension/jre/lib/modules'), 'the platform package has no jre/lib/modules');
    } else {
      assert.doesNotMatch(manifest, /TargetPlatform=/);
      assert.deepEqual(runtime, [], 'the universal package must not carry a runtime');
    }
    assert.ok(![...names].some((n) => n.includes('node_modules/') || n.startsWith('extension/src/') || n.startsWith('extension/test/')),
      'sources, tests or node_modules leaked into the package');
  });
}

test('the linux-x64 runtime runs the packaged server with no other Java', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-vsix-'));
  try {
    await extract(platformVsix, 'extension/', dir);
    const java = path.join(dir, 'jre', 'bin', 'java');
    assert.ok(fs.statSync(java).mode & 0o100, 'jre/bin/java is not executable after unpacking');
    const { stderr } = await run(java, ['-version']);
    assert.match(stderr, /version "(2[1-9]|[3-9]\d)/);
    // a published module with one seeded error: the server (yangtools included) runs on the jlink'd runtime
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    const src = fs.readFileSync(path.join(corpus(), 'ietf', 'ietf-yang-types@2013-07-15.yang'), 'utf8');
    fs.writeFileSync(path.join(ws, 'ietf-yang-types.yang'), src);
    fs.writeFileSync(path.join(ws, 'broken.yang'), 'module broken {\n  yang-version 1.1;\n  namespace "urn:b";\n  prefix b;\n'
      + '  import ietf-yang-types { prefix yang; }\n  leaf x { type yang:no-such-type; }\n}\n');
    const env = { PATH: '/usr/bin:/bin', HOME: dir }; // no JAVA_HOME, no JDK on PATH
    const r = await run(java, ['-jar', path.join(dir, 'server', 'lsp-server.jar'), 'check', '--path', ws, ws], { env })
      .then((x) => ({ code: 0, ...x }), (e) => e);
    assert.equal(r.code, 1, `check should find the seeded error: ${r.stdout}${r.stderr}`);
    assert.match(r.stdout + r.stderr, /broken\.yang:6/);
    assert.match(r.stdout + r.stderr, /no-such-type/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with every Java hidden, the extension\'s Java discovery picks the embedded runtime, whose server publishes diagnostics', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-vsix-'));
  let session;
  try {
    await extract(platformVsix, 'extension/', dir);
    const env = { ...process.env, PATH: pathWithoutJava(dir), HOME: dir };
    delete env.JAVA_HOME;
    delete env.JDK_HOME;
    const embedded = path.join(dir, 'jre');
    const found = await findJava({ env, embeddedHome: embedded });
    assert.ok(found.ok, found.message);
    assert.equal(found.source, 'embedded runtime');
    assert.equal(found.executable, path.join(embedded, 'bin', 'java'));
    assert.deepEqual(found.rejected, ['PATH: no java found']);
    // the command line the extension builds, in the environment without Java
    const launch = serverLaunch(found.executable, path.join(dir, 'server', 'lsp-server.jar'), []);
    const jarAt = launch.args.indexOf('-jar');
    session = startStdio(launch.command, path.join(dir, 'server', 'lsp-server.jar'), launch.args.slice(0, jarAt), env);
    assert.equal(fs.realpathSync(`/proc/${session.process.pid}/exe`), fs.realpathSync(found.executable));
    const ws = path.join(dir, 'ws');
    fs.mkdirSync(ws);
    const uri = pathToFileURL(path.join(ws, 'broken.yang')).href;
    await session.request('initialize', { processId: process.pid, rootUri: pathToFileURL(ws).href, capabilities: {} });
    await session.notify('initialized', {});
    await session.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yang', version: 1,
      text: 'module broken {\n  yang-version 1.1;\n  namespace "urn:b";\n  prefix b;\n  leaf x { type no-such-type; }\n}\n' } });
    const diagnostics = await session.waitForDiagnostics(uri, (d) => d.length > 0, 'the seeded error', 60000);
    assert.equal(diagnostics[0].range.start.line, 4);
    assert.match(diagnostics[0].message, /no-such-type/);
  } finally {
    session?.process.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// A plain LSP client for tests, on vscode-jsonrpc: over the server process's stdio, or over a WebSocket
// (one JSON-RPC message per text frame, as the server's /lsp endpoint speaks).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import rpc from 'vscode-jsonrpc/node';
import { corpus } from './paths.mjs';

const { AbstractMessageReader, AbstractMessageWriter, StreamMessageReader, StreamMessageWriter, createMessageConnection } = rpc;

class WebSocketReader extends AbstractMessageReader {
  constructor(ws) {
    super();
    this.ws = ws;
    ws.on('close', () => this.fireClose());
    ws.on('error', (e) => this.fireError(e));
  }
  listen(callback) {
    this.ws.on('message', (data) => callback(JSON.parse(data.toString('utf8'))));
    return { dispose: () => this.ws.removeAllListeners('message') };
  }
}

class WebSocketWriter extends AbstractMessageWriter {
  constructor(ws) {
    super();
    this.ws = ws;
  }
  async write(msg) {
    this.ws.send(JSON.stringify(msg));
  }
  end() {}
}

/** Collects publishDiagnostics per URI and lets tests wait for a condition on them. */
export class Session {
  constructor(connection, closed) {
    this.connection = connection;
    this.closed = closed;
    this.diagnostics = new Map();
    this.waiters = [];
    this.messages = [];
    connection.onNotification('textDocument/publishDiagnostics', (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.waiters = this.waiters.filter((w) => !w());
    });
    connection.onNotification('window/showMessage', (p) => this.messages.push(p));
    connection.onNotification('window/logMessage', () => {});
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    connection.listen();
  }

  /** Resolves with the diagnostics of uri once predicate holds for them (checked on every publication). */
  waitForDiagnostics(uri, predicate, what, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const d = this.diagnostics.get(uri);
        if (d && predicate(d)) {
          clearTimeout(timer);
          resolve(d);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(new Error(`timed out waiting for ${what}; last diagnostics of ${uri}: ${JSON.stringify(this.diagnostics.get(uri))}`));
      }, timeoutMs);
      if (!check()) this.waiters.push(check);
    });
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  notify(method, params) {
    return this.connection.sendNotification(method, params);
  }
}

/** Starts `java [args] -jar lsp-server.jar lsp --stdio`; resolves with the session and the process. */
export function startStdio(java, jar, extraArgs = [], env = process.env) {
  const proc = spawn(java, [...extraArgs, '-jar', jar, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  const connection = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  // a server that dies fails the pending requests instead of leaving them waiting
  const exited = new Promise((resolve) => proc.on('exit', (code) => { connection.dispose(); resolve(code); }));
  proc.on('error', (e) => { stderr += String(e); connection.dispose(); });
  const session = new Session(connection, exited);
  session.process = proc;
  session.stderr = () => stderr;
  return session;
}

/** Starts `lsp --websocket 127.0.0.1:0`, reads the port from its stderr line, connects to /lsp. */
export async function startWebSocket(java, jar) {
  const proc = spawn(java, ['-jar', jar, 'lsp', '--websocket', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no WebSocket URL on stderr within 30 s: ${stderr}`)), 30000);
    proc.stderr.on('data', (d) => {
      stderr += d;
      const m = /(ws:\/\/127\.0\.0\.1:\d+\/lsp)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const closed = new Promise((resolve) => ws.on('close', (code) => resolve(code)));
  const connection = createMessageConnection(new WebSocketReader(ws), new WebSocketWriter(ws));
  const session = new Session(connection, closed);
  session.process = proc;
  session.ws = ws;
  session.url = url;
  session.stderr = () => stderr;
  return session;
}

/**
 * A fresh workspace of published modules from the corpus (ietf-interfaces, ietf-ip and the types they import) plus
 * acme-system.yang, our own module that uses them, with one seeded error. Returns paths, URIs and the seeded line.
 */
export function makeWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-ws-'));
  const ietf = path.join(corpus(), 'ietf');
  for (const [from, to] of [['ietf-interfaces@2018-02-20.yang', 'ietf-interfaces.yang'], ['ietf-ip@2018-02-22.yang', 'ietf-ip.yang'],
    ['ietf-yang-types@2013-07-15.yang', 'ietf-yang-types.yang'], ['ietf-inet-types@2013-07-15.yang', 'ietf-inet-types.yang']]) {
    fs.copyFileSync(path.join(ietf, from), path.join(dir, to));
  }
  const lines = [
    'module acme-system {',
    '  yang-version 1.1;',
    '  namespace "urn:acme:system";',
    '  prefix acme;',
    '',
    '  import ietf-inet-types { prefix inet; }',
    '  import ietf-interfaces { prefix if; }',
    '',
    '  typedef port-name {',
    '    type string { length "1..64"; }',
    '    description "A front panel port.";',
    '  }',
    '',
    '  container system {',
    '    description "Acme system settings.";',
    '    leaf host-name { type inet:domain-name; }',
    '    leaf uplink { type if:interface-ref; }',
    '    leaf console { type port-name; }',
    '    leaf ntp-server { type inet:ip-addres; }', // the seeded error: no such typedef
    '  }',
    '}',
    '',
  ];
  const file = path.join(dir, 'acme-system.yang');
  fs.writeFileSync(file, lines.join('\n'));
  return {
    dir,
    file,
    text: lines.join('\n'),
    uri: pathToFileURL(file).href,
    folderUri: pathToFileURL(dir).href,
    errorLine: lines.findIndex((l) => l.includes('ip-addres;')), // 0-based, as LSP counts
    lines,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

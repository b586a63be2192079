// The VS Code side of the Homeport YANG language server: finds Java, starts the server, shows its state,
// and turns the server's commands into VS Code commands.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
  WorkDoneProgress,
  WorkDoneProgressBegin,
  WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import { HOW_TO_FIX_URL, findJava } from './java';
import { LSP_SECTION, RawSettings, lspSettings, needsRestart, serverLaunch } from './settings';

const CLIENT_ID = 'homeport'; // makes vscode-languageclient read homeport.trace.server
const FETCH_SERVER_COMMAND = 'homeport.fetchDeviceModules';
const TREE_SERVER_COMMAND = 'homeport.showTree';
const TREE_SCHEME = 'homeport-schema-tree';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.StatusBarItem;
let extensionPath: string;
let starting: Promise<void> | undefined;
const trees = new Map<string, string>();
const treeChanged = new vscode.EventEmitter<vscode.Uri>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extensionPath = context.extensionPath;
  output = vscode.window.createOutputChannel('Homeport YANG', { log: true });
  status = vscode.window.createStatusBarItem('homeport.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Homeport YANG';
  status.command = 'homeport.showOutput';
  context.subscriptions.push(output, status, treeChanged);

  context.subscriptions.push(
    vscode.commands.registerCommand('homeport.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('homeport.restartServer', () => restart('restart requested')),
    vscode.commands.registerCommand('homeport.showSchemaTree', showSchemaTree),
    vscode.commands.registerCommand('homeport.fetchModulesFromDevice', fetchModulesFromDevice),
    vscode.workspace.registerTextDocumentContentProvider(TREE_SCHEME, {
      onDidChange: treeChanged.event,
      provideTextDocumentContent: (uri) => trees.get(uri.toString()) ?? '',
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (needsRestart((s) => e.affectsConfiguration(s))) {
        void restart('Java settings changed');
      }
      // homeport.yang.* reaches the running server through didChangeConfiguration (synchronize below)
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}

function setStatus(kind: 'starting' | 'running' | 'failed' | 'stopped', detail: string): void {
  const icon = { starting: '$(sync~spin)', running: '$(check)', failed: '$(error)', stopped: '$(circle-slash)' }[kind];
  status.text = `${icon} YANG`;
  status.tooltip = `Homeport YANG language server: ${detail}\nClick to show the output.`;
  status.backgroundColor = kind === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  status.show();
}

function rawSettings(): RawSettings {
  const c = vscode.workspace.getConfiguration('homeport');
  return {
    javaHome: c.get('java.home'),
    yangPath: c.get('yang.path'),
    diagnostics: c.get('yang.diagnostics'),
    moduleCache: c.get('yang.moduleCache'),
    useModuleCache: c.get('yang.useModuleCache'),
    vmargs: c.get('server.vmargs'),
  };
}

function report(problems: string[]): void {
  for (const p of problems) {
    output.appendLine(`[settings] ${p}`);
  }
  if (problems.length > 0) {
    void vscode.window.showWarningMessage(`Homeport YANG: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more, see the output)` : ''}`);
  }
}

async function start(): Promise<void> {
  if (starting) {
    return starting;
  }
  starting = doStart().finally(() => {
    starting = undefined;
  });
  return starting;
}

async function doStart(): Promise<void> {
  setStatus('starting', 'looking for Java');
  const raw = rawSettings();
  const serverJar = path.join(extensionPath, 'server', 'lsp-server.jar');
  const embedded = path.join(extensionPath, 'jre');
  makeExecutable(embedded);
  const java = await findJava({
    settingHome: typeof raw.javaHome === 'string' ? raw.javaHome : undefined,
    env: process.env,
    embeddedHome: fs.existsSync(embedded) ? embedded : undefined,
  });
  for (const r of java.rejected) {
    output.appendLine(`[java] passed over ${r}`);
  }
  if (!java.ok) {
    output.appendLine(`[java] ${java.message}`);
    fail(java.message, true);
    return;
  }
  output.appendLine(`[java] using ${java.executable} (Java ${java.version}, from ${java.source})`);
  if (!fs.existsSync(serverJar)) {
    fail(`the server jar ${serverJar} is missing from the extension; reinstall it`, false);
    return;
  }
  const problems: string[] = [];
  const launch = serverLaunch(java.executable, serverJar, raw.vmargs, problems);
  const initializationOptions = lspSettings(raw, problems);
  report(problems);
  output.appendLine(`[server] ${launch.command} ${launch.args.join(' ')}`);

  const serverOptions: ServerOptions = {
    command: launch.command,
    args: launch.args,
    // no transport: vscode-languageclient would append its own --stdio flag to ours
    options: { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? extensionPath },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yang' }],
    outputChannel: output,
    initializationOptions,
    synchronize: { configurationSection: LSP_SECTION },
    initializationFailedHandler: (error) => {
      fail(`the server did not initialise: ${String(error)}`, false);
      return false;
    },
  };
  const c = new LanguageClient(CLIENT_ID, 'Homeport YANG', serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) {
      setStatus('running', `running on Java ${java.version} (${java.source})`);
    } else if (e.newState === State.Stopped && client === c) {
      setStatus('failed', 'stopped; see the output for the reason');
    }
  });
  try {
    await c.start();
    setStatus('running', `running on Java ${java.version} (${java.source})`);
  } catch (e) {
    fail(`the server did not start: ${e instanceof Error ? e.message : String(e)}`, false);
  }
}

/** Unpacking a .vsix may drop the executable bits of the embedded runtime's programs; put them back. */
function makeExecutable(runtime: string): void {
  for (const f of ['bin/java', 'bin/keytool', 'lib/jspawnhelper', 'lib/jexec']) {
    const p = path.join(runtime, f);
    try {
      if (fs.existsSync(p) && (fs.statSync(p).mode & 0o111) === 0) {
        fs.chmodSync(p, 0o755);
      }
    } catch (e) {
      output.appendLine(`[java] could not make ${p} executable: ${String(e)}`);
    }
  }
}

function fail(reason: string, javaProblem: boolean): void {
  setStatus('failed', reason);
  output.appendLine(`[server] not running: ${reason}`);
  const actions = javaProblem ? ['How to Fix', 'Open Settings', 'Show Output'] : ['Show Output'];
  void vscode.window.showErrorMessage(`Homeport YANG: ${reason}`, ...actions).then((choice) => {
    if (choice === 'How to Fix') {
      void vscode.env.openExternal(vscode.Uri.parse(HOW_TO_FIX_URL));
    } else if (choice === 'Open Settings') {
      void vscode.commands.executeCommand('workbench.action.openSettings', 'homeport.java.home');
    } else if (choice === 'Show Output') {
      output.show(true);
    }
  });
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop(5000);
    } catch (e) {
      output.appendLine(`[server] stop: ${String(e)}`);
    }
  }
}

async function restart(why: string): Promise<void> {
  output.appendLine(`[server] restarting: ${why}`);
  setStatus('stopped', 'restarting');
  await stop();
  await start();
}

function serverCommands(): string[] {
  return client?.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
}

async function showSchemaTree(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'yang') {
    void vscode.window.showInformationMessage('Homeport YANG: open a YANG module to see its schema tree.');
    return;
  }
  if (!client || !serverCommands().includes(TREE_SERVER_COMMAND)) {
    void vscode.window.showErrorMessage(client
      ? 'Homeport YANG: this language server does not offer schema trees (homeport.showTree).'
      : 'Homeport YANG: the language server is not running; see the output.');
    return;
  }
  const doc = editor.document;
  const tree = await client.sendRequest(ExecuteCommandRequest.type, {
    command: TREE_SERVER_COMMAND,
    arguments: [doc.uri.toString()],
  });
  const text = typeof tree === 'string' ? tree : (tree as { tree?: string })?.tree ?? JSON.stringify(tree, null, 2);
  const name = path.basename(doc.uri.path, '.yang');
  const uri = vscode.Uri.from({ scheme: TREE_SCHEME, path: `/${name} tree`, query: doc.uri.toString() });
  trees.set(uri.toString(), text);
  treeChanged.fire(uri);
  const shown = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
}

async function fetchModulesFromDevice(): Promise<void> {
  if (!client || !serverCommands().includes(FETCH_SERVER_COMMAND)) {
    void vscode.window.showErrorMessage('Homeport YANG: the language server is not running; see the output.');
    return;
  }
  const mode = await vscode.window.showQuickPick(
    [
      { label: 'Connect to a device', description: 'NETCONF over SSH', id: 'connect' },
      { label: 'Listen for a call home', description: 'RFC 8071: the device connects to this machine', id: 'callhome' },
    ],
    { title: 'Fetch YANG modules from a NETCONF device' },
  );
  if (!mode) {
    return;
  }
  const args: Record<string, unknown> = {};
  if (mode.id === 'connect') {
    const host = await vscode.window.showInputBox({ title: 'Device address', prompt: 'host name or IP address', ignoreFocusOut: true });
    if (!host) {
      return;
    }
    const port = await askPort('NETCONF port', '830');
    if (port === undefined) {
      return;
    }
    args.host = host.trim();
    args.port = port;
  } else {
    const port = await askPort('Port to listen on for the call home', '4334');
    if (port === undefined) {
      return;
    }
    args.callHome = { port };
  }
  const user = await vscode.window.showInputBox({ title: 'User name', ignoreFocusOut: true });
  if (!user) {
    return;
  }
  const password = await vscode.window.showInputBox({ title: `Password of ${user}`, password: true, ignoreFocusOut: true });
  if (password === undefined) {
    return;
  }
  const trust = await vscode.window.showQuickPick(['Only known host keys (~/.ssh/known_hosts)', 'Accept a new host key'], {
    title: 'Host key',
    ignoreFocusOut: true,
  });
  if (!trust) {
    return;
  }
  args.user = user;
  args.password = password;
  args.acceptNewHostKey = trust.startsWith('Accept');
  const c = client;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Fetching YANG modules', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `homeport-fetch-${Date.now()}`;
      let last = 0;
      const listener = c.onProgress(WorkDoneProgress.type, workDoneToken, (p) => {
        const v = p as WorkDoneProgressBegin | WorkDoneProgressReport;
        if (v.kind === 'begin' || v.kind === 'report') {
          const pct = v.percentage ?? last;
          progress.report({ message: v.message ?? (v.kind === 'begin' ? v.title : undefined), increment: pct - last });
          last = pct;
        }
      });
      try {
        const result = await c.sendRequest(ExecuteCommandRequest.type,
          { command: FETCH_SERVER_COMMAND, arguments: [args], workDoneToken }, token);
        const summary = result as { modules?: number; failed?: unknown[] } | null;
        void vscode.window.showInformationMessage(`Homeport YANG: fetched ${summary?.modules ?? 0} modules`
          + (summary?.failed && summary.failed.length > 0 ? `; ${summary.failed.length} failed (see the output)` : '.'));
        output.appendLine(`[fetch] ${JSON.stringify(result)}`);
      } catch (e) {
        if (!token.isCancellationRequested) {
          void vscode.window.showErrorMessage(`Homeport YANG: ${e instanceof Error ? e.message : String(e)}`);
        }
      } finally {
        listener.dispose();
      }
    },
  );
}

async function askPort(title: string, value: string): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    value,
    ignoreFocusOut: true,
    validateInput: (v) => (/^\d+$/.test(v.trim()) && Number(v) > 0 && Number(v) < 65536 ? undefined : 'a port from 1 to 65535'),
  });
  return text === undefined ? undefined : Number(text.trim());
}

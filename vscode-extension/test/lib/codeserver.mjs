// A real VS Code for the end-to-end tests: code-server (installed from npm by scripts/install-code-server.sh,
// cached) with a .vsix installed into fresh data folders, served on a free loopback port, driven by playwright-core
// in Debian's chromium.
import { execFile, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { extensionDir, targetDir } from './paths.mjs';

const run = promisify(execFile);
export const CHROMIUM = process.env.HOMEPORT_CHROMIUM ?? '/usr/bin/chromium';
export const screenshotDir = path.join(targetDir, 'e2e-screenshots');

/** Installs code-server once (cached under ~/.cache/homeport); returns its launcher. */
export function codeServerBinary() {
  return execFileSync(path.join(extensionDir, 'scripts', 'install-code-server.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/** Whether a folder holds a `java` program (a file or a link to one). */
export function hasJava(dir) {
  try {
    fs.accessSync(path.join(dir, 'java'), fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The machine as a user without Java has it: the folders of PATH (and /usr/bin, /bin) that hold no `java` as they
 * are, and for those that do (/usr/bin has Debian's Java 17), a folder of links to their other programs in their
 * place. Returns the new PATH; not one of its folders has a `java`.
 */
export function pathWithoutJava(dir) {
  const bin = path.join(dir, 'bin-without-java');
  fs.mkdirSync(bin, { recursive: true });
  const entries = [];
  const dirs = [...new Set([...(process.env.PATH ?? '').split(':').filter(Boolean), '/usr/bin', '/bin'])];
  for (const d of dirs) {
    if (!fs.existsSync(d)) continue;
    if (!hasJava(d)) {
      entries.push(d);
      continue;
    }
    if (!entries.includes(bin)) entries.push(bin);
    for (const f of fs.readdirSync(d)) {
      if (/^(java|javac|jshell|jar|jlink|keytool|jrunscript)(\.|$)/.test(f) || fs.existsSync(path.join(bin, f))) continue;
      fs.symlinkSync(path.join(d, f), path.join(bin, f));
    }
  }
  const result = entries.join(':');
  const leaking = entries.filter(hasJava);
  if (leaking.length > 0) throw new Error(`a Java is still on the stripped PATH: ${leaking}`);
  return result;
}

/** The pids of running processes whose command line holds this text (Linux /proc). */
export function processesWith(text) {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((a) => a.includes(text))) found.push({ pid: Number(pid), cmdline, exe: fs.readlinkSync(`/proc/${pid}/exe`) });
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/**
 * Starts code-server with the vsix installed and a workspace folder; returns { url, stop, logs }.
 * env: the environment the extension host sees (e.g. JAVA_HOME, or a PATH without Java).
 */
export async function startCodeServer({ vsix, workspace, env, settings = {} }) {
  const bin = codeServerBinary();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-code-'));
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'files.autoSave': 'off',
    'remote.autoForwardPorts': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'editor.minimap.enabled': false,
    'editor.quickSuggestionsDelay': 50,
    'workbench.colorTheme': 'Default Dark Modern',
    ...settings,
  }, null, 2));
  const baseEnv = { ...env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data') };
  const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
  await run(bin, [...common, '--install-extension', vsix], { env: baseEnv });
  const installed = fs.readdirSync(extensions).filter((d) => d.startsWith('homeport.homeport-yang'));
  if (installed.length !== 1) throw new Error(`the extension is not installed: ${fs.readdirSync(extensions)}`);

  const proc = spawn(bin, [...common, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', workspace],
  // its own process group, so that stopping it ends the extension host and the language server too
  { env: baseEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let logs = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start: ${logs}`)), 60000);
    const onData = (d) => {
      logs += d;
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(logs);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`code-server exited with ${code}: ${logs}`)));
  });
  return {
    url: `${url}/?folder=${encodeURIComponent(workspace)}`,
    extensionDir: path.join(extensions, installed[0]),
    logs: () => logs,
    stop: async () => {
      const exited = new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        proc.kill();
      }
      await exited;
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-proc.pid, 'SIGKILL'); // whatever of the group is left
      } catch {
        // the group is gone
      }
      fs.rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  return { browser, page };
}

export async function screenshot(page, name) {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Runs a command from the command palette by its title (exactly that one: not "Format Document With..."). */
export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: title }).first().waitFor();
  const labels = await rows.evaluateAll((els) => els.map((e) => e.querySelector('.label-name')?.textContent ?? e.textContent));
  const index = labels.findIndex((l) => l === title);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

/** Opens a workspace file with Quick Open and waits for its editor tab. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
}

// npm ci in the folder given (default: the current one) when its package-lock.json changed since the last install
// (or node_modules is missing); a no-op otherwise, so that reruns of the build do not reinstall hundreds of packages.
// Used by vscode-extension/ and lsp-server/editor-page/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const here = path.resolve(process.argv[2] ?? '.');
const lock = path.join(here, 'package-lock.json');
const installed = path.join(here, 'node_modules', '.package-lock.json');
const stale = !fs.existsSync(installed) || fs.statSync(lock).mtimeMs > fs.statSync(installed).mtimeMs
  || fs.readFileSync(path.join(here, 'node_modules', '.homeport-lock'), { encoding: 'utf8', flag: 'a+' }) !== fs.readFileSync(lock, 'utf8');
if (stale) {
  process.stderr.write(`[npm] npm ci in ${here} (package-lock.json changed or node_modules missing)\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  fs.copyFileSync(lock, path.join(here, 'node_modules', '.homeport-lock'));
}

// Builds both .vsix files into target/:
//   homeport-yang-VERSION.vsix            universal: the server jar, the user's Java
//   homeport-yang-linux-x64-VERSION.vsix  the same plus jre/, a jlink'd runtime, so no Java is needed
// Needs the built lsp-server (lsp-server/target/lsp-server.jar and lib/) and a JDK 21+ with jlink
// (JLINK, else $JAVA_HOME/bin/jlink).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const root = path.dirname(here);
const target = path.join(here, 'target');
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
// what jdeps reports for the server and its libraries, plus zip file systems (.zip entries on the YANG path)
// and sun.misc.Unsafe (jdk.unsupported), which libraries find by reflection
export const RUNTIME_MODULES = ['java.base', 'java.logging', 'java.xml', 'java.management', 'java.naming', 'java.sql',
  'java.security.jgss', 'java.rmi', 'jdk.net', 'jdk.unsupported', 'jdk.zipfs'];

function log(m) {
  process.stderr.write(`[package] ${m}\n`);
}

function newer(a, b) { // a file/dir a is newer than b (or b missing)
  if (!fs.existsSync(b)) return true;
  return fs.statSync(a).mtimeMs > fs.statSync(b).mtimeMs;
}

// 1. the server: lsp-server.jar and its runtime libraries, as ./homeport runs them
const serverJar = path.join(root, 'lsp-server', 'target', 'lsp-server.jar');
const serverLib = path.join(root, 'lsp-server', 'target', 'lib');
if (!fs.existsSync(serverJar) || !fs.existsSync(serverLib)) {
  throw new Error(`${serverJar} or its lib/ is missing: build lsp-server first (mvn package -pl lsp-server -am)`);
}
fs.rmSync(path.join(here, 'server'), { recursive: true, force: true });
fs.mkdirSync(path.join(here, 'server', 'lib'), { recursive: true });
fs.copyFileSync(serverJar, path.join(here, 'server', 'lsp-server.jar'));
for (const f of fs.readdirSync(serverLib)) {
  fs.copyFileSync(path.join(serverLib, f), path.join(here, 'server', 'lib', f));
}
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(here, 'LICENSE'));

// 2. the runtime, rebuilt only when the JDK changes
const jlink = process.env.JLINK ?? (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'jlink') : 'jlink');
const runtime = path.join(target, 'jre-linux-x64');
const stamp = path.join(target, 'jre-linux-x64.modules');
const wanted = `${jlink}\n${RUNTIME_MODULES.join(',')}\n`;
if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== wanted || !fs.existsSync(path.join(runtime, 'bin', 'java'))) {
  fs.rmSync(runtime, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  log(`jlink ${RUNTIME_MODULES.join(',')} with ${jlink}`);
  execFileSync(jlink, ['--add-modules', RUNTIME_MODULES.join(','), '--strip-debug', '--no-man-pages', '--no-header-files',
    '--compress=zip-6', '--output', runtime], { stdio: 'inherit' });
  fs.writeFileSync(stamp, wanted);
}

// 3. the two packages
const vsce = path.join(here, 'node_modules', '@vscode', 'vsce', 'vsce');
const universal = path.join(target, `${pkg.name}-${pkg.version}.vsix`);
const platform = path.join(target, `${pkg.name}-linux-x64-${pkg.version}.vsix`);
fs.rmSync(path.join(here, 'jre'), { recursive: true, force: true });
log(`vsce package -> ${universal}`);
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', universal],
  { cwd: here, stdio: 'inherit' });
fs.cpSync(runtime, path.join(here, 'jre'), { recursive: true, verbatimSymlinks: true });
try {
  log(`vsce package --target linux-x64 -> ${platform}`);
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--target', 'linux-x64', '-o', platform],
    { cwd: here, stdio: 'inherit' });
} finally {
  fs.rmSync(path.join(here, 'jre'), { recursive: true, force: true });
}

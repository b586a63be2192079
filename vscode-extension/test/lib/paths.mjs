// Where the build puts things, for the tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const projectRoot = path.dirname(extensionDir);
export const targetDir = path.join(extensionDir, 'target');
const pkg = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
export const universalVsix = path.join(targetDir, `${pkg.name}-${pkg.version}.vsix`);
export const platformVsix = path.join(targetDir, `${pkg.name}-linux-x64-${pkg.version}.vsix`);
export const serverJar = path.join(projectRoot, 'lsp-server', 'target', 'lsp-server.jar');
/** The shared corpus of published modules: shared/corpus in a folder above the project (or HOMEPORT_CORPUS, or HOMEPORT_SHARED/corpus). */
export function corpus() {
  if (process.env.HOMEPORT_CORPUS) return process.env.HOMEPORT_CORPUS;
  if (process.env.HOMEPORT_SHARED) return path.join(process.env.HOMEPORT_SHARED, 'corpus');
  for (let dir = projectRoot; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'shared', 'corpus');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`no shared/corpus folder above ${projectRoot}`);
  }
}

/** A Java 21+ to run the server with in tests, found as the extension finds it (JAVA_HOME, then PATH). */
export async function testJava() {
  const { findJava } = require('../../out/java.js');
  const r = await findJava({ env: process.env });
  if (!r.ok) throw new Error(r.message);
  return r.executable;
}

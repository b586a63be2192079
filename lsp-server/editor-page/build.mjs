// Builds the browser editor of `homeport lsp --serve-editor` into the server jar's resources
// (target/classes/dev/homeport/lsp/editor/): Monaco, its own LSP client (monaco-editor's monaco-lsp-client)
// wired to the server's WebSocket /lsp, and Monaco's editor worker. Skipped when nothing changed since the last build.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? path.join(here, '..', 'target', 'classes', 'dev', 'homeport', 'lsp', 'editor');
const inputs = [path.join(here, 'src'), path.join(here, 'build.mjs'), path.join(here, 'package-lock.json')];

function newest(p) {
  const s = fs.statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}
// the stamp lives outside the output, so that it does not end up in the jar
const stamp = path.join(here, 'node_modules', '.homeport-editor-built');
if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === out && fs.existsSync(path.join(out, 'index.html'))
    && fs.statSync(stamp).mtimeMs >= Math.max(...inputs.map(newest))) {
  process.exit(0);
}
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const common = { bundle: true, minify: true, format: 'esm', target: 'es2022', logLevel: 'warning', legalComments: 'none' };
await esbuild.build({
  ...common,
  entryPoints: { editor: path.join(here, 'src', 'main.js') },
  outdir: out,
  loader: { '.ttf': 'file' },
  assetNames: '[name]',
});
await esbuild.build({
  ...common,
  entryPoints: { 'editor.worker': 'monaco-editor/editor/editor.worker' },
  outdir: out,
});
fs.copyFileSync(path.join(here, 'src', 'index.html'), path.join(out, 'index.html'));
fs.writeFileSync(stamp, out);

// Bundles the extension into dist/extension.js (vscode-languageclient included, vscode external), and compiles
// the VS Code-free modules to out/ for the node --test unit tests.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  outfile: 'dist/extension.js',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
});

await esbuild.build({
  entryPoints: ['src/java.ts', 'src/settings.ts'],
  bundle: false,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'out',
  logLevel: 'warning',
});

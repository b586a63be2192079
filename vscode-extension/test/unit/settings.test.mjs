// Settings to server arguments and to the LSP settings section the server reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { serverLaunch, jvmArguments, lspSettings, yangSection, needsRestart } = require('../../out/settings.js');

test('the server runs as java [vmargs] -jar server.jar lsp --stdio', () => {
  const l = serverLaunch('/jdk/bin/java', '/ext/server/lsp-server.jar', ['-Xmx2g', '-Dfoo=bar']);
  assert.equal(l.command, '/jdk/bin/java');
  assert.deepEqual(l.args, ['--enable-native-access=ALL-UNNAMED', '-Xmx2g', '-Dfoo=bar', '-jar', '/ext/server/lsp-server.jar', 'lsp', '--stdio']);
});

test('vmargs as one string are split; bad entries are reported and left out', () => {
  assert.deepEqual(jvmArguments(' -Xmx1g   -XX:+UseZGC '), ['-Xmx1g', '-XX:+UseZGC']);
  assert.deepEqual(jvmArguments(undefined), []);
  const problems = [];
  assert.deepEqual(jvmArguments(['-Xss4m', 42, 'Xmx1g', '-jar', ''], problems), ['-Xss4m']);
  assert.equal(problems.length, 4);
  assert.match(problems[0], /42 is not a JVM option/);
  assert.match(problems[1], /"Xmx1g" is not a JVM option/);
  assert.match(problems[2], /-jar is left out/);
  const p2 = [];
  assert.deepEqual(jvmArguments({ Xmx: '1g' }, p2), []);
  assert.match(p2[0], /must be a list of JVM options/);
});

test('homeport.yang settings become { homeport: { yang: ... } }', () => {
  const s = lspSettings({
    yangPath: ['~/yang', '${env:YANG}/ietf.zip'],
    diagnostics: { 'unused-import': 'off', 'RFC8407-prefix': 'Info' },
    moduleCache: '/tmp/cache',
    useModuleCache: false,
  });
  assert.deepEqual(s, {
    homeport: {
      yang: {
        path: ['~/yang', '${env:YANG}/ietf.zip'],
        diagnostics: { 'unused-import': 'off', 'RFC8407-prefix': 'info' },
        moduleCache: '/tmp/cache',
        useModuleCache: false,
      },
    },
  });
});

test('defaults: empty path, no overrides, cache on, no cache folder', () => {
  assert.deepEqual(yangSection({}), { path: [], diagnostics: {}, useModuleCache: true });
  assert.deepEqual(yangSection({ moduleCache: '  ', yangPath: '' }), { path: [], diagnostics: {}, useModuleCache: true });
});

test('bad values are reported and the good ones still apply', () => {
  const problems = [];
  const s = yangSection({ yangPath: ['/ok', 7, ''], diagnostics: { a: 'error', b: 'loud', c: 3 } }, problems);
  assert.deepEqual(s.path, ['/ok']);
  assert.deepEqual(s.diagnostics, { a: 'error' });
  assert.equal(problems.length, 4);
  assert.match(problems.join('\n'), /homeport\.yang\.diagnostics\.b must be error, warning, info or off, not "loud"/);
  const p2 = [];
  yangSection({ yangPath: { a: 1 }, diagnostics: ['x'] }, p2);
  assert.equal(p2.length, 2);
});

test('only Java settings restart the server; homeport.yang.* goes over LSP', () => {
  const changed = (keys) => (s) => keys.some((k) => k === s || k.startsWith(`${s}.`));
  assert.equal(needsRestart(changed(['homeport.java.home'])), true);
  assert.equal(needsRestart(changed(['homeport.server.vmargs'])), true);
  assert.equal(needsRestart(changed(['homeport.yang.path'])), false);
  assert.equal(needsRestart(changed(['homeport.trace.server'])), false);
});

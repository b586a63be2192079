// Java discovery: the order of the candidates, the version check, and the message when none works.
// Fake JDKs are real executables (shell scripts printing what `java -version` prints), so the probe runs for real.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { findJava, parseJavaVersion, javaOnPath, MIN_JAVA } = require('../../out/java.js');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'homeport-java-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));

/** A folder with bin/java that prints this version line on stderr, as a JDK does. */
function fakeJdk(name, versionLine, exitCode = 0) {
  const home = path.join(root, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  fs.writeFileSync(java, `#!/bin/sh\necho '${versionLine}' >&2\nexit ${exitCode}\n`, { mode: 0o755 });
  return home;
}

const jdk25 = fakeJdk('jdk25', 'openjdk version "25.0.1" 2025-10-21 LTS');
const jdk21 = fakeJdk('jdk21', 'openjdk version "21.0.5" 2024-10-15 LTS');
const jdk17 = fakeJdk('jdk17', 'openjdk version "17.0.13" 2024-10-15');
const jdk8 = fakeJdk('jdk8', 'java version "1.8.0_392"');
const broken = fakeJdk('broken', 'Error: could not open lib/jvm.cfg', 1);
const embedded = fakeJdk('embedded', 'openjdk version "25" 2025-09-16');
const nowhere = path.join(root, 'does-not-exist');

test('parses the versions JDKs print', () => {
  assert.deepEqual(parseJavaVersion('openjdk version "21.0.5" 2024-10-15 LTS'), { version: '21.0.5', major: 21 });
  assert.deepEqual(parseJavaVersion('java version "1.8.0_392"'), { version: '1.8.0_392', major: 8 });
  assert.deepEqual(parseJavaVersion('openjdk version "25" 2025-09-16'), { version: '25', major: 25 });
  assert.deepEqual(parseJavaVersion('openjdk version "23-ea" 2024-09-17'), { version: '23-ea', major: 23 });
  assert.equal(parseJavaVersion('bash: java: command not found'), undefined);
});

test('homeport.java.home wins over JAVA_HOME, PATH and the embedded runtime', async () => {
  const r = await findJava({ settingHome: jdk21, env: { JAVA_HOME: jdk25, PATH: path.join(jdk25, 'bin') }, embeddedHome: embedded });
  assert.equal(r.ok, true);
  assert.equal(r.source, 'homeport.java.home');
  assert.equal(r.executable, path.join(jdk21, 'bin', 'java'));
  assert.equal(r.major, 21);
  assert.deepEqual(r.rejected, []);
});

test('JAVA_HOME comes next, then java on PATH, then the embedded runtime', async () => {
  let r = await findJava({ env: { JAVA_HOME: jdk21, PATH: path.join(jdk25, 'bin') }, embeddedHome: embedded });
  assert.equal(r.source, 'JAVA_HOME');
  r = await findJava({ env: { PATH: `${nowhere}:${path.join(jdk25, 'bin')}` }, embeddedHome: embedded });
  assert.equal(r.source, 'PATH');
  assert.equal(r.executable, path.join(jdk25, 'bin', 'java'));
  r = await findJava({ env: { PATH: nowhere }, embeddedHome: embedded });
  assert.equal(r.source, 'embedded runtime');
  assert.equal(r.version, '25');
});

test('a Java older than 21, a broken one or a wrong folder is passed over with the reason', async () => {
  const r = await findJava({ settingHome: jdk17, env: { JAVA_HOME: broken, PATH: path.join(jdk8, 'bin') }, embeddedHome: embedded });
  assert.equal(r.ok, true);
  assert.equal(r.source, 'embedded runtime');
  assert.equal(r.rejected.length, 3);
  assert.match(r.rejected[0], /^homeport\.java\.home: .*jdk17.* is Java 17\.0\.13, older than 21$/);
  assert.match(r.rejected[1], /^JAVA_HOME: .*broken.*does not run/);
  assert.match(r.rejected[2], /^PATH: .*jdk8.* is Java 1\.8\.0_392, older than 21$/);
});

test('nothing usable gives one message that names every place and how to fix it', async () => {
  const r = await findJava({ settingHome: nowhere, env: { JAVA_HOME: jdk17, PATH: nowhere } });
  assert.equal(r.ok, false);
  assert.match(r.message, new RegExp(`needs Java ${MIN_JAVA} or newer`));
  assert.match(r.message, /homeport\.java\.home: .*does-not-exist.*does not exist/);
  assert.match(r.message, /JAVA_HOME: .*jdk17.* older than 21/);
  assert.match(r.message, /PATH: no java found/);
  assert.match(r.message, /embedded runtime: not in this package/);
  assert.match(r.message, /set "homeport\.java\.home" or JAVA_HOME/);
});

test('blank settings count as unset', async () => {
  const r = await findJava({ settingHome: '   ', env: { JAVA_HOME: '', PATH: path.join(jdk21, 'bin') } });
  assert.equal(r.source, 'PATH');
  assert.deepEqual(r.rejected, []);
});

test('PATH lookup follows the platform rules', () => {
  const files = new Set(['/b/java', 'C:\\jdk\\bin\\java.exe'.replace(/\\/g, path.sep)]);
  assert.equal(javaOnPath({ PATH: '/a:/b:/c' }, 'linux', (p) => files.has(p)), '/b/java');
  assert.equal(javaOnPath({ PATH: '/a' }, 'linux', (p) => files.has(p)), undefined);
  assert.equal(javaOnPath({ Path: `C:\\x;C:\\jdk\\bin`.replace(/\\/g, path.sep) }, 'win32', (p) => files.has(p)),
    'C:\\jdk\\bin\\java.exe'.replace(/\\/g, path.sep));
});

// Finding a Java runtime for the language server. No VS Code API here, so that node --test covers it.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const MIN_JAVA = 21;
export const HOW_TO_FIX_URL = 'https://adoptium.net/temurin/releases/?version=21';

export type JavaSource = 'homeport.java.home' | 'JAVA_HOME' | 'PATH' | 'embedded runtime';

export interface JavaFound {
  ok: true;
  executable: string;
  major: number;
  version: string;
  source: JavaSource;
  /** Candidates tried before this one and why each was passed over. */
  rejected: string[];
}

export interface JavaMissing {
  ok: false;
  /** One message naming every place looked at and what was wrong there. */
  message: string;
  rejected: string[];
}

export type JavaResult = JavaFound | JavaMissing;

export type VersionProbe = (executable: string) => Promise<{ version: string; major: number } | { error: string }>;

export interface DiscoveryInput {
  /** The homeport.java.home setting (empty: not set). */
  settingHome?: string;
  env: Record<string, string | undefined>;
  /** The extension's own runtime folder (jre/), present only in the platform package. */
  embeddedHome?: string;
  platform?: NodeJS.Platform;
  probe?: VersionProbe;
  isFile?: (p: string) => boolean;
}

/** Reads the version out of `java -version` output (stderr); undefined when there is none. */
export function parseJavaVersion(output: string): { version: string; major: number } | undefined {
  const m = /version "([^"]+)"/.exec(output) ?? /^(?:openjdk|java) (\d[^\s]*)/m.exec(output);
  if (!m) {
    return undefined;
  }
  const version = m[1];
  // 1.8.0_392 -> 8; 21.0.5 -> 21; 25 -> 25; 21-ea -> 21
  const parts = version.split(/[.+_-]/);
  const major = parts[0] === '1' && parts.length > 1 ? Number(parts[1]) : Number(parts[0]);
  return Number.isFinite(major) ? { version, major } : undefined;
}

export const probeJavaVersion: VersionProbe = (executable) =>
  new Promise((resolve) => {
    execFile(executable, ['-version'], { timeout: 20000, windowsHide: true }, (err, stdout, stderr) => {
      const parsed = parseJavaVersion(`${stderr}\n${stdout}`);
      if (parsed) {
        resolve(parsed);
      } else if (err) {
        resolve({ error: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `does not run (${err.message.split('\n')[0]})` });
      } else {
        resolve({ error: `printed no version: ${stderr.trim().split('\n')[0] ?? ''}` });
      }
    });
  });

function javaIn(home: string, platform: NodeJS.Platform): string {
  return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

function defaultIsFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The first `java` on PATH, as a shell would find it. */
export function javaOnPath(env: Record<string, string | undefined>, platform: NodeJS.Platform,
                           isFile: (p: string) => boolean = defaultIsFile): string | undefined {
  const pathVar = env.PATH ?? env.Path ?? '';
  const sep = platform === 'win32' ? ';' : ':';
  const name = platform === 'win32' ? 'java.exe' : 'java';
  for (const dir of pathVar.split(sep)) {
    if (dir && isFile(path.join(dir, name))) {
      return path.join(dir, name);
    }
  }
  return undefined;
}

/**
 * homeport.java.home, then JAVA_HOME, then java on PATH, then the embedded runtime: the first that runs and is
 * Java 21 or newer wins. A candidate that is set but unusable is passed over and reported.
 */
export async function findJava(input: DiscoveryInput): Promise<JavaResult> {
  const platform = input.platform ?? process.platform;
  const probe = input.probe ?? probeJavaVersion;
  const isFile = input.isFile ?? defaultIsFile;
  const candidates: { source: JavaSource; executable?: string; why?: string }[] = [];
  const setting = input.settingHome?.trim();
  if (setting) {
    candidates.push({ source: 'homeport.java.home', executable: javaIn(setting, platform), why: setting });
  }
  const javaHome = input.env.JAVA_HOME?.trim();
  if (javaHome) {
    candidates.push({ source: 'JAVA_HOME', executable: javaIn(javaHome, platform), why: javaHome });
  }
  candidates.push({ source: 'PATH', executable: javaOnPath(input.env, platform, isFile) });
  if (input.embeddedHome) {
    candidates.push({ source: 'embedded runtime', executable: javaIn(input.embeddedHome, platform) });
  }

  const rejected: string[] = [];
  for (const c of candidates) {
    if (!c.executable) {
      rejected.push(`${c.source}: no java found`);
      continue;
    }
    if (!isFile(c.executable)) {
      rejected.push(`${c.source}: ${c.executable} does not exist`);
      continue;
    }
    const v = await probe(c.executable);
    if ('error' in v) {
      rejected.push(`${c.source}: ${c.executable} ${v.error}`);
    } else if (v.major < MIN_JAVA) {
      rejected.push(`${c.source}: ${c.executable} is Java ${v.version}, older than ${MIN_JAVA}`);
    } else {
      return { ok: true, executable: c.executable, major: v.major, version: v.version, source: c.source, rejected };
    }
  }
  if (!input.embeddedHome) {
    rejected.push('embedded runtime: not in this package (the linux-x64 package has one)');
  }
  return {
    ok: false,
    rejected,
    message: `The YANG language server needs Java ${MIN_JAVA} or newer and found none. ${rejected.join('; ')}. `
      + `Install Java ${MIN_JAVA}+ (e.g. Eclipse Temurin) and set "homeport.java.home" or JAVA_HOME to it.`,
  };
}

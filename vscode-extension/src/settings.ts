// How the extension's settings become the server's command line and its LSP settings. No VS Code API here.

/** The settings as VS Code's configuration returns them (any of them may be missing or of the wrong type). */
export interface RawSettings {
  javaHome?: unknown;
  yangPath?: unknown;
  diagnostics?: unknown;
  moduleCache?: unknown;
  useModuleCache?: unknown;
  vmargs?: unknown;
}

/** The LSP settings section the server reads (initializationOptions and workspace/didChangeConfiguration). */
export interface YangSection {
  path: string[];
  diagnostics: Record<string, string>;
  moduleCache?: string;
  useModuleCache: boolean;
}

export interface Launch {
  command: string;
  args: string[];
}

/** Settings whose change needs a new server process; the rest travel over LSP while it runs. */
export const RESTART_SETTINGS = ['homeport.java.home', 'homeport.server.vmargs'];
/** The section synchronised to the running server. */
export const LSP_SECTION = 'homeport.yang';

const LEVELS = new Set(['error', 'warning', 'info', 'off']);
// options that would replace how the server is started rather than tune its JVM
const LAUNCH_OPTIONS = new Set(['-jar', '-cp', '-classpath', '--class-path', '-m', '--module']);

/** vmargs as a list (a string is split on whitespace); entries that cannot be JVM options are reported. */
export function jvmArguments(vmargs: unknown, problems: string[] = []): string[] {
  let list: unknown[];
  if (vmargs === undefined || vmargs === null || vmargs === '') {
    return [];
  } else if (typeof vmargs === 'string') {
    list = vmargs.trim().split(/\s+/);
  } else if (Array.isArray(vmargs)) {
    list = vmargs;
  } else {
    problems.push(`homeport.server.vmargs must be a list of JVM options, not ${JSON.stringify(vmargs)}`);
    return [];
  }
  const out: string[] = [];
  for (const a of list) {
    if (typeof a !== 'string' || a.trim() === '') {
      problems.push(`homeport.server.vmargs: ${JSON.stringify(a)} is not a JVM option`);
    } else if (LAUNCH_OPTIONS.has(a.trim())) {
      problems.push(`homeport.server.vmargs: ${a.trim()} is left out; the extension starts the server itself`);
    } else if (!a.trim().startsWith('-')) {
      problems.push(`homeport.server.vmargs: ${JSON.stringify(a)} is not a JVM option (they start with '-')`);
    } else {
      out.push(a.trim());
    }
  }
  return out;
}

/** The server process: java [vmargs] -jar server.jar lsp --stdio. */
export function serverLaunch(java: string, serverJar: string, vmargs: unknown, problems: string[] = []): Launch {
  return {
    command: java,
    args: ['--enable-native-access=ALL-UNNAMED', ...jvmArguments(vmargs, problems), '-jar', serverJar, 'lsp', '--stdio'],
  };
}

/** The homeport.yang section as the server expects it; bad values are dropped and reported. */
export function yangSection(raw: RawSettings, problems: string[] = []): YangSection {
  const path: string[] = [];
  if (Array.isArray(raw.yangPath)) {
    for (const p of raw.yangPath) {
      if (typeof p === 'string' && p.trim() !== '') {
        path.push(p.trim());
      } else {
        problems.push(`homeport.yang.path: ${JSON.stringify(p)} is not a folder or file name`);
      }
    }
  } else if (typeof raw.yangPath === 'string' && raw.yangPath.trim() !== '') {
    path.push(raw.yangPath.trim());
  } else if (raw.yangPath !== undefined && raw.yangPath !== null && raw.yangPath !== '') {
    problems.push(`homeport.yang.path must be a list of folders, .zip or .jar files`);
  }
  const diagnostics: Record<string, string> = {};
  if (raw.diagnostics && typeof raw.diagnostics === 'object' && !Array.isArray(raw.diagnostics)) {
    for (const [code, level] of Object.entries(raw.diagnostics as Record<string, unknown>)) {
      const l = typeof level === 'string' ? level.trim().toLowerCase() : '';
      if (LEVELS.has(l)) {
        diagnostics[code] = l;
      } else {
        problems.push(`homeport.yang.diagnostics.${code} must be error, warning, info or off, not ${JSON.stringify(level)}`);
      }
    }
  } else if (raw.diagnostics !== undefined && raw.diagnostics !== null) {
    problems.push('homeport.yang.diagnostics must map diagnostic codes to error, warning, info or off');
  }
  const section: YangSection = {
    path,
    diagnostics,
    useModuleCache: typeof raw.useModuleCache === 'boolean' ? raw.useModuleCache : true,
  };
  if (typeof raw.moduleCache === 'string' && raw.moduleCache.trim() !== '') {
    section.moduleCache = raw.moduleCache.trim();
  }
  return section;
}

/** initializationOptions / didChangeConfiguration settings: { homeport: { yang: {...} } }. */
export function lspSettings(raw: RawSettings, problems: string[] = []): { homeport: { yang: YangSection } } {
  return { homeport: { yang: yangSection(raw, problems) } };
}

/** Whether a configuration change needs the server restarted (true) or reaches it over LSP (false). */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_SETTINGS.some(affects);
}

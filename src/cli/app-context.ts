/** Builds the real AppContext for a CLI process. */
import { createContext, type AppContext, type ProgressEvent } from '../app/context.js';
import { detectPlatform } from '../env/detect-platform.js';
import { readSettings } from '../env/settings.js';
import { loadRegistry, emptyRegistry } from '../registry/load.js';
import { CLI_SCRIPT } from '../registry/package-files.js';
import { sweepIfDue } from '../app/throwaway/pending.js';
import { reportInterruptionsTo } from '../store/staging-guard.js';
import { terminalProgress } from './progress.js';
import { paintLogLine, painterFor, type Painter } from './style.js';

/**
 * `logPrefix` marks progress lines where they interleave with a tool's own
 * output (shims); errors always start with "tool: ".
 */
export function cliContext(env: NodeJS.ProcessEnv = process.env, logPrefix = ''): AppContext {
  const settings = readSettings(env);
  const log = stderrLog(env, logPrefix);
  reportInterruptionsTo((installs) => {
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K'); // the progress line, if one is drawn
    for (const what of installs) log(`interrupted: ${what} was not installed; nothing was changed for it`);
  });
  return createContext({
    settings,
    registry: settings.registries.some((source) => source.kind === 'builtin') ? loadRegistry() : emptyRegistry(),
    platform: () => detectPlatform(env),
    log,
    progress: stderrProgress(),
    cwd: process.cwd(),
    cli: { node: process.execPath, script: CLI_SCRIPT },
  });
}

/** Log lines to stderr, "warning:" and "note:" coloured when stderr is a terminal (style.ts decides). */
function stderrLog(env: NodeJS.ProcessEnv, logPrefix: string): (line: string) => void {
  let paint: Painter | undefined;
  return (line) => {
    paint ??= painterFor(process.stderr, env);
    process.stderr.write(`${logPrefix}${paintLogLine(line, paint)}\n`);
  };
}

/**
 * Download progress, drawn when stderr is a terminal. Node creates
 * process.stderr when first read, and for a terminal or a pipe that loads its
 * socket modules (~2 ms), so it is read at the first download, not for every command.
 */
function stderrProgress(): (event: ProgressEvent) => void {
  let draw: ((event: ProgressEvent) => void) | undefined | null = null;
  return (event) => (draw === null ? (draw = terminalProgress(process.stderr)) : draw)?.(event);
}

/**
 * The context for management commands: the home is checked, self-updates made
 * since the last run are captured, and ephemeral versions past their time are
 * removed first. `sweep: false` for `tool prune`, which sweeps itself (its --dry-run must remove nothing).
 */
export async function managedContext(env: NodeJS.ProcessEnv = process.env, options: { sweep?: boolean } = {}): Promise<AppContext> {
  const ctx = cliContext(env);
  const { ensureHome } = await import('../app/home.js');
  await ensureHome(ctx);
  await (await import('../capture/notice.js')).noticeSelfUpdates(ctx);
  if (options.sweep !== false) await sweepIfDue(ctx);
  return ctx;
}

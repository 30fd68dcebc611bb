/** Builds the real AppContext for a CLI process. */
import { createContext, type AppContext, type ProgressEvent } from '../app/context.js';
import { detectPlatform } from '../env/detect-platform.js';
import { readSettings } from '../env/settings.js';
import { loadRegistry, emptyRegistry } from '../registry/load.js';
import { CLI_SCRIPT } from '../registry/package-files.js';
import { sweepIfDue } from '../app/throwaway/pending.js';
import { terminalProgress } from './progress.js';

/**
 * `logPrefix` marks progress lines where they interleave with a tool's own
 * output (shims); errors always start with "tool: ".
 */
export function cliContext(env: NodeJS.ProcessEnv = process.env, logPrefix = ''): AppContext {
  const settings = readSettings(env);
  return createContext({
    settings,
    registry: settings.registries.some((source) => source.kind === 'builtin') ? loadRegistry() : emptyRegistry(),
    platform: () => detectPlatform(env),
    log: (line) => process.stderr.write(`${logPrefix}${line}\n`),
    progress: stderrProgress(),
    cwd: process.cwd(),
    cli: { node: process.execPath, script: CLI_SCRIPT },
  });
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

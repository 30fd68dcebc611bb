/** Builds the real AppContext for a CLI process. */
import { fileURLToPath } from 'node:url';
import { createContext, type AppContext } from '../app/context.js';
import { detectPlatform } from '../env/detect-platform.js';
import { readSettings } from '../env/settings.js';
import { loadRegistry, emptyRegistry } from '../registry/load.js';
import { terminalProgress } from './progress.js';

const CLI_SCRIPT = fileURLToPath(new URL('../bin/tool.js', import.meta.url));

/**
 * `logPrefix` marks progress lines where they interleave with a tool's own
 * output (shims); errors always start with "tool: ".
 */
export function cliContext(env: NodeJS.ProcessEnv = process.env, logPrefix = ''): AppContext {
  const settings = readSettings(env);
  const progress = terminalProgress(process.stderr);
  return createContext({
    settings,
    registry: settings.registries.some((source) => source.kind === 'builtin') ? loadRegistry() : emptyRegistry(),
    platform: () => detectPlatform(env),
    log: (line) => process.stderr.write(`${logPrefix}${line}\n`),
    ...(progress ? { progress } : {}),
    cwd: process.cwd(),
    cli: { node: process.execPath, script: CLI_SCRIPT },
  });
}

/** The context for management commands: the home is checked and self-updates made since the last run are captured first. */
export async function managedContext(env: NodeJS.ProcessEnv = process.env): Promise<AppContext> {
  const ctx = cliContext(env);
  const [{ ensureHome }, { noticeSelfUpdates }] = await Promise.all([import('../app/home.js'), import('../capture/notice.js')]);
  await ensureHome(ctx);
  await noticeSelfUpdates(ctx);
  return ctx;
}

/**
 * One lock per tool around everything that changes that tool's store entries,
 * index and state, so two terminals installing at once end with one good copy.
 * The sole importer of proper-lockfile. Its locks are directories refreshed
 * while held and considered stale after `stale` ms, so a killed process cannot
 * block the next install for long; they are also removed on normal exit.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ToolError } from '../core/errors.js';
import type { Layout } from './layout.js';

const STALE_MS = 15_000;

/**
 * Lock order: a tool lock may be held while taking the home lock, never the
 * reverse, so the two can never deadlock.
 */
export async function withToolLock<T>(layout: Layout, toolId: string, work: () => Promise<T>): Promise<T> {
  return withLock(layout, layout.lock(toolId), toolId, work);
}

/** Guards what all tools share: global.tools and the shims directory. */
export async function withHomeLock<T>(layout: Layout, work: () => Promise<T>): Promise<T> {
  return withLock(layout, layout.homeLock, 'the global selection and shims', work);
}

/**
 * Guards a file outside TOOL_HOME that several homes may share (the declared
 * tool set in dotfiles, a lock file): the lock sits beside the file itself.
 */
export async function withFileLock<T>(file: string, what: string, work: () => Promise<T>): Promise<T> {
  return withLock(undefined, file, what, work);
}

async function withLock<T>(layout: Layout | undefined, target: string, what: string, work: () => Promise<T>): Promise<T> {
  await mkdir(layout ? layout.locks : dirname(target), { recursive: true });
  const { default: lockfile } = await import('proper-lockfile');
  // Beside a user's file, "<file>.lock" could be a real file: the declared set "tools" sits next to "tools.lock".
  const lockfilePath = layout ? `${target}.lock` : `${target}.tool-editing`;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(target, {
      realpath: false,
      lockfilePath,
      stale: STALE_MS,
      retries: { retries: 600, factor: 1, minTimeout: 100, maxTimeout: 100 },
    });
  } catch (error) {
    // A file lock beside a read-only file fails for that reason, not because someone holds it.
    const code = (error as NodeJS.ErrnoException).code;
    if (!layout && (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')) throw error;
    throw new ToolError('TOOL_LOCKED', `another tool process holds the lock ${lockfilePath} for ${what}`, {
      hint: 'Wait for it to finish, or remove that directory if no tool process is running',
      cause: error,
    });
  }
  try {
    return await work();
  } finally {
    await release().catch(() => {});
  }
}

/**
 * Locks and leftovers: a lock whose owner no longer runs (any taker would
 * break it at once, but until then it names a dead process), and what
 * interrupted processes left (leftovers.ts). Both are derived state; --fix
 * removes them. A lock held by a running process is a note, not a problem.
 */
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { nearestToolsFile } from '../../pins/resolve.js';
import { describeOwner } from '../../store/lock-owner.js';
import { inspectLock, type LockStatus } from '../../store/lock.js';
import type { AppContext } from '../context.js';
import { findLeftovers, type Leftover } from './leftovers.js';
import { count, FIX_DERIVED, result, type CheckResult, type Problem } from './types.js';

export interface LockFacts {
  path: string;
  status: LockStatus;
}

/** Pure: the problems and notes those locks and leftovers amount to. */
export function judgeLocks(locks: readonly LockFacts[], leftovers: readonly Leftover[]): CheckResult {
  const problems: Problem[] = [];
  const notes: string[] = [];
  for (const { path, status } of locks) {
    if (!status.stale) {
      notes.push(`${path} is held by ${describeOwner(status.owner)}, which is running`);
      continue;
    }
    const why = status.owner ? `was taken by ${describeOwner(status.owner)}, which no longer runs` : 'has had no readable owner for over 15 s';
    problems.push({ message: `lock ${path} ${why}`, fix: FIX_DERIVED, repair: { kind: 'lock', path } });
  }
  for (const leftover of leftovers) {
    problems.push({ message: `${leftover.path} is ${leftover.what}`, fix: FIX_DERIVED, repair: { kind: 'remove', path: leftover.path } });
  }
  const held = locks.length === 0 ? 'no locks held' : `${count(locks.length, 'lock')} held by running processes, none stale`;
  return result('locks', `${held}; no leftovers of interrupted processes`, problems, notes);
}

/** Lock directories: TOOL_HOME/locks/*.lock, and "<file>.tool-editing" beside the user's files. */
async function lockDirs(dir: string, suffix: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith(suffix)).sort().map((name) => join(dir, name));
}

/** The directories of the user's own files tool edits: the declared set's, and the nearest project's. */
async function userDirs(ctx: AppContext): Promise<string[]> {
  const project = await nearestToolsFile({ env: ctx.settings.env, cwd: ctx.cwd, globalFile: ctx.layout.globalTools }).catch(() => undefined);
  return [...new Set([ctx.settings.configDir, ...(project ? [dirname(project.path)] : [])])];
}

export async function checkLocks(ctx: AppContext): Promise<CheckResult> {
  const dirs = await userDirs(ctx);
  const paths = [...(await lockDirs(ctx.layout.locks, '.lock'))];
  for (const dir of dirs) paths.push(...(await lockDirs(dir, '.tool-editing')));
  const locks = await Promise.all(paths.map(async (path) => ({ path, status: await inspectLock(path) })));
  return judgeLocks(locks, await findLeftovers(ctx.layout, dirs, ctx.now().getTime()));
}

/**
 * One lock per tool around everything that changes that tool's store entries,
 * index and state, so two terminals installing at once end with one good copy.
 * A lock is a directory holding its owner (lock-owner.ts), published by one
 * rename so it never exists without its owner. A lock whose owner no longer
 * runs is taken over at once. An empty lock directory (left by an older tool
 * version) is replaced by the rename itself; one whose owner file is unreadable
 * counts as stale once untouched for 15 s.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ToolError } from '../core/errors.js';
import type { Layout } from './layout.js';
import { currentOwner, describeOwner, ownerRuns, parseOwner, type LockOwner } from './lock-owner.js';

const POLL_MS = 50;
const WAIT_MS = 60_000;
const OWNERLESS_STALE_MS = 15_000;

/**
 * Lock order: a tool lock may be held while taking the home lock, never the
 * reverse, so the two can never deadlock.
 */
export async function withToolLock<T>(layout: Layout, toolId: string, work: () => Promise<T>): Promise<T> {
  return withLock(layout.locks, `${layout.lock(toolId)}.lock`, toolId, work);
}

/** Guards what all tools share: global.tools and the shims directory. */
export async function withHomeLock<T>(layout: Layout, work: () => Promise<T>): Promise<T> {
  return withLock(layout.locks, `${layout.homeLock}.lock`, 'the global selection and shims', work);
}

/**
 * Guards a file outside TOOL_HOME that several homes may share (the declared
 * tool set in dotfiles, a lock file): the lock sits beside the file itself, as
 * "<file>.tool-editing" because "tools.lock" already sits beside "tools".
 */
export async function withFileLock<T>(file: string, what: string, work: () => Promise<T>): Promise<T> {
  return withLock(dirname(file), `${file}.tool-editing`, what, work);
}

// Held locks are removed when the process exits, also on the signals staging-guard turns into exits.
const held = new Set<string>();
process.on('exit', () => {
  for (const dir of held) rmSync(dir, { recursive: true, force: true });
});

async function withLock<T>(parent: string, lockDir: string, what: string, work: () => Promise<T>): Promise<T> {
  await mkdir(parent, { recursive: true });
  const deadline = Date.now() + WAIT_MS;
  while (!(await tryAcquire(lockDir))) {
    if (await takeOverIfStale(lockDir)) continue;
    if (Date.now() > deadline) throw lockedError(lockDir, what, await readOwner(lockDir));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  held.add(lockDir);
  try {
    return await work();
  } finally {
    held.delete(lockDir);
    await rm(lockDir, { recursive: true, force: true }).catch(() => {});
  }
}

const uniqueBeside = (path: string, kind: string) => `${path}.${kind}-${process.pid}-${randomBytes(4).toString('hex')}`;

/** Owner written first, then the directory renamed into place: never a lock without its owner. */
async function tryAcquire(lockDir: string): Promise<boolean> {
  const staged = uniqueBeside(lockDir, 'new');
  await mkdir(staged);
  try {
    await writeFile(join(staged, 'owner'), JSON.stringify(currentOwner()));
    await rename(staged, lockDir);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(staged, { recursive: true, force: true });
  }
}

async function readOwner(lockDir: string): Promise<LockOwner | undefined> {
  return parseOwner(await readFile(join(lockDir, 'owner'), 'utf8').catch(() => ''));
}

export interface LockStatus {
  owner: LockOwner | undefined;
  /** Its owner no longer runs (or it has had no readable owner for 15 s): the next taker removes it. */
  stale: boolean;
}

/** Who holds a lock directory and whether that process still runs, for `tool doctor`. */
export async function inspectLock(lockDir: string): Promise<LockStatus> {
  const owner = await readOwner(lockDir);
  if (owner) return { owner, stale: !ownerRuns(owner) };
  const since = await stat(lockDir).then((s) => Date.now() - s.mtimeMs, () => 0);
  return { owner, stale: since > OWNERLESS_STALE_MS };
}

/**
 * Moves a stale lock aside and removes it: the one safe way to break a lock,
 * for takers and for `tool doctor --fix`. Takers serialize on "<lock>.takeover", so between one
 * taker's check and its rename no other taker can swap in a fresh lock (a fresh
 * lock only appears where none is). A takeover marker left by a crash within
 * these few milliseconds is itself stale after a second.
 */
export async function takeOverIfStale(lockDir: string): Promise<boolean> {
  if (!(await inspectLock(lockDir)).stale) return false;
  const marker = `${lockDir}.takeover`;
  try {
    await mkdir(marker);
  } catch {
    const age = await stat(marker).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (age > 1000) await rm(marker, { recursive: true, force: true });
    return false;
  }
  try {
    if (!(await inspectLock(lockDir)).stale) return false;
    const aside = uniqueBeside(lockDir, 'stale');
    await rename(lockDir, aside).catch(() => {});
    await rm(aside, { recursive: true, force: true });
    return true;
  } finally {
    await rm(marker, { recursive: true, force: true });
  }
}

function lockedError(lockDir: string, what: string, owner: LockOwner | undefined): ToolError {
  return new ToolError('TOOL_LOCKED', `${describeOwner(owner)} holds the lock ${lockDir} for ${what} (waited ${WAIT_MS / 1000} s)`, {
    hint: 'Wait for it to finish; if that process is gone, remove that directory',
  });
}

/**
 * What interrupted processes leave behind: staging directories in
 * TOOL_HOME/tmp, temporary files of atomic writes (*.tmp), temporary links of
 * index rewrites, half-made live copies and lock scratch names. Each is only a
 * leftover once older than a few minutes (a running process may be using it),
 * and staging only while its tool's lock is free.
 */
import { lstat, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { inspectLock } from '../../store/lock.js';
import { toolIdFromDirName, type Layout } from '../../store/layout.js';

/** No atomic write, link swap or lock hand-over takes this long; an install in progress holds its lock. */
export const LEFTOVER_AGE_MS = 5 * 60_000;

export interface Candidate {
  path: string;
  name: string;
  /** tmp: TOOL_HOME/tmp; home: elsewhere under TOOL_HOME; user: beside a user's file (declared set, .tools). */
  where: 'tmp' | 'home' | 'user';
  ageMs: number;
  /** For staging: its tool's lock is held by a running process. */
  lockHeld?: boolean;
}

export interface Leftover {
  path: string;
  what: string;
}

/** Pure: what a name is, when it is one of tool's temporary names in that place. */
export function leftoverKind(name: string, where: Candidate['where']): string | undefined {
  if (where === 'tmp') return /^[^@]+@/.test(name) ? `staging of an interrupted install or removal of ${name.slice(0, name.indexOf('@')).replace('__', '/')}` : 'a leftover in the staging directory';
  // Beside files the user owns only writeFileAtomic's own pattern, never a file of theirs that happens to end in .tmp.
  if (where === 'user') {
    if (/\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)) return 'the temporary file of an interrupted write';
    return /\.tool-editing\.((new|stale)-\d+-[0-9a-f]{8}|takeover)$/.test(name) ? 'scratch of an interrupted lock hand-over' : undefined;
  }
  if (name.endsWith('.tmp')) return 'the temporary file of an interrupted write';
  if (/^\.new-[0-9a-f]{12}$/.test(name)) return 'the temporary link of an interrupted index rewrite';
  if (/\.new-[0-9a-f]{8}(\.old)?$/.test(name)) return 'a live copy left half-made by an interrupted switch';
  if (/\.(new|stale)-\d+-[0-9a-f]{8}$/.test(name) || name.endsWith('.takeover')) return 'scratch of an interrupted lock hand-over';
  return undefined;
}

/** Pure: the candidates that are leftovers. */
export function judgeLeftovers(candidates: readonly Candidate[]): Leftover[] {
  return candidates.flatMap((candidate) => {
    const what = leftoverKind(candidate.name, candidate.where);
    if (!what || candidate.ageMs < LEFTOVER_AGE_MS || candidate.lockHeld) return [];
    return [{ path: candidate.path, what }];
  });
}

async function candidate(path: string, where: Candidate['where'], now: number): Promise<Candidate | undefined> {
  const info = await lstat(path).catch(() => undefined);
  return info && { path, name: path.slice(path.lastIndexOf('/') + 1), where, ageMs: now - info.mtimeMs };
}

async function children(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort().map((name) => join(dir, name));
}

/**
 * Everything under TOOL_HOME a leftover could be, except the store (read-only,
 * published by rename) and what a tool wrote into its own live copy.
 */
async function homeCandidates(layout: Layout, dir: string, now: number): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const path of await children(dir)) {
    if (path === layout.store || path === layout.tmp) continue;
    const info = await lstat(path).catch(() => undefined);
    if (!info) continue;
    found.push({ path, name: path.slice(path.lastIndexOf('/') + 1), where: 'home', ageMs: now - info.mtimeMs });
    // A live copy holds the tool's own files, named as the tool likes: only live/ itself is looked at.
    if (info.isDirectory() && dirname(path) !== layout.liveRoot) found.push(...(await homeCandidates(layout, path, now)));
  }
  return found;
}

async function stagingCandidates(layout: Layout, now: number): Promise<Candidate[]> {
  const found: Candidate[] = [];
  for (const path of await children(layout.tmp)) {
    const staged = await candidate(path, 'tmp', now);
    if (!staged) continue;
    const toolDir = staged.name.includes('@') ? staged.name.slice(0, staged.name.indexOf('@')) : undefined;
    // The lock withToolLock takes for that tool (store/lock.ts).
    const lock = toolDir && (await inspectLock(`${layout.lock(toolIdFromDirName(toolDir))}.lock`).catch(() => undefined));
    found.push({ ...staged, lockHeld: Boolean(lock && lock.owner && !lock.stale) });
  }
  return found;
}

/** Leftovers under TOOL_HOME, and beside the user's files in `userDirs` (their top level only). */
export async function findLeftovers(layout: Layout, userDirs: readonly string[], now: number): Promise<Leftover[]> {
  const candidates = [...(await stagingCandidates(layout, now)), ...(await homeCandidates(layout, layout.home, now))];
  for (const dir of userDirs) {
    for (const path of await children(dir)) {
      const found = await candidate(path, 'user', now);
      if (found) candidates.push(found);
    }
  }
  return judgeLeftovers(candidates);
}

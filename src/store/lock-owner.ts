/**
 * Who holds a lock, and whether that process still runs. A lock records its
 * owner's pid, host and (on Linux) the pid's start time, so a lock left by a
 * killed process is taken over at once instead of after a timeout, and a pid
 * the kernel has since reused for another process is not mistaken for the owner.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  /** Clock ticks after boot when the process started (/proc/<pid>/stat); absent off Linux. */
  started?: string;
}

/** Field 22 of /proc/<pid>/stat; the command name before it may hold spaces, so count from its ')'. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function currentOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), started: startTime(process.pid) };
}

export function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return undefined;
    return { pid: value.pid, host: value.host, started: typeof value.started === 'string' ? value.started : undefined };
  } catch {
    return undefined;
  }
}

/**
 * False only when the owner certainly no longer runs: same host, and the pid is
 * gone or now belongs to a process started at another time. An owner on another
 * host (a shared home on NFS) cannot be checked and counts as running.
 */
export function ownerRuns(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  return owner.started === undefined || startTime(owner.pid) === owner.started;
}

export function describeOwner(owner: LockOwner | undefined): string {
  return owner ? `process ${owner.pid} on ${owner.host}` : 'another tool process';
}

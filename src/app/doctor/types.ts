/**
 * What `tool doctor` reports: one result per check, each problem with the
 * command that fixes it. Problems in derived state (the index, shims, stale
 * locks, leftovers of interrupted processes) also carry the repair `--fix`
 * makes; nothing a user wrote is ever among them. The --json output is these
 * values as they are (README "tool doctor").
 */

/** What `tool doctor --fix` may do: only derived state, rebuilt from what the user wrote. */
export type Repair =
  | { kind: 'index'; tool: string }
  | { kind: 'shims' }
  /** A lock whose owner no longer runs, broken the way a taker would (store/lock.ts). */
  | { kind: 'lock'; path: string }
  /** A leftover of an interrupted process: staging, a temporary file or link. */
  | { kind: 'remove'; path: string };

export interface Problem {
  message: string;
  /** The command (in backticks) or action that fixes it. */
  fix: string;
  repair?: Repair;
}

export interface CheckResult {
  name: CheckName;
  ok: boolean;
  /** One line on what a passing check found; empty when it found problems. */
  summary: string;
  problems: Problem[];
  /** Facts worth a line that are not problems: a lock held by a running process, GitHub offline. */
  notes: string[];
}

export type CheckName = 'path' | 'shims' | 'store' | 'index' | 'locks' | 'project' | 'network' | 'github' | 'self-updates';

export interface DoctorOptions {
  fix?: boolean;
  deep?: boolean;
}

export interface DoctorReport {
  ok: boolean;
  checks: CheckResult[];
  /** With --fix: what was repaired, one line each (empty otherwise). */
  fixed: string[];
}

export const FIX_DERIVED = '`tool doctor --fix`';

/** A check's result from its problems; `ok` follows from them, and a failing check's problems speak instead of its summary. */
export function result(name: CheckName, summary: string, problems: Problem[], notes: string[] = []): CheckResult {
  const ok = problems.length === 0;
  return { name, ok, summary: ok ? summary : '', problems, notes };
}

/** "1 shim", "3 shims". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/**
 * What a tool's history says, read purely from its entries: where `tool
 * rollback` goes back to, the SHA-256 recorded for a version, and the user's
 * latest stated reason. Rollback, prune, list and outdated must agree on these,
 * so they are answered in one place.
 */
import type { HistoryEntry } from '../../store/history.js';

/**
 * The version `tool rollback` returns to: the `from` of the latest change that
 * made `current` active, skipping changes that came from nowhere or to itself.
 */
export function rollbackTargetIn(history: readonly HistoryEntry[], current: string | undefined): string | undefined {
  const last = [...history].reverse().find((entry) => entry.to === current && entry.from !== null && entry.from !== current);
  return last?.from ?? undefined;
}

/**
 * The SHA-256 of the downloaded asset recorded when `version` last became
 * active, or undefined when no entry holds one that a download can match.
 * A self-update that upstream did not confirm records the bytes the tool
 * wrote, which no release asset has, so it never counts.
 */
export function recordedSha256(history: readonly HistoryEntry[], version: string): string | undefined {
  const entry = [...history].reverse().find((item) => item.to === version && !(item.cause === 'self-update' && item.check !== 'verified'));
  return entry?.sha256 || undefined;
}

/**
 * Why the user last changed this tool, in their words: the reason of the latest
 * entry that has one, unless a later add or release (unhold) started over.
 */
export function latestReason(history: readonly HistoryEntry[]): string | undefined {
  for (const entry of [...history].reverse()) {
    if (entry.reason) return entry.reason;
    if (entry.cause === 'added' || entry.cause === 'released') return undefined;
  }
  return undefined;
}

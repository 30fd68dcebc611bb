/**
 * Per-tool history of global version changes: append-only in meaning, written
 * atomically (the whole file is rewritten through a temp file and rename, under
 * the tool's lock), one JSON object per line.
 */
import { readFile } from 'node:fs/promises';
import type { AttestationRecord } from '../core/attestation.js';
import { ToolError } from '../core/errors.js';
import { writeFileAtomic } from './atomic.js';
import type { Layout } from './layout.js';

export type ChangeCause = 'added' | 'updated' | 'self-update' | 'rollback' | 'auto-update' | 'synced' | 'held' | 'released' | 'pinned';

export interface HistoryEntry {
  at: string;
  tool: string;
  from: string | null;
  to: string;
  cause: ChangeCause;
  /** SHA-256 of the executable or asset that became active. */
  sha256: string;
  /** verified / unverified / mismatch, for bytes that did not come from a checked download. */
  check?: 'verified' | 'unverified' | 'mismatch';
  /** What the asset's attestation check found when the version was installed (its manifest's record). */
  attestation?: AttestationRecord;
  note?: string;
  /** Why the user made the change (--reason), in their words. */
  reason?: string;
  /** A self-update captured while its upstream release was younger than the release cooldown (capture/capture-age.ts). */
  youngerThanCooldown?: YoungerThanCooldown;
}

export interface YoungerThanCooldown {
  publishedAt: string;
  /** When `tool` itself would have chosen it. */
  eligibleAt: string;
  minReleaseAgeSeconds: number;
  /** Where the cooldown was set: "<settings file> line 2", "TOOL_MIN_RELEASE_AGE". */
  setBy: string;
}

export async function readHistory(layout: Layout, toolId: string): Promise<HistoryEntry[]> {
  let text: string;
  try {
    text = await readFile(layout.history(toolId), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ToolError('TOOL_BAD_STATE', `${layout.history(toolId)} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {
      hint: 'Move it aside (the history of that tool starts again) or repair it: one JSON object per line',
      cause: error,
    });
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as HistoryEntry];
      } catch {
        return []; // a damaged line must not hide the rest of the history
      }
    });
}

export async function appendHistory(layout: Layout, entry: HistoryEntry): Promise<void> {
  const entries = await readHistory(layout, entry.tool);
  const text = [...entries, entry].map((item) => JSON.stringify(item)).join('\n');
  await writeFileAtomic(layout.history(entry.tool), `${text}\n`);
}

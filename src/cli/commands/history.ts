import { identifyTool } from '../../app/select/identify.js';
import { formatDuration } from '../../core/duration.js';
import { formatAge } from '../../core/release-age.js';
import { readHistory, type HistoryEntry } from '../../store/history.js';
import { managedContext } from '../app-context.js';
import { attestationJson } from '../json/attestation.js';
import { printJson, printLines, table } from '../output.js';
import { quoteReason } from './reason-text.js';

/** A self-update taken before the cooldown would have let `tool` choose it: kept, and said. */
function youngNote(entry: HistoryEntry): string[] {
  const young = entry.youngerThanCooldown;
  if (!young) return [];
  const age = formatAge(Math.max(0, (Date.parse(entry.at) - Date.parse(young.publishedAt)) / 1000));
  return [`note: ${entry.to} (${entry.cause}) was captured ${age} after its release, inside the release cooldown (min-release-age ${formatDuration(young.minReleaseAgeSeconds)}, ${young.setBy}); eligible from ${young.eligibleAt}`];
}

export async function history(name: string, flags: { json?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const tool = await identifyTool(ctx, name);
  const entries = await readHistory(ctx.layout, tool.id);
  if (flags.json) {
    return printJson({ tool: tool.id, entries: entries.map((e) => ({ at: e.at, from: e.from, to: e.to, cause: e.cause, sha256: e.sha256, check: e.check ?? null, note: e.note ?? null, reason: e.reason ?? null, youngerThanCooldown: e.youngerThanCooldown ?? null, attestation: attestationJson(e.attestation) })) });
  }
  if (entries.length === 0) return printLines([`no history for ${tool.id} yet`]);
  const rows = [['WHEN', 'FROM', 'TO', 'WHY', 'SHA-256', 'CHECK', 'REASON']];
  for (const entry of entries) {
    const reason = entry.reason ? quoteReason(entry.reason) : '';
    rows.push([entry.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), entry.from ?? '-', entry.to, entry.cause, entry.sha256.slice(0, 16), entry.check ?? '', reason]);
  }
  const mismatches = entries.filter((entry) => entry.check === 'mismatch').map((entry) => `warning: ${entry.to} did not match upstream: ${entry.note ?? ''}`);
  printLines([...table(rows, [undefined, 'version', 'version']), ...mismatches, ...entries.flatMap(youngNote)]);
}

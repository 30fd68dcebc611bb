import { identifyTool } from '../../app/select/identify.js';
import { readHistory } from '../../store/history.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines, table } from '../output.js';
import { quoteReason } from './reason-text.js';

export async function history(name: string, flags: { json?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const tool = await identifyTool(ctx, name);
  const entries = await readHistory(ctx.layout, tool.id);
  if (flags.json) {
    return printJson({ tool: tool.id, entries: entries.map((e) => ({ at: e.at, from: e.from, to: e.to, cause: e.cause, sha256: e.sha256, check: e.check ?? null, note: e.note ?? null, reason: e.reason ?? null })) });
  }
  if (entries.length === 0) return printLines([`no history for ${tool.id} yet`]);
  const rows = [['WHEN', 'FROM', 'TO', 'WHY', 'SHA-256', 'CHECK', 'REASON']];
  for (const entry of entries) {
    const reason = entry.reason ? quoteReason(entry.reason) : '';
    rows.push([entry.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), entry.from ?? '-', entry.to, entry.cause, entry.sha256.slice(0, 16), entry.check ?? '', reason]);
  }
  const mismatches = entries.filter((entry) => entry.check === 'mismatch').map((entry) => `warning: ${entry.to} did not match upstream: ${entry.note ?? ''}`);
  printLines([...table(rows, [undefined, 'version', 'version']), ...mismatches]);
}

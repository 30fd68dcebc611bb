import { outdatedTools } from '../../app/lifecycle/outdated.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines, table } from '../output.js';
import { reasonNote } from './reason-text.js';

export async function outdated(flags: { json?: boolean }): Promise<void> {
  const rows = await outdatedTools(await managedContext());
  if (flags.json) return printJson(rows);
  if (rows.length === 0) return printLines(['no tools added yet']);
  const lines = [['TOOL', 'CURRENT', 'FOLLOWS', 'WANTED', 'LATEST', '']];
  for (const row of rows) {
    // A held tool shows "held: why" instead of "outdated": the hold is why it stays behind.
    const status = row.error ? `error: ${row.error}` : row.outdated && !row.held ? 'outdated' : '';
    const note = [status, reasonNote(row.held, row.reason)].filter(Boolean).join('; ');
    lines.push([row.tool, row.current ?? '-', row.follows, row.wanted ?? '-', row.latest ?? '-', note]);
  }
  printLines(table(lines));
  if (rows.some((row) => row.error)) process.exitCode = 4;
}

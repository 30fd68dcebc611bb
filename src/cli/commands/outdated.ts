import { outdatedTools } from '../../app/outdated.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines, table } from '../output.js';

export async function outdated(flags: { json?: boolean }): Promise<void> {
  const rows = await outdatedTools(await managedContext());
  if (flags.json) return printJson(rows);
  if (rows.length === 0) return printLines(['no tools added yet']);
  const lines = [['TOOL', 'CURRENT', 'FOLLOWS', 'WANTED', 'LATEST', '']];
  for (const row of rows) {
    const note = row.error ? `error: ${row.error}` : row.held ? 'held' : row.outdated ? 'outdated' : '';
    lines.push([row.tool, row.current ?? '-', row.follows, row.wanted ?? '-', row.latest ?? '-', note]);
  }
  printLines(table(lines));
  if (rows.some((row) => row.error)) process.exitCode = 4;
}

import { installAll, type InstallAllResult } from '../../app/install/install-all.js';
import { managedContext } from '../app-context.js';
import { withMinAge } from './min-age.js';
import { reportFailures } from '../failures.js';
import { printLines } from '../output.js';
import { withProgressBoard } from '../progress-board.js';

export async function install(flags: { locked?: boolean; minAge?: string } = {}): Promise<void> {
  const board = withProgressBoard(withMinAge(await managedContext(), flags.minAge), process.stderr);
  let result: InstallAllResult;
  try {
    result = await installAll(board.ctx, flags.locked ? { locked: true } : {});
  } finally {
    board.close();
  }
  printLines([
    `from ${result.file}${flags.locked ? ' (locked)' : ''}:`,
    ...result.entries.map((e) => `  ${e.tool} ${e.spec} → ${e.version} (${e.installed ? 'installed' : 'already installed'})`),
  ]);
  const failures = result.failed.map((f) => ({ label: `${f.tool} ${f.spec} (line ${f.line})`, error: f.error }));
  const done = result.entries.length === 0 ? 'nothing was installed' : 'the other lines are installed';
  reportFailures(failures, { total: result.entries.length + failures.length, done, retry: `tool install${flags.locked ? ' --locked' : ''}` });
}

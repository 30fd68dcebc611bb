import { installAll, type InstallAllResult } from '../../app/install/install-all.js';
import { managedContext } from '../app-context.js';
import { withMinAge } from './min-age.js';
import { failureExitCode, reportFailures } from '../failures.js';
import { errorJson } from '../json/common.js';
import { printJson, printLines } from '../output.js';
import { withProgressBoard } from '../progress-board.js';

export async function install(flags: { locked?: boolean; minAge?: string; json?: boolean } = {}): Promise<void> {
  const board = withProgressBoard(withMinAge(await managedContext(), flags.minAge), process.stderr);
  let result: InstallAllResult;
  try {
    result = await installAll(board.ctx, flags.locked ? { locked: true } : {});
  } finally {
    board.close();
  }
  const failures = result.failed.map((f) => ({ label: `${f.tool} ${f.spec} (line ${f.line})`, error: f.error }));
  if (flags.json) {
    // The failures are in the document; the exit code still says the first category, as without --json.
    if (failures.length > 0) process.exitCode = failureExitCode(failures);
    const tools = result.entries.map((e) => ({ tool: e.tool, spec: e.spec, line: e.line, version: e.version, downloaded: e.installed }));
    return printJson({ file: result.file, locked: Boolean(flags.locked), tools, failed: result.failed.map((f) => ({ tool: f.tool, spec: f.spec, line: f.line, error: errorJson(f.error) })) });
  }
  printLines([
    `from ${result.file}${flags.locked ? ' (locked)' : ''}:`,
    ...result.entries.map((e) => `  ${e.tool} ${e.spec} → ${e.version} (${e.installed ? 'installed' : 'already installed'})`),
  ]);
  const done = result.entries.length === 0 ? 'nothing was installed' : 'the other lines are installed';
  reportFailures(failures, { total: result.entries.length + failures.length, done, retry: `tool install${flags.locked ? ' --locked' : ''}` });
}

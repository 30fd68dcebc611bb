/** `tool setup`: the shims directory on PATH in the shell's startup file, and exactly what changed. */
import { setupShell, type ProfileChange, type SetupResult } from '../../app/shell/setup.js';
import type { ShellName } from '../../app/shell/shells.js';
import { cliContext, managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

interface SetupFlags {
  shell?: ShellName;
  print?: boolean;
  json?: boolean;
}

function already(change: ProfileChange, shims: string): string {
  const where = change.at && change.at.file !== change.file ? `${change.at.file} line ${change.at.line}` : `line ${change.at?.line}`;
  return `${where} already puts ${shims} on PATH`;
}

function printed(change: ProfileChange, shims: string): string[] {
  switch (change.action) {
    case 'add':
      return [`# tool setup would add these lines to ${change.file}:`, ...change.block];
    case 'update':
      return [`# tool setup would replace its block at line ${change.at?.line} of ${change.file} with:`, ...change.block];
    case 'none':
      return [`# nothing to add to ${change.file}: ${already(change, shims)}`];
  }
}

function applied(change: ProfileChange, shims: string): string[] {
  const indented = change.block.map((line) => `  ${line}`);
  switch (change.action) {
    case 'add':
      return [`${change.file}: added at line ${change.at?.line}:`, ...indented];
    case 'update':
      return [`${change.file}: replaced tool's block at line ${change.at?.line} with:`, ...indented];
    case 'none':
      return [`${change.file}: nothing changed; ${already(change, shims)}`];
  }
}

function lines(result: SetupResult): string[] {
  if (result.dryRun) return result.changes.flatMap((change) => printed(change, result.shims));
  const out = result.changes.flatMap((change) => applied(change, result.shims));
  const edited = result.changes.find((change) => change.action !== 'none');
  if (edited) out.push(`Open a new shell, or run \`${result.shell === 'fish' ? 'source' : '.'} ${edited.file}\` in this one, to use the shims.`);
  return out;
}

export async function setup(flags: SetupFlags): Promise<void> {
  // --print changes nothing, not even TOOL_HOME.
  const ctx = flags.print ? cliContext() : await managedContext();
  const result = await setupShell({ shell: flags.shell, dryRun: Boolean(flags.print), shims: ctx.layout.shims, env: process.env });
  if (flags.json) {
    const files = result.changes.map(({ at, ...change }) => ({ ...change, pathEntry: at }));
    return printJson({ shell: result.shell, shimsDir: result.shims, dryRun: result.dryRun, files });
  }
  printLines(lines(result));
}

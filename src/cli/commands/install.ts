import { installAll } from '../../app/install/install-all.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';

export async function install(flags: { locked?: boolean } = {}): Promise<void> {
  const result = await installAll(await managedContext(), flags);
  printLines([
    `from ${result.file}${flags.locked ? ' (locked)' : ''}:`,
    ...result.entries.map((e) => `  ${e.tool} ${e.spec} → ${e.version} (${e.installed ? 'installed' : 'already installed'})`),
  ]);
}

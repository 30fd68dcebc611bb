import { searchRegistry, toolInfo } from '../../app/lifecycle/search.js';
import { cliContext } from '../app-context.js';
import { printJson, printLines, table } from '../output.js';

export async function search(words: string[], flags: { json?: boolean }): Promise<void> {
  const hits = searchRegistry(cliContext(), words.join(' '));
  if (flags.json) return printJson(hits);
  if (hits.length === 0) return printLines([`no registry entry matches "${words.join(' ')}"; any GitHub project works as owner/repo`]);
  printLines(table([['NAME', 'REPO', 'EXECUTABLES', 'DESCRIPTION'], ...hits.map((h) => [h.name, h.repo, h.bins.join(','), h.description])]));
}

export async function info(name: string, flags: { json?: boolean }): Promise<void> {
  const result = await toolInfo(cliContext(), name);
  if (flags.json) return printJson(result);
  const entry = result.registry;
  const platforms = entry?.assets ? Object.entries(entry.assets).map(([key, value]) => `    ${key}: ${value}`) : ['    (chosen by the asset heuristic)'];
  printLines([
    `${result.name} (${result.repo})`,
    ...(entry ? [`  ${entry.description}`, `  executables: ${entry.bins.map((b) => (b.path ? `${b.name} (${b.path})` : b.name)).join(', ')}`] : ['  not in the registry; added by owner/repo']),
    ...(entry ? [`  versions: ${entry.versionOrder}${entry.tagPrefix ? `, tags start with "${entry.tagPrefix}"` : ''}`, `  checksums: ${entry.checksum?.file ?? 'GitHub digest or a common checksum file'}`, '  assets:', ...platforms] : []),
    `  updates itself: ${result.selfUpdate ? `yes${entry?.selfUpdate ? ` (\`${entry.selfUpdate.args.join(' ')}\`, ${entry.selfUpdate.method})` : ''}` : 'no'}`,
    `  installed: ${result.installed.join(', ') || 'none'}`,
    ...(result.added ? [`  global: ${result.global ?? 'none'} (follows ${result.follows ?? 'latest'}${result.held ? ', held' : ''})`] : []),
  ]);
}

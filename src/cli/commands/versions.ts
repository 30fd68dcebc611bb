import { identifyTool } from '../../app/select/identify.js';
import { remoteVersions } from '../../app/lifecycle/versions.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

export async function versions(name: string, flags: { json?: boolean; all?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const tool = await identifyTool(ctx, name);
  const list = await remoteVersions(ctx, tool);
  if (flags.json) return printJson({ tool: tool.id, releases: list });
  if (list.length === 0) return printLines([`${tool.repo} has no releases with a version tag`]);
  printLines([
    `${tool.id} (${tool.repo}): ${list.length} release${list.length === 1 ? '' : 's'}, newest first`,
    ...list.map((v) => `  ${v.version.padEnd(16)} ${(v.publishedAt ?? '').slice(0, 10).padEnd(10)}${v.prerelease ? '  prerelease' : ''}${v.installed ? '  installed' : ''}`),
  ]);
}

import { listTools } from '../../app/list.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines, table } from '../output.js';

export async function list(flags: { json?: boolean }): Promise<void> {
  const tools = await listTools(await managedContext());
  if (flags.json) return printJson(tools);
  if (tools.length === 0) return printLines(['no tools added yet; try `tool add yt-dlp`']);
  const rows: string[][] = [['TOOL', 'VERSION', 'ACTIVE HERE', 'WHY']];
  for (const tool of tools) {
    for (const version of tool.versions.length ? tool.versions : ['-']) {
      const active = tool.active?.version === version;
      rows.push([tool.tool, version, active ? '*' : '', active ? `${tool.active!.spec} from ${tool.active!.source}${tool.held ? ' (held)' : ''}` : '']);
    }
    if (tool.active && !tool.active.version) rows.push([tool.tool, tool.active.spec, 'missing', `${tool.active.source}: run \`tool install\``]);
    if (tool.problem) rows.push([tool.tool, '', 'error', tool.problem]);
  }
  printLines(table(rows));
}

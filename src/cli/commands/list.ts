import { listTools, type ListedTool } from '../../app/lifecycle/list.js';
import { describeSource } from '../../pins/resolve.js';
import { sourceJson } from '../json/common.js';
import { formatExpiry } from '../../app/throwaway/pending.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines, table } from '../output.js';
import { reasonNote } from './reason-text.js';

/** The contract's field order, absent values null. */
function listedJson(tool: ListedTool): object {
  const active = tool.active ? { version: tool.active.version ?? null, spec: tool.active.spec, source: sourceJson(tool.active.source) } : null;
  return { tool: tool.tool, repo: tool.repo, exes: tool.exes, versions: tool.versions, active, held: tool.held, reason: tool.reason ?? null, added: tool.added, modified: tool.modified, ephemeral: tool.ephemeral, problem: tool.problem ?? null };
}

export async function list(flags: { json?: boolean }): Promise<void> {
  const tools = await listTools(await managedContext());
  if (flags.json) return printJson({ tools: tools.map(listedJson) });
  if (tools.length === 0) return printLines(['no tools added yet; try `tool add yt-dlp`']);
  const rows: string[][] = [['TOOL', 'VERSION', 'ACTIVE HERE', 'WHY']];
  for (const tool of tools) {
    const versions = tool.versions.length ? tool.versions : ['-'];
    // The hold and its reason belong to the tool: shown on the active row, else on its first.
    const noteRow = versions.find((version) => version === tool.active?.version) ?? versions[0];
    // A tool nobody added says so, unless each version is already explained as ephemeral.
    const unexplained = !tool.added && versions.some((version) => !tool.ephemeral.some((item) => item.version === version));
    const note = tool.added ? reasonNote(tool.held, tool.reason) : unexplained ? 'not added: installed by `tool run`, a shim or a project pin' : '';
    for (const version of versions) {
      const active = tool.active?.version === version;
      const why = active ? `${tool.active!.spec} from ${describeSource(tool.active!.source)}` : '';
      const noted = version === noteRow && note ? (why ? `${why} (${note})` : note) : why;
      const ephemeral = tool.ephemeral.find((item) => item.version === version);
      const temporary = ephemeral ? `ephemeral${ephemeral.by ? ` (tool ${ephemeral.by})` : ''}, expires ${formatExpiry(new Date(ephemeral.expiresAt))}` : '';
      const warning = tool.modified.includes(version) ? `MODIFIED after install (reinstall: tool remove ${tool.tool}@${version}, then install it again)` : '';
      rows.push([tool.tool, version, active ? '*' : '', [noted, temporary, warning].filter(Boolean).join('; ')]);
    }
    if (tool.active && !tool.active.version) rows.push([tool.tool, tool.active.spec, 'missing', `${describeSource(tool.active.source)}: run \`tool install\``]);
    if (tool.problem) rows.push([tool.tool, '', 'error', tool.problem]);
  }
  printLines(table(rows, [undefined, 'version']));
}

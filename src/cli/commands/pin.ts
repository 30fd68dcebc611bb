import { pinTool, unpinTool } from '../../app/lifecycle/pin.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

export async function pin(text: string, flags: { reason?: string; json?: boolean } = {}): Promise<void> {
  const result = await pinTool(await managedContext(), parseToolRequest(text), flags.reason);
  if (flags.json) return printJson({ tool: result.tool.id, spec: result.spec, file: result.file, version: result.version, downloaded: result.installed });
  printLines([
    `pinned ${result.tool.id} ${result.spec} in ${result.file}`,
    `${result.installed ? 'installed' : 'using installed'} ${result.tool.id} ${result.version}`,
  ]);
}

export async function unpin(name: string, flags: { json?: boolean } = {}): Promise<void> {
  const result = await unpinTool(await managedContext(), name);
  if (flags.json) return printJson({ tool: result.tool, file: result.file });
  printLines([`unpinned ${result.tool} in ${result.file}`]);
}

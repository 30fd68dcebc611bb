import { pinTool, unpinTool } from '../../app/lifecycle/pin.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';

export async function pin(text: string, flags: { reason?: string } = {}): Promise<void> {
  const result = await pinTool(await managedContext(), parseToolRequest(text), flags.reason);
  printLines([
    `pinned ${result.tool.id} ${result.spec} in ${result.file}`,
    `${result.installed ? 'installed' : 'using installed'} ${result.tool.id} ${result.version}`,
  ]);
}

export async function unpin(name: string): Promise<void> {
  const result = await unpinTool(await managedContext(), name);
  printLines([`unpinned ${result.tool} in ${result.file}`]);
}

import { removeTool } from '../../app/lifecycle/remove.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';

export async function remove(text: string): Promise<void> {
  const result = await removeTool(await managedContext(), parseToolRequest(text));
  printLines([
    result.whole ? `removed ${result.tool}` : `removed ${result.tool} ${result.removedVersions.join(', ')}`,
    ...(result.whole && result.removedVersions.length ? [`  versions: ${result.removedVersions.join(', ')}`] : []),
    ...(result.removedShims.length ? [`  shims: ${result.removedShims.join(', ')}`] : []),
  ]);
}

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
    ...result.stillPinned.map((pin) => `warning: ${pin.file} line ${pin.line} still pins ${result.tool} ${pin.spec}${pin.locked ? ' (and its .tools.lock)' : ''}; running it there installs it again. \`tool unpin ${result.tool}\` in that directory drops the pin`),
  ]);
}

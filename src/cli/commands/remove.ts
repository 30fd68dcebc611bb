import { removeTool } from '../../app/lifecycle/remove.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

export async function remove(text: string, flags: { json?: boolean } = {}): Promise<void> {
  const result = await removeTool(await managedContext(), parseToolRequest(text));
  if (flags.json) {
    const stillPinned = result.stillPinned.map((pin) => ({ file: pin.file, line: pin.line, spec: pin.spec, inLock: pin.locked }));
    return printJson({ tool: result.tool, whole: result.whole, versions: result.removedVersions, shims: result.removedShims, stillPinned });
  }
  printLines([
    result.whole ? `removed ${result.tool}` : `removed ${result.tool} ${result.removedVersions.join(', ')}`,
    ...(result.whole && result.removedVersions.length ? [`  versions: ${result.removedVersions.join(', ')}`] : []),
    ...(result.removedShims.length ? [`  shims: ${result.removedShims.join(', ')}`] : []),
    ...result.stillPinned.map((pin) => `warning: ${pin.file} line ${pin.line} still pins ${result.tool} ${pin.spec}${pin.locked ? ' (and its .tools.lock)' : ''}; running it there installs it again. \`tool unpin ${result.tool}\` in that directory drops the pin`),
  ]);
}
